/** Field codes and the names a file's header may use, matched to the resource's fields. */
import type { ResourceMetadata } from '@gongshu/contracts';

type FieldSpec = ResourceMetadata['fields'][number];

export interface FieldLookup {
  /** The field a header cell or code names (by code or by name), if any. */
  readonly fieldOf: (key: string) => FieldSpec | undefined;
  /** "公民身份号码" for sfzh; the code itself when unknown; "整行" for a problem of the whole row. */
  readonly nameOf: (code: string) => string;
  /** The position of a key in the resource's field order (unknown keys last). */
  readonly orderOf: (key: string) => number;
}

export function fieldLookup(fields: readonly FieldSpec[], wholeRow: string): FieldLookup {
  const byKey = new Map<string, FieldSpec>();
  for (const field of fields) {
    byKey.set(field.code, field);
    byKey.set(field.name.trim(), field);
  }
  const fieldOf = (key: string) => byKey.get(key.trim());
  return {
    fieldOf,
    nameOf: (code) => (code ? (fieldOf(code)?.name ?? code) : wholeRow),
    orderOf: (key) => {
      const field = fieldOf(key);
      return field ? fields.indexOf(field) : fields.length;
    },
  };
}
