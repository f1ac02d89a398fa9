/**
 * A catalog entry's metadata (R10.1, GB/T 21063 core metadata) and its validation. Every problem
 * is reported at once, each naming its field path and requirement, so a steward fixes a form or a
 * spreadsheet row in one pass.
 */
import { refuse, type ErrorCode, type Refusal } from '../errors.js';
import { declaredMaskProblems, openAllowed } from '../masking/grading.js';
import type { MaskKind } from '../masking/masking.js';
import {
  codesOf,
  DATA_GRADES,
  DATA_TYPES,
  FORMAT_CATEGORIES,
  IDENTIFIER_ROLES,
  OPEN_NONE_GROUNDS,
  OPEN_TYPES,
  OPENNESS,
  SECURITY_LEVELS,
  SENSITIVITIES,
  SHARE_METHODS,
  SHARE_TYPES,
  UPDATE_FREQUENCIES,
  type DataGrade,
  type DataType,
  type FormatCategory,
  type IdentifierRole,
  type OpenNoneGround,
  type OpenType,
  type SecurityLevel,
  type Sensitivity,
  type ShareMethod,
  type ShareType,
  type Term,
  type UpdateFrequency,
} from './vocabulary.js';

/** 信息项: one field of a resource. */
export interface FieldSpec {
  /** Column name in the node's data table: lowercase letters, digits and underscores. */
  readonly code: string;
  readonly name: string;
  readonly dataType: DataType;
  /** Maximum length for text, total digits for numbers; null when not applicable. */
  readonly length: number | null;
  readonly description: string | null;
  readonly identifierRole: IdentifierRole;
  readonly sensitivity: Sensitivity;
  readonly required: boolean;
  /**
   * The steward's declared mask at the exit (R29.1): at least as strong as the grading minimum
   * (masking/grading.ts); absent means the grading default.
   */
  readonly mask?: MaskKind | undefined;
}

export interface ShareAttribute {
  readonly type: ShareType;
  readonly conditions: string | null;
  readonly legalBasis: string | null;
  readonly methods: readonly ShareMethod[];
}

export interface OpenAttribute {
  readonly type: OpenType;
  readonly conditions: string | null;
  readonly noneGround: OpenNoneGround | null;
  readonly legalBasis: string | null;
}

/** What a data steward describes; provider, codes and dates are the node's. */
export interface ResourceMetadata {
  readonly classificationCode: string;
  readonly name: string;
  readonly nameEn: string | null;
  readonly summary: string;
  readonly keywords: readonly string[];
  readonly sourceSystem: string;
  readonly formatCategory: FormatCategory;
  readonly formatType: string;
  readonly fields: readonly FieldSpec[];
  readonly share: ShareAttribute;
  readonly open: OpenAttribute;
  readonly securityLevel: SecurityLevel;
  readonly dataGrade: DataGrade;
  readonly usageConditions: string | null;
  readonly updateFrequency: UpdateFrequency;
  readonly relatedResourceCodes: readonly string[];
  readonly licence: string | null;
  /** Whether the data involves state secrets: such data never enters the platform (R2.2). */
  readonly involvesStateSecret: boolean;
}

const FIELD_CODE = /^[a-z][a-z0-9_]{0,62}$/;
const RESERVED_COLUMNS = new Set([
  '_row_id',
  '_batch_id',
  '_loaded_at',
  '_source_row',
  'id',
  'oid',
  'ctid',
  'xmin',
  'xmax',
  'cmin',
  'cmax',
  'tableoid',
]);

const blank = (v: string | null | undefined) => v === null || v === undefined || v.trim() === '';

function problem(code: ErrorCode, field: string, zh?: string, en?: string): Refusal {
  return refuse(code, { field, ...(zh && en ? { message: { zh, en } } : {}) });
}

function oneOf<C extends string>(value: unknown, list: readonly Term<C>[], field: string, out: Refusal[]): value is C {
  if (codesOf(list).includes(value as C)) return true;
  out.push(
    problem(
      'CATALOG_VALUE_INVALID',
      field,
      `“${String(value)}”不是允许的取值（${list.map((t) => t.zh).join('、')}）`,
      `"${String(value)}" is not one of: ${list.map((t) => t.code).join(', ')}`,
    ),
  );
  return false;
}

function validateFields(fields: readonly FieldSpec[], out: Refusal[]): void {
  if (fields.length === 0) {
    out.push(problem('CATALOG_REQUIRED', 'fields', '至少须有一个信息项', 'At least one field is required'));
    return;
  }
  const codes = new Set<string>();
  const names = new Set<string>();
  fields.forEach((f, i) => {
    const at = `fields[${i}]`;
    if (!FIELD_CODE.test(f.code) || RESERVED_COLUMNS.has(f.code)) {
      out.push(
        problem(
          'CATALOG_FIELD_INVALID',
          `${at}.code`,
          `字段代码“${f.code}”须以小写字母开头，只含小写字母、数字和下划线，且不是保留名`,
          `Field code "${f.code}" must start with a lowercase letter, use only a-z, 0-9 and _, and not be reserved`,
        ),
      );
    } else if (codes.has(f.code)) {
      out.push(problem('CATALOG_FIELD_INVALID', `${at}.code`, `字段代码“${f.code}”重复`, `Field code "${f.code}" is repeated`));
    }
    codes.add(f.code);
    if (blank(f.name)) out.push(problem('CATALOG_REQUIRED', `${at}.name`, '信息项名称必填', 'The field name is required'));
    else if (names.has(f.name.trim()))
      out.push(problem('CATALOG_FIELD_INVALID', `${at}.name`, `信息项名称“${f.name}”重复`, `Field name "${f.name}" is repeated`));
    names.add(f.name.trim());
    const typeOk = oneOf(f.dataType, DATA_TYPES, `${at}.dataType`, out);
    const roleOk = oneOf(f.identifierRole, IDENTIFIER_ROLES, `${at}.identifierRole`, out);
    oneOf(f.sensitivity, SENSITIVITIES, `${at}.sensitivity`, out);
    if (f.length !== null && (!Number.isInteger(f.length) || f.length < 1 || f.length > 10_000)) {
      out.push(problem('CATALOG_FIELD_INVALID', `${at}.length`, '长度须为 1–10000 的整数', 'Length must be an integer 1–10000'));
    }
    if (typeOk && f.dataType === 'string' && f.length === null) {
      out.push(problem('CATALOG_REQUIRED', `${at}.length`, '字符型信息项须填写长度', 'A text field needs a length'));
    }
    if (roleOk && f.identifierRole !== 'none' && typeOk && f.dataType !== 'string') {
      out.push(problem('CATALOG_FIELD_INVALID', `${at}.dataType`, '标识信息项须为字符型', 'An identifier field must be text'));
    }
    if (roleOk && (f.identifierRole === 'citizen_id' || f.identifierRole === 'credit_code') && f.length !== null && f.length < 18) {
      out.push(
        problem(
          'CATALOG_FIELD_INVALID',
          `${at}.length`,
          '公民身份号码和统一社会信用代码为 18 位',
          'Citizen ID numbers and credit codes have 18 characters',
        ),
      );
    }
  });
}

/**
 * Validates metadata; returns every problem (empty when valid). Rules: R2.2 (no state secrets),
 * R10.1 (required metadata and vocabularies), R13.1 (share conditions and legal basis), R18.1
 * (grounds for not opening), R18.2 (opening fits the security level; level 4 never opens; not
 * more open than shared), R19.2 (conditions of conditional opening).
 */
export function validateResourceMetadata(m: ResourceMetadata): Refusal[] {
  const out: Refusal[] = [];
  if (m.involvesStateSecret) out.push(problem('CATALOG_STATE_SECRET', 'involvesStateSecret'));
  for (const key of ['classificationCode', 'name', 'summary', 'sourceSystem', 'formatType'] as const) {
    if (blank(m[key])) out.push(problem('CATALOG_REQUIRED', key));
  }
  if (m.name.length > 100) out.push(problem('CATALOG_VALUE_INVALID', 'name', '名称不超过 100 字', 'The name has at most 100 characters'));
  if (m.keywords.length > 20 || m.keywords.some((k) => blank(k) || k.length > 30)) {
    out.push(problem('CATALOG_VALUE_INVALID', 'keywords', '关键词不超过 20 个，每个 1–30 字', 'At most 20 keywords of 1–30 characters'));
  }
  oneOf(m.formatCategory, FORMAT_CATEGORIES, 'formatCategory', out);
  oneOf(m.updateFrequency, UPDATE_FREQUENCIES, 'updateFrequency', out);
  oneOf(m.dataGrade, DATA_GRADES, 'dataGrade', out);
  const levelOk = (SECURITY_LEVELS as readonly number[]).includes(m.securityLevel);
  if (!levelOk) out.push(problem('CATALOG_VALUE_INVALID', 'securityLevel', '安全级别为 1–4', 'The security level is 1 to 4'));
  validateFields(m.fields, out);

  const shareOk = oneOf(m.share.type, SHARE_TYPES, 'share.type', out);
  if (shareOk && m.share.type === 'conditional' && blank(m.share.conditions))
    out.push(problem('CATALOG_SHARE_CONDITIONS_REQUIRED', 'share.conditions'));
  if (shareOk && m.share.type !== 'unconditional' && blank(m.share.legalBasis))
    out.push(problem('CATALOG_SHARE_LEGAL_BASIS_REQUIRED', 'share.legalBasis'));
  if (shareOk && m.share.type !== 'none') {
    if (m.share.methods.length === 0)
      out.push(problem('CATALOG_REQUIRED', 'share.methods', '须选择共享方式', 'Choose how the data is shared'));
    m.share.methods.forEach((method, i) => oneOf(method, SHARE_METHODS, `share.methods[${i}]`, out));
  }

  const openOk = oneOf(m.open.type, OPEN_TYPES, 'open.type', out);
  if (openOk && m.open.type === 'conditional' && blank(m.open.conditions))
    out.push(problem('CATALOG_OPEN_CONDITIONS_REQUIRED', 'open.conditions'));
  if (openOk && m.open.type === 'none') {
    if (m.open.noneGround === null || !codesOf(OPEN_NONE_GROUNDS).includes(m.open.noneGround))
      out.push(problem('CATALOG_OPEN_GROUND_REQUIRED', 'open.noneGround'));
    if (blank(m.open.legalBasis)) out.push(problem('CATALOG_OPEN_GROUND_REQUIRED', 'open.legalBasis'));
  }
  if (levelOk) out.push(...declaredMaskProblems(m.fields, m.securityLevel));
  // The most open type per level is the grading policy's (masking/grading.ts GRADING, R18.2, R29.1).
  if (openOk && levelOk && !openAllowed(m.securityLevel, m.open.type)) {
    if (m.securityLevel === 4) {
      out.push(problem('CATALOG_OPEN_LEVEL_CONFLICT', 'open.type', '四级数据一律不予开放', 'Level 4 data can never be opened'));
    } else {
      out.push(
        problem(
          'CATALOG_OPEN_LEVEL_CONFLICT',
          'open.type',
          '三级数据安全要求较高，只能有条件开放或不予开放',
          'Level 3 data has high security demands: conditional opening at most',
        ),
      );
    }
  }
  if (openOk && shareOk && OPENNESS[m.open.type] > OPENNESS[m.share.type]) out.push(problem('CATALOG_OPEN_EXCEEDS_SHARE', 'open.type'));
  return out;
}

/** Which attributes a change lowers (R18.3): unconditional → conditional/none, conditional → none. */
export function downgradesOf(
  before: Pick<ResourceMetadata, 'share' | 'open'>,
  after: Pick<ResourceMetadata, 'share' | 'open'>,
): ('share' | 'open')[] {
  const lowered: ('share' | 'open')[] = [];
  if (OPENNESS[after.share.type] < OPENNESS[before.share.type]) lowered.push('share');
  if (OPENNESS[after.open.type] < OPENNESS[before.open.type]) lowered.push('open');
  return lowered;
}

/** A resource code: the classification code, a slash, and a six-digit sequence (GB/T 21063.4). */
export function resourceCode(classificationCode: string, sequence: number): string {
  return `${classificationCode}/${String(sequence).padStart(6, '0')}`;
}
