import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, parseSetCookies, type Harness } from '../../../test/harness.js';
import { DEMO_PASSWORD } from '../seed/demo-city.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h.close());

describe('POST /api/auth/login', () => {
  it('signs in with username and password, sets an HttpOnly SameSite session cookie and returns the CSRF token', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'hrss-steward', password: DEMO_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const setCookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    const session = setCookie.find((c) => c.startsWith('gongshu_session='));
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    const body = res.json();
    expect(body.user.username).toBe('hrss-steward');
    expect(body.user.roles).toEqual(['steward']);
    expect(body.user.agency.name).toBe('滕州市人力资源和社会保障局');
    expect(body.permissions).toContain('workbench.view');
    expect(body.csrfToken).toEqual(expect.any(String));
  });

  it('refuses a wrong password with one error shape in both languages', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'hrss-staff', password: 'wrong-password-1' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({
      code: 'AUTH_INVALID_CREDENTIALS',
      message: { zh: expect.any(String), en: expect.any(String) },
      requestId: expect.any(String),
    });
  });

  it('refuses an unknown user the same way', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody', password: 'whatever-123' } });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('AUTH_INVALID_CREDENTIALS');
  });

  it('refuses a malformed body naming the field', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'body.password' });
  });

  it('locks the account after repeated failures, even for the right password, until the lockout ends', async () => {
    for (let i = 0; i < h.config.loginMaxAttempts - 1; i++) {
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'civil-staff', password: `bad-password-${i}` },
      });
      expect(res.statusCode).toBe(401);
    }
    const last = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'civil-staff', password: 'bad-password-x' },
    });
    expect(last.statusCode).toBe(423);
    expect(last.json().code).toBe('AUTH_LOCKED');
    const right = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'civil-staff', password: DEMO_PASSWORD },
    });
    expect(right.statusCode).toBe(423);
    h.clock.advance((h.config.lockoutMinutes + 1) * 60_000);
    const after = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'civil-staff', password: DEMO_PASSWORD },
    });
    expect(after.statusCode).toBe(200);
  });

  it('rate-limits sign-in attempts per address with 429 and Retry-After', async () => {
    const limited = await createHarness({ env: { GONGSHU_LOGIN_RATE_LIMIT: '3' } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await limited.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody', password: 'x' } });
        codes.push(res.statusCode);
        if (res.statusCode === 429) {
          expect(res.headers['retry-after']).toBeDefined();
          expect(res.json().code).toBe('RATE_LIMITED');
        }
      }
      expect(codes).toEqual([401, 401, 401, 429]);
    } finally {
      await limited.close();
    }
  });

  it('stores passwords as argon2id hashes only', async () => {
    const row = await h.db.selectFrom('users').select('password_hash').where('username', '=', 'admin').executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(DEMO_PASSWORD);
  });
});

describe('sessions', () => {
  it('GET /api/auth/me answers 401 without a session and the user with one', async () => {
    expect((await h.app.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const s = await h.signIn('reviewer');
    const res = await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: s.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.roles).toEqual(['bureau_reviewer']);
  });

  it('ends after the idle timeout', async () => {
    const s = await h.signIn('reviewer');
    h.clock.advance((h.config.sessionIdleMinutes + 1) * 60_000);
    const res = await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: s.headers });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('AUTH_SESSION_EXPIRED');
  });

  it('ends at the absolute expiry even when active', async () => {
    const s = await h.signIn('reviewer');
    const steps = Math.ceil((h.config.sessionAbsoluteHours * 60) / (h.config.sessionIdleMinutes - 1));
    let last = 200;
    for (let i = 0; i < steps; i++) {
      h.clock.advance((h.config.sessionIdleMinutes - 1) * 60_000);
      last = (await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: s.headers })).statusCode;
    }
    expect(last).toBe(401);
  });

  it('ends on logout', async () => {
    const s = await h.signIn('reviewer');
    const out = await h.app.inject({ method: 'POST', url: '/api/auth/logout', headers: s.headers });
    expect(out.statusCode).toBe(204);
    expect((await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: s.headers })).statusCode).toBe(401);
  });

  it('refuses cookie-authenticated writes without the CSRF token', async () => {
    const s = await h.signIn('admin');
    const noToken = await h.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.headers.cookie ?? '' } });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().code).toBe('AUTH_CSRF_INVALID');
    const badToken = await h.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: s.headers.cookie ?? '', 'x-csrf-token': 'forged' },
    });
    expect(badToken.json().code).toBe('AUTH_CSRF_INVALID');
    // Another user's token does not fit this session either.
    const other = await h.signIn('reviewer');
    const crossed = await h.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: s.headers.cookie ?? '', 'x-csrf-token': other.csrfToken },
    });
    expect(crossed.statusCode).toBe(403);
  });

  it('a disabled account loses its sessions at once', async () => {
    const admin = await h.signIn('admin');
    const s = await h.signIn('nature-staff');
    const user = await h.db.selectFrom('users').select('id').where('username', '=', 'nature-staff').executeTakeFirstOrThrow();
    const res = await h.app.inject({ method: 'PATCH', url: `/api/users/${user.id}`, headers: admin.headers, payload: { disabled: true } });
    expect(res.statusCode).toBe(200);
    expect((await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: s.headers })).statusCode).toBe(401);
    const again = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'nature-staff', password: DEMO_PASSWORD },
    });
    expect(again.json().code).toBe('AUTH_DISABLED');
  });

  it('changing one’s password ends the other sessions and enforces the policy', async () => {
    const a = await h.signIn('tax-staff');
    const b = await h.signIn('tax-staff');
    const weak = await h.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: a.headers,
      payload: { currentPassword: DEMO_PASSWORD, newPassword: 'short1' },
    });
    expect(weak.json().code).toBe('PASSWORD_TOO_WEAK');
    const ok = await h.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: a.headers,
      payload: { currentPassword: DEMO_PASSWORD, newPassword: 'A-much-longer-pass-2026' },
    });
    expect(ok.statusCode).toBe(204);
    expect((await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: a.headers })).statusCode).toBe(200);
    expect((await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: b.headers })).statusCode).toBe(401);
  });
});

describe('API keys', () => {
  it('are shown once, stored hashed, work as Bearer tokens without CSRF, and stop when revoked', async () => {
    const s = await h.signIn('hrss-steward');
    const created = await h.app.inject({
      method: 'POST',
      url: '/api/me/api-keys',
      headers: s.headers,
      payload: { name: '人社业务系统', expiresInDays: 30 },
    });
    expect(created.statusCode).toBe(201);
    const { key, secret } = created.json();
    expect(secret).toMatch(/^gsk_/);
    const stored = await h.db.selectFrom('api_keys').selectAll().where('id', '=', key.id).executeTakeFirstOrThrow();
    expect(stored.key_hash).not.toContain(secret);
    expect(JSON.stringify(stored)).not.toContain(secret);
    const list = await h.app.inject({ method: 'GET', url: '/api/me/api-keys', headers: s.headers });
    expect(JSON.stringify(list.json())).not.toContain(secret);

    const me = await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${secret}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ via: 'api_key', csrfToken: null });
    const write = await h.app.inject({
      method: 'POST',
      url: '/api/me/api-keys',
      headers: { authorization: `Bearer ${secret}` },
      payload: { name: 'second' },
    });
    expect(write.statusCode).toBe(201);

    const revoked = await h.app.inject({ method: 'DELETE', url: `/api/me/api-keys/${key.id}`, headers: s.headers });
    expect(revoked.statusCode).toBe(204);
    const after = await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${secret}` } });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('AUTH_API_KEY_INVALID');
  });

  it('expire', async () => {
    const s = await h.signIn('hrss-staff');
    const { secret } = (
      await h.app.inject({ method: 'POST', url: '/api/me/api-keys', headers: s.headers, payload: { name: 'short', expiresInDays: 1 } })
    ).json();
    expect((await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${secret}` } })).statusCode).toBe(
      200,
    );
    h.clock.advance(86_400_000 + 1000);
    expect((await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${secret}` } })).statusCode).toBe(
      401,
    );
  });

  it('stop at once when their owner is disabled, though keys are cached', async () => {
    const owner = await h.signIn('water-staff');
    const { secret } = (
      await h.app.inject({ method: 'POST', url: '/api/me/api-keys', headers: owner.headers, payload: { name: '水务系统' } })
    ).json();
    const bearer = { authorization: `Bearer ${secret}` };
    expect((await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer })).statusCode).toBe(200);
    const user = await h.db.selectFrom('users').select('id').where('username', '=', 'water-staff').executeTakeFirstOrThrow();
    const admin = await h.signIn('admin');
    const disabled = await h.app.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      headers: admin.headers,
      payload: { disabled: true },
    });
    expect(disabled.statusCode).toBe(200);
    const after = await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('AUTH_API_KEY_INVALID');
  });

  it('cannot be revoked by another user', async () => {
    const owner = await h.signIn('market-staff');
    const { key } = (
      await h.app.inject({ method: 'POST', url: '/api/me/api-keys', headers: owner.headers, payload: { name: 'mine' } })
    ).json();
    const other = await h.signIn('market-steward');
    const res = await h.app.inject({ method: 'DELETE', url: `/api/me/api-keys/${key.id}`, headers: other.headers });
    expect(res.statusCode).toBe(404);
  });

  it('sign-in cookies parse', () => {
    expect(parseSetCookies(['a=1; Path=/', 'b=2'])).toEqual({ a: '1', b: '2' });
  });
});
