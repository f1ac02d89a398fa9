/** Reads and writes of open-data applications, their history, open grants and usage reports (R19.2–R20.1). */
import type { Executor } from '../../db/executor.js';
import { nextYearNumber } from '../../db/numbers.js';

export function applicationsQuery(db: Executor) {
  return db
    .selectFrom('open_applications as o')
    .innerJoin('users as u', 'u.id', 'o.applicant_user_id')
    .leftJoin('agencies as pa', 'pa.id', 'o.provider_agency_id')
    .leftJoin('catalog_resources as r', 'r.id', 'o.resource_id')
    .leftJoin('catalog_versions as v', 'v.id', 'r.current_version_id')
    .selectAll('o')
    .select(['u.display_name as applicant_name', 'pa.name as provider_name', 'r.code as resource_code', 'v.metadata as resource_metadata']);
}

export type ApplicationRow = Awaited<ReturnType<ReturnType<typeof applicationsQuery>['executeTakeFirstOrThrow']>>;

export async function lockApplication(db: Executor, id: string) {
  return db.selectFrom('open_applications').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** KF2026000123 (applications) and KG2026000123 (grants): the year and a sequence that never repeats. */
export async function nextOpenNumber(db: Executor, prefix: 'KF' | 'KG', year: string): Promise<string> {
  return nextYearNumber(db, prefix === 'KF' ? 'open_application_number_seq' : 'open_grant_number_seq', prefix, year);
}

export async function insertApplicationEvent(
  db: Executor,
  event: {
    applicationId: string;
    at: Date;
    actorUserId: string | null;
    actorLabel: string;
    action: string;
    fromState: string | null;
    toState: string;
    note: string | null;
  },
): Promise<void> {
  await db
    .insertInto('open_application_events')
    .values({
      application_id: event.applicationId,
      at: event.at,
      actor_user_id: event.actorUserId,
      actor_label: event.actorLabel,
      action: event.action,
      from_state: event.fromState,
      to_state: event.toState,
      note: event.note,
    })
    .execute();
}

export async function listApplicationEvents(db: Executor, applicationId: string) {
  return db.selectFrom('open_application_events').selectAll().where('application_id', '=', applicationId).orderBy('seq').execute();
}

export function openGrantsQuery(db: Executor) {
  return db
    .selectFrom('open_grants as g')
    .innerJoin('open_applications as o', 'o.id', 'g.application_id')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .innerJoin('agencies as pa', 'pa.id', 'g.provider_agency_id')
    .innerJoin('catalog_resources as r', 'r.id', 'g.resource_id')
    .innerJoin('catalog_versions as v', 'v.id', 'r.current_version_id')
    .selectAll('g')
    .select([
      'o.number as application_number',
      'u.display_name as holder_name',
      'pa.name as provider_name',
      'r.code as resource_code',
      'v.metadata as resource_metadata',
    ]);
}

export type OpenGrantRowJoined = Awaited<ReturnType<ReturnType<typeof openGrantsQuery>['executeTakeFirstOrThrow']>>;

export async function reportsOf(db: Executor, grantIds: readonly string[]) {
  if (grantIds.length === 0) return [];
  return db.selectFrom('open_usage_reports').selectAll().where('grant_id', 'in', grantIds).orderBy('due_on').execute();
}

/** The bureau (市大数据工作主管部门): responsible for formal reviews. */
export async function bureauAgencyId(db: Executor): Promise<string> {
  const row = await db.selectFrom('agencies').select('id').where('kind', '=', 'bureau').orderBy('created_at').executeTakeFirstOrThrow();
  return row.id;
}

/** A name that shows who asked without saying who: the first character and asterisks (张**). */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '—';
  return `${chars[0] ?? ''}${'*'.repeat(Math.max(1, Math.min(chars.length - 1, 4)))}`;
}

/**
 * Usage reports not yet submitted on grants not revoked, for the periodic sweeps (R20.1): oldest
 * due first, 200 at a time, rows another process holds skipped (SKIP LOCKED).
 */
export function unsubmittedReportsQuery(db: Executor) {
  return db
    .selectFrom('open_usage_reports as p')
    .innerJoin('open_grants as g', 'g.id', 'p.grant_id')
    .select(['p.id', 'p.due_on', 'g.id as grant_id', 'g.number', 'g.user_id'])
    .where('p.submitted_at', 'is', null)
    .where('g.state', '!=', 'revoked')
    .orderBy('p.due_on')
    .limit(200)
    .forUpdate('p')
    .skipLocked();
}
