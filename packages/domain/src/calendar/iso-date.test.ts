import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { civilOf, dayNumberFromIso, dayNumberOf, isoFromDayNumber, weekdayOf } from './iso-date.js';
import { parseIsoDate } from './index.js';

describe('day numbers', () => {
  it('match Date.UTC for years 1900–2200 (property)', () => {
    const day = fc.integer({ min: Math.floor(Date.UTC(1900, 0, 1) / 86_400_000), max: Math.floor(Date.UTC(2200, 0, 1) / 86_400_000) });
    fc.assert(
      fc.property(day, (n) => {
        const date = new Date(n * 86_400_000);
        const civil = civilOf(n);
        return (
          isoFromDayNumber(n) === date.toISOString().slice(0, 10) &&
          dayNumberOf(civil.year, civil.month, civil.day) === n &&
          weekdayOf(n) === date.getUTCDay() &&
          dayNumberFromIso(isoFromDayNumber(n)) === n
        );
      }),
    );
  });
  it('handles the edges of the four-digit range', () => {
    expect(dayNumberFromIso('1970-01-01')).toBe(0);
    expect(isoFromDayNumber(-1)).toBe('1969-12-31');
    expect(isoFromDayNumber(dayNumberOf(0, 3, 1) - 1)).toBe('0000-02-29'); // year 0 is a leap year
    expect(isoFromDayNumber(dayNumberOf(9999, 12, 31))).toBe('9999-12-31');
    expect(isoFromDayNumber(dayNumberOf(25, 6, 1))).toBe('0025-06-01'); // not 1925, unlike Date.UTC
  });
});

describe('parseIsoDate', () => {
  it.each(['2025-01-01', '2024-02-29', '2000-02-29'])('accepts %s', (value) => {
    expect(parseIsoDate(value)).toEqual({ ok: true, value });
  });
  it.each(['2025-02-29', '1900-02-29', '2025-13-01', '2025-00-10', '2025-01-32', '2025-1-1', ' 2025-01-01', '20250101', ''])(
    'refuses %j',
    (value) => {
      expect(parseIsoDate(value, 'dueOn')).toMatchObject({ ok: false, refusal: { code: 'VALIDATION_FAILED', field: 'dueOn' } });
    },
  );
});
