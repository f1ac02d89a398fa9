/**
 * Loading data (issue 5): formats and encodings, row-by-row validation with problem rows kept
 * (R11.2, R12.2), policies, modes, atomicity, and malformed files that change nothing.
 */
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';
import { demoActors } from '../seed/demo-actors.js';
import { csvOf, goodRows, HEADER, person, publishResource, tempFile } from './aggregation.fixtures.js';
import { qualified } from './data-tables.js';

let h: Harness;
let resource: { resourceId: string; code: string; table: string };
let steward: Awaited<ReturnType<ReturnType<typeof demoActors>>>;

beforeAll(async () => {
  h = await createHarness();
  resource = await publishResource(h);
  steward = await demoActors(h.db)('hrss-steward');
});
afterAll(async () => h.close());

const rowsOf = async () =>
  (await sql<{ n: number }>`select count(*)::bigint as n from ${qualified(resource.table)}`.execute(h.db)).rows[0]?.n ?? -1;
const load = async (file: string, options: Partial<Parameters<Harness['services']['loads']['loadFile']>[3]> = {}) =>
  h.services.loads.loadFile(steward, resource.resourceId, file, { mode: 'replace', format: 'csv', ...options });

describe('loading a CSV (R11.1, R11.2)', () => {
  it('creates the typed table on publication, with provenance columns and the identifier indexed', async () => {
    const columns = await sql<{ column_name: string; data_type: string }>`
      select column_name, data_type from information_schema.columns where table_schema = 'resource_data' and table_name = ${resource.table} order by ordinal_position`.execute(
      h.db,
    );
    expect(columns.rows.map((c) => [c.column_name, c.data_type])).toEqual([
      ['sfzh', 'character varying'],
      ['xm', 'character varying'],
      ['csrq', 'date'],
      ['sr', 'numeric'],
      ['dj', 'timestamp with time zone'],
      ['_batch_id', 'uuid'],
      ['_loaded_at', 'timestamp with time zone'],
      ['_source_row', 'integer'],
    ]);
  });

  it('loads UTF-8 with typed values, provenance, an audit entry and a quality score', async () => {
    const batch = await load(await tempFile('ok.csv', csvOf(goodRows(50))));
    expect(batch).toMatchObject({ state: 'loaded', rows_read: 50, rows_loaded: 50, rows_quarantined: 0 });
    expect(await rowsOf()).toBe(50);
    const row = await sql<{
      csrq: string;
      sr: string;
      _source_row: number;
      _batch_id: string;
    }>`select csrq, sr::text, _source_row, _batch_id from ${qualified(resource.table)} where xm = '张3'`.execute(h.db);
    expect(row.rows[0]).toMatchObject({ csrq: '1980-04-13', sr: '1003.50', _source_row: 5, _batch_id: batch.id });
    const audit = await h.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'data.load')
      .where('subject_id', '=', resource.resourceId)
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ batchId: batch.id, rowsLoaded: 50 });
    await h.services.loads.idle(); // the score follows the load
    const quality = await h.services.dataQuality.quality(steward.actor as never, resource.resourceId);
    expect(quality.current).toMatchObject({ validity: 1, uniqueness: 1, overdue: false });
  });

  it('detects UTF-8 with BOM and GB18030', async () => {
    const bom = await load(await tempFile('bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csvOf(goodRows(3)))])));
    expect(bom).toMatchObject({ state: 'loaded', rows_loaded: 3 });
    const gb = await load(await tempFile('gb.csv', iconv.encode(csvOf(goodRows(4, 10)), 'gb18030')));
    expect(gb).toMatchObject({ state: 'loaded', rows_loaded: 4, encoding: null });
    const names = await sql<{ xm: string }>`select xm from ${qualified(resource.table)} order by xm`.execute(h.db);
    expect(names.rows.map((r) => r.xm)).toEqual(['张10', '张11', '张12', '张13']);
  });

  it('keeps bad rows with their row, column, rule and requirement, and loads the rest (R12.2)', async () => {
    await h.services.dataQuality.setQuality(steward, steward.actor as never, resource.resourceId, {
      ownerUserId: null,
      policy: 'quarantine',
      threshold: 0,
      rules: {},
    });
    const rows = [
      ...goodRows(5),
      `${person(5).slice(0, 17)}0,李四,1980-01-01,100,2026-03-01 10:00`, // wrong check character (R11.2)
      `${person(6)},王五,1980-02-30,100,2026-03-01 10:00`, // no such date
      `${person(7)},赵六,1980-01-01,一百,2026-03-01 10:00`, // not a number
      `${person(8)},钱七`, // ragged
      `,孙八,1980-01-01,,`, // required identifier missing
    ];
    const batch = await load(await tempFile('mixed.csv', csvOf(rows)));
    expect(batch).toMatchObject({ state: 'loaded', rows_read: 10, rows_loaded: 5, rows_quarantined: 5 });
    const problems = await h.db
      .selectFrom('data_problems')
      .select(['row_number', 'problems'])
      .where('batch_id', '=', batch.id)
      .orderBy('row_number')
      .execute();
    expect(
      problems.map((p) => [
        p.row_number,
        (p.problems as { column: string; rule: string; requirement: string }[]).map((x) => [x.column, x.rule, x.requirement]),
      ]),
    ).toEqual([
      [7, [['sfzh', 'citizen_id', 'R11.2']]],
      [8, [['csrq', 'type', 'R12.1']]],
      [9, [['sr', 'type', 'R12.1']]],
      [10, [['', 'columns', 'R12.2']]],
      [11, [['sfzh', 'required', 'R12.1']]],
    ]);
  });

  it('rejects the whole load above the error threshold and changes nothing (reject policy)', async () => {
    await h.services.dataQuality.setQuality(steward, steward.actor as never, resource.resourceId, {
      ownerUserId: null,
      policy: 'reject',
      threshold: 0.1,
      rules: {},
    });
    const before = await rowsOf();
    const batch = await load(await tempFile('mostly-bad.csv', csvOf([...goodRows(3), 'x,y,z,1,2', 'a,b,c,3,4'])));
    expect(batch.state).toBe('rejected');
    expect(batch.message).toMatchObject({ code: 'LOAD_ERROR_RATE' });
    expect(await rowsOf()).toBe(before);
    expect(await h.db.selectFrom('data_problems').select('id').where('batch_id', '=', batch.id).execute()).toHaveLength(2);
  });

  it('appends and upserts by the identifier', async () => {
    await load(await tempFile('base.csv', csvOf(goodRows(10))));
    const appended = await load(await tempFile('more.csv', csvOf(goodRows(5, 100))), { mode: 'append' });
    expect(appended.state).toBe('loaded');
    expect(await rowsOf()).toBe(15);
    const changed = goodRows(2).map((r) => r.replace(/,张\d+,/, ',改名,'));
    const upserted = await load(await tempFile('upsert.csv', csvOf([...changed, ...goodRows(1, 200)])), { mode: 'upsert' });
    expect(upserted.state).toBe('loaded');
    expect(await rowsOf()).toBe(16);
    const renamed = await sql<{ n: number }>`select count(*)::bigint as n from ${qualified(resource.table)} where xm = '改名'`.execute(
      h.db,
    );
    expect(renamed.rows[0]?.n).toBe(2);
  });

  it('loads XLSX and JSON Lines', async () => {
    await h.services.dataQuality.setQuality(steward, steward.actor as never, resource.resourceId, {
      ownerUserId: null,
      policy: 'quarantine',
      threshold: 0,
      rules: {},
    });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('数据');
    sheet.addRow(HEADER.split(','));
    for (let i = 0; i < 20; i++) sheet.addRow([person(i), `表${i}`, new Date(Date.UTC(1990, 0, 1 + i)), 100 + i, '2026-03-01 09:00']);
    const xlsx = await load(await tempFile('data.xlsx', Buffer.from(await workbook.xlsx.writeBuffer())), { format: 'xlsx' });
    expect(xlsx).toMatchObject({ state: 'loaded', rows_loaded: 20 });
    const dates = await sql<{ csrq: string }>`select csrq from ${qualified(resource.table)} where xm = '表2'`.execute(h.db);
    expect(dates.rows[0]?.csrq).toBe('1990-01-03');
    const lines = goodRows(3).map((r) => {
      const [sfzh, xm] = r.split(',');
      return JSON.stringify({ sfzh, xm, 月收入: 12.5 });
    });
    const jsonl = await load(await tempFile('data.jsonl', `${lines.join('\n')}\n{"broken": \n`), { format: 'jsonl', mode: 'replace' });
    expect(jsonl).toMatchObject({ state: 'loaded', rows_loaded: 3, rows_quarantined: 1 });
  });
});

describe('malformed files get a clear error and change nothing', () => {
  let before: number;
  beforeAll(async () => {
    await h.services.dataQuality.setQuality(steward, steward.actor as never, resource.resourceId, {
      ownerUserId: null,
      policy: 'reject',
      threshold: 0.05,
      rules: {},
    });
    await load(await tempFile('reset.csv', csvOf(goodRows(7))));
    before = await rowsOf();
  });

  const cases: [string, () => Promise<string>, Partial<Parameters<Harness['services']['loads']['loadFile']>[3]>, RegExp][] = [
    [
      'bad encoding (GB18030 bytes declared UTF-8)',
      () => tempFile('enc.csv', iconv.encode(csvOf(goodRows(3)), 'gb18030')),
      { encoding: 'utf-8' },
      /UTF-8/,
    ],
    ['zero rows', () => tempFile('empty.csv', `${HEADER}\n`), {}, /no data rows/],
    ['an empty file', () => tempFile('nothing.csv', ''), {}, /no header/],
    ['a header that matches no field', () => tempFile('header.csv', 'a,b,c\n1,2,3\n'), {}, /matches none/],
    ['a missing required column', () => tempFile('missing.csv', '姓名\n张三\n'), {}, /Required columns are missing/],
    [
      'a 10 MB single line',
      () => tempFile('long.csv', `${HEADER}\n${person(1)},"${'长'.repeat(10 * 1024 * 1024)}\n`),
      {},
      /exceeds 1000000 characters/,
    ],
    [
      'a truncated XLSX',
      async () => {
        const workbook = new ExcelJS.Workbook();
        workbook.addWorksheet('s').addRow(HEADER.split(','));
        const full = Buffer.from(await workbook.xlsx.writeBuffer());
        return tempFile('truncated.xlsx', full.subarray(0, Math.floor(full.length / 2)));
      },
      { format: 'xlsx' },
      /cannot be read|damaged|truncated|no worksheet/i,
    ],
  ];
  for (const [name, make, options, message] of cases) {
    it(name, async () => {
      const batch = await load(await make(), options);
      expect(batch.state).toBe('failed');
      expect((batch.message as { en: string }).en).toMatch(message);
      expect(await rowsOf()).toBe(before);
      expect(await h.db.selectFrom('data_problems').select('id').where('batch_id', '=', batch.id).execute()).toEqual([]);
      const staging = await sql<{
        n: number;
      }>`select count(*)::int as n from pg_tables where schemaname = 'resource_data' and tablename like '%__s_%'`.execute(h.db);
      expect(staging.rows[0]?.n).toBe(0);
    });
  }

  it('reports the row of a malformed line', async () => {
    const batch = await load(await tempFile('long2.csv', `${HEADER}\n${goodRows(2).join('\n')}\n${person(1)},"${'x'.repeat(1_100_000)}\n`));
    expect(batch.message).toMatchObject({ row: 4 });
  });
});

describe('who may load (R8.1)', () => {
  it('refuses another agency and an agency without a steward', async () => {
    const other = await demoActors(h.db)('police-steward');
    const file = await tempFile('any.csv', csvOf(goodRows(1)));
    await expect(h.services.loads.loadFile(other, resource.resourceId, file, { mode: 'replace', format: 'csv' })).rejects.toMatchObject({
      refusal: { code: 'FORBIDDEN' },
    });
    await h.db
      .updateTable('users')
      .set({ roles: ['agency_staff'] })
      .where('username', '=', 'hrss-steward')
      .execute();
    try {
      const staff = await demoActors(h.db)('hrss-staff');
      await expect(h.services.loads.loadFile(staff, resource.resourceId, file, { mode: 'replace', format: 'csv' })).rejects.toMatchObject({
        refusal: { code: 'STEWARD_REQUIRED' },
      });
    } finally {
      await h.db
        .updateTable('users')
        .set({ roles: ['steward'] })
        .where('username', '=', 'hrss-steward')
        .execute();
    }
  });
});
