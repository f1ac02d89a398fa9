/**
 * Working-day arithmetic (工作日计算) for the deadlines of R10.3, R14, R15 and R19, on the official
 * holiday arrangements (R37.1).
 *
 * A working day is a Monday–Friday that is not a statutory holiday (`holidaysOnWeekdays`), or a
 * Saturday/Sunday that is a make-up working day (调休, `makeupWorkdays`).
 *
 * Conventions shared by `isWorkingDay`, `addWorkingDays` and `workingDaysBetween` (and by
 * `computeDueAt` / `workingDaysLeft` in deadlines.ts):
 * - Dates are `IsoDate` strings; arithmetic runs on day numbers (days since 1970-01-01), so no
 *   answer depends on the process time zone.
 * - Nothing throws. Each returns a `Result`: `{ ok: true, value }` where `value` always carries
 *   `provisional: boolean`, or `{ ok: false, refusal }` with code `VALIDATION_FAILED` (malformed
 *   date, bad count or option) or `CALENDAR_YEAR_UNPUBLISHED`. Services that must abort turn a
 *   refusal into `new DomainError(refusal)`.
 * - A function *examines* exactly the days whose working-day status the answer depends on:
 *   `isWorkingDay` the date; `addWorkingDays(date, n)` the days after `date` up to the result (for
 *   n = 0, `date` itself up to the result); `workingDaysBetween(a, b)` the days d with
 *   min(a, b) < d ≤ max(a, b).
 * - Unpublished years are never silently guessed (R37.1). With `{ unpublished: 'refuse' }` (the
 *   default) examining any day of a year absent from the calendar refuses with
 *   `CALENDAR_YEAR_UNPUBLISHED`, `details: { year }` (the first such year met). With
 *   `{ unpublished: 'provisional' }` such a year counts Monday–Friday as working days and the answer
 *   has `provisional: true`, which every screen showing the date must display as provisional.
 *   `provisional` is false when no examined day lies in an unpublished year.
 */
import { refuse, type Refusal, type Result } from '../errors.js';
import type { WorkingCalendar } from './holiday-calendar.js';
import { dayNumberFromIso, invalidDate, isoFromDayNumber, isWeekend, MAX_DAY_NUMBER, yearOf, type IsoDate } from './iso-date.js';

/** What to do with a year whose holiday arrangements are not published (R37.1). */
export type UnpublishedYearMode = 'refuse' | 'provisional';

/** Options of every working-day function. */
export interface CalendarOptions {
  /** `'refuse'` (default) or `'provisional'` (Monday–Friday only, answer flagged). */
  readonly unpublished?: UnpublishedYearMode;
}

/** The largest working-day count accepted (about 40 years); larger counts are a caller's bug. */
export const MAX_WORKING_DAYS = 10_000;

/** Whether a date is a working day. */
export interface WorkingDayAnswer {
  readonly workingDay: boolean;
  readonly provisional: boolean;
}

/** A date found by working-day arithmetic. */
export interface WorkingDayDate {
  readonly date: IsoDate;
  readonly provisional: boolean;
}

/** A signed number of working days. */
export interface WorkingDayCount {
  readonly days: number;
  readonly provisional: boolean;
}

/** The refusal for arithmetic that reaches a year without published arrangements (R37.1). @internal */
export function unpublishedYear(year: number): Refusal {
  return refuse('CALENDAR_YEAR_UNPUBLISHED', {
    details: { year },
    message: {
      zh: `尚未发布 ${year} 年节假日安排，不能计算涉及该年的工作日期限`,
      en: `The ${year} public holiday arrangements are not published yet: working days in ${year} cannot be computed`,
    },
  });
}

/** The mode of the options, or a refusal for an unknown mode. @internal */
export function modeOf(options: CalendarOptions): UnpublishedYearMode | Refusal {
  const mode = options.unpublished ?? 'refuse';
  if (mode === 'refuse' || mode === 'provisional') return mode;
  return refuse('VALIDATION_FAILED', { field: 'unpublished', details: { value: mode } });
}

/** Checks a working-day count: an integer 0..MAX_WORKING_DAYS. @internal */
export function checkCount(n: number, field: string): Refusal | undefined {
  if (Number.isInteger(n) && n >= 0 && n <= MAX_WORKING_DAYS) return undefined;
  return refuse('VALIDATION_FAILED', {
    field,
    details: { value: n },
    message: {
      zh: `工作日数 ${String(n)} 无效，应为 0 至 ${MAX_WORKING_DAYS} 的整数`,
      en: `The number of working days ${String(n)} is not valid: an integer from 0 to ${MAX_WORKING_DAYS} is expected`,
    },
  });
}

/** Tracks whether any examined day was provisional. @internal */
export interface Examination {
  provisional: boolean;
}

/**
 * Whether the day is a working day, or the refusal for an unpublished year in 'refuse' mode.
 * Marks the examination provisional when the year is unpublished in 'provisional' mode. @internal
 */
export function examineDay(calendar: WorkingCalendar, day: number, mode: UnpublishedYearMode, examination: Examination): boolean | Refusal {
  const year = yearOf(day);
  if (!calendar.years.has(year)) {
    if (mode === 'refuse') return unpublishedYear(year);
    examination.provisional = true;
    return !isWeekend(day);
  }
  return isWeekend(day) ? calendar.makeupWorkdays.has(day) : !calendar.holidays.has(day);
}

const beyondRange = (): Refusal =>
  refuse('VALIDATION_FAILED', {
    message: { zh: '计算结果超出 9999-12-31', en: 'The result lies beyond 9999-12-31' },
  });

/**
 * Day-number core of `addWorkingDays`: the nth working day after `start` (n ≥ 1), or for n = 0 the
 * first working day on or after `start`. @internal
 */
export function addWorkingDayNumbers(
  calendar: WorkingCalendar,
  start: number,
  n: number,
  mode: UnpublishedYearMode,
  examination: Examination,
): number | Refusal {
  let day = n === 0 ? start - 1 : start;
  let remaining = n === 0 ? 1 : n;
  while (remaining > 0) {
    day++;
    if (day > MAX_DAY_NUMBER) return beyondRange();
    const working = examineDay(calendar, day, mode, examination);
    if (typeof working !== 'boolean') return working;
    if (working) remaining--;
  }
  return day;
}

/**
 * Whether `date` is a working day: Monday–Friday minus statutory holidays, plus make-up working
 * days (调休). Used for every deadline of R10.3, R14, R15 and R19; unpublished years per R37.1 (see
 * the module comment).
 */
export function isWorkingDay(date: IsoDate, calendar: WorkingCalendar, options: CalendarOptions = {}): Result<WorkingDayAnswer> {
  const mode = modeOf(options);
  if (typeof mode !== 'string') return { ok: false, refusal: mode };
  const day = dayNumberFromIso(date);
  if (day === undefined) return { ok: false, refusal: invalidDate(date, 'date') };
  const examination: Examination = { provisional: false };
  const working = examineDay(calendar, day, mode, examination);
  if (typeof working !== 'boolean') return { ok: false, refusal: working };
  return { ok: true, value: { workingDay: working, provisional: examination.provisional } };
}

/**
 * The date that is `n` working days after `date` (R10.3, R14, R15, R19; R37.1 for unpublished
 * years). For n ≥ 1 the days after `date` are counted, whatever `date` itself is: one working day
 * after Friday 2025-01-24 is Sunday 2025-01-26 (a make-up working day). For n = 0 the answer is
 * `date` itself if it is a working day, otherwise the next working day. `n` must be an integer from
 * 0 to `MAX_WORKING_DAYS`. For n ≥ 1, `workingDaysBetween(date, result) === n`.
 */
export function addWorkingDays(date: IsoDate, n: number, calendar: WorkingCalendar, options: CalendarOptions = {}): Result<WorkingDayDate> {
  const mode = modeOf(options);
  if (typeof mode !== 'string') return { ok: false, refusal: mode };
  const start = dayNumberFromIso(date);
  if (start === undefined) return { ok: false, refusal: invalidDate(date, 'date') };
  const badCount = checkCount(n, 'n');
  if (badCount !== undefined) return { ok: false, refusal: badCount };
  const examination: Examination = { provisional: false };
  const day = addWorkingDayNumbers(calendar, start, n, mode, examination);
  if (typeof day !== 'number') return { ok: false, refusal: day };
  return { ok: true, value: { date: isoFromDayNumber(day), provisional: examination.provisional } };
}

/**
 * Day-number core of `workingDaysBetween`. @internal
 */
export function workingDayNumbersBetween(
  calendar: WorkingCalendar,
  a: number,
  b: number,
  mode: UnpublishedYearMode,
  examination: Examination,
): number | Refusal {
  const low = Math.min(a, b);
  const high = Math.max(a, b);
  let count = 0;
  for (let day = low + 1; day <= high; day++) {
    const working = examineDay(calendar, day, mode, examination);
    if (typeof working !== 'boolean') return working;
    if (working) count++;
  }
  // `count === 0` keeps the answer +0, never -0.
  return b < a && count > 0 ? -count : count;
}

/**
 * The number of working days d with a < d ≤ b (R10.3, R14, R15, R19; R37.1 for unpublished
 * years): `a` itself is not counted, `b` is. When b < a the answer is minus the number of working
 * days d with b < d ≤ a; it is 0 when a = b. So `workingDaysBetween(d, addWorkingDays(d, n)) === n`
 * for every n ≥ 1.
 */
export function workingDaysBetween(
  a: IsoDate,
  b: IsoDate,
  calendar: WorkingCalendar,
  options: CalendarOptions = {},
): Result<WorkingDayCount> {
  const mode = modeOf(options);
  if (typeof mode !== 'string') return { ok: false, refusal: mode };
  const from = dayNumberFromIso(a);
  if (from === undefined) return { ok: false, refusal: invalidDate(a, 'a') };
  const to = dayNumberFromIso(b);
  if (to === undefined) return { ok: false, refusal: invalidDate(b, 'b') };
  const examination: Examination = { provisional: false };
  const days = workingDayNumbersBetween(calendar, from, to, mode, examination);
  if (typeof days !== 'number') return { ok: false, refusal: days };
  return { ok: true, value: { days, provisional: examination.provisional } };
}
