/**
 * One load, end to end (issue 5 items 2–5, decision 3): rows are read as a stream, checked, and
 * the good ones copied into a staging table while problem rows are kept aside (R12.2); then, in
 * one short transaction, the staging data replaces, extends or upserts the resource's table, so
 * readers see the old data or the new, never a half. A crash leaves only a staging table, which the
 * janitor drops; the same load can simply be run again.
 */
import { createRowChecker, type FieldSpec, type QualityRules, type RowProblem } from '@gongshu/domain';
import { sql } from 'kysely';
import type { PoolClient } from 'pg';
import type { Db } from '../../db/connect.js';
import type { Executor } from '../../db/executor.js';
import { openPgliteSink, openPostgresSink, type CopySink } from './copy-sink.js';
import { createDataTable, createIdentifierIndex, qualified, PROVENANCE_COLUMNS } from './data-tables.js';
import type { RowSource } from './load-sources.js';
import { blindIndexColumn, blindIndexColumns, refuseOnEncrypted, type EncryptedColumn } from '../encryption/encryption-layout.js';

export type LoadMode = 'replace' | 'append' | 'upsert';

export interface PipelineInput {
  readonly db: Db;
  readonly batchId: string;
  readonly mode: LoadMode;
  readonly table: string;
  readonly identifierColumn: string | null;
  readonly fields: readonly FieldSpec[];
  readonly rules: QualityRules;
  readonly loadedAt: Date;
  readonly source: RowSource;
  /** R29.1: encrypts a validated row (and appends its blind indexes) before it is written; null when nothing is encrypted. */
  readonly encrypt?: ((values: readonly (string | null)[]) => (string | null)[]) | null;
  /** Called now and then with the rows read so far. */
  readonly onProgress?: (rowsRead: number) => Promise<void> | void;
  /** Receives problem rows in batches. */
  readonly onProblems: (
    rows: readonly { number: number; problems: readonly RowProblem[]; raw: Record<string, unknown> }[],
  ) => Promise<void>;
}

export interface PipelineCounts {
  rowsRead: number;
  rowsLoaded: number;
  rowsQuarantined: number;
}

export const stagingTableOf = (table: string, batchId: string) => `${table}__s_${batchId.replaceAll('-', '').slice(0, 12)}`.slice(0, 63);
const PROBLEM_FLUSH = 500;
const PROGRESS_EVERY = 20_000;

/** Reads, checks and stages every row; returns the counts. The staging table exists afterwards. */
export async function stageRows(input: PipelineInput, sink: CopySink): Promise<PipelineCounts> {
  const checker = createRowChecker(input.fields, input.rules);
  const counts: PipelineCounts = { rowsRead: 0, rowsLoaded: 0, rowsQuarantined: 0 };
  let problems: { number: number; problems: readonly RowProblem[]; raw: Record<string, unknown> }[] = [];
  const batchId = input.batchId;
  const loadedAt = input.loadedAt.toISOString();
  for await (const batch of input.source.rows()) {
    for (const row of batch) {
      counts.rowsRead++;
      const result = row.ragged
        ? ({
            ok: false,
            problems: [
              {
                column: '',
                rule: 'columns',
                requirement: 'R12.2',
                message:
                  row.ragged.actual < 0
                    ? { zh: '该行不是有效的 JSON 对象', en: 'The line is not a valid JSON object' }
                    : {
                        zh: `该行有 ${row.ragged.actual} 列，表头有 ${row.ragged.expected} 列`,
                        en: `The row has ${row.ragged.actual} cells, the header ${row.ragged.expected}`,
                      },
              },
            ],
          } as const)
        : checker.check(row.values);
      if (result.ok) {
        // The sink returns a promise only when it must wait for the database (backpressure).
        // Validated in clear, encrypted before it is written (R29.1).
        const values = input.encrypt ? input.encrypt(result.values) : result.values;
        const waiting = sink.write(values, batchId, loadedAt, row.number);
        if (waiting) await waiting;
        counts.rowsLoaded++;
      } else {
        counts.rowsQuarantined++;
        problems.push({ number: row.number, problems: result.problems, raw: row.raw() });
        if (problems.length >= PROBLEM_FLUSH) {
          await input.onProblems(problems);
          problems = [];
        }
      }
      if (counts.rowsRead % PROGRESS_EVERY === 0) await input.onProgress?.(counts.rowsRead);
    }
  }
  await sink.finish();
  if (problems.length > 0) await input.onProblems(problems);
  return counts;
}

/** Opens the sink for a staging table on either database; `client` is PostgreSQL's dedicated connection. */
export async function openSink(
  db: Db,
  client: PoolClient | null,
  staging: string,
  fields: readonly FieldSpec[],
  layout: readonly EncryptedColumn[] = [],
): Promise<CopySink> {
  const columns = [...fields.map((f) => f.code), ...blindIndexColumns(layout), ...PROVENANCE_COLUMNS];
  return client ? openPostgresSink(client, staging, columns) : openPgliteSink(db, staging, columns);
}

export async function createStaging(
  db: Executor,
  staging: string,
  fields: readonly FieldSpec[],
  layout: readonly EncryptedColumn[] = [],
): Promise<void> {
  await sql`drop table if exists ${qualified(staging)}`.execute(db);
  await createDataTable(db, staging, fields, layout);
}

export async function dropStaging(db: Executor, staging: string): Promise<void> {
  await sql`drop table if exists ${qualified(staging)}`.execute(db);
}

/**
 * Publishes the staged rows in the caller's transaction: replace swaps the tables by renaming
 * (the index is built on the staging table first, outside the transaction); append inserts;
 * upsert deletes the rows whose identifier comes again, then inserts. Returns the new row count.
 */
export async function mergeStaging(
  trx: Executor,
  input: {
    mode: LoadMode;
    table: string;
    staging: string;
    identifierColumn: string | null;
    fields: readonly FieldSpec[];
    batchId: string;
    layout?: readonly EncryptedColumn[];
  },
): Promise<number> {
  const main = qualified(input.table);
  const staging = qualified(input.staging);
  const layout = input.layout ?? [];
  const columns = sql.join([
    ...input.fields.map((f) => sql.id(f.code)),
    ...blindIndexColumns(layout).map((c) => sql.id(c)),
    ...PROVENANCE_COLUMNS.map((c) => sql.id(c)),
  ]);
  // Serialise merges of the same table (several processes may load).
  await sql`lock table ${main} in access exclusive mode`.execute(trx);
  if (input.mode === 'replace') {
    const old = `${input.table}__old_${input.batchId.replaceAll('-', '').slice(0, 12)}`.slice(0, 63);
    await sql`alter table ${main} rename to ${sql.id(old)}`.execute(trx);
    await sql`alter table ${staging} rename to ${sql.id(input.table)}`.execute(trx);
    await sql`drop table ${qualified(old)}`.execute(trx);
  } else {
    if (input.mode === 'upsert') {
      if (!input.identifierColumn) throw new Error('upsert needs an identifier column');
      // An encrypted identifier is matched by its blind index (ciphertexts of equal values differ, R29.1).
      const encrypted = layout.find((c) => c.code === input.identifierColumn);
      if (encrypted && !encrypted.blindIndex)
        refuseOnEncrypted(input.identifierColumn, { zh: '按标识更新', en: 'an upsert by identifier' });
      const id = sql.id(encrypted ? blindIndexColumn(input.identifierColumn) : input.identifierColumn);
      await sql`delete from ${main} m using ${staging} s where m.${id} = s.${id}`.execute(trx);
    }
    await sql`insert into ${main} (${columns}) select ${columns} from ${staging}`.execute(trx);
    await sql`drop table ${staging}`.execute(trx);
  }
  const count = await sql<{ n: number }>`select count(*)::bigint as n from ${main}`.execute(trx);
  return count.rows[0]?.n ?? 0;
}

export async function indexStaging(
  db: Executor,
  staging: string,
  identifierColumn: string | null,
  layout: readonly EncryptedColumn[] = [],
): Promise<void> {
  await createIdentifierIndex(db, staging, identifierColumn, layout);
}

/**
 * The reference rule (R12.1): staged rows whose value is missing from another resource's
 * identifier column are taken out of the staging table and returned as problem rows.
 */
export async function removeBrokenReferences(
  db: Executor,
  input: {
    staging: string;
    fields: readonly FieldSpec[];
    references: readonly {
      column: string;
      targetTable: string;
      targetColumn: string;
      resourceCode: string;
      /** The target table's encryption layout (R29.1). */
      targetLayout?: readonly EncryptedColumn[];
    }[];
    /** The loaded table's encryption layout, and how removed rows are decrypted for the problem list (R29.1). */
    layout?: readonly EncryptedColumn[];
    decrypt?: ((row: Record<string, unknown>) => Record<string, unknown>) | null;
  },
): Promise<{ number: number; problems: RowProblem[]; raw: Record<string, unknown> }[]> {
  const out: { number: number; problems: RowProblem[]; raw: Record<string, unknown> }[] = [];
  const names = new Map(input.fields.map((f) => [f.code, f.name]));
  const layout = input.layout ?? [];
  const drop = blindIndexColumns(layout).reduce((acc, c) => sql`${acc} - ${sql.lit(c)}`, sql`'_source_row'`);
  for (const ref of input.references) {
    // R29.1: an encrypted value is compared through the blind index on both sides; a comparison of
    // ciphertext with clear text (one side encrypted, the other not) is refused, never computed.
    const source = layout.find((c) => c.code === ref.column);
    const target = (ref.targetLayout ?? []).find((c) => c.code === ref.targetColumn);
    if ((source || target) && !(source?.blindIndex && target?.blindIndex)) {
      refuseOnEncrypted(source ? ref.column : `${ref.resourceCode}.${ref.targetColumn}`, {
        zh: '与未加密（或无盲索引）的信息项作引用核对',
        en: 'a reference check against a field that is not encrypted with a blind index',
      });
    }
    const column = sql.id(source ? blindIndexColumn(ref.column) : ref.column);
    const targetColumn = sql.id(target ? blindIndexColumn(ref.targetColumn) : ref.targetColumn);
    const removed = await sql<{ _source_row: number; row: Record<string, unknown> }>`
      delete from ${qualified(input.staging)} s
      where s.${column} is not null
        and not exists (select 1 from ${qualified(ref.targetTable)} t where t.${targetColumn}::text = s.${column}::text)
      returning s._source_row, to_jsonb(s) - '_batch_id' - '_loaded_at' - ${drop} as row`.execute(db);
    for (const r of removed.rows) {
      if (input.decrypt) input.decrypt(r.row);
      out.push({
        number: r._source_row,
        raw: r.row,
        problems: [
          {
            column: ref.column,
            rule: 'reference',
            requirement: 'R12.1',
            message: {
              zh: `${names.get(ref.column) ?? ref.column}“${String(r.row[ref.column])}”在资源 ${ref.resourceCode} 中不存在`,
              en: `${ref.column} "${String(r.row[ref.column])}" does not exist in resource ${ref.resourceCode}`,
            },
          },
        ],
      });
    }
  }
  return out;
}
