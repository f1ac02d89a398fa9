import { describe, expect, it } from 'vitest';
import { buildCalendar, type HolidayCalendar, type HolidayYear } from './holiday-calendar.js';

/** A small valid year; tests override one field at a time. */
function buildYear(overrides: Partial<HolidayYear> = {}): HolidayYear {
  return {
    holidaysOnWeekdays: ['2025-01-01', '2025-01-28'],
    makeupWorkdays: ['2025-01-26'],
    source: '国务院办公厅关于2025年部分节假日安排的通知 (2024-11-12)',
    ...overrides,
  };
}

function refusalOf(years: HolidayCalendar) {
  const built = buildCalendar(years);
  expect(built.ok).toBe(false);
  if (built.ok) throw new Error('expected a refusal');
  expect(built.refusal.code).toBe('CALENDAR_DATA_INVALID');
  expect(built.refusal.requirement).toBe('R37.1');
  return built.refusal;
}

describe('buildCalendar validation (R37.1)', () => {
  it('accepts a valid year and an empty calendar', () => {
    expect(buildCalendar({ '2025': buildYear() }).ok).toBe(true);
    const empty = buildCalendar({});
    expect(empty.ok && empty.value.years.size).toBe(0);
  });

  it('refuses a make-up working day on a weekday, naming the date and year', () => {
    const refusal = refusalOf({ '2025': buildYear({ makeupWorkdays: ['2025-01-27'] }) });
    expect(refusal.details).toEqual({ year: '2025', reason: 'makeup_on_weekday', date: '2025-01-27' });
    expect(refusal.field).toBe('years.2025.makeupWorkdays');
    expect(refusal.message.zh).toContain('2025-01-27');
    expect(refusal.message.en).toContain('2025-01-27');
  });

  it('refuses a holiday on a weekend', () => {
    const refusal = refusalOf({ '2025': buildYear({ holidaysOnWeekdays: ['2025-02-01'] }) });
    expect(refusal.details).toEqual({ year: '2025', reason: 'holiday_on_weekend', date: '2025-02-01' });
    expect(refusal.field).toBe('years.2025.holidaysOnWeekdays');
  });

  it('refuses a date outside its year', () => {
    const refusal = refusalOf({ '2025': buildYear({ holidaysOnWeekdays: ['2026-01-01'] }) });
    expect(refusal.details).toEqual({ year: '2025', reason: 'wrong_year', date: '2026-01-01' });
  });

  it('refuses a date in both lists', () => {
    const refusal = refusalOf({ '2025': buildYear({ makeupWorkdays: ['2025-01-26', '2025-01-28'] }) });
    expect(refusal.details).toEqual({ year: '2025', reason: 'in_both_lists', date: '2025-01-28' });
  });

  it.each([
    ['2025-02-30', 'date_format'],
    ['2025-1-28', 'date_format'],
    [20250128, 'date_format'],
  ])('refuses the malformed date %s', (date, reason) => {
    const refusal = refusalOf({ '2025': buildYear({ holidaysOnWeekdays: [date as string] }) });
    expect(refusal.details).toMatchObject({ reason, date });
  });

  it('refuses a duplicate date', () => {
    const refusal = refusalOf({ '2025': buildYear({ holidaysOnWeekdays: ['2025-01-28', '2025-01-28'] }) });
    expect(refusal.details).toMatchObject({ reason: 'duplicate', date: '2025-01-28' });
  });

  it('refuses a bad year key, a missing source and a wrong shape', () => {
    expect(refusalOf({ '25': buildYear() }).details).toMatchObject({ year: '25', reason: 'year' });
    expect(refusalOf({ '2025': buildYear({ source: '  ' }) }).details).toMatchObject({ reason: 'source' });
    const shapeless = { '2025': { source: 'x' } } as unknown as HolidayCalendar;
    expect(refusalOf(shapeless).details).toMatchObject({ reason: 'shape' });
  });

  it('checks a stated working-day count against the lists', () => {
    // 2025 with only 01-01 and 01-28 off and 01-26 worked: 261 weekdays - 2 + 1 = 260.
    expect(buildCalendar({ '2025': buildYear({ workingDays: 260 }) }).ok).toBe(true);
    const refusal = refusalOf({ '2025': buildYear({ workingDays: 248 }) });
    expect(refusal.details).toEqual({ year: '2025', reason: 'working_days_mismatch', stated: 248, computed: 260 });
  });

  it('reports the first problem in year order', () => {
    const refusal = refusalOf({
      '2026': buildYear({ holidaysOnWeekdays: ['2026-01-03'] }),
      '2025': buildYear({ makeupWorkdays: ['2025-01-27'] }),
    });
    expect(refusal.details).toMatchObject({ year: '2025' });
  });
});
