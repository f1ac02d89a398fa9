/** Reads and writes of share requests, their history and consultations (R14–R17). */
import type { Insertable } from 'kysely';
import type { Executor } from '../../db/executor.js';
import { nextYearNumber } from '../../db/numbers.js';
import type { ShareRequestsTable } from '../../db/schema.js';

export function requestsQuery(db: Executor) {
  return db
    .selectFrom('share_requests as s')
    .innerJoin('agencies as ra', 'ra.id', 's.requester_agency_id')
    .leftJoin('agencies as pa', 'pa.id', 's.provider_agency_id')
    .leftJoin('catalog_resources as r', 'r.id', 's.resource_id')
    .leftJoin('catalog_versions as v', 'v.id', 'r.current_version_id')
    .leftJoin('users as fu', 'fu.id', 's.filed_by_user_id')
    .selectAll('s')
    .select([
      'ra.name as requester_name',
      'ra.level as requester_level',
      'pa.name as provider_name',
      'r.code as resource_code',
      'v.metadata as resource_metadata',
      'fu.display_name as filer_name',
    ]);
}

export type RequestRow = Awaited<ReturnType<ReturnType<typeof requestsQuery>['executeTakeFirstOrThrow']>>;

export async function lockRequest(db: Executor, id: string) {
  return db.selectFrom('share_requests').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** GX2026000123: the year and a sequence shared by all years (numbers never repeat). */
export async function nextNumber(db: Executor, prefix: 'GX' | 'SQ', year: string): Promise<string> {
  return nextYearNumber(db, prefix === 'GX' ? 'share_request_number_seq' : 'share_grant_number_seq', prefix, year);
}

export async function insertRequest(db: Executor, row: Insertable<ShareRequestsTable>) {
  return db.insertInto('share_requests').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function insertEvent(
  db: Executor,
  event: {
    requestId: string;
    at: Date;
    actorUserId: string | null;
    actorLabel: string;
    actorAgencyId: string | null;
    action: string;
    fromState: string | null;
    toState: string;
    note: string | null;
  },
): Promise<void> {
  await db
    .insertInto('share_request_events')
    .values({
      request_id: event.requestId,
      at: event.at,
      actor_user_id: event.actorUserId,
      actor_label: event.actorLabel,
      actor_agency_id: event.actorAgencyId,
      action: event.action,
      from_state: event.fromState,
      to_state: event.toState,
      note: event.note,
    })
    .execute();
}

export async function listEvents(db: Executor, requestId: string) {
  return db
    .selectFrom('share_request_events as e')
    .leftJoin('agencies as a', 'a.id', 'e.actor_agency_id')
    .selectAll('e')
    .select('a.name as agency_name')
    .where('e.request_id', '=', requestId)
    .orderBy('e.seq')
    .execute();
}

export async function findConsultation(db: Executor, requestId: string) {
  return db
    .selectFrom('share_consultations as c')
    .leftJoin('users as u', 'u.id', 'c.opened_by_user_id')
    .selectAll('c')
    .select('u.display_name as opener_name')
    .where('c.request_id', '=', requestId)
    .executeTakeFirst();
}

export async function agencyNames(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('agencies').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The bureau (市大数据工作主管部门): responsible for formal reviews. */
export async function bureauAgencyId(db: Executor): Promise<string> {
  const row = await db.selectFrom('agencies').select('id').where('kind', '=', 'bureau').orderBy('created_at').executeTakeFirstOrThrow();
  return row.id;
}

/** Valid API keys owned by active users of an agency (its systems). */
export function agencyKeysQuery(db: Executor, agencyId: string, now: Date) {
  return db
    .selectFrom('api_keys as k')
    .innerJoin('users as u', 'u.id', 'k.user_id')
    .select(['k.id', 'k.name', 'k.prefix', 'k.expires_at', 'u.display_name as owner'])
    .where('u.agency_id', '=', agencyId)
    .where('u.disabled', '=', false)
    .where('k.revoked_at', 'is', null)
    .where('k.expires_at', '>', now);
}

export async function keysByIds(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('api_keys as k')
    .innerJoin('users as u', 'u.id', 'k.user_id')
    .select(['k.id', 'k.name', 'k.prefix', 'u.display_name as owner'])
    .where('k.id', 'in', ids)
    .execute();
}
