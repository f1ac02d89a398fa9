/**
 * The CSV download on PostgreSQL when every delivered column can be written by SQL (unmasked, the
 * usual case of open data, or masked by a mask the derivatives also write in SQL):
 * the rows are written by PostgreSQL itself, `COPY (select …) TO STDOUT WITH (FORMAT csv)`, instead
 * of being parsed into objects and formatted again in Node (the benchmark: ≥ 0.5× a plain
 * COPY; bench/open-download.ts). As the exit's extract, it reads the table range of blocks by range
 * of blocks (a TID range scan, no sort), and each range is read whole into memory (a few MB) before
 * it is written, so a slow client never holds a statement, a snapshot or a lock on the table (a
 * replace load must not wait for a download); the next range is read while this one is sent. The
 * first rows, up to the first non-empty batch, go through the Node path to carry the citation line
 * in the 引用 Citation column; COPY's rows leave that column empty (NULL). Values are cast so that
 * both paths write the same text: booleans as true/false, timestamps as ISO 8601 in UTC.
 */
import type { ExitRecord } from '@gongshu/contracts';
import type { FieldSpec, MaskKind } from '@gongshu/domain';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { Executor } from '../../db/executor.js';
import { DATA_SCHEMA } from '../aggregation/data-tables.js';
import { treatmentSql } from '../derivatives/derivative-sql.js';
import { readBlocks, tableExtent } from '../exit/exit-queries.js';
import type { ExtractColumn, ExtractEnd } from '../exit/extract-writers.js';
import { quote } from './open-data.repository.js';
import { csvHeader, csvLines } from './open-writers.js';

/** Blocks per COPY range (about 10,000–15,000 rows, 1–2 MB, of a typical open resource). */
export const COPY_BLOCKS = 256;
/** Blocks of the first batches read through Node (until one carries the citation). */
const FIRST_BLOCKS = 64;

/** The select expression that writes an unmasked field as the Node path presents it. */
function plainExpression(code: string, dataType: FieldSpec['dataType']): string {
  const c = quote(code);
  if (dataType === 'boolean') return `case when ${c} then 'true' when not ${c} then 'false' end`;
  if (dataType === 'datetime') return `to_char(${c} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  return c;
}

/**
 * The select expressions of the delivered fields for COPY, or null when one of them can only be
 * masked in Node: a keyed hash (its key never goes to the database), or a masked date-time (the
 * SQL masks read date-times in China time, the Node path in UTC). Other masks are the SQL of the
 * derivatives (derivative-sql.ts, tested there against the domain's masking on the database).
 */
export function copyExpressions(
  db: Executor,
  fields: readonly { code: string; dataType: FieldSpec['dataType']; mask: MaskKind }[],
): string[] | null {
  const out: string[] = [];
  for (const f of fields) {
    if (f.mask.kind === 'none') {
      out.push(plainExpression(f.code, f.dataType));
      continue;
    }
    if (f.mask.kind === 'hash' || f.dataType === 'datetime') return null;
    const compiled = treatmentSql(f.code, f.dataType, { kind: 'mask', mask: f.mask })?.compile(db);
    // Only identifiers, integers and literals: COPY takes no parameters.
    if (!compiled || compiled.parameters.length > 0) return null;
    out.push(compiled.sql);
  }
  return out;
}

async function copyRange(pool: pg.Pool, text: string): Promise<{ buffers: Buffer[]; rows: number }> {
  const client = await pool.connect();
  try {
    const stream = client.query(copyTo(text));
    const buffers: Buffer[] = [];
    for await (const chunk of stream) buffers.push(chunk as Buffer);
    client.release();
    return { buffers, rows: stream.rowCount };
  } catch (error) {
    // A connection that failed in the middle of a COPY is not given back to the pool.
    client.release(error as Error);
    throw error;
  }
}

export async function* copyCsvChunks(input: {
  db: Executor;
  pool: pg.Pool;
  table: string;
  extent: { oid: number; blocks: number };
  codes: readonly string[];
  /** The select expressions of the codes (copyExpressions). */
  expressions: readonly string[];
  columns: readonly ExtractColumn[];
  present: (row: Record<string, unknown>) => ExitRecord;
  citation: string;
  end: ExtractEnd;
}): AsyncGenerator<Buffer> {
  const { db, pool, table, extent, codes } = input;
  const select = `${input.expressions.join(', ')}, null`;
  const ref = `${quote(DATA_SCHEMA)}.${quote(table)}`;
  const same = async () => {
    // A replace load swaps the table: stop rather than mix two versions of the data.
    const now = await tableExtent(db, table);
    if (now?.oid !== extent.oid) throw new Error('the resource’s data was replaced during the download');
  };
  const range = async (from: number) => {
    await same();
    const to = from + COPY_BLOCKS;
    return copyRange(
      pool,
      `copy (select ${select} from ${ref} where ctid >= '(${from},0)'::tid and ctid < '(${to},0)'::tid) to stdout with (format csv)`,
    );
  };
  let rows = 0;
  let complete = false;
  let next: Promise<{ buffers: Buffer[]; rows: number }> | null = null;
  try {
    yield csvHeader(input.columns);
    let from = 0;
    while (rows === 0 && from < extent.blocks) {
      await same();
      const batch = await readBlocks(db, table, codes, from, from + FIRST_BLOCKS);
      from += FIRST_BLOCKS;
      if (batch.length === 0) continue;
      yield Buffer.from(csvLines(input.columns, batch.map(input.present), input.citation));
      rows += batch.length;
    }
    const prefetch = (at: number) => {
      const p = range(at);
      p.catch(() => undefined);
      return p;
    };
    next = from < extent.blocks ? prefetch(from) : null;
    while (next) {
      const chunk: { buffers: Buffer[]; rows: number } = await next;
      from += COPY_BLOCKS;
      next = from < extent.blocks ? prefetch(from) : null;
      for (const buffer of chunk.buffers) yield buffer;
      rows += chunk.rows;
    }
    complete = true;
  } finally {
    // A download cut off while the next range is read: let it finish and give its connection back.
    if (next) await next.catch(() => undefined);
    await input.end(rows, complete);
  }
}
