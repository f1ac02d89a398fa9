/** Month grids of the working-day calendar: weeks Monday to Sunday, as Chinese calendars print them. */

/** Days 1…n of a month in weeks of seven (Monday first); null pads the first and last week. */
export function monthWeeks(year: number, month: number): (number | null)[][] {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  // getUTCDay: 0 Sunday … 6 Saturday; the offset counts from Monday.
  const offset = (new Date(Date.UTC(year, month - 1, 1)).getUTCDay() + 6) % 7;
  const cells: (number | null)[] = [...Array<null>(offset).fill(null), ...Array.from({ length: days }, (_, index) => index + 1)];
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (number | null)[][] = [];
  for (let start = 0; start < cells.length; start += 7) weeks.push(cells.slice(start, start + 7));
  return weeks;
}

/** YYYY-MM-DD of a day of a month. */
export function isoOf(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The column of a weekend day in a Monday-first week. */
export function isWeekendColumn(column: number): boolean {
  return column >= 5;
}
