/**
 * China time (Asia/Shanghai). Every deadline of the regulation is a China date and ends at
 * 23:59:59.999 China time, whatever time zone the server runs in (R14, R15, R19, R10.3).
 *
 * China Standard Time is UTC+08:00 all year: the PRC has observed no daylight saving time since
 * 1991, so a fixed offset is exact for every date a deadline can fall on, and no time-zone database
 * is needed. Instants are handled as epoch milliseconds only; nothing here reads the process time
 * zone.
 */
import { DomainError, fail } from '../errors.js';
import { DAY_MS, dayNumberFromIso, invalidDate, isoFromDayNumber, type IsoDate } from './iso-date.js';

/** UTC+08:00 in milliseconds (China has no DST; see the module comment). */
export const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** Epoch milliseconds of an instant, or a DomainError for an invalid Date. @internal */
export function instantMs(instant: Date, field: string): number {
  const ms = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) {
    fail('VALIDATION_FAILED', {
      field,
      message: { zh: '时间无效', en: 'The instant is not a valid date and time' },
    });
  }
  return ms;
}

/** The China day number (days since 1970-01-01) of epoch milliseconds. @internal */
export function shanghaiDayNumber(ms: number): number {
  return Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS);
}

/** Milliseconds since China midnight of epoch milliseconds. @internal */
export function shanghaiMsOfDay(ms: number): number {
  return ms + SHANGHAI_OFFSET_MS - shanghaiDayNumber(ms) * DAY_MS;
}

function dayOf(date: IsoDate): number {
  const day = dayNumberFromIso(date);
  if (day === undefined) throw new DomainError(invalidDate(date, 'date'));
  return day;
}

/**
 * The calendar date in China (Asia/Shanghai) at an instant, e.g. 2025-01-24T16:30:00Z is
 * 2025-01-25 00:30 in China, so the date is `2025-01-25`. Throws a DomainError
 * (`VALIDATION_FAILED`) for an invalid Date. Used to place filings and "now" on the working-day
 * calendar (R14, R15, R19).
 */
export function shanghaiDateOf(instant: Date): IsoDate {
  return isoFromDayNumber(shanghaiDayNumber(instantMs(instant, 'instant')));
}

/**
 * The instant China's day `date` begins: 00:00:00.000 +08:00 (16:00 UTC the day before). Throws a
 * DomainError (`VALIDATION_FAILED`) for a malformed date.
 */
export function shanghaiStartOfDay(date: IsoDate): Date {
  return new Date(dayOf(date) * DAY_MS - SHANGHAI_OFFSET_MS);
}

/**
 * The instant China's day `date` ends: 23:59:59.999 +08:00 (15:59:59.999 UTC), the moment a
 * working-day deadline falling on `date` expires (R14, R15, R19). Throws a DomainError
 * (`VALIDATION_FAILED`) for a malformed date.
 */
export function shanghaiEndOfDay(date: IsoDate): Date {
  return new Date((dayOf(date) + 1) * DAY_MS - SHANGHAI_OFFSET_MS - 1);
}
