import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeCitizenId, validateCitizenId } from './citizen-id.js';
import { makeCreditCode, validateCreditCode } from './credit-code.js';

interface Conformance {
  citizenId: { valid: string[]; invalid: { value: string; why: string }[] };
  creditCode: { valid: string[]; invalid: { value: string; why: string }[] };
}
const conformance = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../../../../shared/conformance/identifiers.json', import.meta.url)), 'utf8'),
) as Conformance;

const DIGITS = '0123456789';
const CREDIT_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

describe('validateCitizenId (GB 11643, R11.2)', () => {
  it.each(conformance.citizenId.valid)('accepts the conformance example %s', (value) => {
    expect(validateCitizenId(value)).toEqual({ ok: true });
  });
  it.each(conformance.citizenId.invalid)('refuses $value ($why)', ({ value }) => {
    const result = validateCitizenId(value);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.code).toBe('CITIZEN_ID_INVALID');
      expect(result.message.zh).toContain('公民身份号码');
      expect(result.message.en).toContain('Citizen ID');
    }
  });
  it('names the failing rule', () => {
    expect(validateCitizenId('370481202502300011')).toMatchObject({ ok: false, reason: 'birth_date' });
    expect(validateCitizenId('110105194912310021')).toMatchObject({ ok: false, reason: 'check_char' });
    expect(validateCitizenId('11010519491231002Y')).toMatchObject({ ok: false, reason: 'charset' });
    expect(validateCitizenId('1101051949123100')).toMatchObject({ ok: false, reason: 'length' });
    expect(validateCitizenId('11010519491231A02X')).toMatchObject({ ok: false, reason: 'charset' });
  });

  const birthDate = fc
    .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2025-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10).replaceAll('-', ''));
  const validId = fc
    .tuple(fc.constantFrom('370481', '370402', '110105', '440524'), birthDate, fc.integer({ min: 0, max: 999 }))
    .map(([division, date, seq]) => makeCitizenId(division, date, seq));

  it('accepts every generated number (property)', () => {
    fc.assert(fc.property(validId, (id) => validateCitizenId(id).ok));
  });
  it('refuses a generated number with any one character changed (property)', () => {
    fc.assert(
      fc.property(validId, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 10 }), (id, pos, shift) => {
        const alphabet = pos === 17 ? `${DIGITS}X` : DIGITS;
        const current = alphabet.indexOf(id[pos] ?? '');
        const replacement = alphabet[(current + shift) % alphabet.length] ?? '';
        fc.pre(replacement !== id[pos]);
        const changed = id.slice(0, pos) + replacement + id.slice(pos + 1);
        return !validateCitizenId(changed).ok;
      }),
    );
  });
});

describe('validateCreditCode (GB 32100, R11.2)', () => {
  it.each(conformance.creditCode.valid)('accepts the conformance example %s', (value) => {
    expect(validateCreditCode(value)).toEqual({ ok: true });
  });
  it.each(conformance.creditCode.invalid)('refuses $value ($why)', ({ value }) => {
    const result = validateCreditCode(value);
    expect(result).toMatchObject({ ok: false, code: 'CREDIT_CODE_INVALID' });
  });
  it('refuses empty and wrong-length codes', () => {
    expect(validateCreditCode('')).toMatchObject({ ok: false, reason: 'empty' });
    expect(validateCreditCode('91350100M000100Y4')).toMatchObject({ ok: false, reason: 'length' });
  });

  const validCode = fc
    .array(fc.constantFrom(...CREDIT_CHARSET.split('')), { minLength: 17, maxLength: 17 })
    .map((chars) => makeCreditCode(chars.join('')));

  it('accepts every generated code (property)', () => {
    fc.assert(fc.property(validCode, (code) => validateCreditCode(code).ok));
  });
  it('refuses a generated code with any one character changed (property)', () => {
    fc.assert(
      fc.property(validCode, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 30 }), (code, pos, shift) => {
        const current = CREDIT_CHARSET.indexOf(code[pos] ?? '');
        const replacement = CREDIT_CHARSET[(current + shift) % 31] ?? '';
        const changed = code.slice(0, pos) + replacement + code.slice(pos + 1);
        return !validateCreditCode(changed).ok;
      }),
    );
  });
});
