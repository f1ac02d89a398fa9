/**
 * Deadlines in working days (办理时限): when a step that must be done "within N working days"
 * (N个工作日内) is due, and how many working days are left (R10.3, R14.1–R14.3, R15.1, R19.2,
 * R19.3; unpublished years per R37.1).
 *
 * The deadline rule. A step with a limit of N working days (an integer, N ≥ 0) that starts at the
 * instant t is computed as follows, all dates being China dates (Asia/Shanghai, UTC+08:00):
 * 1. S is the China date of t.
 * 2. The received day R (受理日) is S if S is a working day and the China time of day of t is before
 *    the office-hours cut-off `officeHoursEnd` (default `'17:00'`; a filing at exactly 17:00:00.000
 *    is after it). Otherwise, a filing after hours or on a non-working day, R is the first working
 *    day after S: the filing is treated as received on the next working day.
 * 3. The received day itself is not counted; counting starts on the following working day, as in
 *    administrative practice (e.g. the Administrative Licensing Law's time limits). The due day is
 *    D = addWorkingDays(R, N), the Nth working day after R (D = R when N = 0).
 * 4. The step is due at the end of D, 23:59:59.999 China time (`dueAt`), and overdue from the next
 *    millisecond.
 * Examples (2025 calendar; 2025-01-26 is a Sunday make-up working day): filed Friday 2025-01-24
 * 10:00 with N = 1, R = 2025-01-24 and D = 2025-01-26 (due 2025-01-26T23:59:59.999+08:00); filed the
 * same Friday at 18:00, R = 2025-01-26 and D = 2025-01-27; filed Saturday 2025-01-25, R = 2025-01-26.
 *
 * The answers carry `provisional: true` when a day examined while finding R and D lies in a year
 * without published arrangements and `{ unpublished: 'provisional' }` was asked; by default such a
 * deadline is refused with `CALENDAR_YEAR_UNPUBLISHED` (see working-days.ts for the conventions).
 */
import { refuse, type Refusal, type Result } from '../errors.js';
import type { WorkingCalendar } from './holiday-calendar.js';
import { dayNumberFromIso, invalidDate, isoFromDayNumber, type IsoDate } from './iso-date.js';
import { shanghaiDayNumber, shanghaiEndOfDay, shanghaiMsOfDay } from './shanghai-time.js';
import {
  addWorkingDayNumbers,
  checkCount,
  modeOf,
  workingDayNumbersBetween,
  type CalendarOptions,
  type Examination,
} from './working-days.js';

/** Options of `computeDueAt`. */
export interface DeadlineOptions extends CalendarOptions {
  /**
   * The end of office hours in China time, `HH:MM` from `00:00` to `24:00` (default `'17:00'`).
   * A filing at or after it counts from the next working day. `'24:00'` means no cut-off.
   */
  readonly officeHoursEnd?: string;
}

/** The default end of office hours, China time. */
export const DEFAULT_OFFICE_HOURS_END = '17:00';

/** When a working-day step is due. */
export interface DueDate {
  /** The received day R: the first day of the deadline's reckoning, itself not counted. */
  readonly receivedOn: IsoDate;
  /** The due day D, the Nth working day after `receivedOn`. */
  readonly dueOn: IsoDate;
  /** The end of `dueOn`: 23:59:59.999 China time. */
  readonly dueAt: Date;
  /** True when an unpublished year was counted Monday–Friday only ('provisional' mode). */
  readonly provisional: boolean;
}

/** Working days left until a due day. */
export interface DeadlineLeft {
  /** Signed working days from the China date of now to the due day (see `workingDaysLeft`). */
  readonly days: number;
  /** True once the China date of now is after the due day. */
  readonly overdue: boolean;
  readonly provisional: boolean;
}

/** Milliseconds since midnight of an `HH:MM` cut-off, or undefined when malformed. */
function cutOffMs(value: string): number | undefined {
  const match = /^(\d{2}):(\d{2})$/.exec(value);
  if (match === null) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes > 0)) return undefined;
  return (hours * 60 + minutes) * 60_000;
}

const invalidInstant = (field: string): Refusal =>
  refuse('VALIDATION_FAILED', { field, message: { zh: '时间无效', en: 'The instant is not a valid date and time' } });

const validMs = (instant: Date): number | undefined => {
  const ms = instant instanceof Date ? instant.getTime() : Number.NaN;
  return Number.isFinite(ms) ? ms : undefined;
};

/**
 * When a step limited to `workingDays` working days, started at the instant `start`, is due: the
 * deadline rule of the module comment (R10.3, R14, R15, R19; R37.1 for unpublished years). Returns
 * the received day, the due day, the due instant (end of the due day, China time) and whether the
 * answer is provisional; refuses `VALIDATION_FAILED` for an invalid instant, count or cut-off, and
 * `CALENDAR_YEAR_UNPUBLISHED` in 'refuse' mode.
 */
export function computeDueAt(start: Date, workingDays: number, calendar: WorkingCalendar, options: DeadlineOptions = {}): Result<DueDate> {
  const mode = modeOf(options);
  if (typeof mode !== 'string') return { ok: false, refusal: mode };
  const ms = validMs(start);
  if (ms === undefined) return { ok: false, refusal: invalidInstant('start') };
  const badCount = checkCount(workingDays, 'workingDays');
  if (badCount !== undefined) return { ok: false, refusal: badCount };
  const officeHoursEnd = options.officeHoursEnd ?? DEFAULT_OFFICE_HOURS_END;
  const cutOff = cutOffMs(officeHoursEnd);
  if (cutOff === undefined) {
    return { ok: false, refusal: refuse('VALIDATION_FAILED', { field: 'officeHoursEnd', details: { value: officeHoursEnd } }) };
  }

  const examination: Examination = { provisional: false };
  const filedOn = shanghaiDayNumber(ms);
  const withinOfficeHours = shanghaiMsOfDay(ms) < cutOff;
  // Within office hours: the first working day on or after the filing date (n = 0), i.e. the
  // filing date itself when it is a working day. After hours: the first working day after it.
  const received = addWorkingDayNumbers(calendar, filedOn, withinOfficeHours ? 0 : 1, mode, examination);
  if (typeof received !== 'number') return { ok: false, refusal: received };
  const due = addWorkingDayNumbers(calendar, received, workingDays, mode, examination);
  if (typeof due !== 'number') return { ok: false, refusal: due };
  const dueOn = isoFromDayNumber(due);
  return {
    ok: true,
    value: {
      receivedOn: isoFromDayNumber(received),
      dueOn,
      dueAt: shanghaiEndOfDay(dueOn),
      provisional: examination.provisional,
    },
  };
}

/**
 * Working days left for a "time left" display (R14, R15, R19; R37.1 for unpublished years). With
 * T the China date of `now`, `days` is `workingDaysBetween(T, dueOn)`:
 * - T before `dueOn`: the working days d with T < d ≤ dueOn, the whole working days left after
 *   today (1 on the last working day before the due day);
 * - T = `dueOn`: 0 (due today, until 23:59:59.999 China time);
 * - T after `dueOn`: minus the working days d with dueOn < d ≤ T, and `overdue` is true. On
 *   non-working days straight after the due day `days` is still 0, so screens choose "overdue"
 *   wording from `overdue`, not from the sign of `days`.
 */
export function workingDaysLeft(now: Date, dueOn: IsoDate, calendar: WorkingCalendar, options: CalendarOptions = {}): Result<DeadlineLeft> {
  const mode = modeOf(options);
  if (typeof mode !== 'string') return { ok: false, refusal: mode };
  const ms = validMs(now);
  if (ms === undefined) return { ok: false, refusal: invalidInstant('now') };
  const due = dayNumberFromIso(dueOn);
  if (due === undefined) return { ok: false, refusal: invalidDate(dueOn, 'dueOn') };
  const today = shanghaiDayNumber(ms);
  const examination: Examination = { provisional: false };
  const days = workingDayNumbersBetween(calendar, today, due, mode, examination);
  if (typeof days !== 'number') return { ok: false, refusal: days };
  return { ok: true, value: { days, overdue: today > due, provisional: examination.provisional } };
}
