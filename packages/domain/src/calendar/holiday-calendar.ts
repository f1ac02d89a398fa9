/**
 * The official holiday arrangements (节假日安排) as data, and the calendar built from them. Each
 * year is published by the State Council General Office (国务院办公厅关于 YYYY 年部分节假日安排的
 * 通知): the Monday–Friday dates that are days off, and the Saturday/Sunday dates that are working
 * days (调休). The table is data the bureau edits (R37.1), so `buildCalendar` validates it before
 * any deadline is computed from it: a wrong table would silently move every deadline (R14, R15,
 * R19, R10.3).
 */
import { refuse, type Refusal, type Result } from '../errors.js';
import { dayNumberFromIso, dayNumberOf, isWeekend, yearOf, type IsoDate } from './iso-date.js';

/** One published year: exactly the shape of `years.<YYYY>` in `shared/conformance/holidays-cn.json`. */
export interface HolidayYear {
  /** Monday–Friday dates that are statutory days off. */
  readonly holidaysOnWeekdays: readonly IsoDate[];
  /** Saturday/Sunday dates that are working days (调休). */
  readonly makeupWorkdays: readonly IsoDate[];
  /** The notice the year comes from, e.g. `国务院办公厅关于2025年部分节假日安排的通知 (2024-11-12)`. */
  readonly source: string;
  /** The number of working days the year has; when given, it is checked against the two lists. */
  readonly workingDays?: number;
}

/** The holiday arrangements of a set of years, keyed by the year (`"2025"`). */
export type HolidayCalendar = Readonly<Record<string, HolidayYear>>;

/** What the calendar knows of one published year. */
export interface PublishedYear {
  readonly year: number;
  readonly source: string;
  /** Working days in the year, computed from the lists. */
  readonly workingDays: number;
}

declare const workingCalendarBrand: unique symbol;

/**
 * A validated calendar, ready for lookups; only `buildCalendar` makes one. Dates are held as day
 * numbers (days since 1970-01-01) in Sets.
 */
export interface WorkingCalendar {
  readonly [workingCalendarBrand]: true;
  readonly years: ReadonlyMap<number, PublishedYear>;
  /** Day numbers of the Monday–Friday days off. */
  readonly holidays: ReadonlySet<number>;
  /** Day numbers of the Saturday/Sunday working days. */
  readonly makeupWorkdays: ReadonlySet<number>;
}

/** Why a holiday table was refused (the `reason` in the refusal's details). */
export type CalendarDataProblem =
  | 'year'
  | 'shape'
  | 'source'
  | 'date_format'
  | 'wrong_year'
  | 'holiday_on_weekend'
  | 'makeup_on_weekday'
  | 'duplicate'
  | 'in_both_lists'
  | 'working_days_mismatch';

const PROBLEM_TEXT: Record<CalendarDataProblem, { zh: string; en: string }> = {
  year: { zh: '年份应为四位数字', en: 'the year must be four digits' },
  shape: {
    zh: '应包含 holidaysOnWeekdays、makeupWorkdays 两个日期列表和 source',
    en: 'holidaysOnWeekdays, makeupWorkdays (lists of dates) and source are required',
  },
  source: { zh: '须注明发布通知（source）', en: 'the publishing notice (source) is required' },
  date_format: { zh: '不是 YYYY-MM-DD 格式的真实日期', en: 'is not a real date written YYYY-MM-DD' },
  wrong_year: { zh: '不属于该年度', en: 'does not belong to that year' },
  holiday_on_weekend: {
    zh: '是周六或周日，不应列为工作日放假日期',
    en: 'is a Saturday or Sunday: it cannot be a weekday holiday',
  },
  makeup_on_weekday: {
    zh: '是周一至周五，不应列为调休上班日期',
    en: 'is a Monday to Friday: it cannot be a make-up working day',
  },
  duplicate: { zh: '重复列出', en: 'is listed twice' },
  in_both_lists: {
    zh: '同时列为放假日期和调休上班日期',
    en: 'is listed both as a holiday and as a make-up working day',
  },
  working_days_mismatch: {
    zh: '工作日总数与放假、调休日期不符',
    en: 'the number of working days does not match the holiday and make-up lists',
  },
};

function problem(
  year: string,
  reason: CalendarDataProblem,
  field: string,
  date?: unknown,
  extra: Record<string, unknown> = {},
): { ok: false; refusal: Refusal } {
  const text = PROBLEM_TEXT[reason];
  const subject = date === undefined ? '' : `${typeof date === 'string' ? date : JSON.stringify(date)} `;
  return {
    ok: false,
    refusal: refuse('CALENDAR_DATA_INVALID', {
      field,
      details: { year, reason, ...(date === undefined ? {} : { date }), ...extra },
      message: {
        zh: `${year} 年节假日安排有误：${subject}${text.zh}`,
        en: `The ${year} holiday calendar is not valid: ${subject}${text.en}`,
      },
    }),
  };
}

function isDateList(value: unknown): value is readonly unknown[] {
  return Array.isArray(value);
}

/**
 * Validates the holiday arrangements and builds the calendar used by every working-day function
 * (R37.1; deadlines of R10.3, R14, R15, R19). Each year key must be four digits; every date must be
 * a real `YYYY-MM-DD` date of that year; `holidaysOnWeekdays` must fall on Monday–Friday and
 * `makeupWorkdays` on Saturday/Sunday; no date may be listed twice or in both lists; the source
 * must be named; and `workingDays`, when present, must equal the count the lists imply. The first
 * problem found (years in ascending order) is refused with `CALENDAR_DATA_INVALID`, naming the
 * year, the date and the reason in `details`.
 */
export function buildCalendar(years: HolidayCalendar): Result<WorkingCalendar> {
  const published = new Map<number, PublishedYear>();
  const holidays = new Set<number>();
  const makeupWorkdays = new Set<number>();

  for (const key of Object.keys(years).sort()) {
    const data: unknown = years[key];
    if (!/^\d{4}$/.test(key)) return problem(key, 'year', `years.${key}`);
    const year = Number(key);
    if (
      typeof data !== 'object' ||
      data === null ||
      !isDateList((data as HolidayYear).holidaysOnWeekdays) ||
      !isDateList((data as HolidayYear).makeupWorkdays)
    ) {
      return problem(key, 'shape', `years.${key}`);
    }
    const entry = data as HolidayYear;
    if (typeof entry.source !== 'string' || entry.source.trim() === '') {
      return problem(key, 'source', `years.${key}.source`);
    }

    const yearHolidays = new Set<number>();
    const yearMakeups = new Set<number>();
    for (const [list, target] of [
      ['holidaysOnWeekdays', yearHolidays],
      ['makeupWorkdays', yearMakeups],
    ] as const) {
      const field = `years.${key}.${list}`;
      for (const value of entry[list] as readonly unknown[]) {
        const day = typeof value === 'string' ? dayNumberFromIso(value) : undefined;
        if (day === undefined) return problem(key, 'date_format', field, value);
        if (yearOf(day) !== year) return problem(key, 'wrong_year', field, value);
        if (target.has(day)) return problem(key, 'duplicate', field, value);
        // Checked before the weekday rules, which would also refuse such a date, to name the real mistake.
        if (list === 'makeupWorkdays' && yearHolidays.has(day)) return problem(key, 'in_both_lists', field, value);
        if (list === 'holidaysOnWeekdays' && isWeekend(day)) return problem(key, 'holiday_on_weekend', field, value);
        if (list === 'makeupWorkdays' && !isWeekend(day)) return problem(key, 'makeup_on_weekday', field, value);
        target.add(day);
      }
    }

    const first = dayNumberOf(year, 1, 1);
    const last = dayNumberOf(year, 12, 31);
    let workingDays = 0;
    for (let day = first; day <= last; day++) {
      if (isWeekend(day) ? yearMakeups.has(day) : !yearHolidays.has(day)) workingDays++;
    }
    if (entry.workingDays !== undefined && entry.workingDays !== workingDays) {
      return problem(key, 'working_days_mismatch', `years.${key}.workingDays`, undefined, {
        stated: entry.workingDays,
        computed: workingDays,
      });
    }

    published.set(year, { year, source: entry.source, workingDays });
    for (const day of yearHolidays) holidays.add(day);
    for (const day of yearMakeups) makeupWorkdays.add(day);
  }

  const calendar = { years: published, holidays, makeupWorkdays };
  return { ok: true, value: Object.freeze(calendar) as unknown as WorkingCalendar };
}

/** The published years of a calendar, ascending (R37.1). */
export function calendarYears(calendar: WorkingCalendar): number[] {
  return [...calendar.years.keys()].sort((a, b) => a - b);
}

/**
 * Whether the holiday arrangements of `year` are in the calendar (R37.1). Working-day arithmetic
 * reaching any other year is refused or marked provisional, never guessed.
 */
export function isYearPublished(calendar: WorkingCalendar, year: number): boolean {
  return calendar.years.has(year);
}

/** The notice a published year comes from, for citing next to a deadline; undefined if unpublished. */
export function calendarSource(calendar: WorkingCalendar, year: number): string | undefined {
  return calendar.years.get(year)?.source;
}
