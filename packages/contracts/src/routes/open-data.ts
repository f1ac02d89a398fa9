/**
 * The open channel of the one exit (R19.1, R19.2, R23.1; issue 7 item 2): open data leaving the
 * node to the public. Downloads (CSV with BOM, XLSX, JSON; streamed), the query API (API key of a
 * registered user or a session; per-key rate limit and daily quota, 429 with Retry-After), the
 * preview of the first rows, and downloads of published de-identified derivatives (R18.4). Only
 * the fields of the catalog version in force leave, masked by sensitivity like every exit; a
 * conditional resource needs the caller's active open grant and then only its fields. Every answer
 * carries the citation line (R23.1) and is audited and recorded as a delivery (channel open).
 */
import { Type, type Static } from 'typebox';
import { ApiErrorBody, Uuid } from '../common.js';
import { defineRoute } from '../route.js';
import { ExitRecord } from './exit.js';

const openErrors = { 400: ApiErrorBody, 401: ApiErrorBody, 403: ApiErrorBody, 404: ApiErrorBody, 409: ApiErrorBody, 429: ApiErrorBody };

export const OpenColumn = Type.Object({ code: Type.String(), name: Type.String() });
export type OpenColumn = Static<typeof OpenColumn>;

const Citation = Type.String({
  description: 'R23.1: the citation line (provider, resource, version, retrieval date, URL) to give with the data',
});

const FormatParam = Type.Enum(['csv', 'xlsx', 'json'], { default: 'csv' });
const FieldsParam = Type.Optional(Type.String({ description: 'Comma-separated field codes; default: every field you may receive' }));

const fileResponse = (what: string) =>
  Type.Unsafe<unknown>({
    description: `${what}, streamed. CSV is UTF-8 with BOM (Excel reads Chinese) with a last column 引用 Citation whose first row holds the citation; XLSX has the same column and a sheet 来源 Provenance; JSON is {citation, resource, columns, records}.`,
    headers: {
      'content-disposition': { type: 'string', description: "attachment; filename*=UTF-8''<resource code>.<format>" },
      'x-gongshu-citation': { type: 'string', description: 'R23.1: the citation line, percent-encoded UTF-8 (decodeURIComponent)' },
      'x-gongshu-delivery': { type: 'string', description: 'The delivery id (audit)' },
    },
    content: {
      'text/csv': { schema: { type: 'string' } },
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
      'application/json': { schema: { type: 'object' } },
    },
  });

export const openDownload = defineRoute({
  method: 'GET',
  url: '/api/open/resources/:id/download',
  schema: {
    tags: ['open'],
    summary:
      'Download an open resource (anonymous for unconditional open data, R19.1; conditional data needs your active open grant and gives only its fields, R19.2)',
    params: Type.Object({ id: Uuid }),
    querystring: Type.Object({ format: FormatParam, fields: FieldsParam }),
    response: { 200: fileResponse('The resource’s data'), ...openErrors },
  },
});

export const openRecords = defineRoute({
  method: 'GET',
  url: '/api/open/resources/:id/records',
  schema: {
    tags: ['open'],
    summary:
      'Query an open resource: fields, filters and paging. Needs an API key (Authorization: Bearer gsk_…) of a registered user or a session; per-key rate limit and daily quota (429 with Retry-After)',
    params: Type.Object({ id: Uuid }),
    querystring: Type.Object({
      fields: FieldsParam,
      filter: Type.Optional(
        Type.Array(Type.String({ maxLength: 300 }), {
          maxItems: 10,
          description: 'Repeatable: field:op:value with op eq, prefix, gte or lte (e.g. filter=xb:eq:女&filter=csrq:gte:1990-01-01)',
        }),
      ),
      page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
      pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
    }),
    response: {
      200: Type.Object({
        columns: Type.Array(OpenColumn),
        records: Type.Array(ExitRecord),
        page: Type.Integer(),
        pageSize: Type.Integer(),
        total: Type.Integer(),
        citation: Citation,
        deliveryId: Uuid,
      }),
      ...openErrors,
    },
  },
});
export type OpenRecordsResult = Static<(typeof openRecords.schema.response)[200]>;

export const openPreview = defineRoute({
  method: 'GET',
  url: '/api/open/resources/:id/preview',
  schema: {
    tags: ['open'],
    summary: 'The first 10 rows of an unconditional open resource (anonymous; for the resource page)',
    params: Type.Object({ id: Uuid }),
    response: {
      200: Type.Object({ columns: Type.Array(OpenColumn), rows: Type.Array(ExitRecord), citation: Citation }),
      ...openErrors,
    },
  },
});
export type OpenPreview = Static<(typeof openPreview.schema.response)[200]>;

export const openDerivativeDownload = defineRoute({
  method: 'GET',
  url: '/api/open/derivatives/:id/download',
  schema: {
    tags: ['open'],
    summary: 'Download a published de-identified derivative (R18.4; anonymous)',
    params: Type.Object({ id: Uuid }),
    querystring: Type.Object({ format: FormatParam }),
    response: { 200: fileResponse('The derivative’s data'), ...openErrors },
  },
});
