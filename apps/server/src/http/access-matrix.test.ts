/**
 * Issue 8, "It must show": a table-driven authorization test over every route and every role.
 * The table is not written by hand: the routes are those the app registers at run time
 * (`app.apiRoutes`, so a route added tomorrow is covered), the roles are the demo city's accounts
 * (one per role, a steward and staff of an agency, a citizen, a company, and nobody), and the
 * expected answer of each cell comes from the domain's role rules (`authorize`, policies.ts).
 *
 * A probe app, built on the harness's services, answers 204 with a mark for every request that got
 * past the access check (a preValidation hook added after the one of access.ts): the handlers do not
 * run, so the matrix changes nothing and stays fast. A cell whose role lacks the route's permission
 * must be refused by the check: 403 with its code (401 for nobody), unmarked. A cell whose role has
 * it must be marked. Hand-picked cells then go through the real app (the handler answers 400 for the
 * empty body, 200 for a list), and access.test.ts checks, route by route, that an allowed call with a
 * real body succeeds.
 */
import { authorize, PERMISSIONS, type Actor, type Permission } from '@gongshu/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.js';
import { codeOf, PROBE_MARK, probeApp, urlOf } from '../../test/route-probe.js';
import { toActor } from '../modules/auth/auth.service.js';
import { DEMO_ROLE_USERS } from '../modules/seed/demo-city.js';
import { loadActorRecord } from '../modules/users/users.repository.js';
import { HTTP_STATUS } from './errors.http.js';
import type { App } from './types.js';

interface Principal {
  readonly name: string;
  readonly actor: Actor;
  readonly headers: Record<string, string>;
}

/** The demo's account of each role (the first of each), a steward and staff of an agency, a citizen and a company. */
const USERS = [
  ...DEMO_ROLE_USERS.filter((u, i, all) => all.findIndex((v) => v.roles.join() === u.roles.join()) === i).map((u) => u.username),
  'hrss-steward',
  'hrss-staff',
  'citizen',
  'company',
];

let h: Harness;
let probe: App;
const principals: Principal[] = [];

beforeAll(async () => {
  h = await createHarness({ env: { GONGSHU_REGISTER_RATE_LIMIT: '100000', GONGSHU_OPEN_RATE_PER_MINUTE: '100000' } });
  probe = await probeApp(h, 'preValidation');
  principals.push({ name: 'anonymous', actor: { kind: 'anonymous' }, headers: {} });
  for (const username of USERS) {
    const user = await h.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow();
    const record = await loadActorRecord(h.db, user.id);
    if (!record) throw new Error(`no actor for ${username}`);
    principals.push({ name: username, actor: toActor(record, 'session'), headers: (await h.signIn(username)).headers });
  }
});
afterAll(async () => {
  await probe?.close();
  await h?.close();
});

describe('every route × every role', () => {
  it('declares an access that is public, authenticated or a permission of the domain', () => {
    const known = new Set<string>(['public', 'authenticated', ...PERMISSIONS]);
    for (const route of probe.apiRoutes) expect(known.has(route.access), `${route.method} ${route.url}: ${route.access}`).toBe(true);
  });

  it('refuses exactly the roles the role rules refuse, with the access check’s code, before the request is read', async () => {
    const routes = probe.apiRoutes;
    const roles = new Set(principals.flatMap((p) => (p.actor.kind === 'user' ? p.actor.roles : [])));
    expect([...roles].sort()).toEqual(
      [
        'bureau_admin',
        'bureau_reviewer',
        'operator',
        'public_user',
        'sector_supervisor',
        'security_supervisor',
        'steward',
        'agency_staff',
      ].sort(),
    );
    const problems: string[] = [];
    const tally = { cells: 0, refused: 0, allowed: 0 };
    for (const principal of principals) {
      for (const route of routes) {
        const expected = route.access === 'public' ? null : expectedRefusal(principal.actor, route.access);
        const res = await probe.inject({ method: route.method as 'GET', url: urlOf(route), headers: principal.headers });
        const cell = `${principal.name} ${route.method} ${route.url} (${route.access})`;
        const passed = res.headers[PROBE_MARK] === '1';
        tally.cells++;
        if (expected) {
          tally.refused++;
          const code = codeOf(res.body);
          if (passed || res.statusCode !== HTTP_STATUS[expected] || code !== expected) {
            problems.push(`${cell}: expected ${HTTP_STATUS[expected]} ${expected} from the access check, got ${res.statusCode} ${code}`);
          }
        } else {
          tally.allowed++;
          if (!passed || res.statusCode !== 204)
            problems.push(`${cell}: expected past the access check, got ${res.statusCode} ${codeOf(res.body)}`);
        }
      }
    }
    console.info(
      `authorization matrix: ${routes.length} routes × ${principals.length} principals = ${tally.cells} cells (${tally.refused} refused, ${tally.allowed} allowed)`,
    );
    expect(problems).toEqual([]);
    expect(tally.cells).toBe(routes.length * principals.length);
    expect(routes.length).toBeGreaterThan(150);
    expect(tally.refused).toBeGreaterThan(500);
  }, 600_000);

  it('agrees with hand-picked cells on the real app, so the matrix cannot pass by reading the rules wrong', async () => {
    const call = async (who: string, method: 'GET' | 'POST', url: string) => {
      const p = principals.find((x) => x.name === who);
      if (!p) throw new Error(who);
      const res = await h.app.inject({ method, url, headers: p.headers });
      const refusedByCheck =
        res.statusCode === 401 || (res.statusCode === 403 && ['FORBIDDEN', 'STEWARD_REQUIRED'].includes(codeOf(res.body) ?? ''));
      return { status: res.statusCode, passed: !refusedByCheck, code: codeOf(res.body) };
    };
    expect(await call('anonymous', 'GET', '/api/audit')).toMatchObject({ status: 401, passed: false, code: 'AUTH_REQUIRED' });
    expect(await call('citizen', 'GET', '/api/audit')).toMatchObject({ status: 403, passed: false, code: 'FORBIDDEN' });
    expect(await call('hrss-steward', 'GET', '/api/users')).toMatchObject({ status: 403, passed: false });
    expect(await call('police-security', 'GET', '/api/audit')).toMatchObject({ status: 200, passed: true });
    expect(await call('admin', 'POST', '/api/agencies')).toMatchObject({ status: 400, passed: true, code: 'VALIDATION_FAILED' });
    expect(await call('reviewer', 'POST', '/api/agencies')).toMatchObject({ status: 403, passed: false, code: 'FORBIDDEN' });
    expect(await call('company', 'POST', '/api/open/demands')).toMatchObject({ status: 400, passed: true });
    expect(await call('hrss-staff', 'POST', '/api/open/demands')).toMatchObject({ status: 403, passed: false });
    expect(await call('anonymous', 'GET', '/api/portal/summary')).toMatchObject({ status: 200, passed: true });
  });
});

function expectedRefusal(actor: Actor, access: 'authenticated' | Permission) {
  if (actor.kind !== 'user') return 'AUTH_REQUIRED' as const;
  if (access === 'authenticated') return null;
  const decision = authorize(actor, access);
  return decision.ok ? null : decision.refusal.code;
}
