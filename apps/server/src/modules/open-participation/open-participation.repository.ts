/**
 * Queries of participation on the open portal: objections with their provider, resource and step
 * on the clock, showcase items, and the open resources they may name. "Open" is decided on the
 * version in force, as the CKAN and DCAT catalogs decide it (R18.1).
 */
import type { ResourceMetadata } from '@gongshu/domain';
import { sql, type SqlBool } from 'kysely';
import type { Executor } from '../../db/executor.js';
import { nextYearNumber } from '../../db/numbers.js';
import { listOpenResources, openResourcesByIds } from '../ckan/open-resources.repository.js';

export const OBJECTION_SUBJECT = 'open_objection';
export const OBJECTION_STEP = 'open.objection.answer';

export async function nextObjectionNumber(db: Executor, year: string): Promise<string> {
  return nextYearNumber(db, 'open_objection_number_seq', 'YY', year);
}

/** Objections with what their views need; the raiser's name and kind only for masking. */
export function objectionsQuery(db: Executor) {
  return db
    .selectFrom('open_objections as o')
    .innerJoin('catalog_resources as r', 'r.id', 'o.resource_id')
    .innerJoin('catalog_versions as v', 'v.id', 'r.current_version_id')
    .innerJoin('agencies as a', 'a.id', 'o.provider_agency_id')
    .leftJoin('users as u', 'u.id', 'o.user_id')
    .leftJoin('deadlines as d', (join) =>
      join
        .on('d.subject_type', '=', OBJECTION_SUBJECT)
        .on(sql<SqlBool>`d.subject_id = o.id::text`)
        .on('d.state', '!=', 'cancelled'),
    )
    .select([
      'o.id',
      'o.number',
      'o.resource_id',
      'o.provider_agency_id',
      'o.user_id',
      'o.kind',
      'o.field_code',
      'o.description',
      'o.state',
      'o.answer',
      'o.answer_action',
      'o.answered_at',
      'o.created_at',
      'r.code as resource_code',
      'v.metadata',
      'a.name as provider_name',
      'u.display_name as raiser_name',
      'u.public_kind as raiser_kind',
      'd.due_on',
      'd.due_at',
      'd.state as deadline_state',
      'd.met_at',
    ]);
}

export type ObjectionRow = Awaited<ReturnType<ReturnType<typeof objectionsQuery>['executeTakeFirstOrThrow']>>;

/** Whether the objection's resource is still open (objections on a resource that closed are not public). */
export const RESOURCE_STILL_OPEN = sql<SqlBool>`(v.metadata->'open'->>'type') in ('unconditional', 'conditional')`;

export function metadataOf(row: { metadata: unknown }): ResourceMetadata {
  return row.metadata as ResourceMetadata;
}

export function showcaseQuery(db: Executor) {
  return db.selectFrom('showcase_items as s').selectAll('s');
}

/** Names of resources, for showcase items (only resources still open are named). */
export async function openResourceNames(db: Executor, ids: readonly string[]) {
  const found = await openResourcesByIds(db, [...new Set(ids)]);
  return new Map(found.map((r) => [r.resourceId, { id: r.resourceId, name: r.metadata.name, code: r.code, provider: r.agency.name }]));
}

/** Open resources whose name or code contains the text (at most 20). */
export async function searchOpenResources(db: Executor, q: string) {
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const where = q ? sql<SqlBool>`(v.metadata->>'name' ilike ${like} or s.code ilike ${like})` : undefined;
  const found = await listOpenResources(db, { ...(where ? { where } : {}), orderBy: sql`v.metadata->>'name'`, limit: 20 });
  return found.map((r) => ({ id: r.resourceId, name: r.metadata.name, code: r.code, provider: r.agency.name }));
}
