/**
 * One database connection held for a whole backup or restore, on either engine: raw queries, COPY
 * out and in (pg-copy-streams on PostgreSQL, COPY to and from '/dev/blob' on PGlite, as the loader
 * and the open download do), and a Kysely bound to the same connection for migrations and the
 * audit entry, so everything runs inside one transaction (R29.1).
 */
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import type { Db, DatabaseKind } from '../../db/connect.js';
import type { Database } from '../../db/schema.js';

export interface Session {
  readonly kind: DatabaseKind;
  /** Kysely on the session's one connection (migrations, audit). */
  readonly kysely: Kysely<Database>;
  query<R>(text: string): Promise<R[]>;
  /** `COPY <source> TO STDOUT` (source: a table with columns, or a parenthesized select); each chunk to `sink`. */
  copyOut(source: string, sink: (chunk: Uint8Array) => void | Promise<void>): Promise<void>;
  /** `COPY <target> FROM STDIN` in text format from a file; returns the rows copied. */
  copyIn(target: string, file: string): Promise<number>;
}

/** Output settings that make COPY write the same text on every engine and process (the hashes compare across them). */
const SETTINGS = [
  "timezone = 'UTC'",
  "datestyle = 'ISO, YMD'",
  "intervalstyle = 'postgres'",
  'extra_float_digits = 1',
  "bytea_output = 'hex'",
  // A scan joining another one midway would write a table's rows in another order.
  'synchronize_seqscans = off',
];

/** Largest piece of a file given to one COPY on PGlite (it takes a whole blob in memory). */
const PGLITE_CHUNK_BYTES = 16 * 1024 * 1024;

export const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;
export const qualifiedName = (schema: string, name: string): string => `${quoteIdent(schema)}.${quoteIdent(name)}`;

/** Reads a file in pieces that end on a line end (a row of COPY's text format is one line). */
async function* lineChunks(file: string): AsyncGenerator<Uint8Array> {
  let pending: Buffer[] = [];
  let size = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) {
    pending.push(chunk as Buffer);
    size += (chunk as Buffer).length;
    if (size < PGLITE_CHUNK_BYTES) continue;
    const all = Buffer.concat(pending);
    const cut = all.lastIndexOf(0x0a) + 1;
    if (cut > 0) yield all.subarray(0, cut);
    pending = cut < all.length ? [all.subarray(cut)] : [];
    size = all.length - cut;
  }
  if (size > 0) yield Buffer.concat(pending);
}

async function withPgliteSession<T>(db: Db, work: (session: Session) => Promise<T>): Promise<T> {
  const pglite = db.pglite;
  if (!pglite) throw new Error('not a PGlite database');
  // Holding Kysely's one PGlite connection keeps every other query out for the whole session.
  return db.kysely.connection().execute((kysely) =>
    work({
      kind: 'pglite',
      kysely,
      query: async <R>(text: string) => (await pglite.query<R>(text)).rows,
      async copyOut(source, sink) {
        const result = await pglite.query(`COPY ${source} TO '/dev/blob'`);
        if (result.blob) await sink(new Uint8Array(await result.blob.arrayBuffer()));
      },
      async copyIn(target, file) {
        let rows = 0;
        for await (const piece of lineChunks(file)) {
          const result = await pglite.query(`COPY ${target} FROM '/dev/blob'`, [], { blob: new Blob([piece]) });
          rows += result.affectedRows ?? 0;
        }
        return rows;
      },
    }),
  );
}

async function withPostgresSession<T>(db: Db, work: (session: Session) => Promise<T>): Promise<T> {
  const pool = db.pool;
  if (!pool) throw new Error('not a PostgreSQL database');
  const client = await pool.connect();
  // Kysely gets the same client every time it asks, and never gives it back to the pool.
  const single = { query: client.query.bind(client), release: () => undefined } as unknown as pg.PoolClient;
  const kysely = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: { connect: async () => single, end: async () => undefined } }),
  });
  let broken: Error | undefined;
  try {
    return await work({
      kind: 'postgres',
      kysely,
      query: async <R>(text: string) => (await client.query(text)).rows as R[],
      async copyOut(source, sink) {
        const stream = client.query(copyTo(`COPY ${source} TO STDOUT`));
        for await (const chunk of stream) await sink(chunk as Buffer);
      },
      async copyIn(target, file) {
        const stream = client.query(copyFrom(`COPY ${target} FROM STDIN`));
        await pipeline(createReadStream(file), stream);
        return stream.rowCount;
      },
    });
  } catch (error) {
    broken = error as Error;
    throw error;
  } finally {
    await kysely.destroy();
    // A connection that failed in the middle of a COPY is not given back to the pool.
    client.release(broken);
  }
}

/** Runs `work` on one connection of the database. */
export function withSession<T>(db: Db, work: (session: Session) => Promise<T>): Promise<T> {
  return db.kind === 'pglite' ? withPgliteSession(db, work) : withPostgresSession(db, work);
}

/** BEGIN (with `mode`, e.g. 'isolation level repeatable read read only'), the output settings, work, COMMIT; ROLLBACK on error. */
export async function inTransaction<T>(session: Session, mode: string, work: () => Promise<T>): Promise<T> {
  await session.query(`begin ${mode}`.trim());
  try {
    for (const setting of SETTINGS) await session.query(`set local ${setting}`);
    const result = await work();
    await session.query('commit');
    return result;
  } catch (error) {
    await session.query('rollback').catch(() => undefined);
    throw error;
  }
}

/** Whether a relation exists (e.g. 'public.audit_log'). */
export async function relationExists(session: Session, name: string): Promise<boolean> {
  const rows = await session.query<{ ok: boolean }>(`select to_regclass('${name.replaceAll("'", "''")}') is not null as ok`);
  return rows[0]?.ok === true;
}
