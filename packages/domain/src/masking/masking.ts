/**
 * Masking (R29.1, decision 5): the masking functions applied at the node's one exit, and the
 * default choice per field from its sensitivity, identifier role and the resource's security level.
 * Pure and deterministic (the hash is SHA-256 keyed by the caller), so the exit, tests and exports agree.
 */

export type MaskKind =
  | { readonly kind: 'none' }
  | { readonly kind: 'keep'; readonly first: number; readonly last: number }
  | { readonly kind: 'citizen_id' }
  | { readonly kind: 'phone' }
  | { readonly kind: 'name' }
  | { readonly kind: 'address' }
  | { readonly kind: 'hash' }
  | { readonly kind: 'null' }
  | { readonly kind: 'year' };

const STAR = '*';

/** Keeps the first and last characters (code points) and stars the rest: keep(3, 4). */
export function keepEnds(value: string, first: number, last: number): string {
  const chars = [...value];
  if (chars.length <= first + last) return STAR.repeat(chars.length);
  return chars.slice(0, first).join('') + STAR.repeat(chars.length - first - last) + chars.slice(chars.length - last).join('');
}

/** 370481********1234: the division code and the last four characters stay. */
export function maskCitizenId(value: string): string {
  return keepEnds(value, 6, 4);
}

/** 138****1234 for mobile numbers; other numbers keep their last four digits. */
export function maskPhone(value: string): string {
  const digits = value.replace(/\D/g, '');
  if (/^1\d{10}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(7)}`;
  return keepEnds(value, 0, 4);
}

/** 张* , 欧阳** : the family name (first character; two for common double surnames) stays. */
/** Double surnames that a name mask keeps whole (the derivatives' SQL mirrors this list). */
export const DOUBLE_SURNAMES = [
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '令狐',
  '司徒',
  '夏侯',
  '宇文',
  '长孙',
];
export function maskName(value: string): string {
  const chars = [...value.trim()];
  if (chars.length === 0) return value;
  const keep = DOUBLE_SURNAMES.some((s) => value.startsWith(s)) && chars.length > 2 ? 2 : 1;
  return chars.slice(0, keep).join('') + STAR.repeat(Math.max(1, chars.length - keep));
}

/** Down to the district, county or town: 滕州市荆河街道学院路12号 → 滕州市荆河街道**. */
export function maskAddress(value: string): string {
  const kept = /^(.+?(?:街道|镇|乡|区|县))/.exec(value)?.[1] ?? '';
  return kept && kept.length < value.length ? `${kept}**` : keepEnds(value, Math.min(3, [...value].length), 0);
}

/** YYYY from a date or date-time. */
export function maskToYear(value: string): string {
  const m = /^(\d{4})/.exec(value);
  return m?.[1] ?? STAR;
}

/**
 * Applies a mask. `hash` needs a keyed digest from the caller (the server passes HMAC-SHA-256 with
 * a per-installation key, so hashed values join across deliveries but cannot be reversed).
 */
export function applyMask(value: string | null, mask: MaskKind, hash?: (value: string) => string): string | null {
  if (value === null) return null;
  switch (mask.kind) {
    case 'none':
      return value;
    case 'keep':
      return keepEnds(value, mask.first, mask.last);
    case 'citizen_id':
      return maskCitizenId(value);
    case 'phone':
      return maskPhone(value);
    case 'name':
      return maskName(value);
    case 'address':
      return maskAddress(value);
    case 'hash':
      if (!hash) throw new Error('hash masking needs a keyed digest');
      return hash(value);
    case 'null':
      return null;
    case 'year':
      return maskToYear(value);
  }
}

export interface MaskableField {
  readonly code: string;
  readonly name: string;
  readonly dataType: string;
  readonly identifierRole: string;
  readonly sensitivity: string;
}

/**
 * The default mask of a field at the exit (R29.1): public and internal fields pass; sensitive
 * and highly sensitive ones are masked by what they are (citizen ID, phone, name, address, birth
 * date), anything else sensitive keeps its ends, highly sensitive anything else is hashed. At
 * security level 4 a highly sensitive field is withheld (null) unless a grant says otherwise.
 */
export function defaultMask(field: MaskableField, securityLevel: number): MaskKind {
  if (field.sensitivity === 'public' || field.sensitivity === 'internal') return { kind: 'none' };
  if (field.sensitivity === 'highly_sensitive' && securityLevel >= 4 && field.identifierRole === 'none') return { kind: 'null' };
  if (field.identifierRole === 'citizen_id') return { kind: 'citizen_id' };
  if (/电话|手机/.test(field.name)) return { kind: 'phone' };
  if (/姓名|联系人|法定代表人/.test(field.name)) return { kind: 'name' };
  if (/地址|住址/.test(field.name)) return { kind: 'address' };
  if (field.dataType === 'date' || field.dataType === 'datetime') return { kind: 'year' };
  if (field.sensitivity === 'highly_sensitive') return { kind: 'hash' };
  return { kind: 'keep', first: 1, last: 1 };
}
