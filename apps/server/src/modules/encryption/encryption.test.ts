/**
 * Encryption at rest end to end (R29.1) on the real database: a level-3 resource is stored as
 * ciphertext with blind indexes, the exit still finds and masks records, filters are equality only,
 * SQL on ciphertext is refused, and a key rotation moves every value while lookups keep working.
 */
import { randomBytes } from 'node:crypto';
import type { ExitRecord } from '@gongshu/contracts';
import { DomainError } from '@gongshu/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, testLogStream, type Harness } from '../../../test/harness.js';
import { ConfigError, developmentKey, DEVELOPMENT_DATA_KEY_ID, loadConfig } from '../../config.js';
import { buildApp } from '../../http/app.js';
import { createServices } from '../../services.js';
import { systemContext } from '../../context.js';
import { columnTypeOf, createDataTable, qualified } from '../aggregation/data-tables.js';
import { computeQualityScore } from '../aggregation/quality.js';
import { publishResource, tempFile } from '../aggregation/aggregation.fixtures.js';
import { apiKeyOf, citizen, EXIT_FIELDS, insertGrant, peopleCsv } from '../exit/exit.fixtures.js';
import { demoActors } from '../seed/demo-actors.js';
import { storedLayout } from './encryption-layout.js';
import { fieldCipherOf } from './field-cipher.js';
import { keyStatus, rotateKeys, rotationPending, totalsByKey } from './key-rotation.js';
import { blindIndexFingerprint, checkBlindIndexKey, rotateBlindIndexes } from './blind-index-key.js';
import { openRaw } from './sealed-problems.js';
import { encryptPendingTables, pendingEncryption } from './table-encryption.js';

const ROWS = 120;
/** The platform runs with the development key active and a second key configured, as before a rotation. */
const K2 = randomBytes(32).toString('base64');
const KEYS = `${DEVELOPMENT_DATA_KEY_ID}:${developmentKey('data-key-dev1')},k2:${K2}`;
let h: Harness;
let resourceId: string;
let resourceCode: string;
let table: string;
let grant: { id: string };
let consumerKey: { id: string; headers: Record<string, string> };

const lookup = (g: { id: string }, key: string, harness = h) =>
  harness.app.inject({ method: 'GET', url: `/api/exit/grants/${g.id}/records/${encodeURIComponent(key)}`, headers: consumerKey.headers });

beforeAll(async () => {
  h = await createHarness({ env: { GONGSHU_DATA_KEYS: KEYS, GONGSHU_DATA_KEY_ID: DEVELOPMENT_DATA_KEY_ID } });
  ({ resourceId, table, code: resourceCode } = await publishResource(h, 'hrss', { fields: EXIT_FIELDS, securityLevel: 3 }));
  const steward = await demoActors(h.db)('hrss-steward');
  const file = await tempFile(`enc-${randomBytes(3).toString('hex')}.csv`, peopleCsv(ROWS));
  const batch = await h.services.loads.loadFile(steward, resourceId, file, { mode: 'replace', format: 'csv' });
  if (batch.state !== 'loaded') throw new Error(`load failed: ${JSON.stringify(batch.message)}`);
  await h.services.loads.idle();
  consumerKey = await apiKeyOf(h, 'civil-staff');
  grant = await insertGrant(h, resourceId, { apiKeyIds: [consumerKey.id] });
}, 180_000);
afterAll(async () => h.close());

describe('encryption at rest (R29.1)', () => {
  it('records the layout: sensitive fields encrypted, the identifier blind-indexed, public and internal ones clear', async () => {
    const row = await h.db
      .selectFrom('resource_tables')
      .select('encrypted_columns')
      .where('resource_id', '=', resourceId)
      .executeTakeFirstOrThrow();
    const layout = storedLayout(row.encrypted_columns);
    expect(layout.find((c) => c.code === 'sfzh')).toEqual({ code: 'sfzh', blindIndex: true });
    expect(layout.map((c) => c.code).sort()).toEqual(['bz', 'csrq', 'lxdh', 'sfzh', 'xm', 'zz']);
    const columns = await sql<{ column_name: string; data_type: string }>`
      select column_name, data_type from information_schema.columns where table_schema = 'resource_data' and table_name = ${table}`.execute(
      h.db,
    );
    const types = Object.fromEntries(columns.rows.map((c) => [c.column_name, c.data_type]));
    expect(types).toMatchObject({ sfzh: 'text', sfzh__bidx: 'text', csrq: 'text', sr: 'numeric' });
  });

  it('the raw table holds no clear value of the citizen IDs, names or phones', async () => {
    const raw = await sql<{ line: string }>`select t::text as line from ${qualified(table)} t`.execute(h.db);
    expect(raw.rows).toHaveLength(ROWS);
    const dump = raw.rows.map((r) => r.line).join('\n');
    for (let i = 0; i < ROWS; i++) expect(dump).not.toContain(citizen(i));
    expect(dump).not.toContain('张1');
    expect(dump).not.toContain('1380000');
    expect(dump).not.toContain('学院路');
    const sample = await sql<{ sfzh: string }>`select sfzh from ${qualified(table)} limit 1`.execute(h.db);
    expect(sample.rows[0]?.sfzh.startsWith(`v1.sm4.${DEVELOPMENT_DATA_KEY_ID}.`)).toBe(true);
  });

  it('a lookup by citizen ID through the exit finds the right record, decrypted then masked', async () => {
    const res = await lookup(grant, citizen(7));
    expect(res.statusCode, res.body).toBe(200);
    const record = res.json<{ record: ExitRecord }>().record;
    expect(record.sfzh).toBe(`${citizen(7).slice(0, 6)}********${citizen(7).slice(14)}`);
    expect(record.xm).toBe('张*');
    expect(record.xb).toBe('男');
    expect(record.csrq).toBe('1980');
    expect(String(record.lxdh)).toMatch(/^138\*{4}0007$/);
    expect(record.sr).toBe('1007.50');
    expect((await lookup(grant, '370481199901011239')).json<{ record: unknown }>().record).toBeNull();
  });

  it('an equality filter on the encrypted identifier works; a range or an unindexed filter is refused', async () => {
    const post = (payload: Record<string, unknown>) =>
      h.app.inject({ method: 'POST', url: `/api/exit/grants/${grant.id}/query`, headers: consumerKey.headers, payload });
    const exact = await post({ filters: [{ field: 'sfzh', op: 'eq', value: citizen(11) }] });
    expect(exact.statusCode, exact.body).toBe(200);
    const body = exact.json<{ total: number; records: ExitRecord[] }>();
    expect(body.total).toBe(1);
    expect(body.records[0]?.xm).toMatch(/^张\*+$/);
    const range = await post({ filters: [{ field: 'sfzh', op: 'gte', value: citizen(11) }] });
    expect(range.statusCode).toBeGreaterThanOrEqual(400);
    expect((await post({ filters: [{ field: 'csrq', op: 'gte', value: '1980-01-01' }] })).statusCode).toBeGreaterThanOrEqual(400);
    // Exact value of a field without a blind index: refused naming R29.1 (never compared as ciphertext).
    const unindexed = await post({ filters: [{ field: 'xm', op: 'eq', value: '张3' }] });
    expect(unindexed.statusCode).toBe(400);
    expect(unindexed.json<{ requirement: string; message: string }>()).toMatchObject({ requirement: 'R29.1' });
    // Clear fields keep their range filters.
    expect((await post({ filters: [{ field: 'sr', op: 'gte', value: '1100' }] })).json<{ total: number }>().total).toBe(ROWS - 100);
  });

  it('an extract decrypts in Node before masking', async () => {
    const res = await h.app.inject({
      method: 'GET',
      url: `/api/exit/grants/${grant.id}/extract?format=json`,
      headers: consumerKey.headers,
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const rows = JSON.parse(res.body) as ExitRecord[];
    expect(rows).toHaveLength(ROWS);
    expect(res.body).not.toContain('v1.sm4.');
    expect(rows.some((r) => r.sfzh === `${citizen(3).slice(0, 6)}********${citizen(3).slice(14)}`)).toBe(true);
  });

  it('SQL that cannot work on ciphertext is refused (freshness on an encrypted date); uniqueness counts the blind index', async () => {
    const steward = await demoActors(h.db)('hrss-steward');
    if (steward.actor.kind !== 'user') throw new Error('no steward');
    await expect(
      h.services.dataQuality.setQuality(steward, steward.actor, resourceId, {
        ownerUserId: null,
        policy: 'reject',
        threshold: 0.05,
        rules: { freshnessColumn: 'csrq' },
      }),
    ).rejects.toThrow(DomainError);
    const fields = (await h.services.loads.target(resourceId)).fields;
    const score = await computeQualityScore(h.db, {
      resourceId,
      table,
      identifierColumn: 'sfzh',
      fields,
      updateFrequency: 'irregular',
      batchId: null,
      validity: 1,
      now: new Date(),
      layout: [{ code: 'sfzh', blindIndex: true }],
    });
    expect(score.uniqueness).toBe(1);
    await expect(
      computeQualityScore(h.db, {
        resourceId,
        table,
        identifierColumn: 'sfzh',
        fields,
        updateFrequency: 'irregular',
        batchId: null,
        validity: 1,
        now: new Date(),
        layout: (await h.services.loads.target(resourceId)).layout,
        freshnessColumn: 'csrq',
      }),
    ).rejects.toThrow(/R29.1/);
  });

  it('an upsert by the encrypted identifier replaces the row through the blind index', async () => {
    const steward = await demoActors(h.db)('hrss-steward');
    if (steward.actor.kind !== 'user') throw new Error('no steward');
    const { batch } = await h.services.loads.push(steward, steward.actor, resourceId, {
      idempotencyKey: `enc-${randomBytes(4).toString('hex')}`,
      mode: 'upsert',
      records: [{ 公民身份号码: citizen(5), 姓名: '李四', 性别: '男', 月收入: '2000.00' }],
    });
    expect(batch.state, JSON.stringify(batch.message)).toBe('loaded');
    await h.services.loads.idle();
    const count = await sql<{ n: number }>`select count(*)::int as n from ${qualified(table)}`.execute(h.db);
    expect(count.rows[0]?.n).toBe(ROWS);
    h.services.exit.invalidateAllGrants();
    const record = (await lookup(grant, citizen(5))).json<{ record: ExitRecord }>().record;
    expect(record).toMatchObject({ xm: '李*', sr: '2000.00' });
  });
});

describe('reference rules between encrypted identifiers (R29.1)', () => {
  it('compares blind indexes: a missing citizen ID becomes a problem row shown in clear to the provider', async () => {
    const other = await publishResource(h, 'hrss', { fields: EXIT_FIELDS.slice(0, 3), securityLevel: 3 });
    const steward = await demoActors(h.db)('hrss-steward');
    if (steward.actor.kind !== 'user') throw new Error('no steward');
    await h.services.dataQuality.setQuality(steward, steward.actor, other.resourceId, {
      ownerUserId: null,
      policy: 'quarantine',
      threshold: 0.5,
      rules: { references: [{ column: 'sfzh', resourceCode, targetColumn: 'sfzh' }] },
    });
    const missing = '370481199901011239';
    const { batch } = await h.services.loads.push(steward, steward.actor, other.resourceId, {
      idempotencyKey: `ref-${randomBytes(4).toString('hex')}`,
      mode: 'replace',
      records: [
        { 公民身份号码: citizen(1), 姓名: '甲', 性别: '男' },
        { 公民身份号码: citizen(2), 姓名: '乙', 性别: '女' },
        { 公民身份号码: missing, 姓名: '丙', 性别: '男' },
      ],
    });
    expect(batch.state, JSON.stringify(batch.message)).toBe('loaded');
    expect(batch).toMatchObject({ rows_loaded: 2, rows_quarantined: 1 });
    // Stored sealed (the problem row holds the same personal data as the table), shown opened.
    const stored = await h.db.selectFrom('data_problems').selectAll().where('batch_id', '=', batch.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(stored.raw)).not.toContain(missing);
    const [problem] = (await h.services.dataQuality.list(steward.actor, other.resourceId, { batchId: batch.id })).items;
    expect(problem?.raw).toMatchObject({ sfzh: missing, xm: '丙' });
    expect(JSON.stringify(problem?.raw)).not.toContain('__bidx');
  });
});

describe('tables created before encryption (R29.1)', () => {
  it('a replace load rebuilds a clear level-3 table encrypted, and records the new layout', async () => {
    const old = await publishResource(h, 'hrss', { fields: EXIT_FIELDS, securityLevel: 3 });
    // As an installation upgraded to this version has it: the table in clear, no layout recorded.
    await sql`drop table ${qualified(old.table)}`.execute(h.db);
    await createDataTable(h.db, old.table, EXIT_FIELDS);
    await h.db
      .updateTable('resource_tables')
      .set({ encrypted_columns: '[]', columns: JSON.stringify(EXIT_FIELDS.map((f) => ({ code: f.code, type: columnTypeOf(f) }))) })
      .where('resource_id', '=', old.resourceId)
      .execute();
    const steward = await demoActors(h.db)('hrss-steward');
    const load = async (mode: 'append' | 'replace') => {
      const file = await tempFile(`old-${randomBytes(3).toString('hex')}.csv`, peopleCsv(10));
      const batch = await h.services.loads.loadFile(steward, old.resourceId, file, { mode, format: 'csv' });
      expect(batch.state, JSON.stringify(batch.message)).toBe('loaded');
    };
    await load('append');
    const clear = await sql<{ sfzh: string }>`select sfzh from ${qualified(old.table)} limit 1`.execute(h.db);
    expect(clear.rows[0]?.sfzh).toMatch(/^\d{17}[\dX]$/);
    await load('replace');
    await h.services.loads.idle();
    const row = await h.db
      .selectFrom('resource_tables')
      .select(['encrypted_columns', 'columns'])
      .where('resource_id', '=', old.resourceId)
      .executeTakeFirstOrThrow();
    expect(storedLayout(row.encrypted_columns).find((c) => c.code === 'sfzh')).toEqual({ code: 'sfzh', blindIndex: true });
    expect(row.columns).toContainEqual({ code: 'csrq', type: 'text' });
    const raw = await sql<{ line: string }>`select t::text as line from ${qualified(old.table)} t`.execute(h.db);
    expect(raw.rows).toHaveLength(10);
    for (let i = 0; i < 10; i++) expect(raw.rows.map((r) => r.line).join('\n')).not.toContain(citizen(i));
    const entry = await h.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'data.load')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(entry.details).toMatchObject({ mode: 'replace', encryptedColumns: expect.arrayContaining(['sfzh', 'xm']) });
  });
});

describe('a resource graded up (R29.1)', () => {
  it('its clear table is encrypted in place: values, blind index and the index moved; the exit reads it as before', async () => {
    const graded = await publishResource(h, 'hrss', { fields: EXIT_FIELDS, securityLevel: 2 });
    const steward = await demoActors(h.db)('hrss-steward');
    const file = await tempFile(`graded-${randomBytes(3).toString('hex')}.csv`, peopleCsv(20));
    expect((await h.services.loads.loadFile(steward, graded.resourceId, file, { mode: 'replace', format: 'csv' })).state).toBe('loaded');
    await h.services.loads.idle();
    const g = await insertGrant(h, graded.resourceId, { apiKeyIds: [consumerKey.id] });
    const before = (await lookup(g, citizen(4))).json<{ record: ExitRecord }>().record;
    expect(before.sfzh).toBe(`${citizen(4).slice(0, 6)}********${citizen(4).slice(14)}`);

    // The steward raises the level to 3 through a change of the catalog entry; the bureau approves.
    const current = await h.services.catalog.resource(steward, graded.resourceId);
    const change = await h.services.catalog.startChange(steward, graded.resourceId, '定级调整', '2026-03-01');
    await h.services.catalog.updateDraft(steward, change.id, {
      metadata: { ...current.current!.metadata, securityLevel: 3 },
      justification: '测试',
      changeReason: '定级调整',
      lawChangeDate: '2026-03-01',
    });
    await h.services.catalog.submit(steward, [change.id]).catch((e: unknown) => {
      throw new Error(JSON.stringify(e instanceof DomainError ? e.refusal.details : e));
    });
    await h.services.catalog.approve(await demoActors(h.db)('reviewer'), change.id, null);
    const pending = (await pendingEncryption(h.db)).find((t) => t.table === graded.table);
    expect(pending?.missing.map((c) => c.code).sort()).toEqual(['bz', 'csrq', 'lxdh', 'sfzh', 'xm', 'zz']);

    const done = await encryptPendingTables({ db: h.db, cipher: h.services.fieldCipher, audit: h.services.audit });
    expect(done.perTable[graded.table]?.sort()).toEqual(['bz', 'csrq', 'lxdh', 'sfzh', 'xm', 'zz']);
    expect((await pendingEncryption(h.db)).some((t) => t.table === graded.table)).toBe(false);
    const raw = await sql<{ line: string }>`select t::text as line from ${qualified(graded.table)} t`.execute(h.db);
    expect(raw.rows).toHaveLength(20);
    const dump = raw.rows.map((r) => r.line).join('\n');
    for (let i = 0; i < 20; i++) expect(dump).not.toContain(citizen(i));
    expect(dump).not.toContain('1380000');
    const index = await sql<{
      indexdef: string;
    }>`select indexdef from pg_indexes where schemaname = 'resource_data' and tablename = ${graded.table}`.execute(h.db);
    expect(index.rows.map((r) => r.indexdef).join()).toContain('sfzh__bidx');
    const entry = await h.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'keys.encrypt_table')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ subject_id: graded.resourceId, details: { table: graded.table, rows: 20 } });

    // The exit (its grant cache dropped, as the server's sweep does) gives the same record: dates, numbers, masks.
    h.services.exit.invalidateAllGrants();
    const after = await lookup(g, citizen(4));
    expect(after.statusCode, after.body).toBe(200);
    expect(after.json<{ record: ExitRecord }>().record).toEqual(before);
    // Nothing left to do: a second pass changes nothing.
    expect((await encryptPendingTables({ db: h.db, cipher: h.services.fieldCipher, audit: h.services.audit })).tables).toBe(0);
  }, 120_000);
});

describe('key rotation (R29.1)', () => {
  it('moves every value to the new key id; lookups still work; the old key can then go', async () => {
    // The operator's next configuration: k2 active (and another cipher), the old key still configured.
    const next = fieldCipherOf(
      loadConfig({ NODE_ENV: 'test', GONGSHU_DATA_KEYS: KEYS, GONGSHU_DATA_KEY_ID: 'k2', GONGSHU_FIELD_CIPHER: 'aes-256-gcm' }),
    );
    const before = totalsByKey(await keyStatus(h.db));
    expect(before.some((t) => t.keyId === DEVELOPMENT_DATA_KEY_ID)).toBe(true);
    expect(await rotationPending(h.db, next)).toBeGreaterThan(0);
    const progress: number[] = [];
    const result = await rotateKeys(
      { db: h.db, cipher: next, audit: h.services.audit },
      { batchSize: 50, ctx: systemContext('cli'), onProgress: (p) => progress.push(p.values) },
    );
    expect(result.values).toBeGreaterThan(0);
    expect(result.batches).toBeGreaterThan(1);
    expect(progress.every((n) => n > 0)).toBe(true);
    // Every value of every encrypted table is under k2 now.
    const after = totalsByKey(await keyStatus(h.db));
    expect(after.every((t) => t.keyId === 'k2' && t.cipher === 'aes')).toBe(true);
    expect(after.reduce((n, t) => n + t.values, 0)).toBe(before.reduce((n, t) => n + t.values, 0));
    expect(await rotationPending(h.db, next)).toBe(0);
    // The sealed problem row of the reference test moved too, and opens under k2 alone.
    const sealed = await h.db
      .selectFrom('data_problems')
      .select(['resource_id', 'raw'])
      .where(sql<boolean>`raw->>'_sealed' is not null`)
      .execute();
    expect(sealed.length).toBeGreaterThan(0);
    const k2Only = fieldCipherOf(
      loadConfig({ NODE_ENV: 'test', GONGSHU_DATA_KEYS: `k2:${K2}`, GONGSHU_DATA_KEY_ID: 'k2', GONGSHU_FIELD_CIPHER: 'aes-256-gcm' }),
    );
    for (const r of sealed) expect(openRaw(k2Only, r.resource_id, r.raw)).toMatchObject({ xm: '丙' });
    // Resumable and idempotent: a second run finds nothing to move.
    expect((await rotateKeys({ db: h.db, cipher: next, audit: h.services.audit })).values).toBe(0);
    const entry = await h.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'keys.rotate')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(entry.details).toMatchObject({ activeKeyId: 'k2', cipher: 'aes-256-gcm' });
    // The exit (both keys configured) still finds records by the blind index, which a rotation leaves as it is.
    h.services.exit.invalidateAllGrants();
    const res = await lookup(grant, citizen(9));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ record: ExitRecord }>().record.xm).toMatch(/^张\*+$/);
    // With only the new key configured everything still decrypts: the old key can be removed.
    const onlyNew = fieldCipherOf(loadConfig({ NODE_ENV: 'test', GONGSHU_DATA_KEYS: `k2:${K2}` }));
    const sample = await sql<{ xm: string }>`select xm from ${qualified(table)}`.execute(h.db);
    for (const r of sample.rows) expect(onlyNew.decrypt(r.xm, `${resourceId}/xm`)).toMatch(/^(张|李)/);
  }, 180_000);

  it('rejected rows of an encrypted resource are sealed at rest and opened only for the steward', async () => {
    const steward = await demoActors(h.db)('hrss-steward');
    if (steward.actor.kind !== 'user') throw new Error('no steward');
    // One good new person and one with a broken check digit (R11.2): the bad row goes to the problems.
    const good = citizen(900);
    const bad = `${citizen(901).slice(0, 17)}${citizen(901).endsWith('0') ? '1' : '0'}`;
    const csv = `公民身份号码,姓名,性别,出生日期,联系电话,住址,月收入,备注\n${good},王九百,男,1980-01-10,13800000900,滕州市善南街道九百号,1000.50,好\n${bad},赵九零一,女,1980-01-11,13900000901,滕州市北辛街道九零一号,1000.50,坏\n`;
    const file = await tempFile(`enc-bad-${randomBytes(3).toString('hex')}.csv`, csv);
    const batch = await h.services.loads.loadFile(steward, resourceId, file, { mode: 'append', format: 'csv' });
    await h.services.loads.idle();
    const stored = await sql<{ raw: string }>`select raw::text as raw from data_problems where batch_id = ${batch.id}`.execute(h.db);
    expect(stored.rows).toHaveLength(1);
    const dump = stored.rows[0]?.raw ?? '';
    expect(dump).not.toContain(bad);
    expect(dump).not.toContain('赵九零一');
    expect(dump).toContain('v1.sm4.');
    const listed = await h.services.dataQuality.list(steward.actor, resourceId, { batchId: batch.id });
    expect(listed.items).toHaveLength(1);
    expect(Object.values(listed.items[0]?.raw ?? {})).toEqual(expect.arrayContaining([bad, '赵九零一']));
  }, 120_000);
});

describe('blind-index key rotation (R29.1)', () => {
  it('a process with another blind-index key refuses to start; rotate-index recomputes every index in one transaction', async () => {
    const env = { NODE_ENV: 'test', GONGSHU_DATA_KEYS: KEYS, GONGSHU_DATA_KEY_ID: DEVELOPMENT_DATA_KEY_ID } as const;
    const oldCipher = h.services.fieldCipher;
    const newConfig = loadConfig({
      ...env,
      GONGSHU_BLIND_INDEX_KEY: randomBytes(32).toString('base64'),
      GONGSHU_BLIND_INDEX_HASH: 'sha256',
    });
    const newCipher = fieldCipherOf(newConfig);
    const bidxOf = async (id: string) =>
      (await sql<{ b: string }>`select sfzh__bidx as b from ${qualified(table)} where sfzh__bidx = ${id}`.execute(h.db)).rows.length;
    await checkBlindIndexKey(h.db, oldCipher);
    await expect(checkBlindIndexKey(h.db, newCipher)).rejects.toThrow(ConfigError);

    // A value that does not decrypt stops the rotation: nothing changed, the old key still recorded.
    const victim = await sql<{
      sfzh: string;
    }>`select sfzh from ${qualified(table)} where sfzh__bidx = ${oldCipher.blindIndex(citizen(20))}`.execute(h.db);
    const original = victim.rows[0]?.sfzh ?? '';
    const tampered = `${original.slice(0, -2)}${original.endsWith('AA') ? 'BB' : 'AA'}`;
    await sql`update ${qualified(table)} set sfzh = ${tampered} where sfzh = ${original}`.execute(h.db);
    await expect(rotateBlindIndexes({ db: h.db, cipher: newCipher, audit: h.services.audit })).rejects.toThrow();
    expect(await bidxOf(oldCipher.blindIndex(citizen(5)))).toBe(1);
    await expect(checkBlindIndexKey(h.db, newCipher)).rejects.toThrow(ConfigError);
    await sql`update ${qualified(table)} set sfzh = ${original} where sfzh = ${tampered}`.execute(h.db);

    const progress: number[] = [];
    const done = await rotateBlindIndexes(
      { db: h.db, cipher: newCipher, audit: h.services.audit },
      { onProgress: (p) => progress.push(p.rows) },
    );
    expect(done.rows).toBeGreaterThanOrEqual(ROWS);
    expect(done.previous).toBe(blindIndexFingerprint(oldCipher));
    expect(done.fingerprint).toBe(blindIndexFingerprint(newCipher));
    expect(await bidxOf(newCipher.blindIndex(citizen(5)))).toBe(1);
    expect(await bidxOf(oldCipher.blindIndex(citizen(5)))).toBe(0);
    await checkBlindIndexKey(h.db, newCipher);
    await expect(checkBlindIndexKey(h.db, oldCipher)).rejects.toThrow(ConfigError);
    const entry = await h.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'keys.rotate_index')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(entry.details).toMatchObject({ hash: 'sha256', rows: done.rows, values: done.values });

    // A platform started with the new key finds records by citizen ID through the exit again.
    const services = createServices(h.database, newConfig, h.clock);
    const app = await buildApp({ config: newConfig, services, logStream: testLogStream() });
    try {
      const res = await app.inject({
        method: 'GET',
        url: `/api/exit/grants/${grant.id}/records/${encodeURIComponent(citizen(9))}`,
        headers: consumerKey.headers,
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<{ record: ExitRecord | null }>().record?.xm).toMatch(/^张\*+$/);
    } finally {
      await app.close();
    }
  }, 120_000);
});
