import { Type, type Static } from 'typebox';
import { ApiErrorBody, DateTime, IdParams, Uuid, protectedErrors } from '../common.js';
import { defineRoute } from '../route.js';
import { AgencyKind, AgencyLevel, Sector, SecurityDuty } from '../enums.js';

export { AgencyKind, Sector, SecurityDuty };

export const ResponsiblePerson = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 50 }),
    title: Type.String({ minLength: 1, maxLength: 100 }),
    phone: Type.Union([Type.String({ maxLength: 30 }), Type.Null()]),
  },
  { description: 'First responsible person (R27.1)' },
);

export const Agency = Type.Object({
  id: Uuid,
  code: Type.String(),
  name: Type.String(),
  shortName: Type.Union([Type.String(), Type.Null()]),
  kind: AgencyKind,
  level: AgencyLevel,
  parentId: Type.Union([Uuid, Type.Null()]),
  divisionCode: Type.String(),
  creditCode: Type.Union([Type.String(), Type.Null()]),
  sector: Type.Union([Sector, Type.Null()]),
  sectorAuthorityOf: Type.Union([Sector, Type.Null()]),
  securityDuty: Type.Union([SecurityDuty, Type.Null()]),
  active: Type.Boolean(),
  stewardCount: Type.Integer({ description: 'Active data stewards (R8.1); 0 means the agency cannot submit' }),
  userCount: Type.Integer(),
});
export type Agency = Static<typeof Agency>;

export const AgencyDetail = Type.Object({
  agency: Agency,
  responsiblePerson: ResponsiblePerson,
  stewards: Type.Array(Type.Object({ id: Uuid, username: Type.String(), displayName: Type.String() })),
  children: Type.Array(Type.Object({ id: Uuid, name: Type.String(), kind: AgencyKind })),
  updatedAt: DateTime,
});
export type AgencyDetail = Static<typeof AgencyDetail>;

export const AgencyInput = Type.Object({
  code: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,39}$', description: 'Short stable code (lowercase letters, digits, hyphens)' }),
  name: Type.String({ minLength: 2, maxLength: 100 }),
  shortName: Type.Optional(Type.Union([Type.String({ maxLength: 30 }), Type.Null()])),
  kind: AgencyKind,
  parentId: Type.Optional(Type.Union([Uuid, Type.Null()])),
  divisionCode: Type.String({ pattern: '^[0-9]{6}([0-9]{3})?$' }),
  creditCode: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  sector: Type.Optional(Type.Union([Sector, Type.Null()])),
  sectorAuthorityOf: Type.Optional(Type.Union([Sector, Type.Null()])),
  securityDuty: Type.Optional(Type.Union([SecurityDuty, Type.Null()])),
  responsiblePerson: ResponsiblePerson,
});
export type AgencyInput = Static<typeof AgencyInput>;

export const listAgencies = defineRoute({
  method: 'GET',
  url: '/api/agencies',
  schema: { tags: ['agencies'], summary: 'The directory of agencies (R5.1)', response: { 200: Type.Array(Agency), ...protectedErrors } },
});

export const getAgency = defineRoute({
  method: 'GET',
  url: '/api/agencies/:id',
  schema: {
    tags: ['agencies'],
    summary: 'One agency with its responsible person and stewards',
    params: IdParams,
    response: { 200: AgencyDetail, ...protectedErrors, 404: ApiErrorBody },
  },
});

export const createAgency = defineRoute({
  method: 'POST',
  url: '/api/agencies',
  schema: {
    tags: ['agencies'],
    summary: 'Register an agency (bureau administrators)',
    body: AgencyInput,
    response: { 201: AgencyDetail, ...protectedErrors, 409: ApiErrorBody },
  },
});

export const updateAgency = defineRoute({
  method: 'PATCH',
  url: '/api/agencies/:id',
  schema: {
    tags: ['agencies'],
    summary: 'Change an agency (bureau administrators)',
    params: IdParams,
    body: Type.Partial(Type.Object({ ...AgencyInput.properties, active: Type.Boolean() })),
    response: { 200: AgencyDetail, ...protectedErrors, 404: ApiErrorBody, 409: ApiErrorBody },
  },
});

export const sectorAgencies = defineRoute({
  method: 'GET',
  url: '/api/sector/agencies',
  schema: {
    tags: ['agencies'],
    summary: 'The agencies of the supervisor’s sector (R6.1)',
    response: { 200: Type.Array(Agency), ...protectedErrors },
  },
});
