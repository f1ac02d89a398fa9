import { sql } from 'kysely';
import type { HolidayCalendar } from '@gongshu/domain';
import type { Executor } from '../../db/executor.js';

export interface CalendarYearRow {
  year: number;
  source: string;
  holidays_on_weekdays: string[];
  makeup_workdays: string[];
  updated_at: Date;
  updated_by: string | null;
}

export async function listCalendarYears(db: Executor): Promise<CalendarYearRow[]> {
  return db
    .selectFrom('calendar_years')
    .select([
      'year',
      'source',
      // date[] as text[]: the drivers would otherwise turn dates into time-zone-shifted Dates.
      sql<string[]>`holidays_on_weekdays::text[]`.as('holidays_on_weekdays'),
      sql<string[]>`makeup_workdays::text[]`.as('makeup_workdays'),
      'updated_at',
      'updated_by',
    ])
    .orderBy('year')
    .execute();
}

/** The stored years in the shape of domain's HolidayCalendar. */
export async function loadHolidayCalendar(db: Executor): Promise<HolidayCalendar> {
  const rows = await listCalendarYears(db);
  return Object.fromEntries(
    rows.map((r) => [
      String(r.year),
      { source: r.source, holidaysOnWeekdays: [...r.holidays_on_weekdays].sort(), makeupWorkdays: [...r.makeup_workdays].sort() },
    ]),
  );
}

export async function upsertCalendarYear(
  db: Executor,
  row: { year: number; source: string; holidays: string[]; makeups: string[]; at: Date; by: string | null },
): Promise<void> {
  await db
    .insertInto('calendar_years')
    .values({
      year: row.year,
      source: row.source,
      holidays_on_weekdays: sql<string[]>`${row.holidays}::date[]`,
      makeup_workdays: sql<string[]>`${row.makeups}::date[]`,
      updated_at: row.at,
      updated_by: row.by,
    })
    .onConflict((oc) =>
      oc.column('year').doUpdateSet({
        source: row.source,
        holidays_on_weekdays: sql<string[]>`${row.holidays}::date[]`,
        makeup_workdays: sql<string[]>`${row.makeups}::date[]`,
        updated_at: row.at,
        updated_by: row.by,
      }),
    )
    .execute();
}
