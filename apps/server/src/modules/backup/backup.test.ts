/**
 * Backup and restore (R29.1) on the real database: the demo city with a loaded resource is backed
 * up, restored into an empty database and compared table by table, row by row; damaged archives
 * are refused without touching the target; retention keeps the newest backups.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DomainError } from '@gongshu/domain';
import { sql } from 'kysely';
import { create as tarCreate, extract as tarExtract } from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, createTestDatabase, type Harness } from '../../../test/harness.js';
import { loadConfig } from '../../config.js';
import { systemContext } from '../../context.js';
import { createServices } from '../../services.js';
import type { Db } from '../../db/connect.js';
import { csvOf, goodRows, publishResource, tempFile } from '../aggregation/aggregation.fixtures.js';
import { createAuditService } from '../audit/audit.service.js';
import { hashFile, listArchives } from './backup-archive.js';
import { countObjects, listTables } from './backup-catalog.js';
import { createBackup, type BackupResult } from './backup-create.js';
import type { Manifest, ManifestTable } from './backup-manifest.js';
import { restoreBackup } from './backup-restore.js';
import { runScheduledBackup } from './backup-schedule.js';
import { qualifiedName, quoteIdent, withSession } from './backup-session.js';

const ctx = systemContext('cli');
let h: Harness;
let dir: string;
let backup: BackupResult;
let dataTable: string;
let resourceId: string;

beforeAll(async () => {
  h = await createHarness();
  dir = await mkdtemp(path.join(tmpdir(), 'gongshu-backup-test-'));
  const resource = await publishResource(h);
  dataTable = resource.table;
  resourceId = resource.resourceId;
  const file = await tempFile('people.csv', csvOf(goodRows(300)));
  const batch = await h.services.loads.loadFile(ctx, resource.resourceId, file, { mode: 'replace', format: 'csv', encoding: null });
  expect(batch.state).toBe('loaded');
  // A table of every column type the data tables use, with values COPY's text format must escape
  // (tab, newline, backslash, a \N look-alike), NULLs and a duplicate row; no key, so kept in physical order.
  await sql`create table resource_data.r_backup_probe (t varchar(40), n numeric, i bigint, d date, ts timestamptz, b boolean, raw bytea, j jsonb not null default '{}')`.execute(
    h.db,
  );
  await sql`create index r_backup_probe_t_idx on resource_data.r_backup_probe (t)`.execute(h.db);
  for (let i = 0; i < 2; i++) {
    await sql`insert into resource_data.r_backup_probe values
      (${'制表\t换行\n反斜杠\\ \\N 😀'}, 12345678901234567890.0123, -9007199254740993, '2024-02-29'::date, '2026-03-01T23:59:59.999999+08:00', true, '\\x00ff0a5c', '{"a": [1, "\\n"]}'),
      (null, null, null, null, null, null, null, default)`.execute(h.db);
  }
  backup = await createBackup({ db: h.database, audit: h.services.audit, clock: h.clock }, { dir, ctx });
}, 120_000);

afterAll(async () => {
  await h.close();
  await rm(dir, { recursive: true, force: true });
});

const deps = (db: Db) => ({ db, audit: createAuditService({ clock: h.clock, hashAlg: h.config.auditHash }), clock: h.clock });

/** The first `limit` rows of a table as JSON text, in key order (or by their text without a key). */
async function rowsOf(db: Db, t: ManifestTable, limit: number): Promise<string[]> {
  const order = t.primaryKey.length > 0 ? t.primaryKey.map((k) => `x.${quoteIdent(k)}`).join(', ') : 'x::text collate "C"';
  const result = await sql<{ row: string }>`select to_jsonb(x)::text as row from ${sql.raw(qualifiedName(t.schema, t.name))} x
    order by ${sql.raw(order)} limit ${limit}`.execute(db.kysely);
  return result.rows.map((r) => r.row);
}

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('backup (R29.1)', () => {
  it('writes one archive with a manifest of every platform and resource data table', async () => {
    const m = backup.manifest;
    expect(path.basename(backup.file)).toMatch(/^gongshu-backup-\d{8}T\d{6}Z(-\d+)?\.tar\.gz$/);
    expect((await stat(backup.file)).mode & 0o777).toBe(0o600);
    expect(m).toMatchObject({ format: 'gongshu-backup', formatVersion: 1, database: { kind: h.database.kind }, files: [] });
    expect(m.migration).toMatch(/^\d{8}T\d{4}_/);
    const byName = new Map(m.tables.map((t) => [`${t.schema}.${t.name}`, t]));
    for (const name of ['public.agencies', 'public.users', 'public.audit_log', 'public.catalog_resources', 'public.schema_migrations']) {
      expect(byName.has(name), name).toBe(true);
    }
    const data = byName.get(`resource_data.${dataTable}`);
    expect(data).toMatchObject({ rows: 300, primaryKey: [] });
    expect(data?.ddl?.indexes.length).toBeGreaterThan(0);
    const probe = byName.get('resource_data.r_backup_probe');
    expect(probe).toMatchObject({ rows: 4, ddl: { indexes: [expect.stringContaining('r_backup_probe_t_idx')] } });
    const audit = byName.get('public.audit_log');
    expect(audit?.primaryKey).toEqual(['seq']);
    expect(audit?.rows).toBeGreaterThan(0);
    expect(m.sequences.some((s) => s.name === 'share_request_number_seq')).toBe(true);
    // The backup itself is audited, after the snapshot.
    const entry = await h.db.selectFrom('audit_log').selectAll().where('action', '=', 'backup.create').executeTakeFirstOrThrow();
    expect(entry.details).toMatchObject({ tables: m.tables.length, bytes: backup.bytes, file: backup.file });
  });

  it('restores into an empty database: every table equal row by row, sequences continue, the audit chain verifies', async () => {
    const target = await createTestDatabase({ empty: true });
    try {
      const restored = await restoreBackup(deps(target), backup.file, { force: false, ctx });
      expect(restored.tables).toBe(backup.manifest.tables.length);
      for (const t of backup.manifest.tables) {
        // The source's audit trail has grown by the backup's own entry since the snapshot.
        const [want, got] = await Promise.all([rowsOf(h.database, t, t.rows), rowsOf(target, t, t.rows)]);
        expect(got.length, `${t.schema}.${t.name}`).toBe(t.rows);
        expect(got, `${t.schema}.${t.name}`).toEqual(want);
      }
      const audit = createAuditService({ clock: h.clock, hashAlg: h.config.auditHash });
      expect((await audit.verify(target.kysely)).ok).toBe(true);
      const last = await target.kysely.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
      expect(last).toMatchObject({ action: 'backup.restore', outcome: 'ok' });
      const auditTable = backup.manifest.tables.find((t) => t.name === 'audit_log')!;
      const saved = await rowsOf(h.database, auditTable, auditTable.rows);
      expect(last.seq).toBeGreaterThan((JSON.parse(saved.at(-1)!) as { seq: number }).seq);
      // The platform works on the restored database: a new entry chains on, numbers continue.
      await target.kysely.transaction().execute((trx) => audit.record(trx, ctx, { action: 'test.after_restore', subjectType: 'test' }));
      expect((await audit.verify(target.kysely)).ok).toBe(true);
      const seq = await sql<{ n: number }>`select nextval('share_request_number_seq') as n`.execute(target.kysely);
      const before = backup.manifest.sequences.find((s) => s.name === 'share_request_number_seq')!;
      expect(Number(seq.rows[0]?.n)).toBe(before.isCalled ? Number(before.lastValue) + 1 : Number(before.lastValue));

      // Not empty any more: refused without --force, replaced with it.
      const refused = await refusal(restoreBackup(deps(target), backup.file, { force: false, ctx }));
      expect(refused.code).toBe('RESTORE_TARGET_NOT_EMPTY');
      const denied = await target.kysely.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
      expect(denied).toMatchObject({ action: 'backup.restore', outcome: 'denied' });
      await restoreBackup(deps(target), backup.file, { force: true, ctx });
      const count = await target.kysely
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(backup.manifest.tables.find((t) => t.name === 'audit_log')!.rows + 1);
      expect((await audit.verify(target.kysely)).ok).toBe(true);
    } finally {
      await target.close();
    }
  }, 180_000);

  it('refuses a damaged archive (a changed byte) and leaves the empty target untouched', async () => {
    const bytes = await readFile(backup.file);
    const damaged = Buffer.from(bytes);
    const at = Math.floor(damaged.length / 2);
    damaged[at] = (damaged[at] ?? 0) ^ 0xff;
    const file = path.join(dir, 'damaged.tar.gz');
    await writeFile(file, damaged);
    const target = await createTestDatabase({ empty: true });
    try {
      const refused = await refusal(restoreBackup(deps(target), file, { force: false, ctx }));
      expect(refused.code).toBe('BACKUP_ARCHIVE_INVALID');
      expect(await withSession(target, countObjects)).toBe(0);
    } finally {
      await target.close();
    }
  }, 120_000);

  it('refuses a table whose SHA-256 does not match, even with --force, and changes nothing but the audit of the attempt', async () => {
    const unpacked = await mkdtemp(path.join(tmpdir(), 'gongshu-backup-tamper-'));
    try {
      await tarExtract({ file: backup.file, cwd: unpacked });
      const users = backup.manifest.tables.find((t) => t.name === 'users')!;
      const text = await readFile(path.join(unpacked, users.file), 'utf8');
      // Same size, one letter changed: only the hash tells.
      const i = text.indexOf('admin');
      expect(i).toBeGreaterThan(-1);
      await writeFile(path.join(unpacked, users.file), `${text.slice(0, i)}bdmin${text.slice(i + 5)}`);
      const file = path.join(dir, 'tampered.tar.gz');
      await tarCreate({ gzip: true, file, cwd: unpacked }, await readdir(unpacked));

      const before = await h.db.selectFrom('users').select(['username', 'password_hash']).orderBy('id').execute();
      const auditBefore = await h.db.selectFrom('audit_log').select('seq').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
      const refused = await refusal(restoreBackup({ db: h.database, audit: h.services.audit, clock: h.clock }, file, { force: true, ctx }));
      expect(refused.code).toBe('BACKUP_ARCHIVE_INVALID');
      expect(refused.refusal.message.en).toContain('public.users');
      expect(await h.db.selectFrom('users').select(['username', 'password_hash']).orderBy('id').execute()).toEqual(before);
      const after = await h.db.selectFrom('audit_log').selectAll().where('seq', '>', auditBefore.seq).execute();
      expect(after).toHaveLength(1);
      expect(after[0]).toMatchObject({ action: 'backup.restore', outcome: 'failed' });
      expect((await h.services.audit.verify(h.db)).ok).toBe(true);
    } finally {
      await rm(unpacked, { recursive: true, force: true });
    }
  }, 120_000);

  it('a restore --force that fails midway (a duplicate key, hashes made to match) rolls back the emptying too', async () => {
    const unpacked = await mkdtemp(path.join(tmpdir(), 'gongshu-backup-rollback-'));
    try {
      await tarExtract({ file: backup.file, cwd: unpacked });
      const manifest = JSON.parse(await readFile(path.join(unpacked, 'manifest.json'), 'utf8')) as Manifest;
      const agencies = manifest.tables.find((t) => t.name === 'agencies')!;
      const text = await readFile(path.join(unpacked, agencies.file), 'utf8');
      const doubled = `${text}${text.split('\n')[0]}\n`;
      await writeFile(path.join(unpacked, agencies.file), doubled);
      const counted = await hashFile(path.join(unpacked, agencies.file));
      const forged = { ...manifest, tables: manifest.tables.map((t) => (t === agencies ? { ...t, ...counted } : t)) };
      await writeFile(path.join(unpacked, 'manifest.json'), JSON.stringify(forged));
      const file = path.join(dir, 'forged.tar.gz');
      await tarCreate({ gzip: true, file, cwd: unpacked }, await readdir(unpacked));

      const agenciesBefore = await h.db.selectFrom('agencies').selectAll().orderBy('id').execute();
      const tablesBefore = (await withSession(h.database, listTables)).map((t) => `${t.schema}.${t.name}`);
      const failed = await restoreBackup({ db: h.database, audit: h.services.audit, clock: h.clock }, file, { force: true, ctx }).then(
        () => null,
        (e: unknown) => e,
      );
      // Failed while loading, after the emptying: the duplicate primary key of agencies.
      expect(String(failed)).toMatch(/duplicate key|unique/i);
      expect(await h.db.selectFrom('agencies').selectAll().orderBy('id').execute()).toEqual(agenciesBefore);
      expect((await withSession(h.database, listTables)).map((t) => `${t.schema}.${t.name}`)).toEqual(tablesBefore);
      const last = await h.db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
      expect(last).toMatchObject({ action: 'backup.restore', outcome: 'failed' });
      expect((await h.services.audit.verify(h.db)).ok).toBe(true);
    } finally {
      await rm(unpacked, { recursive: true, force: true });
    }
  }, 120_000);

  it('scheduled: writes a backup when the newest is older than the interval and keeps only the newest KEEP', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'gongshu-backup-schedule-'));
    try {
      const schedule = { dir: folder, intervalHours: 24, keep: 2 };
      const run = () => runScheduledBackup({ db: h.database, audit: h.services.audit, clock: h.clock }, schedule);
      expect(
        await runScheduledBackup({ db: h.database, audit: h.services.audit, clock: h.clock }, { ...schedule, intervalHours: 0 }),
      ).toEqual({
        written: 0,
        pruned: 0,
      });
      h.clock.set('2026-03-10T00:00:00Z');
      expect(await run()).toEqual({ written: 1, pruned: 0 });
      h.clock.set('2026-03-10T23:00:00Z');
      expect(await run()).toEqual({ written: 0, pruned: 0 });
      h.clock.set('2026-03-11T00:00:00Z');
      expect(await run()).toEqual({ written: 1, pruned: 0 });
      h.clock.set('2026-03-12T01:00:00Z');
      expect(await run()).toEqual({ written: 1, pruned: 1 });
      const kept = (await listArchives(folder)).map((a) => path.basename(a.file));
      expect(kept).toEqual(['gongshu-backup-20260311T000000Z.tar.gz', 'gongshu-backup-20260312T010000Z.tar.gz']);
      const prune = await h.db.selectFrom('audit_log').selectAll().where('action', '=', 'backup.prune').executeTakeFirstOrThrow();
      expect(prune.details).toMatchObject({ keep: 2, deleted: ['gongshu-backup-20260310T000000Z.tar.gz'] });
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }, 180_000);
});

describe('waiting uploads: the files of the data folder (R29.1)', () => {
  it('are in the archive, come back into the restored data folder, and load at the next start', async () => {
    const content = csvOf(goodRows(50, 300));
    const file = await tempFile('waiting.csv', content);
    const waiting = async (filePath: string) =>
      h.db
        .insertInto('load_batches')
        .values({
          resource_id: resourceId,
          mode: 'append',
          channel: 'upload',
          format: 'csv',
          file_name: path.basename(filePath),
          file_path: filePath,
          state: 'queued',
          bytes_total: Buffer.byteLength(content),
          created_at: h.clock(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    const kept = await waiting(file);
    // Its load finished (and removed the file) after the snapshot began, or it is on another server's disk.
    const gone = await waiting(path.join(dir, 'gone.csv'));
    const target = await createTestDatabase({ empty: true });
    const targetDir = await mkdtemp(path.join(tmpdir(), 'gongshu-restore-data-'));
    try {
      const withUploads = await createBackup({ db: h.database, audit: h.services.audit, clock: h.clock }, { dir, ctx });
      expect(withUploads.manifest.files).toEqual([
        { path: `files/uploads/${kept.id}`, bytes: Buffer.byteLength(content), sha256: (await hashFile(file)).sha256 },
      ]);

      // An upload file changed in the archive is refused like a table, before the target is touched.
      const unpacked = await mkdtemp(path.join(tmpdir(), 'gongshu-backup-upload-'));
      await tarExtract({ file: withUploads.file, cwd: unpacked });
      await writeFile(path.join(unpacked, 'files', 'uploads', kept.id), content.replace('张', '李'));
      const tampered = path.join(dir, 'tampered-upload.tar.gz');
      await tarCreate({ gzip: true, file: tampered, cwd: unpacked }, await readdir(unpacked));
      await rm(unpacked, { recursive: true, force: true });
      const refused = await refusal(restoreBackup(deps(target), tampered, { force: false, ctx, dataDir: targetDir }));
      expect(refused.refusal.message.en).toContain(`files/uploads/${kept.id}`);
      expect(await withSession(target, countObjects)).toBe(0);

      await restoreBackup(deps(target), withUploads.file, { force: false, ctx, dataDir: targetDir });
      const placed = path.join(targetDir, 'uploads', kept.id);
      expect(await readFile(placed, 'utf8')).toBe(content);
      const batches = await target.kysely
        .selectFrom('load_batches')
        .select(['id', 'file_path'])
        .where('id', 'in', [kept.id, gone.id])
        .execute();
      expect(Object.fromEntries(batches.map((b) => [b.id, b.file_path]))).toEqual({ [kept.id]: placed, [gone.id]: null });

      // The restored platform's start: the upload with its file loads, the other is marked failed.
      // Two processes starting at once on the same folder: one claims the upload, the other leaves it.
      const config = loadConfig({ NODE_ENV: 'test', GONGSHU_DATA_DIR: targetDir });
      const [first, second] = [createServices(target, config, h.clock), createServices(target, config, h.clock)];
      const recovered = await Promise.all([first.loads.recoverInterrupted(), second.loads.recoverInterrupted()]);
      expect(recovered[0] + recovered[1]).toBeGreaterThanOrEqual(2);
      await Promise.all([first.loads.idle(), second.loads.idle()]);
      const after = await target.kysely.selectFrom('load_batches').selectAll().where('id', 'in', [kept.id, gone.id]).execute();
      expect(after.find((b) => b.id === gone.id)).toMatchObject({ state: 'failed', message: { code: 'LOAD_INTERRUPTED' } });
      expect(after.find((b) => b.id === kept.id)).toMatchObject({ state: 'loaded', rows_loaded: 50 });
      const count = await sql<{ n: number }>`select count(*)::int as n from ${sql.raw(qualifiedName('resource_data', dataTable))}`.execute(
        target.kysely,
      );
      expect(count.rows[0]?.n).toBe(350);
      await expect(stat(placed)).rejects.toThrow();
      const resumed = await target.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'data.upload.resume').execute();
      expect(resumed.map((e) => (e.details as { batchId: string }).batchId)).toEqual([kept.id]);
      await Promise.all([first.loads.close(), second.loads.close()]);
    } finally {
      await target.close();
      await rm(targetDir, { recursive: true, force: true });
      await h.db.deleteFrom('load_batches').where('id', 'in', [kept.id, gone.id]).execute();
    }
  }, 120_000);
});

describe('uploads waiting in a live process (several processes on PostgreSQL)', () => {
  it('are left alone by another process starting; once their process is gone, the next start loads them', async () => {
    const uploads = await mkdtemp(path.join(tmpdir(), 'gongshu-owner-'));
    const config = loadConfig({ NODE_ENV: 'test', GONGSHU_DATA_DIR: uploads });
    const [running, starting] = [createServices(h.database, config, h.clock), createServices(h.database, config, h.clock)];
    const file = path.join(uploads, 'uploads', randomUUID());
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, csvOf(goodRows(5, 400)));
    const batch = await h.db
      .insertInto('load_batches')
      .values({
        resource_id: resourceId,
        mode: 'append',
        channel: 'upload',
        format: 'csv',
        file_name: 'queued.csv',
        file_path: file,
        state: 'queued',
        created_at: h.clock(),
        owner: await running.loads.ownQueue(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const stateOf = async () =>
      (await h.db.selectFrom('load_batches').select(['state', 'rows_loaded']).where('id', '=', batch.id).executeTakeFirstOrThrow()).state;
    try {
      await starting.loads.recoverInterrupted();
      await starting.loads.idle();
      if (h.database.pool) {
        // The owner's lock is held: its upload stays queued for it.
        expect(await stateOf()).toBe('queued');
        await running.loads.close();
        await starting.loads.recoverInterrupted();
        await starting.loads.idle();
      }
      // On the embedded database one process owns it, so any other owner is gone: loaded at once.
      expect(await stateOf()).toBe('loaded');
    } finally {
      await Promise.all([running.loads.close(), starting.loads.close()]);
      await rm(uploads, { recursive: true, force: true });
    }
  }, 60_000);
});
