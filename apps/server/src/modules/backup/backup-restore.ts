/**
 * `gongshu restore` (R29.1): checks every table file of the archive against its manifest before
 * touching the database, then, in ONE transaction: refuses a non-empty database unless forced
 * (force empties it first), runs the migrations to the archive's level, recreates the resource
 * data tables, loads every table with the foreign keys set aside, puts the keys back (which checks
 * them), sets the sequences, compares every table's row count and SHA-256 with the manifest, and
 * puts the waiting uploads back into the data folder. Any difference rolls everything back (and
 * removes the files written): the database is as it was before.
 */
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DomainError, fail } from '@gongshu/domain';
import { Migrator } from 'kysely';
import type { RequestContext } from '../../context.js';
import { migrations } from '../../db/migrations/index.js';
import { countingHash, hashFile, unpackArchive } from './backup-archive.js';
import { copySource, countObjects, dropEverything, listForeignKeys, listTables } from './backup-catalog.js';
import type { BackupDeps } from './backup-create.js';
import { invalidArchive, MANIFEST_FILE, parseManifest, type Manifest, type ManifestTable } from './backup-manifest.js';
import { inTransaction, qualifiedName, quoteIdent, relationExists, withSession, type Session } from './backup-session.js';

export interface RestoreResult {
  readonly manifest: Manifest;
  readonly tables: number;
  readonly rows: number;
  readonly seconds: number;
}

const tableLabel = (t: Pick<ManifestTable, 'schema' | 'name'>) => `${t.schema}.${t.name}`;

/** Every table file, and every upload file, has the size (and line count) and SHA-256 the manifest gives it. */
async function checkFiles(dir: string, manifest: Manifest): Promise<void> {
  for (const f of manifest.files) {
    const got = await hashFile(path.join(dir, f.path)).catch(() => null);
    if (!got || got.sha256 !== f.sha256 || got.bytes !== f.bytes) {
      invalidArchive(`the file ${f.path} is missing or does not match the manifest`, `文件 ${f.path} 缺失或与清单不符`);
    }
  }
  for (const t of manifest.tables) {
    const got = await hashFile(path.join(dir, t.file)).catch(() => null);
    if (!got) invalidArchive(`the data of table ${tableLabel(t)} is missing`, `缺少表 ${tableLabel(t)} 的数据`);
    if (got.sha256 !== t.sha256 || got.bytes !== t.bytes || got.rows !== t.rows) {
      invalidArchive(
        `the SHA-256 of table ${tableLabel(t)} does not match the manifest`,
        `表 ${tableLabel(t)} 的 SHA-256 校验值与清单不符`,
      );
    }
  }
}

async function migrateTo(session: Session, level: string): Promise<void> {
  const migrator = new Migrator({
    db: session.kysely,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'schema_migrations',
    migrationLockTableName: 'schema_migrations_lock',
    // Inside the restore's transaction.
    disableTransactions: true,
  });
  const result = await migrator.migrateTo(level);
  if (result.error) throw result.error instanceof Error ? result.error : new Error(JSON.stringify(result.error));
}

/** The migrated target has exactly the archive's platform tables and columns. */
async function checkShape(session: Session, manifest: Manifest): Promise<void> {
  const target = new Map((await listTables(session)).filter((t) => t.schema === 'public').map((t) => [t.name, t]));
  const saved = manifest.tables.filter((t) => t.schema === 'public');
  for (const t of saved) {
    const there = target.get(t.name);
    const same =
      there &&
      there.columns.length === t.columns.length &&
      t.columns.every((c) => there.columns.some((d) => d.name === c.name && d.type === c.type));
    if (!same) {
      invalidArchive(
        `table ${tableLabel(t)} does not match migration ${manifest.migration} of this version`,
        `表 ${tableLabel(t)} 与本版本的迁移 ${manifest.migration} 不一致`,
      );
    }
    target.delete(t.name);
  }
  if (target.size > 0) {
    invalidArchive(`the archive lacks tables ${[...target.keys()].join(', ')}`, `备份缺少表 ${[...target.keys()].join('、')}`);
  }
}

/** Rows the migrations wrote themselves (their own bookkeeping) make way for the archive's. */
async function clearMigratedRows(session: Session, manifest: Manifest): Promise<void> {
  const filled: string[] = [];
  for (const t of manifest.tables.filter((x) => x.schema === 'public')) {
    const [row] = await session.query<{ any: boolean }>(`select exists (select 1 from ${qualifiedName(t.schema, t.name)}) as any`);
    if (row?.any) filled.push(t.name);
  }
  // The audit trail refuses TRUNCATE (R29.1); migrations never write to it.
  if (filled.includes('audit_log')) throw new Error('audit_log is not empty after the migrations');
  if (filled.length > 0) await session.query(`truncate table ${filled.map((n) => qualifiedName('public', n)).join(', ')}`);
}

async function createDataTable(session: Session, t: ManifestTable): Promise<void> {
  const columns = t.columns.map(
    (c) => `${quoteIdent(c.name)} ${c.type}${c.notNull ? ' not null' : ''}${c.default !== null ? ` default ${c.default}` : ''}`,
  );
  await session.query(`create table ${qualifiedName(t.schema, t.name)} (${columns.join(', ')})`);
}

async function loadTables(session: Session, dir: string, manifest: Manifest): Promise<void> {
  if (manifest.tables.some((t) => t.schema === 'resource_data')) await session.query('create schema if not exists resource_data');
  for (const t of manifest.tables.filter((x) => x.schema === 'resource_data')) await createDataTable(session, t);
  // Foreign keys are set aside while loading (tables refer to each other and to themselves) and
  // put back afterwards, which checks every row against them.
  const keys = await listForeignKeys(session);
  for (const k of keys) await session.query(`alter table ${qualifiedName(k.schema, k.table)} drop constraint ${quoteIdent(k.name)}`);
  for (const t of manifest.tables) {
    const cols = t.columns.map((c) => quoteIdent(c.name)).join(', ');
    const rows = await session.copyIn(`${qualifiedName(t.schema, t.name)} (${cols})`, path.join(dir, t.file));
    if (rows !== t.rows) invalidArchive(`table ${tableLabel(t)} loaded ${rows} rows, not ${t.rows}`, `表 ${tableLabel(t)} 载入行数不符`);
  }
  for (const k of keys) {
    await session.query(`alter table ${qualifiedName(k.schema, k.table)} add constraint ${quoteIdent(k.name)} ${k.definition}`);
  }
  for (const t of manifest.tables) {
    for (const c of t.ddl?.constraints.filter((x) => !x.definition.startsWith('FOREIGN KEY')) ?? []) {
      await session.query(`alter table ${qualifiedName(t.schema, t.name)} add constraint ${quoteIdent(c.name)} ${c.definition}`);
    }
    for (const index of t.ddl?.indexes ?? []) await session.query(index);
  }
  for (const t of manifest.tables) {
    for (const c of t.ddl?.constraints.filter((x) => x.definition.startsWith('FOREIGN KEY')) ?? []) {
      await session.query(`alter table ${qualifiedName(t.schema, t.name)} add constraint ${quoteIdent(c.name)} ${c.definition}`);
    }
  }
  for (const s of manifest.sequences) {
    const name = qualifiedName(s.schema, s.name).replaceAll("'", "''");
    await session.query(`select setval('${name}', ${s.lastValue}, ${s.isCalled ? 'true' : 'false'})`);
  }
}

/** Reads every restored table as the backup did and compares count and SHA-256 with the manifest. */
async function verifyTables(session: Session, manifest: Manifest): Promise<void> {
  for (const t of manifest.tables) {
    const h = countingHash();
    await session.copyOut(copySource(t), (chunk) => h.write(chunk));
    const got = h.result();
    if (got.rows !== t.rows || got.sha256 !== t.sha256) {
      invalidArchive(
        `restored table ${tableLabel(t)} differs from the backup (${got.rows} rows, SHA-256 ${got.sha256.slice(0, 12)}…)`,
        `恢复后的表 ${tableLabel(t)} 与备份不一致`,
      );
    }
  }
}

/**
 * Puts the archive's waiting uploads into the target's data folder (uploads/<batch id>) and points
 * their load batches there, so the next start runs them (loads.service recoverInterrupted). A
 * waiting upload without its file in the archive loses its path: the start marks it failed.
 * Returns the files written (removed again if the restore does not commit).
 */
async function placeUploads(session: Session, dir: string, manifest: Manifest, dataDir: string | null): Promise<string[]> {
  const placed: string[] = [];
  const uploads = dataDir === null ? null : path.join(dataDir, 'uploads');
  if (uploads !== null && manifest.files.length > 0) await mkdir(uploads, { recursive: true });
  for (const f of manifest.files) {
    if (uploads === null) break;
    const id = path.basename(f.path);
    const target = path.join(uploads, id);
    await copyFile(path.join(dir, f.path), target);
    placed.push(target);
    await session.kysely.updateTable('load_batches').set({ file_path: target }).where('id', '=', id).execute();
  }
  const kept = placed.map((p) => path.basename(p));
  let cleared = session.kysely
    .updateTable('load_batches')
    .set({ file_path: null })
    .where('channel', '=', 'upload')
    .where('state', 'in', ['queued', 'running']);
  if (kept.length > 0) cleared = cleared.where('id', 'not in', kept);
  await cleared.execute();
  return placed;
}

/** Restores `file` into the database; refuses RESTORE_TARGET_NOT_EMPTY unless `force`. */
export async function restoreBackup(
  deps: BackupDeps,
  file: string,
  options: { force: boolean; ctx: RequestContext; dataDir?: string },
): Promise<RestoreResult> {
  const started = Date.now();
  const work = await mkdtemp(path.join(tmpdir(), 'gongshu-restore-'));
  let details: Record<string, unknown> = { file, force: options.force };
  let placed: string[] = [];
  try {
    await unpackArchive(file, work);
    const text = await readFile(path.join(work, MANIFEST_FILE), 'utf8').catch(() =>
      invalidArchive('no manifest.json', '缺少 manifest.json'),
    );
    const manifest = parseManifest(text);
    const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
    details = { ...details, tables: manifest.tables.length, rows, migration: manifest.migration, createdAt: manifest.createdAt };
    if (!(manifest.migration in migrations)) {
      invalidArchive(
        `migration ${manifest.migration} is unknown to this version of Gongshu (a backup of a newer version?)`,
        `本版本不认识迁移 ${manifest.migration}（备份来自更新的版本？）`,
      );
    }
    await checkFiles(work, manifest);
    await withSession(deps.db, (session) =>
      inTransaction(session, '', async () => {
        if ((await countObjects(session)) > 0) {
          if (!options.force) fail('RESTORE_TARGET_NOT_EMPTY');
          await dropEverything(session);
        }
        await migrateTo(session, manifest.migration);
        await checkShape(session, manifest);
        await clearMigratedRows(session, manifest);
        await loadTables(session, work, manifest);
        await verifyTables(session, manifest);
        placed = await placeUploads(session, work, manifest, options.dataDir ?? null);
        await deps.audit.record(session.kysely, options.ctx, {
          action: 'backup.restore',
          subjectType: 'backup',
          subjectId: path.basename(file),
          details: { ...details, uploads: placed.length },
        });
      }),
    );
    return { manifest, tables: manifest.tables.length, rows, seconds: (Date.now() - started) / 1000 };
  } catch (error) {
    for (const p of placed) await rm(p, { force: true });
    await recordFailure(deps, options.ctx, file, details, error);
    throw error;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** A refused or failed restore onto a database with an audit trail is recorded there (R29.1). */
async function recordFailure(
  deps: BackupDeps,
  ctx: RequestContext,
  file: string,
  details: Record<string, unknown>,
  error: unknown,
): Promise<void> {
  const code = error instanceof DomainError ? error.refusal.code : 'INTERNAL';
  await withSession(deps.db, async (session) => {
    if (!(await relationExists(session, 'public.audit_log'))) return;
    await inTransaction(session, '', async () => {
      await deps.audit.record(session.kysely, ctx, {
        action: 'backup.restore',
        subjectType: 'backup',
        subjectId: path.basename(file),
        outcome: code === 'RESTORE_TARGET_NOT_EMPTY' ? 'denied' : 'failed',
        details: { ...details, code },
      });
    });
  }).catch(() => undefined);
}
