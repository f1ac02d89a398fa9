import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type SignedIn } from '../../../test/harness.js';

let h: Harness;
let admin: SignedIn;
beforeAll(async () => {
  h = await createHarness();
  admin = await h.signIn('admin');
});
afterAll(async () => h.close());

const add = (from: string, days: number, extra = '') =>
  h.app.inject({ method: 'GET', url: `/api/calendar/add-working-days?from=${from}&days=${days}${extra}` });

describe('GET /api/calendar/add-working-days on the stored official calendar (R37.1)', () => {
  it.each([
    ['2025-01-24', 1, '2025-01-26'], // Friday → Sunday make-up working day before the Spring Festival
    ['2025-01-26', 1, '2025-01-27'],
    ['2025-01-27', 1, '2025-02-05'], // across the Spring Festival block
    ['2025-09-30', 1, '2025-10-09'], // across National Day
    ['2025-12-31', 1, '2026-01-04'], // 2026-01-01/02 off, Sunday 01-04 a make-up day
    ['2026-02-13', 1, '2026-02-14'], // Saturday make-up day before the 2026 Spring Festival
    ['2026-02-14', 1, '2026-02-24'],
    ['2026-09-30', 1, '2026-10-08'], // 2026-10-08 (Thursday) is no holiday in the 2026 notice
    ['2026-10-08', 1, '2026-10-09'],
    ['2026-10-09', 1, '2026-10-10'], // Saturday make-up day
  ])('%s + %i working day(s) = %s', async (from, days, expected) => {
    const res = await add(from, days);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ from, days, date: expected, provisional: false });
  });

  it('refuses a count reaching an unpublished year, naming the year and R37.1', async () => {
    const res = await add('2026-12-28', 10);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'CALENDAR_YEAR_UNPUBLISHED', requirement: 'R37.1', details: { year: 2027 } });
  });

  it('answers provisionally (weekdays only) when asked, and says so', async () => {
    const res = await add('2026-12-28', 10, '&provisional=true');
    expect(res.json()).toEqual({ from: '2026-12-28', days: 10, date: '2027-01-11', provisional: true });
  });

  it('refuses malformed input naming the field', async () => {
    const res = await add('2026-13-01', 1);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
  });
});

describe('the calendar as data (R37.1)', () => {
  it('lists the published years with 248 working days each', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/calendar' });
    expect(res.json().map((y: { year: number; workingDays: number }) => [y.year, y.workingDays])).toEqual([
      [2025, 248],
      [2026, 248],
    ]);
    const y2026 = await h.app.inject({ method: 'GET', url: '/api/calendar/2026' });
    expect(y2026.json().makeupWorkdays).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    expect((await h.app.inject({ method: 'GET', url: '/api/calendar/2027' })).statusCode).toBe(422);
  });

  it('refuses an import with a make-up day on a weekday, naming the date, and keeps nothing', async () => {
    const res = await h.app.inject({
      method: 'PUT',
      url: '/api/calendar/2027',
      headers: admin.headers,
      payload: { source: '测试', holidaysOnWeekdays: ['2027-01-01'], makeupWorkdays: ['2027-01-05'] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'CALENDAR_DATA_INVALID',
      details: { year: '2027', date: '2027-01-05', reason: 'makeup_on_weekday' },
    });
    expect((await h.app.inject({ method: 'GET', url: '/api/calendar/2027' })).statusCode).toBe(422);
  });

  it('imports a new year (audited), after which arithmetic into it is exact', async () => {
    const res = await h.app.inject({
      method: 'PUT',
      url: '/api/calendar/2027',
      headers: admin.headers,
      payload: { source: '国务院办公厅关于2027年部分节假日安排的通知（测试数据）', holidaysOnWeekdays: ['2027-01-01'], makeupWorkdays: [] },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ year: 2027, workingDays: 260 });
    const answer = await add('2026-12-28', 10);
    expect(answer.json()).toEqual({ from: '2026-12-28', days: 10, date: '2027-01-12', provisional: false });
    const entry = await h.db.selectFrom('audit_log').selectAll().where('action', '=', 'calendar.import').executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ subject_id: '2027', actor_label: 'admin' });
  });

  it('lets the bureau correct a year; the change is audited with before and after', async () => {
    const current = (await h.app.inject({ method: 'GET', url: '/api/calendar/2027' })).json();
    const res = await h.app.inject({
      method: 'PUT',
      url: '/api/calendar/2027',
      headers: admin.headers,
      payload: { source: current.source, holidaysOnWeekdays: ['2027-01-01', '2027-02-08'], makeupWorkdays: [] },
    });
    expect(res.json().workingDays).toBe(259);
    const entry = await h.db.selectFrom('audit_log').selectAll().where('action', '=', 'calendar.update').executeTakeFirstOrThrow();
    expect(entry.details).toMatchObject({
      before: { holidaysOnWeekdays: ['2027-01-01'] },
      after: { holidaysOnWeekdays: ['2027-01-01', '2027-02-08'] },
    });
  });
});

describe('rule sets (R37.1)', () => {
  it('ships the regulation with its validity and limits', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/rule-sets' });
    const [set] = res.json();
    expect(set).toMatchObject({ code: 'tengzhou-2025', validFrom: '2025-01-10', validTo: '2030-01-09', inForce: true });
    expect(set.document.limits['share.conditional.provider_review']).toMatchObject({
      workingDays: 2,
      article: '第十四条',
      requirement: 'R14.2',
    });
    expect(set.document.categories.openNoneGrounds).toHaveLength(5);
  });

  it('refuses an invalid rule set naming the path', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/rule-sets',
      headers: admin.headers,
      payload: {
        code: 'broken',
        title: 't',
        source: 's',
        validFrom: '2027-01-01',
        validTo: '2026-01-01',
        limits: {
          'share.x.y': { workingDays: 1, article: null, requirement: 'R14.1', responsible: 'bureau', label: { zh: 'a', en: 'b' } },
        },
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'RULE_SET_INVALID', field: 'validTo', requirement: 'R37.1' });
  });
});
