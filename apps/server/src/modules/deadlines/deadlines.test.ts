/**
 * The deadline engine in time-travel tests on the official calendar (R14, R19, R35.1, R37.1):
 * opening, the steward's and the bureau's pending views, the sweeper's reminder, overdue marking,
 * notifications and escalation, concurrent sweepers, provisional due dates, rule-set versions.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, testClock, type Harness, type SignedIn } from '../../../test/harness.js';
import { createDeadlinesService } from './deadlines.service.js';

async function issue(h: Harness, s: SignedIn, agencyCode: string, title: string, term?: number) {
  const agency = await h.db.selectFrom('agencies').select('id').where('code', '=', agencyCode).executeTakeFirstOrThrow();
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/rectifications',
    headers: s.headers,
    payload: { agencyId: agency.id, title, reason: '测试原因', requirement: 'R11.1', ...(term ? { termWorkingDays: term } : {}) },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{
    id: string;
    deadline: { id: string; dueOn: string; dueAt: string; provisional: boolean; workingDaysLeft: number; ruleSet: string };
  }>();
}

async function notificationsOf(h: Harness, username: string, kind: string) {
  return h.db
    .selectFrom('notifications')
    .innerJoin('users', 'users.id', 'notifications.user_id')
    .select(['notifications.title_zh', 'notifications.deadline_id'])
    .where('users.username', '=', username)
    .where('notifications.kind', '=', kind)
    .execute();
}

describe('a step through its life on the 2026 National Day calendar', () => {
  const clock = testClock('2026-09-24T10:00:00+08:00'); // Thursday, before the Mid-Autumn and National Day holidays
  let h: Harness;
  let reviewer: SignedIn;
  let steward: SignedIn;
  let order: Awaited<ReturnType<typeof issue>>;

  beforeAll(async () => {
    h = await createHarness({ clock });
    reviewer = await h.signIn('reviewer');
    steward = await h.signIn('hrss-steward');
    order = await issue(h, reviewer, 'hrss', '社保数据未按期汇聚', 5);
  });
  afterAll(async () => h.close());

  it('computes the due day across the holidays and records the rule set and article (R35.1, R37.1)', async () => {
    // Received Thursday 09-24; 09-25 is the Mid-Autumn holiday, 10-01…10-07 National Day: the
    // five working days are 09-28, 09-29, 09-30, 10-08 and 10-09.
    expect(order.deadline).toMatchObject({
      dueOn: '2026-10-09',
      dueAt: '2026-10-09T15:59:59.999Z',
      provisional: false,
      workingDaysLeft: 5,
      ruleSet: 'tengzhou-2025',
    });
    const row = await h.db.selectFrom('deadlines').selectAll().where('id', '=', order.deadline.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      step: 'rectification.response',
      article: '第三十五条',
      requirement: 'R35.1',
      received_on: '2026-09-24',
      working_days: 5,
      state: 'open',
    });
  });

  it('notifies the responsible agency’s steward when the step opens', async () => {
    expect(await notificationsOf(h, 'hrss-steward', 'deadline.opened')).toHaveLength(1);
    const bell = await h.app.inject({ method: 'GET', url: '/api/notifications', headers: steward.headers });
    expect(bell.json()).toMatchObject({
      unread: 1,
      items: [{ kind: 'deadline.opened', title: { zh: expect.stringContaining('社保数据未按期汇聚') } }],
    });
  });

  it('shows the step in the steward’s and the bureau’s pending lists with time left', async () => {
    const mine = await h.app.inject({ method: 'GET', url: '/api/deadlines/pending', headers: steward.headers });
    expect(mine.json()).toEqual([
      expect.objectContaining({
        id: order.deadline.id,
        workingDaysLeft: 5,
        overdue: false,
        stepLabel: { zh: '责令限期改正', en: 'Rectification within the ordered term' },
      }),
    ]);
    const bureau = await h.app.inject({ method: 'GET', url: '/api/deadlines/pending', headers: reviewer.headers });
    expect(bureau.json().map((i: { id: string }) => i.id)).toContain(order.deadline.id);
    const other = await h.signIn('civil-steward');
    expect((await h.app.inject({ method: 'GET', url: '/api/deadlines/pending', headers: other.headers })).json()).toEqual([]);
  });

  it('reminds one working day before the due day, once', async () => {
    clock.set('2026-10-07T09:00:00+08:00'); // still a holiday: two working days left
    expect(await h.services.deadlines.sweep()).toEqual({ overdue: 0, reminded: 0 });
    clock.set('2026-10-08T09:00:00+08:00');
    expect(await h.services.deadlines.sweep()).toEqual({ overdue: 0, reminded: 1 });
    expect(await h.services.deadlines.sweep()).toEqual({ overdue: 0, reminded: 0 });
    expect(await notificationsOf(h, 'hrss-steward', 'deadline.due_soon')).toHaveLength(1);
  });

  it('is not overdue during its last day, and is marked overdue, notified and escalated right after', async () => {
    clock.set('2026-10-09T23:59:59+08:00');
    expect((await h.services.deadlines.sweep()).overdue).toBe(0);
    clock.set('2026-10-10T00:00:01+08:00');
    expect(await h.services.deadlines.sweep()).toEqual({ overdue: 1, reminded: 0 });
    expect(await h.services.deadlines.sweep()).toEqual({ overdue: 0, reminded: 0 });
    expect(await notificationsOf(h, 'hrss-steward', 'deadline.overdue')).toHaveLength(1);
    expect(await notificationsOf(h, 'admin', 'deadline.escalated')).toEqual([
      expect.objectContaining({ title_zh: expect.stringContaining('滕州市人力资源和社会保障局') }),
    ]);
    const row = await h.db.selectFrom('deadlines').selectAll().where('id', '=', order.deadline.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ state: 'overdue' });
    expect(row.escalated_at?.toISOString()).toBe('2026-10-09T16:00:01.000Z');
    steward = await h.signIn('hrss-steward'); // days have passed: sign in again
    const pending = await h.app.inject({ method: 'GET', url: '/api/deadlines/pending', headers: steward.headers });
    expect(pending.json()[0]).toMatchObject({ overdue: true, state: 'overdue', workingDaysLeft: -1 }); // Saturday 10-10 is a make-up working day
    const audit = await h.db.selectFrom('audit_log').select(['action', 'actor_label']).where('action', '=', 'deadline.overdue').execute();
    expect(audit).toEqual([{ action: 'deadline.overdue', actor_label: 'system' }]);
  });

  it('counts a late report as met late in the on-time figures (R33.1)', async () => {
    clock.set('2026-10-12T10:00:00+08:00');
    steward = await h.signIn('hrss-steward');
    reviewer = await h.signIn('reviewer');
    const reported = await h.app.inject({
      method: 'POST',
      url: `/api/rectifications/${order.id}/report`,
      headers: steward.headers,
      payload: { report: '已补报社保数据' },
    });
    expect(reported.statusCode).toBe(200);
    expect(reported.json()).toMatchObject({ state: 'reported', deadline: null });
    const stats = await h.app.inject({
      method: 'GET',
      url: '/api/deadlines/stats?from=2026-01-01&to=2026-12-31',
      headers: reviewer.headers,
    });
    const hrss = stats.json().byAgency.find((r: { label: { zh: string } }) => r.label.zh === '滕州市人力资源和社会保障局');
    expect(hrss).toMatchObject({ metOnTime: 0, metLate: 1, overdue: 0, rate: 0 });
    expect(stats.json().byStep).toEqual([expect.objectContaining({ key: 'rectification.response', metLate: 1 })]);
  });
});

describe('several sweepers at once', () => {
  it('mark each overdue step once, with one notification per person', async () => {
    const clock = testClock('2026-03-02T10:00:00+08:00');
    const h = await createHarness({ clock, env: {} });
    try {
      const reviewer = await h.signIn('reviewer');
      const codes = ['hrss', 'civil', 'market', 'transport', 'water', 'health', 'housing', 'nature', 'tax', 'police'];
      for (const code of codes) for (let i = 0; i < 3; i++) await issue(h, reviewer, code, `并发测试 ${code} ${i}`, 1);
      clock.set('2026-03-10T10:00:00+08:00');
      const sweepers = [0, 1, 2].map(() => createDeadlinesService({ db: h.db, audit: h.services.audit, clock }));
      const results = await Promise.all(sweepers.map((s) => s.sweep()));
      expect(results.reduce((n, r) => n + r.overdue, 0)).toBe(30);
      const audits = await sql<{
        n: number;
      }>`select count(*)::int as n, count(distinct subject_id)::int as d from audit_log where action = 'deadline.overdue'`.execute(h.db);
      expect(audits.rows[0]).toEqual({ n: 30, d: 30 });
      const perSteward = await sql<{ n: number }>`
        select count(*)::int as n from notifications n join users u on u.id = n.user_id
        where u.username = 'hrss-steward' and n.kind = 'deadline.overdue'`.execute(h.db);
      expect(perSteward.rows[0]?.n).toBe(3);
      expect((await h.services.audit.verify(h.db)).ok).toBe(true);
    } finally {
      await h.close();
    }
  });
});

describe('unpublished years and revised rule sets (R37.1)', () => {
  const clock = testClock('2026-12-24T10:00:00+08:00');
  let h: Harness;
  let admin: SignedIn;
  let reviewer: SignedIn;
  beforeAll(async () => {
    h = await createHarness({ clock });
    admin = await h.signIn('admin');
    reviewer = await h.signIn('reviewer');
  });
  afterAll(async () => h.close());

  it('counts into an unpublished year weekdays-only, flagged provisional everywhere', async () => {
    const order = await issue(h, reviewer, 'water', '跨年整改', 10);
    // 12-25, 12-28…12-31 are five; 2027 is unpublished, so 01-01, 01-04…01-07 count as weekdays.
    expect(order.deadline).toMatchObject({ dueOn: '2027-01-07', provisional: true });
    const steward = await h.signIn('water-steward');
    const pending = await h.app.inject({ method: 'GET', url: '/api/deadlines/pending', headers: steward.headers });
    expect(pending.json()[0]).toMatchObject({ provisional: true });
    const opened = await notificationsOf(h, 'water-steward', 'deadline.opened');
    expect(opened).toHaveLength(1);
    const body = await h.db
      .selectFrom('notifications')
      .select('body_zh')
      .where('deadline_id', '=', order.deadline.id)
      .executeTakeFirstOrThrow();
    expect(body.body_zh).toContain('暂按周一至周五计算');
  });

  it('recomputes open steps when the year is published', async () => {
    const res = await h.app.inject({
      method: 'PUT',
      url: '/api/calendar/2027',
      headers: admin.headers,
      payload: { source: '国务院办公厅关于2027年部分节假日安排的通知（测试数据）', holidaysOnWeekdays: ['2027-01-01'], makeupWorkdays: [] },
    });
    expect(res.statusCode).toBe(200);
    const row = await h.db.selectFrom('deadlines').selectAll().where('title', '=', '跨年整改').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ due_on: '2027-01-08', provisional: false });
    const audit = await h.db.selectFrom('audit_log').select('details').where('action', '=', 'deadline.recompute').executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ dueOnBefore: '2027-01-07', dueOnAfter: '2027-01-08' });
  });

  it('uses the rule set in force on the day a step starts, and records it', async () => {
    const revised = (await h.app.inject({ method: 'GET', url: '/api/rule-sets' })).json()[0].document;
    revised.code = 'tengzhou-2027-revision';
    revised.validFrom = '2027-01-01';
    revised.validTo = '2031-12-31';
    revised.limits['rectification.response'].defaultWorkingDays = 8;
    const loaded = await h.app.inject({ method: 'POST', url: '/api/rule-sets', headers: admin.headers, payload: revised });
    expect(loaded.statusCode, loaded.body).toBe(201);

    const before = await issue(h, reviewer, 'tax', '旧规则下的整改');
    expect(before.deadline.ruleSet).toBe('tengzhou-2025');
    clock.set('2027-01-04T10:00:00+08:00');
    reviewer = await h.signIn('reviewer');
    const after = await issue(h, reviewer, 'tax', '新规则下的整改');
    expect(after.deadline.ruleSet).toBe('tengzhou-2027-revision');
    const terms = await h.db
      .selectFrom('rectification_orders')
      .select(['title', 'term_working_days'])
      .where('title', 'in', ['旧规则下的整改', '新规则下的整改'])
      .orderBy('title')
      .execute();
    expect(terms).toEqual([
      { title: '新规则下的整改', term_working_days: 8 },
      { title: '旧规则下的整改', term_working_days: 10 },
    ]);
  });
});
