/**
 * The audit chain's canonical JSON (ADR 0003) must stay byte for byte what the `canonicalize`
 * package writes: every stored hash was computed over it, and `gongshu audit verify` recomputes them.
 */
import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';

function outcome(write: (value: unknown) => string | undefined, value: unknown): { ok: string | undefined } | { error: string } {
  try {
    return { ok: write(value) };
  } catch (error) {
    return { error: error instanceof Error ? error.constructor.name + ': ' + error.message : String(error) };
  }
}

const reference = (value: unknown) => canonicalize(value);

describe('canonical JSON of audit entries', () => {
  it('is what canonicalize writes, on generated values of every kind (and refuses the same ones)', () => {
    fc.assert(
      fc.property(
        fc.anything({
          withBigInt: true,
          withBoxedValues: true,
          withDate: true,
          withMap: true,
          withSet: true,
          withNullPrototype: true,
          withObjectString: true,
          withSparseArray: true,
          withTypedArray: true,
          withUnicodeString: true,
        }),
        (value) => {
          expect(outcome(canonicalJson, value)).toEqual(outcome(reference, value));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('on strings of any UTF-16 code units, lone surrogates included', () => {
    // Any code unit, often a surrogate: well-formed pairs, lone halves and everything else.
    const unit = fc.oneof(fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 0xd800, max: 0xdfff })).map((c) => String.fromCharCode(c));
    const anyText = fc.string({ unit, maxLength: 6 });
    fc.assert(
      fc.property(fc.dictionary(anyText, fc.array(anyText)), (value) => {
        expect(outcome(canonicalJson, value)).toEqual(outcome(reference, value));
      }),
      { numRuns: 2000 },
    );
  });

  it('on the edge cases JCS names, and on an exit entry', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    const shared = { x: 1 };
    const cases: unknown[] = [
      { b: 1, a: [1, -0, 1e21, 1e-7, 0.1 + 0.2, Number.MAX_SAFE_INTEGER], '€': 'é', '\u0080': '\u2028', '': null },
      [undefined, () => 1, Symbol('s'), null],
      { f: () => 1, u: undefined, s: Symbol('s'), d: new Date(Date.UTC(2026, 10, 27)) },
      { n: Number.NaN },
      { i: Number.POSITIVE_INFINITY },
      { s: 'a\uD800b' },
      { '\uDC00': 1 },
      cyclic,
      { one: shared, two: shared },
      {
        at: '2026-11-27T06:00:00.000Z',
        action: 'exit.lookup',
        details: { deliveryId: '01a21b95-b33c-7469-aeb8-8fa3b8fed745', fields: ['sfzh', 'xm'], rows: 1, parameters: { keyHash: 'e5' } },
        ip: null,
      },
    ];
    for (const value of cases) expect(outcome(canonicalJson, value)).toEqual(outcome(reference, value));
  });
});
