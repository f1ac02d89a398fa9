/**
 * Masks of the one exit (R29.1): the shape of a mask, a field's declared mask in the catalog, a
 * provider's per-field overrides on a grant, and a granted field with its default and effective
 * mask. The order of strength and the grading minimum are the domain's (masking/grading.ts).
 */
import { Type, type Static } from 'typebox';

export const MaskRule = Type.Union(
  [
    Type.Object(
      { kind: Type.Enum(['citizen_id', 'phone', 'name', 'address', 'null', 'year', 'hash', 'none']) },
      { additionalProperties: false },
    ),
    Type.Object(
      { kind: Type.Literal('keep'), first: Type.Integer({ minimum: 0, maximum: 50 }), last: Type.Integer({ minimum: 0, maximum: 50 }) },
      { additionalProperties: false },
    ),
  ],
  {
    description:
      'A mask of the exit: none < keep(first, last) / citizen_id / phone / name / address / year < hash < null (withheld); keep stars all but the ends',
  },
);
export type MaskRule = Static<typeof MaskRule>;

export const FieldMasks = Type.Record(Type.String({ pattern: '^[a-z][a-z0-9_]{0,62}$' }), MaskRule, {
  description:
    'Per-field mask overrides chosen by the provider at approval (R29.1): field code → mask, each at least as strong as the field’s default',
});
export type FieldMasks = Static<typeof FieldMasks>;
