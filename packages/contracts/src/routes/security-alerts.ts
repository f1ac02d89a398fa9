/**
 * Unusual-access alerts for the security supervisors (R29.1, issue 8 item 4): raised by the
 * periodic sweep over the deliveries of the exit, listed, acknowledged and closed with a note.
 */
import { Type, type Static } from 'typebox';
import { ApiErrorBody, DateTime, IdParams, Uuid, protectedErrors } from '../common.js';
import { defineRoute } from '../route.js';

const notFound = { 404: ApiErrorBody };
const conflict = { 409: ApiErrorBody };

export const AccessAlertKind = Type.Enum(['spike', 'first_heavy', 'off_hours'], {
  description: 'spike: far above its own baseline; first_heavy: heavy use with no history; off_hours: bulk access at night',
});
export const AccessAlertSubject = Type.Enum(['api_key', 'user', 'share_grant', 'open_grant']);
export const AccessAlertState = Type.Enum(['open', 'acknowledged', 'closed']);

export const AccessAlert = Type.Object({
  id: Uuid,
  kind: AccessAlertKind,
  subjectType: AccessAlertSubject,
  subjectId: Uuid,
  subjectLabel: Type.String(),
  agencyId: Type.Union([Uuid, Type.Null()]),
  agencyName: Type.Union([Type.String(), Type.Null()]),
  windowKind: Type.Enum(['hour', 'day']),
  windowStart: DateTime,
  windowEnd: DateTime,
  observed: Type.Integer({ description: 'Records delivered in the window when raised' }),
  baseline: Type.Union([Type.Number(), Type.Null()], {
    description: 'Median records per day (per busiest hour for an hour window) over the baseline days; null when not compared',
  }),
  factor: Type.Number(),
  floor: Type.Integer(),
  raisedAt: DateTime,
  state: AccessAlertState,
  acknowledgedBy: Type.Union([Type.String(), Type.Null()]),
  acknowledgedAt: Type.Union([DateTime, Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
  closedBy: Type.Union([Type.String(), Type.Null()]),
  closedAt: Type.Union([DateTime, Type.Null()]),
  closeNote: Type.Union([Type.String(), Type.Null()]),
});
export type AccessAlert = Static<typeof AccessAlert>;

export const listSecurityAlerts = defineRoute({
  method: 'GET',
  url: '/api/security-alerts',
  schema: {
    tags: ['audit'],
    summary: 'Unusual-access alerts, newest first (security supervisors, bureau administrators; R29.1)',
    querystring: Type.Object({
      state: Type.Optional(AccessAlertState),
      kind: Type.Optional(AccessAlertKind),
      subjectType: Type.Optional(AccessAlertSubject),
      agencyId: Type.Optional(Uuid),
      limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
      offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
    }),
    response: { 200: Type.Object({ alerts: Type.Array(AccessAlert), total: Type.Integer() }), ...protectedErrors },
  },
});

export const AccessAlertDay = Type.Object({ day: Type.String({ format: 'date' }), records: Type.Integer() });
export type AccessAlertDay = Static<typeof AccessAlertDay>;

export const getSecurityAlert = defineRoute({
  method: 'GET',
  url: '/api/security-alerts/:id',
  schema: {
    tags: ['audit'],
    summary: "An alert with its subject's records per China day over the baseline days before it and its own day",
    params: IdParams,
    response: {
      200: Type.Object({ alert: AccessAlert, days: Type.Array(AccessAlertDay), dailyBaseline: Type.Union([Type.Number(), Type.Null()]) }),
      ...protectedErrors,
      ...notFound,
    },
  },
});

export const changeSecurityAlertState = defineRoute({
  method: 'POST',
  url: '/api/security-alerts/:id/state',
  schema: {
    tags: ['audit'],
    summary: 'Acknowledge an open alert or close an open or acknowledged one, with a note (audited)',
    params: IdParams,
    body: Type.Object({ action: Type.Enum(['acknowledge', 'close']), note: Type.String({ minLength: 2, maxLength: 2000 }) }),
    response: { 200: AccessAlert, ...protectedErrors, ...notFound, ...conflict },
  },
});
