/**
 * `gongshu backup` (R29.1): a consistent snapshot of the whole platform — every table of schema
 * public and every per-resource data table of schema resource_data with its definition, the
 * sequences, and the files of uploads waiting to be loaded — read inside ONE read-only
 * repeatable-read transaction, written as COPY text per table with a manifest (backup-manifest.ts)
 * into one .tar.gz, and audited (backup.create).
 */
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fail } from '@gongshu/domain';
import type { Clock, RequestContext } from '../../context.js';
import type { Db } from '../../db/connect.js';
import type { AuditService } from '../audit/audit.service.js';
import { ARCHIVE_PREFIX, ARCHIVE_SUFFIX, archiveStamp, countingFile, packArchive } from './backup-archive.js';
import { copySource, listSequences, listTables, readSequence, tableDdl } from './backup-catalog.js';
import {
  MANIFEST_FILE,
  MANIFEST_FORMAT,
  MANIFEST_VERSION,
  UPLOADS_IN_ARCHIVE,
  type Manifest,
  type ManifestFile,
  type ManifestTable,
} from './backup-manifest.js';
import { inTransaction, relationExists, withSession, type Session } from './backup-session.js';

export interface BackupDeps {
  readonly db: Db;
  readonly audit: AuditService;
  readonly clock: Clock;
}

export interface BackupResult {
  readonly file: string;
  readonly bytes: number;
  readonly manifest: Manifest;
  readonly seconds: number;
}

async function freeName(dir: string, at: Date): Promise<string> {
  const base = `${ARCHIVE_PREFIX}${archiveStamp(at)}`;
  for (let n = 0; ; n++) {
    const file = path.join(dir, `${base}${n === 0 ? '' : `-${n}`}${ARCHIVE_SUFFIX}`);
    const taken = await stat(file).then(
      () => true,
      () => false,
    );
    if (!taken) return file;
  }
}

/**
 * The files of the uploads the snapshot holds as waiting or running (a web upload is kept in the
 * data folder's uploads/ until its load is done): copied into `stage` as files/uploads/<batch id>,
 * so a restore can run them. A file already gone (its load finished after the snapshot began) or on
 * another server's disk is left out, and that load is marked failed at the restored platform's start.
 */
async function copyUploads(session: Session, stage: string): Promise<ManifestFile[]> {
  const waiting = await session.query<{ id: string; file_path: string }>(
    `select id::text as id, file_path from load_batches
     where channel = 'upload' and state in ('queued', 'running') and file_path is not null order by id`,
  );
  const files: ManifestFile[] = [];
  if (waiting.length > 0) await mkdir(path.join(stage, UPLOADS_IN_ARCHIVE), { recursive: true });
  for (const w of waiting) {
    const file = `${UPLOADS_IN_ARCHIVE}/${w.id}`;
    const out = countingFile(path.join(stage, file));
    const copied = await (async () => {
      for await (const chunk of createReadStream(w.file_path)) await out.write(chunk as Buffer);
      return true;
    })().catch(() => false);
    const counted = await out.close();
    if (copied) files.push({ path: file, bytes: counted.bytes, sha256: counted.sha256 });
    else await rm(path.join(stage, file), { force: true });
  }
  return files;
}

/** Reads the snapshot into `stage` (tables/NNNN.copy, files/uploads/…) and returns the manifest. */
async function snapshot(db: Db, stage: string, createdAt: Date): Promise<Manifest> {
  await mkdir(path.join(stage, 'tables'));
  return withSession(db, (session) =>
    inTransaction(session, 'isolation level repeatable read read only', async () => {
      // The first query fixes the snapshot: every table below is read as of this moment.
      if (!(await relationExists(session, 'public.schema_migrations'))) {
        fail('NOT_FOUND', {
          message: { zh: '数据库尚未初始化，没有可备份的内容', en: 'The database has no platform in it: nothing to back up' },
        });
      }
      const [level] = await session.query<{ name: string }>('select name from schema_migrations order by name desc limit 1');
      const [version] = await session.query<{ v: string }>('select version() as v');
      const tables: ManifestTable[] = [];
      for (const [i, table] of (await listTables(session)).entries()) {
        const file = `tables/${String(i + 1).padStart(4, '0')}.copy`;
        const out = countingFile(path.join(stage, file));
        await session.copyOut(copySource(table), (chunk) => out.write(chunk));
        const counted = await out.close();
        tables.push({
          ...table,
          file,
          ...counted,
          ...(table.schema === 'resource_data' ? { ddl: await tableDdl(session, table.schema, table.name) } : {}),
        });
      }
      // Read after the tables: a sequence is never behind the rows the snapshot holds (gaps are harmless).
      const sequences = [];
      for (const s of await listSequences(session)) sequences.push({ ...s, ...(await readSequence(session, s.schema, s.name)) });
      const files = await copyUploads(session, stage);
      return {
        format: MANIFEST_FORMAT,
        formatVersion: MANIFEST_VERSION,
        createdAt: createdAt.toISOString(),
        database: { kind: session.kind, version: version?.v ?? '' },
        migration: level?.name ?? '',
        tables,
        sequences,
        files,
      } satisfies Manifest;
    }),
  );
}

/** Writes a backup archive into `dir` and records backup.create; returns where and what. */
export async function createBackup(deps: BackupDeps, options: { dir: string; ctx: RequestContext }): Promise<BackupResult> {
  const started = Date.now();
  const createdAt = deps.clock();
  await mkdir(options.dir, { recursive: true });
  const stage = await mkdtemp(path.join(options.dir, '.backup-'));
  try {
    const manifest = await snapshot(deps.db, stage, createdAt);
    await writeFile(path.join(stage, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    const file = await freeName(options.dir, createdAt);
    await packArchive(stage, [MANIFEST_FILE, 'tables', ...(manifest.files.length > 0 ? ['files'] : [])], file);
    const bytes = (await stat(file)).size;
    const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
    await deps.db.kysely.transaction().execute((trx) =>
      deps.audit.record(trx, options.ctx, {
        action: 'backup.create',
        subjectType: 'backup',
        subjectId: path.basename(file),
        details: { file, tables: manifest.tables.length, rows, bytes, migration: manifest.migration },
      }),
    );
    return { file, bytes, manifest, seconds: (Date.now() - started) / 1000 };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await deps.db.kysely
      .transaction()
      .execute((trx) =>
        deps.audit.record(trx, options.ctx, {
          action: 'backup.create',
          subjectType: 'backup',
          outcome: 'failed',
          details: { dir: options.dir, reason },
        }),
      )
      .catch(() => undefined);
    throw error;
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}
