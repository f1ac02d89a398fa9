/**
 * The open catalog as other catalogs see it (issue 7 item 10): published resources whose version
 * in force has open type unconditional or conditional (R19.1, R19.2), never `none` (R18.1). One
 * FROM and one condition, shared by the CKAN-compatible API and the DCAT-AP catalog, so that no
 * query of theirs can forget the condition.
 */
import type { ResourceMetadata } from '@gongshu/domain';
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Executor } from '../../db/executor.js';

/** The index row, the resource, its version in force and its provider (aliases s, r, v, a). */
export const OPEN_FROM = sql`catalog_search s
  join catalog_resources r on r.id = s.resource_id
  join catalog_versions v on v.id = r.current_version_id
  join agencies a on a.id = r.provider_agency_id`;

/** Decided on the published version itself, not on a copy (R18.1: `none` never leaves the node). */
export const IS_OPEN = sql<SqlBool>`(v.metadata->'open'->>'type') in ('unconditional', 'conditional')`;

export interface OpenResource {
  readonly resourceId: string;
  readonly code: string;
  readonly classTop: string;
  readonly metadata: ResourceMetadata;
  readonly versionNumber: number;
  readonly firstPublishedAt: Date;
  readonly lastPublishedAt: Date;
  /** When data was last loaded into the resource's table, if ever. */
  readonly lastLoadedAt: Date | null;
  readonly agency: OpenAgency;
}

export interface OpenAgency {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly createdAt: Date;
}

interface Row {
  resource_id: string;
  code: string;
  class_top: string;
  metadata: unknown;
  version_number: number;
  first_published_at: Date;
  last_published_at: Date;
  last_loaded_at: Date | null;
  agency_id: string;
  agency_code: string;
  agency_name: string;
  agency_created_at: Date;
}

function toOpenResource(r: Row): OpenResource {
  return {
    resourceId: r.resource_id,
    code: r.code,
    classTop: r.class_top,
    metadata: r.metadata as ResourceMetadata,
    versionNumber: r.version_number,
    firstPublishedAt: r.first_published_at,
    lastPublishedAt: r.last_published_at,
    lastLoadedAt: r.last_loaded_at,
    agency: { id: r.agency_id, code: r.agency_code, name: r.agency_name, createdAt: r.agency_created_at },
  };
}

/** Open resources matching a condition, in an order, paged. */
export async function listOpenResources(
  db: Executor,
  options: { where?: RawBuilder<SqlBool>; orderBy?: RawBuilder<unknown>; limit?: number | undefined; offset?: number } = {},
): Promise<OpenResource[]> {
  const rows = await sql<Row>`
    select s.resource_id, s.code, s.class_top, v.metadata, v.number as version_number,
      coalesce(r.first_published_at, s.published_at) as first_published_at,
      coalesce(r.last_published_at, s.published_at) as last_published_at,
      (select t.last_loaded_at from resource_tables t where t.resource_id = s.resource_id) as last_loaded_at,
      a.id as agency_id, a.code as agency_code, a.name as agency_name, a.created_at as agency_created_at
    from ${OPEN_FROM}
    where ${IS_OPEN} and ${options.where ?? sql<SqlBool>`true`}
    order by ${options.orderBy ?? sql`s.code`}
    limit ${options.limit ?? null} offset ${options.offset ?? 0}`.execute(db);
  return rows.rows.map(toOpenResource);
}

/** The open resources of these ids, in the order given (ids that are not open are left out). */
export async function openResourcesByIds(db: Executor, ids: readonly string[]): Promise<OpenResource[]> {
  if (ids.length === 0) return [];
  const found = await listOpenResources(db, { where: sql<SqlBool>`s.resource_id::text in (${sql.join(ids.map((id) => sql`${id}`))})` });
  const byId = new Map(found.map((r) => [r.resourceId, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** One open resource by its id or its resource code; undefined when unknown or not open. */
export async function findOpenResource(db: Executor, by: { id: string } | { code: string }): Promise<OpenResource | undefined> {
  const where = 'id' in by ? sql<SqlBool>`s.resource_id::text = ${by.id}` : sql<SqlBool>`s.code = ${by.code}`;
  const [found] = await listOpenResources(db, { where, limit: 1 });
  return found;
}

/** The classification classes by code (a small reference table). */
export async function classNames(db: Executor): Promise<Map<string, { name: string; level: number; parentCode: string | null }>> {
  const rows = await db.selectFrom('catalog_classes').select(['code', 'name', 'level', 'parent_code']).orderBy('code').execute();
  return new Map(rows.map((r) => [r.code, { name: r.name, level: r.level, parentCode: r.parent_code }]));
}

/** The city's name and its bureau (the node's operator). */
export async function nodeIdentity(
  db: Executor,
): Promise<{ cityName: string; bureau: { code: string; name: string; divisionCode: string } | null }> {
  const [city, bureau] = await Promise.all([
    db.selectFrom('platform_meta').select('value').where('key', '=', 'city_name').executeTakeFirst(),
    db
      .selectFrom('agencies')
      .select(['code', 'name', 'division_code'])
      .where('kind', '=', 'bureau')
      .where('active', '=', true)
      .orderBy('created_at')
      .executeTakeFirst(),
  ]);
  return {
    cityName: typeof city?.value === 'string' ? city.value : '',
    bureau: bureau ? { code: bureau.code, name: bureau.name, divisionCode: bureau.division_code } : null,
  };
}
