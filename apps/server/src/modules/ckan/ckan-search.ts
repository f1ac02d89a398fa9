/**
 * CKAN's package_search over the open catalog: its Solr-style parameters (q, fq, sort, rows,
 * start, facet.field) translated to one SQL query over the catalog's search index. The text of `q`
 * is matched by the catalog's own search (catalog-search.ts textMatch), so Chinese and English
 * queries find the same entries as on the portal; `field:value` terms filter.
 */
import { DISTRIBUTION_FORMATS } from '@gongshu/contracts';
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Executor } from '../../db/executor.js';
import { textMatch } from '../catalog/catalog-search.js';
import { invalid } from './ckan-error.js';
import { codeOfPackageName, licenceView } from './ckan-mapping.js';
import { IS_OPEN, OPEN_FROM } from './open-resources.repository.js';

export const FILTER_FIELDS = [
  'organization',
  'owner_org',
  'tags',
  'groups',
  'res_format',
  'license_id',
  'name',
  'id',
  'metadata_modified',
  'metadata_created',
  // Always true here; accepted so that CKAN's own filters (e.g. +dataset_type:dataset) work.
  'dataset_type',
  'state',
  'private',
  'capacity',
] as const;
type FilterField = (typeof FILTER_FIELDS)[number];

export const FACET_FIELDS = ['organization', 'groups', 'tags', 'res_format', 'license_id'] as const;
export type FacetField = (typeof FACET_FIELDS)[number];

export type Filter =
  | { readonly field: Exclude<FilterField, 'metadata_modified' | 'metadata_created'>; readonly value: string; readonly negated: boolean }
  | {
      readonly field: 'metadata_modified' | 'metadata_created';
      readonly from: Date | null;
      readonly to: Date | null;
      readonly inclusive: boolean;
      readonly negated: boolean;
    };

const isFilterField = (f: string): f is FilterField => (FILTER_FIELDS as readonly string[]).includes(f);

// field:value, field:"quoted value", field:[a TO b] or field:{a TO b}, each optionally +/- prefixed; or a bare word.
const TERM = /([+-]?)([A-Za-z_.]+):("(?:[^"\\]|\\.)*"|\[[^\]]*\]|\{[^}]*\}|\S+)|(\S+)/g;

function unquote(value: string): string {
  return value.startsWith('"') && value.endsWith('"') && value.length >= 2
    ? value.slice(1, -1).replace(/\\(.)/g, '$1')
    : value.replace(/\\(.)/g, '$1');
}

function solrDate(text: string, param: string, now: Date): Date | null {
  const t = text.trim();
  if (t === '*') return null;
  if (t === 'NOW') return now;
  // CKAN writes UTC without a zone; read such a time as UTC, not as local time.
  const iso = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/.test(t) ? `${t.includes('T') ? t : `${t}T00:00:00`}Z` : t;
  const at = /^\d{4}-\d{2}-\d{2}/.test(iso) ? new Date(iso) : new Date(NaN);
  if (Number.isNaN(at.getTime())) invalid(param, `Not a date: ${t} (use an ISO 8601 time, * or NOW)`);
  return at;
}

function parseFilter(field: FilterField, raw: string, negated: boolean, param: string, now: Date): Filter {
  if (field === 'metadata_modified' || field === 'metadata_created') {
    const range = /^([[{])\s*(\S+)\s+TO\s+(\S+)\s*([\]}])$/.exec(raw);
    if (!range) invalid(param, `${field} takes a range, e.g. ${field}:[2026-01-01T00:00:00Z TO *]`);
    return {
      field,
      from: solrDate(range[2] ?? '*', param, now),
      to: solrDate(range[3] ?? '*', param, now),
      inclusive: range[1] === '[',
      negated,
    };
  }
  // Solr syntax beyond field:value is refused rather than matched as a literal value.
  if (raw.startsWith('(')) invalid(param, `Grouping with parentheses is not supported: ${field}:${raw}`);
  if (!raw.startsWith('"') && /[*?]/.test(raw)) invalid(param, `Wildcards are not supported: ${field}:${raw}`);
  return { field, value: unquote(raw), negated };
}

/**
 * Splits a Solr-style query into filters (known `field:value` terms) and the remaining text. In
 * `fq` every term must be a known filter; in `q` other words are the text to search.
 */
export function parseTerms(input: string, param: 'q' | 'fq' | 'fq_list', now: Date): { filters: Filter[]; text: string } {
  const filters: Filter[] = [];
  const words: string[] = [];
  for (const m of input.matchAll(TERM)) {
    const [whole, sign, field, value, bare] = m;
    if (bare !== undefined || field === undefined || value === undefined) {
      if (param === 'q') words.push(whole);
      else if (!['AND', '&&'].includes(whole)) invalid(param, `Not a field:value term: ${whole}`);
      continue;
    }
    if (param === 'q' && field === '*' && value === '*') continue;
    if (!isFilterField(field)) {
      if (param === 'q') {
        words.push(whole);
        continue;
      }
      invalid(param, `Filters on ${field} are not supported; supported: ${FILTER_FIELDS.join(', ')}`);
    }
    filters.push(parseFilter(field, value, sign === '-', param, now));
  }
  const text = words
    .join(' ')
    .replace(/^\*:\*$/, '')
    .trim();
  return { filters, text };
}

export interface SortTerm {
  readonly field: 'score' | 'metadata_modified' | 'metadata_created' | 'title_string' | 'name';
  readonly direction: 'asc' | 'desc';
}
const SORT_FIELDS = ['score', 'metadata_modified', 'metadata_created', 'title_string', 'name'] as const;

export const DEFAULT_SORT = 'score desc, metadata_modified desc';

export function parseSort(sort: string): SortTerm[] {
  return sort
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const [field = '', direction = 'asc', ...rest] = part.split(/\s+/);
      const known = SORT_FIELDS.find((f) => f === field);
      if (!known || rest.length > 0 || (direction !== 'asc' && direction !== 'desc'))
        invalid('sort', `Cannot sort by "${part}"; use field asc|desc with a field of ${SORT_FIELDS.join(', ')}`);
      return { field: known, direction };
    });
}

/** Licence texts in use by open resources (few: one per licence), to filter and count by CKAN licence id. */
async function licenceTexts(db: Executor): Promise<(string | null)[]> {
  const rows = await sql<{ licence: string | null }>`
    select distinct nullif(btrim(v.metadata->>'licence'), '') as licence from ${OPEN_FROM} where ${IS_OPEN}`.execute(db);
  return rows.rows.map((r) => r.licence);
}

function licenceCondition(texts: readonly (string | null)[], licenceId: string): RawBuilder<SqlBool> {
  const matching = texts.filter((t) => licenceView(t).license_id === licenceId);
  const named = matching.filter((t): t is string => t !== null);
  const parts: RawBuilder<SqlBool>[] = [];
  if (named.length > 0) parts.push(sql<SqlBool>`nullif(btrim(v.metadata->>'licence'), '') in (${sql.join(named.map((t) => sql`${t}`))})`);
  if (matching.includes(null)) parts.push(sql<SqlBool>`nullif(btrim(v.metadata->>'licence'), '') is null`);
  return parts.length > 0 ? sql<SqlBool>`(${sql.join(parts, sql` or `)})` : sql<SqlBool>`false`;
}

const constant = (yes: boolean) => (yes ? sql<SqlBool>`true` : sql<SqlBool>`false`);

function conditionOf(f: Filter, licences: readonly (string | null)[]): RawBuilder<SqlBool> {
  let c: RawBuilder<SqlBool>;
  switch (f.field) {
    case 'metadata_modified':
    case 'metadata_created': {
      const column = f.field === 'metadata_modified' ? sql`r.last_published_at` : sql`r.first_published_at`;
      const parts = [
        f.from ? (f.inclusive ? sql<SqlBool>`${column} >= ${f.from}` : sql<SqlBool>`${column} > ${f.from}`) : null,
        f.to ? (f.inclusive ? sql<SqlBool>`${column} <= ${f.to}` : sql<SqlBool>`${column} < ${f.to}`) : null,
      ].filter((p) => p !== null);
      c = parts.length > 0 ? sql<SqlBool>`(${sql.join(parts, sql` and `)})` : sql<SqlBool>`true`;
      break;
    }
    case 'organization':
      c = sql<SqlBool>`lower(a.code) = ${f.value.toLowerCase()}`;
      break;
    case 'owner_org':
      c = sql<SqlBool>`a.id::text = ${f.value}`;
      break;
    case 'tags':
      c = sql<SqlBool>`${f.value} = any(s.keywords)`;
      break;
    case 'groups':
      c = sql<SqlBool>`s.class_top = ${f.value}`;
      break;
    case 'res_format':
      // Every open resource is offered in every format.
      c = constant(DISTRIBUTION_FORMATS.some((d) => d.label === f.value.toUpperCase()));
      break;
    case 'license_id':
      c = licenceCondition(licences, f.value);
      break;
    case 'name':
      c = sql<SqlBool>`s.code = ${codeOfPackageName(f.value) ?? ''}`;
      break;
    case 'id':
      c = sql<SqlBool>`s.resource_id::text = ${f.value}`;
      break;
    case 'dataset_type':
      c = constant(f.value === 'dataset');
      break;
    case 'state':
      c = constant(f.value === 'active');
      break;
    case 'private':
      c = constant(f.value === 'false');
      break;
    case 'capacity':
      c = constant(f.value === 'public');
      break;
  }
  return f.negated ? sql<SqlBool>`not ${c}` : c;
}

export interface SearchInput {
  readonly text: string;
  readonly filters: readonly Filter[];
  readonly sort: readonly SortTerm[];
  readonly rows: number;
  readonly start: number;
  readonly facetFields: readonly FacetField[];
  readonly facetLimit: number;
  readonly facetMinCount: number;
}

export interface FacetItem {
  readonly name: string;
  readonly display_name: string;
  readonly count: number;
}

/** Matching resource ids in order, their count, and the facet counts asked for. */
export async function searchOpenResources(
  db: Executor,
  input: SearchInput,
): Promise<{ count: number; ids: string[]; facets: Map<FacetField, FacetItem[]> }> {
  const needsLicences = input.filters.some((f) => f.field === 'license_id');
  const licences = needsLicences ? await licenceTexts(db) : [];
  const text = textMatch(input.text || undefined);
  const conditions = [IS_OPEN, ...(text ? [text.where] : []), ...input.filters.map((f) => conditionOf(f, licences))];
  const where = sql<SqlBool>`${sql.join(conditions, sql` and `)}`;

  const order = input.sort.flatMap((s) => {
    const dir = s.direction === 'desc' ? sql`desc` : sql`asc`;
    switch (s.field) {
      case 'score':
        return text ? [sql`${text.rank} ${dir}`] : [];
      case 'metadata_modified':
        return [sql`r.last_published_at ${dir}`];
      case 'metadata_created':
        return [sql`r.first_published_at ${dir}`];
      case 'title_string':
        // Code-point order, the same on every PostgreSQL whatever its collation.
        return [sql`s.name collate "C" ${dir}`];
      case 'name':
        return [sql`s.code ${dir}`];
    }
  });
  const orderBy = sql.join([...order, sql`s.code asc`]);

  const [count, ids] = await Promise.all([
    sql<{ n: number }>`select count(*)::int as n from ${OPEN_FROM} where ${where}`.execute(db),
    input.rows === 0
      ? Promise.resolve({ rows: [] as { resource_id: string }[] })
      : sql<{ resource_id: string }>`select s.resource_id from ${OPEN_FROM} where ${where}
          order by ${orderBy} limit ${input.rows} offset ${input.start}`.execute(db),
  ]);
  const total = count.rows[0]?.n ?? 0;

  const facets = new Map<FacetField, FacetItem[]>();
  for (const field of input.facetFields) {
    const items = await facetItems(db, field, where, total);
    facets.set(
      field,
      items
        .filter((i) => i.count >= input.facetMinCount)
        .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
        .slice(0, input.facetLimit < 0 ? undefined : input.facetLimit),
    );
  }
  return { count: total, ids: ids.rows.map((r) => r.resource_id), facets };
}

async function facetItems(db: Executor, field: FacetField, where: RawBuilder<SqlBool>, total: number): Promise<FacetItem[]> {
  type Row = { name: string | null; display_name: string | null; count: number };
  switch (field) {
    case 'organization': {
      const rows = await sql<Row>`select lower(a.code) as name, a.name as display_name, count(*)::int as count
        from ${OPEN_FROM} where ${where} group by lower(a.code), a.name`.execute(db);
      return rows.rows.map((r) => ({ name: r.name ?? '', display_name: r.display_name ?? '', count: r.count }));
    }
    case 'groups': {
      const rows = await sql<Row>`select s.class_top as name, c.name as display_name, count(*)::int as count
        from ${OPEN_FROM} left join catalog_classes c on c.code = s.class_top where ${where} group by s.class_top, c.name`.execute(db);
      return rows.rows.map((r) => ({ name: r.name ?? '', display_name: r.display_name ?? r.name ?? '', count: r.count }));
    }
    case 'tags': {
      const rows = await sql<Row>`select k as name, k as display_name, count(*)::int as count
        from ${OPEN_FROM} cross join lateral unnest(s.keywords) as k where ${where} group by k`.execute(db);
      return rows.rows.map((r) => ({ name: r.name ?? '', display_name: r.display_name ?? '', count: r.count }));
    }
    case 'res_format':
      return total > 0 ? DISTRIBUTION_FORMATS.map((f) => ({ name: f.label, display_name: f.label, count: total })) : [];
    case 'license_id': {
      const rows = await sql<{ licence: string | null; count: number }>`
        select nullif(btrim(v.metadata->>'licence'), '') as licence, count(*)::int as count
        from ${OPEN_FROM} where ${where} group by 1`.execute(db);
      const merged = new Map<string, FacetItem>();
      for (const r of rows.rows) {
        const view = licenceView(r.licence);
        const before = merged.get(view.license_id);
        merged.set(view.license_id, { name: view.license_id, display_name: view.license_title, count: (before?.count ?? 0) + r.count });
      }
      return [...merged.values()];
    }
  }
}
