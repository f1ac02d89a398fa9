/**
 * The register of third-party service providers (R30.1), on the real database: registration rules,
 * who manages whose providers, accounts that stop when the agreement is not in force (sign-in,
 * session and API key) and start again when it is extended, and the expiry notices.
 */
import { makeCreditCode } from '@gongshu/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, testClock, type Harness, type SignedIn } from '../../../test/harness.js';
import { seedDemoServiceProviders } from '../seed/demo-service-providers.js';

const clock = testClock('2026-03-02T23:40:00+08:00');
let h: Harness;
let admin: SignedIn;
let ids: { hrss: string; edu: string; hrssStaff: string; eduStaff: string };

beforeAll(async () => {
  h = await createHarness({ clock });
  admin = await h.signIn('admin');
  const agency = async (code: string) =>
    (await h.db.selectFrom('agencies').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  const user = async (username: string) =>
    (await h.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
  ids = { hrss: await agency('hrss'), edu: await agency('edu'), hrssStaff: await user('hrss-staff'), eduStaff: await user('edu-staff') };
});
afterAll(async () => h.close());

let serial = 0;
function buildProviderInput(overrides: Record<string, unknown> = {}) {
  serial++;
  return {
    agencyId: ids.hrss,
    name: '滕州市测试运维有限公司',
    creditCode: makeCreditCode(`91370481MA000${String(serial).padStart(4, '0')}`),
    agreementNumber: `TEST-${serial}`,
    serviceScope: '业务系统运行维护',
    systems: ['社会保险业务系统'],
    agreementSignedOn: '2025-12-20',
    noRetention: true,
    noUse: true,
    noOnwardTransfer: true,
    validFrom: '2026-01-01',
    validTo: '2026-12-31',
    ...overrides,
  };
}

async function register(signedIn: SignedIn, overrides: Record<string, unknown> = {}) {
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/service-providers',
    headers: signedIn.headers,
    payload: buildProviderInput(overrides),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ provider: { id: string; status: string; daysToExpiry: number } }>().provider;
}

async function link(signedIn: SignedIn, providerId: string, userId: string) {
  return h.app.inject({
    method: 'POST',
    url: `/api/service-providers/${providerId}/accounts`,
    headers: signedIn.headers,
    payload: { userId },
  });
}

describe('registering providers (R30.1)', () => {
  it('refuses an invalid credit code naming the field (GB 32100)', async () => {
    const input = buildProviderInput();
    const bad = `${input.creditCode.slice(0, 17)}${input.creditCode.endsWith('0') ? '1' : '0'}`;
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/service-providers',
      headers: admin.headers,
      payload: { ...input, creditCode: bad },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'CREDIT_CODE_INVALID', field: 'creditCode' });
    expect(await h.db.selectFrom('service_providers').select('id').where('agreement_number', '=', input.agreementNumber).execute()).toEqual(
      [],
    );
  });

  it('refuses an agreement without the no-retention, no-use, no-onward-transfer commitment', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/service-providers',
      headers: admin.headers,
      payload: buildProviderInput({ noOnwardTransfer: false }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'PROVIDER_COMMITMENT_REQUIRED', field: 'noOnwardTransfer', requirement: 'R30.1' });
  });

  it('registers, audited, and refuses the same agreement number twice in one agency', async () => {
    const provider = await register(admin, { agreementNumber: 'DUP-1' });
    expect(provider).toMatchObject({ status: 'in_force' });
    const audit = await h.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'service_provider.create')
      .where('subject_id', '=', provider.id)
      .executeTakeFirstOrThrow();
    expect(audit.actor_label).toBe('admin');
    const again = await h.app.inject({
      method: 'POST',
      url: '/api/service-providers',
      headers: admin.headers,
      payload: buildProviderInput({ agreementNumber: 'DUP-1' }),
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'CONFLICT', field: 'agreementNumber' });
  });
});

describe('who manages whose providers', () => {
  it('a steward manages its own agency’s providers and cannot touch another agency’s', async () => {
    const hrssSteward = await h.signIn('hrss-steward');
    const eduSteward = await h.signIn('edu-steward');
    const own = await register(hrssSteward);
    const foreign = await h.app.inject({
      method: 'POST',
      url: '/api/service-providers',
      headers: eduSteward.headers,
      payload: buildProviderInput(),
    });
    expect(foreign.statusCode).toBe(403);
    for (const req of [
      { method: 'PATCH' as const, url: `/api/service-providers/${own.id}`, payload: { validTo: '2027-12-31' } },
      { method: 'POST' as const, url: `/api/service-providers/${own.id}/end`, payload: { kind: 'terminated', reason: '越权测试' } },
      { method: 'POST' as const, url: `/api/service-providers/${own.id}/accounts`, payload: { userId: ids.eduStaff } },
      { method: 'GET' as const, url: `/api/service-providers/${own.id}` },
      { method: 'GET' as const, url: `/api/service-providers?agencyId=${ids.hrss}` },
    ]) {
      const res = await h.app.inject({ ...req, headers: eduSteward.headers });
      expect(res.statusCode, `${req.method} ${req.url}`).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
    }
    const mine = await h.app.inject({ method: 'GET', url: '/api/service-providers', headers: eduSteward.headers });
    expect(mine.json<{ agencyId: string }[]>().every((p) => p.agencyId === ids.edu)).toBe(true);
    const changed = await h.app.inject({
      method: 'PATCH',
      url: `/api/service-providers/${own.id}`,
      headers: hrssSteward.headers,
      payload: { validTo: '2027-06-30' },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().provider.validTo).toBe('2027-06-30');
  });

  it('security supervisors read every provider but change none', async () => {
    const supervisor = await h.signIn('police-security');
    const list = await h.app.inject({ method: 'GET', url: '/api/service-providers', headers: supervisor.headers });
    expect(list.statusCode).toBe(200);
    expect(list.json<{ agencyId: string }[]>().some((p) => p.agencyId === ids.hrss)).toBe(true);
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/service-providers',
      headers: supervisor.headers,
      payload: buildProviderInput(),
    });
    expect(res.statusCode).toBe(403);
  });

  it('links only accounts of the contracting agency, and not one’s own', async () => {
    const provider = await register(admin);
    const other = await link(admin, provider.id, ids.eduStaff);
    expect(other.statusCode).toBe(400);
    expect(other.json()).toMatchObject({ code: 'PROVIDER_ACCOUNT_INVALID', field: 'userId' });
    const hrssSteward = await h.signIn('hrss-steward');
    const self = await h.db.selectFrom('users').select('id').where('username', '=', 'hrss-steward').executeTakeFirstOrThrow();
    expect((await link(hrssSteward, provider.id, self.id)).statusCode).toBe(400);
  });
});

describe('accounts of a provider act only while its agreement is in force (R30.1)', () => {
  it('an expired agreement stops sign-in, the session and the API key; an extension restores them', async () => {
    // The agreement's last day is today (2 March, China time); the clock stands at 23:40.
    const provider = await register(admin, { validTo: '2026-03-02' });
    expect((await link(admin, provider.id, ids.hrssStaff)).statusCode).toBe(200);
    const staff = await h.signIn('hrss-staff');
    const issued = await h.app.inject({ method: 'POST', url: '/api/me/api-keys', headers: staff.headers, payload: { name: '运维脚本' } });
    expect(issued.statusCode).toBe(201);
    const bearer = { authorization: `Bearer ${issued.json<{ secret: string }>().secret}` };
    const me = (headers: Record<string, string>) => h.app.inject({ method: 'GET', url: '/api/auth/me', headers });
    expect((await me(staff.headers)).statusCode).toBe(200);
    expect((await me(bearer)).statusCode).toBe(200);

    clock.advance(25 * 60_000); // 00:05 on 3 March: past valid_to, the session still within its idle time
    for (const res of [await me(staff.headers), await me(bearer)]) {
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'PROVIDER_AGREEMENT_NOT_IN_FORCE', requirement: 'R30.1' });
    }
    expect(String((await me(staff.headers)).headers['set-cookie'])).toContain('gongshu_session=;');
    // Public routes answer as for a visitor, and the stale cookie is cleared.
    const health = await h.app.inject({ method: 'GET', url: '/api/health', headers: staff.headers });
    expect(health.statusCode).toBe(200);
    expect(String(health.headers['set-cookie'])).toContain('gongshu_session=;');
    const login = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'hrss-staff', password: 'Gongshu@2026' },
    });
    expect(login.statusCode).toBe(403);
    expect(login.json()).toMatchObject({ code: 'PROVIDER_AGREEMENT_NOT_IN_FORCE' });
    const refused = await h.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'auth.login')
      .where('outcome', '=', 'failed')
      .where('subject_id', '=', ids.hrssStaff)
      .executeTakeFirstOrThrow();
    expect(refused.details).toMatchObject({ reason: 'provider_agreement_not_in_force', providerId: provider.id });
    const locked = await h.db.selectFrom('users').select('failed_logins').where('id', '=', ids.hrssStaff).executeTakeFirstOrThrow();
    expect(locked.failed_logins).toBe(0);

    const admin2 = await h.signIn('admin');
    const extended = await h.app.inject({
      method: 'PATCH',
      url: `/api/service-providers/${provider.id}`,
      headers: admin2.headers,
      payload: { validTo: '2026-12-31' },
    });
    expect(extended.statusCode).toBe(200);
    expect((await me(bearer)).statusCode).toBe(200);
    const again = await h.signIn('hrss-staff');
    expect((await me(again.headers)).statusCode).toBe(200);

    // Ended early: the (cached) API key stops at once, not after the cache's time to live.
    const ended = await h.app.inject({
      method: 'POST',
      url: `/api/service-providers/${provider.id}/end`,
      headers: admin2.headers,
      payload: { kind: 'terminated', reason: '违反保密协议' },
    });
    expect(ended.statusCode).toBe(200);
    expect(ended.json().provider).toMatchObject({ state: 'terminated', status: 'terminated', endReason: '违反保密协议' });
    expect((await me(bearer)).statusCode).toBe(403);
    expect((await me(again.headers)).statusCode).toBe(403);
    const endAgain = await h.app.inject({
      method: 'POST',
      url: `/api/service-providers/${provider.id}/end`,
      headers: admin2.headers,
      payload: { kind: 'ended', reason: '重复' },
    });
    expect(endAgain.json()).toMatchObject({ code: 'PROVIDER_STATE_INVALID' });

    // Unlinked, the account is an ordinary agency account again.
    const unlinked = await h.app.inject({
      method: 'DELETE',
      url: `/api/service-providers/${provider.id}/accounts/${ids.hrssStaff}`,
      headers: admin2.headers,
    });
    expect(unlinked.statusCode).toBe(200);
    expect(unlinked.json().accounts).toEqual([]);
    expect((await me(bearer)).statusCode).toBe(200);
  });

  it('an agreement not yet in force stops its accounts too', async () => {
    const provider = await register(admin, { validFrom: '2026-06-01', agreementSignedOn: '2026-05-20' });
    expect(provider.status).toBe('pending');
    const eduProvider = await register(admin, { agencyId: ids.edu, validFrom: '2026-06-01', agreementSignedOn: '2026-05-20' });
    expect((await link(admin, eduProvider.id, ids.eduStaff)).statusCode).toBe(200);
    const login = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'edu-staff', password: 'Gongshu@2026' },
    });
    expect(login.json()).toMatchObject({ code: 'PROVIDER_AGREEMENT_NOT_IN_FORCE' });
  });
});

describe('expiry notices and filters', () => {
  it('tells the agency’s stewards and the bureau administrators once per lapse, 30 days ahead', async () => {
    const provider = await register(admin, { agencyId: ids.edu, validTo: '2026-04-15', name: '滕州市通知测试有限公司' });
    const notices = () =>
      h.db
        .selectFrom('notifications as n')
        .innerJoin('users as u', 'u.id', 'n.user_id')
        .select('u.username')
        .where('n.kind', '=', 'provider.agreement.expiring')
        .where('n.title_zh', 'like', '%通知测试%')
        .execute();
    expect(await h.services.serviceProviders.notifyExpiring(new Date('2026-03-10T09:00:00+08:00'))).toBeGreaterThanOrEqual(0);
    expect(await notices()).toEqual([]);
    await h.services.serviceProviders.notifyExpiring(new Date('2026-03-20T09:00:00+08:00'));
    const first = (await notices()).map((n) => n.username);
    expect(first).toEqual(expect.arrayContaining(['edu-steward', 'admin']));
    await h.services.serviceProviders.notifyExpiring(new Date('2026-03-21T09:00:00+08:00'));
    expect(await notices()).toHaveLength(first.length);
    // Extended: the new end date brings a new notice when it comes near.
    const admin2 = await h.signIn('admin');
    await h.app.inject({
      method: 'PATCH',
      url: `/api/service-providers/${provider.id}`,
      headers: admin2.headers,
      payload: { validTo: '2026-05-31' },
    });
    await h.services.serviceProviders.notifyExpiring(new Date('2026-05-10T09:00:00+08:00'));
    expect(await notices()).toHaveLength(first.length * 2);
  });

  it('filters by agency, status and days to expiry', async () => {
    const soon = await register(admin, { agencyId: ids.edu, validTo: '2026-03-20' });
    const res = await h.app.inject({
      method: 'GET',
      url: `/api/service-providers?agencyId=${ids.edu}&expiringWithinDays=30`,
      headers: (await h.signIn('admin')).headers,
    });
    const list = res.json<{ id: string; agencyId: string; daysToExpiry: number }[]>();
    expect(list.map((p) => p.id)).toContain(soon.id);
    expect(list.every((p) => p.agencyId === ids.edu && p.daysToExpiry <= 30 && p.daysToExpiry >= 0)).toBe(true);
    const terminated = await h.app.inject({ method: 'GET', url: '/api/service-providers?status=terminated', headers: admin.headers });
    expect(terminated.json<{ status: string }[]>().every((p) => p.status === 'terminated')).toBe(true);
  });
});

describe('demo city', () => {
  it('registers the operator company with the operator account linked, its agreement in force', async () => {
    // A database of its own: the tests above registered providers already.
    const d = await createHarness();
    try {
      await demoProviders(d);
    } finally {
      await d.close();
    }
  }, 120_000);
});

async function demoProviders(d: Harness): Promise<void> {
  expect(await seedDemoServiceProviders(d.services)).toBe(2);
  expect(await seedDemoServiceProviders(d.services)).toBe(0);
  const operator = await d.db
    .selectFrom('service_providers as p')
    .innerJoin('users as u', 'u.service_provider_id', 'p.id')
    .select(['p.name', 'p.state'])
    .where('u.username', '=', 'operator')
    .executeTakeFirstOrThrow();
  expect(operator).toMatchObject({ name: '滕州市数据运营有限公司', state: 'active' });
  const res = await d.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'operator', password: 'Gongshu@2026' } });
  expect(res.statusCode).toBe(200);
  const vendor = await d.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'hrss-vendor', password: 'Gongshu@2026' },
  });
  expect(vendor.statusCode).toBe(200);
}
