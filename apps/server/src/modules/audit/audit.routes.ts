import { routes } from '@gongshu/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { App } from '../../http/types.js';
import type { Clock } from '../../context.js';
import { exportAudit } from './audit-export.js';
import type { AuditService } from './audit.service.js';

export function registerAuditRoutes(app: App, audit: AuditService, db: Kysely<Database>, clock: Clock): void {
  const { searchAudit, verifyAudit } = routes;

  app.get(searchAudit.url, { schema: searchAudit.schema, config: { access: 'audit.read' } }, async (request) => {
    const result = await audit.search(db, { ...request.query, limit: request.query.limit ?? 100 });
    // Reading the audit trail is itself a data access (R29.1).
    await db.transaction().execute((trx) =>
      audit.record(trx, request.ctx, {
        action: 'audit.search',
        subjectType: 'audit_log',
        details: { filter: request.query, returned: result.entries.length },
      }),
    );
    return result;
  });

  app.get(verifyAudit.url, { schema: verifyAudit.schema, config: { access: 'audit.read' } }, async (request) => {
    const result = await audit.verify(db);
    await db.transaction().execute((trx) =>
      audit.record(trx, request.ctx, {
        action: 'audit.verify',
        subjectType: 'audit_log',
        details: { ok: result.ok, checked: result.checked },
      }),
    );
    return result;
  });

  // The export of a search (issue 8 item 4): audited inside exportAudit before the first byte.
  app.get(routes.exportAudit.url, { schema: routes.exportAudit.schema, config: { access: 'audit.read' } }, async (request, reply) => {
    const { format, ...filter } = request.query;
    const file = await exportAudit({ db, audit, clock }, request.ctx, filter, format);
    return reply
      .header('content-disposition', `attachment; filename="${file.fileName}"`)
      .header('cache-control', 'no-store')
      .type(file.contentType)
      .send(file.stream);
  });
}
