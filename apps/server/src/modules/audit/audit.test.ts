import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, createSharedTestDatabase, type Harness } from '../../../test/harness.js';
import { systemContext } from '../../context.js';
import { GENESIS_HASH } from './audit-hash.js';
import { createAuditService } from './audit.service.js';

const run = promisify(execFile);
const CLI = fileURLToPath(new URL('../../../bin/gongshu.js', import.meta.url));

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h.close());

/** Simulates an attacker with database access: switches the append-only triggers off. */
async function tamper(db: Harness['db'], statement: ReturnType<typeof sql>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`alter table audit_log disable trigger user`.execute(trx);
    await statement.execute(trx);
    await sql`alter table audit_log enable trigger user`.execute(trx);
  });
}

describe('audit trail (R29.1)', () => {
  it('starts from the genesis hash and verifies intact after the demo seed and sign-ins', async () => {
    await h.signIn('admin');
    const first = await h.db.selectFrom('audit_log').selectAll().orderBy('seq').limit(1).executeTakeFirstOrThrow();
    expect(first.prev_hash).toBe(GENESIS_HASH);
    const result = await h.services.audit.verify(h.db);
    expect(result).toMatchObject({ ok: true, firstBroken: null });
    expect(result.checked).toBeGreaterThan(1);
  });

  it('uses SM3 by default and records the algorithm per entry', async () => {
    const row = await h.db.selectFrom('audit_log').select(['hash_alg', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(row.hash_alg).toBe('sm3');
    expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('writes the entry in the same transaction as the change: a rolled-back change leaves no entry', async () => {
    const before = await h.db
      .selectFrom('audit_log')
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    await expect(
      h.db.transaction().execute(async (trx) => {
        await h.services.audit.record(trx, systemContext(), { action: 'test.rollback', subjectType: 'test' });
        throw new Error('change failed');
      }),
    ).rejects.toThrow('change failed');
    const after = await h.db
      .selectFrom('audit_log')
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    expect((await h.services.audit.verify(h.db)).ok).toBe(true);
  });

  it('records refused access by signed-in users as denied', async () => {
    const s = await h.signIn('hrss-staff');
    const res = await h.app.inject({ method: 'GET', url: '/api/audit', headers: s.headers });
    expect(res.statusCode).toBe(403);
    const denied = await h.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'access.denied')
      .where('actor_label', '=', 'hrss-staff')
      .executeTakeFirstOrThrow();
    expect(denied).toMatchObject({ outcome: 'denied', subject_id: '/api/audit' });
  });

  it('the database refuses to update or delete entries', async () => {
    await expect(sql`update audit_log set action = 'x' where seq = 1`.execute(h.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log where seq = 1`.execute(h.db)).rejects.toThrow(/append-only/);
  });

  it('search filters by actor, action prefix and outcome, and is itself audited', async () => {
    const s = await h.signIn('police-security');
    const res = await h.app.inject({ method: 'GET', url: '/api/audit?action=auth.*&actor=admin&outcome=ok', headers: s.headers });
    expect(res.statusCode).toBe(200);
    const { entries } = res.json<{ entries: { action: string; actorLabel: string; outcome: string }[] }>();
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) expect(e).toMatchObject({ action: expect.stringMatching(/^auth\./), actorLabel: 'admin', outcome: 'ok' });
    const logged = await h.db
      .selectFrom('audit_log')
      .select('action')
      .where('actor_label', '=', 'police-security')
      .where('action', '=', 'audit.search')
      .execute();
    expect(logged).toHaveLength(1);
  });

  it('catches a changed entry and names it', async () => {
    const target = await h.db
      .selectFrom('audit_log')
      .select('seq')
      .where('action', '=', 'auth.login')
      .orderBy('seq')
      .limit(1)
      .executeTakeFirstOrThrow();
    await tamper(h.db, sql`update audit_log set details = '{"username":"someone-else"}'::jsonb where seq = ${target.seq}`);
    const result = await h.services.audit.verify(h.db);
    expect(result.ok).toBe(false);
    expect(result.firstBroken?.seq).toBe(target.seq);
    expect(result.firstBroken?.reason).toMatch(/changed/);
  });
});

describe('gongshu audit verify (CLI)', () => {
  it('exits 0 on an intact chain and non-zero naming the first broken entry after a deletion', { timeout: 90_000 }, async () => {
    const shared = await createSharedTestDatabase();
    const env = { ...process.env, ...shared.env, NODE_ENV: 'development', GONGSHU_SEED_DEMO: 'false' };
    try {
      const ok = await run(process.execPath, [CLI, 'audit', 'verify'], { env });
      expect(ok.stdout).toMatch(/audit chain intact: \d+ entries verified/);

      const db = await shared.open();
      const audit = createAuditService({ clock: () => new Date(), hashAlg: 'sha256' });
      for (const action of ['test.one', 'test.two', 'test.three']) {
        await db.kysely.transaction().execute((trx) => audit.record(trx, systemContext('cli'), { action, subjectType: 'test' }));
      }
      const victim = await db.kysely.selectFrom('audit_log').select('seq').orderBy('seq').offset(1).limit(1).executeTakeFirstOrThrow();
      const next = await db.kysely
        .selectFrom('audit_log')
        .select('seq')
        .where('seq', '>', victim.seq)
        .orderBy('seq')
        .limit(1)
        .executeTakeFirstOrThrow();
      await tamper(db.kysely, sql`delete from audit_log where seq = ${victim.seq}`);
      await db.close();

      const broken = await run(process.execPath, [CLI, 'audit', 'verify'], { env }).then(
        () => null,
        (error: { code: number; stderr: string }) => error,
      );
      expect(broken).not.toBeNull();
      expect(broken?.code).not.toBe(0);
      expect(broken?.stderr).toContain(`seq=${next.seq}`);
    } finally {
      await shared.cleanup();
    }
  });
});

describe('audit search paging', () => {
  it('offers a next page only when there is one', async () => {
    const s = await h.signIn('police-security');
    const total = (await h.db.selectFrom('audit_log').select('seq').execute()).length;
    const all = await h.app.inject({ method: 'GET', url: `/api/audit?limit=${total + 5}`, headers: s.headers });
    expect(all.json().nextBeforeSeq).toBeNull();
    const first = await h.app.inject({ method: 'GET', url: '/api/audit?limit=2', headers: s.headers });
    const next = first.json().nextBeforeSeq as number;
    expect(first.json().entries).toHaveLength(2);
    expect(next).toBe(first.json().entries[1].seq);
    const second = await h.app.inject({ method: 'GET', url: `/api/audit?limit=2&beforeSeq=${next}`, headers: s.headers });
    expect(second.json().entries[0].seq).toBeLessThan(next);
  });
});
