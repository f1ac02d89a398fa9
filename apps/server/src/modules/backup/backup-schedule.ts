/**
 * Scheduled backups with retention (R29.1): a periodic task of the server (main.ts) writes a backup
 * when the newest one in the backup folder is older than the interval, then deletes the oldest
 * beyond the number to keep. On PostgreSQL several server processes may run the task at once: a
 * session advisory lock lets one of them work and the others skip the pass.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { systemContext } from '../../context.js';
import { listArchives } from './backup-archive.js';
import { createBackup, type BackupDeps } from './backup-create.js';

/** Advisory lock key of the scheduled backup (next to the audit chain's 7_426_001). */
export const BACKUP_LOCK_KEY = 7_426_029;

export interface BackupSchedule {
  readonly dir: string;
  /** Hours between backups; 0: no scheduled backups. */
  readonly intervalHours: number;
  /** Backups kept in the folder; older ones are deleted after each new one. */
  readonly keep: number;
}

/** Deletes the oldest backups of `dir` beyond `keep`; returns the deleted files. */
export async function pruneBackups(dir: string, keep: number): Promise<string[]> {
  const archives = await listArchives(dir);
  const old = archives.slice(0, Math.max(0, archives.length - keep));
  for (const a of old) await rm(a.file, { force: true });
  return old.map((a) => a.file);
}

/** One pass: { written, pruned } (0/0 when no backup was due or another process holds the lock). */
export async function runScheduledBackup(deps: BackupDeps, schedule: BackupSchedule): Promise<{ written: number; pruned: number }> {
  const idle = { written: 0, pruned: 0 };
  if (schedule.intervalHours <= 0) return idle;
  const due = async () => {
    const newest = (await listArchives(schedule.dir)).at(-1);
    return !newest || deps.clock().getTime() - newest.at.getTime() >= schedule.intervalHours * 3_600_000;
  };
  if (!(await due())) return idle;
  const work = async () => {
    if (!(await due())) return idle;
    const backup = await createBackup(deps, { dir: schedule.dir, ctx: systemContext() });
    const pruned = await pruneBackups(schedule.dir, schedule.keep);
    if (pruned.length > 0) {
      await deps.db.kysely.transaction().execute((trx) =>
        deps.audit.record(trx, systemContext(), {
          action: 'backup.prune',
          subjectType: 'backup',
          subjectId: path.basename(backup.file),
          details: { dir: schedule.dir, keep: schedule.keep, deleted: pruned.map((f) => path.basename(f)) },
        }),
      );
    }
    return { written: 1, pruned: pruned.length };
  };
  const pool = deps.db.pool;
  // PGlite belongs to one process (db/open.ts): nobody else can be backing it up.
  if (!pool) return work();
  const client = await pool.connect();
  try {
    const [got] = (await client.query<{ ok: boolean }>('select pg_try_advisory_lock($1) as ok', [BACKUP_LOCK_KEY])).rows;
    if (!got?.ok) return idle;
    try {
      return await work();
    } finally {
      await client.query('select pg_advisory_unlock($1)', [BACKUP_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}
