import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type SignedIn } from '../../../test/harness.js';

let h: Harness;
let admin: SignedIn;
beforeAll(async () => {
  h = await createHarness();
  admin = await h.signIn('admin');
});
afterAll(async () => h.close());

async function agencyId(code: string): Promise<string> {
  return (await h.db.selectFrom('agencies').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}

function buildUser(overrides: Record<string, unknown> = {}) {
  return { username: 'new-person', displayName: '新同事', roles: ['agency_staff'], password: 'Strong-pass-2026', ...overrides };
}

describe('users and roles (R6.1, R8.1)', () => {
  it('creates an agency user with an argon2id password, audited without the password', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: buildUser({ agencyId: await agencyId('hrss') }),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ username: 'new-person', agencyName: '滕州市人力资源和社会保障局', roles: ['agency_staff'] });
    const entry = await h.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'user.create')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(entry.details)).not.toContain('Strong-pass-2026');
  });

  it('refuses a weak password and a taken username', async () => {
    const weak = await h.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: buildUser({ username: 'weakling', password: 'abc', agencyId: await agencyId('hrss') }),
    });
    expect(weak.json().code).toBe('PASSWORD_TOO_WEAK');
    const taken = await h.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: buildUser({ username: 'ADMIN', agencyId: await agencyId('hrss') }),
    });
    expect(taken.statusCode).toBe(409);
  });

  it('keeps roles in their agencies: bureau roles in the bureau, sector supervisors in a sector authority', async () => {
    const bureauRole = await h.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: buildUser({ username: 'fake-admin', roles: ['bureau_admin'], agencyId: await agencyId('hrss') }),
    });
    expect(bureauRole.statusCode).toBe(403);
    expect(bureauRole.json().field).toBe('roles');
    const sector = await h.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: buildUser({ username: 'fake-sector', roles: ['sector_supervisor'], agencyId: await agencyId('hrss') }),
    });
    expect(sector.statusCode).toBe(403);
    const ok = await h.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: buildUser({ username: 'water-sup', roles: ['sector_supervisor'], agencyId: await agencyId('water') }),
    });
    expect(ok.statusCode).toBe(201);
  });

  it('an agency without a steward cannot submit; naming one restores it (R8.1)', async () => {
    const shannan = await agencyId('shannan');
    const steward = await h.db.selectFrom('users').select('id').where('username', '=', 'shannan-steward').executeTakeFirstOrThrow();
    const removed = await h.app.inject({
      method: 'PATCH',
      url: `/api/users/${steward.id}`,
      headers: admin.headers,
      payload: { roles: ['agency_staff'] },
    });
    expect(removed.statusCode).toBe(200);
    const facts = await h.app.inject({ method: 'GET', url: `/api/agencies/${shannan}`, headers: admin.headers });
    expect(facts.json()).toMatchObject({ agency: { stewardCount: 0 }, stewards: [] });
    const staff = await h.signIn('shannan-staff');
    const me = await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: staff.headers });
    expect(me.json().user.agency.hasSteward).toBe(false);

    const named = await h.app.inject({
      method: 'PATCH',
      url: `/api/users/${steward.id}`,
      headers: admin.headers,
      payload: { roles: ['steward'] },
    });
    expect(named.statusCode).toBe(200);
    const entry = await h.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'user.update')
      .where('subject_id', '=', steward.id)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(entry.details).toMatchObject({ rolesBefore: ['agency_staff'], rolesAfter: ['steward'] });
  });

  it('filters by agency, role and name', async () => {
    const res = await h.app.inject({
      method: 'GET',
      url: `/api/users?role=steward&agencyId=${await agencyId('police')}`,
      headers: admin.headers,
    });
    expect(res.json<{ username: string }[]>().map((u) => u.username)).toEqual(['police-steward']);
    const byName = await h.app.inject({ method: 'GET', url: `/api/users?q=${encodeURIComponent('%')}`, headers: admin.headers });
    expect(byName.statusCode).toBe(200);
    expect(byName.json()).toEqual([]);
  });

  it('unlocks a locked account', async () => {
    for (let i = 0; i < h.config.loginMaxAttempts; i++) {
      await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'bus-staff', password: `wrong-${i}-xx` } });
    }
    const user = await h.db
      .selectFrom('users')
      .select(['id', 'locked_until'])
      .where('username', '=', 'bus-staff')
      .executeTakeFirstOrThrow();
    expect(user.locked_until).not.toBeNull();
    const listed = await h.app.inject({ method: 'GET', url: '/api/users?q=bus-staff', headers: admin.headers });
    expect(listed.json()[0].locked).toBe(true);
    await h.app.inject({ method: 'PATCH', url: `/api/users/${user.id}`, headers: admin.headers, payload: { unlock: true } });
    expect((await h.signIn('bus-staff')).csrfToken).toEqual(expect.any(String));
  });

  it('public users cannot be given agency roles', async () => {
    const citizen = await h.db.selectFrom('users').select('id').where('username', '=', 'citizen').executeTakeFirstOrThrow();
    const res = await h.app.inject({
      method: 'PATCH',
      url: `/api/users/${citizen.id}`,
      headers: admin.headers,
      payload: { roles: ['steward'] },
    });
    expect(res.statusCode).toBe(403);
  });
});
