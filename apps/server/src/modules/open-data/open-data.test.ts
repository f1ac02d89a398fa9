/**
 * The open channel of the one exit (issue 7 item 2; R19.1, R19.2, R18.4, R23.1): downloads in
 * three formats with the citation, conditional data only under an active open grant and only its
 * fields (refusals audited), `none` never, the query API with its rate limit and daily quota, the
 * preview, derivatives, CKAN datastore_search, and a delivery row (channel open) for each.
 */
import { defaultMask } from '@gongshu/domain';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';
import { publishResource } from '../aggregation/aggregation.fixtures.js';
import { copyExpressions } from './open-copy.js';
import { insertOpenGrant, keyOf, OPEN_FIELDS, openResource, publishedDerivative } from './open-data.fixtures.js';

let h: Harness;
let open: { resourceId: string; code: string; table: string };
let conditional: { resourceId: string; code: string };
let closed: { resourceId: string };
let derivative: { id: string };
let grant: { id: string; number: string };

const ROWS = 30;

beforeAll(async () => {
  h = await createHarness({ env: { GONGSHU_OPEN_RATE_PER_MINUTE: '5', GONGSHU_OPEN_DAILY_QUOTA: '8' } });
  open = await openResource(h, 'unconditional', ROWS);
  conditional = await openResource(h, 'conditional', ROWS);
  closed = await publishResource(h, 'hrss');
  derivative = await publishedDerivative(h, open.resourceId, 12);
  grant = await insertOpenGrant(h, 'citizen', conditional.resourceId, { fields: ['jgmc', 'rs'] });
}, 120_000);
afterAll(async () => h.close());

const download = (id: string, format: string, headers: Record<string, string> = {}, extra = '') =>
  h.app.inject({ method: 'GET', url: `/api/open/resources/${id}/download?format=${format}${extra}`, headers });

function csvLines(body: string): string[][] {
  return body
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l !== '')
    .map((l) => l.split(','));
}

async function deliveriesOf(resourceId: string) {
  return h.db
    .selectFrom('deliveries')
    .selectAll()
    .where('channel', '=', 'open')
    .where('resource_id', '=', resourceId)
    .orderBy('serial')
    .execute();
}

async function lastAudit(subjectId: string) {
  return h.db
    .selectFrom('audit_log')
    .selectAll()
    .where('subject_id', '=', subjectId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
}

describe('downloads of unconditional open data (R19.1, R23.1)', () => {
  it('CSV: BOM, field names, masked sensitive values, the citation in a header and in the file', async () => {
    const res = await download(open.resourceId, 'csv');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    const citation = decodeURIComponent(String(res.headers['x-gongshu-citation']));
    expect(citation).toContain('培训机构名录unconditional');
    expect(citation).toContain(open.code);
    expect(citation).toContain('第 1 版');
    expect(citation).toContain('获取日期 2026-03-02');
    expect(citation).toContain(`/open/resources/${open.resourceId}`);
    const lines = csvLines(res.body);
    expect(lines[0]).toEqual(['机构代码', '机构名称', '联系电话', '从业人数', '成立日期', '引用 Citation']);
    expect(lines).toHaveLength(ROWS + 1);
    expect(lines[1]?.[5]).toBe(citation);
    expect(lines[2]?.[5]).toBe('');
    const first = lines.find((l) => l[0] === 'JG00003');
    expect(first?.[1]).toBe('滕州市第3培训学校');
    // The phone number is sensitive: masked as the exit masks it, never the raw value.
    expect(first?.[2]).not.toBe('13900000003');
    expect(first?.[2]).toMatch(/\*/);
    expect(res.headers['content-disposition']).toContain(`${open.code}-v1-2026-03-02.csv`);

    const delivery = (await deliveriesOf(open.resourceId)).at(-1);
    expect(delivery).toMatchObject({ channel: 'open', kind: 'extract', format: 'csv', via: 'anonymous', rows: ROWS, grant_id: null });
    expect(delivery?.completed_at).not.toBeNull();
    expect(delivery?.id).toBe(res.headers['x-gongshu-delivery']);
    const entry = await lastAudit(open.resourceId);
    expect(entry).toMatchObject({ action: 'open.extract', outcome: 'ok', subject_type: 'catalog_resource' });
  });

  it('XLSX opens, with the data, the citation column and the provenance sheet', async () => {
    const res = await download(open.resourceId, 'xlsx');
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const data = workbook.getWorksheet('数据 Data');
    expect(data?.rowCount).toBe(ROWS + 1);
    expect(data?.getRow(1).getCell(6).value).toBe('引用 Citation');
    const citation = decodeURIComponent(String(res.headers['x-gongshu-citation']));
    expect(data?.getRow(2).getCell(6).value).toBe(citation);
    const about = workbook.getWorksheet('来源 Provenance');
    expect(about?.getRow(1).values).toContain(citation);
  });

  it('JSON: one object with the citation, the columns and the records', async () => {
    const res = await download(open.resourceId, 'json', {}, '&fields=jgdm,rs');
    expect(res.statusCode).toBe(200);
    const body = res.json<{ citation: string; columns: { code: string }[]; records: Record<string, unknown>[] }>();
    expect(body.citation).toContain('获取日期');
    expect(body.columns.map((c) => c.code)).toEqual(['jgdm', 'rs']);
    expect(body.records).toHaveLength(ROWS);
    expect(body.records.find((r) => r.jgdm === 'JG00004')).toEqual({ jgdm: 'JG00004', rs: 14 });
  });

  it('the SQL that COPY writes on PostgreSQL gives the text of the Node path, masks included', async () => {
    const fields = OPEN_FIELDS.map((f) => ({ code: f.code, dataType: f.dataType, mask: defaultMask(f, 1) }));
    expect(fields.find((f) => f.code === 'lxdh')?.mask.kind).toBe('phone');
    const expressions = copyExpressions(h.db, fields);
    if (!expressions) throw new Error('expected SQL for every field');
    const viaSql = await sql
      .raw<Record<string, unknown>>(
        `select ${expressions.map((e, i) => `${e} as c${i}`).join(', ')} from resource_data."${open.table}" order by jgdm`,
      )
      .execute(h.db);
    const res = await download(open.resourceId, 'json');
    const records = res.json<{ records: Record<string, unknown>[] }>().records.sort((a, b) => String(a.jgdm).localeCompare(String(b.jgdm)));
    const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '');
    expect(viaSql.rows.map((r) => fields.map((_, i) => text(r[`c${i}`])))).toEqual(records.map((r) => fields.map((f) => text(r[f.code]))));
    // A keyed hash or a masked date-time stays in Node.
    expect(copyExpressions(h.db, [{ code: 'x', dataType: 'string', mask: { kind: 'hash' } }])).toBeNull();
    expect(copyExpressions(h.db, [{ code: 'x', dataType: 'datetime', mask: { kind: 'year' } }])).toBeNull();
  });

  it('a resource of open type none, or an unknown one, is refused as not available (R18.1)', async () => {
    for (const id of [closed.resourceId, '00000000-0000-4000-8000-0000000000aa']) {
      const res = await download(id, 'csv');
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('OPEN_NOT_AVAILABLE');
    }
    expect(await deliveriesOf(closed.resourceId)).toHaveLength(0);
  });
});

describe('conditional open data (R19.2)', () => {
  it('without a grant: refused, and the refusal audited', async () => {
    const anonymous = await download(conditional.resourceId, 'csv');
    expect(anonymous.statusCode).toBe(403);
    expect(anonymous.json().code).toBe('OPEN_GRANT_REQUIRED');
    const other = await h.signIn('citizen01');
    const res = await download(conditional.resourceId, 'csv', other.headers);
    expect(res.statusCode).toBe(403);
    const entry = await lastAudit(conditional.resourceId);
    expect(entry).toMatchObject({ action: 'open.extract', outcome: 'denied', via: 'session' });
    expect((entry.details as { code: string }).code).toBe('OPEN_GRANT_REQUIRED');
    expect(await deliveriesOf(conditional.resourceId)).toHaveLength(0);
  });

  it('with an active grant: only the granted fields, recorded under the grant', async () => {
    const citizen = await h.signIn('citizen');
    const res = await download(conditional.resourceId, 'csv', citizen.headers);
    expect(res.statusCode, res.body).toBe(200);
    const lines = csvLines(res.body);
    expect(lines[0]).toEqual(['机构名称', '从业人数', '引用 Citation']);
    expect(lines).toHaveLength(ROWS + 1);
    const delivery = (await deliveriesOf(conditional.resourceId)).at(-1);
    expect(delivery).toMatchObject({ open_grant_id: grant.id, kind: 'extract', via: 'session' });
    expect(delivery?.fields).toEqual(['jgmc', 'rs']);

    const more = await download(conditional.resourceId, 'csv', citizen.headers, '&fields=jgmc,lxdh');
    expect(more.statusCode).toBe(403);
    expect(more.json().details).toEqual({ notGranted: ['lxdh'] });
  });

  it('a suspended or expired grant does not count; the holder is told which one', async () => {
    const g = await insertOpenGrant(h, 'citizen02', conditional.resourceId, { fields: ['jgmc'], state: 'suspended' });
    const s = await h.signIn('citizen02');
    const res = await download(conditional.resourceId, 'json', s.headers);
    expect(res.statusCode).toBe(403);
    expect(res.json().details).toMatchObject({ grant: g.number, state: 'suspended' });
    // the open-grants service calls forgetOpenGrant when it restores a grant: it then works at once.
    await h.db.updateTable('open_grants').set({ state: 'active' }).where('id', '=', g.id).execute();
    h.services.openData.forgetOpenGrant(g.userId, conditional.resourceId);
    const again = await download(conditional.resourceId, 'json', s.headers);
    expect(again.statusCode).toBe(200);
    expect(again.json<{ columns: { code: string }[] }>().columns.map((c) => c.code)).toEqual(['jgmc']);
  });
});

describe('conditional open data encrypted at rest (R19.2, R29.1)', () => {
  it('a level-3 resource: ciphertext in its table, decrypted then masked in every format and the API', async () => {
    const level3 = await openResource(h, 'conditional', ROWS, { securityLevel: 3, name: '培训机构名录（三级）' });
    const layout = await h.db
      .selectFrom('resource_tables')
      .select('encrypted_columns')
      .where('resource_id', '=', level3.resourceId)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(layout.encrypted_columns)).toContain('lxdh');
    const raw = await sql<{ lxdh: string }>`select lxdh from resource_data.${sql.raw(`"${level3.table}"`)}`.execute(h.db);
    expect(raw.rows).toHaveLength(ROWS);
    expect(raw.rows.every((r) => r.lxdh.startsWith('v1.'))).toBe(true);

    await insertOpenGrant(h, 'company', level3.resourceId, { fields: ['jgdm', 'lxdh', 'rs'] });
    const company = await h.signIn('company');
    // The phone of JG00007 is 13900000007: the open channel gives 139****0007, never the ciphertext.
    const csv = await download(level3.resourceId, 'csv', company.headers);
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.body).not.toContain('v1.');
    expect(
      csvLines(csv.body)
        .find((l) => l[0] === 'JG00007')
        ?.slice(0, 3),
    ).toEqual(['JG00007', '139****0007', '17']);
    const json = await download(level3.resourceId, 'json', company.headers);
    expect(json.json<{ records: Record<string, unknown>[] }>().records.find((r) => r.jgdm === 'JG00007')).toEqual({
      jgdm: 'JG00007',
      lxdh: '139****0007',
      rs: 17,
    });
    const xlsx = await download(level3.resourceId, 'xlsx', company.headers);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('数据 Data');
    const phones = Array.from({ length: ROWS }, (_, i) => sheet?.getRow(i + 2).getCell(2).text ?? '');
    expect(phones.every((p) => /^139\*{4}\d{4}$/.test(p))).toBe(true);

    const key = await keyOf(h, 'company');
    const records = (query: string) =>
      h.app.inject({ method: 'GET', url: `/api/open/resources/${level3.resourceId}/records?${query}`, headers: key.headers });
    const page = await records('filter=jgdm:eq:JG00012');
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json<{ records: unknown[] }>().records).toEqual([{ jgdm: 'JG00012', lxdh: '139****0012', rs: 22 }]);
    // The open channel never filters on an encrypted field: refused naming R29.1.
    const onCipher = await records('filter=lxdh:eq:13900000012');
    expect(onCipher.statusCode).toBe(400);
    expect(onCipher.json<{ requirement: string }>().requirement).toBe('R29.1');
    const deliveries = await deliveriesOf(level3.resourceId);
    expect(deliveries.map((d) => [d.kind, d.rows])).toEqual([
      ['extract', ROWS],
      ['extract', ROWS],
      ['extract', ROWS],
      ['query', 1],
    ]);
  });
});

describe('the query API (R19.1)', () => {
  it('anonymous callers are told to register and create a key', async () => {
    const res = await h.app.inject({ method: 'GET', url: `/api/open/resources/${open.resourceId}/records` });
    expect(res.statusCode).toBe(401);
    const body = res.json<{ code: string; message: { zh: string; en: string } }>();
    expect(body.code).toBe('AUTH_REQUIRED');
    expect(body.message.en).toContain('API key');
    expect(body.message.zh).toContain('密钥');
  });

  it('fields, filters and paging with an API key; the citation in the body and a header', async () => {
    const key = await keyOf(h, 'citizen');
    const res = await h.app.inject({
      method: 'GET',
      url: `/api/open/resources/${open.resourceId}/records?fields=jgdm,rs&filter=rs:gte:35&page=2&pageSize=2`,
      headers: key.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ records: unknown[]; total: number; page: number; citation: string; columns: unknown[] }>();
    expect(body.total).toBe(5);
    expect(body.records).toEqual([
      { jgdm: 'JG00027', rs: 37 },
      { jgdm: 'JG00028', rs: 38 },
    ]);
    expect(body.columns).toEqual([
      { code: 'jgdm', name: '机构代码' },
      { code: 'rs', name: '从业人数' },
    ]);
    expect(body.citation).toContain('获取日期');
    expect(decodeURIComponent(String(res.headers['x-gongshu-citation']))).toBe(body.citation);
    const delivery = (await deliveriesOf(open.resourceId)).at(-1);
    expect(delivery).toMatchObject({ kind: 'query', via: 'api_key', api_key_id: key.id, rows: 2 });
    expect(delivery?.parameters).toMatchObject({ filters: [{ field: 'rs', op: 'gte', value: '35' }], page: 2, pageSize: 2 });

    const prefix = await h.app.inject({
      method: 'GET',
      url: `/api/open/resources/${open.resourceId}/records?filter=jgmc:prefix:滕州市第1`,
      headers: key.headers,
    });
    expect(prefix.json<{ total: number }>().total).toBe(11);
    // A masked field can only be matched by its exact value.
    const masked = await h.app.inject({
      method: 'GET',
      url: `/api/open/resources/${open.resourceId}/records?filter=lxdh:prefix:139`,
      headers: key.headers,
    });
    expect(masked.statusCode).toBe(400);
    const tooBig = await h.app.inject({
      method: 'GET',
      url: `/api/open/resources/${open.resourceId}/records?pageSize=1001`,
      headers: key.headers,
    });
    expect(tooBig.statusCode).toBe(400);
  });

  it('conditional data through the API: only under the caller’s grant', async () => {
    const key = await keyOf(h, 'citizen');
    const res = await h.app.inject({
      method: 'GET',
      url: `/api/open/resources/${conditional.resourceId}/records?pageSize=3`,
      headers: key.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json<{ records: object[] }>().records[0] ?? {})).toEqual(['jgmc', 'rs']);
    const other = await keyOf(h, 'company');
    const refused = await h.app.inject({
      method: 'GET',
      url: `/api/open/resources/${conditional.resourceId}/records`,
      headers: other.headers,
    });
    expect(refused.statusCode).toBe(403);
  });

  it('per-key rate limit per minute, then the daily quota: 429 with Retry-After (persisted per China day)', async () => {
    h.clock.advance(61_000);
    const key = await keyOf(h, 'citizen03');
    const call = () =>
      h.app.inject({ method: 'GET', url: `/api/open/resources/${open.resourceId}/records?pageSize=1`, headers: key.headers });
    for (let i = 0; i < 5; i++) expect((await call()).statusCode).toBe(200);
    const limited = await call();
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('OPEN_RATE_LIMITED');
    const retry = Number(limited.headers['retry-after']);
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(60);

    h.clock.advance(61_000);
    for (let i = 0; i < 3; i++) expect((await call()).statusCode).toBe(200);
    const exhausted = await call();
    expect(exhausted.statusCode).toBe(429);
    expect(exhausted.json().code).toBe('OPEN_QUOTA_EXCEEDED');
    expect(exhausted.json().requirement).toBe('R19.1');
    // 09:02 in China: the quota comes back at midnight, about 15 hours later.
    expect(Number(exhausted.headers['retry-after'])).toBeGreaterThan(14 * 3600);

    await h.services.openData.flushUsage();
    const usage = await h.db.selectFrom('api_key_daily_usage').selectAll().where('api_key_id', '=', key.id).execute();
    expect(usage).toEqual([{ api_key_id: key.id, day: '2026-03-02', calls: 8 }]);
    // Refused calls are neither counted nor delivered.
    const delivered = await h.db.selectFrom('deliveries').select('id').where('api_key_id', '=', key.id).execute();
    expect(delivered).toHaveLength(8);

    // The next China day: a new quota.
    h.clock.set('2026-03-03T00:00:05+08:00');
    expect((await call()).statusCode).toBe(200);
    await h.services.openData.flushUsage();
    const next = await h.db
      .selectFrom('api_key_daily_usage')
      .select('calls')
      .where('api_key_id', '=', key.id)
      .where('day', '=', '2026-03-03')
      .executeTakeFirst();
    expect(next?.calls).toBe(1);
    h.clock.set('2026-03-02T10:00:00+08:00');
  });
});

describe('preview and derivatives', () => {
  it('preview: the first 10 rows of unconditional data, anonymous, recorded as a preview', async () => {
    const res = await h.app.inject({ method: 'GET', url: `/api/open/resources/${open.resourceId}/preview` });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ columns: { code: string; name: string }[]; rows: unknown[]; citation: string }>();
    expect(body.rows).toHaveLength(10);
    expect(body.columns[1]).toEqual({ code: 'jgmc', name: '机构名称' });
    expect(body.citation).toContain('数据来源');
    const delivery = (await deliveriesOf(open.resourceId)).at(-1);
    expect(delivery).toMatchObject({ kind: 'query', rows: 10 });
    expect(delivery?.parameters).toEqual({ preview: true });
    const refused = await h.app.inject({ method: 'GET', url: `/api/open/resources/${conditional.resourceId}/preview` });
    expect(refused.statusCode).toBe(404);
  });

  it('a published derivative downloads with its kept columns, recorded with its id', async () => {
    const res = await h.app.inject({ method: 'GET', url: `/api/open/derivatives/${derivative.id}/download?format=csv` });
    expect(res.statusCode, res.body).toBe(200);
    const lines = csvLines(res.body);
    expect(lines[0]).toEqual(['机构名称', '从业人数', '引用 Citation']);
    expect(lines).toHaveLength(13);
    expect(decodeURIComponent(String(res.headers['x-gongshu-citation']))).toContain('培训机构规模（去标识化）');
    const delivery = await h.db.selectFrom('deliveries').selectAll().where('derivative_id', '=', derivative.id).executeTakeFirstOrThrow();
    expect(delivery).toMatchObject({ channel: 'open', resource_id: open.resourceId, kind: 'extract', rows: 12 });
    await h.db.updateTable('open_derivatives').set({ state: 'withdrawn' }).where('id', '=', derivative.id).execute();
    const withdrawn = await h.app.inject({ method: 'GET', url: `/api/open/derivatives/${derivative.id}/download?format=json` });
    expect(withdrawn.statusCode).toBe(404);
  });
});

describe('CKAN datastore_search through the open exit', () => {
  it('answers in CKAN’s envelope and result shape', async () => {
    h.clock.advance(61_000);
    const filters = encodeURIComponent(JSON.stringify({ rs: '12' }));
    const res = await h.app.inject({
      method: 'GET',
      url: `/api/3/action/datastore_search?resource_id=${open.resourceId}-csv&filters=${filters}&limit=5`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ success: boolean; help: string; result: Record<string, unknown> }>();
    expect(body.success).toBe(true);
    expect(body.help).toContain('help_show?name=datastore_search');
    expect(body.result).toMatchObject({
      resource_id: `${open.resourceId}-csv`,
      total: 1,
      limit: 5,
      offset: 0,
      records_format: 'objects',
      fields: [
        { id: '_id', type: 'int' },
        { id: 'jgdm', type: 'text' },
        { id: 'jgmc', type: 'text' },
        { id: 'lxdh', type: 'text' },
        { id: 'rs', type: 'int' },
        { id: 'clrq', type: 'date' },
      ],
    });
    expect(body.result.records).toEqual([expect.objectContaining({ _id: 1, jgdm: 'JG00002', jgmc: '滕州市第2培训学校', rs: 12 })]);
    expect((body.result._links as { next: string }).next).toContain('offset=5');

    const post = await h.app.inject({
      method: 'POST',
      url: '/api/3/action/datastore_search',
      payload: { resource_id: open.resourceId, q: '第2', fields: ['jgdm'], limit: 3, offset: 1 },
    });
    const result = post.json<{ result: { total: number; records: unknown[] } }>().result;
    expect(result.total).toBe(11);
    expect(result.records).toEqual([
      { _id: 2, jgdm: 'JG00020' },
      { _id: 3, jgdm: 'JG00021' },
      { _id: 4, jgdm: 'JG00022' },
    ]);
    const audit = await lastAudit(open.resourceId);
    expect(audit).toMatchObject({ action: 'open.query', via: 'anonymous' });
  });

  it('takes filters as a JSON object in a POST body, and refuses what it does not support as a Validation Error', async () => {
    h.clock.advance(61_000);
    const post = await h.app.inject({
      method: 'POST',
      url: '/api/3/action/datastore_search',
      payload: { resource_id: `${open.resourceId}-json`, filters: { jgdm: 'JG00007' }, fields: 'jgmc' },
    });
    expect(post.statusCode, post.body).toBe(200);
    expect(post.json<{ result: { records: unknown[] } }>().result.records).toEqual([{ _id: 1, jgmc: '滕州市第7培训学校' }]);
    const lists = await h.app.inject({
      method: 'GET',
      url: `/api/3/action/datastore_search?resource_id=${open.resourceId}&records_format=lists`,
    });
    expect(lists.statusCode).toBe(409);
    expect(lists.json()).toMatchObject({ success: false, error: { __type: 'Validation Error' } });
    const unknownField = await h.app.inject({
      method: 'GET',
      url: `/api/3/action/datastore_search?resource_id=${open.resourceId}&fields=${encodeURIComponent('["nope"]')}`,
    });
    expect(unknownField.statusCode).toBe(409);
  });

  it('refuses conditional data to a visitor, and unknown resources, in CKAN’s error envelope', async () => {
    const refused = await h.app.inject({ method: 'GET', url: `/api/3/action/datastore_search?resource_id=${conditional.resourceId}-csv` });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ success: false, error: { __type: 'Authorization Error' } });
    const unknown = await h.app.inject({ method: 'GET', url: `/api/3/action/datastore_search?resource_id=${closed.resourceId}` });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ success: false, error: { __type: 'Not Found Error' } });
  });
});
