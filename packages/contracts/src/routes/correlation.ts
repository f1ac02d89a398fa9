/**
 * Correlation assessment (R31.1): the correlation check of a share request (would its grant let
 * the consumer join level 3+ data on a person identifier?), the security assessments recorded
 * before such a grant, and the security supervisors' queue of requests awaiting one.
 */
import { Type, type Static } from 'typebox';
import { DateTime, IdParams, Uuid, protectedErrors } from '../common.js';
import { Sensitivity, ShareState } from '../enums.js';
import { defineRoute } from '../route.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const notFound = { 404: protectedErrors[400] };
const conflict = { 409: protectedErrors[400] };

export const AssessmentConclusion = Type.Enum(['permit', 'permit_with_conditions', 'refuse'], {
  description: 'permit, permit with conditions (measures required), or refuse (rejects the request)',
});

export const JoinableResource = Type.Object({
  resourceId: Uuid,
  code: Nullable(Type.String()),
  name: Type.String(),
  providerName: Type.String(),
  securityLevel: Type.Integer({ minimum: 1, maximum: 4 }),
  requested: Type.Boolean({ description: 'The resource of this request (the others are held through grants in force)' }),
  grantNumbers: Type.Array(Type.String()),
  identifierFields: Type.Array(Type.String(), { description: 'Person-identifier fields the join would use' }),
  level3Fields: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), sensitivity: Sensitivity })),
});

export const CorrelationRisk = Type.Object({
  applies: Type.Boolean(),
  identifierRole: Nullable(Type.String()),
  resources: Type.Array(JoinableResource),
  reason: Type.Object({ zh: Type.String(), en: Type.String() }),
});
export type CorrelationRisk = Static<typeof CorrelationRisk>;

export const CorrelationAssessment = Type.Object({
  id: Uuid,
  conclusion: AssessmentConclusion,
  opinion: Type.String(),
  measures: Nullable(Type.String()),
  basis: Type.String(),
  assessor: Type.String(),
  agency: Nullable(Type.String()),
  assessedAt: DateTime,
  risk: CorrelationRisk,
});
export type CorrelationAssessment = Static<typeof CorrelationAssessment>;

export const CorrelationStatus = Type.Object({
  requestId: Uuid,
  number: Type.String(),
  state: ShareState,
  /** The check as it stands now, with the fields asked (or approved) and the grants in force. */
  risk: CorrelationRisk,
  checkedAt: DateTime,
  /** An assessment is required and none that permits the current risk is recorded. */
  required: Type.Boolean(),
  latest: Nullable(CorrelationAssessment),
  history: Type.Array(CorrelationAssessment),
  canAssess: Type.Boolean({ description: 'The caller may record an assessment now (security.assess, request open, correlation applies)' }),
});
export type CorrelationStatus = Static<typeof CorrelationStatus>;

export const CorrelationQueueItem = Type.Object({
  requestId: Uuid,
  number: Type.String(),
  state: ShareState,
  requester: Type.String(),
  resource: Nullable(Type.String()),
  risk: CorrelationRisk,
  checkedAt: DateTime,
  latest: Nullable(CorrelationAssessment),
});
export type CorrelationQueueItem = Static<typeof CorrelationQueueItem>;

export const getShareCorrelation = defineRoute({
  method: 'GET',
  url: '/api/share/requests/:id/correlation',
  schema: {
    tags: ['sharing'],
    summary: 'The correlation check of a request (R31.1): joinable resources, shared identifier, level 3+ fields, and its assessments',
    params: IdParams,
    response: { 200: CorrelationStatus, ...protectedErrors, ...notFound },
  },
});

export const recordCorrelationAssessment = defineRoute({
  method: 'POST',
  url: '/api/share/requests/:id/correlation/assessments',
  schema: {
    tags: ['sharing'],
    summary:
      'Record the security assessment of a request’s correlation (R31.1): a permit unblocks the grant, a refusal rejects the request with the assessment as its reason',
    params: IdParams,
    body: Type.Object({
      conclusion: AssessmentConclusion,
      opinion: Type.String({ minLength: 1, maxLength: 4000 }),
      measures: Type.Optional(Type.String({ maxLength: 4000 })),
      basis: Type.String({ minLength: 1, maxLength: 2000 }),
    }),
    response: { 201: CorrelationStatus, ...protectedErrors, ...notFound, ...conflict },
  },
});

export const listCorrelationQueue = defineRoute({
  method: 'GET',
  url: '/api/security/correlation-queue',
  schema: {
    tags: ['sharing'],
    summary: 'Open share requests awaiting a correlation security assessment (R31.1), oldest check first',
    response: { 200: Type.Array(CorrelationQueueItem), ...protectedErrors },
  },
});
