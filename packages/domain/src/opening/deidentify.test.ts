import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_K, kAnonymity, mayPublishDerivative, treatValue, validatePlan, type DeidentificationPlan } from './deidentify.js';

const FIELDS = [
  { code: 'sfzh', identifierRole: 'citizen_id' },
  { code: 'csrq', identifierRole: 'none' },
  { code: 'jd', identifierRole: 'none' },
  { code: 'sr', identifierRole: 'none' },
];

describe('de-identification treatments (R18.4)', () => {
  it('generalizes, bands, cuts and masks values; drops fields', () => {
    expect(treatValue('1987-06-15', { kind: 'generalize_date', to: 'year' })).toBe('1987');
    expect(treatValue('1987-06-15', { kind: 'generalize_date', to: 'month' })).toBe('1987-06');
    expect(treatValue('2350.50', { kind: 'band', width: 1000 })).toBe('2000-2999');
    expect(treatValue('370481001', { kind: 'prefix', length: 6 })).toBe('370481');
    expect(treatValue('370481198706150012', { kind: 'mask', mask: { kind: 'citizen_id' } })).toBe('370481********0012');
    expect(treatValue('x', { kind: 'drop' })).toBeUndefined();
    expect(treatValue(null, { kind: 'band', width: 10 })).toBeNull();
  });

  it('refuses plans that keep identifiers in clear, count dropped fields or set k below 2, all at once', () => {
    const plan: DeidentificationPlan = { treatments: { jd: { kind: 'drop' }, nope: { kind: 'keep' } }, quasiIdentifiers: ['jd'], k: 1 };
    const fields = validatePlan(plan, FIELDS).map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['treatments.nope', 'treatments.sfzh', 'quasiIdentifiers.jd', 'k']));
    expect(validatePlan({ treatments: { sfzh: { kind: 'drop' } }, quasiIdentifiers: ['csrq', 'jd'], k: DEFAULT_K }, FIELDS)).toEqual([]);
  });
});

describe('k-anonymity', () => {
  it('passes when every class has at least k rows, and says which fail', () => {
    expect(kAnonymity([5, 7, 12], 5)).toMatchObject({ passed: true, smallestClass: 5, classes: 3, rows: 24 });
    expect(kAnonymity([5, 1, 3, 9], 5)).toMatchObject({ passed: false, smallestClass: 1, violatingClasses: 2, violatingRows: 4 });
    expect(kAnonymity([], 5)).toMatchObject({ passed: false, rows: 0 });
  });

  it('is monotone: merging classes (coarser generalization) never breaks a passing check', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 2, maxLength: 30 }),
        fc.integer({ min: 2, max: 10 }),
        (sizes, k) => {
          const [a = 0, b = 0, ...rest] = sizes;
          const merged = [a + b, ...rest];
          if (kAnonymity(sizes, k).passed) expect(kAnonymity(merged, k).passed).toBe(true);
          expect(kAnonymity(merged, k).smallestClass).toBeGreaterThanOrEqual(Math.min(...sizes));
        },
      ),
    );
  });

  it('publishes only after a passing check or with the right holder’s consent', () => {
    expect(mayPublishDerivative(kAnonymity([2, 9], 5), null)).toMatchObject({
      ok: false,
      refusal: { code: 'DEIDENTIFY_K_ANONYMITY_FAILED', requirement: 'R18.4' },
    });
    expect(mayPublishDerivative(kAnonymity([2, 9], 5), { recordedBy: 'hrss-steward', document: '权利人书面同意书 2026-11-20' }).ok).toBe(
      true,
    );
    expect(mayPublishDerivative(kAnonymity([6, 9], 5), null).ok).toBe(true);
    expect(mayPublishDerivative(null, null).ok).toBe(false);
  });
});
