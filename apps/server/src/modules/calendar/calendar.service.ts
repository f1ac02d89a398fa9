/**
 * The official holiday calendar as data (R37.1): read for every computation (two small rows a
 * year, so every process sees an edit at once), edited or imported by the bureau (audited), and
 * the source of all working-day arithmetic through domain/calendar.
 */
import type { CalendarYear, WorkingDaysAnswer } from '@gongshu/contracts';
import {
  addWorkingDays,
  buildCalendar,
  DomainError,
  fail,
  isYearPublished,
  refuse,
  type HolidayYear,
  type WorkingCalendar,
} from '@gongshu/domain';
import type { Kysely } from 'kysely';
import type { Clock, RequestContext } from '../../context.js';
import type { Executor } from '../../db/executor.js';
import type { Database } from '../../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import { listCalendarYears, loadHolidayCalendar, upsertCalendarYear } from './calendar.repository.js';

export interface CalendarDeps {
  readonly db: Kysely<Database>;
  readonly audit: AuditService;
  readonly clock: Clock;
}

/** Builds the working calendar from the stored years; stored data was validated on the way in. */
export async function loadWorkingCalendar(db: Executor): Promise<WorkingCalendar> {
  const built = buildCalendar(await loadHolidayCalendar(db));
  if (!built.ok) throw new DomainError(built.refusal);
  return built.value;
}

function workingDayCount(calendar: WorkingCalendar, year: number): number {
  return calendar.years.get(year)?.workingDays ?? 0;
}

export function createCalendarService(
  deps: CalendarDeps & { onYearChanged: (trx: Executor, ctx: RequestContext, year: number) => Promise<void> },
) {
  const { db, audit, clock } = deps;

  async function listYears(): Promise<CalendarYear[]> {
    const calendar = await loadWorkingCalendar(db);
    return (await listCalendarYears(db)).map((r) => ({
      year: r.year,
      source: r.source,
      holidaysOnWeekdays: [...r.holidays_on_weekdays].sort(),
      makeupWorkdays: [...r.makeup_workdays].sort(),
      workingDays: workingDayCount(calendar, r.year),
      updatedAt: r.updated_at.toISOString(),
    }));
  }

  async function year(y: number): Promise<CalendarYear> {
    const found = (await listYears()).find((entry) => entry.year === y);
    if (!found) throw new DomainError(refuse('CALENDAR_YEAR_UNPUBLISHED', { details: { year: y }, message: unpublishedMessage(y) }));
    return found;
  }

  return {
    load: () => loadWorkingCalendar(db),
    listYears,
    year,

    async addWorkingDays(from: string, days: number, provisional: boolean): Promise<WorkingDaysAnswer> {
      const calendar = await loadWorkingCalendar(db);
      const result = addWorkingDays(from, days, calendar, { unpublished: provisional ? 'provisional' : 'refuse' });
      if (!result.ok) throw new DomainError(result.refusal);
      return { from, days, date: result.value.date, provisional: result.value.provisional };
    },

    /**
     * Imports a new year or replaces an edited one (bureau administrators). The year is validated
     * with the others; open deadlines are recomputed on the new calendar in the same transaction.
     */
    async setYear(ctx: RequestContext, y: number, input: HolidayYear): Promise<CalendarYear> {
      await db.transaction().execute(async (trx) => {
        const years = await loadHolidayCalendar(trx);
        const before = years[String(y)];
        const built = buildCalendar({ ...years, [String(y)]: input });
        if (!built.ok) throw new DomainError(built.refusal);
        if (!isYearPublished(built.value, y)) fail('CALENDAR_DATA_INVALID', { field: 'year' });
        const actor = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
        await upsertCalendarYear(trx, {
          year: y,
          source: input.source,
          holidays: [...input.holidaysOnWeekdays],
          makeups: [...input.makeupWorkdays],
          at: clock(),
          by: actor,
        });
        await audit.record(trx, ctx, {
          action: before ? 'calendar.update' : 'calendar.import',
          subjectType: 'calendar_year',
          subjectId: String(y),
          details: { before: before ?? null, after: input },
        });
        await deps.onYearChanged(trx, ctx, y);
      });
      return year(y);
    },
  };
}

export function unpublishedMessage(year: number) {
  return {
    zh: `尚未发布 ${year} 年节假日安排，无法计算工作日（R37.1）`,
    en: `The holiday arrangements for ${year} are not published yet: working days cannot be computed (R37.1)`,
  };
}

export type CalendarService = ReturnType<typeof createCalendarService>;
