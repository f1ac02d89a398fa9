/** The year import form: date lists typed one per line, and where the API's refusals belong. */
import { parseIsoDate } from '@gongshu/domain';

export type DateLines =
  { readonly ok: true; readonly dates: string[] } | { readonly ok: false; readonly line: number; readonly value: string };

/**
 * Reads dates written one per line (commas, spaces and 、 also separate them). The first one that is
 * not a real YYYY-MM-DD date is returned with its line number, so the form can name it.
 */
export function parseDateLines(text: string | undefined): DateLines {
  const dates: string[] = [];
  const lines = (text ?? '').split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    for (const value of line.split(/[\s,，、;；]+/).filter(Boolean)) {
      if (!parseIsoDate(value).ok) return { ok: false, line: index + 1, value };
      dates.push(value);
    }
  }
  return { ok: true, dates };
}

export const CALENDAR_FORM_FIELDS = ['year', 'source', 'holidaysOnWeekdays', 'makeupWorkdays'] as const;
export type CalendarFormField = (typeof CALENDAR_FORM_FIELDS)[number];

/**
 * The form field an API refusal concerns: "years.2027.makeupWorkdays" (the calendar check, naming
 * the date in its message) or "body.source" (schema validation). Null for the year's data as a whole.
 */
export function calendarFieldOf(field: string | null): CalendarFormField | null {
  if (!field) return null;
  const parts = field.split('.');
  return CALENDAR_FORM_FIELDS.find((name) => parts.includes(name)) ?? null;
}
