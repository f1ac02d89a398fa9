/**
 * Writes validated rows into a staging table as fast as the database takes them (decision 3):
 * COPY FROM STDIN through pg-copy-streams on PostgreSQL, chunked COPY from a blob on PGlite
 * (its fastest path), both with bounded memory.
 */
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { PoolClient } from 'pg';
import type { Db } from '../../db/connect.js';
import { DATA_SCHEMA } from './data-tables.js';

export interface CopySink {
  /** One row: the field values, then the provenance columns. */
  write(values: readonly (string | null)[], batchId: string, loadedAt: string, sourceRow: number): Promise<void> | void;
  finish(): Promise<void>;
  abort(): Promise<void>;
}

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One CSV field as COPY reads it: null is an unquoted empty field, text is quoted when needed. */
function field(v: string | null | undefined): string {
  if (v === null || v === undefined) return '';
  return v === '' || NEEDS_QUOTES.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

/** One CSV line: the values, then the provenance columns (batch, load time, source row). */
export function csvLine(values: readonly (string | null)[], batchId: string, loadedAt: string, sourceRow: number): string {
  let line = '';
  for (let i = 0; i < values.length; i++) line += `${field(values[i])},`;
  return `${line}${batchId},${loadedAt},${sourceRow}\n`;
}

function copyStatement(table: string, columns: readonly string[]): string {
  const cols = columns.map((c) => `"${c.replaceAll('"', '""')}"`).join(', ');
  return `COPY "${DATA_SCHEMA}"."${table.replaceAll('"', '""')}" (${cols}) FROM STDIN WITH (FORMAT csv)`;
}

const CHUNK_CHARS = 256 * 1024;
const PGLITE_CHUNK_ROWS = 20_000;

/**
 * On PostgreSQL the sink owns a pooled client for the whole load; `client` is also where the
 * loader holds its advisory lock (so a janitor can tell a live load from a dead one).
 */
export async function openPostgresSink(client: PoolClient, table: string, columns: readonly string[]): Promise<CopySink> {
  const stream = client.query(copyFrom(copyStatement(table, columns)));
  let buffer = '';
  const flush = async () => {
    if (buffer.length === 0) return;
    const chunk = buffer;
    buffer = '';
    if (!stream.write(chunk)) await once(stream, 'drain');
  };
  return {
    write(values, batchId, loadedAt, sourceRow) {
      buffer += csvLine(values, batchId, loadedAt, sourceRow);
      return buffer.length >= CHUNK_CHARS ? flush() : undefined;
    },
    async finish() {
      await flush();
      stream.end();
      await finished(stream);
    },
    async abort() {
      stream.destroy();
      await finished(stream).catch(() => undefined);
    },
  };
}

/** On PGlite each chunk is one COPY under the connection lock, so other requests run between chunks. */
export function openPgliteSink(db: Db, table: string, columns: readonly string[]): CopySink {
  const pglite = db.pglite;
  if (!pglite) throw new Error('not a PGlite database');
  const statement = copyStatement(table, columns).replace('FROM STDIN', "FROM '/dev/blob'");
  let lines: string[] = [];
  const flush = async () => {
    if (lines.length === 0) return;
    const blob = new Blob(lines);
    lines = [];
    // Holding Kysely's single PGlite connection keeps every other query out while the chunk copies.
    await db.kysely.connection().execute(async () => {
      await pglite.query(statement, [], { blob });
    });
  };
  return {
    write(values, batchId, loadedAt, sourceRow) {
      lines.push(csvLine(values, batchId, loadedAt, sourceRow));
      return lines.length >= PGLITE_CHUNK_ROWS ? flush() : undefined;
    },
    finish: flush,
    async abort() {
      lines = [];
    },
  };
}
