/**
 * Opening data to citizens and companies (R19.2–R20.1): applications for conditional open data
 * (bureau formal review, then the provider), demands for data not yet open with their public list
 * (R19.3), rejections with every reason and its legal basis shown to the applicant (R19.4), open
 * grants and the holders' usage reports (R20.1).
 */
import { Type, type Static } from 'typebox';
import { DateTime, IdParams, Uuid, protectedErrors } from '../common.js';
import { OpenType } from '../enums.js';
import { FieldMasks, MaskRule } from '../masks.js';
import { defineRoute } from '../route.js';
import { IsoDate } from './calendar.js';
import { PendingItem } from './deadlines.js';
import { RejectionReason } from './sharing.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const AgencyRef = Type.Object({ id: Uuid, name: Type.String() });
const FieldRef = Type.Object({
  code: Type.String(),
  name: Type.String(),
  defaultMask: Type.Optional(MaskRule),
  effectiveMask: Type.Optional(MaskRule),
});
const notFound = { 404: protectedErrors[400] };
const conflict = { 409: protectedErrors[400] };
const Comment = Type.Optional(Type.String({ maxLength: 2000 }));

export const OpenApplicationRoute = Type.Enum(['conditional', 'demand'], {
  description: 'R19.2 conditional open data, R19.3 demand for data not yet open',
});
export const OpenApplicationState = Type.Enum(
  ['formal_review', 'provider_review', 'provider_answer', 'granted', 'answered', 'rejected', 'withdrawn'],
  { description: 'formal_review (bureau), provider_review / provider_answer (provider), then a final state' },
);
export type OpenApplicationState = Static<typeof OpenApplicationState>;

export const OpenApplicationCommitments = Type.Object(
  { lawfulUse: Type.Boolean(), protection: Type.Boolean(), usageReports: Type.Boolean(), citation: Type.Boolean() },
  { description: 'R19.2: every one must be true' },
);
export const OpenRejection = Type.Object({
  by: Type.Enum(['bureau', 'provider']),
  byLabel: Type.String(),
  reasons: Type.Array(RejectionReason),
  at: DateTime,
});
export const OpenDemandAnswer = Type.Object({
  willOpen: Type.Boolean(),
  expectedBy: Nullable(IsoDate),
  text: Type.String(),
  at: DateTime,
});

export const OpenApplication = Type.Object({
  id: Uuid,
  number: Type.String(),
  route: OpenApplicationRoute,
  state: OpenApplicationState,
  title: Type.String(),
  dataDescription: Nullable(Type.String()),
  applicant: Type.Object({ id: Uuid, name: Type.String() }),
  resource: Nullable(Type.Object({ id: Uuid, code: Nullable(Type.String()), name: Type.String(), openType: OpenType })),
  provider: Nullable(AgencyRef),
  fields: Type.Array(FieldRef, { description: 'Fields asked for' }),
  purpose: Type.String(),
  measures: Nullable(Type.String()),
  periodFrom: Nullable(IsoDate),
  periodTo: Nullable(IsoDate),
  commitments: Type.Record(Type.String(), Type.Boolean()),
  approvedFields: Nullable(Type.Array(Type.String())),
  approvedPeriodTo: Nullable(IsoDate),
  rejection: Nullable(OpenRejection),
  answer: Nullable(OpenDemandAnswer),
  grantId: Nullable(Uuid),
  createdAt: DateTime,
  updatedAt: DateTime,
  closedAt: Nullable(DateTime),
  deadline: Nullable(PendingItem),
});
export type OpenApplication = Static<typeof OpenApplication>;

export const OpenApplicationEvent = Type.Object({
  at: DateTime,
  actorLabel: Type.String(),
  action: Type.String(),
  fromState: Nullable(Type.String()),
  toState: Type.String(),
  note: Nullable(Type.String()),
});

export const OpenApplicationDetail = Type.Object({
  ...OpenApplication.properties,
  conditions: Nullable(Type.String({ description: 'The provider’s published open conditions (R19.2)' })),
  availableFields: Type.Array(FieldRef, { description: 'Every field of the resource (the provider may approve fewer)' }),
  events: Type.Array(OpenApplicationEvent),
  deadlines: Type.Array(PendingItem, { description: 'Every step on the clock, met or open' }),
  can: Type.Object({
    formalReview: Type.Boolean(),
    providerReview: Type.Boolean(),
    answer: Type.Boolean(),
    withdraw: Type.Boolean(),
  }),
});
export type OpenApplicationDetail = Static<typeof OpenApplicationDetail>;

export const OpenApplicationScope = Type.Enum(['mine', 'review', 'provider', 'all'], {
  description: 'mine: my own applications; review: the bureau’s formal queue; provider: my agency’s resources; all: the bureau',
});

export const listOpenApplications = defineRoute({
  method: 'GET',
  url: '/api/open/applications',
  schema: {
    tags: ['open-applications'],
    summary: 'Open-data applications and demands in a scope, newest first, with the current step and time left',
    querystring: Type.Object({
      scope: OpenApplicationScope,
      route: Type.Optional(OpenApplicationRoute),
      state: Type.Optional(OpenApplicationState),
      resourceId: Type.Optional(Uuid),
    }),
    response: { 200: Type.Array(OpenApplication), ...protectedErrors },
  },
});

export const getOpenApplication = defineRoute({
  method: 'GET',
  url: '/api/open/applications/:id',
  schema: {
    tags: ['open-applications'],
    summary:
      'One application with its timeline, steps on the clock, rejection reasons and what the caller can do (the applicant, the bureau, the provider)',
    params: IdParams,
    response: { 200: OpenApplicationDetail, ...protectedErrors, ...notFound },
  },
});

export const fileOpenApplication = defineRoute({
  method: 'POST',
  url: '/api/open/applications',
  schema: {
    tags: ['open-applications'],
    summary: 'Apply for a conditional open resource (R19.2): chosen fields, purpose, protective measures, period, commitments',
    body: Type.Object({
      resourceId: Uuid,
      fields: Type.Optional(Type.Array(Type.String(), { description: 'Omitted: every field of the resource' })),
      purpose: Type.String({ maxLength: 2000 }),
      measures: Type.String({ maxLength: 2000 }),
      periodFrom: IsoDate,
      periodTo: IsoDate,
      commitments: OpenApplicationCommitments,
    }),
    response: { 201: OpenApplicationDetail, ...protectedErrors, ...notFound, ...conflict },
  },
});

export const fileOpenDemand = defineRoute({
  method: 'POST',
  url: '/api/open/demands',
  schema: {
    tags: ['open-applications'],
    summary:
      'Ask for data not yet open (R19.3): a resource with open type none, or data described in free text (the provider chosen, or left to the bureau)',
    body: Type.Object({
      resourceId: Type.Optional(Uuid),
      title: Type.Optional(Type.String({ maxLength: 200 })),
      description: Type.String({ maxLength: 2000 }),
      purpose: Type.String({ maxLength: 2000 }),
      providerAgencyId: Type.Optional(Uuid),
    }),
    response: { 201: OpenApplicationDetail, ...protectedErrors, ...notFound, ...conflict },
  },
});

export const formalReviewOpenApplication = defineRoute({
  method: 'POST',
  url: '/api/open/applications/:id/formal-review',
  schema: {
    tags: ['open-applications'],
    summary:
      'The bureau’s formal review (R19.2 ≤ 5, R19.3 ≤ 10 working days): approve (for a demand outside the catalog, choosing the provider), or reject with every reason and its legal basis (R19.4)',
    params: IdParams,
    body: Type.Object({
      approve: Type.Boolean(),
      comment: Comment,
      reasons: Type.Optional(Type.Array(RejectionReason)),
      providerAgencyId: Type.Optional(Uuid),
    }),
    response: { 200: OpenApplicationDetail, ...protectedErrors, ...notFound, ...conflict },
  },
});

export const providerReviewOpenApplication = defineRoute({
  method: 'POST',
  url: '/api/open/applications/:id/provider-review',
  schema: {
    tags: ['open-applications'],
    summary:
      'The provider’s review (R19.2 ≤ 10 working days): approve (possibly fewer fields, a shorter period; the grant follows) or reject with reasons (R19.4)',
    params: IdParams,
    body: Type.Object({
      approve: Type.Boolean(),
      fields: Type.Optional(Type.Array(Type.String())),
      periodTo: Type.Optional(IsoDate),
      masks: Type.Optional(FieldMasks),
      reportEveryMonths: Type.Optional(Type.Integer({ minimum: 1, maximum: 12, description: 'Default 6 (R20.1)' })),
      comment: Comment,
      reasons: Type.Optional(Type.Array(RejectionReason)),
    }),
    response: { 200: OpenApplicationDetail, ...protectedErrors, ...notFound, ...conflict },
  },
});

export const answerOpenDemand = defineRoute({
  method: 'POST',
  url: '/api/open/applications/:id/answer',
  schema: {
    tags: ['open-applications'],
    summary: 'The provider answers a demand (R19.3 ≤ 15 working days): whether it will open the data and when, or why not; public',
    params: IdParams,
    body: Type.Object({
      willOpen: Type.Boolean(),
      expectedBy: Type.Optional(IsoDate),
      text: Type.String({ minLength: 2, maxLength: 2000 }),
    }),
    response: { 200: OpenApplicationDetail, ...protectedErrors, ...notFound, ...conflict },
  },
});

export const withdrawOpenApplication = defineRoute({
  method: 'POST',
  url: '/api/open/applications/:id/withdraw',
  schema: {
    tags: ['open-applications'],
    summary: 'The applicant withdraws an application or demand still under review',
    params: IdParams,
    body: Type.Object({ comment: Comment }),
    response: { 200: OpenApplicationDetail, ...protectedErrors, ...notFound, ...conflict },
  },
});

export const OpenPublicDemand = Type.Object({
  id: Uuid,
  number: Type.String(),
  state: OpenApplicationState,
  title: Type.String(),
  description: Nullable(Type.String()),
  applicant: Type.String({ description: 'At most a masked name (张*): no personal data' }),
  resource: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
  provider: Nullable(AgencyRef),
  answer: Nullable(OpenDemandAnswer),
  rejection: Nullable(Type.Object({ by: Type.Enum(['bureau', 'provider']), reasons: Type.Array(RejectionReason), at: DateTime })),
  dueOn: Nullable(IsoDate),
  createdAt: DateTime,
  closedAt: Nullable(DateTime),
});
export type OpenPublicDemand = Static<typeof OpenPublicDemand>;

export const listPublicDemands = defineRoute({
  method: 'GET',
  url: '/api/open/demands',
  schema: {
    tags: ['open-applications'],
    summary: 'The public list of demands for data not yet open (R19.3): state, answers and rejection reasons, without personal data',
    querystring: Type.Object({
      state: Type.Optional(OpenApplicationState),
      limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 200 })),
    }),
    response: { 200: Type.Array(OpenPublicDemand), 400: protectedErrors[400] },
  },
});

export const OpenGrantStatus = Type.Enum(['active', 'pending', 'expired', 'suspended', 'revoked']);
export const OpenUsageReportStatus = Type.Enum(['upcoming', 'due', 'overdue', 'suspend', 'submitted']);
export const OpenUsageReport = Type.Object({
  id: Uuid,
  dueOn: IsoDate,
  status: OpenUsageReportStatus,
  remindedAt: Nullable(DateTime),
  submittedAt: Nullable(DateTime),
  built: Nullable(Type.String()),
  outcome: Nullable(Type.String()),
  links: Type.Array(Type.String()),
  protection: Nullable(Type.String()),
});
export type OpenUsageReport = Static<typeof OpenUsageReport>;

export const OpenGrant = Type.Object({
  id: Uuid,
  number: Type.String(),
  application: Type.Object({ id: Uuid, number: Type.String() }),
  holder: Type.Object({ id: Uuid, name: Type.String() }),
  resource: Type.Object({ id: Uuid, code: Nullable(Type.String()), name: Type.String() }),
  provider: AgencyRef,
  fields: Type.Array(FieldRef),
  purpose: Type.String(),
  validFrom: DateTime,
  validTo: DateTime,
  state: Type.Enum(['active', 'suspended', 'revoked']),
  status: OpenGrantStatus,
  stateReason: Nullable(Type.String()),
  suspendedForReport: Type.Boolean(),
  reportEveryMonths: Type.Integer(),
  citation: Type.String({ description: 'R23.1: cite the source with the data' }),
  recordsUrl: Type.String({ description: 'The query API for the granted fields, called with the holder’s API key' }),
  reports: Type.Array(OpenUsageReport),
  createdAt: DateTime,
});
export type OpenGrant = Static<typeof OpenGrant>;

export const listOpenGrants = defineRoute({
  method: 'GET',
  url: '/api/open/grants',
  schema: {
    tags: ['open-applications'],
    summary: 'Open grants: mine (the holder), provider (my agency’s resources), all (the bureau), with their usage reports',
    querystring: Type.Object({ scope: Type.Enum(['mine', 'provider', 'all']), resourceId: Type.Optional(Uuid) }),
    response: { 200: Type.Array(OpenGrant), ...protectedErrors },
  },
});

export const changeOpenGrantState = defineRoute({
  method: 'POST',
  url: '/api/open/grants/:id/state',
  schema: {
    tags: ['open-applications'],
    summary: 'The bureau suspends, restores or revokes an open grant, with the reason',
    params: IdParams,
    body: Type.Object({ action: Type.Enum(['suspend', 'restore', 'revoke']), reason: Type.String({ minLength: 2, maxLength: 1000 }) }),
    response: { 200: OpenGrant, ...protectedErrors, ...notFound, ...conflict },
  },
});

export const submitUsageReport = defineRoute({
  method: 'POST',
  url: '/api/open/grants/:id/reports/:reportId',
  schema: {
    tags: ['open-applications'],
    summary:
      'The holder reports their use (R20.1): what they built, with what result, links and how they protected the data; restores a grant suspended for it',
    params: Type.Object({ id: Uuid, reportId: Uuid }),
    body: Type.Object({
      built: Type.String({ minLength: 2, maxLength: 4000 }),
      outcome: Type.String({ minLength: 2, maxLength: 4000 }),
      links: Type.Array(Type.String({ maxLength: 500 }), { maxItems: 20 }),
      protection: Type.String({ minLength: 2, maxLength: 4000 }),
    }),
    response: { 200: OpenGrant, ...protectedErrors, ...notFound, ...conflict },
  },
});

export const OpenApplyState = Type.Object({
  resource: Type.Object({
    id: Uuid,
    code: Nullable(Type.String()),
    name: Type.String(),
    openType: OpenType,
    provider: AgencyRef,
    conditions: Nullable(Type.String({ description: 'The provider’s published open conditions (R19.2)' })),
    fields: Type.Array(FieldRef, { description: 'Fields one may apply for (conditional resources only)' }),
  }),
  signedIn: Type.Boolean(),
  canApply: Type.Boolean({ description: 'The caller is a public user (open.participate)' }),
  application: Nullable(Type.Object({ id: Uuid, number: Type.String(), state: OpenApplicationState, route: OpenApplicationRoute })),
  grant: Nullable(Type.Object({ id: Uuid, number: Type.String(), status: OpenGrantStatus, validTo: DateTime })),
});
export type OpenApplyState = Static<typeof OpenApplyState>;

export const getApplyState = defineRoute({
  method: 'GET',
  url: '/api/open/apply/:id',
  schema: {
    tags: ['open-applications'],
    summary:
      'What a resource asks of an applicant (open type, published conditions, fields) and, when signed in, the caller’s latest application and grant for it',
    params: IdParams,
    response: { 200: OpenApplyState, 400: protectedErrors[400], ...notFound },
  },
});

export const listOpenProviders = defineRoute({
  method: 'GET',
  url: '/api/open/providers',
  schema: {
    tags: ['open-applications'],
    summary: 'Agencies that provide data, to choose from when asking for data not yet open (R19.3)',
    response: { 200: Type.Array(AgencyRef) },
  },
});
