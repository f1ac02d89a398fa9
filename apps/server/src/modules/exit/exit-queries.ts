/**
 * The reads of the exit on a resource's data table: lookup by identifier, filtered page, and the
 * block-range batches of a bulk extract. Column names are field codes (validated identifiers of
 * the catalog) and always quoted; values are always parameters.
 */
import { fail, type FieldSpec } from '@gongshu/domain';
import { CompiledQuery, sql } from 'kysely';
import type { Executor } from '../../db/executor.js';
import { DATA_SCHEMA } from '../aggregation/data-tables.js';

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
const tableRef = (table: string) => `${quote(DATA_SCHEMA)}.${quote(table)}`;
const selectList = (codes: readonly string[]) => codes.map(quote).join(', ');

export interface ExitFilter {
  readonly field: string;
  readonly op: 'eq' | 'prefix' | 'gte' | 'lte';
  readonly value: string;
}

const CHECKS: Record<FieldSpec['dataType'], (v: string) => boolean> = {
  string: () => true,
  integer: (v) => /^-?\d{1,18}$/.test(v),
  decimal: (v) => /^-?\d{1,30}(\.\d{1,30})?$/.test(v),
  date: (v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)),
  datetime: (v) => !Number.isNaN(Date.parse(v)),
  boolean: (v) => v === 'true' || v === 'false',
};
const CASTS: Record<FieldSpec['dataType'], string> = {
  string: 'text',
  integer: 'bigint',
  decimal: 'numeric',
  date: 'date',
  datetime: 'timestamptz',
  boolean: 'boolean',
};

/** WHERE clause and parameters of a filtered query; a value that does not fit its field is refused. */
export function whereOf(filters: readonly ExitFilter[], specs: ReadonlyMap<string, FieldSpec>): { text: string; params: string[] } {
  const params: string[] = [];
  const parts = filters.map((f) => {
    const spec = specs.get(f.field);
    if (!spec) throw new Error(`filter on unknown field ${f.field}`);
    if (f.op !== 'prefix' && !CHECKS[spec.dataType](f.value)) {
      fail('VALIDATION_FAILED', {
        field: `filters.${f.field}`,
        message: {
          zh: `筛选值“${f.value.slice(0, 40)}”不符合信息项 ${spec.name} 的类型`,
          en: `The filter value does not fit the type of field ${f.field}`,
        },
      });
    }
    if (f.op === 'prefix') {
      params.push(`${f.value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      return `${quote(f.field)}::text like $${params.length}`;
    }
    params.push(f.value);
    const op = f.op === 'eq' ? '=' : f.op === 'gte' ? '>=' : '<=';
    return `${quote(f.field)} ${op} $${params.length}::${CASTS[spec.dataType]}`;
  });
  return { text: parts.length > 0 ? `where ${parts.join(' and ')}` : '', params };
}

export async function runPage(
  db: Executor,
  input: {
    table: string;
    codes: readonly string[];
    orderBy: string;
    where: { text: string; params: string[] };
    page: number;
    pageSize: number;
  },
): Promise<{ rows: Record<string, unknown>[]; total: number }> {
  const from = `from ${tableRef(input.table)} ${input.where.text}`;
  const count = await db.executeQuery<{ n: number }>(CompiledQuery.raw(`select count(*)::bigint as n ${from}`, input.where.params));
  const n = input.where.params.length;
  const page = await db.executeQuery<Record<string, unknown>>(
    CompiledQuery.raw(`select ${selectList(input.codes)} ${from} order by ${quote(input.orderBy)}, ctid limit $${n + 1} offset $${n + 2}`, [
      ...input.where.params,
      input.pageSize,
      (input.page - 1) * input.pageSize,
    ]),
  );
  return { rows: page.rows, total: Number(count.rows[0]?.n ?? 0) };
}

/** The table's identity and size in blocks: an extract reads it block range by block range. */
export async function tableExtent(db: Executor, table: string): Promise<{ oid: number; blocks: number } | null> {
  const result = await sql<{ oid: number | null; blocks: number | null }>`
    select to_regclass(${`${DATA_SCHEMA}.${table}`})::oid::int as oid,
           (pg_relation_size(to_regclass(${`${DATA_SCHEMA}.${table}`})) / current_setting('block_size')::int)::int as blocks`.execute(db);
  const row = result.rows[0];
  return row?.oid ? { oid: row.oid, blocks: row.blocks ?? 0 } : null;
}

/**
 * One batch of an extract: the rows in blocks [from, to) (a TID range scan, no sort, no cursor and
 * no long transaction that would hold back a replace load).
 */
export async function readBlocks(
  db: Executor,
  table: string,
  codes: readonly string[],
  from: number,
  to: number,
): Promise<Record<string, unknown>[]> {
  const result = await db.executeQuery<Record<string, unknown>>(
    CompiledQuery.raw(`select ${selectList(codes)} from ${tableRef(table)} where ctid >= $1::tid and ctid < $2::tid`, [
      `(${from},0)`,
      `(${to},0)`,
    ]),
  );
  return result.rows;
}

/** Blocks of a data table per extract batch (about 5,000 rows of a typical resource). */
export const EXTRACT_BLOCKS = 64;

/** A `fields` parameter (comma-separated, or repeated) as field codes; null when none is named. */
export function parseFields(fields: string | readonly string[] | undefined | null): string[] | null {
  if (fields === undefined || fields === null) return null;
  const list = (typeof fields === 'string' ? fields.split(',') : [...fields]).map((f) => f.trim()).filter(Boolean);
  return list.length > 0 ? list : null;
}
