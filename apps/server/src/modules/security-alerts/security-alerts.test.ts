/**
 * Unusual-access alerts (R29.1, issue 8 item 4) on the real database: deliveries over 14 past days
 * as the exit writes them, then today's, and the sweep at a moment of the test clock.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type SignedIn } from '../../../test/harness.js';
import { publishResource } from '../aggregation/aggregation.fixtures.js';
import { apiKeyOf, insertGrant } from '../exit/exit.fixtures.js';

let h: Harness;
let supervisor: SignedIn;
const NOW = new Date('2026-03-16T10:30:00+08:00');
const DAY = 86_400_000;

interface Subject {
  key: string;
  user: string;
  grant: string;
}

async function subjectOf(username: string, resourceId: string): Promise<Subject> {
  const key = await apiKeyOf(h, username);
  const user = await h.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow();
  const grant = await insertGrant(h, resourceId, { apiKeyIds: [key.id] });
  return { key: key.id, user: user.id, grant: grant.id };
}

/** Deliveries as the exit writes them: under the grant, by the key of its owner. */
async function deliver(s: Subject, at: Date, rows: number): Promise<void> {
  await h.db
    .insertInto('deliveries')
    .values({
      id: randomUUID(),
      grant_id: s.grant,
      channel: 'share',
      kind: 'query',
      via: 'api_key',
      api_key_id: s.key,
      user_id: s.user,
      at,
      rows,
      fields: JSON.stringify(['xm']),
      parameters: JSON.stringify({}),
    })
    .execute();
}

/** The same use on each of the 14 days before NOW's day: `rows` records in three deliveries from 09:00. */
async function steadyHistory(s: Subject, perDay: number): Promise<void> {
  for (let d = 1; d <= 14; d++) {
    const day = new Date(new Date('2026-03-16T09:05:00+08:00').getTime() - d * DAY);
    for (let i = 0; i < 3; i++) await deliver(s, new Date(day.getTime() + i * 3_600_000), perDay / 3);
  }
}

let jumpy: Subject;
let steady: Subject;
let newcomer: Subject;

beforeAll(async () => {
  h = await createHarness();
  const { resourceId } = await publishResource(h, 'hrss');
  jumpy = await subjectOf('civil-staff', resourceId);
  steady = await subjectOf('civil-steward', resourceId);
  newcomer = await subjectOf('edu-staff', resourceId);
  await steadyHistory(jumpy, 300);
  await steadyHistory(steady, 3000);
  // Today: the steady key as usual; the jumpy key fetches 20,000 records in half an hour; a key
  // never used before fetches 12,000.
  await deliver(steady, new Date('2026-03-16T09:10:00+08:00'), 1000);
  await deliver(steady, new Date('2026-03-16T10:10:00+08:00'), 1000);
  for (let i = 0; i < 4; i++) await deliver(jumpy, new Date(`2026-03-16T10:0${i}:00+08:00`), 5000);
  await deliver(newcomer, new Date('2026-03-16T10:15:00+08:00'), 12_000);
  h.clock.set(NOW);
  supervisor = await h.signIn('police-security');
}, 120_000);
afterAll(async () => h.close());

const alertsOf = (type: 'api_key' | 'user' | 'share_grant' | 'open_grant', id: string) =>
  h.db.selectFrom('access_alerts').selectAll().where('subject_type', '=', type).where('subject_id', '=', id).execute();

describe('unusual-access sweep (R29.1)', () => {
  it('raises exactly one spike for a key far above its baseline, and tells the security supervisors', async () => {
    const result = await h.services.securityAlerts.sweep({ force: true });
    expect(result.raised).toBeGreaterThanOrEqual(3);
    const alerts = await alertsOf('api_key', jumpy.key);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      kind: 'spike',
      window_kind: 'hour',
      observed: 20_000,
      baseline: 100,
      factor: 5,
      floor: 1000,
      state: 'open',
    });
    expect(alerts[0]?.window_start).toEqual(new Date('2026-03-16T10:00:00+08:00'));
    expect(alerts[0]?.subject_label).toContain('civil-staff');
    const civil = await h.db.selectFrom('agencies').select('id').where('code', '=', 'civil').executeTakeFirstOrThrow();
    expect(alerts[0]?.agency_id).toBe(civil.id);
    // The user and the grant of the same deliveries are subjects too.
    expect(await alertsOf('user', jumpy.user)).toHaveLength(1);
    expect(await alertsOf('share_grant', jumpy.grant)).toHaveLength(1);
    const raised = await h.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'security_alert.raise')
      .where('subject_id', '=', alerts[0]?.id ?? '')
      .executeTakeFirstOrThrow();
    expect(raised.details).toMatchObject({ kind: 'spike', subjectType: 'api_key', observed: 20_000 });

    const notes = await h.db
      .selectFrom('notifications as n')
      .innerJoin('users as u', 'u.id', 'n.user_id')
      .select(['u.username', 'n.title_zh', 'n.body_zh', 'n.link'])
      .where('n.kind', '=', 'security.access_alert')
      .execute();
    const usernames = notes.map((n) => n.username);
    expect(usernames).toEqual(expect.arrayContaining(['police-security', 'cac-security', 'secrecy-security', 'admin']));
    expect(usernames.filter((u) => u === 'police-security')).toHaveLength(1);
    expect(notes.find((n) => n.username === 'police-security')?.body_zh).toContain('civil-staff');
    expect(usernames).not.toContain('reviewer');
  });

  it('raises nothing for a key used as usual', async () => {
    expect(await alertsOf('api_key', steady.key)).toHaveLength(0);
    expect(await alertsOf('share_grant', steady.grant)).toHaveLength(0);
  });

  it('raises heavy first use for a key with no history above the higher floor', async () => {
    const alerts = await alertsOf('api_key', newcomer.key);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ kind: 'first_heavy', window_kind: 'day', observed: 12_000, baseline: null, floor: 10_000 });
  });

  it('raises no duplicate when the sweep runs again, and skips a pass within the interval', async () => {
    const before = await h.db
      .selectFrom('access_alerts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const notesBefore = await h.db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('kind', '=', 'security.access_alert')
      .executeTakeFirstOrThrow();
    await deliver(jumpy, new Date('2026-03-16T10:20:00+08:00'), 5000);
    expect(await h.services.securityAlerts.sweep({ force: true })).toEqual({ raised: 0 });
    expect(await h.services.securityAlerts.sweep()).toEqual({ raised: 0, skipped: 'recent' });
    const after = await h.db
      .selectFrom('access_alerts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    const notesAfter = await h.db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('kind', '=', 'security.access_alert')
      .executeTakeFirstOrThrow();
    expect(notesAfter.n).toBe(notesBefore.n);
  });

  it('lists alerts by state, kind and agency, with the daily records of the subject for the chart', async () => {
    const civil = await h.db.selectFrom('agencies').select('id').where('code', '=', 'civil').executeTakeFirstOrThrow();
    const list = await h.app.inject({
      method: 'GET',
      url: `/api/security-alerts?state=open&kind=spike&agencyId=${civil.id}&subjectType=api_key`,
      headers: supervisor.headers,
    });
    expect(list.statusCode).toBe(200);
    const body = list.json<{ alerts: { id: string; subjectId: string; observed: number }[]; total: number }>();
    expect(body.total).toBe(1);
    expect(body.alerts[0]?.subjectId).toBe(jumpy.key);
    const detail = await h.app.inject({ method: 'GET', url: `/api/security-alerts/${body.alerts[0]?.id}`, headers: supervisor.headers });
    expect(detail.statusCode).toBe(200);
    const { days, dailyBaseline } = detail.json<{ days: { day: string; records: number }[]; dailyBaseline: number }>();
    expect(days).toHaveLength(15);
    expect(days.at(-1)).toEqual({ day: '2026-03-16', records: 25_000 });
    expect(days[0]).toEqual({ day: '2026-03-02', records: 300 });
    expect(dailyBaseline).toBe(300);
  });

  it('acknowledges and closes an alert with a note, audited; a second acknowledgement conflicts', async () => {
    const [alert] = await alertsOf('api_key', jumpy.key);
    const url = `/api/security-alerts/${alert?.id}/state`;
    const ack = await h.app.inject({
      method: 'POST',
      url,
      headers: supervisor.headers,
      payload: { action: 'acknowledge', note: '已联系民政局核实，为年度核查批量比对' },
    });
    expect(ack.statusCode).toBe(200);
    expect(ack.json()).toMatchObject({
      state: 'acknowledged',
      acknowledgedBy: 'police-security',
      note: '已联系民政局核实，为年度核查批量比对',
    });
    const entry = await h.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'security_alert.acknowledge')
      .where('subject_id', '=', alert?.id ?? '')
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ actor_label: 'police-security', outcome: 'ok' });
    expect(entry.details).toMatchObject({ from: 'open', note: '已联系民政局核实，为年度核查批量比对' });
    const again = await h.app.inject({
      method: 'POST',
      url,
      headers: supervisor.headers,
      payload: { action: 'acknowledge', note: '再次' },
    });
    expect(again.statusCode).toBe(409);
    const close = await h.app.inject({
      method: 'POST',
      url,
      headers: supervisor.headers,
      payload: { action: 'close', note: '核实无异常' },
    });
    expect(close.json()).toMatchObject({ state: 'closed', closedBy: 'police-security', closeNote: '核实无异常' });
  });

  it('refuses a user without audit.read', async () => {
    const staff = await h.signIn('hrss-staff');
    const res = await h.app.inject({ method: 'GET', url: '/api/security-alerts', headers: staff.headers });
    expect(res.statusCode).toBe(403);
  });
});

describe('weekends and holidays (R37.1 calendar)', () => {
  it('count as off hours all day: daytime bulk access on a Saturday is flagged, the same on a Monday is not', async () => {
    const { resourceId } = await publishResource(h, 'hrss');
    const weekend = await subjectOf('edu-steward', resourceId);
    // 300 records a day on each of the 14 days before, from 09:05: 100 in the 10 o'clock hour.
    await steadyHistory(weekend, 300);
    // Monday 10:xx (NOW's day): 900 records, below every floor: nothing.
    await deliver(weekend, new Date('2026-03-16T10:20:00+08:00'), 900);
    await h.services.securityAlerts.sweep({ force: true });
    expect(await alertsOf('api_key', weekend.key)).toHaveLength(0);
    // Saturday 2026-03-21, 10:xx: 1,200 records in the hour, a working day's daytime but not a working day.
    await deliver(weekend, new Date('2026-03-21T10:20:00+08:00'), 1200);
    h.clock.set('2026-03-21T10:40:00+08:00');
    try {
      await h.services.securityAlerts.sweep({ force: true });
      const kinds = (await alertsOf('api_key', weekend.key)).map((a) => a.kind).sort();
      expect(kinds).toContain('off_hours');
    } finally {
      h.clock.set(NOW);
    }
  });
});
