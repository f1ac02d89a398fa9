import type { ResourceMetadata } from '@gongshu/domain';
import { sql } from 'kysely';
import type { Executor } from '../../db/executor.js';
import type { CatalogVersionRow } from '../../db/schema.js';

export const OPEN_STATES = ['draft', 'submitted', 'downgrade_review', 'returned'] as const;

export interface VersionWithResource extends CatalogVersionRow {
  resource_code: string | null;
  provider_agency_id: string;
  provider_name: string;
  provider_short_name: string | null;
  provider_division_code: string;
  current_version_id: string | null;
}

export function metadataOf(row: Pick<CatalogVersionRow, 'metadata'>): ResourceMetadata {
  return row.metadata as ResourceMetadata;
}

function versionsQuery(db: Executor) {
  return db
    .selectFrom('catalog_versions as v')
    .innerJoin('catalog_resources as r', 'r.id', 'v.resource_id')
    .innerJoin('agencies as a', 'a.id', 'r.provider_agency_id')
    .selectAll('v')
    .select([
      'r.code as resource_code',
      'r.provider_agency_id',
      'r.current_version_id',
      'a.name as provider_name',
      'a.short_name as provider_short_name',
      'a.division_code as provider_division_code',
    ]);
}

export async function findVersion(db: Executor, id: string, lock = false): Promise<VersionWithResource | undefined> {
  if (lock) await db.selectFrom('catalog_versions').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
  return versionsQuery(db).where('v.id', '=', id).executeTakeFirst();
}

export async function findVersionByNumber(db: Executor, resourceId: string, number: number): Promise<VersionWithResource | undefined> {
  return versionsQuery(db).where('v.resource_id', '=', resourceId).where('v.number', '=', number).executeTakeFirst();
}

export async function listVersionsInState(db: Executor, states: readonly string[]): Promise<VersionWithResource[]> {
  return versionsQuery(db).where('v.state', 'in', states).orderBy('v.submitted_at').limit(1000).execute();
}

export async function listResourceVersions(db: Executor, resourceId: string) {
  return db
    .selectFrom('catalog_versions')
    .select(['id', 'number', 'kind', 'state', 'change_reason', 'submitted_at', 'published_at'])
    .where('resource_id', '=', resourceId)
    .orderBy('number', 'desc')
    .execute();
}

export async function nextVersionNumber(db: Executor, resourceId: string): Promise<number> {
  const row = await db
    .selectFrom('catalog_versions')
    .select(sql<number>`coalesce(max(number), 0)::int`.as('n'))
    .where('resource_id', '=', resourceId)
    .executeTakeFirstOrThrow();
  return row.n + 1;
}

/** Takes the next sequence number of a classification (row-locked, so concurrent publications never collide). */
export async function nextSequence(db: Executor, classificationCode: string): Promise<number> {
  const row = await db
    .insertInto('catalog_sequences')
    .values({ classification_code: classificationCode, last_value: 1 })
    .onConflict((oc) => oc.column('classification_code').doUpdateSet({ last_value: sql`catalog_sequences.last_value + 1` }))
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return row.last_value;
}

/** Fields of every published entry except one resource, for the R9.1 overlap check. */
export async function publishedFields(db: Executor, exceptResourceId: string | null) {
  let q = db
    .selectFrom('catalog_resources as r')
    .innerJoin('catalog_versions as v', 'v.id', 'r.current_version_id')
    .innerJoin('agencies as a', 'a.id', 'r.provider_agency_id')
    .select([
      'r.id',
      'r.code',
      'a.name as provider_name',
      sql<string>`v.metadata->>'name'`.as('name'),
      sql<unknown>`v.metadata->'fields'`.as('fields'),
    ]);
  if (exceptResourceId) q = q.where('r.id', '!=', exceptResourceId);
  return q.execute();
}

export async function classificationPath(db: Executor, code: string): Promise<{ code: string; name: string; level: number }[]> {
  const prefixes = [1, 3, 6, 9].filter((n) => n <= code.length).map((n) => code.slice(0, n));
  if (prefixes.length === 0) return [];
  return db.selectFrom('catalog_classes').select(['code', 'name', 'level']).where('code', 'in', prefixes).orderBy('level').execute();
}
