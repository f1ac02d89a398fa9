import { Type, type Static } from 'typebox';
import { ApiErrorBody, DateTime, IdParams, Uuid, protectedErrors } from '../common.js';
import { defineRoute } from '../route.js';

const Bilingual = Type.Object({ zh: Type.String(), en: Type.String() });
const ResourceParams = Type.Object({ resourceId: Uuid });

export const LoadMode = Type.Enum(['replace', 'append', 'upsert']);

export const LoadBatch = Type.Object({
  id: Uuid,
  resourceId: Uuid,
  mode: LoadMode,
  channel: Type.Enum(['upload', 'cli', 'api']),
  format: Type.Enum(['csv', 'xlsx', 'jsonl']),
  encoding: Type.Union([Type.String(), Type.Null()]),
  fileName: Type.Union([Type.String(), Type.Null()]),
  state: Type.Enum(['queued', 'running', 'loaded', 'rejected', 'failed']),
  rowsRead: Type.Integer(),
  rowsLoaded: Type.Integer(),
  rowsQuarantined: Type.Integer(),
  bytesTotal: Type.Union([Type.Integer(), Type.Null()]),
  message: Type.Union([
    Type.Object({
      code: Type.String(),
      zh: Type.String(),
      en: Type.String(),
      row: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
    }),
    Type.Null(),
  ]),
  createdAt: DateTime,
  startedAt: Type.Union([DateTime, Type.Null()]),
  finishedAt: Type.Union([DateTime, Type.Null()]),
});
export type LoadBatch = Static<typeof LoadBatch>;

export const uploadData = defineRoute({
  method: 'POST',
  url: '/api/data/:resourceId/uploads',
  schema: {
    tags: ['data'],
    summary: 'Upload a CSV (UTF-8, UTF-8 BOM, GB18030), XLSX or JSON Lines file; processed in the background (poll the batch)',
    description: 'multipart/form-data with one file field; options in the query string.',
    params: ResourceParams,
    querystring: Type.Object({
      mode: Type.Optional(LoadMode),
      encoding: Type.Optional(
        Type.Enum(['utf-8', 'gb18030'], { description: 'Declared encoding of a CSV/JSONL file; detected when absent' }),
      ),
      format: Type.Optional(Type.Enum(['csv', 'xlsx', 'jsonl'], { description: 'Taken from the file name when absent' })),
    }),
    response: { 202: LoadBatch, ...protectedErrors, 404: ApiErrorBody, 413: ApiErrorBody },
  },
});

export const pushRecords = defineRoute({
  method: 'POST',
  url: '/api/data/:resourceId/records',
  schema: {
    tags: ['data'],
    summary: 'Push a batch of records from an agency system (API key); the same idempotency key loads once',
    params: ResourceParams,
    body: Type.Object({
      idempotencyKey: Type.String({ minLength: 8, maxLength: 100 }),
      mode: LoadMode,
      records: Type.Array(Type.Record(Type.String(), Type.Unknown()), { minItems: 1, maxItems: 10_000 }),
    }),
    response: { 200: Type.Object({ batch: LoadBatch, replayed: Type.Boolean() }), ...protectedErrors, 404: ApiErrorBody },
  },
});

export const getLoad = defineRoute({
  method: 'GET',
  url: '/api/data/loads/:id',
  schema: {
    tags: ['data'],
    summary: 'A load and its progress',
    params: IdParams,
    response: { 200: LoadBatch, ...protectedErrors, 404: ApiErrorBody },
  },
});

export const listLoads = defineRoute({
  method: 'GET',
  url: '/api/data/:resourceId/loads',
  schema: {
    tags: ['data'],
    summary: 'Loads of a resource, newest first',
    params: ResourceParams,
    response: { 200: Type.Array(LoadBatch), ...protectedErrors, 404: ApiErrorBody },
  },
});

export const DataProblem = Type.Object({
  id: Uuid,
  resourceId: Uuid,
  batchId: Type.Union([Uuid, Type.Null()]),
  source: Type.Enum(['load', 'report']),
  rowNumber: Type.Union([Type.Integer(), Type.Null()]),
  problems: Type.Array(Type.Object({ column: Type.String(), rule: Type.String(), message: Bilingual, requirement: Type.String() })),
  raw: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  recordKey: Type.Union([Type.String(), Type.Null()]),
  description: Type.Union([Type.String(), Type.Null()]),
  state: Type.Enum(['open', 'fixed', 'confirmed', 'dismissed']),
  resolution: Type.Union([Type.String(), Type.Null()]),
  createdAt: DateTime,
  fixedAt: Type.Union([DateTime, Type.Null()]),
  confirmedAt: Type.Union([DateTime, Type.Null()]),
});
export type DataProblem = Static<typeof DataProblem>;

export const listProblems = defineRoute({
  method: 'GET',
  url: '/api/data/:resourceId/problems',
  schema: {
    tags: ['data'],
    summary: 'Problem data of a resource (R12.2): quarantined rows and consumers’ reports',
    params: ResourceParams,
    querystring: Type.Object({
      state: Type.Optional(Type.Enum(['open', 'fixed', 'confirmed', 'dismissed'])),
      batchId: Type.Optional(Uuid),
      limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 200 })),
    }),
    response: { 200: Type.Object({ total: Type.Integer(), items: Type.Array(DataProblem) }), ...protectedErrors, 404: ApiErrorBody },
  },
});

export const downloadProblems = defineRoute({
  method: 'GET',
  url: '/api/data/:resourceId/problems.xlsx',
  schema: {
    tags: ['data'],
    summary: 'Open problem rows as a spreadsheet: the data as read, with the reasons beside it',
    params: ResourceParams,
    querystring: Type.Object({ batchId: Type.Optional(Uuid) }),
    response: {
      200: Type.Any({ description: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
      ...protectedErrors,
      404: ApiErrorBody,
    },
  },
});

export const reportProblem = defineRoute({
  method: 'POST',
  url: '/api/data/:resourceId/problems',
  schema: {
    tags: ['data'],
    summary: 'Report a data problem on a resource (joins the provider’s queue, R12.2)',
    params: ResourceParams,
    body: Type.Object({
      recordKey: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Null()])),
      description: Type.String({ minLength: 4, maxLength: 2000 }),
    }),
    response: { 201: DataProblem, ...protectedErrors, 404: ApiErrorBody },
  },
});

export const resolveProblem = defineRoute({
  method: 'POST',
  url: '/api/data/problems/:id/:action',
  schema: {
    tags: ['data'],
    summary: 'fix (provider), confirm (quality owner or bureau) or dismiss (provider, with the reason) a problem',
    params: Type.Object({ id: Uuid, action: Type.Enum(['fix', 'confirm', 'dismiss']) }),
    body: Type.Object({ resolution: Type.String({ minLength: 2, maxLength: 2000 }) }),
    response: { 200: DataProblem, ...protectedErrors, 404: ApiErrorBody, 409: ApiErrorBody },
  },
});

export const QualityView = Type.Object({
  settings: Type.Object({
    ownerUserId: Type.Union([Uuid, Type.Null()]),
    policy: Type.Enum(['reject', 'quarantine']),
    threshold: Type.Number(),
    rules: Type.Record(Type.String(), Type.Unknown()),
  }),
  current: Type.Union([
    Type.Object({
      completeness: Type.Number(),
      validity: Type.Number(),
      uniqueness: Type.Number(),
      timeliness: Type.Number(),
      score: Type.Number(),
      overdue: Type.Boolean(),
      computedAt: DateTime,
    }),
    Type.Null(),
  ]),
  history: Type.Array(Type.Object({ computedAt: DateTime, score: Type.Number(), overdue: Type.Boolean() })),
  rowCount: Type.Integer(),
  lastLoadedAt: Type.Union([DateTime, Type.Null()]),
  openProblems: Type.Integer(),
});
export type QualityView = Static<typeof QualityView>;

export const getQuality = defineRoute({
  method: 'GET',
  url: '/api/data/:resourceId/quality',
  schema: {
    tags: ['data'],
    summary: 'Quality owner, rules, score and its history (R11.1, R12.1)',
    params: ResourceParams,
    response: { 200: QualityView, ...protectedErrors, 404: ApiErrorBody },
  },
});

export const putQuality = defineRoute({
  method: 'PUT',
  url: '/api/data/:resourceId/quality',
  schema: {
    tags: ['data'],
    summary: 'Set the quality owner, rules and load policy (provider steward or bureau)',
    params: ResourceParams,
    body: Type.Object({
      ownerUserId: Type.Union([Uuid, Type.Null()]),
      policy: Type.Enum(['reject', 'quarantine']),
      threshold: Type.Number({ minimum: 0, maximum: 1 }),
      rules: Type.Object({
        notNull: Type.Optional(Type.Array(Type.String())),
        unique: Type.Optional(Type.Array(Type.String())),
        patterns: Type.Optional(
          Type.Array(
            Type.Object({ column: Type.String(), pattern: Type.String({ maxLength: 200 }), description: Type.Optional(Type.String()) }),
          ),
        ),
        allowedValues: Type.Optional(Type.Array(Type.Object({ column: Type.String(), values: Type.Array(Type.String()) }))),
        ranges: Type.Optional(
          Type.Array(
            Type.Object({
              column: Type.String(),
              min: Type.Optional(Type.Union([Type.Number(), Type.String()])),
              max: Type.Optional(Type.Union([Type.Number(), Type.String()])),
            }),
          ),
        ),
        references: Type.Optional(
          Type.Array(Type.Object({ column: Type.String(), resourceCode: Type.String(), targetColumn: Type.String() })),
        ),
        freshnessColumn: Type.Optional(Type.Union([Type.String(), Type.Null()])),
      }),
    }),
    response: { 200: QualityView, ...protectedErrors, 404: ApiErrorBody },
  },
});
