/**
 * The two servers of bench/exit.ts, each run in its own process (forked by the benchmark, which
 * sends it the port over IPC and stops it by its pid):
 *   bare     — Fastify + pg: `select * … where sfzh = $1` on the resource's table, nothing else (at
 *              BENCH_LEVEL=3 `where sfzh__bidx = $1` with the blind index it computes, rows as stored);
 *   platform — the real platform (createServices + buildApp) with its lookup route.
 * Env: BENCH_MODE=bare|platform, DATABASE_URL, BENCH_TABLE (bare). The platform logs at its default
 * level (info) to the ignored stdout, as a deployment would log somewhere.
 */
import Fastify from 'fastify';
import pg from 'pg';
import { loadConfig } from '../apps/server/src/config.js';
import { systemClock } from '../apps/server/src/context.js';
import { openDatabase } from '../apps/server/src/db/connect.js';
import { buildApp } from '../apps/server/src/http/app.js';
import { fieldCipherOf } from '../apps/server/src/modules/encryption/field-cipher.js';
import { createServices } from '../apps/server/src/services.js';

const mode = process.env.BENCH_MODE;
const url = process.env.DATABASE_URL ?? '';

async function bare(): Promise<number> {
  const table = process.env.BENCH_TABLE ?? '';
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const encrypted = process.env.BENCH_LEVEL === '3';
  const cipher = fieldCipherOf(loadConfig({ NODE_ENV: 'development' }));
  const text = `select * from resource_data."${table}" where ${encrypted ? 'sfzh__bidx' : 'sfzh'} = $1`;
  const app = Fastify({ logger: false });
  app.get<{ Params: { key: string } }>('/bare/:key', async (request) => {
    const key = encrypted ? cipher.blindIndex(request.params.key) : request.params.key;
    const result = await pool.query(text, [key]);
    return { record: result.rows[0] ?? null };
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

async function platform(): Promise<number> {
  const config = loadConfig({
    NODE_ENV: 'development',
    DATABASE_URL: url,
    GONGSHU_SEED_DEMO: 'false',
    GONGSHU_SWEEP_SECONDS: '0',
    ...(process.env.LOG_LEVEL ? { LOG_LEVEL: process.env.LOG_LEVEL } : {}),
  });
  const db = await openDatabase({ url });
  const services = createServices(db, config, systemClock);
  const app = await buildApp({ config, services });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

const port = mode === 'bare' ? await bare() : await platform();
process.send?.({ port });
const started = process.cpuUsage();
// Stopped by the benchmark: report the CPU time spent serving, and exit normally (so that a
// --cpu-prof profile gets written).
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    const used = process.cpuUsage(started);
    process.send?.({ cpuMs: Math.round((used.user + used.system) / 1000) }, () => process.exit(0));
  });
}
