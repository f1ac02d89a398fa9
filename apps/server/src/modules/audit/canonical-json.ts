/**
 * RFC 8785 (JCS) canonical JSON, byte for byte what the `canonicalize` package produces (the audit
 * chain's format since its first entry, ADR 0003), in a fraction of its time: every audit entry is
 * hashed over it, and on the exit's hot path that was the largest part of an entry's cost (measured:
 * ~25 µs of ~30 µs per entry). Same rules, same quirks, same errors: keys sorted by UTF-16 code
 * units, strings and numbers as JSON.stringify writes them, undefined and symbol members left out
 * (null in arrays), toJSON honoured, NaN, infinities, lone surrogates and cycles refused.
 * canonical-json.test.ts compares the two on generated values.
 */

/** A surrogate that is not half of a pair (ill-formed UTF-16, which JCS refuses). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Characters JSON escapes, and surrogates: a string without any is written as it is, quoted. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what JSON escapes
const SPECIAL = /[\u0000-\u001f"\\\ud800-\udfff]/;

function text(value: string): string {
  if (!SPECIAL.test(value)) return `"${value}"`;
  if (LONE_SURROGATE.test(value)) throw new Error('Lone surrogate is not allowed');
  return JSON.stringify(value);
}

function write(value: unknown, seen: Set<object>): string | undefined {
  switch (typeof value) {
    case 'string':
      return text(value);
    case 'number':
      if (Number.isNaN(value)) throw new Error('NaN is not allowed');
      if (!Number.isFinite(value)) throw new Error('Infinity is not allowed');
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      break;
    case 'undefined':
    case 'function':
    case 'symbol':
    case 'bigint':
      // undefined, functions and symbols give undefined; a bigint throws, like JSON.stringify.
      return JSON.stringify(value);
  }
  if (value === null) return 'null';
  if (seen.has(value)) throw new Error('Circular reference detected');
  const withJson = value as { toJSON?: unknown };
  if (typeof withJson.toJSON === 'function') {
    seen.add(value);
    const result = write((withJson.toJSON as () => unknown).call(value), seen);
    seen.delete(value);
    return result;
  }
  seen.add(value);
  let result: string;
  if (Array.isArray(value)) {
    // As the package does: each member written (undefined and symbols as null), then joined, so a
    // member that writes as undefined (a function) or a hole leaves an empty place.
    const parts = (value as unknown[]).map((member) => write(member === undefined || typeof member === 'symbol' ? null : member, seen));
    result = `[${parts.join(',')}]`;
  } else {
    const record = value as Record<string, unknown>;
    let body = '';
    for (const key of Object.keys(record).sort()) {
      const member = record[key];
      if (member === undefined || typeof member === 'symbol') continue;
      body += `${body === '' ? '' : ','}${text(key)}:${write(member, seen)}`;
    }
    result = `{${body}}`;
  }
  seen.delete(value);
  return result;
}

export function canonicalJson(value: unknown): string | undefined {
  return write(value, new Set());
}
