/**
 * The one exit (issue 6; R7.1, R17.2, R23.1, R29.1): deny by default with an audited refusal for
 * every reason, only granted fields, masked values, provenance, and an audit entry and delivery
 * row committed before the answer.
 */
import { randomUUID } from 'node:crypto';
import type { ExitRecord, Provenance } from '@gongshu/contracts';
import ExcelJS from 'exceljs';
import { sql, type CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';
import { citizen, insertGrant, apiKeyOf, loadedResource } from './exit.fixtures.js';
import { systemContext } from '../../context.js';
import { deliveryId } from './delivery-id.js';
import { findMarks } from './fingerprint.js';
import { createLookupBatcher, lookupPlan } from './lookup-batcher.js';

let h: Harness;
let resourceId: string;
let table: string;
let consumerKey: { id: string; headers: Record<string, string> };
let unregisteredKey: { id: string; headers: Record<string, string> };
let otherAgencyKey: { id: string; headers: Record<string, string> };
let grant: { id: string; number: string };

const ROWS = 120;

beforeAll(async () => {
  h = await createHarness();
  ({ resourceId, table } = await loadedResource(h, ROWS));
  consumerKey = await apiKeyOf(h, 'civil-staff');
  unregisteredKey = await apiKeyOf(h, 'civil-steward');
  otherAgencyKey = await apiKeyOf(h, 'tax-staff');
  grant = await insertGrant(h, resourceId, {
    fields: ['sfzh', 'xm', 'xb', 'csrq', 'lxdh', 'zz', 'sr', 'bz'],
    apiKeyIds: [consumerKey.id, otherAgencyKey.id],
  });
}, 120_000);
afterAll(async () => h.close());

const lookup = (grantId: string, key: string, headers: Record<string, string>, fields?: string) =>
  h.app.inject({
    method: 'GET',
    url: `/api/exit/grants/${grantId}/records/${key}${fields ? `?fields=${fields}` : ''}`,
    headers,
  });

async function lastEntry(grantId: string) {
  return h.db
    .selectFrom('audit_log')
    .selectAll()
    .where('subject_type', '=', 'share_grant')
    .where('subject_id', '=', grantId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
}

describe('the exit refuses by default, says why, and audits the refusal (R7.1, R17.2, R29.1)', () => {
  async function expectDenied(res: Awaited<ReturnType<typeof lookup>>, grantId: string, code: string) {
    expect(res.statusCode, res.body).toBe(403);
    const body = res.json<{ code: string; message: { zh: string; en: string } }>();
    expect(body.code).toBe(code);
    expect(body.message.zh.length).toBeGreaterThan(0);
    const entry = await lastEntry(grantId);
    expect(entry).toMatchObject({ action: 'exit.lookup', outcome: 'denied' });
    expect(entry.details).toMatchObject({ code });
    // One audited refusal, not a second generic access.denied entry.
    const generic = await h.db
      .selectFrom('audit_log')
      .select('seq')
      .where('action', '=', 'access.denied')
      .where('seq', '>', entry.seq)
      .execute();
    expect(generic).toHaveLength(0);
    expect(await h.db.selectFrom('deliveries').select('id').where('grant_id', '=', grantId).execute()).toHaveLength(0);
  }

  it('no grant → EXIT_NO_GRANT', async () => {
    const id = randomUUID();
    await expectDenied(await lookup(id, citizen(1), consumerKey.headers), id, 'EXIT_NO_GRANT');
  });

  it('an expired grant → EXIT_GRANT_EXPIRED', async () => {
    const g = await insertGrant(h, resourceId, { validTo: new Date('2026-03-01T00:00:00+08:00'), apiKeyIds: [consumerKey.id] });
    await expectDenied(await lookup(g.id, citizen(1), consumerKey.headers), g.id, 'EXIT_GRANT_EXPIRED');
  });

  it('a grant not yet in force → EXIT_GRANT_NOT_STARTED', async () => {
    const g = await insertGrant(h, resourceId, { validFrom: new Date('2026-04-01T00:00:00+08:00'), apiKeyIds: [consumerKey.id] });
    await expectDenied(await lookup(g.id, citizen(1), consumerKey.headers), g.id, 'EXIT_GRANT_NOT_STARTED');
  });

  it('a revoked grant → EXIT_GRANT_REVOKED', async () => {
    const g = await insertGrant(h, resourceId, { state: 'revoked', apiKeyIds: [consumerKey.id] });
    await expectDenied(await lookup(g.id, citizen(1), consumerKey.headers), g.id, 'EXIT_GRANT_REVOKED');
  });

  it('a suspended grant → EXIT_GRANT_SUSPENDED', async () => {
    const g = await insertGrant(h, resourceId, { state: 'suspended', apiKeyIds: [consumerKey.id] });
    await expectDenied(await lookup(g.id, citizen(1), consumerKey.headers), g.id, 'EXIT_GRANT_SUSPENDED');
  });

  it('another agency’s key, even registered on the grant → EXIT_WRONG_AGENCY', async () => {
    await expectDenied(await lookup(grant.id, citizen(1), otherAgencyKey.headers), grant.id, 'EXIT_WRONG_AGENCY');
  });

  it('a key of the consumer that is not registered on the grant → EXIT_KEY_NOT_ALLOWED', async () => {
    await expectDenied(await lookup(grant.id, citizen(1), unregisteredKey.headers), grant.id, 'EXIT_KEY_NOT_ALLOWED');
  });

  it('a field that is not granted → EXIT_FIELD_NOT_GRANTED', async () => {
    const narrow = await insertGrant(h, resourceId, { fields: ['sfzh', 'xm'], apiKeyIds: [consumerKey.id] });
    await expectDenied(await lookup(narrow.id, citizen(1), consumerKey.headers, 'xm,lxdh'), narrow.id, 'EXIT_FIELD_NOT_GRANTED');
  });

  it('signed-in people of another agency, the bureau and citizens are refused', async () => {
    for (const who of ['tax-steward', 'admin', 'citizen']) {
      await expectDenied(await lookup(grant.id, citizen(1), (await h.signIn(who)).headers), grant.id, 'EXIT_WRONG_AGENCY');
    }
  });

  it('without a key or session → 401', async () => {
    const res = await lookup(grant.id, citizen(1), {});
    expect(res.statusCode).toBe(401);
  });

  it('a grant changed in the database is refused at once after invalidateGrant (the lead’s grants service calls it)', async () => {
    const g = await insertGrant(h, resourceId, { apiKeyIds: [consumerKey.id] });
    expect((await lookup(g.id, citizen(2), consumerKey.headers)).statusCode).toBe(200);
    await h.db.updateTable('share_grants').set({ state: 'suspended' }).where('id', '=', g.id).execute();
    h.services.exit.invalidateGrant(g.id);
    await expectDeniedLater(g.id);
  });

  async function expectDeniedLater(grantId: string) {
    const res = await lookup(grantId, citizen(2), consumerKey.headers);
    expect(res.json<{ code: string }>().code).toBe('EXIT_GRANT_SUSPENDED');
  }
});

describe('a delivery: granted fields only, masked, with provenance, audited before the answer', () => {
  it('lookup by citizen ID with an API key: masks by field, provenance, audit entry and delivery row committed', async () => {
    const key = citizen(7);
    const res = await lookup(grant.id, key, consumerKey.headers);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ record: ExitRecord; provenance: Provenance }>();
    expect(Object.keys(body.record).sort()).toEqual(['bz', 'csrq', 'lxdh', 'sfzh', 'sr', 'xb', 'xm', 'zz']);
    expect(body.record.sfzh).toBe(`${key.slice(0, 6)}********${key.slice(14)}`);
    expect(body.record.xm).toBe('张*');
    expect(body.record.xb).toBe('男');
    expect(body.record.csrq).toBe('1980');
    expect(body.record.lxdh).toBe('138****0007');
    expect(body.record.zz).toBe('滕州市荆河街道**');
    expect(String(body.record.sr)).toBe('1007.50');
    expect(body.record.bz).toMatch(/^[0-9a-f]{64}$/);
    expect(body.provenance).toMatchObject({ grant: { id: grant.id, number: grant.number } });
    expect(body.provenance.citation).toContain(grant.number);

    // Read back right after the answer: both rows are committed.
    const delivery = await h.db.selectFrom('deliveries').selectAll().where('id', '=', body.provenance.deliveryId).executeTakeFirstOrThrow();
    expect(delivery).toMatchObject({ kind: 'lookup', via: 'api_key', api_key_id: consumerKey.id, rows: 1, grant_id: grant.id });
    expect(delivery.completed_at).not.toBeNull();
    const params = delivery.parameters as { keyHash: string };
    expect(params.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(delivery)).not.toContain(key);
    const entry = await h.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'exit.lookup')
      .where(sql<boolean>`details->>'deliveryId' = ${body.provenance.deliveryId}`)
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ outcome: 'ok', subject_id: grant.id, via: 'api_key' });
    expect(JSON.stringify(entry.details)).not.toContain(key);
  });

  it('the same value hashes alike in every delivery (joinable, not reversible)', async () => {
    const a = (await lookup(grant.id, citizen(9), consumerKey.headers)).json<{ record: ExitRecord }>().record;
    const b = (await lookup(grant.id, citizen(9), consumerKey.headers)).json<{ record: ExitRecord }>().record;
    expect(a.bz).toBe(b.bz);
  });

  it('a requested subset of the granted fields; an unknown identifier delivers nothing but is still audited', async () => {
    const res = await lookup(grant.id, citizen(3), consumerKey.headers, 'xm,xb');
    expect(Object.keys(res.json<{ record: ExitRecord }>().record)).toEqual(['xm', 'xb']);
    const none = await lookup(grant.id, '11010519491231002X', consumerKey.headers);
    expect(none.statusCode).toBe(200);
    const body = none.json<{ record: ExitRecord | null; provenance: Provenance }>();
    expect(body.record).toBeNull();
    const delivery = await h.db
      .selectFrom('deliveries')
      .select('rows')
      .where('id', '=', body.provenance.deliveryId)
      .executeTakeFirstOrThrow();
    expect(delivery.rows).toBe(0);
  });

  it('a signed-in person of the consumer agency may try it through the session (the UI)', async () => {
    const res = await lookup(grant.id, citizen(4), (await h.signIn('civil-steward')).headers, 'xm');
    expect(res.statusCode, res.body).toBe(200);
    const id = res.json<{ provenance: Provenance }>().provenance.deliveryId;
    const delivery = await h.db.selectFrom('deliveries').select(['via', 'api_key_id']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(delivery).toEqual({ via: 'session', api_key_id: null });
  });

  it('no answer without a durable audit: when the delivery row cannot be written, no data is sent', async () => {
    await sql`alter table deliveries add constraint exit_test_refuse check (false) not valid`.execute(h.db);
    try {
      const res = await lookup(grant.id, citizen(5), consumerKey.headers);
      expect(res.statusCode).toBe(500);
      expect(res.body).not.toContain('张');
    } finally {
      await sql`alter table deliveries drop constraint exit_test_refuse`.execute(h.db);
    }
  });

  it('a failing batch among concurrent ones: exactly the answered calls are recorded, the chain stays intact', async () => {
    const count = async () => {
      const d = await h.db
        .selectFrom('deliveries')
        .select(sql<number>`count(*)::bigint`.as('n'))
        .executeTakeFirstOrThrow();
      const a = await h.db
        .selectFrom('audit_log')
        .select(sql<number>`count(*)::bigint`.as('n'))
        .where('action', '=', 'exit.lookup')
        .where('outcome', '=', 'ok')
        .executeTakeFirstOrThrow();
      return { deliveries: d.n, audit: a.n };
    };
    const before = await count();
    // Deliveries of a found record (rows = 1) cannot be written: their whole batch fails.
    await sql`alter table deliveries add constraint exit_test_found check (rows = 0) not valid`.execute(h.db);
    try {
      const calls = Array.from({ length: 40 }, (_, i) =>
        lookup(grant.id, i % 4 === 0 ? citizen(i) : `37048119000101${String(i).padStart(4, '0')}`, consumerKey.headers),
      );
      const results = await Promise.all(calls);
      const answered = results.filter((r) => r.statusCode === 200).length;
      expect(results.every((r) => r.statusCode === 200 || r.statusCode === 500)).toBe(true);
      expect(results.filter((r) => r.statusCode === 200).every((r) => r.json<{ record: unknown }>().record === null)).toBe(true);
      const after = await count();
      expect(after.deliveries - before.deliveries).toBe(answered);
      expect(after.audit - before.audit).toBe(answered);
    } finally {
      await sql`alter table deliveries drop constraint exit_test_found`.execute(h.db);
    }
    expect((await h.services.audit.verify(h.db)).ok).toBe(true);
    expect((await lookup(grant.id, citizen(1), consumerKey.headers)).statusCode).toBe(200);
  });

  it('an extract whose fingerprint cannot be written fails alone: concurrent lookups answered meanwhile are all recorded', async () => {
    // On PostgreSQL an extract's batch is an explicit transaction on the journal's connection; a
    // lookup's batch queued in the middle of it would run inside it, be answered, then be rolled back.
    const lookupsOf = async () =>
      (
        await h.db
          .selectFrom('deliveries')
          .select(sql<number>`count(*)::bigint`.as('n'))
          .where('grant_id', '=', grant.id)
          .where('kind', '=', 'lookup')
          .executeTakeFirstOrThrow()
      ).n;
    const before = await lookupsOf();
    await sql`alter table deliveries add constraint exit_test_no_fingerprint check (fingerprint is null) not valid`.execute(h.db);
    try {
      const calls = Array.from({ length: 41 }, (_, i) =>
        i % 10 === 5
          ? h.app.inject({ method: 'GET', url: `/api/exit/grants/${grant.id}/extract?format=csv`, headers: consumerKey.headers })
          : lookup(grant.id, citizen(i), consumerKey.headers),
      );
      const results = await Promise.all(calls);
      const extracts = results.filter((_, i) => i % 10 === 5);
      expect(extracts.every((r) => r.statusCode === 500)).toBe(true);
      const answered = results.filter((r, i) => i % 10 !== 5 && r.statusCode === 200).length;
      // Lookups in the extract's own batch fail with it (a batch is written whole or not at all).
      expect((await lookupsOf()) - before).toBe(answered);
    } finally {
      await sql`alter table deliveries drop constraint exit_test_no_fingerprint`.execute(h.db);
    }
    expect((await h.services.audit.verify(h.db)).ok).toBe(true);
  });

  it('a batch queued while an extract’s transaction is open waits for it: never answered from inside it', async () => {
    // Journal level, so that the two batches are separate: the extract's first, the lookup's one
    // turn of the event loop later (on PostgreSQL its statement would otherwise be queued on the
    // writer's connection between the extract's BEGIN and its COMMIT).
    const { journal } = h.services.exit;
    const ctx = { ...systemContext(), via: 'session' as const };
    const entry = (kind: 'lookup' | 'extract', fingerprint?: () => string) => {
      const id = deliveryId();
      const at = new Date();
      return {
        ctx,
        at,
        event: { action: `exit.${kind}`, subjectType: 'share_grant', subjectId: grant.id, details: { deliveryId: id } },
        delivery: {
          id,
          grant_id: grant.id,
          kind,
          format: null,
          via: 'session',
          api_key_id: null,
          user_id: null,
          at,
          rows: 0,
          fields: [],
          parameters: {},
          request_id: null,
          completed_at: at,
        },
        ...(fingerprint ? { fingerprint } : {}),
      };
    };
    await sql`alter table deliveries add constraint exit_test_no_fingerprint check (fingerprint is null) not valid`.execute(h.db);
    try {
      // Outcomes are taken at once: the extract may fail before the test awaits it (no unhandled rejection).
      const extract = journal.append(entry('extract', () => 'GSFP1.test')).then(
        () => null,
        (error: unknown) => error,
      );
      await new Promise((resolve) => setImmediate(resolve));
      const single = entry('lookup');
      const looked = journal.append(single);
      looked.catch(() => undefined);
      expect(await extract).toBeInstanceOf(Error);
      await looked.then(
        async () => {
          // Answered: then it must be committed.
          const row = await h.db.selectFrom('deliveries').select('id').where('id', '=', single.delivery.id).executeTakeFirst();
          expect(row?.id).toBe(single.delivery.id);
        },
        () => undefined,
      );
    } finally {
      await sql`alter table deliveries drop constraint exit_test_no_fingerprint`.execute(h.db);
    }
    expect((await h.services.audit.verify(h.db)).ok).toBe(true);
  });

  it('lookups under sustained load with audited sign-ins in between: every call answered and recorded, one intact chain', async () => {
    const before = await h.db
      .selectFrom('deliveries')
      .select(sql<number>`count(*)::bigint`.as('n'))
      .executeTakeFirstOrThrow();
    const started = Date.now();
    const results: Awaited<ReturnType<typeof lookup>>[] = [];
    // Callers that keep the journal busy longer than it holds the lock (50 ms), sign-ins (audited) meanwhile.
    const caller = async (c: number) => {
      for (let i = 0; Date.now() - started < 400; i++) results.push(await lookup(grant.id, citizen(c * 7 + i), consumerKey.headers));
    };
    const signIns = async () => {
      while (Date.now() - started < 400) {
        await h.signIn('civil-steward');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    await Promise.all([...Array.from({ length: 60 }, (_, c) => caller(c)), signIns()]);
    expect(results.every((r) => r.statusCode === 200)).toBe(true);
    const after = await h.db
      .selectFrom('deliveries')
      .select(sql<number>`count(*)::bigint`.as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n - before.n).toBe(results.length);
    expect((await h.services.audit.verify(h.db)).ok).toBe(true);
  });

  it('concurrent lookups are committed together and each is audited once, in one intact chain', async () => {
    const before = await h.db
      .selectFrom('deliveries')
      .select(sql<number>`count(*)::bigint`.as('n'))
      .executeTakeFirstOrThrow();
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => lookup(grant.id, citizen(i), consumerKey.headers)));
    expect(results.every((r) => r.statusCode === 200)).toBe(true);
    const after = await h.db
      .selectFrom('deliveries')
      .select(sql<number>`count(*)::bigint`.as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n - before.n).toBe(40);
    const verified = await h.services.audit.verify(h.db);
    expect(verified.ok).toBe(true);
  });

  it('concurrent lookups share one statement; each call gets the row of its own key, and a key that cannot be compared fails alone', async () => {
    const statements: string[] = [];
    const counting = {
      executeQuery: (query: CompiledQuery) => {
        statements.push(query.sql);
        return h.db.executeQuery(query);
      },
    } as unknown as typeof h.db;
    const batcher = createLookupBatcher(counting);
    const plan = lookupPlan(table, 'sfzh', ['sfzh', 'lxdh'], true);
    const keys = [citizen(11), citizen(12), citizen(11), '11010519491231002X', citizen(13)];
    const rows = await Promise.all(keys.map((k) => batcher.lookup(plan, k)));
    expect(statements).toEqual([plan.batch]);
    expect(rows).toEqual([
      { sfzh: citizen(11), lxdh: '13800000011' },
      { sfzh: citizen(12), lxdh: '13800000012' },
      { sfzh: citizen(11), lxdh: '13800000011' },
      null,
      { sfzh: citizen(13), lxdh: '13800000013' },
    ]);
    // A key PostgreSQL cannot take (NUL) fails the coalesced statement: each call is then retried alone.
    statements.length = 0;
    const mixed = await Promise.allSettled([
      batcher.lookup(plan, citizen(14)),
      batcher.lookup(plan, 'bad\u0000key'),
      batcher.lookup(plan, citizen(15)),
    ]);
    expect(mixed.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(mixed[0]).toMatchObject({ value: { lxdh: '13800000014' } });
    expect(mixed[2]).toMatchObject({ value: { lxdh: '13800000015' } });
    expect(statements).toEqual([plan.batch, plan.single, plan.single, plan.single]);
    // Through the route: every concurrent caller gets its own person.
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => lookup(grant.id, citizen(i), consumerKey.headers, 'lxdh')));
    expect(results.map((r) => r.json<{ record: ExitRecord }>().record.lxdh)).toEqual(
      Array.from({ length: 30 }, (_, i) => `138****${String(i).padStart(4, '0')}`),
    );
    // Not a text identifier: one statement per key.
    statements.length = 0;
    const plain = lookupPlan(table, 'sfzh', ['lxdh'], false);
    expect(plain.batch).toBeNull();
    await Promise.all([batcher.lookup(plain, citizen(1)), batcher.lookup(plain, citizen(2))]);
    expect(statements).toEqual([plain.single, plain.single]);
  });

  it('query: filters on granted fields, paging with total; masked fields only by exact value', async () => {
    const post = (payload: Record<string, unknown>) =>
      h.app.inject({ method: 'POST', url: `/api/exit/grants/${grant.id}/query`, headers: consumerKey.headers, payload });
    const page = await post({ fields: ['sfzh', 'xb', 'sr'], filters: [{ field: 'xb', op: 'eq', value: '男' }], page: 2, pageSize: 25 });
    expect(page.statusCode, page.body).toBe(200);
    const body = page.json<{ records: ExitRecord[]; total: number; page: number; provenance: Provenance }>();
    expect(body.total).toBe(ROWS / 2);
    expect(body.records).toHaveLength(25);
    expect(body.records.every((r) => r.xb === '男' && String(r.sfzh).includes('********'))).toBe(true);
    const exact = await post({ filters: [{ field: 'sfzh', op: 'eq', value: citizen(11) }] });
    expect(exact.json<{ total: number }>().total).toBe(1);
    const range = await post({ filters: [{ field: 'sr', op: 'gte', value: '1100' }] });
    expect(range.json<{ total: number }>().total).toBe(ROWS - 100);

    const prefix = await post({ filters: [{ field: 'sfzh', op: 'prefix', value: '3704811950' }] });
    expect(prefix.statusCode).toBe(403);
    expect(prefix.json<{ code: string }>().code).toBe('EXIT_FIELD_NOT_GRANTED');
    const narrow = await insertGrant(h, resourceId, { fields: ['sfzh', 'xm'], apiKeyIds: [consumerKey.id] });
    const ungranted = await h.app.inject({
      method: 'POST',
      url: `/api/exit/grants/${narrow.id}/query`,
      headers: consumerKey.headers,
      payload: { filters: [{ field: 'sr', op: 'gte', value: '0' }] },
    });
    expect(ungranted.json<{ code: string }>().code).toBe('EXIT_FIELD_NOT_GRANTED');
    expect((await lastEntry(narrow.id)).outcome).toBe('denied');
    const typed = await post({ filters: [{ field: 'sr', op: 'gte', value: 'lots' }] });
    expect(typed.statusCode).toBe(400);
    const delivery = await h.db.selectFrom('deliveries').selectAll().where('id', '=', body.provenance.deliveryId).executeTakeFirstOrThrow();
    expect(delivery).toMatchObject({ kind: 'query', rows: 25 });
    expect(delivery.parameters).toMatchObject({ filters: [{ field: 'xb', op: 'eq', value: '男' }], page: 2, pageSize: 25 });
  });
});

describe('bulk extracts: streamed, masked, fingerprinted (R17.2, R29.1)', () => {
  const extract = (format: string, fields?: string) =>
    h.app.inject({
      method: 'GET',
      url: `/api/exit/grants/${grant.id}/extract?format=${format}${fields ? `&fields=${fields}` : ''}`,
      headers: consumerKey.headers,
    });

  async function deliveryOf(id: string) {
    // The row count is written when the stream ends; an XLSX stream may end a moment before it.
    for (let i = 0; i < 50; i++) {
      const row = await h.db.selectFrom('deliveries').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      if (row.completed_at) return row;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('the extract was not completed');
  }

  it('CSV: UTF-8 with BOM, field names, every row masked and fingerprinted twice', async () => {
    const res = await extract('csv');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(decodeURIComponent(String(res.headers['x-gongshu-citation']))).toContain(grant.number);
    const text = res.rawPayload.toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('公民身份号码,姓名,性别,出生日期,联系电话,住址,月收入,备注,_gongshu_provenance');
    expect(lines).toHaveLength(ROWS + 1);
    for (const line of lines.slice(1)) {
      expect(line).toMatch(/^370481\*{8}\w{4},张\*+,/);
      expect(line).toContain(`GSFP1.${grant.number}.`);
      expect(findMarks(line)).toHaveLength(1);
    }
    const delivery = await deliveryOf(String(res.headers['x-gongshu-delivery']));
    expect(delivery).toMatchObject({ kind: 'extract', format: 'csv', rows: ROWS });
    expect(delivery.fingerprint).toMatch(new RegExp(`^GSFP1\\.${grant.number}\\.${delivery.serial}\\.`));
  });

  it('JSON: an array of records with the provenance key', async () => {
    const res = await extract('json', 'sfzh,xb');
    const records = res.json<ExitRecord[]>();
    expect(records).toHaveLength(ROWS);
    expect(Object.keys(records[0] ?? {})).toEqual(['sfzh', 'xb', '_gongshu_provenance']);
    expect(findMarks(String(records[0]?.xb))).toHaveLength(1);
  });

  it('XLSX: streamed workbook with the data sheet and a provenance sheet', async () => {
    const res = await extract('xlsx', 'xm,sr');
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const data = workbook.worksheets[0];
    expect(data?.rowCount).toBe(ROWS + 1);
    expect(data?.getRow(1).values).toEqual([undefined, '姓名', '月收入', '_gongshu_provenance']);
    expect(workbook.worksheets[1]?.getCell('B1').value).toBe(grant.number);
    const delivery = await deliveryOf(String(res.headers['x-gongshu-delivery']));
    expect(delivery.rows).toBe(ROWS);
  });

  it('an extract is refused like any delivery, and the chain stays intact after all of this', async () => {
    const res = await h.app.inject({
      method: 'GET',
      url: `/api/exit/grants/${grant.id}/extract?format=csv`,
      headers: unregisteredKey.headers,
    });
    expect(res.json<{ code: string }>().code).toBe('EXIT_KEY_NOT_ALLOWED');
    expect((await lastEntry(grant.id)).action).toBe('exit.extract');
    expect((await h.services.audit.verify(h.db)).ok).toBe(true);
  });
});
