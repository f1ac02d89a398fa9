/**
 * The register of third-party service providers (R30.1): their security and confidentiality
 * agreements, periods and linked accounts. Bureau administrators manage every agency's, an
 * agency's steward its own; security supervisors read.
 */
import { Type, type Static } from 'typebox';
import { ApiErrorBody, DateTime, Uuid, protectedErrors } from '../common.js';
import { defineRoute } from '../route.js';
import { IsoDate } from './calendar.js';

export const ProviderState = Type.Union([Type.Literal('active'), Type.Literal('ended'), Type.Literal('terminated')], {
  description: 'Stored state: active, ended early by agreement, terminated early for cause',
});
export const ProviderStatus = Type.Union(
  [Type.Literal('pending'), Type.Literal('in_force'), Type.Literal('expired'), Type.Literal('ended'), Type.Literal('terminated')],
  { description: 'The state read against today (China date): pending, in force, expired, ended, terminated' },
);
export type ProviderStatus = Static<typeof ProviderStatus>;

export const ServiceProviderInput = Type.Object({
  agencyId: Uuid,
  name: Type.String({ minLength: 2, maxLength: 100 }),
  creditCode: Type.String({ minLength: 1, maxLength: 30, description: 'Unified social credit code (GB 32100)' }),
  agreementNumber: Type.String({ minLength: 1, maxLength: 60 }),
  serviceScope: Type.String({ minLength: 2, maxLength: 1000 }),
  systems: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 50 })),
  contactName: Type.Optional(Type.Union([Type.String({ maxLength: 50 }), Type.Null()])),
  contactPhone: Type.Optional(Type.Union([Type.String({ maxLength: 30 }), Type.Null()])),
  agreementSignedOn: IsoDate,
  noRetention: Type.Boolean({ description: 'The agreement forbids retaining data (R30.1)' }),
  noUse: Type.Boolean({ description: 'The agreement forbids using data for the provider’s own ends (R30.1)' }),
  noOnwardTransfer: Type.Boolean({ description: 'The agreement forbids passing data on (R30.1)' }),
  validFrom: IsoDate,
  validTo: IsoDate,
});
export type ServiceProviderInput = Static<typeof ServiceProviderInput>;

export const ServiceProvider = Type.Object({
  id: Uuid,
  agencyId: Uuid,
  agencyName: Type.String(),
  name: Type.String(),
  creditCode: Type.String(),
  agreementNumber: Type.String(),
  serviceScope: Type.String(),
  systems: Type.Array(Type.String()),
  contactName: Type.Union([Type.String(), Type.Null()]),
  contactPhone: Type.Union([Type.String(), Type.Null()]),
  agreementSignedOn: IsoDate,
  noRetention: Type.Boolean(),
  noUse: Type.Boolean(),
  noOnwardTransfer: Type.Boolean(),
  validFrom: IsoDate,
  validTo: IsoDate,
  state: ProviderState,
  status: ProviderStatus,
  daysToExpiry: Type.Integer({ description: 'Days from today to the last day in force (negative: past)' }),
  endReason: Type.Union([Type.String(), Type.Null()]),
  endedOn: Type.Union([IsoDate, Type.Null()]),
  accountCount: Type.Integer(),
  updatedAt: DateTime,
});
export type ServiceProvider = Static<typeof ServiceProvider>;

export const ProviderAccount = Type.Object({
  id: Uuid,
  username: Type.String(),
  displayName: Type.String(),
  agencyName: Type.Union([Type.String(), Type.Null()]),
  disabled: Type.Boolean(),
});
export type ProviderAccount = Static<typeof ProviderAccount>;

export const ServiceProviderDetail = Type.Object({
  provider: ServiceProvider,
  accounts: Type.Array(ProviderAccount),
  createdAt: DateTime,
  createdBy: Type.Union([Type.String(), Type.Null()]),
  updatedBy: Type.Union([Type.String(), Type.Null()]),
});
export type ServiceProviderDetail = Static<typeof ServiceProviderDetail>;

const ProviderParams = Type.Object({ id: Uuid });
const tags = ['service-providers'];

export const listServiceProviders = defineRoute({
  method: 'GET',
  url: '/api/service-providers',
  schema: {
    tags,
    summary: 'Third-party service providers (R30.1): the bureau and security supervisors see all, a steward its agency’s',
    querystring: Type.Object({
      agencyId: Type.Optional(Uuid),
      status: Type.Optional(ProviderStatus),
      expiringWithinDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 3660, description: 'In force and ending within N days' })),
    }),
    response: { 200: Type.Array(ServiceProvider), ...protectedErrors },
  },
});

export const getServiceProvider = defineRoute({
  method: 'GET',
  url: '/api/service-providers/:id',
  schema: {
    tags,
    summary: 'One provider with its agreement and linked accounts',
    params: ProviderParams,
    response: { 200: ServiceProviderDetail, ...protectedErrors, 404: ApiErrorBody },
  },
});

export const createServiceProvider = defineRoute({
  method: 'POST',
  url: '/api/service-providers',
  schema: {
    tags,
    summary: 'Register a provider and its security and confidentiality agreement (R30.1)',
    body: ServiceProviderInput,
    response: { 201: ServiceProviderDetail, ...protectedErrors, 409: ApiErrorBody },
  },
});

export const updateServiceProvider = defineRoute({
  method: 'PATCH',
  url: '/api/service-providers/:id',
  schema: {
    tags,
    summary: 'Change a provider or its agreement (e.g. extend it); the contracting agency cannot change',
    params: ProviderParams,
    body: Type.Partial(Type.Omit(ServiceProviderInput, ['agencyId'])),
    response: { 200: ServiceProviderDetail, ...protectedErrors, 404: ApiErrorBody, 409: ApiErrorBody },
  },
});

export const endServiceProvider = defineRoute({
  method: 'POST',
  url: '/api/service-providers/:id/end',
  schema: {
    tags,
    summary: 'End the agreement early (by agreement, or terminated for cause), with the reason: its accounts stop at once',
    params: ProviderParams,
    body: Type.Object({
      kind: Type.Union([Type.Literal('ended'), Type.Literal('terminated')]),
      reason: Type.String({ minLength: 2, maxLength: 500 }),
    }),
    response: { 200: ServiceProviderDetail, ...protectedErrors, 404: ApiErrorBody, 409: ApiErrorBody },
  },
});

export const providerAccountOptions = defineRoute({
  method: 'GET',
  url: '/api/service-providers/:id/account-options',
  schema: {
    tags,
    summary:
      'Accounts that may be linked: of the contracting agency or of the provider’s own agency (same credit code), not linked elsewhere',
    params: ProviderParams,
    response: { 200: Type.Array(ProviderAccount), ...protectedErrors, 404: ApiErrorBody },
  },
});

export const linkProviderAccount = defineRoute({
  method: 'POST',
  url: '/api/service-providers/:id/accounts',
  schema: {
    tags,
    summary: 'Link an account of the provider’s staff: it acts only while the agreement is in force',
    params: ProviderParams,
    body: Type.Object({ userId: Uuid }),
    response: { 200: ServiceProviderDetail, ...protectedErrors, 404: ApiErrorBody },
  },
});

export const unlinkProviderAccount = defineRoute({
  method: 'DELETE',
  url: '/api/service-providers/:id/accounts/:userId',
  schema: {
    tags,
    summary: 'Unlink an account from the provider',
    params: Type.Object({ id: Uuid, userId: Uuid }),
    response: { 200: ServiceProviderDetail, ...protectedErrors, 404: ApiErrorBody },
  },
});
