/**
 * Atomic loads (issue 5 item 3): the loading process is killed with SIGKILL in the middle of a
 * load; the data is unchanged, the janitor clears the interrupted batch, and the same load run
 * again succeeds. On PGlite (a data folder) and PostgreSQL alike.
 */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { finished } from 'node:stream/promises';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { createSharedTestDatabase, testClock } from '../../../test/harness.js';
import type { Db } from '../../db/connect.js';
import { createServices } from '../../services.js';
import { demoActors } from '../seed/demo-actors.js';
import { csvOf, goodRows, HEADER, publishResource, tempFile } from './aggregation.fixtures.js';
import { qualified } from './data-tables.js';

const CLI = fileURLToPath(new URL('../../../bin/gongshu.js', import.meta.url));
const ROWS = 300_000;

async function bigFile(): Promise<string> {
  const file = await tempFile('big.csv', `${HEADER}\n`);
  const out = createWriteStream(file, { flags: 'a' });
  for (let from = 0; from < ROWS; from += 10_000) out.write(`${goodRows(10_000, from).join('\n')}\n`);
  out.end();
  await finished(out);
  return file;
}

describe('a load killed half-way (kill -9)', () => {
  it('leaves the data unchanged, is cleared at restart, and succeeds when run again', { timeout: 240_000 }, async () => {
    const shared = await createSharedTestDatabase();
    const clock = testClock();
    const open = async (): Promise<{ db: Db; services: ReturnType<typeof createServices> }> => {
      const db = await shared.open();
      return { db, services: createServices(db, loadConfig({ NODE_ENV: 'test', ...shared.env }), clock) };
    };
    try {
      let { db, services } = await open();
      const harnessLike = { db: db.kysely, services } as unknown as Parameters<typeof publishResource>[0];
      const resource = await publishResource(harnessLike);
      const steward = await demoActors(db.kysely)('hrss-steward');
      const first = await services.loads.loadFile(steward, resource.resourceId, await tempFile('first.csv', csvOf(goodRows(100))), {
        mode: 'replace',
        format: 'csv',
      });
      expect(first.state).toBe('loaded');
      await db.close();

      const file = await bigFile();
      const child = spawn(process.execPath, [CLI, 'load', resource.code, file, '--as', 'hrss-steward'], {
        env: { ...process.env, ...shared.env, NODE_ENV: 'development', GONGSHU_SEED_DEMO: 'false', LOG_LEVEL: 'silent' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let progress = '';
      await new Promise<void>((resolve, reject) => {
        child.stderr.on('data', (chunk: Buffer) => {
          progress += chunk.toString();
          const rows = [...progress.matchAll(/([\d,]+) rows/g)].map((m) => Number((m[1] ?? '0').replaceAll(',', '')));
          if (rows.some((n) => n >= 40_000 && n < ROWS)) {
            child.kill('SIGKILL');
            resolve();
          }
        });
        child.on('exit', () => resolve());
        child.on('error', reject);
      });
      await new Promise((r) => child.once('exit', r).once('close', r));
      expect(child.signalCode).toBe('SIGKILL');

      ({ db, services } = await open());
      const count = async () =>
        (await sql<{ n: number }>`select count(*)::bigint as n from ${qualified(resource.table)}`.execute(db.kysely)).rows[0]?.n;
      expect(await count()).toBe(100);
      const interrupted = await db.kysely
        .selectFrom('load_batches')
        .selectAll()
        .where('resource_id', '=', resource.resourceId)
        .where('state', '=', 'running')
        .execute();
      expect(interrupted).toHaveLength(1);

      expect(await services.loads.recoverInterrupted()).toBe(1);
      const failed = await db.kysely
        .selectFrom('load_batches')
        .selectAll()
        .where('id', '=', interrupted[0]?.id ?? '')
        .executeTakeFirstOrThrow();
      expect(failed).toMatchObject({ state: 'failed', message: { code: 'LOAD_INTERRUPTED' } });
      const staging = await sql<{
        n: number;
      }>`select count(*)::int as n from pg_tables where schemaname = 'resource_data' and tablename like '%__s_%'`.execute(db.kysely);
      expect(staging.rows[0]?.n).toBe(0);
      expect(await count()).toBe(100);

      const again = await services.loads.loadFile(await demoActors(db.kysely)('hrss-steward'), resource.resourceId, file, {
        mode: 'replace',
        format: 'csv',
      });
      expect(again).toMatchObject({ state: 'loaded', rows_loaded: ROWS });
      expect(await count()).toBe(ROWS);
      await db.close();
    } finally {
      await shared.cleanup();
    }
  });
});
