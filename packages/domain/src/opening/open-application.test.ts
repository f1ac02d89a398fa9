import { describe, expect, it } from 'vitest';
import { nextOpenState, openRouteOf, usageReportDueDates, usageReportStatus, validateOpenApplication } from './open-application.js';

const ALL = { lawfulUse: true, protection: true, usageReports: true, citation: true };

describe('open data applications (R19.1–R19.3)', () => {
  it('routes conditional data to review and data not yet open to a demand; unconditional needs none', () => {
    expect(openRouteOf({ openType: 'conditional' })).toEqual({ ok: true, value: 'conditional' });
    expect(openRouteOf({ openType: 'none' })).toEqual({ ok: true, value: 'demand' });
    expect(openRouteOf(null)).toEqual({ ok: true, value: 'demand' });
    expect(openRouteOf({ openType: 'unconditional' })).toMatchObject({
      ok: false,
      refusal: { code: 'OPEN_NO_APPLICATION_NEEDED', requirement: 'R19.1' },
    });
  });
  it('an application states purpose, measures, a period of at most three years and every commitment', () => {
    const problems = validateOpenApplication({
      purpose: ' ',
      measures: '',
      periodFrom: '2026-12-01',
      periodTo: '2030-12-01',
      commitments: { ...ALL, citation: false },
    });
    expect(problems.map((p) => p.field)).toEqual(['purpose', 'measures', 'commitments.citation', 'periodTo']);
    expect(problems.every((p) => p.requirement === 'R19.2')).toBe(true);
    expect(
      validateOpenApplication({
        purpose: '出行应用',
        measures: '加密存储',
        periodFrom: '2026-12-01',
        periodTo: '2027-11-30',
        commitments: ALL,
      }),
    ).toEqual([]);
  });
  it('moves through formal review and the provider like a share request', () => {
    expect(nextOpenState('conditional', 'formal_review', { type: 'formal_approve' })).toEqual({ ok: true, value: 'provider_review' });
    expect(nextOpenState('demand', 'formal_review', { type: 'formal_approve' })).toEqual({ ok: true, value: 'provider_answer' });
    expect(nextOpenState('conditional', 'granted', { type: 'withdraw' }).ok).toBe(false);
  });
});

describe('usage reports (R20.1)', () => {
  it('falls due every period within the grant', () => {
    expect(usageReportDueDates('2026-11-30', '2027-11-29', 3)).toEqual(['2027-02-28', '2027-05-28', '2027-08-28', '2027-11-28']);
    expect(usageReportDueDates('2026-01-15', '2026-12-31', 6)).toEqual(['2026-07-15']);
  });
  it('is upcoming, then due (reminders), then overdue, then suspends the grant after the grace period', () => {
    expect(usageReportStatus('2027-03-01', '2027-02-01', 7, 10)).toBe('upcoming');
    expect(usageReportStatus('2027-03-01', '2027-02-25', 7, 10)).toBe('due');
    expect(usageReportStatus('2027-03-01', '2027-03-01', 7, 10)).toBe('due');
    expect(usageReportStatus('2027-03-01', '2027-03-05', 7, 10)).toBe('overdue');
    expect(usageReportStatus('2027-03-01', '2027-03-12', 7, 10)).toBe('suspend');
  });
});
