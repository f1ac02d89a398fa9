/**
 * The one exit (R7.1, R17.2, R29.1): every way shared data leaves the node. Each call is checked
 * against its grant (deny by default), limited to the granted fields, masked by field sensitivity
 * and security level, stamped with its provenance and audited before the response is sent.
 */
import { Type, type Static } from 'typebox';
import { DateTime, Uuid, protectedErrors } from '../common.js';
import { defineRoute } from '../route.js';

const exitErrors = { ...protectedErrors, 404: protectedErrors[400], 409: protectedErrors[400] };

export const Provenance = Type.Object({
  grant: Type.Object({ id: Uuid, number: Type.String() }),
  deliveryId: Uuid,
  at: DateTime,
  citation: Type.String({ description: 'R23.1: cite the source with the data' }),
});
export type Provenance = Static<typeof Provenance>;

export const ExitValue = Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]);
export const ExitRecord = Type.Record(Type.String(), ExitValue, {
  description: 'Field code → value (masked where the field is sensitive)',
});
export type ExitRecord = Static<typeof ExitRecord>;

const FieldsParam = Type.Optional(Type.String({ description: 'Comma-separated field codes; default: every granted field' }));

export const exitLookup = defineRoute({
  method: 'GET',
  url: '/api/exit/grants/:grantId/records/:key',
  schema: {
    tags: ['exit'],
    summary: 'Look up one record by the resource’s identifier (citizen ID, credit code or other code) under a grant',
    params: Type.Object({ grantId: Uuid, key: Type.String({ minLength: 1, maxLength: 100 }) }),
    querystring: Type.Object({ fields: FieldsParam }),
    response: { 200: Type.Object({ record: Type.Union([ExitRecord, Type.Null()]), provenance: Provenance }), ...exitErrors },
  },
});

export const ExitFilter = Type.Object({
  field: Type.String(),
  op: Type.Enum(['eq', 'prefix', 'gte', 'lte']),
  value: Type.String({ maxLength: 200 }),
});

export const exitQuery = defineRoute({
  method: 'POST',
  url: '/api/exit/grants/:grantId/query',
  schema: {
    tags: ['exit'],
    summary: 'A filtered query with paging under a grant (filters only on granted fields)',
    params: Type.Object({ grantId: Uuid }),
    body: Type.Object({
      fields: Type.Optional(Type.Array(Type.String())),
      filters: Type.Optional(Type.Array(ExitFilter, { maxItems: 10 })),
      page: Type.Optional(Type.Integer({ minimum: 1 })),
      pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
    }),
    response: {
      200: Type.Object({
        records: Type.Array(ExitRecord),
        page: Type.Integer(),
        pageSize: Type.Integer(),
        total: Type.Integer(),
        provenance: Provenance,
      }),
      ...exitErrors,
    },
  },
});

export const exitExtract = defineRoute({
  method: 'GET',
  url: '/api/exit/grants/:grantId/extract',
  schema: {
    tags: ['exit'],
    summary:
      'A bulk extract of every row under a grant, streamed as CSV, XLSX or JSON, carrying a fingerprint of its grant and delivery (`gongshu trace <file>` reads it back)',
    params: Type.Object({ grantId: Uuid }),
    querystring: Type.Object({ format: Type.Enum(['csv', 'xlsx', 'json']), fields: FieldsParam }),
    response: {
      200: Type.Unsafe<unknown>({
        description:
          'The file, streamed. Every row carries the fingerprint of its grant and delivery: a `_gongshu_provenance` column and an invisible mark in one text value (R17.2, R29.1)',
        headers: {
          'content-disposition': { type: 'string', description: 'attachment; filename="<grant number>-<delivery serial>.<format>"' },
          'x-gongshu-grant': { type: 'string', description: 'The grant number' },
          'x-gongshu-delivery': { type: 'string', description: 'The delivery id' },
          'x-gongshu-citation': { type: 'string', description: 'R23.1: the citation line, URI-encoded' },
        },
        content: {
          'text/csv': { schema: { type: 'string', description: 'UTF-8 with BOM, header of field names' } },
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
          'application/json': { schema: { type: 'array', items: { type: 'object' } } },
        },
      }),
      ...exitErrors,
    },
  },
});
