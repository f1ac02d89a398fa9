/**
 * The search side of the catalog (issue 4 item 5): the index row of a published entry, and the
 * query with facets and highlighting. Chinese and English text is segmented in the application
 * (domain indexTokens / toTsQuery) and matched by PostgreSQL's tsvector with a GIN index.
 */
import type { SearchQuery, SearchResult } from '@gongshu/contracts';
import {
  FORMAT_CATEGORIES,
  highlight,
  indexTokens,
  OPEN_TYPES,
  SECTOR_LABELS,
  SECURITY_LEVEL_LABELS,
  SHARE_TYPES,
  toTsQuery,
  UPDATE_FREQUENCIES,
  type ResourceMetadata,
  type SecurityLevel,
  type Sector,
  type Term,
} from '@gongshu/domain';
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Executor } from '../../db/executor.js';

const tokens = (text: string) => indexTokens(text).join(' ');

/** Writes (or rewrites) the index row of a published entry. */
export async function indexResource(
  db: Executor,
  entry: {
    resourceId: string;
    code: string;
    providerId: string;
    providerName: string;
    sector: string | null;
    publishedAt: Date;
    metadata: ResourceMetadata;
  },
): Promise<void> {
  const m = entry.metadata;
  const vector = sql<string>`
    setweight(to_tsvector('simple', ${tokens(m.name)}), 'A') ||
    setweight(to_tsvector('simple', ${tokens(m.keywords.join(' '))}), 'B') ||
    setweight(to_tsvector('simple', ${tokens(`${m.nameEn ?? ''} ${m.summary}`)}), 'C') ||
    setweight(to_tsvector('simple', ${tokens(m.fields.map((f) => f.name).join(' '))}), 'D')`;
  const row = {
    resource_id: entry.resourceId,
    code: entry.code,
    name: m.name,
    name_en: m.nameEn,
    summary: m.summary,
    keywords: [...m.keywords],
    provider_agency_id: entry.providerId,
    provider_name: entry.providerName,
    sector: entry.sector,
    classification_code: m.classificationCode,
    class_top: m.classificationCode.slice(0, 3),
    share_type: m.share.type,
    open_type: m.open.type,
    format_category: m.formatCategory,
    update_frequency: m.updateFrequency,
    security_level: m.securityLevel,
    field_count: m.fields.length,
    published_at: entry.publishedAt,
    search_vector: vector,
  };
  await db
    .insertInto('catalog_search')
    .values(row)
    .onConflict((oc) =>
      oc.column('resource_id').doUpdateSet((eb) =>
        Object.fromEntries(
          Object.keys(row)
            .filter((k) => k !== 'resource_id')
            .map((k) => [k, eb.ref(`excluded.${k}` as 'excluded.name')]),
        ),
      ),
    )
    .execute();
}

const FACETS = [
  'provider',
  'sector',
  'classification',
  'shareType',
  'openType',
  'formatCategory',
  'updateFrequency',
  'securityLevel',
] as const;
type Facet = (typeof FACETS)[number];

function vocabLabel(list: readonly Term[], value: string) {
  const term = list.find((t) => t.code === value);
  return term ? { zh: term.zh, en: term.en } : { zh: value, en: value };
}

export interface SearchScope {
  /** Public users and visitors see only entries that are open in some way (R19). */
  readonly openOnly: boolean;
}

/**
 * The text side of a catalog query: the match condition over the index row's search vector and its
 * rank (null when the text has no searchable token). Shared with the CKAN-compatible search, so
 * there is one way to find an entry by text.
 */
export function textMatch(q: string | undefined): { where: RawBuilder<SqlBool>; rank: RawBuilder<number> } | null {
  const tsq = q ? toTsQuery(q) : null;
  if (!tsq) return null;
  return {
    where: sql<SqlBool>`search_vector @@ to_tsquery('simple', ${tsq})`,
    rank: sql<number>`ts_rank(search_vector, to_tsquery('simple', ${tsq}))`,
  };
}

export async function searchCatalog(db: Executor, query: SearchQuery, scope: SearchScope): Promise<SearchResult> {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const text = textMatch(query.q);
  const conditions: ReturnType<typeof sql<SqlBool>>[] = [];
  if (text) conditions.push(text.where);
  if (scope.openOnly) conditions.push(sql<SqlBool>`open_type <> 'none'`);
  if (query.provider) conditions.push(sql<SqlBool>`provider_agency_id = ${query.provider}`);
  if (query.sector) conditions.push(sql<SqlBool>`sector = ${query.sector}`);
  if (query.classification) conditions.push(sql<SqlBool>`classification_code like ${`${query.classification}%`}`);
  if (query.shareType) conditions.push(sql<SqlBool>`share_type = ${query.shareType}`);
  if (query.openType) conditions.push(sql<SqlBool>`open_type = ${query.openType}`);
  if (query.formatCategory) conditions.push(sql<SqlBool>`format_category = ${query.formatCategory}`);
  if (query.updateFrequency) conditions.push(sql<SqlBool>`update_frequency = ${query.updateFrequency}`);
  if (query.securityLevel) conditions.push(sql<SqlBool>`security_level = ${query.securityLevel}`);
  const where: RawBuilder<unknown> = conditions.length > 0 ? sql.join(conditions, sql` and `) : sql`true`;
  const order = query.sort === 'updated' || !text ? sql`published_at desc, code` : sql`${text.rank} desc, published_at desc, code`;

  const hits = await sql<{
    resource_id: string;
    code: string;
    name: string;
    name_en: string | null;
    summary: string;
    provider_agency_id: string;
    provider_name: string;
    share_type: string;
    open_type: string;
    format_category: string;
    update_frequency: string;
    security_level: number;
    field_count: number;
    published_at: Date;
  }>`
    select resource_id, code, name, name_en, summary, provider_agency_id, provider_name, share_type, open_type,
      format_category, update_frequency, security_level, field_count, published_at
    from catalog_search where ${where}
    order by ${order}
    limit ${pageSize} offset ${(page - 1) * pageSize}`.execute(db);

  const facets = await facetsFor(
    db,
    where,
    JSON.stringify({ ...query, page: undefined, sort: undefined, pageSize: undefined, openOnly: scope.openOnly }),
  );

  const q = query.q ?? '';
  return {
    // Every entry has a share type, so the share-type counts add up to the number of matches.
    total: facets.shareType.reduce((n, f) => n + f.count, 0),
    page,
    pageSize,
    hits: hits.rows.map((r) => ({
      id: r.resource_id,
      code: r.code,
      name: r.name,
      nameEn: r.name_en,
      summary: r.summary,
      highlight: { name: highlight(r.name, q), summary: highlight(r.summary, q) },
      provider: { id: r.provider_agency_id, name: r.provider_name },
      shareType: r.share_type as SearchResult['hits'][number]['shareType'],
      openType: r.open_type as SearchResult['hits'][number]['openType'],
      formatCategory: r.format_category as SearchResult['hits'][number]['formatCategory'],
      updateFrequency: r.update_frequency as SearchResult['hits'][number]['updateFrequency'],
      securityLevel: r.security_level,
      fieldCount: r.field_count,
      publishedAt: r.published_at.toISOString(),
    })),
    facets,
  };
}

/**
 * Facet counts of the matching entries. They change only when an entry is published, so they are
 * cached per query under the catalog's generation (a counter bumped in the same transaction as
 * every publication, read from the database each time, so every process sees a change at once).
 */
const facetCache = new Map<string, { generation: number; facets: SearchResult['facets'] }>();
const FACET_CACHE_SIZE = 500;

async function catalogGeneration(db: Executor): Promise<number> {
  const row = await db.selectFrom('platform_meta').select('value').where('key', '=', 'catalog_generation').executeTakeFirst();
  return typeof row?.value === 'number' ? row.value : 0;
}

/** Marks the catalog as changed; call in the transaction that publishes. */
export async function bumpCatalogGeneration(db: Executor): Promise<void> {
  await sql`insert into platform_meta (key, value) values ('catalog_generation', '1'::jsonb)
    on conflict (key) do update set value = to_jsonb((platform_meta.value #>> '{}')::bigint + 1), updated_at = now()`.execute(db);
}

async function facetsFor(db: Executor, where: RawBuilder<unknown>, key: string): Promise<SearchResult['facets']> {
  const generation = await catalogGeneration(db);
  const cached = facetCache.get(key);
  if (cached && cached.generation === generation) return cached.facets;
  const rows = await sql<{
    g: number;
    provider_agency_id: string | null;
    sector: string | null;
    class_top: string | null;
    share_type: string | null;
    open_type: string | null;
    format_category: string | null;
    update_frequency: string | null;
    security_level: number | null;
    count: number;
  }>`
    select grouping(provider_agency_id, sector, class_top, share_type, open_type, format_category, update_frequency, security_level) as g,
      provider_agency_id, sector, class_top, share_type, open_type, format_category, update_frequency, security_level, count(*)::int as count
    from catalog_search where ${where}
    group by grouping sets ((provider_agency_id), (sector), (class_top), (share_type), (open_type), (format_category), (update_frequency), (security_level))`.execute(
    db,
  );
  const [classNames, providerNames] = await Promise.all([
    db.selectFrom('catalog_classes').select(['code', 'name']).where('level', '=', 2).execute(),
    db.selectFrom('agencies').select(['id', 'name']).execute(),
  ]).then(([c, a]) => [new Map(c.map((x) => [x.code, x.name])), new Map(a.map((x) => [x.id, x.name]))] as const);
  const facets = Object.fromEntries(FACETS.map((f) => [f, [] as SearchResult['facets'][Facet]])) as SearchResult['facets'];
  for (const row of rows.rows) {
    // grouping() sets one bit per column left out of the set, the first column being the highest bit.
    const facet = FACETS.find((_, i) => ((row.g >> (FACETS.length - 1 - i)) & 1) === 0);
    if (!facet) continue;
    const raw = [
      row.provider_agency_id,
      row.sector,
      row.class_top,
      row.share_type,
      row.open_type,
      row.format_category,
      row.update_frequency,
      row.security_level,
    ][FACETS.indexOf(facet)];
    if (raw === null || raw === undefined) continue;
    const value = String(raw);
    const label =
      facet === 'provider'
        ? { zh: providerNames.get(value) ?? value, en: providerNames.get(value) ?? value }
        : facet === 'sector'
          ? (SECTOR_LABELS[value as Sector] ?? { zh: value, en: value })
          : facet === 'classification'
            ? { zh: classNames.get(value) ?? value, en: classNames.get(value) ?? value }
            : facet === 'shareType'
              ? vocabLabel(SHARE_TYPES, value)
              : facet === 'openType'
                ? vocabLabel(OPEN_TYPES, value)
                : facet === 'formatCategory'
                  ? vocabLabel(FORMAT_CATEGORIES, value)
                  : facet === 'updateFrequency'
                    ? vocabLabel(UPDATE_FREQUENCIES, value)
                    : (SECURITY_LEVEL_LABELS[Number(value) as SecurityLevel] ?? { zh: value, en: value });
    facets[facet].push({ value, label, count: row.count });
  }
  for (const f of FACETS) facets[f].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  if (facetCache.size >= FACET_CACHE_SIZE) facetCache.delete(facetCache.keys().next().value ?? '');
  facetCache.set(key, { generation, facets });
  return facets;
}
