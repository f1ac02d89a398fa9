/**
 * The reads and writes of the unusual-access alerts (R29.1): records delivered per subject from the
 * deliveries of the exit, and the access_alerts table.
 */
import { sql } from 'kysely';
import type { Executor } from '../../db/executor.js';
import type { AccessAlertRow, AccessAlertsTable } from '../../db/schema.js';

export type SubjectType = AccessAlertsTable['subject_type'];
export const SUBJECT_TYPES: readonly SubjectType[] = ['api_key', 'user', 'share_grant', 'open_grant'];

/** The column of deliveries that names each kind of subject. */
const SUBJECT_COLUMN = {
  api_key: 'api_key_id',
  user: 'user_id',
  share_grant: 'grant_id',
  open_grant: 'open_grant_id',
} as const satisfies Record<SubjectType, string>;

export const subjectKey = (type: string, id: string): string => `${type}:${id}`;

/** China (UTC+8) day number and clock hour number of an instant (hours since the epoch). */
export const hourNumber = (at: Date): number => Math.floor(at.getTime() / 3_600_000);
export const chinaDayOfHour = (hour: number): number => Math.floor((hour + 8) / 24);
export const chinaHourOfHour = (hour: number): number => (hour + 8) % 24;
/** The instant a China day starts. */
export const chinaDayStart = (day: number): Date => new Date((day * 24 - 8) * 3_600_000);
export const chinaDayLabel = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);

export interface TodayUsage {
  type: SubjectType;
  id: string;
  hour: number;
  day: number;
}

/** Records per subject since `dayStart` (and since `hourStart`), for the subjects with at least `minimum`. */
export async function usageSince(db: Executor, dayStart: Date, hourStart: Date, now: Date, minimum: number): Promise<TodayUsage[]> {
  const result = await sql<TodayUsage>`
    select s.type, s.id::text as id,
      coalesce(sum(d.rows) filter (where d.at >= ${hourStart}), 0)::bigint as hour,
      sum(d.rows)::bigint as day
    from deliveries d
    cross join lateral (values ('api_key', d.api_key_id), ('user', d.user_id), ('share_grant', d.grant_id), ('open_grant', d.open_grant_id)) as s(type, id)
    where d.at >= ${dayStart} and d.at <= ${now} and s.id is not null
    group by s.type, s.id
    having sum(d.rows) >= ${minimum}`.execute(db);
  return result.rows;
}

/** Records per subject and clock hour (hours since the epoch) in [from, to), for the given subjects of one kind. */
export async function hourlyRecords(
  db: Executor,
  type: SubjectType,
  ids: readonly string[],
  from: Date,
  to: Date,
): Promise<{ id: string; hour: number; records: number }[]> {
  if (ids.length === 0) return [];
  const column = sql.ref(SUBJECT_COLUMN[type]);
  const result = await sql<{ id: string; hour: number; records: number }>`
    select ${column}::text as id, floor(extract(epoch from at) / 3600)::int as hour, sum(rows)::bigint as records
    from deliveries
    where ${column} = any(${sql.val([...ids])}::uuid[]) and at >= ${from} and at < ${to}
    group by 1, 2`.execute(db);
  return result.rows;
}

/** A label (key name and prefix, username, grant number) and the agency concerned, per subject. */
export async function describeSubjects(
  db: Executor,
  subjects: readonly { type: SubjectType; id: string }[],
): Promise<Map<string, { label: string; agencyId: string | null }>> {
  const out = new Map<string, { label: string; agencyId: string | null }>();
  const ids = (type: SubjectType) => subjects.filter((s) => s.type === type).map((s) => s.id);
  const keys = ids('api_key');
  if (keys.length > 0) {
    const rows = await db
      .selectFrom('api_keys as k')
      .innerJoin('users as u', 'u.id', 'k.user_id')
      .select(['k.id', 'k.name', 'k.prefix', 'u.username', 'u.agency_id'])
      .where('k.id', 'in', keys)
      .execute();
    for (const r of rows) out.set(subjectKey('api_key', r.id), { label: `${r.name} (${r.prefix}…, ${r.username})`, agencyId: r.agency_id });
  }
  const users = ids('user');
  if (users.length > 0) {
    const rows = await db.selectFrom('users').select(['id', 'username', 'display_name', 'agency_id']).where('id', 'in', users).execute();
    for (const r of rows) out.set(subjectKey('user', r.id), { label: `${r.username} (${r.display_name})`, agencyId: r.agency_id });
  }
  const shares = ids('share_grant');
  if (shares.length > 0) {
    const rows = await db.selectFrom('share_grants').select(['id', 'number', 'consumer_agency_id']).where('id', 'in', shares).execute();
    for (const r of rows) out.set(subjectKey('share_grant', r.id), { label: r.number, agencyId: r.consumer_agency_id });
  }
  const opens = ids('open_grant');
  if (opens.length > 0) {
    const rows = await db.selectFrom('open_grants').select(['id', 'number', 'provider_agency_id']).where('id', 'in', opens).execute();
    for (const r of rows) out.set(subjectKey('open_grant', r.id), { label: r.number, agencyId: r.provider_agency_id });
  }
  return out;
}

/** Subjects with an hour spike raised since `since` (a day spike then says nothing new). */
export async function hourSpikesSince(db: Executor, since: Date): Promise<Set<string>> {
  const rows = await db
    .selectFrom('access_alerts')
    .select(['subject_type', 'subject_id'])
    .where('kind', '=', 'spike')
    .where('window_kind', '=', 'hour')
    .where('window_start', '>=', since)
    .execute();
  return new Set(rows.map((r) => subjectKey(r.subject_type, r.subject_id)));
}

export type NewAlert = Omit<
  AccessAlertRow,
  'id' | 'state' | 'acknowledged_by' | 'acknowledged_at' | 'note' | 'closed_by' | 'closed_at' | 'close_note'
>;

/** Inserts the alert unless one exists for its kind, subject and window; returns its id when inserted. */
export async function insertAlert(db: Executor, alert: NewAlert): Promise<string | null> {
  const row = await db
    .insertInto('access_alerts')
    .values(alert)
    .onConflict((oc) => oc.constraint('access_alerts_once_per_window').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Active security supervisors (of every agency) and bureau administrators. */
export async function alertRecipients(db: Executor): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .leftJoin('agencies', 'agencies.id', 'users.agency_id')
    .select('users.id')
    .where('users.disabled', '=', false)
    .where((eb) =>
      eb.or([
        eb(sql<boolean>`'security_supervisor' = any(users.roles)`, '=', true),
        eb.and([eb('agencies.kind', '=', 'bureau'), eb(sql<boolean>`'bureau_admin' = any(users.roles)`, '=', true)]),
      ]),
    )
    .execute();
  return rows.map((r) => r.id);
}

export interface AlertFilter {
  state?: string | undefined;
  kind?: string | undefined;
  subjectType?: string | undefined;
  agencyId?: string | undefined;
}

export function alertsQuery(db: Executor, f: AlertFilter) {
  let q = db
    .selectFrom('access_alerts as a')
    .leftJoin('agencies as g', 'g.id', 'a.agency_id')
    .leftJoin('users as ack', 'ack.id', 'a.acknowledged_by')
    .leftJoin('users as cls', 'cls.id', 'a.closed_by');
  if (f.state) q = q.where('a.state', '=', f.state as AccessAlertRow['state']);
  if (f.kind) q = q.where('a.kind', '=', f.kind as AccessAlertRow['kind']);
  if (f.subjectType) q = q.where('a.subject_type', '=', f.subjectType as SubjectType);
  if (f.agencyId) q = q.where('a.agency_id', '=', f.agencyId);
  return q;
}

export async function listAlerts(db: Executor, f: AlertFilter, limit: number, offset: number) {
  const [rows, count] = await Promise.all([
    alertsQuery(db, f)
      .selectAll('a')
      .select(['g.name as agency_name', 'ack.username as acknowledged_by_name', 'cls.username as closed_by_name'])
      .orderBy('a.raised_at', 'desc')
      .orderBy('a.id')
      .limit(limit)
      .offset(offset)
      .execute(),
    alertsQuery(db, f)
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.n };
}

export async function findAlert(db: Executor, id: string) {
  return alertsQuery(db, {})
    .selectAll('a')
    .select(['g.name as agency_name', 'ack.username as acknowledged_by_name', 'cls.username as closed_by_name'])
    .where('a.id', '=', id)
    .executeTakeFirst();
}

export type AlertListRow = NonNullable<Awaited<ReturnType<typeof findAlert>>>;
