/**
 * R29.1: SQL that must compute on the values of an encrypted table (the derivatives' k-anonymity
 * check, sample and materialization, modules/derivatives) runs on a decrypted temporary copy: rows
 * are read block range by block range, decrypted in Node and inserted, typed, into a temporary
 * table dropped at the end of the caller's transaction. The copy lives only in the session's
 * temporary space for the length of that transaction (see docs/security.md).
 */
import type { FieldSpec } from '@gongshu/domain';
import { CompiledQuery, sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../db/executor.js';
import { columnTypeOf, qualified } from '../aggregation/data-tables.js';
import { EXTRACT_BLOCKS, readBlocks, tableExtent } from '../exit/exit-queries.js';
import { rowDecryptor, type EncryptedColumn } from './encryption-layout.js';
import type { FieldCipher } from './field-cipher.js';

const INSERT_ROWS = 500;

/** A value as a text parameter (the temporary column's type converts it back). */
function textOf(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return v.toString();
  return JSON.stringify(v);
}
let serial = 0;

/**
 * The table to read a resource's clear values from inside `trx`: the data table itself when
 * nothing is encrypted, else a decrypted temporary copy of the given fields (ON COMMIT DROP).
 */
export async function clearSource(
  trx: Executor,
  input: {
    cipher: FieldCipher;
    resourceId: string;
    table: string;
    fields: readonly FieldSpec[];
    layout: readonly EncryptedColumn[];
  },
): Promise<RawBuilder<unknown>> {
  if (input.layout.length === 0) return qualified(input.table);
  const decrypt = rowDecryptor(input.cipher, input.resourceId, input.fields, input.layout);
  const temp = `gs_clear_${process.pid}_${++serial}`;
  const codes = input.fields.map((f) => f.code);
  const columns = input.fields.map((f) => sql`${sql.id(f.code)} ${sql.raw(columnTypeOf(f))}`);
  await sql`create temporary table ${sql.id(temp)} (${sql.join(columns)}) on commit drop`.execute(trx);
  const extent = await tableExtent(trx, input.table);
  const quoted = codes.map((c) => `"${c.replaceAll('"', '""')}"`).join(', ');
  for (let from = 0; from < (extent?.blocks ?? 0); from += EXTRACT_BLOCKS) {
    const rows = await readBlocks(trx, input.table, codes, from, from + EXTRACT_BLOCKS);
    for (let i = 0; i < rows.length; i += INSERT_ROWS) {
      const chunk = rows.slice(i, i + INSERT_ROWS);
      const params: unknown[] = [];
      const tuples = chunk.map((row) => {
        const clear = decrypt ? decrypt(row) : row;
        const slots = codes.map((c) => {
          params.push(textOf(clear[c]));
          return `$${params.length}`;
        });
        return `(${slots.join(', ')})`;
      });
      await trx.executeQuery(CompiledQuery.raw(`insert into "${temp}" (${quoted}) values ${tuples.join(', ')}`, params));
    }
  }
  return sql.id(temp);
}
