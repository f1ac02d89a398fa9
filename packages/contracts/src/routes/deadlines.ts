import { Type, type Static } from 'typebox';
import { DateTime, Uuid, protectedErrors } from '../common.js';
import { defineRoute } from '../route.js';
import { IsoDate } from './calendar.js';

const Bilingual = Type.Object({ zh: Type.String(), en: Type.String() });

export const DeadlineState = Type.Enum(['open', 'met', 'overdue', 'cancelled']);

export const PendingItem = Type.Object({
  id: Uuid,
  subjectType: Type.String(),
  subjectId: Type.String(),
  step: Type.String(),
  stepLabel: Bilingual,
  title: Type.String(),
  link: Type.Union([Type.String(), Type.Null()]),
  responsibleAgency: Type.Object({ id: Uuid, name: Type.String() }),
  startedAt: DateTime,
  receivedOn: IsoDate,
  dueOn: IsoDate,
  dueAt: DateTime,
  workingDays: Type.Integer(),
  workingDaysLeft: Type.Integer({ description: 'Working days from today to the due day; 0 on the due day, negative when overdue' }),
  state: DeadlineState,
  overdue: Type.Boolean({ description: 'Open past its due time, or met after it' }),
  metAt: Type.Union([DateTime, Type.Null()], { description: 'When the step was done' }),
  provisional: Type.Boolean({ description: 'Due date counted Monday–Friday in a year without a published calendar' }),
  requirement: Type.String(),
  article: Type.Union([Type.String(), Type.Null()]),
  ruleSet: Type.String(),
});
export type PendingItem = Static<typeof PendingItem>;

export const listPending = defineRoute({
  method: 'GET',
  url: '/api/deadlines/pending',
  schema: {
    tags: ['deadlines'],
    summary: 'Open and overdue steps with time left, sorted by due time: the steward’s agency, or every agency for the bureau',
    querystring: Type.Object({ agencyId: Type.Optional(Uuid) }),
    response: { 200: Type.Array(PendingItem), ...protectedErrors },
  },
});

export const OnTimeRow = Type.Object({
  key: Type.String(),
  label: Bilingual,
  metOnTime: Type.Integer(),
  metLate: Type.Integer(),
  overdue: Type.Integer(),
  open: Type.Integer(),
  rate: Type.Union([Type.Number(), Type.Null()], { description: 'metOnTime / (metOnTime + metLate + overdue); null with none' }),
});
export type OnTimeRow = Static<typeof OnTimeRow>;

export const deadlineStats = defineRoute({
  method: 'GET',
  url: '/api/deadlines/stats',
  schema: {
    tags: ['deadlines'],
    summary: 'On-time rate per agency and per step type (R33.1 supervision figure)',
    querystring: Type.Object({ from: Type.Optional(IsoDate), to: Type.Optional(IsoDate) }),
    response: {
      200: Type.Object({ from: IsoDate, to: IsoDate, byAgency: Type.Array(OnTimeRow), byStep: Type.Array(OnTimeRow) }),
      ...protectedErrors,
    },
  },
});
