import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_K,
  isDirectIdentifier,
  kAnonymity,
  kAnonymityOfHistogram,
  mayPublishDerivative,
  nextDerivativeState,
  treatValue,
  validateConsent,
  validatePlan,
  type DeidentificationPlan,
} from './deidentify.js';

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

const TYPED = [
  { code: 'bah', name: '病案号', identifierRole: 'other_code', sensitivity: 'internal', dataType: 'string' },
  { code: 'xm', name: '姓名', identifierRole: 'none', sensitivity: 'sensitive', dataType: 'string' },
  { code: 'lxdh', name: '联系电话', identifierRole: 'none', sensitivity: 'sensitive', dataType: 'string' },
  { code: 'csrq', name: '出生日期', identifierRole: 'none', sensitivity: 'sensitive', dataType: 'date' },
  { code: 'nl', name: '年龄', identifierRole: 'none', sensitivity: 'internal', dataType: 'integer' },
  { code: 'qhdm', name: '区划代码', identifierRole: 'none', sensitivity: 'public', dataType: 'string' },
];

describe('plans against typed fields (R18.4)', () => {
  it('treats names and phones of sensitive fields as direct identifiers, not public names', () => {
    expect(TYPED.filter(isDirectIdentifier).map((f) => f.code)).toEqual(['bah', 'xm', 'lxdh']);
    expect(isDirectIdentifier({ code: 'fddbr', name: '法定代表人', identifierRole: 'none', sensitivity: 'public' })).toBe(false);
  });

  it('refuses every identifier kept, banded or barely cut, each treatment that does not fit its type, and hashing', () => {
    const plan: DeidentificationPlan = {
      treatments: {
        bah: { kind: 'prefix', length: 8 },
        xm: { kind: 'keep' },
        lxdh: { kind: 'mask', mask: { kind: 'keep', first: 3, last: 4 } },
        csrq: { kind: 'band', width: 5 },
        nl: { kind: 'generalize_date', to: 'year' },
        qhdm: { kind: 'mask', mask: { kind: 'hash' } },
      },
      quasiIdentifiers: ['nl', 'nl'],
      k: 5,
    };
    const problems = validatePlan(plan, TYPED);
    expect(problems.map((p) => p.field).sort()).toEqual(
      [
        'quasiIdentifiers',
        'treatments.bah',
        'treatments.csrq',
        'treatments.lxdh',
        'treatments.nl',
        'treatments.qhdm',
        'treatments.xm',
      ].sort(),
    );
    expect(problems.every((p) => p.code === 'DEIDENTIFY_PLAN_INVALID' && p.requirement === 'R18.4')).toBe(true);
    expect(problems.find((p) => p.field === 'treatments.xm')?.message.en).toMatch(/cannot be kept in clear/);
  });

  it('accepts a plan that drops, masks and cuts identifiers and generalizes the rest', () => {
    const plan: DeidentificationPlan = {
      treatments: {
        bah: { kind: 'drop' },
        xm: { kind: 'mask', mask: { kind: 'name' } },
        lxdh: { kind: 'mask', mask: { kind: 'keep', first: 0, last: 4 } },
        csrq: { kind: 'generalize_date', to: 'month' },
        nl: { kind: 'band', width: 10 },
        qhdm: { kind: 'prefix', length: 6 },
      },
      quasiIdentifiers: ['csrq', 'nl', 'qhdm'],
      k: 2,
    };
    expect(validatePlan(plan, TYPED)).toEqual([]);
    expect(treatValue('37', plan.treatments.nl ?? { kind: 'drop' })).toBe('30-39');
  });
});

describe('k-anonymity from a histogram of class sizes', () => {
  it('agrees with the per-class computation', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 12 }), { maxLength: 40 }), fc.integer({ min: 2, max: 8 }), (sizes, k) => {
        const histogram = new Map<number, number>();
        for (const size of sizes) histogram.set(size, (histogram.get(size) ?? 0) + 1);
        const list = [...histogram].map(([size, classes]) => ({ size, classes }));
        expect(kAnonymityOfHistogram(list, k)).toEqual(kAnonymity(sizes, k));
      }),
    );
  });
});

describe('derivative states and consent', () => {
  it('edits and checks drafts and withdrawn derivatives, publishes them, withdraws only published ones', () => {
    expect(nextDerivativeState('draft', 'publish')).toEqual({ ok: true, value: 'published' });
    expect(nextDerivativeState('withdrawn', 'edit')).toEqual({ ok: true, value: 'withdrawn' });
    expect(nextDerivativeState('published', 'withdraw')).toEqual({ ok: true, value: 'withdrawn' });
    for (const action of ['edit', 'check', 'consent', 'publish'] as const)
      expect(nextDerivativeState('published', action)).toMatchObject({ ok: false, refusal: { code: 'DEIDENTIFY_STATE_INVALID' } });
    expect(nextDerivativeState('draft', 'withdraw').ok).toBe(false);
  });

  it('a consent names the holder and the document and is not dated in the future', () => {
    expect(validateConsent({ holder: '滕州市中心人民医院', document: '同意书 2026-07', date: '2026-11-20' }, '2026-11-27')).toEqual([]);
    expect(validateConsent({ holder: ' ', document: '', date: '2026-12-01' }, '2026-11-27').map((p) => p.field)).toEqual([
      'holder',
      'document',
      'date',
    ]);
  });
});
