/**
 * Runs a benchmark on a fresh in-memory PGlite database and, when BENCH_DATABASE_URL is set, on a
 * scratch PostgreSQL database created for the run and dropped after it (BENCH_KEEP=1 keeps it;
 * BENCH_ONLY=pglite|postgres runs one).
 */
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { openDatabase, PGLITE_PARSERS, type Db } from '../apps/server/src/db/connect.js';

export async function onScratchDatabases(run: (kind: 'pglite' | 'postgres', db: Db) => Promise<void>): Promise<void> {
  const only = process.env.BENCH_ONLY;
  if (only !== 'postgres') {
    const db = await openDatabase({ pglite: await PGlite.create({ parsers: PGLITE_PARSERS }) });
    try {
      await run('pglite', db);
    } finally {
      await db.close();
    }
  }
  const url = process.env.BENCH_DATABASE_URL;
  if (!url || only === 'pglite') return;
  const name = `gongshu_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const db = await openDatabase({ url: target.toString() });
  try {
    await run('postgres', db);
  } finally {
    await db.close();
    if (process.env.BENCH_KEEP) console.log(`kept database ${name}`);
    else await admin.query(`drop database ${name} with (force)`);
    await admin.end();
  }
}
