/**
 * The portal's reads over open resources (issue 7 item 1). Every query starts from the one open
 * condition of the CKAN module (OPEN_FROM / IS_OPEN, R18.1), so a resource of open type `none`
 * cannot appear on the portal by a forgotten WHERE. Usage comes from the counters a trigger keeps on
 * the exit's open-channel deliveries (open_usage_counts) and the per-day page views.
 */
import { FORMAT_CATEGORIES, OPEN_TYPES, SECTOR_LABELS, UPDATE_FREQUENCIES, type Sector, type Term } from '@gongshu/domain';
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Executor } from '../../db/executor.js';
import { IS_OPEN, OPEN_FROM } from '../ckan/open-resources.repository.js';

/**
 * Downloads and API calls of the resource itself (not of a de-identified derivative of it), from
 * the counters a trigger keeps on every open-channel delivery (migration 20261127T0960).
 */
const USAGE_COLUMNS = sql`
  coalesce((select u.downloads from open_usage_counts u where u.resource_id = s.resource_id and not u.of_derivative), 0)::int as downloads,
  coalesce((select u.api_calls from open_usage_counts u where u.resource_id = s.resource_id and not u.of_derivative), 0)::int as api_calls,
  (select coalesce(sum(w.views), 0) from resource_views w where w.resource_id = s.resource_id)::int as views`;

export interface CardRow {
  resource_id: string;
  code: string;
  name: string;
  name_en: string | null;
  summary: string;
  keywords: string[];
  agency_id: string;
  agency_name: string;
  open_type: string;
  format_category: string;
  update_frequency: string;
  classification_code: string;
  class_name: string | null;
  sector: string | null;
  field_count: number;
  published_at: Date;
  updated_at: Date;
  downloads: number;
  api_calls: number;
  views: number;
}

/** The filters of a portal search, each optional. */
export interface PortalFilters {
  readonly provider?: string | undefined;
  readonly openType?: string | undefined;
  readonly classification?: string | undefined;
  readonly formatCategory?: string | undefined;
  readonly updateFrequency?: string | undefined;
  readonly sector?: string | undefined;
}

/** The search's condition (the open condition is added by every query below, never by the caller). */
export function filterCondition(filters: PortalFilters, text: RawBuilder<SqlBool> | null): RawBuilder<SqlBool> {
  const parts: RawBuilder<SqlBool>[] = [sql<SqlBool>`true`];
  if (text) parts.push(text);
  if (filters.provider) parts.push(sql<SqlBool>`a.id = ${filters.provider}`);
  if (filters.openType) parts.push(sql<SqlBool>`s.open_type = ${filters.openType}`);
  if (filters.classification) parts.push(sql<SqlBool>`s.class_top = ${filters.classification}`);
  if (filters.formatCategory) parts.push(sql<SqlBool>`s.format_category = ${filters.formatCategory}`);
  if (filters.updateFrequency) parts.push(sql<SqlBool>`s.update_frequency = ${filters.updateFrequency}`);
  if (filters.sector) parts.push(sql<SqlBool>`s.sector = ${filters.sector}`);
  return sql<SqlBool>`${sql.join(parts, sql` and `)}`;
}

/**
 * Open resources as cards (with usage counts), matching a condition, in an order, paged. The
 * order may name the card's columns (downloads, updated_at, rank, code).
 */
export async function listCards(
  db: Executor,
  options: { where: RawBuilder<SqlBool>; orderBy: RawBuilder<unknown>; limit: number; offset?: number; rank?: RawBuilder<number> | null },
): Promise<CardRow[]> {
  const rows = await sql<CardRow>`
    select * from (
      select s.resource_id, s.code, s.name, s.name_en, s.summary, s.keywords, a.id as agency_id, a.name as agency_name,
        s.open_type, s.format_category, s.update_frequency, s.classification_code, c.name as class_name, s.sector,
        s.field_count, coalesce(r.first_published_at, s.published_at) as published_at,
        coalesce(t.last_loaded_at, r.last_published_at, s.published_at) as updated_at,
        ${USAGE_COLUMNS},
        ${options.rank ?? sql`0`}::real as rank
      from ${OPEN_FROM}
        left join catalog_classes c on c.code = s.classification_code
        left join resource_tables t on t.resource_id = s.resource_id
      where ${IS_OPEN} and ${options.where}
    ) cards
    order by ${options.orderBy}
    limit ${options.limit} offset ${options.offset ?? 0}`.execute(db);
  return rows.rows;
}

export async function countOpen(db: Executor, where: RawBuilder<SqlBool>): Promise<number> {
  const row = await sql<{ n: number }>`select count(*)::int as n from ${OPEN_FROM} where ${IS_OPEN} and ${where}`.execute(db);
  return row.rows[0]?.n ?? 0;
}

export interface Bucket {
  readonly value: string;
  readonly label: { zh: string; en: string };
  readonly count: number;
}

export const FACETS = ['provider', 'openType', 'classification', 'formatCategory', 'updateFrequency', 'sector'] as const;
export type Facet = (typeof FACETS)[number];

function vocab(list: readonly Term[], value: string) {
  const term = list.find((t) => t.code === value);
  return term ? { zh: term.zh, en: term.en } : { zh: value, en: value };
}

const sectorLabel = (value: string) => SECTOR_LABELS[value as Sector] ?? { zh: value, en: value };

/** Facet counts of the matching open resources, in one grouping-sets query. */
export async function facetCounts(db: Executor, where: RawBuilder<SqlBool>): Promise<Record<Facet, Bucket[]>> {
  const rows = await sql<{
    g: number;
    agency_id: string | null;
    agency_name: string | null;
    open_type: string | null;
    class_top: string | null;
    format_category: string | null;
    update_frequency: string | null;
    sector: string | null;
    count: number;
  }>`
    select grouping(a.id, s.open_type, s.class_top, s.format_category, s.update_frequency, s.sector) as g,
      a.id as agency_id, min(a.name) as agency_name, s.open_type, s.class_top, s.format_category, s.update_frequency, s.sector,
      count(*)::int as count
    from ${OPEN_FROM} where ${IS_OPEN} and ${where}
    group by grouping sets ((a.id), (s.open_type), (s.class_top), (s.format_category), (s.update_frequency), (s.sector))`.execute(db);
  const classes = await topClassNames(db);
  const facets = Object.fromEntries(FACETS.map((f) => [f, [] as Bucket[]])) as Record<Facet, Bucket[]>;
  for (const row of rows.rows) {
    // grouping() sets one bit per column left out of the set, the first column being the highest bit.
    const facet = FACETS.find((_, i) => ((row.g >> (FACETS.length - 1 - i)) & 1) === 0);
    if (!facet) continue;
    const value = [row.agency_id, row.open_type, row.class_top, row.format_category, row.update_frequency, row.sector][
      FACETS.indexOf(facet)
    ];
    if (value === null || value === undefined) continue;
    const label =
      facet === 'provider'
        ? { zh: row.agency_name ?? value, en: row.agency_name ?? value }
        : facet === 'openType'
          ? vocab(OPEN_TYPES, value)
          : facet === 'classification'
            ? { zh: classes.get(value) ?? value, en: classes.get(value) ?? value }
            : facet === 'formatCategory'
              ? vocab(FORMAT_CATEGORIES, value)
              : facet === 'updateFrequency'
                ? vocab(UPDATE_FREQUENCIES, value)
                : sectorLabel(value);
    facets[facet].push({ value, label, count: row.count });
  }
  for (const f of FACETS) facets[f].sort((x, y) => y.count - x.count || x.value.localeCompare(y.value));
  return facets;
}

async function topClassNames(db: Executor): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('catalog_classes')
    .select(['code', 'name'])
    .where(sql<SqlBool>`length(code) = 3`)
    .execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** Open resources per sector of the provider and per top class. */
export async function distributions(db: Executor): Promise<{ bySector: Bucket[]; byClass: Bucket[] }> {
  const facets = await facetCounts(db, sql<SqlBool>`true`);
  return { bySector: facets.sector, byClass: facets.classification };
}

/** Platform-wide open counts: resources by open type, providers, usage of the open channel. */
export async function openTotals(db: Executor) {
  const [resources, usage, views, showcase] = await Promise.all([
    sql<{ total: number; unconditional: number; conditional: number; providers: number }>`
      select count(*)::int as total,
        count(*) filter (where v.metadata->'open'->>'type' = 'unconditional')::int as unconditional,
        count(*) filter (where v.metadata->'open'->>'type' = 'conditional')::int as conditional,
        count(distinct a.id)::int as providers
      from ${OPEN_FROM} where ${IS_OPEN}`.execute(db),
    // Every open-channel delivery counts, derivatives (R18.4) included: the platform's open use.
    sql<{ downloads: number; api_calls: number }>`
      select coalesce(sum(downloads), 0)::int as downloads, coalesce(sum(api_calls), 0)::int as api_calls
      from open_usage_counts`.execute(db),
    sql<{ n: number }>`select coalesce(sum(views), 0)::int as n from resource_views`.execute(db),
    sql<{ n: number }>`select count(*)::int as n from showcase_items where state = 'approved'`.execute(db),
  ]);
  const r = resources.rows[0] ?? { total: 0, unconditional: 0, conditional: 0, providers: 0 };
  const u = usage.rows[0] ?? { downloads: 0, api_calls: 0 };
  return {
    openResources: r.total,
    unconditional: r.unconditional,
    conditional: r.conditional,
    providers: r.providers,
    downloads: u.downloads,
    apiCalls: u.api_calls,
    views: views.rows[0]?.n ?? 0,
    showcase: showcase.rows[0]?.n ?? 0,
  };
}

/** The node's agencies and registered public users (the platform overview). */
export async function platformCounts(db: Executor) {
  const [counts, publicUsers, sectors, city] = await Promise.all([
    db
      .selectFrom('agencies')
      .select([
        sql<number>`count(*)::int`.as('agencies'),
        sql<number>`count(*) filter (where kind = 'department')::int`.as('departments'),
        sql<number>`count(*) filter (where kind = 'town')::int`.as('towns'),
      ])
      .where('active', '=', true)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('users')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('public_kind', 'is not', null)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('agencies')
      .select(['sector', sql<number>`count(*)::int`.as('agencies')])
      .where('sector', 'is not', null)
      .where('active', '=', true)
      .groupBy('sector')
      .orderBy('sector')
      .execute(),
    db.selectFrom('platform_meta').select('value').where('key', '=', 'city_name').executeTakeFirst(),
  ]);
  return {
    cityName: typeof city?.value === 'string' ? city.value : '',
    ...counts,
    publicUsers: publicUsers.n,
    sectors: sectors.map((s) => ({ sector: s.sector ?? '', agencies: s.agencies })),
  };
}

/**
 * Counts one view of a resource's public page on the China day: one row per resource and day,
 * incremented in place (a single atomic upsert, so concurrent views are not lost).
 */
export async function countView(db: Executor, resourceId: string, day: string): Promise<void> {
  await db
    .insertInto('resource_views')
    .values({ resource_id: resourceId, day, views: 1 })
    .onConflict((oc) => oc.columns(['resource_id', 'day']).doUpdateSet({ views: sql<number>`resource_views.views + 1` }))
    .execute();
}

/** The latest quality score of a resource's data (R12.1), if it was ever computed. */
export async function latestQuality(db: Executor, resourceId: string) {
  return db
    .selectFrom('quality_scores')
    .select(['score', 'completeness', 'validity', 'uniqueness', 'timeliness', 'overdue', 'computed_at'])
    .where('resource_id', '=', resourceId)
    .orderBy('computed_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function classificationName(db: Executor, code: string): Promise<string | null> {
  const row = await db.selectFrom('catalog_classes').select('name').where('code', '=', code).executeTakeFirst();
  return row?.name ?? null;
}
