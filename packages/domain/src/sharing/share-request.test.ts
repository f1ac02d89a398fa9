import { describe, expect, it } from 'vitest';
import {
  approvedScope,
  COMMITMENTS,
  nextShareState,
  ROUTE_STEPS,
  routeOf,
  validateRejection,
  validateShareRequest,
  type ShareRequestContent,
} from './share-request.js';

const base = { upperLevel: false, requesterLevel: 'city' as const, filedByBureau: false };

describe('routes (R14.1–R14.3, R15.1, R15.2)', () => {
  it('sends each kind of request down its route with its steps', () => {
    expect(routeOf({ ...base, resource: { shareType: 'unconditional' } })).toEqual({ ok: true, value: 'unconditional' });
    expect(routeOf({ ...base, resource: { shareType: 'conditional' } })).toEqual({ ok: true, value: 'conditional' });
    expect(routeOf({ ...base, resource: { shareType: 'none' } })).toEqual({ ok: true, value: 'demand' });
    expect(routeOf({ ...base, resource: null })).toEqual({ ok: true, value: 'demand' });
    expect(routeOf({ ...base, resource: null, upperLevel: true })).toEqual({ ok: true, value: 'upper_level' });
    expect(ROUTE_STEPS.conditional).toEqual(['share.conditional.formal_review', 'share.conditional.provider_review']);
    expect(ROUTE_STEPS.demand).toEqual(['share.demand.formal_review', 'share.demand.provider_answer']);
  });
  it('refuses a town filing directly, and accepts the bureau filing for it (R15.2)', () => {
    expect(routeOf({ ...base, requesterLevel: 'town', resource: { shareType: 'unconditional' } })).toMatchObject({
      ok: false,
      refusal: { code: 'SHARE_TOWN_VIA_BUREAU', requirement: 'R15.2' },
    });
    expect(routeOf({ ...base, requesterLevel: 'town', filedByBureau: true, resource: { shareType: 'unconditional' } }).ok).toBe(true);
  });
});

describe('request content (R17.1)', () => {
  const content = (overrides: Partial<ShareRequestContent> = {}): ShareRequestContent => ({
    scenario: '社保待遇资格认证',
    legalDuty: '《社会保险法》第八条',
    fields: ['sfzh', 'xm'],
    periodFrom: '2026-03-01',
    periodTo: '2027-02-28',
    commitments: Object.fromEntries(COMMITMENTS.map((c) => [c, true])) as ShareRequestContent['commitments'],
    ...overrides,
  });
  it('accepts a complete request', () => {
    expect(validateShareRequest(content(), ['sfzh', 'xm', 'csrq'])).toEqual([]);
  });
  it('requires the scenario, the legal duty and every commitment, all at once', () => {
    const problems = validateShareRequest(content({ scenario: '', commitments: { ...content().commitments, noOnwardProvision: false } }), [
      'sfzh',
      'xm',
    ]);
    expect(problems.map((p) => [p.code, p.field, p.requirement])).toEqual([
      ['SHARE_PURPOSE_REQUIRED', 'scenario', 'R17.1'],
      ['SHARE_COMMITMENT_REQUIRED', 'commitments.noOnwardProvision', 'R17.1'],
    ]);
  });
  it('refuses fields the entry does not have and periods that end before they start or run over three years', () => {
    expect(validateShareRequest(content({ fields: ['zz'] }), ['sfzh'])[0]).toMatchObject({
      code: 'SHARE_FIELDS_INVALID',
      details: { unknown: ['zz'] },
    });
    expect(validateShareRequest(content({ periodTo: '2026-01-01' }), null)[0]?.code).toBe('SHARE_PERIOD_INVALID');
    expect(validateShareRequest(content({ periodTo: '2030-01-01' }), null)[0]?.code).toBe('SHARE_PERIOD_INVALID');
  });
});

describe('rejections and the life of a request (R16.1, R16.2)', () => {
  it('needs every reason with its legal basis', () => {
    expect(validateRejection([])).toMatchObject({ code: 'SHARE_REJECTION_REASONS_REQUIRED', requirement: 'R16.1' });
    expect(validateRejection([{ reason: '涉及个人隐私', legalBasis: '' }])).not.toBeNull();
    expect(validateRejection([{ reason: '涉及个人隐私', legalBasis: '《个人信息保护法》第十三条' }])).toBeNull();
  });
  it('moves each route through its states', () => {
    const path = (route: Parameters<typeof nextShareState>[0], events: Parameters<typeof nextShareState>[2][]) => {
      let state: Parameters<typeof nextShareState>[1] = 'formal_review';
      for (const e of events) {
        const next = nextShareState(route, state, e);
        if (!next.ok) return next.refusal.code;
        state = next.value;
      }
      return state;
    };
    expect(path('unconditional', [{ type: 'formal_approve' }])).toBe('granted');
    expect(path('conditional', [{ type: 'formal_approve' }, { type: 'provider_approve' }])).toBe('granted');
    expect(
      path('conditional', [
        { type: 'formal_approve' },
        { type: 'provider_reject' },
        { type: 'open_consultation' },
        { type: 'consultation_outcome', grant: true },
      ]),
    ).toBe('granted');
    expect(path('demand', [{ type: 'formal_approve' }, { type: 'provider_answer', willShare: true }])).toBe('answered');
    expect(path('upper_level', [{ type: 'formal_approve' }, { type: 'upper_result', granted: false }])).toBe('closed');
    expect(path('conditional', [{ type: 'provider_approve' }])).toBe('SHARE_TRANSITION_INVALID');
    expect(path('unconditional', [{ type: 'formal_approve' }, { type: 'withdraw' }])).toBe('SHARE_TRANSITION_INVALID');
  });
});

describe("the provider's approval (R14.2, R19.2)", () => {
  const asked = { fields: ['a', 'b', 'c'], periodFrom: '2026-03-01', periodTo: '2026-12-31' };
  it('grants all that was asked by default, or fewer fields and a shorter period', () => {
    expect(approvedScope(asked, {})).toEqual({ ok: true, value: { fields: ['a', 'b', 'c'], periodTo: '2026-12-31' } });
    expect(approvedScope(asked, { fields: ['b'], periodTo: '2026-06-30' })).toEqual({
      ok: true,
      value: { fields: ['b'], periodTo: '2026-06-30' },
    });
    expect(approvedScope({ ...asked, periodTo: null }, {})).toEqual({
      ok: true,
      value: { fields: ['a', 'b', 'c'], periodTo: '2026-03-01' },
    });
  });
  it('refuses no fields, fields not asked for and a period outside the one asked for', () => {
    const code = (r: ReturnType<typeof approvedScope>) => (r.ok ? null : r.refusal.code);
    expect(code(approvedScope(asked, { fields: [] }))).toBe('SHARE_FIELDS_INVALID');
    expect(approvedScope(asked, { fields: ['a', 'z'] })).toMatchObject({ ok: false, refusal: { details: { unknown: ['z'] } } });
    expect(code(approvedScope(asked, { periodTo: '2027-01-01' }))).toBe('SHARE_PERIOD_INVALID');
    expect(code(approvedScope(asked, { periodTo: '2026-02-28' }))).toBe('SHARE_PERIOD_INVALID');
    expect(code(approvedScope({ ...asked, periodTo: null }, { periodTo: '2030-01-01' }))).toBe(null);
  });
});
