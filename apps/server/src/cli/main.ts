/**
 * The gongshu command line: serve, migrate, seed, load, audit verify, trace, backup, restore, keys status|rotate|encrypt|rotate-index, openapi. Refusals exit with the
 * code mapped from their error code (errors.http.ts), unexpected failures with 1.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DomainError } from '@gongshu/domain';
import { Command } from 'commander';
import { ConfigError, loadConfig } from '../config.js';
import { systemClock, systemContext } from '../context.js';
import { openDatabase } from '../db/connect.js';
import { DataDirInUseError, openConfiguredDatabase } from '../db/open.js';
import { exitCodeOf } from '../http/errors.http.js';
import { prepareDatabase, seedDemo } from '../setup.js';
import { createServices, type Services } from '../services.js';
import type { Db } from '../db/connect.js';
import type { LoadEncoding, LoadFormat } from '../modules/aggregation/load-sources.js';
import type { LoadMode } from '../modules/aggregation/load-pipeline.js';
import { demoActors } from '../modules/seed/demo-actors.js';
import { governMemory } from './memory-governor.js';

/** RSS above which `gongshu load` collects garbage at once (issue 5: peak RSS under 300 MB). */
const LOAD_RSS_CEILING = 200 * 1024 * 1024;

const out = (line: string) => process.stdout.write(`${line}\n`);

async function withDatabase<T>(
  work: (db: Db, services: Services) => Promise<T>,
  options: { checkBlindIndexKey?: boolean } = {},
): Promise<T> {
  const config = loadConfig();
  const db = await openConfiguredDatabase(config);
  try {
    const services = createServices(db, config, systemClock);
    await prepareDatabase(db, services, options);
    return await work(db, services);
  } finally {
    await db.close();
  }
}

/** The OpenAPI document as committed in docs/openapi.json (stable key order, trailing newline). */
export async function renderOpenApi(): Promise<string> {
  const config = loadConfig({ NODE_ENV: 'test' });
  const { buildApp } = await import('../http/app.js');
  // Building the app does no I/O: a pool that never connects is enough.
  const db = await openDatabase({ url: 'postgres://openapi.invalid/none' });
  const app = await buildApp({ config, services: createServices(db, config, systemClock) });
  await app.ready();
  const doc = JSON.stringify(app.swagger(), null, 2) + '\n';
  await app.close();
  await db.close();
  return doc;
}

const program = new Command('gongshu').description('公数 Gongshu: the city node of the public-data platform');

program
  .command('serve')
  .description('run the platform (migrates, seeds the demo city on an empty development database)')
  .action(async () => (await import('../main.js')).serve());

program
  .command('migrate')
  .description('apply pending database migrations')
  .action(async () => {
    const result = await withDatabase(async () => 'ok');
    out(`migrations applied (${result})`);
  });

program
  .command('seed')
  .description('seed data')
  .requiredOption('--demo', 'the demo city of Tengzhou (refused in production)')
  .action(async () => {
    const config = loadConfig();
    if (config.env === 'production') throw new ConfigError('the demo city is never seeded in production');
    const summary = await withDatabase((db, services) => seedDemo(services, db, config.dataDir, systemContext('cli')));
    out(
      `demo city: ${summary.agenciesAdded} agencies, ${summary.usersAdded} users, ${summary.orders} rectification orders and ${summary.resources} catalog entries added`,
    );
  });

program
  .command('load')
  .description('load a data file into a published resource (CSV UTF-8/GB18030, XLSX, JSON Lines), with a progress bar')
  .argument('<resource>', 'resource code (e.g. 101001/000001) or id')
  .argument('<file>', 'the data file')
  .option('--mode <mode>', 'replace | append | upsert', 'replace')
  .option('--format <format>', 'csv | xlsx | jsonl (default: from the file name)')
  .option('--encoding <encoding>', 'utf-8 | gb18030 (default: detected)')
  .option('--as <username>', 'record the load as this user of the providing agency')
  .action(async (resource: string, file: string, opts: { mode: string; format?: string; encoding?: string; as?: string }) => {
    let started = Date.now();
    let seconds = 0;
    const stopGoverning = governMemory(LOAD_RSS_CEILING);
    const batch = await withDatabase(async (db, services) => {
      const row = await db.kysely
        .selectFrom('catalog_resources')
        .select('id')
        .where((eb) => eb.or([eb('code', '=', resource), ...(/^[0-9a-f-]{36}$/.test(resource) ? [eb('id', '=', resource)] : [])]))
        .executeTakeFirst();
      if (!row) throw new ConfigError(`no published resource ${resource}`);
      const ctx = opts.as ? await demoActors(db.kysely)(opts.as) : systemContext('cli');
      const format = (opts.format ??
        (file.toLowerCase().endsWith('.xlsx') ? 'xlsx' : file.toLowerCase().endsWith('.jsonl') ? 'jsonl' : 'csv')) as LoadFormat;
      started = Date.now();
      const loaded = await services.loads.loadFile(
        { ...ctx, via: 'cli' },
        row.id,
        file,
        { mode: opts.mode as LoadMode, format, encoding: (opts.encoding as LoadEncoding | undefined) ?? null },
        (rows, bytes, total) => {
          const pct = total > 0 ? Math.min(100, Math.round((bytes / total) * 100)) : 0;
          const bar = '█'.repeat(Math.round(pct / 4)).padEnd(25, '░');
          process.stderr.write(`\r${bar} ${String(pct).padStart(3)}%  ${rows.toLocaleString('en')} rows`);
        },
      );
      seconds = (Date.now() - started) / 1000;
      // The quality score follows the load; wait for it before closing the database.
      await services.loads.idle();
      return loaded;
    });
    stopGoverning();
    process.stderr.write('\n');
    const peakMB = Math.round(process.resourceUsage().maxRSS / 1024);
    out(
      `${batch.state}: ${batch.rows_read} rows read, ${batch.rows_loaded} loaded, ${batch.rows_quarantined} kept as problem rows in ${seconds.toFixed(2)} s (batch ${batch.id}, peak RSS ${peakMB} MB)`,
    );
    const message = batch.message as { zh: string; en: string } | null;
    if (message) out(`${message.zh} / ${message.en}`);
    if (batch.state !== 'loaded') process.exitCode = 2;
  });

const audit = program.command('audit').description('the audit trail (R29.1)');
audit
  .command('verify')
  .description('verify the hash chain; exits non-zero naming the first broken entry')
  .action(async () => {
    const result = await withDatabase((db, services) => services.audit.verify(db.kysely));
    if (result.ok) {
      out(`audit chain intact: ${result.checked} entries verified`);
    } else {
      process.stderr.write(
        `audit chain BROKEN at entry seq=${result.firstBroken?.seq}: ${result.firstBroken?.reason} (${result.checked} entries before it verified)\n`,
      );
      process.exitCode = exitCodeOf('AUDIT_CHAIN_BROKEN');
    }
  });

program
  .command('trace')
  .description(
    'find the fingerprints of this node in a leaked file (CSV, XLSX, JSON, JSON Lines) and name its grant and delivery (R17.2, R29.1)',
  )
  .argument('<file>', 'the file, possibly cut down or re-saved in another format')
  .action(async (file: string) => {
    const report = await withDatabase(async (db, services) => {
      const { traceFile } = await import('../modules/exit/trace.js');
      const traced = await traceFile(db.kysely, file);
      // Looking into who received what is itself an access to the delivery log (R29.1).
      await db.kysely.transaction().execute(async (trx) => {
        for (const hit of traced.hits) {
          await services.audit.record(trx, systemContext('cli'), {
            action: 'exit.trace',
            subjectType: 'delivery',
            subjectId: hit.delivery.id,
            details: { grantId: hit.delivery.grant_id, file: path.basename(file) },
          });
        }
      });
      return traced;
    });
    const { describeTrace } = await import('../modules/exit/trace.js');
    for (const line of describeTrace(report)) out(line);
  });

/** The database as configured, without migrating it (a backup reads it as it is; a restore wants it empty). */
async function withRawDatabase<T>(work: (db: Db, config: ReturnType<typeof loadConfig>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const db = await openConfiguredDatabase(config);
  try {
    return await work(db, config);
  } finally {
    await db.close();
  }
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

program
  .command('backup')
  .description('write a consistent backup archive (.tar.gz) of the whole database (R29.1)')
  .option('--to <dir>', 'folder of the archive (default: GONGSHU_BACKUP_DIR, else <data folder>/backups)')
  .action(async (opts: { to?: string }) => {
    const { createBackup } = await import('../modules/backup/backup-create.js');
    const { createAuditService } = await import('../modules/audit/audit.service.js');
    const result = await withRawDatabase((db, config) =>
      createBackup(
        { db, audit: createAuditService({ clock: systemClock, hashAlg: config.auditHash }), clock: systemClock },
        { dir: opts.to ? path.resolve(opts.to) : config.backup.dir, ctx: systemContext('cli') },
      ),
    );
    const rows = result.manifest.tables.reduce((sum, t) => sum + t.rows, 0);
    out(
      `backup written: ${result.file} (${result.manifest.tables.length} tables, ${rows} rows, ${megabytes(result.bytes)}, migration ${result.manifest.migration}, ${result.seconds.toFixed(2)} s)`,
    );
  });

program
  .command('restore')
  .description('restore a backup archive into an empty database, verifying every table (R29.1)')
  .argument('<archive>', 'the .tar.gz written by gongshu backup')
  .option('--force', 'empty a database that is not empty first (everything in it is replaced)')
  .action(async (archive: string, opts: { force?: boolean }) => {
    const { restoreBackup } = await import('../modules/backup/backup-restore.js');
    const { createAuditService } = await import('../modules/audit/audit.service.js');
    const result = await withRawDatabase((db, config) =>
      restoreBackup(
        { db, audit: createAuditService({ clock: systemClock, hashAlg: config.auditHash }), clock: systemClock },
        path.resolve(archive),
        { force: opts.force === true, ctx: systemContext('cli'), dataDir: config.dataDir },
      ),
    );
    out(
      `restored ${archive}: ${result.tables} tables, ${result.rows} rows verified against the manifest, ${result.manifest.files.length} waiting uploads (backup of ${result.manifest.createdAt}, migration ${result.manifest.migration}, ${result.seconds.toFixed(2)} s)`,
    );
  });

const keys = program.command('keys').description('keys of the fields encrypted at rest (R29.1)');

/** Values per cipher and key id, totals first, then per table and column. */
async function printKeyStatus(db: Db, activePrefix: string): Promise<number> {
  const { keyStatus, totalsByKey } = await import('../modules/encryption/key-rotation.js');
  const counts = await keyStatus(db.kysely);
  const [, activeCipher, activeKey] = activePrefix.split('.');
  let pending = 0;
  for (const t of totalsByKey(counts)) {
    const active = t.cipher === activeCipher && t.keyId === activeKey;
    if (!active) pending += t.values;
    out(`${t.cipher}.${t.keyId}: ${t.values} values${active ? ' (active)' : ' (to rotate)'}`);
  }
  for (const c of counts) out(`  ${c.table}.${c.column}: ${c.cipher}.${c.keyId} ${c.values}`);
  out(pending === 0 ? 'every value is under the active key' : `${pending} values under other keys: run gongshu keys rotate`);
  const { pendingEncryption } = await import('../modules/encryption/table-encryption.js');
  for (const t of await pendingEncryption(db.kysely)) {
    out(`  ${t.table}: ${t.missing.map((c) => c.code).join(', ')} in clear, the grading asks for encryption: run gongshu keys encrypt`);
  }
  return pending;
}

keys
  .command('status')
  .description('count the encrypted values per cipher and key id')
  .action(async () => {
    await withDatabase((db, services) => printKeyStatus(db, services.fieldCipher.activePrefix));
  });

keys
  .command('rotate')
  .description('re-encrypt every value under the active cipher and key id (GONGSHU_DATA_KEY_ID), in batches; resumable')
  .option('--batch <rows>', 'rows per batch (one transaction each)', '500')
  .action(async (opts: { batch: string }) => {
    const batchSize = Number(opts.batch);
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new ConfigError('--batch must be a positive integer');
    await withDatabase(async (db, services) => {
      const { rotateKeys } = await import('../modules/encryption/key-rotation.js');
      const cipher = services.fieldCipher;
      out(`rotating to ${cipher.cipher} key ${cipher.activeKeyId}`);
      const done = await rotateKeys(
        { db: db.kysely, cipher, audit: services.audit },
        { batchSize, ctx: systemContext('cli'), onProgress: (p) => out(`  ${p.table}: ${p.values} values in ${p.rows} rows`) },
      );
      out(`rotated ${done.values} values in ${done.rows} rows of ${done.tables} tables (${done.batches} batches)`);
      // Old keys may leave the configuration only when nothing is under them any more.
      await printKeyStatus(db, cipher.activePrefix);
    });
  });

keys
  .command('encrypt')
  .description(
    'encrypt the columns the grading wants encrypted that a table still holds in clear (R29.1; the server also does it on its sweep)',
  )
  .action(async () => {
    await withDatabase(async (db, services) => {
      const { encryptPendingTables } = await import('../modules/encryption/table-encryption.js');
      const done = await encryptPendingTables(
        { db: db.kysely, cipher: services.fieldCipher, audit: services.audit },
        { ctx: systemContext('cli'), onProgress: (p) => out(`  ${p.table}: ${p.rows} rows`) },
      );
      for (const [table, columns] of Object.entries(done.perTable)) out(`  ${table}: ${columns.join(', ')} encrypted`);
      out(`encrypted ${done.columns} columns in ${done.rows} rows of ${done.tables} tables`);
    });
  });

keys
  .command('rotate-index')
  .description('recompute every blind index under the configured GONGSHU_BLIND_INDEX_KEY (servers stopped; one transaction; R29.1)')
  .action(async () => {
    await withDatabase(
      async (db, services) => {
        const { rotateBlindIndexes } = await import('../modules/encryption/blind-index-key.js');
        const done = await rotateBlindIndexes(
          { db: db.kysely, cipher: services.fieldCipher, audit: services.audit },
          { ctx: systemContext('cli'), onProgress: (p) => out(`  ${p.table}: ${p.rows} rows`) },
        );
        out(
          `recomputed ${done.values} blind index values in ${done.rows} rows of ${done.tables} tables under key ${done.fingerprint} (was ${done.previous ?? 'not recorded'})`,
        );
      },
      { checkBlindIndexKey: false },
    );
  });

program
  .command('openapi')
  .description('write or check the committed OpenAPI document')
  .option('--write <file>', 'write the document to the file')
  .option('--check <file>', 'fail when the file differs from the generated document')
  .action(async (opts: { write?: string; check?: string }) => {
    const doc = await renderOpenApi();
    if (opts.write) {
      await writeFile(opts.write, doc);
      out(`wrote ${opts.write}`);
    } else if (opts.check) {
      const current = await readFile(opts.check, 'utf8').catch(() => '');
      if (current !== doc) {
        process.stderr.write(`${opts.check} is stale: run npm run openapi and commit it\n`);
        process.exitCode = 1;
      } else {
        out(`${opts.check} is current`);
      }
    } else {
      process.stdout.write(doc);
    }
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof DomainError) {
    process.stderr.write(`${error.refusal.code}: ${error.refusal.message.zh} / ${error.refusal.message.en}\n`);
    process.exitCode = exitCodeOf(error.refusal.code);
  } else if (error instanceof ConfigError || error instanceof DataDirInUseError) {
    process.stderr.write(`${error.name}: ${error.message}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  }
}
