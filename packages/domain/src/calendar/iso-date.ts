/**
 * Calendar dates as pure values. An `IsoDate` is a `YYYY-MM-DD` string; arithmetic converts it to
 * a day number (days since 1970-01-01 in the proleptic Gregorian calendar) with integer formulas,
 * so no result ever depends on the process time zone or on `Date` quirks (such as `Date.UTC`
 * mapping years 0–99 to 1900–1999). R37.1 (working-day deadlines are computed, never guessed).
 */
import { refuse, type Refusal, type Result } from '../errors.js';

/** A calendar date `YYYY-MM-DD` (years 0000–9999), without time or time zone. */
export type IsoDate = string;

/** Milliseconds in a calendar day (UTC days have no leap seconds in ECMAScript time). */
export const DAY_MS = 86_400_000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days in a month of the proleptic Gregorian calendar. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Days since 1970-01-01 of a civil date (H. Hinnant's `days_from_civil`), exact for every year.
 * @internal
 */
export function dayNumberOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The civil date of a day number (H. Hinnant's `civil_from_days`). @internal */
export function civilOf(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** The year of a day number. @internal */
export function yearOf(dayNumber: number): number {
  return civilOf(dayNumber).year;
}

/** Day of the week of a day number: 0 Sunday … 6 Saturday (1970-01-01 was a Thursday). @internal */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** Saturday or Sunday. @internal */
export function isWeekend(dayNumber: number): boolean {
  const weekday = weekdayOf(dayNumber);
  return weekday === 0 || weekday === 6;
}

/** The day number of a well-formed, real `YYYY-MM-DD` date, or undefined. @internal */
export function dayNumberFromIso(value: string): number | undefined {
  const match = ISO_DATE.exec(value);
  if (match === null) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return dayNumberOf(year, month, day);
}

/** The highest day number an `IsoDate` can name (9999-12-31). @internal */
export const MAX_DAY_NUMBER = dayNumberOf(9999, 12, 31);
/** The lowest day number an `IsoDate` can name (0000-01-01). @internal */
export const MIN_DAY_NUMBER = dayNumberOf(0, 1, 1);

/** The `YYYY-MM-DD` text of a day number. @internal */
export function isoFromDayNumber(dayNumber: number): IsoDate {
  const { year, month, day } = civilOf(dayNumber);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Checks that a string is a real calendar date written `YYYY-MM-DD` (R37.1): `2025-02-29` and
 * `2025-1-5` are refused with `VALIDATION_FAILED`.
 */
export function parseIsoDate(value: string, field = 'date'): Result<IsoDate> {
  return dayNumberFromIso(value) === undefined ? { ok: false, refusal: invalidDate(value, field) } : { ok: true, value };
}

/** The refusal for a malformed or unreal date. @internal */
export function invalidDate(value: unknown, field: string): Refusal {
  return refuse('VALIDATION_FAILED', {
    field,
    details: { value },
    message: {
      zh: `日期 ${String(value)} 无效，应为 YYYY-MM-DD 格式的真实日期`,
      en: `The date ${String(value)} is not valid: a real date written YYYY-MM-DD is expected`,
    },
  });
}
