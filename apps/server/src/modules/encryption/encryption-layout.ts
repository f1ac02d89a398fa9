/**
 * Which columns of a resource's data table are encrypted at rest (R29.1), and how rows are
 * encrypted on the way in and decrypted on the way out. The layout is decided from the metadata
 * when the table is created (or rebuilt by a replace load) and recorded in
 * resource_tables.encrypted_columns: reads follow the recorded layout, never the metadata alone.
 */
import { DomainError, requiresEncryption, type FieldSpec, type ResourceMetadata } from '@gongshu/domain';
import type { FieldCipher } from './field-cipher.js';

export interface EncryptedColumn {
  /** The field code (the column holds `v1.…` ciphertext text). */
  readonly code: string;
  /** Whether a `<code>__bidx` column holds the blind index (equality lookups, unique and reference rules). */
  readonly blindIndex: boolean;
}

/**
 * The layout for a resource's metadata: the grading policy decides which fields are encrypted
 * (domain masking/grading.ts requiresEncryption: sensitive and highly sensitive fields and citizen
 * IDs at level 3 and 4, or of core data); identifier fields (and fields named by lookup rules) get
 * a blind index. Public and internal fields stay clear: the exit delivers them unmasked and lets
 * them be filtered by range.
 */
export function layoutOf(
  metadata: Pick<ResourceMetadata, 'securityLevel' | 'fields' | 'dataGrade'>,
  lookupFields: readonly string[] = [],
): EncryptedColumn[] {
  return metadata.fields
    .filter((f) => requiresEncryption(metadata.securityLevel, f, metadata.dataGrade))
    .map((f) => ({ code: f.code, blindIndex: f.identifierRole !== 'none' || lookupFields.includes(f.code) }));
}

export const blindIndexColumn = (code: string): string => `${code}__bidx`.slice(0, 63);

/** The stored layout (resource_tables.encrypted_columns, jsonb). */
export function storedLayout(value: unknown): EncryptedColumn[] {
  return Array.isArray(value) ? (value as EncryptedColumn[]) : [];
}

/** The AAD of a field's values: a value decrypts only in the field and resource it was written for. */
export const contextOf = (resourceId: string, code: string): string => `${resourceId}/${code}`;

/** The blind-index columns of a layout, in field order. */
export const blindIndexColumns = (layout: readonly EncryptedColumn[]): string[] =>
  layout.filter((c) => c.blindIndex).map((c) => blindIndexColumn(c.code));

/**
 * Encrypts one validated row (field order) for the copy sink: encrypted fields become ciphertext,
 * and the blind indexes (of the validated, normalized values) are appended in layout order.
 */
export function rowEncryptor(
  cipher: FieldCipher,
  resourceId: string,
  fields: readonly Pick<FieldSpec, 'code'>[],
  layout: readonly EncryptedColumn[],
): ((values: readonly (string | null)[]) => (string | null)[]) | null {
  if (layout.length === 0) return null;
  const byCode = new Map(layout.map((c) => [c.code, c]));
  const plan = fields.map((f, i) => ({ i, column: byCode.get(f.code), context: contextOf(resourceId, f.code) })).filter((p) => p.column);
  const indexed = plan.filter((p) => p.column?.blindIndex);
  return (values) => {
    const out = [...values];
    for (const p of plan) {
      const v = values[p.i];
      if (v !== null && v !== undefined) out[p.i] = cipher.encrypt(v, p.context);
    }
    for (const p of indexed) {
      const v = values[p.i];
      out.push(v === null || v === undefined ? null : cipher.blindIndex(v));
    }
    return out;
  };
}

/** A decrypted value as the driver would have given the clear column (numbers, booleans, timestamps). */
function typed(value: string, dataType: FieldSpec['dataType']): unknown {
  switch (dataType) {
    case 'integer': {
      const n = Number(value);
      return Number.isSafeInteger(n) ? n : value;
    }
    case 'boolean':
      return value === 'true';
    case 'datetime':
      return new Date(value);
    case 'date':
    case 'decimal':
    case 'string':
      return value;
  }
}

/** Decrypts the encrypted columns of fetched rows in place (before masking); null when nothing is encrypted. */
export function rowDecryptor(
  cipher: FieldCipher,
  resourceId: string,
  fields: readonly Pick<FieldSpec, 'code' | 'dataType'>[],
  layout: readonly EncryptedColumn[],
): ((row: Record<string, unknown>) => Record<string, unknown>) | null {
  if (layout.length === 0) return null;
  const encrypted = new Set(layout.map((c) => c.code));
  const plan = fields
    .filter((f) => encrypted.has(f.code))
    .map((f) => ({ code: f.code, type: f.dataType, context: contextOf(resourceId, f.code) }));
  return (row) => {
    for (const p of plan) {
      const v = row[p.code];
      if (typeof v === 'string') row[p.code] = typed(cipher.decrypt(v, p.context), p.type);
    }
    return row;
  };
}

/** R29.1: an operation that would have to compute on ciphertext in SQL is refused, naming the field. */
export function refuseOnEncrypted(field: string, what: { zh: string; en: string }): never {
  throw new DomainError({
    code: 'VALIDATION_FAILED',
    requirement: 'R29.1',
    field,
    details: { encrypted: field },
    message: {
      zh: `信息项 ${field} 已加密存储（R29.1），不能${what.zh}；只能按完整值精确匹配`,
      en: `Field ${field} is encrypted at rest (R29.1): ${what.en} is not possible; only exact-value equality is`,
    },
  });
}
