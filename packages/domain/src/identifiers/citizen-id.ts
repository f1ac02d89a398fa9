/**
 * Citizen ID numbers (公民身份号码), GB 11643-1999: six digits of the division code, eight of the
 * birth date, three of a sequence (odd for men, even for women) and a check character computed by
 * ISO 7064 MOD 11-2. Used wherever R11.2 requires a natural person's identifier.
 */
import type { IdentifierCheck } from './identifier-check.js';
import { invalid } from './identifier-check.js';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** The ISO 7064 MOD 11-2 check character for the first 17 digits. */
export function citizenIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? '';
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Validates a citizen ID number (R11.2): 18 characters, 17 digits and a check character (digit or
 * X, lowercase x accepted), a birth date that exists in the calendar (years 1800 onward) and the
 * right MOD 11-2 check character.
 */
export function validateCitizenId(value: string): IdentifierCheck {
  const v = value.trim().toUpperCase();
  if (v.length === 0) return invalid('CITIZEN_ID_INVALID', 'empty', '为空', 'is empty');
  if (v.length !== 18) {
    return invalid('CITIZEN_ID_INVALID', 'length', `应为 18 位，实为 ${v.length} 位`, `must have 18 characters, not ${v.length}`);
  }
  if (!/^\d{17}[\dX]$/.test(v)) {
    return invalid(
      'CITIZEN_ID_INVALID',
      'charset',
      '前 17 位须为数字，末位为数字或 X',
      'the first 17 characters must be digits and the last a digit or X',
    );
  }
  if (v[0] === '0') {
    return invalid('CITIZEN_ID_INVALID', 'division', '行政区划代码无效', 'the division code is not valid');
  }
  const year = Number(v.slice(6, 10));
  const month = Number(v.slice(10, 12));
  const day = Number(v.slice(12, 14));
  if (year < 1800 || !isRealDate(year, month, day)) {
    return invalid(
      'CITIZEN_ID_INVALID',
      'birth_date',
      `出生日期 ${v.slice(6, 14)} 不是有效日期`,
      `birth date ${v.slice(6, 14)} is not a real date`,
    );
  }
  if (citizenIdCheckChar(v.slice(0, 17)) !== v[17]) {
    return invalid('CITIZEN_ID_INVALID', 'check_char', '校验码错误', 'wrong check character');
  }
  return { ok: true };
}

/**
 * Builds a valid citizen ID number from its parts; for synthetic demo and test data only.
 * @param division six-digit division code, e.g. 370481 (Tengzhou)
 * @param birthDate YYYYMMDD
 * @param sequence 0..999 (odd for men, even for women)
 */
export function makeCitizenId(division: string, birthDate: string, sequence: number): string {
  const first17 = `${division}${birthDate}${String(sequence).padStart(3, '0')}`;
  return first17 + citizenIdCheckChar(first17);
}
