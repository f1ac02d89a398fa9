/**
 * CSRF on every cookie-authenticated write (issue 8 item 8, R29.1), over the routes the app
 * registers at run time (`app.apiRoutes`): a write (POST, PUT, PATCH, DELETE) sent with a valid
 * session cookie but without the session's CSRF token, or with another session's token, is refused
 * with 403 AUTH_CSRF_INVALID (CKAN's routes answer it in CKAN's shape, docs/interoperability.md)
 * before the request goes any further; the same write with an API key and no cookie is not.
 * Sign-in is exempt by nature: it is the request that creates the session and hands out the token
 * (a sign-in sent with a live session's cookie is a write under that session and needs its token).
 * auth.plugin.ts enforces it; auth.test.ts shows the token's life on one route.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type SignedIn } from '../../test/harness.js';
import { PROBE_MARK, probeApp, urlOf } from '../../test/route-probe.js';
import type { ApiRoute } from './access.js';
import type { App } from './types.js';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let h: Harness;
let probe: App;
let admin: SignedIn;
let citizen: SignedIn;
let apiKey: string;

beforeAll(async () => {
  h = await createHarness({ env: { GONGSHU_REGISTER_RATE_LIMIT: '100000', GONGSHU_OPEN_RATE_PER_MINUTE: '100000' } });
  // The probe answers 204 as soon as a request is past every onRequest hook (the CSRF check is one),
  // so writes let through change nothing.
  probe = await probeApp(h, 'onRequest');
  admin = await h.signIn('admin');
  citizen = await h.signIn('citizen');
  const key = await h.app.inject({ method: 'POST', url: '/api/me/api-keys', headers: admin.headers, payload: { name: 'csrf-test' } });
  expect(key.statusCode).toBe(201);
  apiKey = key.json<{ secret: string }>().secret;
});
afterAll(async () => {
  await probe?.close();
  await h?.close();
});

const writes = (): ApiRoute[] => h.app.apiRoutes.filter((r) => WRITES.has(r.method) && r.url !== '/api/auth/login');

function csrfRefusal(res: { statusCode: number; body: string }): boolean {
  if (res.statusCode !== 403) return false;
  const body = JSON.parse(res.body) as { code?: string; success?: boolean; error?: { __type?: string; message?: string } };
  if (body.code === 'AUTH_CSRF_INVALID') return true;
  return body.success === false && body.error?.__type === 'Authorization Error' && /csrf/i.test(body.error.message ?? '');
}

describe('CSRF over every cookie-authenticated write', () => {
  it('refuses every write route called with the session cookie and no token or another session’s token', async () => {
    const routes = writes();
    expect(routes.length).toBeGreaterThan(60);
    const problems: string[] = [];
    for (const route of routes) {
      for (const [who, s, token] of [
        ['admin without a token', admin, null],
        ['citizen without a token', citizen, null],
        ['admin with the citizen’s token', admin, citizen.csrfToken],
      ] as const) {
        const headers: Record<string, string> = { cookie: s.headers.cookie ?? '', ...(token ? { 'x-csrf-token': token } : {}) };
        const res = await h.app.inject({ method: route.method as 'POST', url: urlOf(route), headers, payload: {} });
        if (!csrfRefusal(res)) problems.push(`${route.method} ${route.url} (${who}): ${res.statusCode} ${res.body.slice(0, 120)}`);
      }
    }
    console.info(`CSRF: ${routes.length} write routes refused without the session's token`);
    expect(problems).toEqual([]);
    // The sessions are still alive: a refusal does not end them.
    expect((await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: admin.headers })).statusCode).toBe(200);
  }, 300_000);

  it('lets the same writes through with an API key and no cookie, and with the session’s own token', async () => {
    const problems: string[] = [];
    for (const route of writes()) {
      const viaKey = await probe.inject({
        method: route.method as 'POST',
        url: urlOf(route),
        headers: { authorization: `Bearer ${apiKey}` },
      });
      if (viaKey.statusCode !== 204 || viaKey.headers[PROBE_MARK] !== '1')
        problems.push(`${route.method} ${route.url} (API key): ${viaKey.statusCode}`);
      const withToken = await probe.inject({ method: route.method as 'POST', url: urlOf(route), headers: admin.headers });
      if (withToken.statusCode !== 204) problems.push(`${route.method} ${route.url} (session and token): ${withToken.statusCode}`);
    }
    expect(problems).toEqual([]);
  }, 300_000);

  it('on the real app, an API-key write is judged on its merits, not refused for CSRF', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/api/agencies', headers: { authorization: `Bearer ${apiKey}` }, payload: {} });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
    const viaHeader = await h.app.inject({ method: 'POST', url: '/api/notifications/read-all', headers: { 'x-api-key': apiKey } });
    expect(viaHeader.statusCode).toBe(204);
  });

  it('sign-in needs no token when no session is live', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'reviewer', password: 'wrong-password-1' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('AUTH_INVALID_CREDENTIALS');
  });
});
