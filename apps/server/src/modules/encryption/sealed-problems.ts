/**
 * Rejected and quarantined rows of a resource whose data is encrypted at rest (R29.1) are kept
 * for the steward to fix (data_problems.raw): they hold the same personal data as the table, so
 * they are sealed too — the whole row, as one ciphertext under the active data key, bound to the
 * resource — and opened only where a steward reads or exports them. Rows of resources stored in
 * clear stay as they are (readable jsonb, as before).
 */
import type { EncryptedColumn } from './encryption-layout.js';
import { isEncryptedValue, type FieldCipher } from './field-cipher.js';

/** The one key of a sealed raw row. */
export const SEALED = '_sealed';

const contextOf = (resourceId: string) => `data_problems:${resourceId}`;

/** The raw row as stored: sealed when the table encrypts any column, else unchanged. */
export function sealRaw(
  cipher: FieldCipher,
  resourceId: string,
  layout: readonly EncryptedColumn[],
  raw: Record<string, unknown>,
): Record<string, unknown> {
  if (layout.length === 0) return raw;
  return { [SEALED]: cipher.encrypt(JSON.stringify(raw), contextOf(resourceId)) };
}

/** The raw row as the steward sees it: opened when sealed. */
export function openRaw(cipher: FieldCipher, resourceId: string, raw: unknown): Record<string, unknown> | null {
  if (raw === null || typeof raw !== 'object') return null;
  const sealed = (raw as Record<string, unknown>)[SEALED];
  if (!isEncryptedValue(sealed)) return raw as Record<string, unknown>;
  return JSON.parse(cipher.decrypt(sealed, contextOf(resourceId))) as Record<string, unknown>;
}

/** The sealed row again under the cipher's active key (key rotation). */
export function resealRaw(cipher: FieldCipher, resourceId: string, raw: unknown): Record<string, unknown> | null {
  const open = openRaw(cipher, resourceId, raw);
  return open === null ? null : { [SEALED]: cipher.encrypt(JSON.stringify(open), contextOf(resourceId)) };
}
