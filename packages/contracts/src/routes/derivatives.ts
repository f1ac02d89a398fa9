/**
 * De-identified derivatives (R18.4): the provider's steward opens data of open type `none` after
 * dropping, generalizing or masking its fields, once a k-anonymity check over the chosen
 * quasi-identifiers passes (or with the right holder's recorded consent). Management under
 * /api/open/derivatives/admin, the public list and detail under /api/open/derivatives; downloads
 * are the open exit's (/api/open/derivatives/:id/download).
 */
import { Type, type Static } from 'typebox';
import { DateTime, IdParams, Uuid, protectedErrors } from '../common.js';
import type { DistributionFormat } from '../distributions.js';
import { DataType, IdentifierRole, Sensitivity } from '../enums.js';
import { MaskRule } from '../masks.js';
import { defineRoute } from '../route.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const notFound = { 404: protectedErrors[400] };
const conflict = { 409: protectedErrors[400] };
const publicErrors = { 400: protectedErrors[400], 404: protectedErrors[400] };

/** The download of a published derivative in one format (served by the open exit). */
export function derivativeDownloadPath(id: string, format: DistributionFormat): string {
  return `/api/open/derivatives/${encodeURIComponent(id)}/download?format=${format}`;
}

/** The public page of a derivative on the portal. */
export function derivativePortalPath(id: string): string {
  return `/open/derivatives/${encodeURIComponent(id)}`;
}

export { MaskRule };

export const FieldTreatment = Type.Union(
  [
    Type.Object({ kind: Type.Literal('keep') }, { additionalProperties: false }),
    Type.Object({ kind: Type.Literal('drop') }, { additionalProperties: false }),
    Type.Object({ kind: Type.Literal('generalize_date'), to: Type.Enum(['year', 'month']) }, { additionalProperties: false }),
    Type.Object(
      {
        kind: Type.Literal('band'),
        width: Type.Integer({ minimum: 1, description: 'Numbers to bands of this width: 37 with 10 → 30-39' }),
      },
      { additionalProperties: false },
    ),
    Type.Object(
      { kind: Type.Literal('prefix'), length: Type.Integer({ minimum: 1, maximum: 100, description: 'Keep the first n characters' }) },
      { additionalProperties: false },
    ),
    Type.Object({ kind: Type.Literal('mask'), mask: MaskRule }, { additionalProperties: false }),
  ],
  { description: 'What happens to one field of the source in the derivative' },
);
export type FieldTreatment = Static<typeof FieldTreatment>;

export const DerivativeState = Type.Enum(['draft', 'published', 'withdrawn']);
export const DerivativeBasis = Type.Enum(['k_anonymity', 'consent']);
export const DerivativeAction = Type.Enum(['keep', 'drop', 'generalize', 'mask'], {
  description: 'The action of open_derivatives.transforms (generalize: date, band or prefix; mask: a partial mask)',
});

export const ClassSizeCount = Type.Object({ size: Type.Integer(), classes: Type.Integer() });
export const DerivativeCheck = Type.Object({
  passed: Type.Boolean(),
  k: Type.Integer(),
  smallestClass: Type.Integer({ description: 'Rows in the smallest equivalence class' }),
  classes: Type.Integer(),
  violatingClasses: Type.Integer({ description: 'Classes with fewer than k rows' }),
  violatingRows: Type.Integer({ description: 'Rows in those classes' }),
  rows: Type.Integer(),
  histogram: Type.Array(ClassSizeCount, { description: 'How many classes have each size (sizes above 50 grouped under 51)' }),
  quasiIdentifiers: Type.Array(Type.String()),
  checkedAt: DateTime,
  dataLoadedAt: Nullable(DateTime),
  stale: Type.Boolean({ description: 'The source was loaded again (or its fields changed) since: run the check again' }),
});
export type DerivativeCheck = Static<typeof DerivativeCheck>;

export const DerivativeConsent = Type.Object({
  holder: Type.String(),
  document: Type.String(),
  date: Type.String({ format: 'date' }),
  recordedBy: Type.String(),
  recordedAt: DateTime,
});
export type DerivativeConsent = Static<typeof DerivativeConsent>;

export const DerivativeField = Type.Object({
  code: Type.String(),
  name: Type.String(),
  dataType: DataType,
  action: DerivativeAction,
  treatment: FieldTreatment,
  quasiIdentifier: Type.Boolean(),
});
export type DerivativeField = Static<typeof DerivativeField>;

export const SourceField = Type.Object({
  code: Type.String(),
  name: Type.String(),
  dataType: DataType,
  identifierRole: IdentifierRole,
  sensitivity: Sensitivity,
  directIdentifier: Type.Boolean({ description: 'Cannot be kept in clear (R18.4)' }),
});

const ResourceRef = Type.Object({ id: Uuid, code: Nullable(Type.String()), name: Type.String(), version: Type.Integer() });
const AgencyRef = Type.Object({ id: Uuid, name: Type.String() });

export const DerivativeSummary = Type.Object({
  id: Uuid,
  name: Type.String(),
  description: Nullable(Type.String()),
  resource: ResourceRef,
  provider: AgencyRef,
  state: DerivativeState,
  basis: DerivativeBasis,
  k: Type.Integer(),
  check: Nullable(DerivativeCheck),
  rows: Nullable(Type.Integer()),
  createdAt: DateTime,
  publishedAt: Nullable(DateTime),
});
export type DerivativeSummary = Static<typeof DerivativeSummary>;

export const DerivativeDetail = Type.Object({
  ...DerivativeSummary.properties,
  fields: Type.Array(DerivativeField),
  quasiIdentifiers: Type.Array(Type.String()),
  consent: Nullable(DerivativeConsent),
  sourceFields: Type.Array(SourceField),
  sourceRows: Type.Integer(),
  dataLoadedAt: Nullable(DateTime),
  createdBy: Nullable(Type.String()),
  publishedBy: Nullable(Type.String()),
  can: Type.Object({
    edit: Type.Boolean(),
    check: Type.Boolean(),
    consent: Type.Boolean(),
    publish: Type.Boolean(),
    withdraw: Type.Boolean(),
  }),
});
export type DerivativeDetail = Static<typeof DerivativeDetail>;

export const DerivativeSource = Type.Object({
  id: Uuid,
  code: Nullable(Type.String()),
  name: Type.String(),
  version: Type.Integer(),
  provider: AgencyRef,
  rows: Type.Integer(),
  lastLoadedAt: Nullable(DateTime),
  fields: Type.Array(SourceField),
});
export type DerivativeSource = Static<typeof DerivativeSource>;

export const PublicDerivative = Type.Object({
  id: Uuid,
  name: Type.String(),
  description: Nullable(Type.String()),
  resource: ResourceRef,
  provider: Type.Object({ name: Type.String() }),
  fields: Type.Array(DerivativeField, { description: 'Every field of the source and what was done to it (dropped ones included)' }),
  k: Type.Integer(),
  basis: DerivativeBasis,
  check: Nullable(
    Type.Object({
      passed: Type.Boolean(),
      k: Type.Integer(),
      smallestClass: Type.Integer(),
      classes: Type.Integer(),
      rows: Type.Integer(),
      quasiIdentifiers: Type.Array(Type.String()),
      checkedAt: DateTime,
    }),
  ),
  consent: Nullable(Type.Object({ holder: Type.String(), document: Type.String(), date: Type.String({ format: 'date' }) })),
  rows: Type.Integer(),
  publishedAt: DateTime,
  citation: Type.String({ description: 'R23.1: provider, resource, version, retrieval date, URL' }),
  downloads: Type.Array(Type.Object({ format: Type.String(), label: Type.String(), url: Type.String() })),
});
export type PublicDerivative = Static<typeof PublicDerivative>;

export const PublicDerivativeSummary = Type.Object({
  id: Uuid,
  name: Type.String(),
  description: Nullable(Type.String()),
  resource: ResourceRef,
  provider: Type.Object({ name: Type.String() }),
  k: Type.Integer(),
  basis: DerivativeBasis,
  rows: Type.Integer(),
  fieldCount: Type.Integer(),
  publishedAt: DateTime,
});
export type PublicDerivativeSummary = Static<typeof PublicDerivativeSummary>;

const PlanBody = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  description: Type.Optional(Nullable(Type.String({ maxLength: 4000 }))),
  treatments: Type.Record(Type.String(), FieldTreatment, { description: 'Per field code; a field not listed is dropped' }),
  quasiIdentifiers: Type.Array(Type.String(), { description: 'Field codes counted in the k-anonymity check' }),
  k: Type.Optional(Type.Integer({ description: 'Default 5; at least 2' })),
};

export const listManagedDerivatives = defineRoute({
  method: 'GET',
  url: '/api/open/derivatives/admin',
  schema: {
    tags: ['open-derivatives'],
    summary: 'Derivatives of my agency’s resources (the bureau: all), newest first',
    querystring: Type.Object({ state: Type.Optional(DerivativeState) }),
    response: { 200: Type.Array(DerivativeSummary), ...protectedErrors },
  },
});

export const listDerivativeSources = defineRoute({
  method: 'GET',
  url: '/api/open/derivatives/admin/sources',
  schema: {
    tags: ['open-derivatives'],
    summary: 'Resources a derivative can be made of: published, open type none, with loaded data (my agency’s; the bureau: all)',
    response: { 200: Type.Array(DerivativeSource), ...protectedErrors },
  },
});

export const createDerivative = defineRoute({
  method: 'POST',
  url: '/api/open/derivatives/admin',
  schema: {
    tags: ['open-derivatives'],
    summary: 'Define a derivative of a resource (the provider’s steward): per-field treatments, quasi-identifiers, k (R18.4)',
    body: Type.Object({ resourceId: Uuid, ...PlanBody }),
    response: { 201: DerivativeDetail, ...protectedErrors, ...notFound, ...conflict },
  },
});

export const getManagedDerivative = defineRoute({
  method: 'GET',
  url: '/api/open/derivatives/admin/:id',
  schema: {
    tags: ['open-derivatives'],
    summary: 'One derivative with its plan, source fields, stored check and what the caller can do',
    params: IdParams,
    response: { 200: DerivativeDetail, ...protectedErrors, ...notFound },
  },
});

export const DerivativeSample = Type.Object({
  columns: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
  rows: Type.Array(Type.Record(Type.String(), Nullable(Type.String()))),
});
export type DerivativeSample = Static<typeof DerivativeSample>;

export const getDerivativeSample = defineRoute({
  method: 'GET',
  url: '/api/open/derivatives/admin/:id/sample',
  schema: {
    tags: ['open-derivatives'],
    summary: 'The first rows of the source as the saved plan would publish them (treated in SQL; audited)',
    params: IdParams,
    response: { 200: DerivativeSample, ...protectedErrors, ...notFound, ...conflict },
  },
});

export const updateDerivative = defineRoute({
  method: 'PUT',
  url: '/api/open/derivatives/admin/:id',
  schema: {
    tags: ['open-derivatives'],
    summary: 'Change a draft or withdrawn derivative’s plan (a changed plan needs a new check)',
    params: IdParams,
    body: Type.Object(PlanBody),
    response: { 200: DerivativeDetail, ...protectedErrors, ...notFound, ...conflict },
  },
});

export const checkDerivative = defineRoute({
  method: 'POST',
  url: '/api/open/derivatives/admin/:id/check',
  schema: {
    tags: ['open-derivatives'],
    summary: 'Run the k-anonymity check over the transformed data (in SQL) and store its result',
    params: IdParams,
    response: { 200: DerivativeDetail, ...protectedErrors, ...notFound, ...conflict },
  },
});

export const recordDerivativeConsent = defineRoute({
  method: 'POST',
  url: '/api/open/derivatives/admin/:id/consent',
  schema: {
    tags: ['open-derivatives'],
    summary: 'Record the right holder’s consent (R18.4): holder, document reference, date',
    params: IdParams,
    body: Type.Object({
      holder: Type.String({ maxLength: 200 }),
      document: Type.String({ maxLength: 500 }),
      date: Type.String({ format: 'date' }),
    }),
    response: { 200: DerivativeDetail, ...protectedErrors, ...notFound, ...conflict },
  },
});

export const publishDerivative = defineRoute({
  method: 'POST',
  url: '/api/open/derivatives/admin/:id/publish',
  schema: {
    tags: ['open-derivatives'],
    summary: 'Publish: only after a passing check on the current data or with consent; materializes the de-identified table',
    params: IdParams,
    response: { 200: DerivativeDetail, ...protectedErrors, ...notFound, ...conflict },
  },
});

export const withdrawDerivative = defineRoute({
  method: 'POST',
  url: '/api/open/derivatives/admin/:id/withdraw',
  schema: {
    tags: ['open-derivatives'],
    summary: 'Withdraw from the portal (the provider’s steward or the bureau): the published table is dropped',
    params: IdParams,
    body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 2000 }) }),
    response: { 200: DerivativeDetail, ...protectedErrors, ...notFound, ...conflict },
  },
});

export const listPublicDerivatives = defineRoute({
  method: 'GET',
  url: '/api/open/derivatives',
  schema: {
    tags: ['open-derivatives'],
    summary: 'Published de-identified derivatives (anonymous)',
    response: { 200: Type.Array(PublicDerivativeSummary) },
  },
});

export const getPublicDerivative = defineRoute({
  method: 'GET',
  url: '/api/open/derivatives/:id',
  schema: {
    tags: ['open-derivatives'],
    summary: 'A published derivative: dictionary, what was done to each field, stored check (k, smallest class), basis, source, citation',
    params: IdParams,
    response: { 200: PublicDerivative, ...publicErrors },
  },
});
