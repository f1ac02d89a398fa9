/**
 * A CKAN Action API v3 compatible subset at /api/3/action/ (issue 7 item 10), so that CKAN clients
 * and harvesters read the open catalog unchanged. Anonymous and public data only: the published
 * resources whose open type is unconditional or conditional (R19.1, R19.2), never `none` (R18.1).
 *
 * Every action answers GET (parameters in the query string, as text) and POST (a JSON object),
 * in CKAN's envelope: `{help, success: true, result}`, or `{help, success: false, error: {__type,
 * message}}` with CKAN's statuses (404 Not Found Error, 409 Validation Error, 403 Authorization
 * Error). A malformed request answers 400 with a JSON string, as CKAN does.
 */
import { Type, type Static, type TSchema } from 'typebox';
import { defineRoute } from '../route.js';

const NullableText = Type.Union([Type.String(), Type.Null()]);
const CkanTime = Type.String({ description: 'UTC time without zone, as CKAN writes it: 2026-03-02T01:00:00.000000' });

const Help = Type.String({ description: 'URL of the action’s help (help_show)' });

export const CkanErrorBody = Type.Object(
  {
    help: Help,
    success: Type.Literal(false),
    error: Type.Object(
      {
        __type: Type.String({ description: 'Not Found Error, Validation Error, Authorization Error or Internal Server Error' }),
        message: Type.String(),
      },
      { additionalProperties: Type.Array(Type.String()), description: 'A Validation Error also lists messages per parameter' },
    ),
  },
  { description: 'CKAN’s error envelope' },
);
export type CkanErrorBody = Static<typeof CkanErrorBody>;

const ckanErrors = {
  400: Type.String({ description: 'Malformed request (for example a body that is not a JSON object): a JSON string, as CKAN answers' }),
  403: CkanErrorBody,
  404: CkanErrorBody,
  409: CkanErrorBody,
  500: CkanErrorBody,
};

function ok<T extends TSchema>(result: T) {
  return Type.Object({ help: Help, success: Type.Literal(true), result }, { description: 'CKAN’s success envelope' });
}

export const CkanTag = Type.Object({
  id: Type.String(),
  name: Type.String(),
  display_name: Type.String(),
  state: Type.Literal('active'),
  vocabulary_id: Type.Null(),
});
export type CkanTag = Static<typeof CkanTag>;

const groupCommon = {
  id: Type.String(),
  name: Type.String(),
  title: Type.String(),
  display_name: Type.String(),
  description: Type.String(),
  image_url: Type.String(),
  image_display_url: Type.String(),
  created: CkanTime,
  state: Type.Literal('active'),
  approval_status: Type.Literal('approved'),
};

export const CkanOrganization = Type.Object(
  { ...groupCommon, type: Type.Literal('organization'), is_organization: Type.Literal(true) },
  { description: 'A providing agency (name = its code)' },
);
export type CkanOrganization = Static<typeof CkanOrganization>;

export const CkanGroup = Type.Object(
  { ...groupCommon, type: Type.Literal('group'), is_organization: Type.Literal(false) },
  { description: 'A top class of the classification tree (name = its 3-digit code)' },
);
export type CkanGroup = Static<typeof CkanGroup>;

export const CkanResource = Type.Object(
  {
    id: Type.String({ description: '<package id>-<format>, e.g. …-csv' }),
    package_id: Type.String(),
    name: Type.String(),
    description: Type.String({ description: 'The data dictionary: every field with its code, type and length' }),
    format: Type.String({ description: 'CSV, XLSX or JSON' }),
    mimetype: Type.String(),
    mimetype_inner: Type.Null(),
    url: Type.String({ description: 'The open download in this format' }),
    url_type: Type.Null(),
    resource_type: Type.Null(),
    position: Type.Integer(),
    created: CkanTime,
    last_modified: Type.Union([CkanTime, Type.Null()], { description: 'When data was last loaded' }),
    metadata_modified: CkanTime,
    size: Type.Null(),
    hash: Type.String(),
    state: Type.Literal('active'),
    datastore_active: Type.Boolean(),
    cache_url: Type.Null(),
    cache_last_updated: Type.Null(),
  },
  { description: 'A downloadable distribution of a package' },
);
export type CkanResource = Static<typeof CkanResource>;

export const CkanPackage = Type.Object(
  {
    id: Type.String({ description: 'The resource’s id' }),
    name: Type.String({ description: 'URL-safe slug of the resource code, e.g. 101001-000001' }),
    title: Type.String(),
    notes: Type.String({ description: 'The summary' }),
    url: Type.String({ description: 'The resource’s page on the portal' }),
    version: Type.String({ description: 'Number of the published catalog version' }),
    type: Type.Literal('dataset'),
    state: Type.Literal('active'),
    private: Type.Literal(false),
    author: NullableText,
    author_email: Type.Null(),
    maintainer: NullableText,
    maintainer_email: Type.Null(),
    license_id: Type.String({ description: 'CKAN licence id when recognized, otherwise the licence text; notspecified when none' }),
    license_title: Type.String(),
    license_url: Type.Optional(Type.String()),
    isopen: Type.Boolean(),
    metadata_created: CkanTime,
    metadata_modified: CkanTime,
    owner_org: Type.String(),
    organization: CkanOrganization,
    groups: Type.Array(CkanGroup),
    tags: Type.Array(CkanTag, { description: 'The keywords' }),
    num_tags: Type.Integer(),
    extras: Type.Array(Type.Object({ key: Type.String(), value: Type.String() }), {
      description: 'Public attributes of the catalog entry (identifier, open type and conditions, update frequency, …)',
    }),
    resources: Type.Array(CkanResource),
    num_resources: Type.Integer(),
    relationships_as_object: Type.Array(Type.Unknown(), { maxItems: 0 }),
    relationships_as_subject: Type.Array(Type.Unknown(), { maxItems: 0 }),
  },
  { description: 'A package: one published open catalog resource' },
);
export type CkanPackage = Static<typeof CkanPackage>;

const FacetItem = Type.Object({ name: Type.String(), display_name: Type.String(), count: Type.Integer() });

export const CkanSearchResult = Type.Object({
  count: Type.Integer(),
  sort: Type.String(),
  results: Type.Array(CkanPackage),
  facets: Type.Record(Type.String(), Type.Record(Type.String(), Type.Integer()), { description: 'Deprecated CKAN shape: value → count' }),
  search_facets: Type.Record(Type.String(), Type.Object({ title: Type.String(), items: Type.Array(FacetItem) })),
});
export type CkanSearchResult = Static<typeof CkanSearchResult>;

export const CkanOrganizationDetail = Type.Object({
  ...CkanOrganization.properties,
  package_count: Type.Integer(),
  packages: Type.Optional(Type.Array(CkanPackage, { description: 'With include_datasets=true (at most 1000)' })),
});
export type CkanOrganizationDetail = Static<typeof CkanOrganizationDetail>;

export const CkanGroupDetail = Type.Object({
  ...CkanGroup.properties,
  package_count: Type.Integer(),
  packages: Type.Optional(Type.Array(CkanPackage, { description: 'With include_datasets=true (at most 1000)' })),
});
export type CkanGroupDetail = Static<typeof CkanGroupDetail>;

export const CkanStatus = Type.Object({
  site_title: Type.String(),
  site_description: Type.String(),
  site_url: Type.String(),
  ckan_version: Type.String({ description: 'The CKAN API level this subset follows' }),
  error_emails_to: Type.Null(),
  locale_default: Type.String(),
  extensions: Type.Array(Type.String()),
});
export type CkanStatus = Static<typeof CkanStatus>;

/** datastore_search's result (CKAN DataStore API), with the citation line (R23.1) as an extra key. */
export const CkanDatastoreResult = Type.Object({
  resource_id: Type.String(),
  fields: Type.Array(Type.Object({ id: Type.String(), type: Type.String() })),
  records: Type.Array(Type.Record(Type.String(), Type.Unknown())),
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
  include_total: Type.Boolean(),
  records_format: Type.Literal('objects'),
  _links: Type.Object({ start: Type.String(), next: Type.String() }),
  citation: Type.String({ description: 'R23.1: the citation line to give with the data (not a CKAN key)' }),
});
export type CkanDatastoreResult = Static<typeof CkanDatastoreResult>;

/** One parameter of an action, typed for both ways of calling it. */
type Param = { kind: 'text' | 'int' | 'signed' | 'bool' | 'list' | 'object'; description: string };
const text = (description: string): Param => ({ kind: 'text', description });
const int = (description: string): Param => ({ kind: 'int', description });
const signed = (description: string): Param => ({ kind: 'signed', description });
const bool = (description: string): Param => ({ kind: 'bool', description });
const list = (description: string): Param => ({ kind: 'list', description });
const object = (description: string): Param => ({ kind: 'object', description });

/** GET: query-string text, coerced to integers and booleans; lists as a JSON list in text. */
function queryOf(params: Record<string, Param>) {
  const props: Record<string, TSchema> = {};
  for (const [name, p] of Object.entries(params)) {
    const description = p.description;
    props[name] = Type.Optional(
      p.kind === 'int' || p.kind === 'signed'
        ? Type.Integer({ ...(p.kind === 'int' ? { minimum: 0 } : {}), description })
        : p.kind === 'bool'
          ? Type.Boolean({ description })
          : Type.String({
              maxLength: 2000,
              description:
                p.kind === 'list' ? `${description} (a JSON list)` : p.kind === 'object' ? `${description} (a JSON object)` : description,
            }),
    );
  }
  return Type.Object(props);
}

/** POST: a JSON object; numbers and booleans may also come as text, as CKAN accepts them. */
function bodyOf(params: Record<string, Param>) {
  const props: Record<string, TSchema> = {};
  for (const [name, p] of Object.entries(params)) {
    const description = p.description;
    props[name] = Type.Optional(
      p.kind === 'int' || p.kind === 'signed'
        ? Type.Union(
            [Type.Integer(p.kind === 'int' ? { minimum: 0 } : {}), Type.String({ pattern: p.kind === 'int' ? '^[0-9]+$' : '^-?[0-9]+$' })],
            { description },
          )
        : p.kind === 'bool'
          ? Type.Union([Type.Boolean(), Type.Enum(['true', 'false', 'True', 'False'])], { description })
          : p.kind === 'list'
            ? Type.Union([Type.Array(Type.String({ maxLength: 200 }), { maxItems: 50 }), Type.String({ maxLength: 2000 })], { description })
            : p.kind === 'object'
              ? Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.String({ maxLength: 2000 })], { description })
              : Type.String({ maxLength: 2000, description }),
    );
  }
  return Type.Object(props);
}

function action<const A extends string, const P extends Record<string, Param>, R extends TSchema>(
  name: A,
  summary: string,
  params: P,
  result: R,
) {
  const url = `/api/3/action/${name}` as const;
  const response = { 200: ok(result), ...ckanErrors };
  return {
    get: defineRoute({ method: 'GET', url, schema: { tags: ['ckan'], summary, querystring: queryOf(params), response } }),
    post: defineRoute({ method: 'POST', url, schema: { tags: ['ckan'], summary: `${summary} (POST)`, body: bodyOf(params), response } }),
  };
}

const paging = {
  limit: int('At most this many (default: all, at most 1000)'),
  offset: int('Skip this many'),
};

/** The supported actions, each with its GET and POST route. */
export const ckanActions = {
  package_search: action(
    'package_search',
    'Search open packages (CKAN package_search)',
    {
      q: text('Text query (Chinese or English; `*:*` for all); field:value terms act as filters'),
      fq: text(
        'Filter query: field:value terms, all required: organization, tags, groups, res_format, license_id, name, id, metadata_modified:[from TO to], metadata_created:[…]',
      ),
      fq_list: list('More filter queries, each like fq'),
      sort: text(
        'Comma-separated field direction pairs over score, metadata_modified, metadata_created, title_string, name (default: score desc, metadata_modified desc)',
      ),
      rows: int('Packages per page (default 10, at most 1000)'),
      start: int('Offset of the first package'),
      'facet.field': list('Fields to count: organization, groups, tags, res_format, license_id'),
      'facet.limit': signed('Values per facet (default 50; -1 for all)'),
      'facet.mincount': int('Least count of a facet value (default 1)'),
      facet: bool('Whether to count facets (default true)'),
      include_private: bool('Accepted; the node has no private packages here'),
      include_drafts: bool('Accepted; drafts are never public'),
    },
    CkanSearchResult,
  ),
  package_show: action(
    'package_show',
    'One open package by id or name (CKAN package_show)',
    { id: text('Package id, name or resource code') },
    CkanPackage,
  ),
  package_list: action('package_list', 'Names of all open packages (CKAN package_list)', paging, Type.Array(Type.String())),
  current_package_list_with_resources: action(
    'current_package_list_with_resources',
    'Open packages with their resources, most recently modified first (CKAN current_package_list_with_resources)',
    { ...paging, limit: int('At most this many (default 10, at most 1000)'), page: int('Deprecated: page number with limit') },
    Type.Array(CkanPackage),
  ),
  organization_list: action(
    'organization_list',
    'Providing agencies with open packages (CKAN organization_list)',
    {
      all_fields: bool('Full dictionaries with package_count instead of names'),
      sort: text('name asc (default), name desc, title asc, package_count desc …'),
      organizations: list('Only these names'),
      ...paging,
    },
    Type.Union([Type.Array(Type.String()), Type.Array(CkanOrganizationDetail)]),
  ),
  organization_show: action(
    'organization_show',
    'One providing agency (CKAN organization_show)',
    { id: text('Organization id or name'), include_datasets: bool('Include its open packages (default false)') },
    CkanOrganizationDetail,
  ),
  group_list: action(
    'group_list',
    'Top classes of the classification tree (CKAN group_list)',
    {
      all_fields: bool('Full dictionaries with package_count instead of names'),
      sort: text('name asc (default), name desc, title asc, package_count desc …'),
      groups: list('Only these names'),
      ...paging,
    },
    Type.Union([Type.Array(Type.String()), Type.Array(CkanGroupDetail)]),
  ),
  group_show: action(
    'group_show',
    'One top class (CKAN group_show)',
    { id: text('Group id or name'), include_datasets: bool('Include its open packages (default false)') },
    CkanGroupDetail,
  ),
  tag_list: action(
    'tag_list',
    'Keywords of open packages (CKAN tag_list)',
    { query: text('Only tags containing this text'), all_fields: bool('Full tag dictionaries instead of names') },
    Type.Union([Type.Array(Type.String()), Type.Array(CkanTag)]),
  ),
  resource_show: action(
    'resource_show',
    'One distribution of an open package (CKAN resource_show)',
    { id: text('Resource id') },
    CkanResource,
  ),
  datastore_search: action(
    'datastore_search',
    'Records of an open resource (CKAN DataStore datastore_search), through the open exit: masked, audited, rate-limited',
    {
      resource_id: text('Resource id (<package id>-csv, -xlsx or -json) or package id'),
      q: text('Text searched in every unmasked text field'),
      filters: object('Exact matches: {"field": "value"}'),
      fields: list('Fields to return (default: all you may receive)'),
      limit: int('At most this many records (default 100, at most 1000)'),
      offset: int('Skip this many records'),
      include_total: bool('Accepted; the total is always included'),
      records_format: text('Accepted: objects only'),
    },
    CkanDatastoreResult,
  ),
  status_show: action('status_show', 'The site and the CKAN API level (CKAN status_show)', {}, CkanStatus),
  help_show: action('help_show', 'The help of an action (CKAN help_show)', { name: text('Action name') }, Type.String()),
};

export type CkanActionName = keyof typeof ckanActions;

/** Any other action: CKAN's answer to an unknown action (400) or to a write action from a visitor (403). */
export const ckanOtherActionGet = defineRoute({
  method: 'GET',
  url: '/api/3/action/:action',
  schema: { tags: ['ckan'], summary: 'Any other action', params: Type.Object({ action: Type.String() }), response: ckanErrors },
});
export const ckanOtherActionPost = defineRoute({
  method: 'POST',
  url: '/api/3/action/:action',
  schema: { tags: ['ckan'], summary: 'Any other action (POST)', params: Type.Object({ action: Type.String() }), response: ckanErrors },
});
