/**
 * Prepares one migrated, demo-seeded database per test run; each test file then gets its own
 * copy (a PGlite data-folder dump, or a PostgreSQL database cloned from a template), which is
 * far faster than migrating per file (STACK-NOTES).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../src/config.js';
import { systemClock, systemContext } from '../src/context.js';
import { openDatabase, PGLITE_PARSERS } from '../src/db/connect.js';
import { prepareDatabase } from '../src/setup.js';
import { seedDemoCity } from '../src/modules/seed/seed.service.js';
import { createServices } from '../src/services.js';
import { describeFindings, scanLogFolder } from './log-scan.js';

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabase: { kind: 'pglite'; dump: string } | { kind: 'postgres'; url: string; template: string };
    /** Folder of the run's app logs (harness.ts), scanned for personal data after all files (log-scan.ts). */
    testLogDir: string;
  }
}

const TEMPLATE = 'gongshu_test_template';

/** Migrated, with reference data and the demo city (not its dated history: tests set their own clock). */
async function prepare(db: Awaited<ReturnType<typeof openDatabase>>): Promise<void> {
  const services = createServices(db, loadConfig({ NODE_ENV: 'test' }), systemClock);
  await prepareDatabase(db, services);
  await seedDemoCity(services, systemContext());
}

/**
 * The logs of every app built by the harness go to this folder; after the last test file the
 * teardown fails the run if any line holds a demo citizen's data or a secret (issue 8 item 8).
 * The folder is kept when the scan fails, so the lines can be read.
 */
async function logFolder(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(path.join(tmpdir(), 'gongshu-test-logs-'));
  project.provide('testLogDir', dir);
  return async () => {
    const findings = await scanLogFolder(dir);
    if (findings.length > 0) {
      // Vitest only logs an error thrown by a teardown ("error during close") and exits 0: set the code.
      process.exitCode = 1;
      throw new Error(describeFindings(findings));
    }
    await rm(dir, { recursive: true, force: true });
  };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const scanLogs = await logFolder(project);
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${TEMPLATE} with (force)`);
    await admin.query(`create database ${TEMPLATE}`);
    const target = new URL(url);
    target.pathname = `/${TEMPLATE}`;
    const db = await openDatabase({ url: target.toString(), poolSize: 2 });
    await prepare(db);
    await db.close();
    project.provide('testDatabase', { kind: 'postgres', url, template: TEMPLATE });
    return async () => {
      await admin.query(`drop database if exists ${TEMPLATE} with (force)`);
      await admin.end();
      await scanLogs();
    };
  }
  const pglite = await PGlite.create({ parsers: PGLITE_PARSERS });
  const db = await openDatabase({ pglite });
  await prepare(db);
  const dump = await pglite.dumpDataDir('none');
  await db.close();
  const dir = await mkdtemp(path.join(tmpdir(), 'gongshu-test-'));
  const file = path.join(dir, 'template.tar');
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('testDatabase', { kind: 'pglite', dump: file });
  return async () => {
    await rm(dir, { recursive: true, force: true });
    await scanLogs();
  };
}
