import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { computeDueAt, workingDaysLeft } from './deadlines.js';
import { buildCalendar, type HolidayCalendar, type WorkingCalendar } from './holiday-calendar.js';
import { addWorkingDays, isWorkingDay, workingDaysBetween } from './working-days.js';

const years = (
  JSON.parse(readFileSync(fileURLToPath(new URL('../../../../../shared/conformance/holidays-cn.json', import.meta.url)), 'utf8')) as {
    years: HolidayCalendar;
  }
).years;
const built = buildCalendar(years);
if (!built.ok) throw new Error(built.refusal.message.en);
const calendar: WorkingCalendar = built.value;
const provisional = { unpublished: 'provisional' } as const;

const refusedFor = (year: number) => ({
  ok: false,
  refusal: { code: 'CALENDAR_YEAR_UNPUBLISHED', requirement: 'R37.1', details: { year } },
});

describe('unpublished years are never silently guessed (R37.1)', () => {
  it('refuses by default, naming the year', () => {
    const answer = isWorkingDay('2027-03-03', calendar);
    expect(answer).toMatchObject(refusedFor(2027));
    if (!answer.ok) {
      expect(answer.refusal.message.zh).toContain('尚未发布 2027 年节假日安排');
      expect(answer.refusal.message.en).toContain('2027');
    }
    expect(isWorkingDay('2027-03-03', calendar, { unpublished: 'refuse' })).toMatchObject(refusedFor(2027));
    expect(isWorkingDay('2024-06-03', calendar)).toMatchObject(refusedFor(2024));
    expect(addWorkingDays('2027-03-03', 1, calendar)).toMatchObject(refusedFor(2027));
    expect(workingDaysBetween('2027-01-01', '2027-02-01', calendar)).toMatchObject(refusedFor(2027));
  });

  it('refuses arithmetic that crosses into an unpublished year: 2026-12-30 + 5', () => {
    expect(addWorkingDays('2026-12-30', 1, calendar)).toEqual({ ok: true, value: { date: '2026-12-31', provisional: false } });
    expect(addWorkingDays('2026-12-30', 5, calendar)).toMatchObject(refusedFor(2027));
    expect(addWorkingDays('2026-12-31', 1, calendar)).toMatchObject(refusedFor(2027));
    expect(workingDaysBetween('2026-12-30', '2027-01-06', calendar)).toMatchObject(refusedFor(2027));
    expect(workingDaysBetween('2027-01-06', '2026-12-30', calendar)).toMatchObject(refusedFor(2027));
  });

  it('gives a weekday-only answer flagged provisional when asked', () => {
    // 2026-12-31 Thu (published), then 2027 counted Mon–Fri: 01-01 Fri, 01-04 Mon, 01-05, 01-06.
    expect(addWorkingDays('2026-12-30', 5, calendar, provisional)).toEqual({
      ok: true,
      value: { date: '2027-01-06', provisional: true },
    });
    expect(isWorkingDay('2027-01-01', calendar, provisional)).toEqual({ ok: true, value: { workingDay: true, provisional: true } });
    expect(isWorkingDay('2027-01-02', calendar, provisional)).toEqual({ ok: true, value: { workingDay: false, provisional: true } });
    expect(workingDaysBetween('2026-12-30', '2027-01-06', calendar, provisional)).toEqual({
      ok: true,
      value: { days: 5, provisional: true },
    });
    // 2027 has 261 Mondays to Fridays.
    expect(workingDaysBetween('2026-12-31', '2027-12-31', calendar, provisional)).toEqual({
      ok: true,
      value: { days: 261, provisional: true },
    });
  });

  it('is not provisional when no examined day lies in an unpublished year', () => {
    expect(addWorkingDays('2026-12-30', 1, calendar, provisional)).toEqual({
      ok: true,
      value: { date: '2026-12-31', provisional: false },
    });
    // Only the days after the start are examined: 2024-12-31 itself is not.
    expect(addWorkingDays('2024-12-31', 1, calendar)).toEqual({ ok: true, value: { date: '2025-01-02', provisional: false } });
    expect(workingDaysBetween('2024-12-31', '2025-01-02', calendar)).toEqual({ ok: true, value: { days: 1, provisional: false } });
    // n = 0 examines the start date itself.
    expect(addWorkingDays('2024-12-31', 0, calendar)).toMatchObject(refusedFor(2024));
  });

  it('refuses or flags deadlines and time-left displays the same way', () => {
    const filed = new Date('2026-12-30T02:00:00Z'); // 10:00 China time, Wednesday
    expect(computeDueAt(filed, 5, calendar)).toMatchObject(refusedFor(2027));
    const due = computeDueAt(filed, 5, calendar, provisional);
    expect(due).toMatchObject({ ok: true, value: { receivedOn: '2026-12-30', dueOn: '2027-01-06', provisional: true } });
    expect(computeDueAt(filed, 1, calendar)).toMatchObject({ ok: true, value: { dueOn: '2026-12-31', provisional: false } });

    expect(workingDaysLeft(filed, '2027-01-06', calendar)).toMatchObject(refusedFor(2027));
    expect(workingDaysLeft(filed, '2027-01-06', calendar, provisional)).toEqual({
      ok: true,
      value: { days: 5, overdue: false, provisional: true },
    });
  });
});
