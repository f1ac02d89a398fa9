/**
 * Test harness: a fresh copy of the migrated demo database per call (PGlite, or PostgreSQL when
 * TEST_DATABASE_URL is set), the real services and HTTP app on it, a clock tests can move, and
 * sign-in helpers. No mocks of our own database.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { loadConfig, type Config } from '../src/config.js';
import { openDatabase, PGLITE_PARSERS, type Db } from '../src/db/connect.js';
import { buildApp } from '../src/http/app.js';
import type { App } from '../src/http/types.js';
import { DEMO_PASSWORD } from '../src/modules/seed/demo-city.js';
import { createServices, type Services } from '../src/services.js';
import { workerLogFiles } from './log-scan.js';

export interface TestClock {
  (): Date;
  set(at: Date | string): void;
  advance(ms: number): void;
}

export function testClock(start: Date | string = '2026-03-02T09:00:00+08:00'): TestClock {
  let now = new Date(start);
  const clock = (() => new Date(now)) as TestClock;
  clock.set = (at) => {
    now = new Date(at);
  };
  clock.advance = (ms) => {
    now = new Date(now.getTime() + ms);
  };
  return clock;
}

/**
 * A fresh database with the demo city (or, with `empty`, without any table); close() drops it.
 */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<Db> {
  const source = inject('testDatabase');
  if (source.kind === 'pglite') {
    const loadDataDir = options.empty ? undefined : new Blob([await readFile(source.dump)]);
    const pglite = await PGlite.create({ ...(loadDataDir ? { loadDataDir } : {}), parsers: PGLITE_PARSERS });
    return openDatabase({ pglite });
  }
  const name = `gongshu_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: source.url });
  await admin.connect();
  try {
    await admin.query(`create database ${name}${options.empty ? '' : ` template ${source.template}`}`);
  } finally {
    await admin.end();
  }
  const url = new URL(source.url);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString(), poolSize: 4 });
  return {
    ...db,
    close: async () => {
      await db.close();
      const dropper = new pg.Client({ connectionString: source.url });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

export interface SignedIn {
  readonly headers: Record<string, string>;
  readonly csrfToken: string;
  readonly cookies: Record<string, string>;
}

export interface Harness {
  readonly app: App;
  readonly services: Services;
  readonly database: Db;
  readonly db: Services['db'];
  readonly clock: TestClock;
  readonly config: Config;
  signIn(username: string, password?: string): Promise<SignedIn>;
  close(): Promise<void>;
}

export function parseSetCookies(header: string | string[] | undefined): Record<string, string> {
  const list = header === undefined ? [] : Array.isArray(header) ? header : [header];
  const cookies: Record<string, string> = {};
  for (const line of list) {
    const [pair] = line.split(';');
    const eq = pair?.indexOf('=') ?? -1;
    if (pair && eq > 0) cookies[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return cookies;
}

let workerLogs: ReturnType<typeof workerLogFiles> | null = null;
/** This worker's log file and token record in the run's log folder (one per process, shared by its harnesses). */
function runLogs(): ReturnType<typeof workerLogFiles> {
  return (workerLogs ??= workerLogFiles(inject('testLogDir')));
}

/** For apps a test builds itself (buildApp): the run's scanned log file. */
export function testLogStream(): NodeJS.WritableStream {
  return runLogs().stream;
}

export async function createHarness(
  options: { clock?: TestClock; env?: Record<string, string>; logStream?: NodeJS.WritableStream } = {},
): Promise<Harness> {
  const clock = options.clock ?? testClock();
  // Without a stream of its own, the app logs at info to the run's log files, scanned for personal data at the end (log-scan.ts).
  const logs = options.logStream ? null : runLogs();
  const config = loadConfig({ NODE_ENV: 'test', GONGSHU_LOGIN_RATE_LIMIT: '1000', ...(logs ? { LOG_LEVEL: 'info' } : {}), ...options.env });
  const database = await createTestDatabase();
  const services = createServices(database, config, clock);
  const logStream = options.logStream ?? logs?.stream;
  const app = await buildApp({ config, services, ...(logStream ? { logStream } : {}) });
  await app.ready();
  return {
    app,
    services,
    database,
    db: database.kysely,
    clock,
    config,
    async signIn(username, password = DEMO_PASSWORD) {
      const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (response.statusCode !== 200) throw new Error(`sign-in as ${username} failed: ${response.statusCode} ${response.body}`);
      const cookies = parseSetCookies(response.headers['set-cookie']);
      const csrfToken = response.json<{ csrfToken: string }>().csrfToken;
      for (const token of [csrfToken, ...Object.values(cookies)]) logs?.recordToken(token);
      const cookie = Object.entries(cookies)
        .map(([k, v]) => `${k}=${v}`)
        .join('; ');
      return { cookies, csrfToken, headers: { cookie, 'x-csrf-token': csrfToken } };
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/**
 * A copy of the demo database that another process (the gongshu CLI) can open: a PGlite data
 * folder, or a PostgreSQL database. `env` is what to pass to the CLI.
 */
export interface SharedTestDatabase {
  readonly env: Record<string, string>;
  open(): Promise<Db>;
  cleanup(): Promise<void>;
}

export async function createSharedTestDatabase(): Promise<SharedTestDatabase> {
  const source = inject('testDatabase');
  if (source.kind === 'pglite') {
    const { mkdtemp, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const root = await mkdtemp(path.join(tmpdir(), 'gongshu-cli-'));
    const dir = path.join(root, 'pglite');
    const seeded = await PGlite.create(dir, { loadDataDir: new Blob([await readFile(source.dump)]), parsers: PGLITE_PARSERS });
    await seeded.close();
    return {
      env: { GONGSHU_DATA_DIR: root },
      open: async () => openDatabase({ dataDir: dir }),
      cleanup: () => rm(root, { recursive: true, force: true }),
    };
  }
  const name = `gongshu_cli_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: source.url });
  await admin.connect();
  await admin.query(`create database ${name} template ${source.template}`);
  await admin.end();
  const url = new URL(source.url);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    open: () => openDatabase({ url: url.toString(), poolSize: 2 }),
    cleanup: async () => {
      const dropper = new pg.Client({ connectionString: source.url });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
