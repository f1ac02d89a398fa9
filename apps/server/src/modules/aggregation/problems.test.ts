/**
 * Problem data (R12.2) and the other ways in: the push API with idempotency keys and API keys,
 * the problem queue with its spreadsheet, consumers' reports, fix and confirm, and the table
 * migrating with a new catalog version.
 */
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildField } from '../../../../../packages/domain/src/catalog/catalog.fixtures.js';
import { createHarness, type Harness, type SignedIn } from '../../../test/harness.js';
import { demoActors } from '../seed/demo-actors.js';
import { person, publishResource, PEOPLE_FIELDS } from './aggregation.fixtures.js';

let h: Harness;
let resource: Awaited<ReturnType<typeof publishResource>>;
let steward: SignedIn;

beforeAll(async () => {
  h = await createHarness();
  resource = await publishResource(h);
  steward = await h.signIn('hrss-steward');
  const quarantine = { ownerUserId: null, policy: 'quarantine', threshold: 0, rules: {} };
  const res = await h.app.inject({
    method: 'PUT',
    url: `/api/data/${resource.resourceId}/quality`,
    headers: steward.headers,
    payload: quarantine,
  });
  expect(res.statusCode, res.body).toBe(200);
});
afterAll(async () => h.close());

const records = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => ({ sfzh: person(from + i), xm: `推${from + i}`, 出生日期: '1990-01-01' }));

describe('push API for agency systems (issue 5 item 2)', () => {
  it('loads a JSON batch with an API key, and the same idempotency key loads once', async () => {
    const created = await h.app.inject({
      method: 'POST',
      url: '/api/me/api-keys',
      headers: steward.headers,
      payload: { name: '人社业务系统' },
    });
    const key = created.json<{ secret: string }>().secret;
    const body = {
      idempotencyKey: 'hrss-sync-2026-03-02',
      mode: 'replace',
      records: [...records(20), { sfzh: '370481199001011230', xm: '坏号' }],
    };
    const first = await h.app.inject({
      method: 'POST',
      url: `/api/data/${resource.resourceId}/records`,
      headers: { authorization: `Bearer ${key}` },
      payload: body,
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ replayed: false, batch: { state: 'loaded', channel: 'api', rowsLoaded: 20, rowsQuarantined: 1 } });
    const again = await h.app.inject({
      method: 'POST',
      url: `/api/data/${resource.resourceId}/records`,
      headers: { authorization: `Bearer ${key}` },
      payload: body,
    });
    expect(again.json()).toMatchObject({ replayed: true, batch: { id: first.json().batch.id } });
    expect(await h.db.selectFrom('load_batches').select('id').where('resource_id', '=', resource.resourceId).execute()).toHaveLength(1);
  });

  it('refuses another agency’s key', async () => {
    const police = await h.signIn('police-steward');
    const key = (
      await h.app.inject({ method: 'POST', url: '/api/me/api-keys', headers: police.headers, payload: { name: '公安系统' } })
    ).json<{ secret: string }>().secret;
    const res = await h.app.inject({
      method: 'POST',
      url: `/api/data/${resource.resourceId}/records`,
      headers: { authorization: `Bearer ${key}` },
      payload: { idempotencyKey: 'police-0001', mode: 'append', records: records(1) },
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('problem data (R12.2)', () => {
  it('lists problem rows with row, column, rule and requirement, and downloads them with the reasons beside the data', async () => {
    const list = await h.app.inject({
      method: 'GET',
      url: `/api/data/${resource.resourceId}/problems?state=open`,
      headers: steward.headers,
    });
    expect(list.json()).toMatchObject({
      total: 1,
      items: [{ source: 'load', rowNumber: 21, problems: [{ column: 'sfzh', rule: 'citizen_id', requirement: 'R11.2' }] }],
    });
    const file = await h.app.inject({ method: 'GET', url: `/api/data/${resource.resourceId}/problems.xlsx`, headers: steward.headers });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toContain('attachment');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const header = (sheet?.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['源文件行号', 'sfzh', 'xm', '问题说明', '依据']);
    const row = (sheet?.getRow(2).values as unknown[]).slice(1);
    expect(row[0]).toBe(21);
    expect(String(row[3])).toContain('公民身份号码');
    expect(row[4]).toBe('R11.2');
  });

  it('takes consumers’ reports into the same queue, fixed by the provider and confirmed by the bureau', async () => {
    const consumer = await h.signIn('civil-staff');
    const report = await h.app.inject({
      method: 'POST',
      url: `/api/data/${resource.resourceId}/problems`,
      headers: consumer.headers,
      payload: { recordKey: person(3), description: '该人员已迁出，应更新状态' },
    });
    expect(report.statusCode).toBe(201);
    const id = report.json<{ id: string }>().id;
    const notes = await h.app.inject({ method: 'GET', url: '/api/notifications', headers: steward.headers });
    expect(notes.json().items.map((n: { kind: string }) => n.kind)).toContain('data.problem.reported');

    const reviewer = await h.signIn('reviewer');
    const early = await h.app.inject({
      method: 'POST',
      url: `/api/data/problems/${id}/confirm`,
      headers: reviewer.headers,
      payload: { resolution: '确认' },
    });
    expect(early.statusCode).toBe(409);
    const byConsumer = await h.app.inject({
      method: 'POST',
      url: `/api/data/problems/${id}/fix`,
      headers: consumer.headers,
      payload: { resolution: '我来改' },
    });
    expect(byConsumer.statusCode).toBe(403);
    const fixed = await h.app.inject({
      method: 'POST',
      url: `/api/data/problems/${id}/fix`,
      headers: steward.headers,
      payload: { resolution: '已在源系统更新迁出状态，下次汇聚生效' },
    });
    expect(fixed.json()).toMatchObject({ state: 'fixed' });
    const confirmed = await h.app.inject({
      method: 'POST',
      url: `/api/data/problems/${id}/confirm`,
      headers: reviewer.headers,
      payload: { resolution: '已核实' },
    });
    expect(confirmed.json()).toMatchObject({ state: 'confirmed' });
    const audit = await h.db.selectFrom('audit_log').select('action').where('subject_id', '=', id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['data.problem.report', 'data.problem.fix', 'data.problem.confirm']);
  });

  it('marks load problems fixed when a replace load brings the data again', async () => {
    const steward2 = await demoActors(h.db)('hrss-steward');
    if (steward2.actor.kind !== 'user') throw new Error('no user');
    await h.services.loads.push(steward2, steward2.actor, resource.resourceId, {
      idempotencyKey: 'hrss-sync-2026-03-03',
      mode: 'replace',
      records: records(21),
    });
    const open = await h.db
      .selectFrom('data_problems')
      .select(['state', 'resolution'])
      .where('resource_id', '=', resource.resourceId)
      .where('source', '=', 'load')
      .execute();
    expect(open).toEqual([{ state: 'fixed', resolution: '已整批重新汇聚' }]);
  });
});

describe('a new catalog version migrates the table (issue 5 item 1)', () => {
  it('adds new fields as columns and converts changed types, keeping the rows', async () => {
    const as = demoActors(h.db);
    const s = await as('hrss-steward');
    const current = await h.services.catalog.resource(s, resource.resourceId);
    const change = await h.services.catalog.startChange(s, resource.resourceId, '新增就业状态', '2026-03-01');
    const fields = [
      ...PEOPLE_FIELDS.map((f) => (f.code === 'xm' ? { ...f, length: 50 } : f)),
      buildField({ code: 'jyzt', name: '就业状态', length: 10, required: false }),
    ];
    await h.services.catalog.updateDraft(s, change.id, {
      metadata: { ...(current.current?.metadata as unknown as Record<string, unknown>), fields } as never,
      justification: '测试',
      changeReason: '新增就业状态',
      lawChangeDate: '2026-03-01',
    });
    await h.services.catalog.submit(s, [change.id]);
    await h.services.catalog.approve(await as('reviewer'), change.id, null);
    const columns = await sql<{ column_name: string; type: string }>`
      select column_name, format_type(atttypid, atttypmod) as type from pg_attribute a join information_schema.columns c
        on c.column_name = a.attname and c.table_schema = 'resource_data' and c.table_name = ${resource.table}
      where a.attrelid = ${`resource_data.${resource.table}`}::regclass and a.attnum > 0 and not a.attisdropped order by a.attnum`.execute(
      h.db,
    );
    expect(columns.rows.map((c) => `${c.column_name}:${c.type}`)).toEqual(
      expect.arrayContaining(['xm:character varying(50)', 'jyzt:character varying(10)']),
    );
    const rows = await sql<{ n: number }>`select count(*)::bigint as n from ${sql.id('resource_data', resource.table)}`.execute(h.db);
    expect(rows.rows[0]?.n).toBe(21);
  });
});
