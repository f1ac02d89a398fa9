/**
 * The per-installation key of the exit's keyed hashes (R29.1): hash masks, and identifiers looked
 * up, which the delivery log keeps only as keyed hashes. GONGSHU_MASK_KEY when set; otherwise a
 * random key generated once and kept in platform_meta, so every process on the database hashes
 * alike. There is no public default: consumers, who never see the key, cannot reverse the hashes.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Executor } from '../../db/executor.js';

const META_KEY = 'exit_mask_key';

/** The configured key, or the installation's generated one (created by the first process that needs it). */
export async function resolveMaskKey(db: Executor, configured: string | null): Promise<string> {
  if (configured !== null) return configured;
  const candidate = randomBytes(32).toString('base64url');
  // Two processes racing: the first insert wins and both read the same key back.
  await sql`insert into platform_meta (key, value) values (${META_KEY}, ${JSON.stringify(candidate)}::jsonb) on conflict (key) do nothing`.execute(
    db,
  );
  const row = await db.selectFrom('platform_meta').select('value').where('key', '=', META_KEY).executeTakeFirstOrThrow();
  if (typeof row.value !== 'string' || row.value.length < 32) throw new Error('platform_meta.exit_mask_key is not a usable key');
  return row.value;
}

/** HMAC-SHA-256 under the key, hex: the same value hashes alike in every delivery, and cannot be reversed without the key. */
export function keyedHasher(key: string): (value: string) => string {
  return (value) => createHmac('sha256', key).update(value).digest('hex');
}

/**
 * The keyed hasher, resolved on first use and kept (a failed resolution is not kept: the next call
 * tries again). One per service that hashes: the exit's share and open channels.
 */
export function lazyKeyedHasher(db: Executor, configured: string | null): () => Promise<(value: string) => string> {
  let hasher: Promise<(value: string) => string> | null = null;
  return () => {
    hasher ??= resolveMaskKey(db, configured)
      .then(keyedHasher)
      .catch((error: unknown) => {
        hasher = null;
        throw error;
      });
    return hasher;
  };
}
