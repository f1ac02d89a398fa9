/**
 * The CKAN Action API subset (issue 7 item 10) through the real app: CKAN's envelope on success
 * and on each error, every action's shape, search with filters, sort, paging and facets, and the
 * rule that a resource whose open type is `none` never appears anywhere (R18.1).
 */
import type { CkanOrganizationDetail, CkanPackage, CkanResource, CkanSearchResult } from '@gongshu/contracts';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, testClock, type Harness } from '../../../test/harness.js';
import { publishOpenCatalog, type OpenCatalog } from './open-catalog.fixtures.js';

const clock = testClock('2026-03-02T09:00:00+08:00');
let h: Harness;
let c: OpenCatalog;

interface Envelope<T> {
  help: string;
  success: boolean;
  result: T;
  error?: { __type: string; message: string } & Record<string, unknown>;
}

async function call<T>(action: string, params: Record<string, string | number> = {}, options: Partial<InjectOptions> = {}) {
  const query = new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)])).toString();
  const res = await h.app.inject({ method: 'GET', url: `/api/3/action/${action}${query ? `?${query}` : ''}`, ...options });
  return { status: res.statusCode, body: res.json<Envelope<T>>(), headers: res.headers };
}

async function post<T>(action: string, payload: unknown, headers: Record<string, string> = {}) {
  const res = await h.app.inject({ method: 'POST', url: `/api/3/action/${action}`, payload: payload as InjectOptions['payload'], headers });
  return { status: res.statusCode, body: res.json<Envelope<T>>() };
}

async function result<T>(action: string, params: Record<string, string | number> = {}): Promise<T> {
  const res = await call<T>(action, params);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.result;
}

const search = (params: Record<string, string | number>) => result<CkanSearchResult>('package_search', params);
const names = (r: CkanSearchResult) => r.results.map((p) => p.title);

beforeAll(async () => {
  h = await createHarness({ clock });
  c = await publishOpenCatalog(h);
});
afterAll(async () => h.close());

describe("CKAN's envelope", () => {
  it('answers success as {help, success: true, result} with the help of the action, by GET and by POST', async () => {
    const res = await call<string[]>('package_list');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['help', 'result', 'success']);
    expect(res.body).toMatchObject({ success: true, help: `${h.config.publicUrl}/api/3/action/help_show?name=package_list` });
    expect(res.headers['content-type']).toMatch(/^application\/json/);

    const byPost = await post<CkanSearchResult>('package_search', { fq: 'tags:就业', rows: 10, 'facet.field': ['organization'] });
    const byGet = await call<CkanSearchResult>('package_search', { fq: 'tags:就业', rows: '10', 'facet.field': '["organization"]' });
    expect(byPost.status).toBe(200);
    expect(byPost.body).toEqual(byGet.body);
  });

  it('answers an unknown package with 404 Not Found Error', async () => {
    const res = await call('package_show', { id: 'no-such-package' });
    expect(res.status).toBe(404);
    expect(Object.keys(res.body).sort()).toEqual(['error', 'help', 'success']);
    expect(res.body).toEqual({
      help: `${h.config.publicUrl}/api/3/action/help_show?name=package_show`,
      success: false,
      error: { __type: 'Not Found Error', message: 'Not found: Dataset not found' },
    });
  });

  it('answers bad parameters with 409 Validation Error, with messages per parameter', async () => {
    const rows = await call('package_search', { rows: 'many' });
    expect(rows.status).toBe(409);
    expect(rows.body.success).toBe(false);
    expect(rows.body.error).toMatchObject({ __type: 'Validation Error', rows: [expect.any(String)] });

    const missing = await post('package_show', {});
    expect(missing.status).toBe(409);
    expect(missing.body.error).toEqual({
      __type: 'Validation Error',
      message: 'Validation error: id: Missing value',
      id: ['Missing value'],
    });

    const bad: Record<string, string | number>[] = [
      { sort: 'popularity desc' },
      { fq: 'security_level:1' },
      { 'facet.field': '["security_level"]' },
      { start: -1 },
      { fq: 'organization:(hrss OR civil)' },
      { fq: 'tags:就*' },
      { fq: 'organization:hrss OR organization:civil' },
    ];
    for (const params of bad) {
      const res = await call('package_search', params);
      expect(res.status, JSON.stringify(params)).toBe(409);
      expect(res.body.error?.__type).toBe('Validation Error');
    }
  });

  it('answers write actions with 403 Authorization Error: the catalog is published through the review only (R10.2)', async () => {
    const res = await post('package_create', { name: 'x', title: 'x' });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({
      help: `${h.config.publicUrl}/api/3/action/help_show?name=package_create`,
      success: false,
      error: { __type: 'Authorization Error', message: expect.stringMatching(/^Access denied/) as unknown },
    });
    const badKey = await call('package_list', {}, { headers: { authorization: 'Bearer gsk_not_a_key' } });
    expect(badKey.status).toBe(403);
    expect(badKey.body.error?.__type).toBe('Authorization Error');
    // A signed-in browser's POST without its CSRF token is refused the same way.
    const citizen = await h.signIn('citizen');
    const noCsrf = await post('package_list', {}, { cookie: citizen.headers.cookie ?? '' });
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.body.error?.__type).toBe('Authorization Error');
    expect((await post('package_list', {}, citizen.headers)).status).toBe(200);
  });

  it('answers an unknown action or a body that is not an object with 400 and a JSON string, as CKAN does', async () => {
    const unknown = await h.app.inject({ method: 'GET', url: '/api/3/action/no_such_action' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toBe('Bad request - Action name not known: no_such_action');
    const notObject = await h.app.inject({
      method: 'POST',
      url: '/api/3/action/package_search',
      payload: '[1]',
      headers: { 'content-type': 'application/json' },
    });
    expect(notObject.statusCode).toBe(400);
    expect(notObject.json()).toMatch(/^Bad request - JSON Error/);
  });
});

describe('a resource that is not open never appears (R18.1)', () => {
  it('is in no list, search, facet, tag or organization count, and cannot be shown', async () => {
    const list = await result<string[]>('package_list');
    expect(list).toEqual(['209003-000001', '211003-000001', '211004-000001']);
    expect(list).not.toContain(c.closed.code.replace('/', '-'));

    const all = await search({ q: '*:*', rows: 100, 'facet.field': '["organization","tags","groups"]' });
    expect(all.count).toBe(3);
    expect(all.results.map((p) => p.id)).not.toContain(c.closed.resourceId);
    expect(all.facets.organization).toEqual({ hrss: 2, civil: 1 });
    expect(all.facets.tags).not.toHaveProperty('不开放关键词');
    expect((await search({ q: '就业登记明细' })).count).toBe(0);
    expect((await search({ fq: `id:${c.closed.resourceId}` })).count).toBe(0);

    for (const id of [c.closed.resourceId, c.closed.code, c.closed.code.replace('/', '-')]) {
      expect((await call('package_show', { id })).status).toBe(404);
    }
    expect((await call('resource_show', { id: `${c.closed.resourceId}-csv` })).status).toBe(404);
    expect(await result<string[]>('tag_list')).not.toContain('不开放关键词');
    const orgs = await result<CkanOrganizationDetail[]>('organization_list', { all_fields: 'true' });
    expect(orgs.find((o) => o.name === 'hrss')?.package_count).toBe(2);
    const recent = await result<CkanPackage[]>('current_package_list_with_resources', { limit: 100 });
    expect(recent.map((p) => p.id)).not.toContain(c.closed.resourceId);
  });
});

describe('package_show', () => {
  it('finds a package by id, by name and by resource code', async () => {
    const byId = await result<CkanPackage>('package_show', { id: c.training.resourceId });
    expect(await result<CkanPackage>('package_show', { id: '211003-000001' })).toEqual(byId);
    expect(await result<CkanPackage>('package_show', { id: c.training.code })).toEqual(byId);
  });

  it('maps the catalog entry to a CKAN package with its organization, group, tags, licence and resources', async () => {
    const pkg = await result<CkanPackage>('package_show', { id: c.training.resourceId });
    expect(pkg).toMatchObject({
      id: c.training.resourceId,
      name: '211003-000001',
      title: '职业技能培训机构名录',
      notes: '全市职业技能培训机构的名称、地址和培训工种',
      type: 'dataset',
      state: 'active',
      private: false,
      version: '1',
      license_id: 'cc-by',
      license_url: 'https://creativecommons.org/licenses/by/4.0/',
      isopen: true,
      metadata_created: '2026-03-02T01:00:00.000000',
      metadata_modified: '2026-03-02T01:00:00.000000',
      url: `${h.config.publicUrl}/open/resources/${c.training.resourceId}`,
      organization: { name: 'hrss', title: '滕州市人力资源和社会保障局', is_organization: true, type: 'organization' },
      groups: [{ name: '211', title: '就业创业', type: 'group' }],
      num_tags: 2,
      num_resources: 3,
    });
    expect(pkg.owner_org).toBe(pkg.organization.id);
    expect(pkg.tags.map((t) => t.name)).toEqual(['就业', '职业培训']);
    expect(Object.fromEntries(pkg.extras.map((e) => [e.key, e.value]))).toMatchObject({
      identifier: '211003/000001',
      name_en: 'Vocational training institutions',
      classification_code: '211003',
      open_type: 'unconditional',
      update_frequency: 'monthly',
    });
    expect(pkg.resources.map((r) => [r.format, r.mimetype, r.url, r.position])).toEqual(
      (['csv', 'xlsx', 'json'] as const).map((f, i) => [
        f.toUpperCase(),
        { csv: 'text/csv', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', json: 'application/json' }[f],
        `${h.config.publicUrl}/api/open/resources/${c.training.resourceId}/download?format=${f}`,
        i,
      ]),
    );
    // The data dictionary describes every field.
    for (const field of ['sfzh 公民身份号码', 'xm 姓名', 'csrq 出生日期', 'sr 月收入', 'dj 登记时间'])
      expect(pkg.resources[0]?.description).toContain(field);
  });

  it('leaves internal attributes out: security level, data grade, sharing, source system, sensitivity', async () => {
    const text = JSON.stringify(await result<CkanPackage>('package_show', { id: c.jobs.resourceId }));
    for (const internal of [
      'security',
      'dataGrade',
      'data_grade',
      'share',
      'sourceSystem',
      '人口管理信息系统',
      'sensitiv',
      'identifierRole',
    ])
      expect(text).not.toContain(internal);
  });

  it('shows a conditional package with its conditions (R19.2) and an unrecognized or missing licence as CKAN does', async () => {
    const jobs = await result<CkanPackage>('package_show', { id: c.jobs.resourceId });
    expect(jobs.extras).toContainEqual({ key: 'open_type', value: 'conditional' });
    expect(jobs.extras).toContainEqual({ key: 'open_conditions', value: '申请人须实名注册并说明用途' });
    expect(jobs).toMatchObject({ license_id: '滕州市公共数据开放许可协议', license_title: '滕州市公共数据开放许可协议', isopen: false });
    expect(jobs).not.toHaveProperty('license_url');
    const care = await result<CkanPackage>('package_show', { id: c.care.resourceId });
    expect(care).toMatchObject({ license_id: 'notspecified', license_title: 'License not specified', isopen: false });
  });
});

describe('package_search', () => {
  it('finds by Chinese text through the catalog search, and by field:value terms in q', async () => {
    expect(names(await search({ q: '养老' }))).toEqual(['养老服务机构名录']);
    expect(names(await search({ q: '培训' }))).toEqual(['职业技能培训机构名录']);
    expect((await search({ q: 'tags:招聘' })).count).toBe(1);
  });

  it('filters with fq: organization, tags, groups, res_format, license_id, name, time ranges and negation', async () => {
    const count = async (fq: string) => (await search({ fq })).count;
    expect(names(await search({ fq: 'organization:civil' }))).toEqual(['养老服务机构名录']);
    expect(await count('tags:就业')).toBe(2);
    expect(await count('tags:就业 organization:hrss')).toBe(2);
    expect(await count('+tags:就业 +organization:civil')).toBe(0);
    expect(await count('groups:211')).toBe(2);
    expect(await count('res_format:CSV')).toBe(3);
    expect(await count('res_format:PDF')).toBe(0);
    expect(names(await search({ fq: 'license_id:cc-by' }))).toEqual(['职业技能培训机构名录']);
    expect(names(await search({ fq: 'license_id:notspecified' }))).toEqual(['养老服务机构名录']);
    expect(names(await search({ fq: 'license_id:"滕州市公共数据开放许可协议"' }))).toEqual(['招聘岗位信息']);
    expect(names(await search({ fq: 'name:211004-000001' }))).toEqual(['招聘岗位信息']);
    expect(await count('metadata_modified:[2026-03-02T01:01:00Z TO *]')).toBe(2);
    expect(await count('metadata_modified:[2026-03-02T01:01:00.000000 TO NOW]')).toBe(2);
    expect(await count('metadata_created:[* TO 2026-03-02T01:00:30Z]')).toBe(1);
    expect(names(await search({ fq: '-organization:hrss' }))).toEqual(['养老服务机构名录']);
    expect(await count('+dataset_type:dataset')).toBe(3);
    const fqList = await post<CkanSearchResult>('package_search', { fq_list: ['tags:就业', 'groups:211'], fq: 'organization:hrss' });
    expect(fqList.body.result.count).toBe(2);
  });

  it('sorts by modification (the default without text), title and name, and pages with rows and start', async () => {
    expect(names(await search({}))).toEqual(['养老服务机构名录', '招聘岗位信息', '职业技能培训机构名录']);
    expect((await search({})).sort).toBe('score desc, metadata_modified desc');
    expect(names(await search({ sort: 'metadata_modified asc' }))).toEqual(['职业技能培训机构名录', '招聘岗位信息', '养老服务机构名录']);
    const titles = names(await search({ sort: 'title_string asc' }));
    expect(titles).toEqual([...titles].sort());
    expect(names(await search({ sort: 'title_string desc' }))).toEqual([...titles].reverse());
    expect((await search({ sort: 'name asc' })).results.map((p) => p.name)).toEqual(['209003-000001', '211003-000001', '211004-000001']);

    const pages = [];
    for (const start of [0, 1, 2, 3]) pages.push(await search({ sort: 'metadata_modified desc', rows: 1, start }));
    expect(pages.map((p) => p.count)).toEqual([3, 3, 3, 3]);
    expect(pages.map((p) => p.results.map((r) => r.title))).toEqual([['养老服务机构名录'], ['招聘岗位信息'], ['职业技能培训机构名录'], []]);
    const countOnly = await search({ rows: 0 });
    expect(countOnly).toMatchObject({ count: 3, results: [] });
  });

  it('counts facets in CKAN’s search_facets shape (and the older facets shape)', async () => {
    const r = await search({ 'facet.field': '["organization","groups","tags","res_format","license_id"]', rows: 0 });
    expect(r.search_facets.organization).toEqual({
      title: 'organization',
      items: [
        { name: 'hrss', display_name: '滕州市人力资源和社会保障局', count: 2 },
        { name: 'civil', display_name: '滕州市民政局', count: 1 },
      ],
    });
    expect(r.search_facets.groups?.items).toEqual([
      { name: '211', display_name: '就业创业', count: 2 },
      { name: '209', display_name: '民政服务', count: 1 },
    ]);
    expect(r.search_facets.tags?.items[0]).toEqual({ name: '就业', display_name: '就业', count: 2 });
    expect(r.search_facets.res_format?.items.map((i) => [i.name, i.count])).toEqual([
      ['CSV', 3],
      ['JSON', 3],
      ['XLSX', 3],
    ]);
    expect(r.facets.license_id).toEqual({ 'cc-by': 1, notspecified: 1, 滕州市公共数据开放许可协议: 1 });
    expect(r.search_facets.license_id?.items.find((i) => i.name === 'cc-by')?.display_name).toBe('Creative Commons Attribution 4.0');

    const filtered = await search({ fq: 'organization:hrss', 'facet.field': '["tags"]', 'facet.limit': 1 });
    expect(filtered.search_facets).toEqual({ tags: { title: 'tags', items: [{ name: '就业', display_name: '就业', count: 2 }] } });
    expect((await search({})).search_facets).toEqual({});
  });
});

describe('lists, organizations, groups, tags, resources, status and help', () => {
  it('lists packages by name with limit and offset, and recent packages with their resources', async () => {
    expect(await result<string[]>('package_list', { limit: 1, offset: 1 })).toEqual(['211003-000001']);
    const recent = await result<CkanPackage[]>('current_package_list_with_resources', { limit: 2 });
    expect(recent.map((p) => p.title)).toEqual(['养老服务机构名录', '招聘岗位信息']);
    expect(recent[0]?.resources).toHaveLength(3);
    expect((await result<CkanPackage[]>('current_package_list_with_resources', { limit: 2, offset: 2 })).map((p) => p.title)).toEqual([
      '职业技能培训机构名录',
    ]);
  });

  it('lists and shows organizations (providing agencies, by code)', async () => {
    expect(await result<string[]>('organization_list')).toEqual(['civil', 'hrss']);
    const full = await result<CkanOrganizationDetail[]>('organization_list', { all_fields: 'true', sort: 'package_count desc' });
    expect(full.map((o) => [o.name, o.title, o.package_count])).toEqual([
      ['hrss', '滕州市人力资源和社会保障局', 2],
      ['civil', '滕州市民政局', 1],
    ]);
    const hrss = await result<CkanOrganizationDetail>('organization_show', { id: 'hrss', include_datasets: 'true' });
    expect(hrss).toMatchObject({ name: 'hrss', package_count: 2, is_organization: true });
    expect(hrss.packages?.map((p) => p.title).sort()).toEqual(['招聘岗位信息', '职业技能培训机构名录']);
    expect(await result<CkanOrganizationDetail>('organization_show', { id: hrss.id })).not.toHaveProperty('packages');
    expect((await call('organization_show', { id: 'bureau' })).status).toBe(404);
  });

  it('lists and shows groups (top classes of the classification)', async () => {
    expect(await result<string[]>('group_list')).toEqual(['209', '211']);
    const full = await result<{ name: string; title: string; package_count: number }[]>('group_list', { all_fields: 'true' });
    expect(full.map((g) => [g.name, g.title, g.package_count])).toEqual([
      ['209', '民政服务', 1],
      ['211', '就业创业', 2],
    ]);
    const group = await result<{ packages: CkanPackage[] }>('group_show', { id: '211', include_datasets: 'true' });
    expect(group.packages).toHaveLength(2);
  });

  it('lists tags (the keywords), optionally matching a query', async () => {
    expect(await result<string[]>('tag_list')).toEqual(['养老', '就业', '招聘', '职业培训']);
    expect(await result<string[]>('tag_list', { query: '就' })).toEqual(['就业']);
    expect(await result<unknown[]>('tag_list', { query: '养', all_fields: 'true' })).toEqual([
      { id: expect.any(String) as unknown, name: '养老', display_name: '养老', state: 'active', vocabulary_id: null },
    ]);
  });

  it('shows a resource (distribution) by its id', async () => {
    const res = await result<CkanResource>('resource_show', { id: `${c.care.resourceId}-xlsx` });
    expect(res).toMatchObject({ package_id: c.care.resourceId, format: 'XLSX', name: '养老服务机构名录（XLSX）' });
    expect(res.url).toBe(`${h.config.publicUrl}/api/open/resources/${c.care.resourceId}/download?format=xlsx`);
    expect((await call('resource_show', { id: `${c.care.resourceId}-pdf` })).status).toBe(404);
  });

  it('tells the site and the CKAN API level, and the help of each action', async () => {
    expect(await result('status_show')).toMatchObject({
      site_url: h.config.publicUrl,
      ckan_version: '2.10.0',
      site_title: '滕州市公共数据开放平台',
    });
    expect(await result<string>('help_show', { name: 'package_search' })).toContain('facet.field');
    expect((await call('help_show', { name: 'package_create' })).status).toBe(404);
  });
});
