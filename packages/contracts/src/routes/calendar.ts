import { Type, type Static } from 'typebox';
import { ApiErrorBody, DateTime, protectedErrors } from '../common.js';
import { defineRoute } from '../route.js';

export const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD (a China date)' });

export const CalendarYear = Type.Object({
  year: Type.Integer(),
  source: Type.String(),
  holidaysOnWeekdays: Type.Array(IsoDate),
  makeupWorkdays: Type.Array(IsoDate, { description: 'Weekend days that are working days (调休)' }),
  workingDays: Type.Integer(),
  updatedAt: DateTime,
});
export type CalendarYear = Static<typeof CalendarYear>;

export const WorkingDaysAnswer = Type.Object({
  from: IsoDate,
  days: Type.Integer(),
  date: IsoDate,
  provisional: Type.Boolean({ description: 'True when an unpublished year was counted Monday–Friday only' }),
});
export type WorkingDaysAnswer = Static<typeof WorkingDaysAnswer>;

export const addWorkingDaysRoute = defineRoute({
  method: 'GET',
  url: '/api/calendar/add-working-days',
  schema: {
    tags: ['calendar'],
    summary: 'The date N working days after a date, on the official calendar (refused for an unpublished year unless provisional=true)',
    querystring: Type.Object({
      from: IsoDate,
      days: Type.Integer({ minimum: 0, maximum: 10000 }),
      provisional: Type.Optional(Type.Boolean({ default: false })),
    }),
    response: { 200: WorkingDaysAnswer, 400: ApiErrorBody, 422: ApiErrorBody },
  },
});

export const listCalendarYears = defineRoute({
  method: 'GET',
  url: '/api/calendar',
  schema: { tags: ['calendar'], summary: 'Every published year of the holiday calendar', response: { 200: Type.Array(CalendarYear) } },
});

export const getCalendarYear = defineRoute({
  method: 'GET',
  url: '/api/calendar/:year',
  schema: {
    tags: ['calendar'],
    summary: 'A year’s statutory holidays on weekdays and make-up working days',
    params: Type.Object({ year: Type.Integer({ minimum: 1949, maximum: 2200 }) }),
    response: { 200: CalendarYear, 400: ApiErrorBody, 422: ApiErrorBody },
  },
});

export const putCalendarYear = defineRoute({
  method: 'PUT',
  url: '/api/calendar/:year',
  schema: {
    tags: ['calendar'],
    summary: 'Import or correct a year’s arrangements (bureau administrators; audited; open deadlines are recomputed)',
    params: Type.Object({ year: Type.Integer({ minimum: 1949, maximum: 2200 }) }),
    body: Type.Object({
      source: Type.String({ minLength: 1, maxLength: 300 }),
      holidaysOnWeekdays: Type.Array(IsoDate, { maxItems: 60 }),
      makeupWorkdays: Type.Array(IsoDate, { maxItems: 30 }),
    }),
    response: { 200: CalendarYear, ...protectedErrors },
  },
});
