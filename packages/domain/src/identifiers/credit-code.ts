/**
 * Unified social credit codes (统一社会信用代码), GB 32100-2015: 18 characters from 0-9 and A-Z
 * without I, O, Z, S, V (values 0..30): registration authority, organization category, six-digit
 * division code, nine-character organization code, and a check character (R11.2).
 */
import type { IdentifierCheck } from './identifier-check.js';
import { invalid } from './identifier-check.js';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** The GB 32100 check character for the first 17 characters (all from the charset). */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i] ?? '') * (WEIGHTS[i] ?? 0);
  return CHARSET[(31 - (sum % 31)) % 31] ?? '';
}

/** Validates a unified social credit code (R11.2): length, character set and check character. */
export function validateCreditCode(value: string): IdentifierCheck {
  const v = value.trim().toUpperCase();
  if (v.length === 0) return invalid('CREDIT_CODE_INVALID', 'empty', '为空', 'is empty');
  if (v.length !== 18) {
    return invalid('CREDIT_CODE_INVALID', 'length', `应为 18 位，实为 ${v.length} 位`, `must have 18 characters, not ${v.length}`);
  }
  for (let i = 0; i < 18; i++) {
    const ch = v[i] ?? '';
    if (!CHARSET.includes(ch)) {
      return invalid(
        'CREDIT_CODE_INVALID',
        'charset',
        `第 ${i + 1} 位字符“${ch}”不允许（不使用 I、O、Z、S、V）`,
        `character ${i + 1} "${ch}" is not allowed (I, O, Z, S, V are not used)`,
      );
    }
  }
  if (creditCodeCheckChar(v.slice(0, 17)) !== v[17]) {
    return invalid('CREDIT_CODE_INVALID', 'check_char', '校验码错误', 'wrong check character');
  }
  return { ok: true };
}

/**
 * Builds a valid credit code from its first 17 characters; for synthetic demo and test data only.
 */
export function makeCreditCode(first17: string): string {
  return first17 + creditCodeCheckChar(first17);
}
