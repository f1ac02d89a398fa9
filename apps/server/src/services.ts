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
import { createSecurityAlertsService, type SecurityAlertsService } from './modules/security-alerts/security-alerts.service.js';
import { createAuthService, type AuthService } from './modules/auth/auth.service.js';
import { createUsersService, type UsersService } from './modules/users/users.service.js';
import { createServiceProvidersService, type ServiceProvidersService } from './modules/service-providers/service-providers.service.js';
import { createCalendarService, type CalendarService } from './modules/calendar/calendar.service.js';
import { createRulesService, type RulesService } from './modules/rules/rules.service.js';
import { createDeadlinesService, type DeadlinesService } from './modules/deadlines/deadlines.service.js';
import { createNotificationsService, type NotificationsService } from './modules/notifications/notifications.service.js';
import { createRectificationsService, type RectificationsService } from './modules/rectifications/rectifications.service.js';
import { createCatalogService, type CatalogService } from './modules/catalog/catalog.service.js';
import { createLoadsService, type LoadsService } from './modules/aggregation/loads.service.js';
import { createDataQualityService, type DataQualityService } from './modules/aggregation/data-quality.service.js';
import { createExitService, type ExitService } from './modules/exit/exit.service.js';
import { createOpenDataService, type OpenDataService } from './modules/open-data/open-data.service.js';
import { createGrantsService, type GrantsService } from './modules/sharing/grants.service.js';
import { createShareRequestsService, type ShareRequestsService } from './modules/sharing/share-requests.service.js';
import { createCorrelationService, type CorrelationService } from './modules/correlation/correlation.service.js';
import { createOpenParticipationService, type OpenParticipationService } from './modules/open-participation/open-participation.service.js';
import { createOpenApplicationsService, type OpenApplicationsService } from './modules/open-applications/open-applications.service.js';
import { createOpenGrantsService, type OpenGrantsService } from './modules/open-applications/open-grants.service.js';
import { createPortalService, type PortalService } from './modules/portal/portal.service.js';
import { createDerivativesService, type DerivativesService } from './modules/derivatives/derivatives.service.js';
import { fieldCipherOf, type FieldCipher } from './modules/encryption/field-cipher.js';

export interface Services {
  readonly db: Kysely<Database>;
  readonly dbKind: DatabaseKind;
  readonly clock: Clock;
  /** Encryption at rest of level-3+ fields (R29.1): the configured cipher, keys and blind index. */
  readonly fieldCipher: FieldCipher;
  readonly audit: AuditService;
  readonly auth: AuthService;
  readonly agencies: AgenciesService;
  readonly users: UsersService;
  /** Third-party service providers and their security and confidentiality agreements (R30.1). */
  readonly serviceProviders: ServiceProvidersService;
  readonly calendar: CalendarService;
  readonly rules: RulesService;
  readonly deadlines: DeadlinesService;
  readonly notifications: NotificationsService;
  /** Unusual-access alerts for the security supervisors (R29.1, issue 8 item 4). */
  readonly securityAlerts: SecurityAlertsService;
  readonly rectifications: RectificationsService;
  readonly catalog: CatalogService;
  readonly loads: LoadsService;
  readonly dataQuality: DataQualityService;
  /** The one exit: lookups, queries and extracts under grants (R7.1, R17.2, R29.1). */
  readonly exit: ExitService;
  /** The open channel of the one exit: downloads, query API, preview, derivatives (R19.1, R19.2, R23.1); shares the exit's journal. */
  readonly openData: OpenDataService;
  readonly grants: GrantsService;
  readonly shareRequests: ShareRequestsService;
  /** Correlation security assessments before share grants (R31.1). */
  readonly correlation: CorrelationService;
  /** Registration, objections (R20.2) and the reuse showcase (R22.1) on the open portal. */
  readonly openParticipation: OpenParticipationService;
  /** Conditional open-data applications and demands (R19.2–R19.4). */
  readonly openApplications: OpenApplicationsService;
  /** Open grants and usage reports (R20.1). */
  readonly openGrants: OpenGrantsService;
  /** Subscribes to open-grant changes (the open exit forgets what it cached about the holder's grant). */
  onOpenGrantChanged(listener: (userId: string, resourceId: string) => void): void;
  /** The public open-data portal: summary, search, resource pages (issue 7 item 1). */
  readonly portal: PortalService;
  /** De-identified derivatives of data not opened (R18.4): plans, k-anonymity checks, publication. */
  readonly derivatives: DerivativesService;
  /** Subscribes to grant changes (the exit drops what it cached about the grant). */
  onGrantChanged(listener: (grantId: string) => void): void;
  /** Audits a request refused by a rule (outcome denied). */
  recordDenied(ctx: RequestContext, route: string, code: string): Promise<void>;
}

export function createServices(database: Db, config: Config, clock: Clock): Services {
  const db = database.kysely;
  const audit = createAuditService({ clock, hashAlg: config.auditHash });
  const deadlines = createDeadlinesService({ db, audit, clock });
  const fieldCipher = fieldCipherOf(config);
  const loads = createLoadsService({ db: database, audit, clock, dataDir: config.dataDir, cipher: fieldCipher });
  const exit = createExitService({ db, pool: database.pool, audit, clock, config, cipher: fieldCipher });
  // The open channel shares the exit's journal: one group-commit writer of the audit chain per process.
  const openData = createOpenDataService({ db, pool: database.pool, clock, journal: exit.journal, config, cipher: fieldCipher });
  const auth = createAuthService({ db, audit, clock, config });
  const grantListeners = new Set<(grantId: string) => void>();
  // The exit caches grants: a changed grant is dropped from its cache at once (ADR 0007).
  grantListeners.add((id) => exit.invalidateGrant(id));
  const grants = createGrantsService({ db, audit, clock, onGrantChanged: (id) => grantListeners.forEach((listener) => listener(id)) });
  const openGrantListeners = new Set<(userId: string, resourceId: string) => void>();
  // The open exit caches a holder's grants of a resource: a change drops them at once.
  openGrantListeners.add((userId, resourceId) => openData.forgetOpenGrant(userId, resourceId));
  const openGrants = createOpenGrantsService({
    db,
    audit,
    clock,
    onOpenGrantChanged: (userId, resourceId) => openGrantListeners.forEach((listener) => listener(userId, resourceId)),
  });
  const shareRequests = createShareRequestsService({ db, audit, clock, deadlines, grants });
  return {
    db,
    dbKind: database.kind,
    clock,
    fieldCipher,
    audit,
    auth,
    agencies: createAgenciesService({ db, audit, clock }),
    users: createUsersService({ db, audit, clock, onUserChanged: (id) => auth.forgetApiKeysOf(id) }),
    // An ended or extended agreement stops or restores its accounts' API keys at once (R30.1).
    serviceProviders: createServiceProvidersService({
      db,
      audit,
      clock,
      onAccountsChanged: (ids) => ids.forEach((id) => auth.forgetApiKeysOf(id)),
    }),
    // A corrected or newly imported year moves the due dates of open steps (R37.1).
    calendar: createCalendarService({
      db,
      audit,
      clock,
      onYearChanged: (trx, ctx) => deadlines.recomputeOpen(trx, ctx).then(() => undefined),
    }),
    rules: createRulesService({ db, audit, clock }),
    deadlines,
    notifications: createNotificationsService({ db, clock }),
    securityAlerts: createSecurityAlertsService({ db, audit, clock, config: config.accessAlerts }),
    rectifications: createRectificationsService({ db, audit, clock, deadlines }),
    catalog: createCatalogService({ db, audit, clock, deadlines }),
    loads,
    dataQuality: createDataQualityService({ db, audit, clock, loads, cipher: fieldCipher }),
    exit,
    openData,
    grants,
    shareRequests,
    correlation: createCorrelationService({ db, audit, clock, shareRequests }),
    openParticipation: createOpenParticipationService({ db, audit, clock, deadlines }),
    openApplications: createOpenApplicationsService({ db, audit, clock, deadlines, grants: openGrants }),
    openGrants,
    onOpenGrantChanged: (listener) => openGrantListeners.add(listener),
    portal: createPortalService({ db, clock, publicUrl: config.publicUrl }),
    derivatives: createDerivativesService({ db, audit, clock, publicUrl: config.publicUrl, cipher: fieldCipher }),
    onGrantChanged: (listener) => grantListeners.add(listener),
    async recordDenied(ctx, route, code) {
      await db
        .transaction()
        .execute((trx) =>
          audit.record(trx, ctx, { action: 'access.denied', subjectType: 'route', subjectId: route, outcome: 'denied', details: { code } }),
        );
    },
  };
}
