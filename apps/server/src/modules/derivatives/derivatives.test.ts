/**
 * De-identified derivatives through the HTTP API (R18.4): plan validation with field paths, the
 * k-anonymity check in SQL failing and then passing after generalizing, publication refused
 * without a passing check and allowed with consent, the materialized table, a check made stale by
 * a new load, who may manage, and the public list.
 */
import type { ApiErrorBody, DerivativeDetail, PublicDerivative, PublicDerivativeSummary } from '@gongshu/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, testClock, type Harness, type SignedIn } from '../../../test/harness.js';
import { person, publishResource } from '../aggregation/aggregation.fixtures.js';
import { demoActors } from '../seed/demo-actors.js';

const clock = testClock('2026-11-20T10:00:00+08:00');
let h: Harness;
let resourceId: string;
let emptyResourceId: string;
const sessions = new Map<string, SignedIn>();

async function call<T>(who: string | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, status = 200): Promise<T> {
  let headers: Record<string, string> = {};
  if (who) {
    const known = sessions.get(who) ?? (await h.signIn(who));
    sessions.set(who, known);
    headers = known.headers;
  }
  const res = await h.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  expect(res.statusCode, `${method} ${url} as ${who ?? 'anonymous'}: ${res.body}`).toBe(status);
  return res.json<T>();
}

/** Twelve people: six born in 1980, six in 1990, incomes between 1000 and 1120. */
function people(seed: number) {
  return Array.from({ length: 12 }, (_, i) => ({
    sfzh: person(seed + i),
    xm: `张${seed + i}`,
    csrq: i < 6 ? `1980-0${1 + i}-15` : `1990-0${i - 5}-15`,
    sr: `${1000 + i * 10}.50`,
    dj: '2026-03-01 10:00:00',
  }));
}

async function load(key: string, records: Record<string, unknown>[]) {
  const steward = await demoActors(h.db)('hospital-steward');
  if (steward.actor.kind !== 'user') throw new Error('no steward');
  await h.services.loads.push(steward, steward.actor, resourceId, { idempotencyKey: key, mode: 'replace', records });
  await h.services.loads.idle();
  clock.advance(60_000);
}

const strict = {
  name: '出生日期与收入（逐日）',
  treatments: {
    sfzh: { kind: 'drop' },
    xm: { kind: 'mask', mask: { kind: 'name' } },
    csrq: { kind: 'keep' },
    sr: { kind: 'band', width: 1000 },
  },
  quasiIdentifiers: ['csrq', 'sr'],
};
const generalized = {
  ...strict,
  name: '出生年份与收入段',
  treatments: { ...strict.treatments, csrq: { kind: 'generalize_date', to: 'year' } },
};

const create = (body: unknown, who = 'hospital-steward', status = 201) =>
  call<DerivativeDetail>(who, 'POST', '/api/open/derivatives/admin', { resourceId, ...(body as object) }, status);
const act = <T = DerivativeDetail>(id: string, action: string, body?: unknown, status = 200, who = 'hospital-steward') =>
  call<T>(who, 'POST', `/api/open/derivatives/admin/${id}/${action}`, body ?? {}, status);

beforeAll(async () => {
  h = await createHarness({ clock });
  resourceId = (await publishResource(h, 'hospital')).resourceId;
  emptyResourceId = (await publishResource(h, 'hospital')).resourceId;
  await load('people-1', people(0));
}, 120_000);

afterAll(async () => {
  await h.close();
});

describe('plans (R18.4)', () => {
  it('refuses identifiers kept in clear and treatments that do not fit, every problem with its field path', async () => {
    const error = (await create(
      {
        name: '不合格方案',
        treatments: {
          sfzh: { kind: 'keep' },
          xm: { kind: 'keep' },
          csrq: { kind: 'band', width: 5 },
          sr: { kind: 'mask', mask: { kind: 'hash' } },
        },
        quasiIdentifiers: ['dj'],
        k: 1,
      },
      'hospital-steward',
      400,
    )) as unknown as ApiErrorBody;
    expect(error).toMatchObject({ code: 'DEIDENTIFY_PLAN_INVALID', requirement: 'R18.4' });
    const fields = (error.details?.problems as { field: string }[]).map((p) => p.field).sort();
    expect(fields).toEqual(['k', 'quasiIdentifiers.dj', 'treatments.csrq', 'treatments.sfzh', 'treatments.sr', 'treatments.xm']);
  });

  it('makes derivatives only of loaded data of open type none', async () => {
    const error = await call<ApiErrorBody>(
      'hospital-steward',
      'POST',
      '/api/open/derivatives/admin',
      { resourceId: emptyResourceId, ...generalized },
      409,
    );
    expect(error.code).toBe('DEIDENTIFY_SOURCE_NOT_ELIGIBLE');
    const sources = await call<{ id: string }[]>('hospital-steward', 'GET', '/api/open/derivatives/admin/sources');
    expect(sources.map((s) => s.id)).toContain(resourceId);
    expect(sources.map((s) => s.id)).not.toContain(emptyResourceId);
  });
});

describe('check and publish', () => {
  let id: string;

  it('a check over exact birth dates fails: every class is a single person', async () => {
    const draft = await create(strict);
    id = draft.id;
    expect(draft).toMatchObject({ state: 'draft', k: 5, check: null, can: { check: true, publish: false } });
    // Fields not named are dropped.
    expect(draft.fields.find((f) => f.code === 'dj')).toMatchObject({ action: 'drop' });
    const checked = await act(id, 'check');
    expect(checked.check).toMatchObject({
      passed: false,
      k: 5,
      smallestClass: 1,
      classes: 12,
      violatingClasses: 12,
      violatingRows: 12,
      rows: 12,
      stale: false,
    });
    expect(checked.check?.histogram).toEqual([{ size: 1, classes: 12 }]);
    const refused = await act<ApiErrorBody>(id, 'publish', undefined, 409);
    expect(refused).toMatchObject({ code: 'DEIDENTIFY_K_ANONYMITY_FAILED', requirement: 'R18.4' });
  });

  it('passes after generalizing birth dates to the year, and publishes a table of only the kept, transformed columns', async () => {
    const updated = await call<DerivativeDetail>('hospital-steward', 'PUT', `/api/open/derivatives/admin/${id}`, generalized);
    expect(updated.check).toBeNull();
    const checked = await act(id, 'check');
    expect(checked.check).toMatchObject({ passed: true, smallestClass: 6, classes: 2, violatingClasses: 0, rows: 12 });
    expect(checked.can.publish).toBe(true);
    const published = await act(id, 'publish');
    expect(published).toMatchObject({ state: 'published', basis: 'k_anonymity', rows: 12, can: { edit: false, withdraw: true } });

    const row = await h.db
      .selectFrom('open_derivatives')
      .select(['table_name', 'transforms'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.table_name).toBe(`od_${id.replaceAll('-', '')}`);
    const columns = await sql<{ column_name: string; data_type: string }>`
      select column_name, data_type from information_schema.columns
      where table_schema = 'resource_data' and table_name = ${row.table_name} order by ordinal_position`.execute(h.db);
    expect(columns.rows).toEqual([
      { column_name: 'xm', data_type: 'text' },
      { column_name: 'csrq', data_type: 'text' },
      { column_name: 'sr', data_type: 'text' },
    ]);
    const data = await sql<
      Record<string, string>
    >`select * from ${sql.id('resource_data', row.table_name ?? '')} order by csrq, xm`.execute(h.db);
    expect(data.rows).toHaveLength(12);
    expect(data.rows[0]).toEqual({ xm: '张*', csrq: '1980', sr: '1000-1999' });
    expect(new Set(data.rows.map((r) => r.csrq))).toEqual(new Set(['1980', '1990']));
    // The shape the open exit reads.
    expect((row.transforms as { fields: unknown[] }).fields).toContainEqual({
      code: 'csrq',
      name: '出生日期',
      dataType: 'string',
      sourceDataType: 'date',
      action: 'generalize',
      rule: { kind: 'date', to: 'year' },
    });

    const audit = await h.db.selectFrom('audit_log').select('action').where('subject_id', '=', id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual([
      'open.derivative.create',
      'open.derivative.check',
      'open.derivative.update',
      'open.derivative.check',
      'open.derivative.publish',
    ]);
    const reviewer = await h.db.selectFrom('users').select('id').where('username', '=', 'reviewer').executeTakeFirstOrThrow();
    const notes = await h.db
      .selectFrom('notifications')
      .select('link')
      .where('user_id', '=', reviewer.id)
      .where('kind', '=', 'open.derivative.published')
      .execute();
    expect(notes.map((n) => n.link)).toContain(`/open-admin/derivatives/${id}`);
  });

  it('shows only published derivatives to the public, with the check, basis, source and citation', async () => {
    const draft = await create({ ...generalized, name: '仍是草稿' });
    const list = await call<PublicDerivativeSummary[]>(null, 'GET', '/api/open/derivatives');
    expect(list.map((d) => d.id)).toContain(id);
    expect(list.map((d) => d.id)).not.toContain(draft.id);
    await call(null, 'GET', `/api/open/derivatives/${draft.id}`, undefined, 404);
    const detail = await call<PublicDerivative>(null, 'GET', `/api/open/derivatives/${id}`);
    expect(detail).toMatchObject({ basis: 'k_anonymity', k: 5, rows: 12, check: { passed: true, smallestClass: 6, k: 5 }, consent: null });
    expect(detail.fields.map((f) => [f.code, f.action])).toEqual([
      ['sfzh', 'drop'],
      ['xm', 'mask'],
      ['csrq', 'generalize'],
      ['sr', 'generalize'],
      ['dj', 'drop'],
    ]);
    expect(detail.citation).toMatch(
      /^数据来源：滕州市中心人民医院《出生年份与收入段》（.*第 1 版）.*获取日期 2026-11-20，http.+\/open\/derivatives\//,
    );
    expect(detail.downloads.map((d) => d.url)).toContain(`/api/open/derivatives/${id}/download?format=csv`);
  });

  it('shows a sample of the treated rows to the provider, as publication writes them', async () => {
    const sample = await call<{ columns: { code: string }[]; rows: Record<string, string | null>[] }>(
      'hospital-staff',
      'GET',
      `/api/open/derivatives/admin/${id}/sample`,
    );
    expect(sample.columns.map((c) => c.code)).toEqual(['xm', 'csrq', 'sr']);
    expect(sample.rows).toHaveLength(12);
    expect(sample.rows.every((r) => /^张\*+$/.test(r.xm ?? '') && /^(1980|1990)$/.test(r.csrq ?? ''))).toBe(true);
    await call('health-steward', 'GET', `/api/open/derivatives/admin/${id}/sample`, undefined, 404);
  });

  it('the open exit serves the published table: only the kept, treated columns', async () => {
    const res = await h.app.inject({ method: 'GET', url: `/api/open/derivatives/${id}/download?format=csv` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toContain('张*');
    expect(res.body).toContain('1000-1999');
    expect(res.body).not.toContain(people(0)[0]?.sfzh ?? 'x');
    expect(res.body).not.toContain('1980-01-15');
  });

  it('withdrawal takes it off the portal and drops its table', async () => {
    const table = `od_${id.replaceAll('-', '')}`;
    const withdrawn = await act(id, 'withdraw', { reason: '发现重识别风险' });
    expect(withdrawn).toMatchObject({ state: 'withdrawn', can: { edit: true } });
    const exists = await sql<{ t: string | null }>`select to_regclass(${`resource_data.${table}`})::text as t`.execute(h.db);
    expect(exists.rows[0]?.t).toBeNull();
    const list = await call<PublicDerivativeSummary[]>(null, 'GET', '/api/open/derivatives');
    expect(list.map((d) => d.id)).not.toContain(id);
    const download = await h.app.inject({ method: 'GET', url: `/api/open/derivatives/${id}/download?format=csv` });
    expect(download.statusCode).toBe(404);
    await act(id, 'withdraw', { reason: '再次' }, 409);
  });
});

describe('stale checks and consent', () => {
  it('a check made before a new load must be run again before publishing', async () => {
    const d = await create({ ...generalized, name: '新加载前检查' });
    await act(d.id, 'check');
    await load('people-2', people(100));
    const detail = await call<DerivativeDetail>('hospital-steward', 'GET', `/api/open/derivatives/admin/${d.id}`);
    expect(detail.check).toMatchObject({ passed: true, stale: true });
    expect(detail.can.publish).toBe(false);
    expect(await act<ApiErrorBody>(d.id, 'publish', undefined, 409)).toMatchObject({
      code: 'DEIDENTIFY_CHECK_STALE',
      requirement: 'R18.4',
    });
    const rechecked = await act(d.id, 'check');
    expect(rechecked.check).toMatchObject({ passed: true, stale: false });
    expect((await act(d.id, 'publish')).state).toBe('published');
  });

  it('a failing check is published with the right holder’s recorded consent', async () => {
    const d = await create({ ...strict, name: '权利人同意', k: 3 });
    await act(d.id, 'check');
    await act(d.id, 'publish', undefined, 409);
    const bad = await act<ApiErrorBody>(d.id, 'consent', { holder: '', document: '', date: '2026-12-01' }, 400);
    expect((bad.details?.problems as { field: string }[]).map((p) => p.field)).toEqual(['holder', 'document', 'date']);
    const consented = await act(d.id, 'consent', { holder: '滕州市中心人民医院', document: '授权书〔2026〕12 号', date: '2026-11-18' });
    expect(consented.consent).toMatchObject({
      holder: '滕州市中心人民医院',
      document: '授权书〔2026〕12 号',
      recordedBy: expect.any(String),
    });
    const published = await act(d.id, 'publish');
    expect(published).toMatchObject({ state: 'published', basis: 'consent', check: { passed: false } });
    const pub = await call<PublicDerivative>(null, 'GET', `/api/open/derivatives/${d.id}`);
    expect(pub.consent).toEqual({ holder: '滕州市中心人民医院', document: '授权书〔2026〕12 号', date: '2026-11-18' });
  });
});

describe('publication is one transaction', () => {
  it('a failure after the table was filled leaves no table, no state change and no audit entry', async () => {
    const d = await create({ ...generalized, name: '发布失败' });
    await act(d.id, 'check');
    // The last write of publishing (the derivative's row) fails, after the table was created and filled.
    await sql`create function test_refuse_publish() returns trigger language plpgsql as $$
      begin if new.state = 'published' and new.name = '发布失败' then raise exception 'refused for the test'; end if; return new; end $$`.execute(
      h.db,
    );
    await sql`create trigger refuse_publish before update on open_derivatives for each row execute function test_refuse_publish()`.execute(
      h.db,
    );
    try {
      await act(d.id, 'publish', undefined, 500);
    } finally {
      await sql`drop trigger refuse_publish on open_derivatives`.execute(h.db);
      await sql`drop function test_refuse_publish()`.execute(h.db);
    }
    const exists = await sql<{
      t: string | null;
    }>`select to_regclass(${`resource_data.od_${d.id.replaceAll('-', '')}`})::text as t`.execute(h.db);
    expect(exists.rows[0]?.t).toBeNull();
    const row = await h.db
      .selectFrom('open_derivatives')
      .select(['state', 'table_name', 'rows'])
      .where('id', '=', d.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ state: 'draft', table_name: null, rows: null });
    const audit = await h.db.selectFrom('audit_log').select('action').where('subject_id', '=', d.id).execute();
    expect(audit.map((a) => a.action)).not.toContain('open.derivative.publish');
    expect((await act(d.id, 'publish')).state).toBe('published');
  });
});

describe('who may manage', () => {
  it('only the provider’s steward manages; its staff and the bureau read; other agencies see nothing', async () => {
    const d = await create({ ...generalized, name: '权限' });
    await create(generalized, 'health-steward', 403);
    await create(generalized, 'hospital-staff', 403);
    await create(generalized, 'reviewer', 403);
    await call('health-steward', 'GET', `/api/open/derivatives/admin/${d.id}`, undefined, 404);
    await act(d.id, 'check', undefined, 404, 'health-steward');
    const seen = await call<DerivativeDetail>('reviewer', 'GET', `/api/open/derivatives/admin/${d.id}`);
    expect(seen.can).toEqual({ edit: false, check: false, consent: false, publish: false, withdraw: false });
    const staff = await call<DerivativeDetail>('hospital-staff', 'GET', `/api/open/derivatives/admin/${d.id}`);
    expect(staff.can.check).toBe(false);
    await act(d.id, 'check', undefined, 403, 'hospital-staff');
    const mine = await call<{ id: string }[]>('health-steward', 'GET', '/api/open/derivatives/admin');
    expect(mine.map((x) => x.id)).not.toContain(d.id);
    const all = await call<{ id: string }[]>('reviewer', 'GET', '/api/open/derivatives/admin');
    expect(all.map((x) => x.id)).toContain(d.id);
  });
});
