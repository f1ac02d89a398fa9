/**
 * Rewrites some columns of every row of a data table from values computed in Node (R29.1: the
 * blind indexes under a new key, the ciphertext of columns graded up to encryption). Inside the
 * caller's transaction: the table is locked against writers, read whole page by page in ctid
 * order before anything is written (so the row addresses stay valid), the new values gathered in a
 * temporary table and written by one UPDATE.
 */
import { CompiledQuery } from 'kysely';
import type { Executor } from '../../db/executor.js';
import { quote, tableRef } from './key-rotation.js';

/** Rows read, and rows of new values inserted, per statement. */
const PAGE = 1000;

export async function rewriteRows(
  trx: Executor,
  table: string,
  read: readonly string[],
  write: readonly string[],
  compute: (row: Record<string, unknown>) => readonly unknown[],
  onPage?: (rows: number) => void,
): Promise<number> {
  const ref = tableRef(table);
  const targets = write.map(quote);
  await trx.executeQuery(CompiledQuery.raw(`lock table ${ref} in share row exclusive mode`));
  await trx.executeQuery(
    CompiledQuery.raw(
      `create temporary table _gongshu_rewrite (rid tid primary key, ${targets.map((c) => `${c} text`).join(', ')}) on commit drop`,
    ),
  );
  let last = '(0,0)';
  let count = 0;
  for (;;) {
    const page = await trx.executeQuery<Record<string, unknown> & { _rid: string }>(
      CompiledQuery.raw(
        `select ctid::text as _rid, ${read.map(quote).join(', ')} from ${ref} where ctid > $1::tid order by ctid limit ${PAGE}`,
        [last],
      ),
    );
    if (page.rows.length === 0) break;
    const params: unknown[] = [];
    const tuples = page.rows.map((row) => {
      params.push(row._rid);
      const slots = [`$${params.length}::tid`];
      for (const value of compute(row)) {
        params.push(value);
        slots.push(`$${params.length}`);
      }
      return `(${slots.join(', ')})`;
    });
    await trx.executeQuery(CompiledQuery.raw(`insert into _gongshu_rewrite values ${tuples.join(', ')}`, params));
    last = page.rows.at(-1)?._rid ?? last;
    count += page.rows.length;
    onPage?.(page.rows.length);
  }
  if (count > 0) {
    await trx.executeQuery(
      CompiledQuery.raw(
        `update ${ref} as d set ${targets.map((c) => `${c} = n.${c}`).join(', ')} from _gongshu_rewrite n where d.ctid = n.rid`,
      ),
    );
  }
  await trx.executeQuery(CompiledQuery.raw('drop table _gongshu_rewrite'));
  return count;
}
