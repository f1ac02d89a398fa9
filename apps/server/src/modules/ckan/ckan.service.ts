/**
 * The CKAN Action API subset over the open catalog (issue 7 item 10): package, organization,
 * group, tag and resource reads, status and help. Anonymous by design: whoever asks sees the same
 * public data (R19.1, R19.2), never a `none` resource (R18.1).
 */
import type {
  CkanActionName,
  CkanDatastoreResult,
  CkanGroupDetail,
  CkanOrganizationDetail,
  CkanPackage,
  CkanResource,
  CkanSearchResult,
  CkanStatus,
  CkanTag,
} from '@gongshu/contracts';
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { Clock, RequestContext } from '../../context.js';
import type { Database } from '../../db/schema.js';
import type { OpenDataService } from '../open-data/open-data.service.js';
import { invalid, notFound } from './ckan-error.js';
import { codeOfPackageName, groupOf, organizationOf, packageName, packageOf, parseDistributionId, tagOf } from './ckan-mapping.js';
import { DEFAULT_SORT, FACET_FIELDS, parseSort, parseTerms, searchOpenResources, type FacetField, type Filter } from './ckan-search.js';
import {
  classNames,
  findOpenResource,
  IS_OPEN,
  listOpenResources,
  nodeIdentity,
  OPEN_FROM,
  openResourcesByIds,
  type OpenResource,
} from './open-resources.repository.js';

/** CKAN's cap on rows and list sizes (ckan.search.rows_max). */
export const MAX_ROWS = 1000;

export interface PackageSearchParams {
  readonly q?: string | undefined;
  readonly fq?: string | undefined;
  readonly fq_list?: readonly string[] | undefined;
  readonly sort?: string | undefined;
  readonly rows?: number | undefined;
  readonly start?: number | undefined;
  readonly facet?: boolean | undefined;
  readonly 'facet.field'?: readonly string[] | undefined;
  readonly 'facet.limit'?: number | undefined;
  readonly 'facet.mincount'?: number | undefined;
}

export interface ListParams {
  readonly all_fields?: boolean | undefined;
  readonly sort?: string | undefined;
  readonly names?: readonly string[] | undefined;
  readonly limit?: number | undefined;
  readonly offset?: number | undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const HELP: Record<CkanActionName, string> = {
  package_search:
    'Searches the open packages. Parameters: q (text; field:value terms filter), fq and fq_list (filters: organization, tags, groups, res_format, license_id, name, id, metadata_modified and metadata_created ranges), sort (score, metadata_modified, metadata_created, title_string, name; asc or desc), rows (default 10, at most 1000), start, facet.field (JSON list of organization, groups, tags, res_format, license_id), facet.limit, facet.mincount. Returns count, results, facets, search_facets and sort.',
  package_show: 'Returns one open package. Parameter: id (package id, name or resource code).',
  package_list: 'Returns the names of all open packages, by name. Parameters: limit, offset.',
  current_package_list_with_resources:
    'Returns open packages with their resources, most recently modified first. Parameters: limit (default 10), offset, page (deprecated).',
  organization_list:
    'Returns the providing agencies with open packages. Parameters: all_fields, sort (name, title or package_count; asc or desc), organizations, limit, offset.',
  organization_show: 'Returns one providing agency. Parameters: id (id or name), include_datasets.',
  group_list:
    'Returns the top classes of the classification with open packages. Parameters: all_fields, sort (name, title or package_count; asc or desc), groups, limit, offset.',
  group_show: 'Returns one top class. Parameters: id (id or name), include_datasets.',
  tag_list: 'Returns the keywords of open packages. Parameters: query, all_fields.',
  resource_show: 'Returns one distribution of an open package. Parameter: id.',
  datastore_search:
    'Returns records of an open resource through the open exit (masked by sensitivity, audited, rate-limited; conditional data needs an API key with an open grant). Parameters: resource_id (<package id>-csv or package id), q (text in unmasked text fields), filters (JSON object of exact values), fields (JSON list), limit (default 100, at most 1000), offset. Returns fields, records, total, limit, offset, _links and the citation line.',
  status_show: 'Returns the site title, URL and the CKAN API level of this node.',
  help_show: 'Returns the help of an action. Parameter: name.',
};

function clampRows(value: number | undefined, fallback: number): number {
  return Math.min(value ?? fallback, MAX_ROWS);
}

/** Sort of organization_list and group_list: name, title or package_count, asc or desc. */
function listOrder(sort: string | undefined): { key: 'name' | 'title' | 'package_count'; desc: boolean } {
  const text = (sort ?? 'name asc').trim();
  const [field = 'name', dir] = text.split(/\s+/);
  const key = field === 'packages' ? 'package_count' : field;
  if (key !== 'name' && key !== 'title' && key !== 'package_count')
    invalid('sort', `Cannot sort by "${text}"; use name, title or package_count`);
  // CKAN sorts package counts from the largest unless told otherwise.
  const desc = dir === undefined ? key === 'package_count' : dir === 'desc';
  if (dir !== undefined && dir !== 'asc' && dir !== 'desc') invalid('sort', `Cannot sort by "${text}"; the direction is asc or desc`);
  return { key, desc };
}

function ordered<T extends { name: string; title: string; package_count: number }>(items: T[], sort: string | undefined): T[] {
  const { key, desc } = listOrder(sort);
  const cmp = (a: T, b: T) => {
    const x = a[key];
    const y = b[key];
    return x < y ? -1 : x > y ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  };
  return items.sort((a, b) => (desc ? cmp(b, a) : cmp(a, b)));
}

export interface DatastoreSearchParams {
  readonly resource_id?: string | undefined;
  readonly q?: string | undefined;
  readonly filters?: Record<string, unknown> | undefined;
  readonly fields?: readonly string[] | undefined;
  readonly limit?: number | undefined;
  readonly offset?: number | undefined;
  readonly records_format?: string | undefined;
}

export function createCkanService(deps: {
  db: Kysely<Database>;
  publicUrl: string;
  clock: Clock;
  /** The open exit, which answers datastore_search (masked, audited, limited like the query API). */
  openData?: Pick<OpenDataService, 'datastoreSearch'>;
}) {
  const { db, clock } = deps;
  const publicUrl = deps.publicUrl.replace(/\/+$/, '');

  async function packagesOf(resources: readonly OpenResource[]): Promise<CkanPackage[]> {
    if (resources.length === 0) return [];
    const classes = await classNames(db);
    return resources.map((r) => packageOf(r, { publicUrl, groupName: classes.get(r.classTop)?.name ?? null }));
  }

  async function findPackage(id: string | undefined): Promise<OpenResource> {
    const key = id?.trim();
    if (!key) invalid('id', 'Missing value');
    const code = codeOfPackageName(key);
    const found = UUID.test(key)
      ? await findOpenResource(db, { id: key.toLowerCase() })
      : await findOpenResource(db, { code: code ?? key });
    return found ?? notFound('Dataset not found');
  }

  /** Providing agencies with their count of open packages. */
  async function organizations(): Promise<CkanOrganizationDetail[]> {
    const rows = await sql<{ id: string; code: string; name: string; created_at: Date; n: number }>`
      select a.id, a.code, a.name, a.created_at, count(*)::int as n from ${OPEN_FROM} where ${IS_OPEN}
      group by a.id, a.code, a.name, a.created_at`.execute(db);
    return rows.rows.map((r) => ({
      ...organizationOf({ id: r.id, code: r.code, name: r.name, createdAt: r.created_at }),
      package_count: r.n,
    }));
  }

  /** Top classes with their count of open packages. */
  async function groups(): Promise<CkanGroupDetail[]> {
    const rows = await sql<{ code: string; name: string | null; n: number }>`
      select s.class_top as code, c.name, count(*)::int as n from ${OPEN_FROM}
      left join catalog_classes c on c.code = s.class_top where ${IS_OPEN} group by s.class_top, c.name`.execute(db);
    return rows.rows.map((r) => ({ ...groupOf(r.code, r.name ?? r.code), package_count: r.n }));
  }

  async function list<T extends CkanOrganizationDetail | CkanGroupDetail>(all: T[], params: ListParams): Promise<string[] | T[]> {
    const wanted = params.names && params.names.length > 0 ? new Set(params.names) : null;
    const offset = params.offset ?? 0;
    const limit = clampRows(params.limit, MAX_ROWS);
    const items = ordered(
      all.filter((i) => !wanted || wanted.has(i.name)),
      params.sort,
    ).slice(offset, offset + limit);
    return params.all_fields ? items : items.map((i) => i.name);
  }

  async function detail<T extends CkanOrganizationDetail | CkanGroupDetail>(
    all: T[],
    id: string | undefined,
    includeDatasets: boolean | undefined,
    what: string,
    filter: (t: T) => Filter,
  ): Promise<T> {
    const key = id?.trim().toLowerCase();
    if (!key) invalid('id', 'Missing value');
    const found = all.find((i) => i.id === key || i.name === key) ?? notFound(`${what} not found`);
    if (!includeDatasets) return found;
    const result = await searchOpenResources(db, {
      text: '',
      filters: [filter(found)],
      sort: parseSort('title_string asc'),
      rows: MAX_ROWS,
      start: 0,
      facetFields: [],
      facetLimit: 0,
      facetMinCount: 1,
    });
    return { ...found, packages: await packagesOf(await openResourcesByIds(db, result.ids)) };
  }

  return {
    help(action: CkanActionName): string {
      return `${publicUrl}/api/3/action/help_show?name=${action}`;
    },

    async package_search(p: PackageSearchParams): Promise<CkanSearchResult> {
      const now = clock();
      const fromQ = parseTerms(p.q ?? '', 'q', now);
      const filters = [
        ...fromQ.filters,
        ...(p.fq ? parseTerms(p.fq, 'fq', now).filters : []),
        ...(p.fq_list ?? []).flatMap((fq) => parseTerms(fq, 'fq_list', now).filters),
      ];
      const sortText = p.sort?.trim() || DEFAULT_SORT;
      const facetFields = (p.facet === false ? [] : (p['facet.field'] ?? [])).map((f) => {
        const known = FACET_FIELDS.find((k) => k === f);
        return known ?? invalid('facet.field', `Cannot count ${f}; use ${FACET_FIELDS.join(', ')}`);
      });
      const result = await searchOpenResources(db, {
        text: fromQ.text,
        filters,
        sort: parseSort(sortText),
        rows: clampRows(p.rows, 10),
        start: p.start ?? 0,
        facetFields: [...new Set<FacetField>(facetFields)],
        facetLimit: p['facet.limit'] ?? 50,
        facetMinCount: p['facet.mincount'] ?? 1,
      });
      const facets: CkanSearchResult['facets'] = {};
      const searchFacets: CkanSearchResult['search_facets'] = {};
      for (const [field, items] of result.facets) {
        facets[field] = Object.fromEntries(items.map((i) => [i.name, i.count]));
        searchFacets[field] = { title: field, items: items.map((i) => ({ ...i })) };
      }
      return {
        count: result.count,
        sort: sortText,
        results: await packagesOf(await openResourcesByIds(db, result.ids)),
        facets,
        search_facets: searchFacets,
      };
    },

    async package_show(p: { id?: string | undefined }): Promise<CkanPackage> {
      const [pkg] = await packagesOf([await findPackage(p.id)]);
      return pkg ?? notFound('Dataset not found');
    },

    async package_list(p: { limit?: number | undefined; offset?: number | undefined }): Promise<string[]> {
      const rows = await listOpenResources(db, { orderBy: sql`s.code`, limit: p.limit, offset: p.offset ?? 0 });
      return rows.map((r) => packageName(r.code));
    },

    async current_package_list_with_resources(p: {
      limit?: number | undefined;
      offset?: number | undefined;
      page?: number | undefined;
    }): Promise<CkanPackage[]> {
      const limit = clampRows(p.limit, 10);
      const offset = p.offset ?? (p.page && p.page > 0 ? (p.page - 1) * limit : 0);
      const rows = await listOpenResources(db, { orderBy: sql`r.last_published_at desc, s.code`, limit, offset });
      return packagesOf(rows);
    },

    async organization_list(p: ListParams): Promise<string[] | CkanOrganizationDetail[]> {
      return list(await organizations(), p);
    },

    async organization_show(p: { id?: string | undefined; include_datasets?: boolean | undefined }): Promise<CkanOrganizationDetail> {
      return detail(await organizations(), p.id, p.include_datasets, 'Organization', (o) => ({
        field: 'owner_org',
        value: o.id,
        negated: false,
      }));
    },

    async group_list(p: ListParams): Promise<string[] | CkanGroupDetail[]> {
      return list(await groups(), p);
    },

    async group_show(p: { id?: string | undefined; include_datasets?: boolean | undefined }): Promise<CkanGroupDetail> {
      return detail(await groups(), p.id, p.include_datasets, 'Group', (g) => ({ field: 'groups', value: g.name, negated: false }));
    },

    async tag_list(p: { query?: string | undefined; all_fields?: boolean | undefined }): Promise<string[] | CkanTag[]> {
      const query = p.query?.trim();
      const rows = await sql<{ k: string }>`
        select k from ${OPEN_FROM} cross join lateral unnest(s.keywords) as k
        where ${IS_OPEN} and ${query ? sql<SqlBool>`strpos(lower(k), lower(${query})) > 0` : sql<SqlBool>`true`}
        group by k order by k collate "C"`.execute(db);
      const names = rows.rows.map((r) => r.k);
      return p.all_fields ? names.map(tagOf) : names;
    },

    async resource_show(p: { id?: string | undefined }): Promise<CkanResource> {
      const key = p.id?.trim();
      if (!key) invalid('id', 'Missing value');
      const parsed = parseDistributionId(key);
      const found = parsed ? await findOpenResource(db, { id: parsed.resourceId }) : undefined;
      const [pkg] = found ? await packagesOf([found]) : [];
      return pkg?.resources.find((r) => r.id === key) ?? notFound('Resource was not found.');
    },

    async datastore_search(ctx: RequestContext, p: DatastoreSearchParams): Promise<CkanDatastoreResult> {
      const id = p.resource_id?.trim();
      if (!id) invalid('resource_id', 'Missing value');
      if (p.records_format && p.records_format !== 'objects') invalid('records_format', 'Only objects is supported');
      const resourceId = parseDistributionId(id)?.resourceId ?? (UUID.test(id) ? id.toLowerCase() : notFound('Resource was not found.'));
      if (!deps.openData) notFound('Resource was not found.');
      const result = await deps.openData.datastoreSearch(ctx, {
        resourceId,
        q: p.q,
        filters: p.filters,
        fields: p.fields,
        limit: p.limit,
        offset: p.offset,
      });
      const link = (offset: number) => {
        const q = new URLSearchParams({ resource_id: id });
        if (p.q) q.set('q', p.q);
        if (p.filters) q.set('filters', JSON.stringify(p.filters));
        if (p.fields) q.set('fields', JSON.stringify(p.fields));
        if (p.limit !== undefined) q.set('limit', String(result.limit));
        if (offset > 0) q.set('offset', String(offset));
        return `/api/3/action/datastore_search?${q.toString()}`;
      };
      return {
        resource_id: id,
        fields: result.fields,
        records: result.records,
        total: result.total,
        limit: result.limit,
        offset: result.offset,
        include_total: true,
        records_format: 'objects',
        _links: { start: link(0), next: link(result.offset + result.limit) },
        citation: result.citation,
      };
    },

    async status_show(): Promise<CkanStatus> {
      const { cityName, bureau } = await nodeIdentity(db);
      return {
        site_title: `${cityName}公共数据开放平台`,
        site_description: `${bureau?.name ?? cityName}：公共数据开放目录（CKAN API 兼容子集） Open public data catalog (a CKAN API compatible subset)`,
        site_url: publicUrl,
        ckan_version: '2.10.0',
        error_emails_to: null,
        locale_default: 'zh_Hans_CN',
        extensions: ['gongshu'],
      };
    },

    async help_show(p: { name?: string | undefined }): Promise<string> {
      const name = p.name?.trim();
      if (!name) invalid('name', 'Missing value');
      return (HELP as Record<string, string>)[name] ?? notFound('Action function not found');
    },
  };
}

export type CkanService = ReturnType<typeof createCkanService>;
