/**
 * Validated load benchmark (issue 5): a 1,000,000-row, 8-column CSV with a citizen-ID column,
 * loaded through the node's pipeline (parse, check every row, COPY into staging, index, swap),
 * next to a plain COPY of the same file into a table of the same shape (same columns, same
 * identifier index) in the same run. Target: ≥ 0.85× the plain COPY, peak RSS < 300 MB.
 * Run: node --import tsx bench/load.ts [rows]   (BENCH_DATABASE_URL for PostgreSQL, BENCH_ONLY=…)
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { promisify } from 'node:util';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { finished, pipeline } from 'node:stream/promises';
import { makeCitizenId } from '@gongshu/domain';
import { sql } from 'kysely';
import { from as copyFrom } from 'pg-copy-streams';
import { buildField } from '../packages/domain/src/catalog/catalog.fixtures.js';
import type { Db } from '../apps/server/src/db/connect.js';
import { createDataTable, createIdentifierIndex, qualified } from '../apps/server/src/modules/aggregation/data-tables.js';
import { seededRandom } from '../apps/server/src/modules/seed/synthetic-people.js';
import { platformWithResource } from './bench-platform.js';
import { onScratchDatabases } from './scratch-databases.js';

const ROWS = Number(process.argv[2] ?? 1_000_000);
const run$ = promisify(execFile);

const FIELDS = [
  buildField({ code: 'sfzh', name: '公民身份号码', identifierRole: 'citizen_id', length: 18, required: true }),
  buildField({ code: 'xm', name: '姓名', length: 20, required: true }),
  buildField({ code: 'xb', name: '性别', length: 2, required: false }),
  buildField({ code: 'csrq', name: '出生日期', dataType: 'date', length: null, required: false }),
  buildField({ code: 'lxdh', name: '联系电话', length: 20, required: false }),
  buildField({ code: 'zz', name: '住址', length: 200, required: false }),
  buildField({ code: 'sr', name: '月收入', dataType: 'decimal', length: 12, required: false }),
  buildField({ code: 'djsj', name: '登记时间', dataType: 'datetime', length: null, required: false }),
];

async function writeFile(file: string): Promise<void> {
  const random = seededRandom(20261127);
  const out = createWriteStream(file);
  out.write('公民身份号码,姓名,性别,出生日期,联系电话,住址,月收入,登记时间\n');
  let chunk = '';
  for (let i = 0; i < ROWS; i++) {
    const y = 1940 + Math.floor(random() * 66);
    const m = String(1 + Math.floor(random() * 12)).padStart(2, '0');
    const d = String(1 + Math.floor(random() * 28)).padStart(2, '0');
    const id = makeCitizenId('370481', `${y}${m}${d}`, i % 1000);
    chunk += `${id},张${i % 997},${i % 2 ? '男' : '女'},${y}-${m}-${d},138${String(10_000_000 + Math.floor(random() * 89_999_999))},滕州市荆河街道${i % 500}号,${1000 + (i % 9000)}.50,2026-0${1 + (i % 9)}-1${i % 10} 10:00:00+08\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
      chunk = '';
    }
  }
  out.end(chunk);
  await finished(out);
}

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
sampler.unref();

async function plainCopy(db: Db, file: string): Promise<number> {
  await createDataTable(db.kysely, 'bench_plain', FIELDS);
  await createIdentifierIndex(db.kysely, 'bench_plain', 'sfzh');
  // The plain COPY fills the provenance columns from defaults (the pipeline writes them itself).
  await sql`alter table resource_data.bench_plain alter column _batch_id set default gen_random_uuid(), alter column _loaded_at set default now()`.execute(
    db.kysely,
  );
  const started = performance.now();
  if (db.pool) {
    const client = await db.pool.connect();
    try {
      const copy = client.query(
        copyFrom(`COPY resource_data.bench_plain (sfzh, xm, xb, csrq, lxdh, zz, sr, djsj) FROM STDIN WITH (FORMAT csv, HEADER true)`),
      );
      await pipeline(createReadStream(file, { highWaterMark: 256 * 1024 }), copy);
    } finally {
      client.release();
    }
  } else {
    // PGlite has no COPY stream: the whole file as one blob is its plain COPY.
    const { readFile } = await import('node:fs/promises');
    await db.pglite?.query(
      `COPY resource_data.bench_plain (sfzh, xm, xb, csrq, lxdh, zz, sr, djsj) FROM '/dev/blob' WITH (FORMAT csv, HEADER true)`,
      [],
      { blob: new Blob([await readFile(file)]) },
    );
  }
  return (performance.now() - started) / 1000;
}

async function run(kind: 'pglite' | 'postgres', db: Db, file: string): Promise<void> {
  const { services, steward, resourceId } = await platformWithResource(db, '人口基础信息（基准）', FIELDS);

  // Both timed phases start from a clean checkpoint, so neither pays for the other's dirty pages.
  const checkpoint = async () => {
    if (kind === 'postgres') await sql`checkpoint`.execute(db.kysely);
  };
  await checkpoint();
  const plainSeconds = await plainCopy(db, file);
  await checkpoint();
  let seconds: number;
  let state: string;
  let peakMB: number;
  if (kind === 'postgres' && process.env.BENCH_DATABASE_URL) {
    // The validated load runs as `gongshu load` in its own process, so its peak RSS is its own.
    const published = await db.kysely.selectFrom('catalog_resources').select('code').where('id', '=', resourceId).executeTakeFirstOrThrow();
    const url = new URL(process.env.BENCH_DATABASE_URL);
    url.pathname = `/${(await sql<{ d: string }>`select current_database() as d`.execute(db.kysely)).rows[0]?.d ?? ''}`;
    const { stdout } = await run$(
      process.execPath,
      ['apps/server/bin/gongshu.js', 'load', published.code ?? '', file, '--as', 'hrss-steward'],
      {
        env: { ...process.env, DATABASE_URL: url.toString(), NODE_ENV: 'development', GONGSHU_SEED_DEMO: 'false', LOG_LEVEL: 'warn' },
        maxBuffer: 1 << 24,
      },
    );
    const m = /^(\w+): .* in ([\d.]+) s \(batch [^,]+, peak RSS (\d+) MB\)/m.exec(stdout);
    if (!m) throw new Error(`unexpected CLI output: ${stdout}`);
    state = m[1] ?? '';
    seconds = Number(m[2]);
    peakMB = Number(m[3]);
  } else {
    peakRss = 0;
    const started = performance.now();
    const batch = await services.loads.loadFile(steward, resourceId, file, { mode: 'replace', format: 'csv' });
    seconds = (performance.now() - started) / 1000;
    state = batch.state;
    peakMB = Math.round(peakRss / 1e6);
  }
  const loaded = await sql<{
    n: number;
  }>`select count(*)::bigint as n from ${qualified((await db.kysely.selectFrom('resource_tables').select('table_name').where('resource_id', '=', resourceId).executeTakeFirstOrThrow()).table_name)}`.execute(
    db.kysely,
  );
  console.log(
    JSON.stringify({
      benchmark: 'validated-load',
      database: kind,
      rows: ROWS,
      state,
      rowsLoaded: loaded.rows[0]?.n,
      validatedSeconds: Number(seconds.toFixed(2)),
      validatedRowsPerSecond: Math.round(ROWS / seconds),
      plainCopySeconds: Number(plainSeconds.toFixed(2)),
      plainCopyRowsPerSecond: Math.round(ROWS / plainSeconds),
      ratio: Number((plainSeconds / seconds).toFixed(3)),
      peakRssMB: peakMB,
      peakRssOf: kind === 'postgres' ? 'the gongshu load process' : 'the benchmark process (PGlite included)',
    }),
  );
}

const dir = await mkdtemp(path.join(tmpdir(), 'gongshu-load-bench-'));
const file = path.join(dir, 'people.csv');
try {
  await writeFile(file);
  console.error(`wrote ${ROWS} rows, ${Math.round((await stat(file)).size / 1e6)} MB`);
  await onScratchDatabases((kind, db) => run(kind, db, file));
} finally {
  await rm(dir, { recursive: true, force: true });
}
