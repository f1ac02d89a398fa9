/**
 * The command line round trip (R29.1): `gongshu backup`, a change, `gongshu restore` refused on the
 * non-empty database, `gongshu restore --force` bringing the backed-up state back, and
 * `gongshu audit verify` passing on it. Runs on the PGlite data folder or the PostgreSQL database
 * the test harness provides.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createSharedTestDatabase } from '../../../test/harness.js';

const run = promisify(execFile);
const CLI = fileURLToPath(new URL('../../../bin/gongshu.js', import.meta.url));

describe('gongshu backup / restore (R29.1)', () => {
  it('round trip through the command line', async () => {
    const shared = await createSharedTestDatabase();
    const folder = await mkdtemp(path.join(tmpdir(), 'gongshu-backup-cli-'));
    const env = { ...process.env, ...shared.env, NODE_ENV: 'development', GONGSHU_SEED_DEMO: 'false' };
    try {
      const backedUp = await run(process.execPath, [CLI, 'backup', '--to', folder], { env });
      const written = /backup written: (\S+) \((\d+) tables, (\d+) rows/.exec(backedUp.stdout);
      expect(written, backedUp.stdout).not.toBeNull();
      const file = written![1]!;
      expect(path.dirname(file)).toBe(folder);

      // A change after the backup: a user is disabled.
      const db = await shared.open();
      const before = await db.kysely
        .selectFrom('users')
        .select(['id', 'disabled'])
        .where('username', '=', 'hrss-staff')
        .executeTakeFirstOrThrow();
      expect(before.disabled).toBe(false);
      await db.kysely.updateTable('users').set({ disabled: true }).where('id', '=', before.id).execute();
      await db.close();

      const refused = await run(process.execPath, [CLI, 'restore', file], { env }).then(
        () => null,
        (error: { code: number; stderr: string }) => error,
      );
      expect(refused?.code).toBe(5);
      expect(refused?.stderr).toContain('RESTORE_TARGET_NOT_EMPTY');

      const restored = await run(process.execPath, [CLI, 'restore', file, '--force'], { env });
      expect(restored.stdout).toMatch(new RegExp(`restored .*: ${written![2]} tables, ${written![3]} rows verified`));

      const verified = await run(process.execPath, [CLI, 'audit', 'verify'], { env });
      expect(verified.stdout).toMatch(/audit chain intact: \d+ entries verified/);

      const again = await shared.open();
      try {
        const after = await again.kysely.selectFrom('users').select('disabled').where('id', '=', before.id).executeTakeFirstOrThrow();
        expect(after.disabled).toBe(false);
        const actions = await again.kysely
          .selectFrom('audit_log')
          .select(['action', 'outcome'])
          .where('action', '=', 'backup.restore')
          .orderBy('seq')
          .execute();
        // The refused attempt was recorded in the database it was refused on, then replaced by the
        // backed-up trail; the successful restore is recorded after it.
        expect(actions).toEqual([{ action: 'backup.restore', outcome: 'ok' }]);
      } finally {
        await again.close();
      }
    } finally {
      await rm(folder, { recursive: true, force: true });
      await shared.cleanup();
    }
  }, 240_000);
});
