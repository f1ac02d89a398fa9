import { Type, type Static } from 'typebox';
import { DateTime, Uuid, protectedErrors } from '../common.js';
import { defineRoute } from '../route.js';
import { AuditOutcome } from '../enums.js';

export const AuditEntry = Type.Object({
  seq: Type.Integer(),
  at: DateTime,
  actorUserId: Type.Union([Uuid, Type.Null()]),
  actorLabel: Type.String(),
  actorAgencyId: Type.Union([Uuid, Type.Null()]),
  via: Type.String(),
  action: Type.String(),
  subjectType: Type.String(),
  subjectId: Type.Union([Type.String(), Type.Null()]),
  outcome: AuditOutcome,
  requestId: Type.Union([Type.String(), Type.Null()]),
  details: Type.Record(Type.String(), Type.Unknown()),
  hash: Type.String(),
});
export type AuditEntry = Static<typeof AuditEntry>;

/** The filters of the audit search, shared by the search and its export. */
const AUDIT_FILTERS = {
  actor: Type.Optional(Type.String({ maxLength: 100, description: 'Username' })),
  agencyId: Type.Optional(Uuid),
  action: Type.Optional(Type.String({ maxLength: 100, description: 'Exact action or prefix ending in *' })),
  subjectType: Type.Optional(Type.String({ maxLength: 50 })),
  subjectId: Type.Optional(Type.String({ maxLength: 100 })),
  resourceId: Type.Optional(
    Type.String({
      format: 'uuid',
      description: 'Entries about the resource: their subject, or named in their details (deliveries, requests)',
    }),
  ),
  grantId: Type.Optional(
    Type.String({ format: 'uuid', description: 'Entries about the share or open grant: their subject, or named in their details' }),
  ),
  outcome: Type.Optional(AuditOutcome),
  from: Type.Optional(DateTime),
  to: Type.Optional(DateTime),
};

export const searchAudit = defineRoute({
  method: 'GET',
  url: '/api/audit',
  schema: {
    tags: ['audit'],
    summary: 'Search the audit trail (security supervisors, bureau administrators; R29.1)',
    querystring: Type.Object({
      ...AUDIT_FILTERS,
      beforeSeq: Type.Optional(Type.Integer({ minimum: 1, description: 'Page: entries older than this' })),
      limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
    }),
    response: {
      200: Type.Object({ entries: Type.Array(AuditEntry), nextBeforeSeq: Type.Union([Type.Integer(), Type.Null()]) }),
      ...protectedErrors,
    },
  },
});

export const AuditVerification = Type.Object({
  ok: Type.Boolean(),
  checked: Type.Integer(),
  firstBroken: Type.Union([Type.Object({ seq: Type.Integer(), reason: Type.String() }), Type.Null()]),
});
export type AuditVerification = Static<typeof AuditVerification>;

export const verifyAudit = defineRoute({
  method: 'GET',
  url: '/api/audit/verify',
  schema: {
    tags: ['audit'],
    summary: 'Verify the hash chain of the audit trail (R29.1)',
    response: { 200: AuditVerification, ...protectedErrors },
  },
});

/** Most entries one export holds (stated in the file and in docs/security.md). */
export const AUDIT_EXPORT_CAP = 100_000;

export const exportAudit = defineRoute({
  method: 'GET',
  url: '/api/audit/export',
  schema: {
    tags: ['audit'],
    summary: `Export an audit search as CSV (UTF-8 with BOM) or XLSX, newest first, at most ${AUDIT_EXPORT_CAP} entries; the export is itself audited (R29.1)`,
    querystring: Type.Object({ ...AUDIT_FILTERS, format: Type.Enum(['csv', 'xlsx']) }),
    response: {
      200: Type.Unsafe<unknown>({
        description:
          'The file, streamed; its last line (CSV) or second sheet (XLSX) states the filter, the count and whether the cap cut it off',
        headers: { 'content-disposition': { type: 'string', description: 'attachment; filename="audit-<time>.<format>"' } },
        content: {
          'text/csv': { schema: { type: 'string', description: 'UTF-8 with BOM, one header row' } },
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
        },
      }),
      ...protectedErrors,
    },
  },
});
