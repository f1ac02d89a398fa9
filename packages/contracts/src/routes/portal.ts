/**
 * The public open-data portal (issue 7 item 1): the home page's counts and featured data, search
 * with facets over open resources, and one resource's public page. Anonymous: whoever asks sees
 * the same public data (R19.1), never a resource of open type `none` (R18.1).
 */
import { Type, type Static } from 'typebox';
import { ApiErrorBody, DateTime, IdParams, Uuid } from '../common.js';
import { DataType, FormatCategory, UpdateFrequency } from '../enums.js';
import { defineRoute } from '../route.js';

const Bilingual = Type.Object({ zh: Type.String(), en: Type.String() });
const Segments = Type.Array(Type.Object({ text: Type.String(), hit: Type.Boolean() }));
const PublicOpenType = Type.Enum(['unconditional', 'conditional'], { description: 'Open type of an open resource (R19.1, R19.2)' });

/** How often an open resource has been viewed on the portal, downloaded and called through the API. */
export const PortalUsage = Type.Object({
  views: Type.Integer({ description: 'Views of the public page (resource_views)' }),
  downloads: Type.Integer({ description: "Open-channel deliveries of kind 'extract'" }),
  apiCalls: Type.Integer({ description: "Open-channel deliveries of kind 'query', previews excluded" }),
});
export type PortalUsage = Static<typeof PortalUsage>;

/** An open resource as a card or a search hit. */
export const PortalResourceCard = Type.Object({
  id: Uuid,
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.Union([Type.String(), Type.Null()]),
  summary: Type.String(),
  keywords: Type.Array(Type.String()),
  provider: Type.Object({ id: Uuid, name: Type.String() }),
  openType: PublicOpenType,
  formatCategory: FormatCategory,
  updateFrequency: UpdateFrequency,
  classification: Type.Object({ code: Type.String(), name: Type.String() }),
  sector: Type.Union([Type.String(), Type.Null()]),
  fieldCount: Type.Integer(),
  publishedAt: DateTime,
  /** When its data was last loaded, else when its catalog entry was last published. */
  updatedAt: DateTime,
  usage: PortalUsage,
});
export type PortalResourceCard = Static<typeof PortalResourceCard>;

const Bucket = Type.Object({ value: Type.String(), label: Bilingual, count: Type.Integer() });

export const PortalSummary = Type.Object({
  cityName: Type.String(),
  /** The node's agencies (kept for the platform overview). */
  agencies: Type.Integer({ description: 'Active agencies on the node' }),
  departments: Type.Integer(),
  towns: Type.Integer(),
  publicUsers: Type.Integer({ description: 'Registered citizens and organizations' }),
  sectors: Type.Array(Type.Object({ sector: Type.String(), agencies: Type.Integer() })),
  /** The open data. */
  openResources: Type.Integer({ description: 'Published resources of open type unconditional or conditional' }),
  unconditional: Type.Integer(),
  conditional: Type.Integer(),
  providers: Type.Integer({ description: 'Agencies providing at least one open resource' }),
  downloads: Type.Integer(),
  apiCalls: Type.Integer(),
  views: Type.Integer(),
  showcase: Type.Union([Type.Integer(), Type.Null()], { description: 'Approved showcase items; null while there are none' }),
  featured: Type.Object({
    mostDownloaded: Type.Array(PortalResourceCard),
    newest: Type.Array(PortalResourceCard),
  }),
  /** Open resources per sector of the providing agency (R6.1) and per top class of the classification. */
  bySector: Type.Array(Bucket),
  byClass: Type.Array(Bucket),
});
export type PortalSummary = Static<typeof PortalSummary>;

export const portalSummary = defineRoute({
  method: 'GET',
  url: '/api/portal/summary',
  schema: {
    tags: ['portal'],
    summary: 'Counts, featured resources and distributions for the open portal home page (public)',
    response: { 200: PortalSummary },
  },
});

export const PortalSearchQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200, description: 'Chinese or English text' })),
  provider: Type.Optional(Uuid),
  openType: Type.Optional(PublicOpenType),
  classification: Type.Optional(Type.String({ pattern: '^[0-9]{3}$', description: 'Top class code (3 digits)' })),
  formatCategory: Type.Optional(FormatCategory),
  updateFrequency: Type.Optional(UpdateFrequency),
  sector: Type.Optional(Type.String({ maxLength: 40 })),
  sort: Type.Optional(Type.Enum(['relevance', 'date', 'downloads'], { default: 'relevance' })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10 })),
});
export type PortalSearchQuery = Static<typeof PortalSearchQuery>;

export const PortalSearchHit = Type.Object({
  ...PortalResourceCard.properties,
  highlight: Type.Object({ name: Segments, summary: Segments }),
});
export type PortalSearchHit = Static<typeof PortalSearchHit>;

export const PortalSearchResult = Type.Object({
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  hits: Type.Array(PortalSearchHit),
  facets: Type.Object({
    provider: Type.Array(Bucket),
    openType: Type.Array(Bucket),
    classification: Type.Array(Bucket),
    formatCategory: Type.Array(Bucket),
    updateFrequency: Type.Array(Bucket),
    sector: Type.Array(Bucket),
  }),
});
export type PortalSearchResult = Static<typeof PortalSearchResult>;

export const searchPortal = defineRoute({
  method: 'GET',
  url: '/api/portal/resources',
  schema: {
    tags: ['portal'],
    summary: 'Search open resources in Chinese and English, with facets and highlighting (public)',
    querystring: PortalSearchQuery,
    response: { 200: PortalSearchResult, 400: ApiErrorBody },
  },
});

export const PortalField = Type.Object({
  code: Type.String(),
  name: Type.String(),
  dataType: DataType,
  length: Type.Union([Type.Integer(), Type.Null()]),
  description: Type.Union([Type.String(), Type.Null()]),
  required: Type.Boolean(),
});
export type PortalField = Static<typeof PortalField>;

export const PortalResource = Type.Object({
  ...PortalResourceCard.properties,
  version: Type.Integer({ description: 'The catalog version in force' }),
  formatType: Type.String(),
  firstPublishedAt: DateTime,
  lastPublishedAt: DateTime,
  lastLoadedAt: Type.Union([DateTime, Type.Null()]),
  classTop: Type.Object({ code: Type.String(), name: Type.String() }),
  /** R19.2: the conditions the provider published (conditional open data). */
  openConditions: Type.Union([Type.String(), Type.Null()]),
  licence: Type.Object({
    text: Type.Union([Type.String(), Type.Null()]),
    title: Type.Union([Type.String(), Type.Null()]),
    url: Type.Union([Type.String(), Type.Null()]),
  }),
  fields: Type.Array(PortalField, { description: 'The data dictionary (no internal sensitivity details)' }),
  quality: Type.Union([
    Type.Object({
      score: Type.Number({ description: '0–100 (R12.1)' }),
      completeness: Type.Number(),
      validity: Type.Number(),
      uniqueness: Type.Number(),
      timeliness: Type.Number(),
      overdue: Type.Boolean(),
      computedAt: DateTime,
    }),
    Type.Null(),
  ]),
  pageUrl: Type.String({ description: 'The public page (absolute)' }),
  citation: Type.String({ description: 'R23.1: provider, resource, version, retrieval date, URL' }),
  distributions: Type.Array(Type.Object({ format: Type.String(), label: Type.String(), mediaType: Type.String(), url: Type.String() })),
  recordsUrl: Type.String({ description: 'The query API (API key or session)' }),
  cityName: Type.String(),
});
export type PortalResource = Static<typeof PortalResource>;

export const getPortalResource = defineRoute({
  method: 'GET',
  url: '/api/portal/resources/:id',
  schema: {
    tags: ['portal'],
    summary: 'The public page of an open resource: dictionary, licence, quality, usage, citation (public; counts a view)',
    params: IdParams,
    response: { 200: PortalResource, 400: ApiErrorBody, 404: ApiErrorBody },
  },
});
