/**
 * Open download benchmark (issue 7): the streamed CSV download of an unconditional open resource
 * of 1,000,000 rows through the platform's open channel (anonymous caller, the version's fields,
 * the exit's masking of the phone column, BOM, citation column, delivery row and audit entry
 * committed before the first byte) next to PostgreSQL's own `COPY (select …) TO STDOUT WITH CSV`
 * of the same columns of the same table, in the same run. Target: ≥ 0.5× the COPY's rows/s, with
 * the server's peak RSS (VmHWM of its process — the production build, `gongshu serve` — which serves
 * nothing else) under 200 MB.
 * The rows are generated in SQL (generate_series) into the published resource's data table: the
 * validated load has its own benchmark (bench/load.ts); this one measures the way out.
 * Run: BENCH_DATABASE_URL=postgres://… node --import tsx bench/open-download.ts [rows=1000000] [rounds=2]
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { OPEN_FIELDS } from '../apps/server/src/modules/open-data/open-data.fixtures.js';
import { openAttributes } from '../apps/server/src/modules/ckan/open-catalog.fixtures.js';
import type { Db } from '../apps/server/src/db/connect.js';
import { platformWithResource } from './bench-platform.js';
import { onScratchDatabases } from './scratch-databases.js';

const ROWS = Number(process.argv[2] ?? 1_000_000);
const ROUNDS = Number(process.argv[3] ?? 2);
const BUILD = fileURLToPath(new URL('../apps/server/build.mjs', import.meta.url));
const SERVER = fileURLToPath(new URL('../apps/server/dist/gongshu.mjs', import.meta.url));
/**
 * An institution directory, every field public (unconditional open data): CSV goes out through
 * COPY. BENCH_MASKED=1 keeps the phone sensitive (masked), which takes the Node path.
 */
const FIELDS = process.env.BENCH_MASKED ? OPEN_FIELDS : OPEN_FIELDS.map((f) => ({ ...f, sensitivity: 'public' as const }));
const COLUMNS = FIELDS.map((f) => f.code);

/** Counts bytes and line ends of a stream without keeping it. */
function counter(): { sink: Writable; result: () => { bytes: number; lines: number; head: string } } {
  let bytes = 0;
  let lines = 0;
  let head = '';
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (head.length < 2000) head += chunk.toString('utf8', 0, Math.min(chunk.length, 2000));
      bytes += chunk.length;
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
      done();
    },
  });
  return { sink, result: () => ({ bytes, lines, head }) };
}

/** A free TCP port on the loopback interface. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

/**
 * The production server as an operator runs it: the build (dist/gongshu.mjs, made here first) under
 * plain Node, `gongshu serve` in production mode (its own secrets, no demo seed, periodic tasks on).
 */
async function startServer(url: string): Promise<{ child: ChildProcess; port: number }> {
  execFileSync(process.execPath, [BUILD], { stdio: 'inherit' });
  const port = await freePort();
  const child = spawn(
    process.execPath,
    // BENCH_SERVER_FLAGS: more node flags for the server, e.g. --max-semi-space-size=2.
    [...(process.env.BENCH_SERVER_FLAGS ?? '').split(' ').filter(Boolean), SERVER, 'serve'],
    {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_URL: url,
        PORT: String(port),
        HOST: '127.0.0.1',
        GONGSHU_SESSION_SECRET: randomBytes(32).toString('hex'),
        GONGSHU_MASK_KEY: randomBytes(32).toString('hex'),
        GONGSHU_DATA_KEYS: `bench:${randomBytes(32).toString('base64')}`,
        GONGSHU_BLIND_INDEX_KEY: randomBytes(32).toString('base64'),
        // Production backs up daily and makes the first backup at start-up: a different workload
        // in the same process (measured with it: peak 213 MB, docs/benchmarks.md), so off here.
        GONGSHU_BACKUP_INTERVAL_HOURS: '0',
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  // `serve` prints its address once it listens.
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('is running at')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
  child.stdout?.resume();
  return { child, port };
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** Peak and current resident set of a process, in MB (Linux /proc). */
async function memoryOf(pid: number): Promise<{ peakMb: number; rssMb: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { peakMb: Math.round(kb('VmHWM') / 1024), rssMb: Math.round(kb('VmRSS') / 1024) };
}

async function copyOut(url: string, table: string): Promise<{ seconds: number; bytes: number; lines: number; head: string }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const list = COLUMNS.map((c) => `"${c}"`).join(', ');
    const { sink, result } = counter();
    const started = performance.now();
    await pipeline(client.query(copyTo(`copy (select ${list} from resource_data."${table}") to stdout with (format csv, header)`)), sink);
    return { seconds: (performance.now() - started) / 1000, ...result() };
  } finally {
    await client.end();
  }
}

async function download(
  port: number,
  resourceId: string,
): Promise<{ seconds: number; bytes: number; lines: number; head: string; firstByteMs: number }> {
  const { sink, result } = counter();
  const started = performance.now();
  const res = await fetch(`http://127.0.0.1:${port}/api/open/resources/${resourceId}/download?format=csv`);
  if (res.status !== 200 || !res.body) throw new Error(`download answered ${res.status}: ${await res.text()}`);
  const firstByteMs = performance.now() - started;
  await pipeline(res.body, sink);
  return { seconds: (performance.now() - started) / 1000, firstByteMs: Math.round(firstByteMs), ...result() };
}

async function run(db: Db, url: string): Promise<void> {
  const { resourceId } = await platformWithResource(db, '培训机构名录（开放下载基准）', FIELDS, openAttributes('unconditional'));
  const { table_name: table } = await db.kysely
    .selectFrom('resource_tables')
    .select('table_name')
    .where('resource_id', '=', resourceId)
    .executeTakeFirstOrThrow();
  const generated = performance.now();
  await sql`insert into ${sql.id('resource_data', table)} (_batch_id, _loaded_at, _source_row, jgdm, jgmc, lxdh, rs, clrq)
    select '00000000-0000-4000-8000-000000000001'::uuid, now(), i, 'JG' || lpad(i::text, 8, '0'), '滕州市第' || i || '职业技能培训学校',
           '139' || lpad((i % 100000000)::text, 8, '0'), 10 + i % 500, date '2000-01-01' + (i % 9000)
    from generate_series(1, ${ROWS}::int) as i`.execute(db.kysely);
  await sql`update resource_tables set last_loaded_at = now() where resource_id = ${resourceId}`.execute(db.kysely);
  await sql`vacuum analyze ${sql.id('resource_data', table)}`.execute(db.kysely);
  console.log(`generated ${ROWS.toLocaleString('en')} rows in ${((performance.now() - generated) / 1000).toFixed(1)} s`);

  const { child, port } = await startServer(url);
  const idle = await memoryOf(child.pid ?? 0);
  console.log(`server started: RSS ${idle.rssMb} MB, peak so far ${idle.peakMb} MB`);
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      const copy = await copyOut(url, table);
      const down = await download(port, resourceId);
      const memory = await memoryOf(child.pid ?? 0);
      const copyRate = ROWS / copy.seconds;
      const downRate = ROWS / down.seconds;
      console.log(
        `round ${round}: COPY ${copy.seconds.toFixed(2)} s (${Math.round(copyRate).toLocaleString('en')} rows/s, ${(copy.bytes / 1e6).toFixed(0)} MB); ` +
          `download ${down.seconds.toFixed(2)} s (${Math.round(downRate).toLocaleString('en')} rows/s, ${(down.bytes / 1e6).toFixed(0)} MB, first byte ${down.firstByteMs} ms); ` +
          `ratio ${(downRate / copyRate).toFixed(2)}; server RSS now ${memory.rssMb} MB, peak ${memory.peakMb} MB; load average ${loadavg()
            .map((l) => l.toFixed(1))
            .join(' ')}`,
      );
      if (down.lines !== ROWS + 1 || copy.lines !== ROWS + 1) throw new Error(`lines: download ${down.lines}, COPY ${copy.lines}`);
      const [header, first] = down.head.split('\n');
      if (!header?.endsWith('引用 Citation') || !first?.includes('数据来源'))
        throw new Error(`no citation in the file: ${down.head.slice(0, 300)}`);
    }
  } finally {
    await stopServer(child);
  }
  const deliveries = await db.kysely
    .selectFrom('deliveries')
    .select(['rows', 'completed_at'])
    .where('channel', '=', 'open')
    .where('resource_id', '=', resourceId)
    .execute();
  const complete = deliveries.filter((d) => d.rows === ROWS && d.completed_at !== null).length;
  console.log(`deliveries recorded: ${deliveries.length}, complete with ${ROWS.toLocaleString('en')} rows: ${complete}`);
}

if (!process.env.BENCH_DATABASE_URL) throw new Error('set BENCH_DATABASE_URL (PostgreSQL): the comparison is with its COPY');
process.env.BENCH_ONLY = 'postgres';
const url = process.env.BENCH_DATABASE_URL;
await onScratchDatabases(async (_kind, db) => {
  // The scratch database's URL: the server process and COPY connect to the same database.
  const target = new URL(url);
  target.pathname = `/${(await sql<{ name: string }>`select current_database() as name`.execute(db.kysely)).rows[0]?.name ?? ''}`;
  await run(db, target.toString());
});
