import { Type, type Static } from 'typebox';
import { ApiErrorBody, DateTime, Empty, IdParams, Uuid, protectedErrors } from '../common.js';
import { MaskRule } from '../masks.js';
import { defineRoute } from '../route.js';
import {
  DataGrade,
  DataType,
  FormatCategory,
  IdentifierRole,
  OpenNoneGround,
  OpenType,
  Sensitivity,
  ShareMethod,
  ShareType,
  UpdateFrequency,
} from '../enums.js';
import { IsoDate } from './calendar.js';
import { PendingItem } from './deadlines.js';

const Bilingual = Type.Object({ zh: Type.String(), en: Type.String() });
const Text = (max: number) => Type.String({ maxLength: max });
const NullableText = (max: number) => Type.Union([Type.String({ maxLength: max }), Type.Null()]);

export const FieldSpec = Type.Object({
  code: Text(63),
  name: Text(100),
  dataType: DataType,
  length: Type.Union([Type.Integer(), Type.Null()]),
  description: NullableText(500),
  identifierRole: IdentifierRole,
  sensitivity: Sensitivity,
  required: Type.Boolean(),
  /** The steward's declared mask at the exit (R29.1): at least the grading minimum; absent = the grading default. */
  mask: Type.Optional(MaskRule),
});

export const ResourceMetadata = Type.Object(
  {
    classificationCode: Text(12),
    name: Text(200),
    nameEn: NullableText(300),
    summary: Text(2000),
    keywords: Type.Array(Text(60), { maxItems: 40 }),
    sourceSystem: Text(200),
    formatCategory: FormatCategory,
    formatType: Text(60),
    fields: Type.Array(FieldSpec, { maxItems: 500 }),
    share: Type.Object({
      type: ShareType,
      conditions: NullableText(2000),
      legalBasis: NullableText(1000),
      methods: Type.Array(ShareMethod, { maxItems: 3 }),
    }),
    open: Type.Object({
      type: OpenType,
      conditions: NullableText(2000),
      noneGround: Type.Union([OpenNoneGround, Type.Null()]),
      legalBasis: NullableText(1000),
    }),
    securityLevel: Type.Integer({ minimum: 1, maximum: 4 }),
    dataGrade: DataGrade,
    usageConditions: NullableText(2000),
    updateFrequency: UpdateFrequency,
    relatedResourceCodes: Type.Array(Text(30), { maxItems: 50 }),
    licence: NullableText(200),
    involvesStateSecret: Type.Boolean({ description: 'Data involving state secrets is refused (R2.2)' }),
  },
  { description: 'Catalog metadata as described by the data steward (R10.1)' },
);
export type ResourceMetadata = Static<typeof ResourceMetadata>;

export const Problem = Type.Object({
  code: Type.String(),
  field: Type.Optional(Type.String()),
  message: Bilingual,
  requirement: Type.Optional(Type.String()),
});
export type Problem = Static<typeof Problem>;

export const Overlap = Type.Object({
  field: Type.Object({ code: Type.String(), name: Type.String(), identifierRole: Type.String() }),
  matches: Type.Array(
    Type.Object({
      resourceId: Uuid,
      resourceCode: Type.String(),
      resourceName: Type.String(),
      providerName: Type.String(),
      fieldName: Type.String(),
      similarity: Type.Number(),
    }),
  ),
});
export type Overlap = Static<typeof Overlap>;

export const Change = Type.Object({
  path: Type.String(),
  kind: Type.Enum(['added', 'removed', 'changed']),
  label: Bilingual,
  before: Type.Unknown(),
  after: Type.Unknown(),
});
export type Change = Static<typeof Change>;

export const VersionState = Type.Enum(['draft', 'submitted', 'downgrade_review', 'returned', 'published', 'superseded', 'withdrawn']);

export const ReturnReason = Type.Object({
  reason: Type.String({ minLength: 2, maxLength: 1000 }),
  legalBasis: Type.Union([Type.String({ maxLength: 500 }), Type.Null()]),
});

export const CatalogVersion = Type.Object({
  id: Uuid,
  resourceId: Uuid,
  resourceCode: Type.Union([Type.String(), Type.Null()], { description: 'Given at first publication' }),
  number: Type.Integer(),
  kind: Type.Enum(['initial', 'change']),
  state: VersionState,
  metadata: ResourceMetadata,
  provider: Type.Object({ id: Uuid, name: Type.String(), divisionCode: Type.String() }),
  problems: Type.Array(Problem, { description: 'Everything that stops submission, all at once' }),
  overlaps: Type.Array(Overlap, { description: 'Fields overlapping published resources (R9.1)' }),
  needsJustification: Type.Boolean(),
  justification: Type.Union([Type.String(), Type.Null()]),
  changeReason: Type.Union([Type.String(), Type.Null()]),
  lawChangeDate: Type.Union([IsoDate, Type.Null()]),
  filingDueOn: Type.Union([IsoDate, Type.Null()]),
  filedLate: Type.Union([Type.Boolean(), Type.Null()], { description: 'Filed more than 15 working days after the law change (R10.3)' }),
  downgrades: Type.Array(Type.Enum(['share', 'open']), { description: 'Attributes lowered: the bureau must approve (R18.3)' }),
  changes: Type.Array(Change, { description: 'Diff against the published version, for changes' }),
  createdAt: DateTime,
  updatedAt: DateTime,
  submittedAt: Type.Union([DateTime, Type.Null()]),
  reviewedAt: Type.Union([DateTime, Type.Null()]),
  reviewComment: Type.Union([Type.String(), Type.Null()]),
  returnReasons: Type.Array(ReturnReason),
  publishedAt: Type.Union([DateTime, Type.Null()]),
  deadline: Type.Union([PendingItem, Type.Null()]),
});
export type CatalogVersion = Static<typeof CatalogVersion>;

export const VersionSummary = Type.Object({
  id: Uuid,
  number: Type.Integer(),
  kind: Type.Enum(['initial', 'change']),
  state: VersionState,
  changeReason: Type.Union([Type.String(), Type.Null()]),
  submittedAt: Type.Union([DateTime, Type.Null()]),
  publishedAt: Type.Union([DateTime, Type.Null()]),
});

export const CatalogResource = Type.Object({
  id: Uuid,
  code: Type.Union([Type.String(), Type.Null()]),
  provider: Type.Object({ id: Uuid, name: Type.String(), divisionCode: Type.String() }),
  classification: Type.Array(Type.Object({ code: Type.String(), name: Type.String() }), { description: '类 / 项 / 目 / 细目 path' }),
  current: Type.Union([CatalogVersion, Type.Null()], { description: 'The published version in force' }),
  versions: Type.Array(VersionSummary),
  firstPublishedAt: Type.Union([DateTime, Type.Null()]),
  lastPublishedAt: Type.Union([DateTime, Type.Null()]),
});
export type CatalogResource = Static<typeof CatalogResource>;

export const Classification = Type.Object({
  code: Type.String(),
  name: Type.String(),
  level: Type.Integer(),
  parentCode: Type.Union([Type.String(), Type.Null()]),
});

export const listClassifications = defineRoute({
  method: 'GET',
  url: '/api/catalog/classifications',
  schema: { tags: ['catalog'], summary: 'The classification tree (类 / 项 / 目 / 细目)', response: { 200: Type.Array(Classification) } },
});

const FacetValue = Type.Object({ value: Type.String(), label: Bilingual, count: Type.Integer() });
const Segments = Type.Array(Type.Object({ text: Type.String(), hit: Type.Boolean() }));

export const SearchHit = Type.Object({
  id: Uuid,
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.Union([Type.String(), Type.Null()]),
  summary: Type.String(),
  highlight: Type.Object({ name: Segments, summary: Segments }),
  provider: Type.Object({ id: Uuid, name: Type.String() }),
  shareType: ShareType,
  openType: OpenType,
  formatCategory: FormatCategory,
  updateFrequency: UpdateFrequency,
  securityLevel: Type.Integer(),
  fieldCount: Type.Integer(),
  publishedAt: DateTime,
});
export type SearchHit = Static<typeof SearchHit>;

export const SearchQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  provider: Type.Optional(Uuid),
  sector: Type.Optional(Type.String({ maxLength: 40 })),
  classification: Type.Optional(Type.String({ pattern: '^[0-9]{1,12}$' })),
  shareType: Type.Optional(ShareType),
  openType: Type.Optional(OpenType),
  formatCategory: Type.Optional(FormatCategory),
  updateFrequency: Type.Optional(UpdateFrequency),
  securityLevel: Type.Optional(Type.Integer({ minimum: 1, maximum: 4 })),
  sort: Type.Optional(Type.Enum(['relevance', 'updated'])),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
});
export type SearchQuery = Static<typeof SearchQuery>;

export const SearchResult = Type.Object({
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  hits: Type.Array(SearchHit),
  facets: Type.Object({
    provider: Type.Array(FacetValue),
    sector: Type.Array(FacetValue),
    classification: Type.Array(FacetValue),
    shareType: Type.Array(FacetValue),
    openType: Type.Array(FacetValue),
    formatCategory: Type.Array(FacetValue),
    updateFrequency: Type.Array(FacetValue),
    securityLevel: Type.Array(FacetValue),
  }),
});
export type SearchResult = Static<typeof SearchResult>;

export const searchCatalog = defineRoute({
  method: 'GET',
  url: '/api/catalog/search',
  schema: {
    tags: ['catalog'],
    summary: 'Search the published catalog in Chinese and English, with facets and highlighting',
    querystring: SearchQuery,
    response: { 200: SearchResult, ...protectedErrors },
  },
});

export const getResource = defineRoute({
  method: 'GET',
  url: '/api/catalog/resources/:id',
  schema: {
    tags: ['catalog'],
    summary: 'A catalog entry: metadata in force, classification path and version history',
    params: IdParams,
    response: { 200: CatalogResource, ...protectedErrors, 404: ApiErrorBody },
  },
});

export const getVersion = defineRoute({
  method: 'GET',
  url: '/api/catalog/versions/:id',
  schema: {
    tags: ['catalog'],
    summary: 'One version of an entry (unpublished ones to their provider and the bureau)',
    params: IdParams,
    response: { 200: CatalogVersion, ...protectedErrors, 404: ApiErrorBody },
  },
});

export const diffVersions = defineRoute({
  method: 'GET',
  url: '/api/catalog/resources/:id/diff',
  schema: {
    tags: ['catalog'],
    summary: 'What changed between two versions of an entry',
    params: IdParams,
    querystring: Type.Object({ from: Type.Integer({ minimum: 1 }), to: Type.Integer({ minimum: 1 }) }),
    response: { 200: Type.Array(Change), ...protectedErrors, 404: ApiErrorBody },
  },
});

export const MyEntry = Type.Object({
  resourceId: Uuid,
  code: Type.Union([Type.String(), Type.Null()]),
  name: Type.String(),
  published: Type.Union([VersionSummary, Type.Null()]),
  pending: Type.Union([VersionSummary, Type.Null()], { description: 'The open draft, submission or returned version' }),
  problemCount: Type.Integer(),
  deadline: Type.Union([PendingItem, Type.Null()]),
});
export type MyEntry = Static<typeof MyEntry>;

export const myCatalog = defineRoute({
  method: 'GET',
  url: '/api/catalog/mine',
  schema: {
    tags: ['catalog'],
    summary: 'My agency’s catalog: published entries and open drafts',
    response: { 200: Type.Array(MyEntry), ...protectedErrors },
  },
});

const DraftBody = Type.Object({
  metadata: ResourceMetadata,
  justification: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
  changeReason: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
  lawChangeDate: Type.Optional(Type.Union([IsoDate, Type.Null()])),
});

export const createDraft = defineRoute({
  method: 'POST',
  url: '/api/catalog/drafts',
  schema: {
    tags: ['catalog'],
    summary: 'Register a new resource as a draft (saved even with problems; they are listed)',
    body: DraftBody,
    response: { 201: CatalogVersion, ...protectedErrors },
  },
});

export const updateDraft = defineRoute({
  method: 'PUT',
  url: '/api/catalog/versions/:id',
  schema: {
    tags: ['catalog'],
    summary: 'Save a draft or a returned version',
    params: IdParams,
    body: DraftBody,
    response: { 200: CatalogVersion, ...protectedErrors, 404: ApiErrorBody, 409: ApiErrorBody },
  },
});

export const startChange = defineRoute({
  method: 'POST',
  url: '/api/catalog/resources/:id/changes',
  schema: {
    tags: ['catalog'],
    summary: 'Start a change request from the published version (R10.3)',
    params: IdParams,
    body: Type.Object({ changeReason: Type.String({ minLength: 2, maxLength: 2000 }), lawChangeDate: IsoDate }),
    response: { 201: CatalogVersion, ...protectedErrors, 404: ApiErrorBody, 409: ApiErrorBody },
  },
});

export const discardDraft = defineRoute({
  method: 'DELETE',
  url: '/api/catalog/versions/:id',
  schema: {
    tags: ['catalog'],
    summary: 'Withdraw a draft or returned version',
    params: IdParams,
    response: { 204: Empty, ...protectedErrors, 404: ApiErrorBody, 409: ApiErrorBody },
  },
});

export const checkMetadata = defineRoute({
  method: 'POST',
  url: '/api/catalog/check',
  schema: {
    tags: ['catalog'],
    summary: 'Live validation: problems and overlaps of metadata, without saving',
    body: Type.Object({ metadata: ResourceMetadata, resourceId: Type.Optional(Uuid) }),
    response: {
      200: Type.Object({ problems: Type.Array(Problem), overlaps: Type.Array(Overlap), needsJustification: Type.Boolean() }),
      ...protectedErrors,
    },
  },
});

export const submitVersions = defineRoute({
  method: 'POST',
  url: '/api/catalog/submit',
  schema: {
    tags: ['catalog'],
    summary: 'Submit one or several drafts for formal review; all or none (R8.1, R10.2)',
    body: Type.Object({ versionIds: Type.Array(Uuid, { minItems: 1, maxItems: 200, uniqueItems: true }) }),
    response: { 200: Type.Array(CatalogVersion), ...protectedErrors, 404: ApiErrorBody, 409: ApiErrorBody },
  },
});

export const reviewQueue = defineRoute({
  method: 'GET',
  url: '/api/catalog/reviews',
  schema: {
    tags: ['catalog'],
    summary: 'Submissions waiting for the bureau, with time left',
    response: { 200: Type.Array(CatalogVersion), ...protectedErrors },
  },
});

export const approveVersion = defineRoute({
  method: 'POST',
  url: '/api/catalog/versions/:id/approve',
  schema: {
    tags: ['catalog'],
    summary: 'Approve a submission: publish it, or pass a downgrade on to the bureau’s approval (R18.3)',
    params: IdParams,
    body: Type.Object({ comment: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])) }),
    response: { 200: CatalogVersion, ...protectedErrors, 404: ApiErrorBody, 409: ApiErrorBody },
  },
});

export const returnVersion = defineRoute({
  method: 'POST',
  url: '/api/catalog/versions/:id/return',
  schema: {
    tags: ['catalog'],
    summary: 'Return a submission with all its reasons at once',
    params: IdParams,
    body: Type.Object({ reasons: Type.Array(ReturnReason, { minItems: 1, maxItems: 20 }) }),
    response: { 200: CatalogVersion, ...protectedErrors, 404: ApiErrorBody, 409: ApiErrorBody },
  },
});

export const decideDowngrade = defineRoute({
  method: 'POST',
  url: '/api/catalog/versions/:id/downgrade-decision',
  schema: {
    tags: ['catalog'],
    summary: 'The bureau approves or refuses lowering an open or share attribute (R18.3)',
    params: IdParams,
    body: Type.Object({ approved: Type.Boolean(), comment: Type.String({ minLength: 2, maxLength: 2000 }) }),
    response: { 200: CatalogVersion, ...protectedErrors, 404: ApiErrorBody, 409: ApiErrorBody },
  },
});
