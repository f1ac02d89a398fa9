/**
 * Key status and rotation of the data encrypted at rest (R29.1): `gongshu keys status` counts the
 * values per cipher and key id; `gongshu keys rotate` re-encrypts every value that is not under the
 * active cipher and key id, in batches, each batch one transaction. An interrupted rotation is
 * resumed by running it again (it only picks up values still under other keys). Old keys must stay
 * configured until the status shows no value under them.
 */
import { CompiledQuery, sql } from 'kysely';
import { systemContext, type RequestContext } from '../../context.js';
import type { Executor } from '../../db/executor.js';
import type { Database } from '../../db/schema.js';
import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/audit.service.js';
import { DATA_SCHEMA } from '../aggregation/data-tables.js';
import { contextOf, storedLayout, type EncryptedColumn } from './encryption-layout.js';
import type { FieldCipher } from './field-cipher.js';
import { resealRaw, SEALED } from './sealed-problems.js';

export const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;
export const tableRef = (table: string): string => `${quote(DATA_SCHEMA)}.${quote(table)}`;

export interface EncryptedTable {
  readonly resourceId: string;
  readonly table: string;
  readonly layout: readonly EncryptedColumn[];
}

export interface KeyCount {
  readonly resourceId: string;
  readonly table: string;
  readonly column: string;
  readonly cipher: string;
  readonly keyId: string;
  readonly values: number;
}

export async function encryptedTables(db: Executor): Promise<EncryptedTable[]> {
  const rows = await db
    .selectFrom('resource_tables')
    .select(['resource_id', 'table_name', 'encrypted_columns'])
    .orderBy('table_name')
    .execute();
  return rows
    .map((r) => ({ resourceId: r.resource_id, table: r.table_name, layout: storedLayout(r.encrypted_columns) }))
    .filter((t) => t.layout.length > 0);
}

/** Values per table, column, cipher and key id (what a rotation still has to move). */
export async function keyStatus(db: Executor): Promise<KeyCount[]> {
  const out: KeyCount[] = [];
  for (const t of await encryptedTables(db)) {
    for (const c of t.layout) {
      const col = quote(c.code);
      const result = await db.executeQuery<{ cipher: string; key_id: string; n: number }>(
        CompiledQuery.raw(
          `select split_part(${col}, '.', 2) as cipher, split_part(${col}, '.', 3) as key_id, count(*)::bigint as n
           from ${tableRef(t.table)} where ${col} is not null group by 1, 2 order by 1, 2`,
        ),
      );
      for (const r of result.rows) {
        out.push({ resourceId: t.resourceId, table: t.table, column: c.code, cipher: r.cipher, keyId: r.key_id, values: Number(r.n) });
      }
    }
  }
  return out;
}

/** Totals per cipher and key id over every table. */
export function totalsByKey(counts: readonly KeyCount[]): { cipher: string; keyId: string; values: number }[] {
  const totals = new Map<string, { cipher: string; keyId: string; values: number }>();
  for (const c of counts) {
    const k = `${c.cipher}.${c.keyId}`;
    const t = totals.get(k) ?? { cipher: c.cipher, keyId: c.keyId, values: 0 };
    t.values += c.values;
    totals.set(k, t);
  }
  return [...totals.values()];
}

export interface RotationResult {
  readonly tables: number;
  readonly rows: number;
  readonly values: number;
  readonly batches: number;
}

/**
 * Re-encrypts every value not under the active cipher and key id. Each batch reads up to
 * `batchSize` rows that still have such a value (locked), decrypts and encrypts them in Node and
 * writes them back, in one transaction; progress is reported after each batch.
 */
export async function rotateKeys(
  deps: { db: Kysely<Database>; cipher: FieldCipher; audit: AuditService },
  options: { batchSize?: number; ctx?: RequestContext; onProgress?: (p: { table: string; rows: number; values: number }) => void } = {},
): Promise<RotationResult> {
  const { db, cipher, audit } = deps;
  const batchSize = options.batchSize ?? 500;
  const ctx = options.ctx ?? systemContext('cli');
  const prefix = cipher.activePrefix;
  let rows = 0;
  let values = 0;
  let batches = 0;
  let tables = 0;
  const perTable: Record<string, number> = {};
  for (const t of await encryptedTables(db)) {
    tables++;
    const cols = t.layout.map((c) => quote(c.code));
    // left(…) = prefix, not LIKE: key ids may contain '_', a LIKE wildcard.
    const stale = cols.map((c) => `(${c} is not null and left(${c}, ${prefix.length}) <> $1)`).join(' or ');
    for (;;) {
      const moved = await db.transaction().execute(async (trx) => {
        const found = await trx.executeQuery<Record<string, unknown> & { _ctid: string }>(
          CompiledQuery.raw(`select ctid::text as _ctid, ${cols.join(', ')} from ${tableRef(t.table)} where ${stale} limit $2 for update`, [
            prefix,
            batchSize,
          ]),
        );
        let changed = 0;
        for (const row of found.rows) {
          const params: unknown[] = [row._ctid];
          const sets: string[] = [];
          for (const c of t.layout) {
            const v = row[c.code];
            if (typeof v !== 'string' || v.startsWith(prefix)) continue;
            const context = contextOf(t.resourceId, c.code);
            params.push(cipher.encrypt(cipher.decrypt(v, context), context));
            sets.push(`${quote(c.code)} = $${params.length}`);
            changed++;
          }
          if (sets.length > 0)
            await trx.executeQuery(CompiledQuery.raw(`update ${tableRef(t.table)} set ${sets.join(', ')} where ctid = $1::tid`, params));
        }
        return { rows: found.rows.length, values: changed };
      });
      if (moved.rows === 0) break;
      batches++;
      rows += moved.rows;
      values += moved.values;
      perTable[t.table] = (perTable[t.table] ?? 0) + moved.values;
      options.onProgress?.({ table: t.table, rows: moved.rows, values: moved.values });
    }
  }
  // Rejected rows of encrypted resources, sealed whole at load (sealed-problems.ts).
  for (;;) {
    const moved = await db.transaction().execute(async (trx) => {
      const found = await sql<{ id: string; resource_id: string; raw: unknown }>`
        select id, resource_id, raw from data_problems
        where raw->>${SEALED} is not null and left(raw->>${SEALED}, ${prefix.length}) <> ${prefix}
        limit ${batchSize} for update`.execute(trx);
      for (const r of found.rows) {
        const raw = resealRaw(cipher, r.resource_id, r.raw);
        await trx
          .updateTable('data_problems')
          .set({ raw: JSON.stringify(raw) })
          .where('id', '=', r.id)
          .execute();
      }
      return found.rows.length;
    });
    if (moved === 0) break;
    batches++;
    values += moved;
    perTable.data_problems = (perTable.data_problems ?? 0) + moved;
    options.onProgress?.({ table: 'data_problems', rows: moved, values: moved });
  }
  await db.transaction().execute((trx) =>
    audit.record(trx, ctx, {
      action: 'keys.rotate',
      subjectType: 'platform',
      subjectId: null,
      details: { activeKeyId: cipher.activeKeyId, cipher: cipher.cipher, tables, rows, values, batches, perTable },
    }),
  );
  return { tables, rows, values, batches };
}

/** Whether any value is still under a key other than the active one (the old key may be removed only when not). */
export async function rotationPending(db: Executor, cipher: FieldCipher): Promise<number> {
  const prefix = cipher.activePrefix.split('.');
  const sealed = await sql<{ n: number }>`
    select count(*)::int as n from data_problems
    where raw->>${SEALED} is not null and left(raw->>${SEALED}, ${cipher.activePrefix.length}) <> ${cipher.activePrefix}`.execute(db);
  const tables = (await keyStatus(db)).filter((c) => !(c.cipher === prefix[1] && c.keyId === prefix[2])).reduce((n, c) => n + c.values, 0);
  return tables + (sealed.rows[0]?.n ?? 0);
}
