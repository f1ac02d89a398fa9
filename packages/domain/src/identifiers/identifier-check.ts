import type { ErrorCode } from '../errors.js';

/** The answer of an identifier validator: valid, or why not (R11.2). */
export type IdentifierCheck =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly code: ErrorCode;
      /** Which rule failed: empty, length, charset, division, birth_date, check_char. */
      readonly reason: string;
      readonly message: { readonly zh: string; readonly en: string };
    };

export function invalid(code: ErrorCode, reason: string, zh: string, en: string): IdentifierCheck {
  const subject =
    code === 'CITIZEN_ID_INVALID'
      ? { zh: '公民身份号码', en: 'Citizen ID number' }
      : { zh: '统一社会信用代码', en: 'Unified social credit code' };
  return { ok: false, code, reason, message: { zh: `${subject.zh}${zh}`, en: `${subject.en} ${en}` } };
}
