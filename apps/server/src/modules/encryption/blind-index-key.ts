/**
 * The blind-index key (R29.1): which key the stored blind indexes were computed under, the start-up
 * check that the configured key is that one, and `gongshu keys rotate-index`, which recomputes every
 * blind index under the configured key.
 *
 * A blind index is a keyed hash without a key id, so a process with another key finds nothing and
 * says nothing. The database therefore records a fingerprint of the key (and hash) in
 * platform_meta, and a process whose configured key has another fingerprint refuses to start while
 * any blind index exists. Rotation is maintenance with the servers stopped: set the new key, run
 * rotate-index (it decrypts every indexed value with the data keys, recomputes its index under the
 * new key, all tables in one transaction, and records the new fingerprint), then start the servers.
 */
import { CompiledQuery, sql, type Kysely } from 'kysely';
import { ConfigError } from '../../config.js';
import { systemContext, type RequestContext } from '../../context.js';
import type { Executor } from '../../db/executor.js';
import type { Database } from '../../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import { blindIndexColumn, contextOf } from './encryption-layout.js';
import type { FieldCipher } from './field-cipher.js';
import { encryptedTables, tableRef, type EncryptedTable } from './key-rotation.js';
import { rewriteRows } from './table-rewrite.js';

const META_KEY = 'blind_index_key';

/** Identifies the key and hash without revealing the key: the blind index of a fixed label, shortened. */
export function blindIndexFingerprint(cipher: Pick<FieldCipher, 'blindIndex'>): string {
  return cipher.blindIndex('gongshu/blind-index/fingerprint').slice(0, 16);
}

async function recordedFingerprint(db: Executor): Promise<string | null> {
  const row = await db.selectFrom('platform_meta').select('value').where('key', '=', META_KEY).executeTakeFirst();
  return typeof row?.value === 'string' ? row.value : null;
}

async function recordFingerprint(db: Executor, fingerprint: string): Promise<void> {
  await sql`insert into platform_meta (key, value) values (${META_KEY}, ${JSON.stringify(fingerprint)}::jsonb)
    on conflict (key) do update set value = excluded.value`.execute(db);
}

/** The tables that hold blind indexes, with their indexed columns. */
async function indexedTables(db: Executor): Promise<(EncryptedTable & { indexed: string[] })[]> {
  return (await encryptedTables(db))
    .map((t) => ({ ...t, indexed: t.layout.filter((c) => c.blindIndex).map((c) => c.code) }))
    .filter((t) => t.indexed.length > 0);
}

async function anyIndexValue(db: Executor): Promise<boolean> {
  for (const t of await indexedTables(db)) {
    const found = await db.executeQuery(CompiledQuery.raw(`select 1 from ${tableRef(t.table)} limit 1`));
    if (found.rows.length > 0) return true;
  }
  return false;
}

/**
 * Start-up check (every `serve` and CLI command): records the configured key's fingerprint when
 * none is recorded or no blind index exists yet; refuses when blind indexes exist under another key.
 */
export async function checkBlindIndexKey(db: Executor, cipher: FieldCipher): Promise<void> {
  const configured = blindIndexFingerprint(cipher);
  const recorded = await recordedFingerprint(db);
  if (recorded === configured) return;
  if (recorded !== null && (await anyIndexValue(db))) {
    throw new ConfigError(
      'GONGSHU_BLIND_INDEX_KEY (or GONGSHU_BLIND_INDEX_HASH) is not the key the stored blind indexes were computed under: ' +
        'lookups of encrypted identifiers would find nothing. Put the previous value back, or, to change the key on purpose, ' +
        'stop every server and run `gongshu keys rotate-index` with the new key (R29.1). / ' +
        '盲索引密钥与已存储盲索引所用密钥不一致，按加密标识查找将查不到数据：请恢复原配置；如需更换密钥，请停止所有服务后运行 gongshu keys rotate-index。',
    );
  }
  await recordFingerprint(db, configured);
}

export interface IndexRotationResult {
  readonly tables: number;
  readonly rows: number;
  readonly values: number;
  readonly previous: string | null;
  readonly fingerprint: string;
}

/**
 * Recomputes every blind index under the configured key, in one transaction (each table rewritten
 * by table-rewrite.ts), then records the new fingerprint and audits the rotation. Any failure leaves
 * every index and the fingerprint as they were.
 */
export async function rotateBlindIndexes(
  deps: { db: Kysely<Database>; cipher: FieldCipher; audit: AuditService },
  options: { ctx?: RequestContext; onProgress?: (p: { table: string; rows: number }) => void } = {},
): Promise<IndexRotationResult> {
  const { cipher, audit } = deps;
  const ctx = options.ctx ?? systemContext('cli');
  const fingerprint = blindIndexFingerprint(cipher);
  return deps.db.transaction().execute(async (trx) => {
    const previous = await recordedFingerprint(trx);
    let tables = 0;
    let rows = 0;
    let values = 0;
    const perTable: Record<string, number> = {};
    for (const t of await indexedTables(trx)) {
      tables++;
      const count = await rewriteRows(
        trx,
        t.table,
        t.indexed,
        t.indexed.map(blindIndexColumn),
        (row) =>
          t.indexed.map((code) => {
            const v = row[code];
            if (typeof v !== 'string') return null;
            values++;
            return cipher.blindIndex(cipher.decrypt(v, contextOf(t.resourceId, code)));
          }),
        (n) => options.onProgress?.({ table: t.table, rows: n }),
      );
      rows += count;
      perTable[t.table] = count;
    }
    await recordFingerprint(trx, fingerprint);
    await audit.record(trx, ctx, {
      action: 'keys.rotate_index',
      subjectType: 'platform',
      subjectId: null,
      details: { previous, fingerprint, hash: cipher.blindIndexHash, tables, rows, values, perTable },
    });
    return { tables, rows, values, previous, fingerprint };
  });
}
