/**
 * Grading drives defaults (R29.1): the resource's security level (1–4) and data grade decide the
 * minimum mask of each field at the exit, whether a field is encrypted at rest, how open the
 * resource may be, and who sees its field dictionary and preview. One policy, pure, used by the
 * catalog validation, the share and open approvals and the exit (docs/security.md, "Grading").
 *
 * Masks are ordered by strength: none < partial (keep, citizen_id, phone, name, address, year) <
 * hash < null. Within the partial tier a mask is only as strong as another of the same kind, or a
 * keep(first, last) that leaves no more characters than the minimum does (keep is bounded). A
 * steward's declared mask and a provider's grant override may be stronger than the grading
 * minimum, never weaker; the exit takes grant override > declared mask > grading default.
 */
import { refuse, type Refusal } from '../errors.js';
import type { DataGrade, OpenType, SecurityLevel, ShareType } from '../catalog/vocabulary.js';
import { defaultMask, type MaskableField, type MaskKind } from './masking.js';

export type MaskKindName = MaskKind['kind'];

/** Every mask kind, weakest first (the order the editors list them in). */
export const MASK_KINDS: readonly MaskKindName[] = ['none', 'keep', 'citizen_id', 'phone', 'name', 'address', 'year', 'hash', 'null'];

/** The strength tier of a mask: 0 none, 1 partial, 2 hash, 3 withheld. */
export const MASK_TIER: Readonly<Record<MaskKindName, number>> = {
  none: 0,
  keep: 1,
  citizen_id: 1,
  phone: 1,
  name: 1,
  address: 1,
  year: 1,
  hash: 2,
  null: 3,
};

/** Characters a partial mask leaves at most (citizen ID 6 + 4, mobile 3 + 4, a name's surname…). */
const KEPT: Readonly<Record<Exclude<MaskKindName, 'keep' | 'none' | 'hash' | 'null'>, number>> = {
  citizen_id: 10,
  phone: 7,
  name: 1,
  address: 3,
  year: 4,
};

/** Most characters any keep(first, last) may leave of a field (the contracts' limit). */
export const MAX_KEEP = 50;

/** How many characters a partial mask leaves (none and hash: unbounded; null: 0). */
function kept(mask: MaskKind): number {
  switch (mask.kind) {
    case 'none':
    case 'hash':
      return Number.POSITIVE_INFINITY;
    case 'null':
      return 0;
    case 'keep':
      return mask.first + mask.last;
    case 'citizen_id':
    case 'phone':
    case 'name':
    case 'address':
    case 'year':
      return KEPT[mask.kind];
  }
}

const validKeep = (m: MaskKind) =>
  m.kind !== 'keep' ||
  (Number.isInteger(m.first) && Number.isInteger(m.last) && m.first >= 0 && m.last >= 0 && m.first + m.last <= MAX_KEEP);

/** Whether `mask` is at least as strong as `minimum` (the order above). */
export function isAtLeast(mask: MaskKind, minimum: MaskKind): boolean {
  if (!validKeep(mask)) return false;
  const a = MASK_TIER[mask.kind];
  const b = MASK_TIER[minimum.kind];
  if (a !== b) return a > b;
  if (a !== 1) return true;
  if (mask.kind === 'keep' && minimum.kind === 'keep') return mask.first <= minimum.first && mask.last <= minimum.last;
  if (mask.kind === 'keep') return kept(mask) <= kept(minimum);
  return mask.kind === minimum.kind;
}

/** The stronger of two masks (the first when neither is stronger than the other). */
export function stronger(a: MaskKind, b: MaskKind): MaskKind {
  return isAtLeast(a, b) ? a : isAtLeast(b, a) ? b : { kind: 'null' };
}

/** A field as grading sees it: the catalog's FieldSpec, with the steward's declared mask if any. */
export interface GradedField extends MaskableField {
  readonly mask?: MaskKind | undefined;
}

/** The grading minimum of a field at a security level (R29.1): masking.ts defaultMask. */
export function gradingMinimum(field: MaskableField, securityLevel: number): MaskKind {
  return defaultMask(field, securityLevel);
}

/** The default of a field before any grant: its declared mask, else the grading minimum. */
export function fieldDefaultMask(field: GradedField, securityLevel: number): MaskKind {
  const minimum = gradingMinimum(field, securityLevel);
  return field.mask ? stronger(field.mask, minimum) : minimum;
}

/**
 * The mask the exit applies (R29.1): grant override > the field's declared mask > grading
 * default. A stored choice weaker than the minimum (a level raised after the grant, say) never
 * weakens it: the stronger one wins, and when they cannot be compared the value is withheld.
 */
export function effectiveMask(field: GradedField, securityLevel: number, override?: MaskKind | null): MaskKind {
  const base = fieldDefaultMask(field, securityLevel);
  return override ? stronger(override, gradingMinimum(field, securityLevel)) : base;
}

/** Why a chosen mask is not allowed against its minimum, or null (R29.1). */
export function maskChoiceProblem(mask: MaskKind, minimum: MaskKind): { zh: string; en: string } | null {
  if (!validKeep(mask))
    return {
      zh: `保留首尾位数须为非负整数，合计不超过 ${MAX_KEEP} 位`,
      en: `keep(first, last) takes whole numbers of zero or more, at most ${MAX_KEEP} in all`,
    };
  if (isAtLeast(mask, minimum)) return null;
  return {
    zh: `脱敏方式“${describeMask(mask).zh}”弱于定级要求的“${describeMask(minimum).zh}”，只能选择同等或更强的方式（R29.1）`,
    en: `The mask "${describeMask(mask).en}" is weaker than the grading minimum "${describeMask(minimum).en}": choose it or a stronger one (R29.1)`,
  };
}

/** The mask's name in both languages (problems, the editors' options). */
export function describeMask(mask: MaskKind): { zh: string; en: string } {
  switch (mask.kind) {
    case 'none':
      return { zh: '不脱敏', en: 'none' };
    case 'keep':
      return { zh: `保留前 ${mask.first} 后 ${mask.last} 位`, en: `keep first ${mask.first}, last ${mask.last}` };
    case 'citizen_id':
      return { zh: '身份号码（370481********1234）', en: 'citizen ID (370481********1234)' };
    case 'phone':
      return { zh: '电话（138****1234）', en: 'phone (138****1234)' };
    case 'name':
      return { zh: '姓名（张*）', en: 'name (张*)' };
    case 'address':
      return { zh: '地址到区县、街道', en: 'address to the district' };
    case 'year':
      return { zh: '日期到年', en: 'date to year' };
    case 'hash':
      return { zh: '哈希', en: 'hash' };
    case 'null':
      return { zh: '不提供（置空）', en: 'withheld (null)' };
  }
}

/**
 * The steward's declared masks of a resource's fields (catalog validation): each stronger than
 * or equal to the grading minimum at the resource's level. Problems name `fields[i].mask`.
 */
export function declaredMaskProblems(fields: readonly GradedField[], securityLevel: number): Refusal[] {
  const out: Refusal[] = [];
  fields.forEach((f, i) => {
    if (!f.mask) return;
    const problem = maskChoiceProblem(f.mask, gradingMinimum(f, securityLevel));
    if (problem) out.push(refuse('MASK_TOO_WEAK', { field: `fields[${i}].mask`, message: problem }));
  });
  return out;
}

/**
 * A provider's per-field overrides on a grant (share or open, at approval): only granted fields,
 * each stronger than or equal to the field's default (declared mask or grading minimum). Problems
 * name `masks.<code>`.
 */
export function grantMaskProblems(
  masks: Readonly<Record<string, MaskKind>>,
  fields: readonly GradedField[],
  granted: readonly string[],
  securityLevel: number,
): Refusal[] {
  const out: Refusal[] = [];
  for (const [code, mask] of Object.entries(masks)) {
    const field = fields.find((f) => f.code === code);
    if (!field || !granted.includes(code)) {
      out.push(
        refuse('MASK_TOO_WEAK', {
          field: `masks.${code}`,
          message: { zh: `信息项 ${code} 不在授权范围内`, en: `The field ${code} is not granted` },
        }),
      );
      continue;
    }
    const problem = maskChoiceProblem(mask, fieldDefaultMask(field, securityLevel));
    if (problem) out.push(refuse('MASK_TOO_WEAK', { field: `masks.${code}`, message: problem }));
  }
  return out;
}

/** Overrides worth storing: those that differ from the field's default (a same choice is no override). */
export function storedOverrides(
  masks: Readonly<Record<string, MaskKind>> | undefined,
  fields: readonly GradedField[],
  securityLevel: number,
): Record<string, MaskKind> {
  const out: Record<string, MaskKind> = {};
  for (const [code, mask] of Object.entries(masks ?? {})) {
    const field = fields.find((f) => f.code === code);
    if (field && JSON.stringify(mask) !== JSON.stringify(fieldDefaultMask(field, securityLevel))) out[code] = mask;
  }
  return out;
}

const ENCRYPTED_SENSITIVITIES = new Set(['sensitive', 'highly_sensitive']);

/**
 * Whether a field's values are encrypted at rest (R29.1, issue 8; used by the encryption of the
 * load path): at security level 3 and 4 every sensitive or highly sensitive field and every
 * citizen ID; core data (数据分级 核心数据) the same at any level.
 */
export function requiresEncryption(
  securityLevel: number,
  field: Pick<MaskableField, 'sensitivity' | 'identifierRole'>,
  dataGrade?: DataGrade | null,
): boolean {
  const personal = ENCRYPTED_SENSITIVITIES.has(field.sensitivity) || field.identifierRole === 'citizen_id';
  return personal && (securityLevel >= 3 || dataGrade === 'core');
}

/** Who sees a published resource's field dictionary, and whose rows anyone may preview. */
export type DictionaryAudience = 'public' | 'government';

export interface GradingRule {
  readonly level: SecurityLevel;
  /** The most open share type the level allows. */
  readonly mostOpenShare: ShareType;
  /** The most open open type the level allows (R18.2; the catalog validation enforces it). */
  readonly mostOpenOpen: OpenType;
  /** Whether sensitive fields (and citizen IDs) are encrypted at rest. */
  readonly encryptsSensitive: boolean;
  /** Whether highly sensitive non-identifier fields are withheld (null) by default. */
  readonly withholdsHighlySensitive: boolean;
  /** The field dictionary: to the public (open portal) or to government staff only (the catalog). */
  readonly dictionary: DictionaryAudience;
  /** Whether the open portal may show a preview of rows (unconditional opening only). */
  readonly preview: boolean;
}

/** The policy per level (docs/security.md, "Grading (R29.1)"). */
export const GRADING: Readonly<Record<SecurityLevel, GradingRule>> = {
  1: {
    level: 1,
    mostOpenShare: 'unconditional',
    mostOpenOpen: 'unconditional',
    encryptsSensitive: false,
    withholdsHighlySensitive: false,
    dictionary: 'public',
    preview: true,
  },
  2: {
    level: 2,
    mostOpenShare: 'unconditional',
    mostOpenOpen: 'unconditional',
    encryptsSensitive: false,
    withholdsHighlySensitive: false,
    dictionary: 'public',
    preview: true,
  },
  3: {
    level: 3,
    mostOpenShare: 'unconditional',
    mostOpenOpen: 'conditional',
    encryptsSensitive: true,
    withholdsHighlySensitive: false,
    dictionary: 'public',
    preview: false,
  },
  4: {
    level: 4,
    mostOpenShare: 'unconditional',
    mostOpenOpen: 'none',
    encryptsSensitive: true,
    withholdsHighlySensitive: true,
    dictionary: 'government',
    preview: false,
  },
};

const OPEN_RANK: Readonly<Record<OpenType, number>> = { unconditional: 2, conditional: 1, none: 0 };

/** Whether the open type is allowed at the level (R18.2: level 4 never opens; level 3 conditionally at most). */
export function openAllowed(securityLevel: SecurityLevel, open: OpenType): boolean {
  return OPEN_RANK[open] <= OPEN_RANK[GRADING[securityLevel].mostOpenOpen];
}

/** Whether rows of an open resource may be previewed on the portal (unconditional and level ≤ 2). */
export function previewAllowed(securityLevel: number, open: string): boolean {
  const rule = GRADING[securityLevel as SecurityLevel] as GradingRule | undefined;
  return rule !== undefined && rule.preview && open === 'unconditional';
}
