/**
 * Preparing a database: migrations and reference data for every installation, and the demo city
 * on demand. Kept apart from main.ts so the CLI can prepare a database without loading the HTTP app.
 */
import { systemContext } from './context.js';
import type { Db } from './db/connect.js';
import { migrateToLatest } from './db/migrate.js';
import { checkBlindIndexKey } from './modules/encryption/blind-index-key.js';
import { ensureReferenceData } from './modules/reference/reference-data.js';
import { seedDemoCatalog } from './modules/seed/demo-catalog-seed.js';
import { seedDemoWorkflows } from './modules/seed/demo-workflows.js';
import { seedDemoCity } from './modules/seed/seed.service.js';
import { seedDemoData } from './modules/seed/demo-data.js';
import { seedDemoSharing } from './modules/seed/demo-sharing.js';
import { seedDemoCorrelation } from './modules/seed/demo-correlation.js';
import { seedDemoOpenPortal } from './modules/seed/demo-open-portal.js';
import { seedDemoOpenDerivatives } from './modules/seed/demo-open-derivatives.js';
import { seedDemoOpenParticipation } from './modules/seed/demo-open-participation.js';
import { seedDemoOpenApplications } from './modules/seed/demo-open-applications.js';
import { seedDemoServiceProviders } from './modules/seed/demo-service-providers.js';
import type { Services } from './services.js';

/**
 * Migrations, then the reference data every installation needs (calendar, rule set), then the check
 * that the configured blind-index key is the one the stored indexes were computed under (R29.1;
 * skipped only by `gongshu keys rotate-index`, which changes them).
 */
export async function prepareDatabase(db: Db, services: Services, options: { checkBlindIndexKey?: boolean } = {}): Promise<void> {
  await migrateToLatest(db.kysely);
  await db.kysely.transaction().execute((trx) => ensureReferenceData(trx, services, systemContext()));
  if (options.checkBlindIndexKey !== false) await checkBlindIndexKey(db.kysely, services.fieldCipher);
}

/** The demo city and its history on the clock. */
export async function seedDemo(
  services: Services,
  database: Db,
  dataDir: string,
  ctx = systemContext(),
): Promise<{ agenciesAdded: number; usersAdded: number; orders: number; resources: number }> {
  const city = await seedDemoCity(services, ctx);
  const orders = await seedDemoWorkflows(services);
  const catalog = await seedDemoCatalog(services);
  await seedDemoData({ database, db: services.db, audit: services.audit, clock: services.clock, dataDir, cipher: services.fieldCipher });
  await seedDemoSharing(services);
  await seedDemoCorrelation(services);
  await seedDemoOpenPortal(services);
  await seedDemoOpenDerivatives(services);
  await seedDemoOpenParticipation(services);
  await seedDemoOpenApplications(services);
  await seedDemoServiceProviders(services);
  await services.db
    .insertInto('platform_meta')
    .values({ key: 'demo_complete_at', value: JSON.stringify(services.clock().toISOString()) })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  return { agenciesAdded: city.agenciesAdded, usersAdded: city.usersAdded, orders, resources: catalog.published + catalog.pending };
}
