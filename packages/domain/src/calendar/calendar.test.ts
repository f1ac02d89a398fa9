import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildCalendar,
  calendarSource,
  calendarYears,
  isYearPublished,
  type HolidayCalendar,
  type WorkingCalendar,
} from './holiday-calendar.js';
import { addWorkingDays, isWorkingDay, workingDaysBetween } from './working-days.js';

interface HolidaysConformance {
  years: HolidayCalendar & Record<string, { workingDays: number }>;
}
const conformance = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../../../../shared/conformance/holidays-cn.json', import.meta.url)), 'utf8'),
) as HolidaysConformance;

function officialCalendar(): WorkingCalendar {
  const built = buildCalendar(conformance.years);
  if (!built.ok) throw new Error(built.refusal.message.en);
  return built.value;
}
const calendar = officialCalendar();

/** Every date of a year, by plain UTC Date stepping (an independent walk from the day numbers). */
function datesOf(year: number): string[] {
  const dates: string[] = [];
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
    dates.push(new Date(t).toISOString().slice(0, 10));
  }
  return dates;
}

function working(date: string): boolean {
  const answer = isWorkingDay(date, calendar);
  if (!answer.ok) throw new Error(answer.refusal.message.en);
  expect(answer.value.provisional).toBe(false);
  return answer.value.workingDay;
}

function plus(date: string, n: number): string {
  const answer = addWorkingDays(date, n, calendar);
  if (!answer.ok) throw new Error(answer.refusal.message.en);
  expect(answer.value.provisional).toBe(false);
  return answer.value.date;
}

function between(a: string, b: string): number {
  const answer = workingDaysBetween(a, b, calendar);
  if (!answer.ok) throw new Error(answer.refusal.message.en);
  return answer.value.days;
}

describe('official calendars 2025 and 2026 (R37.1)', () => {
  it('builds from the conformance table and lists its years and sources', () => {
    expect(calendarYears(calendar)).toEqual([2025, 2026]);
    expect(isYearPublished(calendar, 2025)).toBe(true);
    expect(isYearPublished(calendar, 2027)).toBe(false);
    expect(calendarSource(calendar, 2026)).toContain('2026年部分节假日安排');
    expect(calendarSource(calendar, 2027)).toBeUndefined();
    expect(calendar.years.get(2025)?.workingDays).toBe(248);
  });

  it.each(['2025', '2026'])('%s has exactly the working days the notice states (248)', (year) => {
    const count = datesOf(Number(year)).filter(working).length;
    expect(count).toBe(conformance.years[year]?.workingDays);
    expect(count).toBe(248);
  });

  it.each(['2025', '2026'])('%s: every make-up day is a working day, every listed holiday is not', (year) => {
    const data = conformance.years[year];
    expect(data).toBeDefined();
    for (const date of data?.makeupWorkdays ?? []) expect(working(date), date).toBe(true);
    for (const date of data?.holidaysOnWeekdays ?? []) expect(working(date), date).toBe(false);
  });

  it.each(['2025', '2026'])('%s agrees day by day with a naive model of the rule', (year) => {
    const data = conformance.years[year];
    const holidays = new Set(data?.holidaysOnWeekdays);
    const makeups = new Set(data?.makeupWorkdays);
    for (const date of datesOf(Number(year))) {
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      const expected = makeups.has(date) || (weekday >= 1 && weekday <= 5 && !holidays.has(date));
      expect(working(date), date).toBe(expected);
    }
  });

  it('knows plain weekdays and weekends', () => {
    expect(working('2025-03-12')).toBe(true); // Wednesday
    expect(working('2025-03-15')).toBe(false); // Saturday
    expect(working('2026-03-15')).toBe(false); // Sunday
  });
});

describe('addWorkingDays through the holiday blocks', () => {
  // [from, n, expected, why] — derived from holidays-cn.json and checked against a wall calendar.
  const cases: [string, number, string, string][] = [
    // 2025 New Year
    ['2024-12-31', 1, '2025-01-02', '2025-01-01 Wed holiday (only 2025 days are examined)'],
    // 2025 Spring Festival: 01-26 Sun make-up; 01-28..02-04 off; 02-08 Sat make-up
    ['2025-01-24', 1, '2025-01-26', 'Fri → Sun make-up day'],
    ['2025-01-25', 1, '2025-01-26', 'Sat → Sun make-up day'],
    ['2025-01-24', 2, '2025-01-27', 'Fri → Mon'],
    ['2025-01-26', 1, '2025-01-27', 'make-up Sun → Mon'],
    ['2025-01-27', 1, '2025-02-05', 'Mon before the break → first day back'],
    ['2025-01-24', 3, '2025-02-05', 'across the whole Spring Festival'],
    ['2025-01-30', 1, '2025-02-05', 'from inside the break'],
    ['2025-02-05', 3, '2025-02-08', 'Wed → Sat make-up day'],
    ['2025-02-05', 4, '2025-02-10', 'Wed → Mon after the make-up Saturday'],
    // 2025 Qingming and Labour Day
    ['2025-04-03', 1, '2025-04-07', '04-04 Fri holiday'],
    ['2025-04-25', 1, '2025-04-27', 'Fri → Sun make-up day'],
    ['2025-04-30', 1, '2025-05-06', '05-01, 05-02, 05-05 holidays'],
    ['2025-05-30', 1, '2025-06-03', '06-02 Mon Dragon Boat holiday'],
    // 2025 National Day: 09-28 Sun make-up; 10-01..10-08 off; 10-11 Sat make-up
    ['2025-09-26', 1, '2025-09-28', 'Fri → Sun make-up day'],
    ['2025-09-28', 2, '2025-09-30', 'make-up Sun → Tue'],
    ['2025-09-30', 1, '2025-10-09', 'across National Day'],
    ['2025-09-30', 2, '2025-10-10', ''],
    ['2025-09-30', 3, '2025-10-11', 'Sat make-up day'],
    ['2025-09-30', 4, '2025-10-13', 'Sun 10-12 is off'],
    // Year boundary: 2026-01-01/02 holidays, 2026-01-04 Sun make-up
    ['2025-12-31', 1, '2026-01-04', 'into 2026: Sun make-up day'],
    ['2025-12-31', 2, '2026-01-05', ''],
    // 2026 Spring Festival: 02-14 Sat make-up; 02-15..02-23 off; 02-28 Sat make-up
    ['2026-02-13', 1, '2026-02-14', 'Fri → Sat make-up day'],
    ['2026-02-14', 1, '2026-02-24', 'across the whole Spring Festival'],
    ['2026-02-13', 2, '2026-02-24', ''],
    ['2026-02-24', 3, '2026-02-27', ''],
    ['2026-02-24', 4, '2026-02-28', 'Sat make-up day'],
    ['2026-02-27', 1, '2026-02-28', 'Fri → Sat make-up day'],
    ['2026-02-28', 1, '2026-03-02', 'make-up Sat → Mon'],
    // 2026 Qingming, Labour Day, Dragon Boat
    ['2026-04-03', 1, '2026-04-07', '04-06 Mon holiday'],
    ['2026-04-30', 1, '2026-05-06', '05-01, 05-04, 05-05 holidays'],
    ['2026-05-08', 1, '2026-05-09', 'Fri → Sat make-up day'],
    ['2026-06-18', 1, '2026-06-22', '06-19 Fri holiday'],
    // 2026 Mid-Autumn and National Day: 09-20 Sun make-up; 09-25 off; 10-01..10-07 off; 10-10 Sat make-up
    ['2026-09-18', 1, '2026-09-20', 'Fri → Sun make-up day'],
    ['2026-09-24', 1, '2026-09-28', '09-25 Fri Mid-Autumn holiday'],
    ['2026-09-30', 1, '2026-10-08', 'across National Day'],
    ['2026-09-30', 3, '2026-10-10', 'Sat make-up day'],
    ['2026-10-09', 1, '2026-10-10', 'Fri → Sat make-up day'],
    ['2026-10-10', 1, '2026-10-12', 'make-up Sat → Mon'],
    ['2026-12-30', 1, '2026-12-31', 'last working day of the published range'],
    // n = 0: the date itself if working, else the next working day
    ['2025-01-24', 0, '2025-01-24', 'working day itself'],
    ['2025-01-25', 0, '2025-01-26', 'Sat → the Sun make-up day'],
    ['2025-01-28', 0, '2025-02-05', 'holiday → first day back'],
    ['2026-10-10', 0, '2026-10-10', 'make-up day itself'],
  ];
  it.each(cases)('%s + %i working days = %s (%s)', (from, n, expected) => {
    expect(plus(from, n)).toBe(expected);
    if (n >= 1) expect(between(from, expected)).toBe(n);
  });
});

describe('workingDaysBetween', () => {
  it('counts a < d ≤ b, negative when b < a, 0 for the same day', () => {
    expect(between('2025-01-24', '2025-02-05')).toBe(3);
    expect(between('2025-02-05', '2025-01-24')).toBe(-3);
    expect(between('2025-01-24', '2025-01-24')).toBe(0);
    expect(between('2025-01-25', '2025-01-25')).toBe(0);
    expect(between('2025-01-27', '2025-02-04')).toBe(0);
    expect(Object.is(between('2025-02-04', '2025-01-27'), 0)).toBe(true); // never -0
    expect(between('2025-09-30', '2025-10-09')).toBe(1);
  });
  it('counts whole years', () => {
    expect(between('2024-12-31', '2025-12-31')).toBe(248);
    expect(between('2025-12-31', '2026-12-31')).toBe(248);
    expect(between('2026-12-31', '2024-12-31')).toBe(-496);
  });
  it('refuses malformed dates', () => {
    const answer = workingDaysBetween('2025-02-29', '2025-03-01', calendar);
    expect(answer).toMatchObject({ ok: false, refusal: { code: 'VALIDATION_FAILED', field: 'a' } });
    expect(isWorkingDay('2025/01/01', calendar)).toMatchObject({ ok: false, refusal: { code: 'VALIDATION_FAILED' } });
  });
});

describe('addWorkingDays input checks', () => {
  it.each([-1, 1.5, Number.NaN, 10_001])('refuses n = %s', (n) => {
    expect(addWorkingDays('2025-01-24', n, calendar)).toMatchObject({
      ok: false,
      refusal: { code: 'VALIDATION_FAILED', field: 'n' },
    });
  });
  it('refuses a malformed date and an unknown mode', () => {
    expect(addWorkingDays('2025-13-01', 1, calendar)).toMatchObject({ ok: false, refusal: { field: 'date' } });
    const mode = 'guess' as unknown as 'refuse';
    expect(addWorkingDays('2025-01-24', 1, calendar, { unpublished: mode })).toMatchObject({
      ok: false,
      refusal: { code: 'VALIDATION_FAILED', field: 'unpublished' },
    });
  });
});

describe('properties over 2025–2026 (fast-check)', () => {
  const firstDay = Date.UTC(2025, 0, 1);
  const lastDay = Date.UTC(2026, 11, 31);
  const date = fc
    .integer({ min: 0, max: (lastDay - firstDay) / 86_400_000 })
    .map((offset) => new Date(firstDay + offset * 86_400_000).toISOString().slice(0, 10));
  const count = fc.integer({ min: 1, max: 60 });

  /** The result, or undefined when it would leave the published range (2027 is refused). */
  function inRange(from: string, n: number): string | undefined {
    const answer = addWorkingDays(from, n, calendar);
    if (!answer.ok) {
      expect(answer.refusal.code).toBe('CALENDAR_YEAR_UNPUBLISHED');
      expect(answer.refusal.details).toEqual({ year: 2027 });
      return undefined;
    }
    expect(answer.value.provisional).toBe(false);
    return answer.value.date;
  }

  it('addWorkingDays(d, n) is a working day after d', () => {
    fc.assert(
      fc.property(date, count, (from, n) => {
        const result = inRange(from, n);
        fc.pre(result !== undefined);
        return result !== undefined && result > from && working(result);
      }),
    );
  });
  it('workingDaysBetween(d, addWorkingDays(d, n)) === n, and minus n backwards', () => {
    fc.assert(
      fc.property(date, count, (from, n) => {
        const result = inRange(from, n);
        fc.pre(result !== undefined);
        return result !== undefined && between(from, result) === n && between(result, from) === -n;
      }),
    );
  });
  it('is strictly increasing in n', () => {
    fc.assert(
      fc.property(date, count, count, (from, n, m) => {
        fc.pre(n !== m);
        const [small, large] = n < m ? [n, m] : [m, n];
        const a = inRange(from, small);
        const b = inRange(from, large);
        fc.pre(a !== undefined && b !== undefined);
        return a !== undefined && b !== undefined && a < b;
      }),
    );
  });
  it('n = 0 is the first working day on or after d, and n + 1 steps one working day further', () => {
    fc.assert(
      fc.property(date, count, (from, n) => {
        const zero = inRange(from, 0);
        const later = inRange(from, n);
        fc.pre(zero !== undefined && later !== undefined);
        if (zero === undefined || later === undefined) return false;
        expect(working(zero)).toBe(true);
        expect(between(from, zero)).toBe(working(from) ? 0 : 1);
        return inRange(later, 1) === undefined || inRange(later, 1) === inRange(from, n + 1);
      }),
    );
  });
});
