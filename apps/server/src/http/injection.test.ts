/**
 * Injection tests that fail safely (issue 8, "It must show"), over the routes the app registers at
 * run time (`app.apiRoutes`): SQL through every query parameter of every GET route and through the
 * search and filter parameters (catalog, portal, CKAN package_search and datastore_search, the open
 * records API), never a 500 and nothing changed (key tables counted, the audit chain verified);
 * path traversal in ids of download routes, in static file paths and in upload file names; bodies
 * that are too large, malformed, of the wrong type or nested deeply, answered in the one error shape.
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { authorize, type Actor } from '@gongshu/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, testLogStream, type Harness } from '../../test/harness.js';
import { codeOf, MADE_UP_ID, urlOf } from '../../test/route-probe.js';
import { toActor } from '../modules/auth/auth.service.js';
import { openResource } from '../modules/open-data/open-data.fixtures.js';
import { keyOf } from '../modules/open-data/open-data.fixtures.js';
import { loadActorRecord } from '../modules/users/users.repository.js';
import type { ApiRoute } from './access.js';
import { buildApp } from './app.js';

/** SQL and escaping payloads: quotes, comments, statement breaks, LIKE wildcards, placeholders, unicode quotes, a NUL, length. */
const PAYLOADS = [
  `' OR '1'='1`,
  `'; drop table agencies; --`,
  `%' --`,
  `\\`,
  `$1`,
  `’ OR ‘1’=‘1`,
  `＇; drop table users; --`,
  `") or 1=1 --`,
  `\u0000`,
  `${'长'.repeat(3000)}'`,
  `99999999999999999999`,
  `-1`,
];

const UPLOAD_LIMIT = 4096;

interface Principal {
  readonly name: string;
  readonly actor: Actor;
  readonly headers: Record<string, string>;
}

let h: Harness;
let dataDir: string;
let open: { resourceId: string; code: string; table: string };
let openKey: Record<string, string>;
const principals: Principal[] = [];
let countsBefore: Record<string, number>;

/** Rows of the tables an injected statement would most likely touch, and the tables of loaded data. */
async function keyCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of [
    'agencies',
    'users',
    'catalog_resources',
    'catalog_versions',
    'load_batches',
    'share_requests',
    'open_applications',
  ] as const) {
    const row = await h.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  const data = await h.db
    .selectFrom('information_schema.tables' as never)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('table_schema' as never, '=', 'resource_data' as never)
    .executeTakeFirstOrThrow();
  counts['resource_data tables'] = Number(data.n);
  const rows = await h.db
    .selectFrom(`resource_data.${open.table}` as never)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  counts['open resource rows'] = Number(rows.n);
  return counts;
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'gongshu-injection-'));
  h = await createHarness({
    env: {
      GONGSHU_DATA_DIR: dataDir,
      GONGSHU_UPLOAD_MAX_BYTES: String(UPLOAD_LIMIT),
      GONGSHU_REGISTER_RATE_LIMIT: '100000',
      GONGSHU_OPEN_RATE_PER_MINUTE: '100000',
      GONGSHU_OPEN_DAILY_QUOTA: '1000000',
    },
  });
  open = await openResource(h, 'unconditional', 20);
  openKey = (await keyOf(h, 'citizen')).headers;
  for (const username of ['admin', 'hrss-steward', 'police-security', 'edu-supervisor', 'citizen']) {
    const user = await h.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow();
    const record = await loadActorRecord(h.db, user.id);
    if (!record) throw new Error(username);
    principals.push({ name: username, actor: toActor(record, 'session'), headers: (await h.signIn(username)).headers });
  }
  countsBefore = await keyCounts();
}, 120_000);
afterAll(async () => {
  await h?.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** Someone the route lets in (the first of admin, a steward, a security supervisor, a sector supervisor, a citizen). */
function callerOf(route: ApiRoute): Principal | null {
  const access = route.access;
  if (access === 'public') return null;
  return principals.find((p) => access === 'authenticated' || authorize(p.actor, access).ok) ?? principals[0] ?? null;
}

/** The route's URL with the open resource's id where a resource is meant, a made-up id elsewhere. */
function realUrl(route: ApiRoute): string {
  return route.url.replace(/:([A-Za-z_]+)/g, (_m, name: string) =>
    name === 'resourceId' || (name === 'id' && route.url.includes('/resources/')) ? open.resourceId : MADE_UP_ID,
  );
}

/** The query parameters a route declares, by name. */
function queryParameters(route: ApiRoute): string[] {
  const query = (route.schema as { querystring?: { properties?: Record<string, unknown> } } | undefined)?.querystring;
  return Object.keys(query?.properties ?? {});
}

type Answer = { statusCode: number; body: string };
const failedUnsafely = (res: Answer) =>
  res.statusCode >= 500 || codeOf(res.body) === 'INTERNAL' || /syntax error|pg_|postgres/i.test(res.body);

describe('SQL injection fails safely', () => {
  it('through every query parameter of every GET route: never a 500', async () => {
    const problems: string[] = [];
    let requests = 0;
    const routes = h.app.apiRoutes.filter((r) => r.method === 'GET' && queryParameters(r).length > 0);
    expect(routes.length).toBeGreaterThan(30);
    for (const route of routes) {
      const caller = callerOf(route);
      for (const name of queryParameters(route)) {
        for (const payload of PAYLOADS) {
          const url = `${realUrl(route)}?${encodeURIComponent(name)}=${encodeURIComponent(payload)}`;
          const res = await h.app.inject({
            method: 'GET',
            url,
            headers: { ...caller?.headers, ...(route.url.startsWith('/api/open/resources/:id/records') ? openKey : {}) },
          });
          requests++;
          if (failedUnsafely(res))
            problems.push(`GET ${route.url} ?${name}=${JSON.stringify(payload.slice(0, 30))}: ${res.statusCode} ${res.body.slice(0, 160)}`);
        }
      }
    }
    console.info(`SQL injection: ${requests} requests over ${routes.length} GET routes with query parameters`);
    expect(problems).toEqual([]);
  }, 600_000);

  it('through the search and filter parameters of the catalog, the portal, CKAN and the open records API', async () => {
    const id = open.resourceId;
    const q = (s: string) => encodeURIComponent(s);
    const cases: { method: 'GET' | 'POST'; url: string; payload?: unknown; headers?: Record<string, string> }[] = [];
    for (const p of PAYLOADS) {
      cases.push({ method: 'GET', url: `/api/catalog/search?q=${q(p)}&sort=${q(p)}` });
      cases.push({ method: 'GET', url: `/api/portal/resources?q=${q(p)}&provider=${q(p)}&classification=${q(p)}` });
      cases.push({ method: 'GET', url: `/api/3/action/package_search?q=${q(p)}&fq=${q(`organization:${p}`)}&sort=${q(p)}` });
      cases.push({
        method: 'GET',
        url: `/api/3/action/package_search?q=${q(`jgmc:${p}`)}&fq_list=${q(`tags:"${p}"`)}&sort=${q(`${p} asc`)}`,
      });
      cases.push({ method: 'POST', url: '/api/3/action/package_search', payload: { q: p, fq: `res_format:${p}`, sort: `name ${p}` } });
      cases.push({ method: 'GET', url: `/api/3/action/datastore_search?resource_id=${id}&q=${q(p)}` });
      cases.push({ method: 'GET', url: `/api/3/action/datastore_search?resource_id=${id}&filters=${q(JSON.stringify({ jgmc: p }))}` });
      cases.push({
        method: 'GET',
        url: `/api/3/action/datastore_search?resource_id=${id}&filters=${q(JSON.stringify({ [`jgmc${p}`]: 'x' }))}`,
      });
      cases.push({ method: 'GET', url: `/api/3/action/datastore_search?resource_id=${id}&fields=${q(`jgmc,${p}`)}` });
      cases.push({
        method: 'POST',
        url: '/api/3/action/datastore_search',
        payload: { resource_id: id, q: p, filters: { jgmc: [p, 'x'], rs: p } },
      });
      cases.push({ method: 'GET', url: `/api/3/action/datastore_search?resource_id=${q(p)}` });
      for (const filter of [`jgmc:eq:${p}`, `jgmc:prefix:${p}`, `rs:gte:${p}`, `clrq:lte:${p}`, `${p}:eq:x`, `jgmc:${p}:x`]) {
        cases.push({ method: 'GET', url: `/api/open/resources/${id}/records?filter=${q(filter)}`, headers: openKey });
      }
      cases.push({ method: 'GET', url: `/api/open/resources/${id}/records?fields=${q(`jgmc,${p}`)}`, headers: openKey });
      cases.push({ method: 'GET', url: `/api/open/resources/${id}/download?format=csv&fields=${q(p)}` });
    }
    const problems: string[] = [];
    for (const c of cases) {
      const res = await h.app.inject({
        method: c.method,
        url: c.url,
        headers: c.headers ?? {},
        ...(c.payload ? { payload: c.payload } : {}),
      });
      if (failedUnsafely(res)) problems.push(`${c.method} ${c.url.slice(0, 120)}: ${res.statusCode} ${res.body.slice(0, 160)}`);
    }
    console.info(`SQL injection: ${cases.length} search and filter requests`);
    expect(problems).toEqual([]);
  }, 600_000);

  it('matches a quoted payload as text: it finds nothing, it does not widen the query', async () => {
    const inject = `' OR '1'='1`;
    const records = await h.app.inject({
      method: 'GET',
      url: `/api/open/resources/${open.resourceId}/records?filter=${encodeURIComponent(`jgmc:eq:${inject}`)}`,
      headers: openKey,
    });
    expect(records.statusCode).toBe(200);
    expect(records.json<{ total?: number; records: unknown[] }>().records).toEqual([]);
    const datastore = await h.app.inject({
      method: 'GET',
      url: `/api/3/action/datastore_search?resource_id=${open.resourceId}&filters=${encodeURIComponent(JSON.stringify({ jgmc: inject }))}`,
    });
    expect(datastore.statusCode).toBe(200);
    expect(datastore.json<{ result: { records: unknown[] } }>().result.records).toEqual([]);
    const all = await h.app.inject({ method: 'GET', url: `/api/3/action/datastore_search?resource_id=${open.resourceId}` });
    expect(all.json<{ result: { records: unknown[] } }>().result.records.length).toBeGreaterThan(0);
  });

  it('leaves the key tables as they were and the audit chain whole', async () => {
    expect(await keyCounts()).toEqual(countsBefore);
    const admin = principals.find((p) => p.name === 'admin');
    const verify = await h.app.inject({ method: 'GET', url: '/api/audit/verify', headers: admin?.headers ?? {} });
    expect(verify.statusCode).toBe(200);
    expect(verify.json()).toMatchObject({ ok: true });
  });
});

describe('path traversal fails safely', () => {
  const TRAVERSALS = [
    '..%2F..%2F..%2Fetc%2Fpasswd',
    '..%252F..%252Fetc%252Fpasswd',
    '%2e%2e%2f%2e%2e%2fpackage.json',
    '..%5C..%5Cpackage.json',
    '....%2F%2F....%2F%2Fetc%2Fpasswd',
  ];

  it('in the ids of every GET route with path parameters (downloads included): no 500, no file contents', async () => {
    const problems: string[] = [];
    const routes = h.app.apiRoutes.filter((r) => r.method === 'GET' && r.url.includes(':'));
    for (const route of routes) {
      const caller = callerOf(route);
      for (const traversal of TRAVERSALS) {
        const res = await h.app.inject({ method: 'GET', url: urlOf(route, traversal), headers: caller?.headers ?? {} });
        if (res.statusCode >= 500 || /root:x:0:0|"workspaces"/.test(res.body))
          problems.push(`GET ${urlOf(route, traversal)}: ${res.statusCode}`);
        else if (res.statusCode === 200 && /download|extract|xlsx/.test(route.url)) problems.push(`GET ${urlOf(route, traversal)}: 200`);
      }
    }
    expect(problems).toEqual([]);
  }, 300_000);

  it('in static file paths: nothing outside the web app’s folder is served', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'gongshu-static-'));
    const dist = path.join(root, 'apps', 'web', 'dist');
    await mkdir(path.join(dist, 'assets'), { recursive: true });
    await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>公数</title>');
    await writeFile(path.join(dist, 'assets', 'app.js'), 'console.log(1)');
    const SECRET = 'outside-the-web-dist-5b1f';
    for (const dir of [root, path.join(root, 'apps'), path.join(root, 'apps', 'web')]) {
      await writeFile(path.join(dir, 'package.json'), `{"name":"${SECRET}"}`);
      await writeFile(path.join(dir, 'secret.txt'), SECRET);
    }
    const app = await buildApp({ config: h.config, services: h.services, webDist: dist, logStream: testLogStream() });
    try {
      expect((await app.inject({ method: 'GET', url: '/assets/app.js' })).statusCode).toBe(200);
      const urls = [
        '/..%2f..%2fetc/passwd',
        '/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd',
        '/assets/..%2f..%2f..%2fpackage.json',
        '/assets/..%2f..%2fpackage.json',
        '/assets/..%2fpackage.json',
        '/..%2fpackage.json',
        '/../package.json',
        '/assets/../../package.json',
        '/%2e%2e/%2e%2e/secret.txt',
        '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
        '/assets/..%5c..%5csecret.txt',
        '/assets/%252e%252e%252fsecret.txt',
        '/assets/..%00/secret.txt',
        '//etc/passwd',
      ];
      for (const url of urls) {
        const res = await app.inject({ method: 'GET', url });
        expect(res.statusCode, url).toBeLessThan(500);
        expect(res.body, url).not.toContain(SECRET);
        expect(res.body, url).not.toMatch(/root:x:0:0/);
      }
    } finally {
      await app.close();
      await rm(root, { recursive: true, force: true });
    }
  });

  it('in upload file names: the file is stored under its batch id, the recorded name has no directories', async () => {
    const steward = principals.find((p) => p.name === 'hrss-steward');
    const uploads = path.join(dataDir, 'uploads');
    const names = ['../../../../tmp/evil.csv', '..\\..\\..\\evil.csv', '/etc/cron.d/evil.csv', '%2e%2e%2fevil.csv'];
    for (const name of names) {
      const res = await h.app.inject({
        method: 'POST',
        url: `/api/data/${open.resourceId}/uploads?format=csv`,
        headers: { ...steward?.headers, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
        payload: multipart(name, '机构代码,机构名称\n'),
      });
      expect(res.statusCode, name).toBe(202);
      const batch = await h.db
        .selectFrom('load_batches')
        .select(['file_name', 'file_path'])
        .where('id', '=', res.json<{ id: string }>().id)
        .executeTakeFirstOrThrow();
      expect(batch.file_name ?? '', name).not.toMatch(/[/\\]|^\.\.?$/);
      expect(path.dirname(batch.file_path ?? ''), name).toBe(uploads);
    }
    await h.services.loads.idle();
    for (const file of await readdir(dataDir)) expect(['uploads']).toContain(file);
    // The catalog import reads the file in memory and never uses its name.
    const editor = principals.find((p) => p.name === 'hrss-steward');
    const imported = await h.app.inject({
      method: 'POST',
      url: '/api/catalog/import',
      headers: { ...editor?.headers, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      payload: multipart('../../../evil.xlsx', 'not a workbook'),
    });
    expect(imported.statusCode).toBe(400);
  });
});

describe('bodies that are too large, malformed, of the wrong type or deeply nested', () => {
  const jsonWrites = () =>
    h.app.apiRoutes.filter((r) => ['POST', 'PUT', 'PATCH'].includes(r.method) && r.url !== '/api/data/:resourceId/records');
  /** Someone the route lets in, so a refusal is about the body, not the caller. */
  const callerHeaders = (route: ApiRoute) => callerOf(route)?.headers ?? {};
  const isCkan = (route: ApiRoute) => route.url.startsWith('/api/3/');
  /** The one error shape, or CKAN's on CKAN's routes. */
  function oneShape(route: ApiRoute, res: Answer, status: number): string | null {
    if (res.statusCode !== status) return `${res.statusCode} instead of ${status}: ${res.body.slice(0, 120)}`;
    const body = JSON.parse(res.body) as Record<string, unknown> | string;
    // CKAN answers a body it cannot read with a JSON string ("Bad request - JSON Error: …"), as CKAN does.
    if (isCkan(route))
      return typeof body === 'string' && body.startsWith('Bad request') ? null : `not CKAN's shape: ${res.body.slice(0, 120)}`;
    if (typeof body === 'string') return `not the one error shape: ${res.body.slice(0, 120)}`;
    const message = body.message as { zh?: unknown; en?: unknown } | undefined;
    return body.code === 'VALIDATION_FAILED' &&
      typeof message?.zh === 'string' &&
      typeof message.en === 'string' &&
      typeof body.requestId === 'string'
      ? null
      : `not the one error shape: ${res.body.slice(0, 120)}`;
  }

  async function overRoutes(build: (route: ApiRoute) => { headers: Record<string, string>; payload: string | Buffer }, status: number) {
    const problems: string[] = [];
    for (const route of jsonWrites()) {
      const { headers, payload } = build(route);
      const res = await h.app.inject({
        method: route.method as 'POST',
        url: realUrl(route),
        headers: { ...callerHeaders(route), ...headers },
        payload,
      });
      const problem = oneShape(route, res, status);
      if (problem) problems.push(`${route.method} ${route.url}: ${problem}`);
    }
    return problems;
  }

  it('JSON over the 1 MiB limit: 413 on every write route', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(1_100_000) });
    expect(await overRoutes(() => ({ headers: { 'content-type': 'application/json' }, payload: big }), 413)).toEqual([]);
  }, 300_000);

  it('malformed JSON and a __proto__ key: 400 on every write route', async () => {
    expect(await overRoutes(() => ({ headers: { 'content-type': 'application/json' }, payload: '{"name": ' }), 400)).toEqual([]);
    expect(
      await overRoutes(() => ({ headers: { 'content-type': 'application/json' }, payload: '{"__proto__": {"isAdmin": true}}' }), 400),
    ).toEqual([]);
  }, 300_000);

  it('a content type the route does not read: 415 (400 where the route explains what to send)', async () => {
    const problems: string[] = [];
    for (const route of jsonWrites()) {
      const res = await h.app.inject({
        method: route.method as 'POST',
        url: realUrl(route),
        headers: { ...callerHeaders(route), 'content-type': 'text/xml' },
        payload: '<a>1</a>',
      });
      // The catalog import explains that it wants multipart (catalog-files.routes.ts).
      const expected = route.url === '/api/catalog/import' ? 400 : 415;
      const problem = oneShape(route, res, expected);
      if (problem) problems.push(`${route.method} ${route.url}: ${problem}`);
    }
    expect(problems).toEqual([]);
  }, 300_000);

  it('deeply nested JSON: a 4xx where a body is read, never a crash', async () => {
    const depth = 50_000;
    const deep = `{"name": ${'['.repeat(depth)}${']'.repeat(depth)}}`;
    const deepObject = `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    const problems: string[] = [];
    for (const route of jsonWrites()) {
      for (const payload of [deep, deepObject]) {
        const res = await h.app.inject({
          method: route.method as 'POST',
          url: realUrl(route),
          headers: { ...callerHeaders(route), 'content-type': 'application/json' },
          payload,
        });
        // Routes that read no body (sign-out, CKAN's reads, which ignore unknown keys as CKAN does) may answer it.
        const readsBody = Boolean((route.schema as { body?: { required?: string[] } } | undefined)?.body?.required?.length);
        if (res.statusCode >= 500 || (readsBody && res.statusCode < 400))
          problems.push(`${route.method} ${route.url}: ${res.statusCode} ${res.body.slice(0, 120)}`);
      }
    }
    expect(problems).toEqual([]);
    expect((await h.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  }, 300_000);

  it('SQL payloads and NUL characters in every string field of every JSON body: never a 500', async () => {
    const problems: string[] = [];
    let requests = 0;
    for (const route of jsonWrites().filter((r) => !isCkan(r))) {
      const properties =
        (route.schema as { body?: { properties?: Record<string, { type?: string }> } } | undefined)?.body?.properties ?? {};
      const strings = Object.entries(properties)
        .filter(([, p]) => p.type === 'string')
        .map(([name]) => name);
      if (strings.length === 0) continue;
      for (const payload of [`' OR '1'='1`, `'; drop table agencies; --`, `a\u0000b`]) {
        const res = await h.app.inject({
          method: route.method as 'POST',
          url: realUrl(route),
          headers: callerHeaders(route),
          payload: Object.fromEntries(strings.map((name) => [name, payload])),
        });
        requests++;
        if (failedUnsafely(res))
          problems.push(`${route.method} ${route.url} ${JSON.stringify(payload)}: ${res.statusCode} ${res.body.slice(0, 120)}`);
      }
    }
    console.info(`SQL injection: ${requests} JSON bodies`);
    expect(problems).toEqual([]);
    expect(await h.db.selectFrom('agencies').select('id').where('code', '=', `'; drop table agencies; --`).execute()).toEqual([]);
  }, 300_000);

  it('an upload over its limit: 413, the batch failed and no file left behind', async () => {
    const steward = principals.find((p) => p.name === 'hrss-steward');
    const rows = Array.from({ length: 400 }, (_, i) => `JG${i},滕州市第${i}培训学校`).join('\n');
    const res = await h.app.inject({
      method: 'POST',
      url: `/api/data/${open.resourceId}/uploads?format=csv`,
      headers: { ...steward?.headers, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      payload: multipart('big.csv', `机构代码,机构名称\n${rows}\n`),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: { zh: expect.any(String), en: expect.any(String) } });
    const last = await h.db
      .selectFrom('load_batches')
      .select(['state', 'file_path', 'file_name'])
      .where('file_name', '=', 'big.csv')
      .executeTakeFirst();
    if (last) expect(last.state).toBe('failed');
    const left = await readdir(path.join(dataDir, 'uploads')).catch(() => []);
    const paths = await h.db.selectFrom('load_batches').select('id').execute();
    const known = new Set(paths.map((p) => p.id));
    expect(left.filter((f) => !known.has(f) || f === undefined)).toEqual([]);
    if (last?.file_path) expect(left).not.toContain(path.basename(last.file_path));
  });
});

const BOUNDARY = 'gongshu-injection-test';
function multipart(fileName: string, content: string): Buffer {
  return Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n--${BOUNDARY}--\r\n`,
  );
}
