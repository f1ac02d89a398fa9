import { sql } from 'kysely';
import type { Executor } from '../../db/executor.js';
import type { DeadlineRow } from '../../db/schema.js';

export type NewDeadlineRow = Omit<
  DeadlineRow,
  'id' | 'created_at' | 'met_at' | 'overdue_at' | 'reminded_at' | 'escalated_at' | 'cancelled_at'
>;

export async function insertDeadline(db: Executor, row: NewDeadlineRow): Promise<DeadlineRow> {
  return db.insertInto('deadlines').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findDeadline(db: Executor, id: string, lock = false): Promise<DeadlineRow | undefined> {
  let q = db.selectFrom('deadlines').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function updateDeadline(db: Executor, id: string, changes: Partial<Omit<DeadlineRow, 'id'>>): Promise<DeadlineRow> {
  return db.updateTable('deadlines').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** Open steps past due, locked for this sweeper; rows another sweeper holds are skipped. */
export async function lockOverdueBatch(db: Executor, now: Date, limit: number): Promise<DeadlineRow[]> {
  return db
    .selectFrom('deadlines')
    .selectAll()
    .where('state', '=', 'open')
    .where('due_at', '<', now)
    .orderBy('due_at')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

/** Open steps of two or more working days, not yet reminded, due within `horizon`. */
export async function lockReminderCandidates(db: Executor, now: Date, horizon: Date, limit: number): Promise<DeadlineRow[]> {
  return db
    .selectFrom('deadlines')
    .selectAll()
    .where('state', '=', 'open')
    .where('reminded_at', 'is', null)
    .where('working_days', '>=', 2)
    .where('due_at', '>=', now)
    .where('due_at', '<', horizon)
    .orderBy('due_at')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

export interface PendingRow extends DeadlineRow {
  agency_name: string;
  rule_set_code: string;
}

export async function listPendingRows(db: Executor, agencyId: string | null): Promise<PendingRow[]> {
  let q = db
    .selectFrom('deadlines')
    .innerJoin('agencies', 'agencies.id', 'deadlines.responsible_agency_id')
    .innerJoin('rule_sets', 'rule_sets.id', 'deadlines.rule_set_id')
    .selectAll('deadlines')
    .select(['agencies.name as agency_name', 'rule_sets.code as rule_set_code'])
    .where('deadlines.state', 'in', ['open', 'overdue']);
  if (agencyId) q = q.where('deadlines.responsible_agency_id', '=', agencyId);
  return q.orderBy('deadlines.due_at').orderBy('deadlines.id').limit(500).execute();
}

export async function listActiveRows(db: Executor, subjectType: string, subjectIds: readonly string[]): Promise<PendingRow[]> {
  if (subjectIds.length === 0) return [];
  return db
    .selectFrom('deadlines')
    .innerJoin('agencies', 'agencies.id', 'deadlines.responsible_agency_id')
    .innerJoin('rule_sets', 'rule_sets.id', 'deadlines.rule_set_id')
    .selectAll('deadlines')
    .select(['agencies.name as agency_name', 'rule_sets.code as rule_set_code'])
    .where('deadlines.subject_type', '=', subjectType)
    .where('deadlines.subject_id', 'in', subjectIds)
    .where('deadlines.state', 'in', ['open', 'overdue'])
    .execute();
}

/** Every step of one workflow item, open or done, in the order they started. */
export async function listSubjectRows(db: Executor, subjectType: string, subjectId: string): Promise<PendingRow[]> {
  return db
    .selectFrom('deadlines')
    .innerJoin('agencies', 'agencies.id', 'deadlines.responsible_agency_id')
    .innerJoin('rule_sets', 'rule_sets.id', 'deadlines.rule_set_id')
    .selectAll('deadlines')
    .select(['agencies.name as agency_name', 'rule_sets.code as rule_set_code'])
    .where('deadlines.subject_type', '=', subjectType)
    .where('deadlines.subject_id', '=', subjectId)
    .orderBy('deadlines.started_at')
    .execute();
}

export interface CountRow {
  key: string;
  met_on_time: number;
  met_late: number;
  overdue: number;
  open: number;
}

/** Outcome counts of the steps due in [from, to] (China dates), grouped by agency or by step. */
export async function countOutcomes(db: Executor, by: 'agency' | 'step', from: string, to: string): Promise<CountRow[]> {
  const key = by === 'agency' ? sql<string>`responsible_agency_id::text` : sql<string>`step`;
  const result = await sql<CountRow>`
    select ${key} as key,
      count(*) filter (where state = 'met' and met_at <= due_at)::int as met_on_time,
      count(*) filter (where state = 'met' and met_at > due_at)::int as met_late,
      count(*) filter (where state = 'overdue')::int as overdue,
      count(*) filter (where state = 'open')::int as open
    from deadlines
    where state <> 'cancelled' and due_on between ${from}::date and ${to}::date
    group by 1 order by 1`.execute(db);
  return result.rows;
}

export async function listOpenForRecompute(db: Executor): Promise<DeadlineRow[]> {
  return db.selectFrom('deadlines').selectAll().where('state', '=', 'open').forUpdate().execute();
}
