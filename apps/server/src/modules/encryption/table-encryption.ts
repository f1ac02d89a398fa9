/**
 * Encrypting the columns that the grading asks for and a table still holds in clear (R29.1): a
 * table created before encryption at rest existed, or a resource whose new catalog version raised
 * its security level (or made a field sensitive). Run by `gongshu keys encrypt` and by the server's
 * periodic sweep, so a graded-up resource is encrypted within one sweep without waiting for its
 * next replace load. Each table in one transaction: the columns become text, their values are
 * written back as ciphertext (and blind indexes for identifiers, whose index then moves to the
 * blind index), the recorded layout grows, and the change is audited (keys.encrypt_table).
 * Columns are never decrypted back when a level goes down: stronger protection than asked is kept.
 */
import type { FieldSpec, ResourceMetadata } from '@gongshu/domain';
import { CompiledQuery, type Kysely } from 'kysely';
import { systemContext, type RequestContext } from '../../context.js';
import type { Executor } from '../../db/executor.js';
import type { Database } from '../../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import { createIdentifierIndex } from '../aggregation/data-tables.js';
import { blindIndexColumn, contextOf, layoutOf, storedLayout, type EncryptedColumn } from './encryption-layout.js';
import type { FieldCipher } from './field-cipher.js';
import { quote, tableRef } from './key-rotation.js';
import { rewriteRows } from './table-rewrite.js';

export interface PendingTable {
  readonly resourceId: string;
  readonly table: string;
  readonly identifierColumn: string | null;
  readonly fields: readonly FieldSpec[];
  readonly stored: readonly EncryptedColumn[];
  /** Columns the grading wants encrypted that the table holds in clear. */
  readonly missing: readonly EncryptedColumn[];
}

/** Tables with columns still to encrypt, by the current catalog version of their resource. */
export async function pendingEncryption(db: Executor): Promise<PendingTable[]> {
  const rows = await db
    .selectFrom('resource_tables as t')
    .innerJoin('catalog_resources as r', 'r.id', 't.resource_id')
    .innerJoin('catalog_versions as v', 'v.id', 'r.current_version_id')
    .select(['t.resource_id', 't.table_name', 't.identifier_column', 't.columns', 't.encrypted_columns', 'v.metadata'])
    .orderBy('t.table_name')
    .execute();
  const out: PendingTable[] = [];
  for (const r of rows) {
    const metadata = r.metadata as ResourceMetadata;
    const stored = storedLayout(r.encrypted_columns);
    const present = new Set((r.columns as { code: string }[]).map((c) => c.code));
    const missing = layoutOf(metadata).filter((c) => present.has(c.code) && !stored.some((s) => s.code === c.code));
    if (missing.length > 0) {
      out.push({
        resourceId: r.resource_id,
        table: r.table_name,
        identifierColumn: r.identifier_column,
        fields: metadata.fields,
        stored,
        missing,
      });
    }
  }
  return out;
}

/**
 * The value as text in the form a load encrypts it (row-checker.ts normalises it so; the exit's
 * decryptor reads it back into the column's type).
 */
function asLoadedText(column: string, dataType: FieldSpec['dataType']): string {
  const c = quote(column);
  switch (dataType) {
    case 'date':
      return `to_char(${c}, 'YYYY-MM-DD')`;
    case 'datetime':
      return `to_char(${c} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
    case 'boolean':
    case 'decimal':
    case 'integer':
    case 'string':
      return `${c}::text`;
  }
}

export interface TableEncryptionResult {
  readonly tables: number;
  /** The resources whose tables changed (caches of their layout must be dropped). */
  readonly resourceIds: readonly string[];
  readonly rows: number;
  readonly columns: number;
  readonly perTable: Record<string, string[]>;
}

/** Encrypts every pending table (see the file comment); returns what was done. */
export async function encryptPendingTables(
  deps: { db: Kysely<Database>; cipher: FieldCipher; audit: AuditService },
  options: { ctx?: RequestContext; onProgress?: (p: { table: string; rows: number }) => void } = {},
): Promise<TableEncryptionResult> {
  const { db, cipher, audit } = deps;
  const ctx = options.ctx ?? systemContext();
  let tables = 0;
  let rows = 0;
  let columns = 0;
  const perTable: Record<string, string[]> = {};
  const resourceIds: string[] = [];
  for (const t of await pendingEncryption(db)) {
    const done = await db.transaction().execute(async (trx) => {
      // Read again under the lock: another process may have done it meanwhile.
      await trx.executeQuery(CompiledQuery.raw(`lock table ${tableRef(t.table)} in share row exclusive mode`));
      const now = (await pendingEncryption(trx)).find((p) => p.table === t.table);
      if (!now) return null;
      const ref = tableRef(t.table);
      const typeOf = new Map(now.fields.map((f) => [f.code, f.dataType]));
      for (const c of now.missing) {
        const type = typeOf.get(c.code) ?? 'string';
        await trx.executeQuery(
          CompiledQuery.raw(`alter table ${ref} alter column ${quote(c.code)} type text using ${asLoadedText(c.code, type)}`),
        );
        if (c.blindIndex)
          await trx.executeQuery(CompiledQuery.raw(`alter table ${ref} add column ${quote(blindIndexColumn(c.code))} text`));
      }
      const read = now.missing.map((c) => c.code);
      const write = [...read, ...now.missing.filter((c) => c.blindIndex).map((c) => blindIndexColumn(c.code))];
      const count = await rewriteRows(
        trx,
        t.table,
        read,
        write,
        (row) => {
          const plain = now.missing.map((c) => row[c.code]);
          const encrypted = now.missing.map((c, i) => {
            const v = plain[i];
            return typeof v === 'string' ? cipher.encrypt(v, contextOf(t.resourceId, c.code)) : null;
          });
          const indexes = now.missing.flatMap((c, i) => {
            if (!c.blindIndex) return [];
            const v = plain[i];
            return [typeof v === 'string' ? cipher.blindIndex(v) : null];
          });
          return [...encrypted, ...indexes];
        },
        (n) => options.onProgress?.({ table: t.table, rows: n }),
      );
      const layout = [...now.stored, ...now.missing];
      // The identifier's index moves to its blind index (lookups compare blind indexes).
      const id = now.identifierColumn;
      if (id && now.missing.some((c) => c.code === id && c.blindIndex)) {
        await trx.executeQuery(CompiledQuery.raw(`drop index if exists resource_data.${quote(`${t.table}_${id}_idx`.slice(0, 63))}`));
        await createIdentifierIndex(trx, t.table, id, layout);
      }
      const encryptedCodes = new Set(layout.map((c) => c.code));
      const stored = await trx.selectFrom('resource_tables').select('columns').where('table_name', '=', t.table).executeTakeFirstOrThrow();
      const shape = (stored.columns as { code: string; type: string }[]).map((c) =>
        encryptedCodes.has(c.code) ? { ...c, type: 'text' } : c,
      );
      await trx
        .updateTable('resource_tables')
        .set({ encrypted_columns: JSON.stringify(layout), columns: JSON.stringify(shape) })
        .where('table_name', '=', t.table)
        .execute();
      await audit.record(trx, ctx, {
        action: 'keys.encrypt_table',
        subjectType: 'catalog_resource',
        subjectId: t.resourceId,
        details: { table: t.table, columns: read, rows: count, keyId: cipher.activeKeyId, cipher: cipher.cipher },
      });
      return { count, read };
    });
    if (!done) continue;
    tables++;
    rows += done.count;
    columns += done.read.length;
    perTable[t.table] = done.read;
    resourceIds.push(t.resourceId);
  }
  return { tables, resourceIds, rows, columns, perTable };
}
