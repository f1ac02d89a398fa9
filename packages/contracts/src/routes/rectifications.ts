import { Type, type Static } from 'typebox';
import { DateTime, IdParams, Uuid, protectedErrors } from '../common.js';
import { defineRoute } from '../route.js';
import { PendingItem } from './deadlines.js';

export const Rectification = Type.Object({
  id: Uuid,
  agency: Type.Object({ id: Uuid, name: Type.String() }),
  title: Type.String(),
  reason: Type.String(),
  requirement: Type.String(),
  termWorkingDays: Type.Integer(),
  state: Type.Enum(['open', 'reported', 'closed']),
  round: Type.Integer(),
  issuedBy: Type.String(),
  issuedAt: DateTime,
  report: Type.Union([Type.String(), Type.Null()]),
  reportedAt: Type.Union([DateTime, Type.Null()]),
  reviewComment: Type.Union([Type.String(), Type.Null()]),
  closedAt: Type.Union([DateTime, Type.Null()]),
  deadline: Type.Union([PendingItem, Type.Null()], { description: 'The current step on the clock, if any' }),
});
export type Rectification = Static<typeof Rectification>;

export const listRectifications = defineRoute({
  method: 'GET',
  url: '/api/rectifications',
  schema: {
    tags: ['supervision'],
    summary: 'Rectification orders (R35.1): all for the bureau, the sector’s for a sector supervisor, one’s own agency’s otherwise',
    querystring: Type.Object({ state: Type.Optional(Type.Enum(['open', 'reported', 'closed'])) }),
    response: { 200: Type.Array(Rectification), ...protectedErrors },
  },
});

export const getRectification = defineRoute({
  method: 'GET',
  url: '/api/rectifications/:id',
  schema: {
    tags: ['supervision'],
    summary: 'One rectification order with its current step on the clock',
    params: IdParams,
    response: { 200: Rectification, ...protectedErrors, 404: protectedErrors[400] },
  },
});

export const issueRectification = defineRoute({
  method: 'POST',
  url: '/api/rectifications',
  schema: {
    tags: ['supervision'],
    summary: 'Order an agency to rectify within a term of working days (R35.1)',
    body: Type.Object({
      agencyId: Uuid,
      title: Type.String({ minLength: 2, maxLength: 100 }),
      reason: Type.String({ minLength: 2, maxLength: 2000 }),
      requirement: Type.String({ pattern: '^R\\d+\\.\\d+$' }),
      termWorkingDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 60 })),
    }),
    response: { 201: Rectification, ...protectedErrors },
  },
});

export const reportRectification = defineRoute({
  method: 'POST',
  url: '/api/rectifications/:id/report',
  schema: {
    tags: ['supervision'],
    summary: 'The agency’s data steward reports what was rectified (R8.1, R35.1)',
    params: IdParams,
    body: Type.Object({ report: Type.String({ minLength: 2, maxLength: 5000 }) }),
    response: { 200: Rectification, ...protectedErrors, 404: protectedErrors[400], 409: protectedErrors[400] },
  },
});

export const reviewRectification = defineRoute({
  method: 'POST',
  url: '/api/rectifications/:id/review',
  schema: {
    tags: ['supervision'],
    summary: 'The bureau closes the order, or returns the report for another term',
    params: IdParams,
    body: Type.Object({ accepted: Type.Boolean(), comment: Type.String({ minLength: 1, maxLength: 2000 }) }),
    response: { 200: Rectification, ...protectedErrors, 404: protectedErrors[400], 409: protectedErrors[400] },
  },
});
