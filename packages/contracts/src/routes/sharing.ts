/**
 * Sharing between agencies (R13–R17): requests routed by share type and level on the deadline
 * engine, rejections with reasons and consultations (R16.1, R16.2), grants and their deliveries,
 * and the lineage of a resource.
 */
import { Type, type Static } from 'typebox';
import { DateTime, IdParams, Uuid, protectedErrors } from '../common.js';
import { GrantStoredState, Sensitivity, ShareRoute, ShareState } from '../enums.js';
import { FieldMasks, MaskRule } from '../masks.js';
import { defineRoute } from '../route.js';
import { IsoDate } from './calendar.js';
import { PendingItem } from './deadlines.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const AgencyRef = Type.Object({ id: Uuid, name: Type.String() });
const notFound = { 404: protectedErrors[400] };
const conflict = { 409: protectedErrors[400] };

export const UpperLevel = Type.Enum(['national', 'provincial', 'zaozhuang'], { description: 'R15.1: the upper-level node' });
export const Commitments = Type.Object(
  {
    authenticity: Type.Boolean(),
    compliance: Type.Boolean(),
    security: Type.Boolean(),
    ownDutiesOnly: Type.Boolean(),
    noOnwardProvision: Type.Boolean(),
  },
  { description: 'R17.1/R17.2: every one must be true' },
);
export const RejectionReason = Type.Object({
  reason: Type.String({ minLength: 1, maxLength: 1000 }),
  legalBasis: Type.String({ minLength: 1, maxLength: 500, description: 'The law, regulation or article the reason rests on (R16.1)' }),
});
export const ShareField = Type.Object({
  code: Type.String(),
  name: Type.String(),
  sensitivity: Sensitivity,
  mask: Type.String({ description: 'How the exit masks the field: none, citizen_id, phone, name, address, keep, hash, null, year' }),
  defaultMask: Type.Optional(MaskRule),
  effectiveMask: Type.Optional(MaskRule),
  overridden: Type.Optional(Type.Boolean({ description: 'Whether the grant overrides the field’s default mask (R29.1)' })),
});
export type ShareField = Static<typeof ShareField>;

export const ShareRequest = Type.Object({
  id: Uuid,
  number: Type.String(),
  route: ShareRoute,
  state: ShareState,
  requester: Type.Object({ id: Uuid, name: Type.String(), level: Type.String() }),
  filedByBureau: Type.Boolean(),
  filedBy: Type.String(),
  resource: Nullable(Type.Object({ id: Uuid, code: Nullable(Type.String()), name: Type.String(), shareType: Type.String() })),
  provider: Nullable(AgencyRef),
  upperLevel: Nullable(UpperLevel),
  dataDescription: Nullable(Type.String()),
  fields: Type.Array(ShareField, { description: 'Fields asked for' }),
  scenario: Type.String(),
  legalDuty: Type.String(),
  periodFrom: IsoDate,
  periodTo: IsoDate,
  commitments: Commitments,
  apiKeys: Type.Array(Type.Object({ id: Uuid, name: Type.String(), prefix: Type.String() })),
  approvedFields: Nullable(Type.Array(Type.String())),
  approvedPeriodTo: Nullable(IsoDate),
  rejection: Nullable(
    Type.Object({
      by: Type.Enum(['bureau', 'provider', 'security']),
      reasons: Type.Array(RejectionReason),
      at: DateTime,
      byLabel: Type.String(),
    }),
  ),
  answer: Nullable(Type.Object({ willShare: Type.Boolean(), text: Type.String(), at: DateTime })),
  upperReference: Nullable(Type.String()),
  grantId: Nullable(Uuid),
  createdAt: DateTime,
  updatedAt: DateTime,
  closedAt: Nullable(DateTime),
  deadline: Nullable(PendingItem),
});
export type ShareRequest = Static<typeof ShareRequest>;

export const ShareEvent = Type.Object({
  at: DateTime,
  actorLabel: Type.String(),
  actorAgency: Nullable(Type.String()),
  action: Type.String(),
  fromState: Nullable(Type.String()),
  toState: Type.String(),
  note: Nullable(Type.String()),
});
export const Consultation = Type.Object({
  openedBy: Type.String(),
  openedAt: DateTime,
  reason: Type.String(),
  participants: Type.Array(AgencyRef),
  entries: Type.Array(Type.Object({ at: DateTime, author: Type.String(), agency: Nullable(Type.String()), text: Type.String() })),
  outcome: Nullable(Type.Enum(['grant', 'close'])),
  outcomeNote: Nullable(Type.String()),
  decidedAt: Nullable(DateTime),
});
export type Consultation = Static<typeof Consultation>;

export const ShareRequestDetail = Type.Object({
  ...ShareRequest.properties,
  events: Type.Array(ShareEvent),
  consultation: Nullable(Consultation),
  deadlines: Type.Array(PendingItem, { description: 'Every step on the clock, met or open' }),
  can: Type.Object({
    formalReview: Type.Boolean(),
    providerReview: Type.Boolean(),
    answer: Type.Boolean(),
    upperResult: Type.Boolean(),
    withdraw: Type.Boolean(),
    openConsultation: Type.Boolean(),
    addToConsultation: Type.Boolean(),
    decideConsultation: Type.Boolean(),
  }),
});
export type ShareRequestDetail = Static<typeof ShareRequestDetail>;

export const ShareScope = Type.Enum(['mine', 'provider', 'review', 'all'], {
  description: 'mine: my agency’s requests; provider: requests for my agency’s data; review: the bureau’s queue; all: the bureau',
});

export const listShareRequests = defineRoute({
  method: 'GET',
  url: '/api/share/requests',
  schema: {
    tags: ['sharing'],
    summary: 'Share requests in a scope, newest first, each with its current step and time left',
    querystring: Type.Object({ scope: ShareScope, state: Type.Optional(ShareState), resourceId: Type.Optional(Uuid) }),
    response: { 200: Type.Array(ShareRequest), ...protectedErrors },
  },
});

export const getShareRequest = defineRoute({
  method: 'GET',
  url: '/api/share/requests/:id',
  schema: {
    tags: ['sharing'],
    summary: 'One request with its timeline, steps on the clock, consultation and what the caller can do',
    params: IdParams,
    response: { 200: ShareRequestDetail, ...protectedErrors, ...notFound },
  },
});

export const fileShareRequest = defineRoute({
  method: 'POST',
  url: '/api/share/requests',
  schema: {
    tags: ['sharing'],
    summary:
      'File a request (R17.1): a published resource (all or chosen fields), a demand for data not yet shared (R14.3) or upper-level data (R15.1); the bureau files for towns (R15.2)',
    body: Type.Object({
      resourceId: Type.Optional(Uuid),
      upperLevel: Type.Optional(UpperLevel),
      dataDescription: Type.Optional(Type.String({ maxLength: 2000 })),
      providerAgencyId: Type.Optional(Uuid),
      fields: Type.Optional(Type.Array(Type.String(), { description: 'Omitted: every field of the entry' })),
      scenario: Type.String({ maxLength: 2000 }),
      legalDuty: Type.String({ maxLength: 2000 }),
      periodFrom: IsoDate,
      periodTo: IsoDate,
      commitments: Commitments,
      apiKeyIds: Type.Optional(Type.Array(Uuid, { description: 'The requester’s systems (API keys of its agency) to allow on the grant' })),
      onBehalfOf: Type.Optional(Uuid),
    }),
    response: { 201: ShareRequestDetail, ...protectedErrors, ...notFound },
  },
});

const Comment = Type.Optional(Type.String({ maxLength: 2000 }));

export const formalReviewShareRequest = defineRoute({
  method: 'POST',
  url: '/api/share/requests/:id/formal-review',
  schema: {
    tags: ['sharing'],
    summary: 'The bureau’s formal review (R14.1–R14.3, R15.1): approve, or reject with every reason and its legal basis (R16.1)',
    params: IdParams,
    body: Type.Object({ approve: Type.Boolean(), comment: Comment, reasons: Type.Optional(Type.Array(RejectionReason)) }),
    response: { 200: ShareRequestDetail, ...protectedErrors, ...notFound, ...conflict },
  },
});

export const providerReviewShareRequest = defineRoute({
  method: 'POST',
  url: '/api/share/requests/:id/provider-review',
  schema: {
    tags: ['sharing'],
    summary: 'The provider’s review of a conditional request (R14.2): approve fields and period, or reject with reasons (R16.1)',
    params: IdParams,
    body: Type.Object({
      approve: Type.Boolean(),
      fields: Type.Optional(Type.Array(Type.String())),
      periodTo: Type.Optional(IsoDate),
      masks: Type.Optional(FieldMasks),
      comment: Comment,
      reasons: Type.Optional(Type.Array(RejectionReason)),
    }),
    response: { 200: ShareRequestDetail, ...protectedErrors, ...notFound, ...conflict },
  },
});

export const answerShareDemand = defineRoute({
  method: 'POST',
  url: '/api/share/requests/:id/answer',
  schema: {
    tags: ['sharing'],
    summary: 'The provider’s assessment and answer to a demand (R14.3)',
    params: IdParams,
    body: Type.Object({ willShare: Type.Boolean(), text: Type.String({ minLength: 2, maxLength: 2000 }) }),
    response: { 200: ShareRequestDetail, ...protectedErrors, ...notFound, ...conflict },
  },
});

export const recordUpperResult = defineRoute({
  method: 'POST',
  url: '/api/share/requests/:id/upper-result',
  schema: {
    tags: ['sharing'],
    summary: 'The bureau records the upper-level node’s reference or result for an escalated request (R15.1)',
    params: IdParams,
    body: Type.Object({
      reference: Type.Optional(Type.String({ maxLength: 200 })),
      result: Type.Enum(['pending', 'granted', 'refused']),
      note: Comment,
    }),
    response: { 200: ShareRequestDetail, ...protectedErrors, ...notFound, ...conflict },
  },
});

export const withdrawShareRequest = defineRoute({
  method: 'POST',
  url: '/api/share/requests/:id/withdraw',
  schema: {
    tags: ['sharing'],
    summary: 'The requester withdraws a request still under review',
    params: IdParams,
    body: Type.Object({ comment: Comment }),
    response: { 200: ShareRequestDetail, ...protectedErrors, ...notFound, ...conflict },
  },
});

export const openConsultation = defineRoute({
  method: 'POST',
  url: '/api/share/requests/:id/consultation',
  schema: {
    tags: ['sharing'],
    summary: 'The bureau finds a rejection’s reasons insufficient and opens a consultation (R16.2)',
    params: IdParams,
    body: Type.Object({ reason: Type.String({ minLength: 2, maxLength: 2000 }), participantAgencyIds: Type.Array(Uuid) }),
    response: { 200: ShareRequestDetail, ...protectedErrors, ...notFound, ...conflict },
  },
});

export const addConsultationEntry = defineRoute({
  method: 'POST',
  url: '/api/share/requests/:id/consultation/entries',
  schema: {
    tags: ['sharing'],
    summary: 'A participant adds to the record of the consultation (R16.2)',
    params: IdParams,
    body: Type.Object({ text: Type.String({ minLength: 1, maxLength: 5000 }) }),
    response: { 200: ShareRequestDetail, ...protectedErrors, ...notFound, ...conflict },
  },
});

export const decideConsultation = defineRoute({
  method: 'POST',
  url: '/api/share/requests/:id/consultation/outcome',
  schema: {
    tags: ['sharing'],
    summary: 'The bureau records the outcome that decides the request: grant or close (R16.2)',
    params: IdParams,
    body: Type.Object({
      grant: Type.Boolean(),
      note: Type.String({ minLength: 2, maxLength: 2000 }),
      fields: Type.Optional(Type.Array(Type.String())),
    }),
    response: { 200: ShareRequestDetail, ...protectedErrors, ...notFound, ...conflict },
  },
});

export const AgencyKey = Type.Object({
  id: Uuid,
  name: Type.String(),
  prefix: Type.String(),
  owner: Type.String(),
  expiresAt: DateTime,
});
export type AgencyKey = Static<typeof AgencyKey>;

export const listAgencyKeys = defineRoute({
  method: 'GET',
  url: '/api/share/agency-keys',
  schema: {
    tags: ['sharing'],
    summary: 'The valid API keys of the caller’s agency’s systems (owned by its users), to register on requests and grants',
    response: { 200: Type.Array(AgencyKey), ...protectedErrors },
  },
});

export const GrantStatus = Type.Enum(['active', 'pending', 'expired', 'suspended', 'revoked']);
export const Grant = Type.Object({
  id: Uuid,
  number: Type.String(),
  request: Nullable(Type.Object({ id: Uuid, number: Type.String() })),
  consumer: AgencyRef,
  provider: AgencyRef,
  resource: Type.Object({ id: Uuid, code: Nullable(Type.String()), name: Type.String() }),
  fields: Type.Array(ShareField),
  purpose: Type.String(),
  validFrom: DateTime,
  validTo: DateTime,
  state: GrantStoredState,
  status: GrantStatus,
  stateReason: Nullable(Type.String()),
  citation: Type.String({ description: 'R23.1: cite the source with the data' }),
  apiKeys: Type.Array(Type.Object({ id: Uuid, name: Type.String(), prefix: Type.String(), owner: Type.String() })),
  deliveries: Type.Integer(),
  lastDeliveryAt: Nullable(DateTime),
  createdAt: DateTime,
});
export type Grant = Static<typeof Grant>;

export const listGrants = defineRoute({
  method: 'GET',
  url: '/api/share/grants',
  schema: {
    tags: ['sharing'],
    summary: 'Grants: consumer (my agency receives), provider (my agency’s data), all (the bureau)',
    querystring: Type.Object({ scope: Type.Enum(['consumer', 'provider', 'all']), resourceId: Type.Optional(Uuid) }),
    response: { 200: Type.Array(Grant), ...protectedErrors },
  },
});

export const getGrant = defineRoute({
  method: 'GET',
  url: '/api/share/grants/:id',
  schema: {
    tags: ['sharing'],
    summary: 'One grant',
    params: IdParams,
    response: { 200: Grant, ...protectedErrors, ...notFound },
  },
});

export const setGrantKeys = defineRoute({
  method: 'PUT',
  url: '/api/share/grants/:id/keys',
  schema: {
    tags: ['sharing'],
    summary: 'The consumer’s steward sets which of its systems (API keys) may call under the grant',
    params: IdParams,
    body: Type.Object({ apiKeyIds: Type.Array(Uuid) }),
    response: { 200: Grant, ...protectedErrors, ...notFound },
  },
});

export const changeGrantState = defineRoute({
  method: 'POST',
  url: '/api/share/grants/:id/state',
  schema: {
    tags: ['sharing'],
    summary: 'Suspend on misuse (bureau or provider), reinstate, or revoke (bureau) a grant, with the reason',
    params: IdParams,
    body: Type.Object({ action: Type.Enum(['suspend', 'reinstate', 'revoke']), reason: Type.String({ minLength: 2, maxLength: 1000 }) }),
    response: { 200: Grant, ...protectedErrors, ...notFound, ...conflict },
  },
});

export const Delivery = Type.Object({
  id: Uuid,
  serial: Type.Integer(),
  kind: Type.Enum(['lookup', 'query', 'extract']),
  format: Nullable(Type.String()),
  via: Type.String(),
  apiKey: Nullable(Type.Object({ name: Type.String(), prefix: Type.String() })),
  user: Nullable(Type.String()),
  at: DateTime,
  rows: Type.Integer(),
  fields: Type.Array(Type.String()),
  fingerprint: Nullable(Type.String()),
});
export type Delivery = Static<typeof Delivery>;

export const listGrantDeliveries = defineRoute({
  method: 'GET',
  url: '/api/share/grants/:id/deliveries',
  schema: {
    tags: ['sharing'],
    summary: 'The delivery log of a grant, newest first, with the daily count for a chart',
    params: IdParams,
    querystring: Type.Object({
      before: Type.Optional(Type.Integer({ description: 'Serial to page before' })),
      limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    }),
    response: {
      200: Type.Object({
        deliveries: Type.Array(Delivery),
        nextBefore: Nullable(Type.Integer()),
        daily: Type.Array(Type.Object({ day: IsoDate, deliveries: Type.Integer(), rows: Type.Integer() })),
      }),
      ...protectedErrors,
      ...notFound,
    },
  },
});

export const LineageNode = Type.Object({
  id: Type.String(),
  kind: Type.Enum(['provider', 'resource', 'load', 'grant', 'consumer', 'deliveries']),
  label: Type.String(),
  detail: Nullable(Type.String()),
  link: Nullable(Type.String()),
});
export const Lineage = Type.Object({
  resource: Type.Object({ id: Uuid, code: Nullable(Type.String()), name: Type.String() }),
  nodes: Type.Array(LineageNode),
  edges: Type.Array(Type.Object({ from: Type.String(), to: Type.String(), label: Nullable(Type.String()) })),
});
export type Lineage = Static<typeof Lineage>;

export const getLineage = defineRoute({
  method: 'GET',
  url: '/api/share/lineage/:id',
  schema: {
    tags: ['sharing'],
    summary: 'The lineage of a resource: provider → loads → resource → grants → consumers → deliveries',
    params: IdParams,
    response: { 200: Lineage, ...protectedErrors, ...notFound },
  },
});
