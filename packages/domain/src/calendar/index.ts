/**
 * Working-day calendar: the official holiday arrangements, working-day arithmetic, China-time
 * helpers and the deadline rule (R10.3, R14, R15, R19, R37.1). See working-days.ts for the
 * conventions and deadlines.ts for the deadline rule.
 */
export type { IsoDate } from './iso-date.js';
export { parseIsoDate } from './iso-date.js';
export type { CalendarDataProblem, HolidayCalendar, HolidayYear, PublishedYear, WorkingCalendar } from './holiday-calendar.js';
export { buildCalendar, calendarSource, calendarYears, isYearPublished } from './holiday-calendar.js';
export type { CalendarOptions, UnpublishedYearMode, WorkingDayAnswer, WorkingDayCount, WorkingDayDate } from './working-days.js';
export { addWorkingDays, isWorkingDay, MAX_WORKING_DAYS, workingDaysBetween } from './working-days.js';
export { SHANGHAI_OFFSET_MS, shanghaiDateOf, shanghaiEndOfDay, shanghaiStartOfDay } from './shanghai-time.js';
export type { DeadlineLeft, DeadlineOptions, DueDate } from './deadlines.js';
export { computeDueAt, DEFAULT_OFFICE_HOURS_END, workingDaysLeft } from './deadlines.js';
