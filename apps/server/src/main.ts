/**
 * The composition root: configuration → database → migrations → (demo seed) → services → HTTP.
 * Everything is wired here, visibly (house style: no DI container).
 */
import path from 'node:path';
import { loadConfig, type Config } from './config.js';
import { systemClock, type Clock } from './context.js';
import type { Db } from './db/connect.js';
import { openConfiguredDatabase } from './db/open.js';
import { buildApp } from './http/app.js';
import type { App } from './http/types.js';
import { DEMO_PASSWORD } from './modules/seed/demo-city.js';
import { startSweeper } from './jobs/sweeper.js';
import { runScheduledBackup } from './modules/backup/backup-schedule.js';
import { encryptPendingTables } from './modules/encryption/table-encryption.js';
import { prepareDatabase, seedDemo } from './setup.js';
import { createServices } from './services.js';
import { SERVER_ROOT } from './server-root.js';

export const WEB_DIST = path.join(SERVER_ROOT, '..', 'web', 'dist');

/** How long after a start the scheduled backup waits before its first pass. */
const BACKUP_START_DELAY_MS = 15 * 60_000;

export interface Platform {
  readonly app: App;
  readonly db: Db;
  readonly config: Config;
  close(): Promise<void>;
}

/** Opens, migrates and (on an empty development database) seeds; returns the ready app. */
export async function startPlatform(config: Config, clock: Clock = systemClock): Promise<Platform> {
  const db = await openConfiguredDatabase(config);
  try {
    const services = createServices(db, config, clock);
    await prepareDatabase(db, services);
    if (config.seedDemo) {
      // Every part of the demo seed is idempotent: an interrupted first start finishes on the next.
      const complete = await db.kysely.selectFrom('platform_meta').select('key').where('key', '=', 'demo_complete_at').executeTakeFirst();
      if (!complete) await seedDemo(services, db, config.dataDir);
    }
    // Loads interrupted by a crash are marked failed and their staging tables dropped (issue 5).
    await services.loads.recoverInterrupted();
    const app = await buildApp({ config, services, webDist: WEB_DIST });
    const startedAt = clock().getTime();
    const stopSweeper = startSweeper(
      [
        { name: 'deadline sweep', run: () => services.deadlines.sweep() },
        { name: 'data timeliness', run: () => services.loads.sweepTimeliness() },
        { name: 'grant expiry notices', run: () => services.grants.notifyExpiring() },
        { name: 'open usage reports', run: () => services.openGrants.sweepReports() },
        {
          name: 'scheduled backup',
          // Not in the first minutes of a start: a due backup (a new installation's first, or one
          // missed while stopped) would otherwise run beside the start-up traffic, in this process
          // (docs/benchmarks.md: peak 213 MB beside a 1,000,000-row download).
          run: async () => {
            if (clock().getTime() - startedAt < BACKUP_START_DELAY_MS) return;
            await runScheduledBackup({ db, audit: services.audit, clock }, config.backup);
          },
        },
        { name: 'unusual access alerts', run: () => services.securityAlerts.sweep() },
        {
          // R29.1: a resource graded up (or a table from before encryption) is encrypted within a sweep.
          name: 'encryption at rest',
          run: async () => {
            const done = await encryptPendingTables({ db: db.kysely, cipher: services.fieldCipher, audit: services.audit });
            if (done.tables === 0) return;
            services.exit.invalidateAllGrants();
            for (const id of done.resourceIds) services.openData.forgetResource(id);
          },
        },
        { name: 'service provider agreement notices', run: () => services.serviceProviders.notifyExpiring() },
      ],
      config.sweepSeconds,
      app.log,
    );
    return {
      app,
      db,
      config,
      close: async () => {
        await stopSweeper();
        await app.close();
        await services.loads.idle();
        await services.loads.close();
        await db.close();
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}

export async function serve(): Promise<void> {
  const config = loadConfig();
  const platform = await startPlatform(config);
  await platform.app.listen({ host: config.host, port: config.port });
  const address = platform.app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host}:${port}`;
  const where = config.databaseUrl ? 'PostgreSQL' : `PGlite in ${path.join(config.dataDir, 'pglite')}`;
  process.stdout.write(`\n公数 Gongshu is running at ${url}  (database: ${where})\n`);
  if (config.seedDemo) {
    process.stdout.write(
      `Demo accounts (password ${DEMO_PASSWORD}): admin, reviewer, hrss-steward, hrss-staff, edu-supervisor, police-security, operator, citizen, company\n\n`,
    );
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    platform.app.log.info({ signal }, 'shutting down');
    platform.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}
