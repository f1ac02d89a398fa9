/**
 * Makes every service from the database, the configuration and the clock. main.ts, the CLI and
 * the tests all wire the platform through here, so there is one composition.
 */
import type { Kysely } from 'kysely';
import type { Config } from './config.js';
import type { Clock, RequestContext } from './context.js';
import type { Db, DatabaseKind } from './db/connect.js';
import type { Database } from './db/schema.js';
import { createAgenciesService, type AgenciesService } from './modules/agencies/agencies.service.js';
import { createAuditService, type AuditService } from './modules/audit/audit.service.js';
import { createAuthService, type AuthService } from './modules/auth/auth.service.js';
import { createUsersService, type UsersService } from './modules/users/users.service.js';

export interface Services {
  readonly db: Kysely<Database>;
  readonly dbKind: DatabaseKind;
  readonly clock: Clock;
  readonly audit: AuditService;
  readonly auth: AuthService;
  readonly agencies: AgenciesService;
  readonly users: UsersService;
  /** Audits a request refused by a rule (outcome denied). */
  recordDenied(ctx: RequestContext, route: string, code: string): Promise<void>;
}

export function createServices(database: Db, config: Config, clock: Clock): Services {
  const db = database.kysely;
  const audit = createAuditService({ clock, hashAlg: config.auditHash });
  return {
    db,
    dbKind: database.kind,
    clock,
    audit,
    auth: createAuthService({ db, audit, clock, config }),
    agencies: createAgenciesService({ db, audit, clock }),
    users: createUsersService({ db, audit, clock }),
    async recordDenied(ctx, route, code) {
      await db
        .transaction()
        .execute((trx) =>
          audit.record(trx, ctx, { action: 'access.denied', subjectType: 'route', subjectId: route, outcome: 'denied', details: { code } }),
        );
    },
  };
}
