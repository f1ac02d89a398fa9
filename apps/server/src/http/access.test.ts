/**
 * One table over every API route (issue 2): without a session 401, with a wrong role 403, with
 * the allowed role success. A route registered without a row here fails the test, so a new
 * route cannot ship without its authorization being checked.
 */
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.js';

interface Case {
  /** A user allowed to call the route (null: public route). */
  readonly allowed: string | null;
  /** A signed-in user who must get 403 (null: every signed-in user may). */
  readonly forbidden: string | null;
  /** Builds the request for the allowed call (ids and bodies). */
  readonly request?: (ids: Ids) => Partial<InjectOptions>;
  readonly expectStatus?: number;
}

interface Ids {
  hrssAgency: string;
  someUser: string;
  apiKey: string;
}

const newAgency = {
  code: 'route-test',
  name: '滕州市路由测试中心',
  kind: 'institution',
  divisionCode: '370481',
  responsiblePerson: { name: '测试', title: '主任', phone: null },
};

const TABLE: Record<string, Case> = {
  'GET /api/health': { allowed: null, forbidden: null },
  'GET /api/portal/summary': { allowed: null, forbidden: null },
  'GET /api/openapi.json': { allowed: null, forbidden: null },
  'POST /api/auth/login': { allowed: null, forbidden: null, request: () => ({ payload: { username: 'admin', password: 'Gongshu@2026' } }) },
  'GET /api/auth/me': { allowed: 'citizen', forbidden: null },
  'POST /api/auth/logout': { allowed: 'citizen', forbidden: null, expectStatus: 204 },
  'POST /api/auth/password': {
    allowed: 'company',
    forbidden: null,
    request: () => ({ payload: { currentPassword: 'Gongshu@2026', newPassword: 'Another-pass-2026' } }),
    expectStatus: 204,
  },
  'GET /api/me/api-keys': { allowed: 'operator', forbidden: null },
  'POST /api/me/api-keys': { allowed: 'operator', forbidden: null, request: () => ({ payload: { name: 'test' } }), expectStatus: 201 },
  'DELETE /api/me/api-keys/:id': {
    allowed: 'hrss-steward',
    forbidden: null,
    request: (ids) => ({ url: `/api/me/api-keys/${ids.apiKey}` }),
    expectStatus: 204,
  },
  'GET /api/agencies': { allowed: 'hrss-staff', forbidden: 'citizen' },
  'GET /api/agencies/:id': { allowed: 'hrss-staff', forbidden: 'citizen', request: (ids) => ({ url: `/api/agencies/${ids.hrssAgency}` }) },
  'POST /api/agencies': { allowed: 'admin', forbidden: 'reviewer', request: () => ({ payload: newAgency }), expectStatus: 201 },
  'PATCH /api/agencies/:id': {
    allowed: 'admin',
    forbidden: 'hrss-steward',
    request: (ids) => ({ url: `/api/agencies/${ids.hrssAgency}`, payload: { shortName: '人社局' } }),
  },
  'GET /api/sector/agencies': { allowed: 'edu-supervisor', forbidden: 'admin' },
  'GET /api/users': { allowed: 'reviewer', forbidden: 'hrss-steward' },
  'POST /api/users': {
    allowed: 'admin',
    forbidden: 'reviewer',
    request: (ids) => ({
      payload: {
        username: 'route-user',
        displayName: '路由测试',
        agencyId: ids.hrssAgency,
        roles: ['agency_staff'],
        password: 'Route-test-2026',
      },
    }),
    expectStatus: 201,
  },
  'PATCH /api/users/:id': {
    allowed: 'admin',
    forbidden: 'reviewer',
    request: (ids) => ({ url: `/api/users/${ids.someUser}`, payload: { displayName: '改名' } }),
  },
  'GET /api/audit': { allowed: 'police-security', forbidden: 'reviewer' },
  'GET /api/audit/verify': { allowed: 'cac-security', forbidden: 'hrss-steward' },
};

let h: Harness;
let ids: Ids;
const placeholder: Ids = {
  hrssAgency: '00000000-0000-4000-8000-000000000001',
  someUser: '00000000-0000-4000-8000-000000000002',
  apiKey: '00000000-0000-4000-8000-000000000003',
};

beforeAll(async () => {
  h = await createHarness();
  const agency = await h.db.selectFrom('agencies').select('id').where('code', '=', 'hrss').executeTakeFirstOrThrow();
  const user = await h.db.selectFrom('users').select('id').where('username', '=', 'hrss-staff').executeTakeFirstOrThrow();
  const steward = await h.signIn('hrss-steward');
  const key = await h.app.inject({ method: 'POST', url: '/api/me/api-keys', headers: steward.headers, payload: { name: 'to revoke' } });
  ids = { hrssAgency: agency.id, someUser: user.id, apiKey: key.json<{ key: { id: string } }>().key.id };
});
afterAll(async () => h.close());

function fill(url: string): string {
  return url.replace(':id', placeholder.hrssAgency);
}

describe('authorization over every API route', () => {
  it('every registered API route has a row in the table, and every row a route', () => {
    const registered = h.app.apiRoutes.map((r) => `${r.method} ${r.url}`).sort();
    expect(registered).toEqual(Object.keys(TABLE).sort());
  });

  for (const [key, c] of Object.entries(TABLE)) {
    const [method, url] = key.split(' ') as [InjectOptions['method'], string];

    if (c.allowed !== null) {
      it(`${key}: no session → 401`, async () => {
        const res = await h.app.inject({ method, url: fill(url), ...(c.request?.(placeholder) ?? {}) });
        expect(res.statusCode).toBe(401);
        expect(res.json().code).toBe('AUTH_REQUIRED');
      });
    }
    if (c.forbidden !== null) {
      it(`${key}: ${c.forbidden} → 403`, async () => {
        const s = await h.signIn(c.forbidden ?? '');
        const res = await h.app.inject({ method, url: fill(url), ...(c.request?.(ids) ?? {}), headers: s.headers });
        expect(res.statusCode).toBe(403);
        expect(res.json().code).toBe('FORBIDDEN');
      });
    }
    it(`${key}: ${c.allowed ?? 'anonymous'} → ${c.expectStatus ?? 200}`, async () => {
      const headers = c.allowed ? (await h.signIn(c.allowed)).headers : {};
      const res = await h.app.inject({ method, url: fill(url), ...(c.request?.(ids) ?? {}), headers });
      expect(res.statusCode, res.body).toBe(c.expectStatus ?? 200);
    });
  }
});
