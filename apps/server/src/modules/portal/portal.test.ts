/**
 * The public portal (issue 7 item 1) through the real app, anonymous: only open resources appear
 * (R18.1), facets and sorts, a Chinese query, the resource page with its dictionary, licence,
 * quality and citation line (R23.1), and counts that follow recorded deliveries and views.
 */
import { randomUUID } from 'node:crypto';
import type { PortalResource, PortalSearchResult, PortalSummary } from '@gongshu/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, testClock, type Harness } from '../../../test/harness.js';
import { person } from '../aggregation/aggregation.fixtures.js';
import { publishOpenCatalog, type OpenCatalog } from '../ckan/open-catalog.fixtures.js';
import { seedDemoCatalog } from '../seed/demo-catalog-seed.js';
import { seedDemoOpenPortal } from '../seed/demo-open-portal.js';
import { SUMMARY_TTL_MS } from './portal.service.js';

const clock = testClock('2026-03-02T09:00:00+08:00');
let h: Harness;
let c: OpenCatalog;

async function get<T>(url: string): Promise<{ status: number; body: T; headers: Record<string, unknown> }> {
  const res = await h.app.inject({ method: 'GET', url });
  return { status: res.statusCode, body: res.json<T>(), headers: res.headers };
}

const summary = async () => (await get<PortalSummary>('/api/portal/summary')).body;
const search = async (params: Record<string, string> = {}) => {
  const res = await get<PortalSearchResult>(`/api/portal/resources?${new URLSearchParams(params).toString()}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};
const page = async (id: string) => {
  const res = await get<PortalResource>(`/api/portal/resources/${id}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};

/** An open-channel delivery as the exit records it (the open exit writes these through the journal). */
async function deliver(resourceId: string, kind: 'extract' | 'query', parameters: Record<string, unknown> = {}) {
  await h.db
    .insertInto('deliveries')
    .values({
      id: randomUUID(),
      grant_id: null,
      channel: 'open',
      resource_id: resourceId,
      kind,
      format: kind === 'extract' ? 'csv' : 'json',
      via: 'anonymous',
      api_key_id: null,
      user_id: null,
      at: clock(),
      rows: 1,
      fields: JSON.stringify(['xm']),
      parameters: JSON.stringify(parameters),
      fingerprint: null,
      request_id: null,
      completed_at: clock(),
    })
    .execute();
}

beforeAll(async () => {
  h = await createHarness({ clock });
  c = await publishOpenCatalog(h);
});
afterAll(async () => h.close());

describe('GET /api/portal/resources', () => {
  it('lists open resources only: a resource of open type none never appears, even when its words match (R18.1)', async () => {
    const all = await search();
    expect(all.total).toBe(3);
    expect(all.hits.map((x) => x.id).sort()).toEqual([c.training.resourceId, c.jobs.resourceId, c.care.resourceId].sort());
    const byWord = await search({ q: '就业' });
    expect(byWord.hits.map((x) => x.name).sort()).toEqual(['招聘岗位信息', '职业技能培训机构名录']);
    const onlyClosed = await search({ q: '不开放关键词' });
    expect(onlyClosed.total).toBe(0);
    expect(onlyClosed.hits).toEqual([]);
  });

  it('finds a resource by a Chinese query and highlights the matching words', async () => {
    const res = await search({ q: '养老机构' });
    expect(res.hits.map((x) => x.name)).toEqual(['养老服务机构名录']);
    const hit = res.hits[0];
    expect(hit?.highlight.name.filter((s) => s.hit).map((s) => s.text)).toEqual(expect.arrayContaining(['养老']));
    expect(hit?.provider.name).toMatch(/民政/);
    expect(hit).not.toHaveProperty('securityLevel');
  });

  it('counts facets by provider, open type, top class, format, update frequency and sector, and filters by each', async () => {
    const all = await search();
    const count = (facet: keyof PortalSearchResult['facets'], value: string) => all.facets[facet].find((b) => b.value === value)?.count;
    expect(all.facets.openType.map((b) => [b.value, b.count])).toEqual([
      ['unconditional', 2],
      ['conditional', 1],
    ]);
    expect(all.facets.openType[0]?.label).toEqual({ zh: '无条件开放', en: expect.any(String) });
    expect(count('classification', '211')).toBe(2);
    expect(count('classification', '209')).toBe(1);
    expect(all.facets.classification.find((b) => b.value === '211')?.label.zh).not.toBe('211');
    expect(count('updateFrequency', 'monthly')).toBe(1);
    expect(all.facets.provider.map((b) => b.count)).toEqual([2, 1]);
    expect(all.facets.provider[0]?.label.zh).toMatch(/人力资源/);
    expect(all.facets.formatCategory.reduce((n, b) => n + b.count, 0)).toBe(3);
    // Agencies without a sector (R6.1 names sectors for supervised departments only) are not counted.
    expect(all.facets.sector.reduce((n, b) => n + b.count, 0)).toBe(all.hits.filter((x) => x.sector !== null).length);

    expect((await search({ openType: 'conditional' })).hits.map((x) => x.name)).toEqual(['招聘岗位信息']);
    expect((await search({ classification: '209' })).hits.map((x) => x.name)).toEqual(['养老服务机构名录']);
    expect((await search({ updateFrequency: 'weekly' })).hits.map((x) => x.name)).toEqual(['招聘岗位信息']);
    const hrss = all.facets.provider[0]?.value ?? '';
    const byProvider = await search({ provider: hrss, q: '就业' });
    expect(byProvider.total).toBe(2);
    expect(byProvider.facets.provider).toEqual([expect.objectContaining({ value: hrss, count: 2 })]);
    const sector = all.facets.sector[0]?.value ?? '';
    expect((await search({ sector })).total).toBe(all.facets.sector[0]?.count);
    // A filter on `none` is not an open type of the portal.
    expect((await get(`/api/portal/resources?openType=none`)).status).toBe(400);
  });

  it('sorts by date (newest first) and pages', async () => {
    const byDate = await search({ sort: 'date' });
    expect(byDate.hits.map((x) => x.name)).toEqual(['养老服务机构名录', '招聘岗位信息', '职业技能培训机构名录']);
    const second = await search({ sort: 'date', page: '2', pageSize: '2' });
    expect(second).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(second.hits.map((x) => x.name)).toEqual(['职业技能培训机构名录']);
  });
});

describe('GET /api/portal/resources/:id', () => {
  it('shows the dictionary without internal details, the licence, the open conditions, the distributions and the citation line (R23.1)', async () => {
    const training = await page(c.training.resourceId);
    expect(training).toMatchObject({
      id: c.training.resourceId,
      code: c.training.code,
      name: '职业技能培训机构名录',
      openType: 'unconditional',
      openConditions: null,
      updateFrequency: 'monthly',
      version: 1,
      licence: { text: 'CC BY 4.0', title: expect.stringMatching(/Creative Commons/i), url: expect.stringMatching(/^https:\/\//) },
      pageUrl: `${h.config.publicUrl}/open/resources/${c.training.resourceId}`,
      recordsUrl: `${h.config.publicUrl}/api/open/resources/${c.training.resourceId}/records`,
      quality: null,
    });
    expect(training.fields.map((f) => f.code)).toEqual(['sfzh', 'xm', 'csrq', 'sr', 'dj']);
    expect(training.fields[3]).toEqual({ code: 'sr', name: '月收入', dataType: 'decimal', length: 12, description: null, required: false });
    expect(JSON.stringify(training)).not.toMatch(/sensitivity|identifierRole|securityLevel|sourceSystem/);
    expect(training.distributions.map((d) => d.url)).toEqual(
      ['csv', 'xlsx', 'json'].map((f) => `${h.config.publicUrl}/api/open/resources/${c.training.resourceId}/download?format=${f}`),
    );
    // Provider, resource, version, retrieval date (China day) and URL.
    expect(training.citation).toBe(
      `数据来源：滕州市人力资源和社会保障局《职业技能培训机构名录》（资源代码 ${c.training.code}，第 1 版），滕州市公共数据开放平台，获取日期 2026-03-02，${training.pageUrl}`,
    );

    const jobs = await page(c.jobs.resourceId);
    expect(jobs).toMatchObject({
      openType: 'conditional',
      openConditions: '申请人须实名注册并说明用途',
      licence: { text: '滕州市公共数据开放许可协议', title: null },
    });
    expect((await page(c.care.resourceId)).licence).toEqual({ text: null, title: null, url: null });
  });

  it('answers 404 for a resource of open type none or an unknown id, and 400 for a malformed id', async () => {
    const closed = await get<{ code: string }>(`/api/portal/resources/${c.closed.resourceId}`);
    expect(closed.status).toBe(404);
    expect(closed.body.code).toBe('NOT_FOUND');
    expect((await get(`/api/portal/resources/${randomUUID()}`)).status).toBe(404);
    expect((await get('/api/portal/resources/not-a-uuid')).status).toBe(400);
    // A refused page counts no view.
    const views = await h.db.selectFrom('resource_views').selectAll().where('resource_id', '=', c.closed.resourceId).execute();
    expect(views).toEqual([]);
  });

  it('counts a view per visit in one row per China day, and the page is not cached', async () => {
    const before = (await page(c.care.resourceId)).usage.views;
    const res = await get<PortalResource>(`/api/portal/resources/${c.care.resourceId}`);
    expect(res.body.usage.views).toBe(before + 1);
    expect(res.headers['cache-control']).toBe('no-store');
    clock.advance(24 * 3_600_000);
    const nextDay = await page(c.care.resourceId);
    expect(nextDay.usage.views).toBe(before + 2);
    expect(nextDay.citation).toContain('获取日期 2026-03-03');
    const rows = await h.db
      .selectFrom('resource_views')
      .select(['day', 'views'])
      .where('resource_id', '=', c.care.resourceId)
      .orderBy('day')
      .execute();
    expect(rows).toEqual([
      { day: '2026-03-02', views: before + 1 },
      { day: '2026-03-03', views: 1 },
    ]);
  });

  it('shows the latest quality score once data is loaded', async () => {
    const steward = await h.signIn('hrss-steward');
    const pushed = await h.app.inject({
      method: 'POST',
      url: `/api/data/${c.training.resourceId}/records`,
      headers: steward.headers,
      payload: { idempotencyKey: 'portal-quality', mode: 'replace', records: [{ sfzh: person(1), xm: '张一' }] },
    });
    expect(pushed.statusCode, pushed.body).toBe(200);
    const training = await page(c.training.resourceId);
    expect(training.quality).toMatchObject({ score: expect.any(Number), completeness: expect.any(Number), overdue: false });
    expect(training.quality?.score).toBeGreaterThan(0);
    expect(training.lastLoadedAt).not.toBeNull();
    expect(training.updatedAt).toBe(training.lastLoadedAt);
  });
});

describe('counts after recorded deliveries', () => {
  it('counts downloads (extracts) and API calls (queries, previews excluded) per resource and on the summary', async () => {
    const before = await summary();
    const jobsBefore = (await page(c.jobs.resourceId)).usage;
    await deliver(c.jobs.resourceId, 'extract');
    await deliver(c.jobs.resourceId, 'extract');
    await deliver(c.jobs.resourceId, 'query', { page: 1 });
    await deliver(c.jobs.resourceId, 'query', { preview: true });
    const jobs = (await page(c.jobs.resourceId)).usage;
    expect(jobs).toEqual({ views: jobsBefore.views + 1, downloads: jobsBefore.downloads + 2, apiCalls: jobsBefore.apiCalls + 1 });

    // The summary is kept for SUMMARY_TTL_MS per process, then recomputed.
    expect((await summary()).downloads).toBe(before.downloads);
    clock.advance(SUMMARY_TTL_MS + 1);
    const after = await summary();
    expect(after.downloads).toBe(before.downloads + 2);
    expect(after.apiCalls).toBe(before.apiCalls + 1);
    expect(after.views).toBe(before.views + 2);
    expect(after.featured.mostDownloaded.map((r) => r.name)).toEqual(['招聘岗位信息']);

    const byDownloads = await search({ sort: 'downloads' });
    expect(byDownloads.hits[0]?.name).toBe('招聘岗位信息');
    expect(byDownloads.hits[0]?.usage.downloads).toBe(2);
  });
});

describe('GET /api/portal/summary', () => {
  it('counts open resources, providers and usage, lists the newest, and distributes by sector and class', async () => {
    const s = await summary();
    expect(s).toMatchObject({ cityName: '滕州市', openResources: 3, unconditional: 2, conditional: 1, providers: 2, showcase: null });
    expect(s.agencies).toBeGreaterThan(0);
    expect(s.publicUsers).toBeGreaterThan(0);
    expect(s.featured.newest.map((r) => r.name)).toEqual(['养老服务机构名录', '招聘岗位信息', '职业技能培训机构名录']);
    expect(s.byClass.map((b) => [b.value, b.count])).toEqual([
      ['211', 2],
      ['209', 1],
    ]);
    const withSector = (await search()).hits.filter((x) => x.sector !== null);
    expect(withSector.length).toBeGreaterThan(0);
    expect(s.bySector.reduce((n, b) => n + b.count, 0)).toBe(withSector.length);
  });

  it('shows the showcase count once an item is approved', async () => {
    await h.db
      .insertInto('showcase_items')
      .values({
        kind: 'application',
        title: '就业地图',
        summary: '用培训机构名录做的地图',
        author: '市民',
        resource_ids: JSON.stringify([c.training.resourceId]),
        state: 'approved',
        created_at: clock(),
      })
      .execute();
    clock.advance(SUMMARY_TTL_MS + 1);
    expect((await summary()).showcase).toBe(1);
  });
});

describe('the demo catalog', () => {
  it('finds a demo resource by a Chinese query, and none of the demo city’s closed resources', async () => {
    await seedDemoCatalog(h.services);
    const res = await search({ q: '医疗机构' });
    expect(res.hits.map((x) => x.name)).toContain('医疗机构名录');
    const closed = await search({ q: '电子健康档案' });
    expect(closed.hits.map((x) => x.name)).not.toContain('居民电子健康档案');
    const all = await search({ pageSize: '50' });
    const ids = all.hits.map((x) => x.id);
    const none = await h.db.selectFrom('catalog_search').select('resource_id').where('open_type', '=', 'none').execute();
    expect(none.length).toBeGreaterThan(0);
    for (const row of none) expect(ids).not.toContain(row.resource_id);

    // The demo's page views (seed/demo-open-portal.ts): every open resource has some, none of the others.
    const seeded = await seedDemoOpenPortal(h.services);
    expect(seeded.views).toBeGreaterThan(0);
    const medical = res.hits.find((x) => x.name === '医疗机构名录');
    expect((await page(medical?.id ?? '')).usage.views).toBeGreaterThan(1);
    const viewed = await h.db.selectFrom('resource_views').select('resource_id').distinct().execute();
    for (const row of viewed) expect(none.map((n) => n.resource_id)).not.toContain(row.resource_id);
    // Seeding again keeps the days already there.
    const total = async () =>
      (
        await h.db
          .selectFrom('resource_views')
          .select((eb) => eb.fn.sum<number>('views').as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    const before = await total();
    await seedDemoOpenPortal(h.services);
    expect(await total()).toBe(before);
  });
});
