/**
 * Hardening checks of issue 8 item 8 not already shown elsewhere (docs/security.md, "Hardening and
 * security tests", lists where each control is enforced and tested): security headers on every
 * API route and on the web app's pages, HSTS and Secure cookies behind HTTPS, the password policy
 * rule by rule, an expired session refused before its CSRF token is even looked at, secrets read
 * only from configuration, and the log scanner that fails the run (test/log-scan.ts) catching what
 * it must and nothing else.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DomainError } from '@gongshu/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, parseSetCookies, testLogStream, type Harness } from '../../test/harness.js';
import { demoSecrets, scanLogFolder } from '../../test/log-scan.js';
import { urlOf } from '../../test/route-probe.js';
import { DEFAULT_SESSION_SECRET } from '../config.js';
import { assertPasswordPolicy } from '../modules/auth/passwords.js';
import { DEMO_PASSWORD } from '../modules/seed/demo-city.js';
import { generatePeople } from '../modules/seed/synthetic-people.js';
import { buildApp } from './app.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h?.close());

describe('security headers', () => {
  it('every API route answers with nosniff and without X-Powered-By, whatever it answers', async () => {
    const problems: string[] = [];
    for (const route of h.app.apiRoutes) {
      const res = await h.app.inject({ method: route.method as 'GET', url: urlOf(route) });
      if (res.headers['x-content-type-options'] !== 'nosniff')
        problems.push(`${route.method} ${route.url}: no nosniff (${res.statusCode})`);
      if (res.headers['x-powered-by'] !== undefined) problems.push(`${route.method} ${route.url}: X-Powered-By`);
    }
    expect(problems).toEqual([]);
  });

  it('pages and files of the web app carry CSP, frame, referrer and opener policies; no HSTS over plain HTTP', async () => {
    const dist = await mkdtemp(path.join(tmpdir(), 'gongshu-web-'));
    await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>公数</title>');
    await mkdir(path.join(dist, 'assets'));
    await writeFile(path.join(dist, 'assets', 'app.js'), 'console.log(1)');
    const app = await buildApp({ config: h.config, services: h.services, webDist: dist, logStream: testLogStream() });
    try {
      for (const url of ['/', '/open/resources/x', '/assets/app.js', '/api/health']) {
        const res = await app.inject({ method: 'GET', url });
        expect(res.statusCode, url).toBe(200);
        const csp = res.headers['content-security-policy'] ?? '';
        expect(csp, url).toContain("default-src 'self'");
        expect(csp, url).toContain("script-src 'self'");
        expect(csp, url).toContain("frame-ancestors 'none'");
        expect(csp, url).toContain("object-src 'none'");
        expect(res.headers['x-frame-options'], url).toBe('SAMEORIGIN');
        expect(res.headers['x-content-type-options'], url).toBe('nosniff');
        expect(res.headers['referrer-policy'], url).toBe('no-referrer');
        expect(res.headers['cross-origin-opener-policy'], url).toBe('same-origin');
        expect(res.headers['strict-transport-security'], url).toBeUndefined();
        expect(res.headers['x-powered-by'], url).toBeUndefined();
      }
    } finally {
      await app.close();
      await rm(dist, { recursive: true, force: true });
    }
  });
});

describe('behind HTTPS (GONGSHU_SECURE_COOKIES, the production default)', () => {
  let secure: Harness;
  beforeAll(async () => {
    secure = await createHarness({ env: { GONGSHU_SECURE_COOKIES: 'true' } });
  });
  afterAll(async () => secure?.close());

  it('sends HSTS for a year with subdomains', async () => {
    const res = await secure.app.inject({ method: 'GET', url: '/api/health' });
    const hsts = res.headers['strict-transport-security'] ?? '';
    expect(hsts).toMatch(/max-age=(\d+)/);
    expect(Number(/max-age=(\d+)/.exec(String(hsts))?.[1])).toBeGreaterThanOrEqual(31_536_000);
    expect(hsts).toContain('includeSubDomains');
  });

  it('marks the session and CSRF cookies Secure, HttpOnly, SameSite=Lax, path /, the session ending at the absolute expiry', async () => {
    const res = await secure.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'reviewer', password: DEMO_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const lines = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    const session = lines.find((l) => l.startsWith('gongshu_session='));
    const csrf = lines.find((l) => l.startsWith('_csrf='));
    for (const line of [session, csrf]) {
      expect(line).toBeDefined();
      expect(line).toMatch(/;\s*Secure/i);
      expect(line).toMatch(/;\s*HttpOnly/i);
      expect(line).toMatch(/;\s*SameSite=Lax/i);
      expect(line).toMatch(/;\s*Path=\//i);
    }
    expect(session).toMatch(new RegExp(`Max-Age=${secure.config.sessionAbsoluteHours * 3600}`));
    // The session token is random (256 bits), the CSRF cookie signed.
    expect(parseSetCookies(session)['gongshu_session']).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe('password policy (passwords.ts: at least 10 characters with letters and digits, not the username)', () => {
  const refused = (password: string, username = 'hrss-staff') => {
    try {
      assertPasswordPolicy(password, username, 'newPassword');
      return null;
    } catch (error) {
      return error instanceof DomainError ? { code: error.code, field: error.refusal.field } : error;
    }
  };

  it.each([
    ['too short', 'Abc12345!'],
    ['no digit', 'Only-letters-here'],
    ['no letter', '1234567890-12'],
    ['the username inside', 'My-hrss-staff-2026'],
    ['the username in other case', 'HRSS-STAFF-pass-9'],
    ['empty', ''],
  ])('refuses a password with %s (PASSWORD_TOO_WEAK, naming the field)', (_why, password) => {
    expect(refused(password)).toEqual({ code: 'PASSWORD_TOO_WEAK', field: 'newPassword' });
  });

  it.each([['Gongshu@2026'], ['a-much-longer-pass-2026'], ['滕州数据2026abc'], ['abcdefghi1']])('accepts %s', (password) => {
    expect(refused(password)).toBeNull();
  });
});

describe('session expiry', () => {
  it('an idle-expired session cannot write: 401 AUTH_SESSION_EXPIRED (not a CSRF refusal), the cookie cleared, nothing done', async () => {
    const s = await h.signIn('hrss-steward');
    h.clock.advance((h.config.sessionIdleMinutes + 1) * 60_000);
    const res = await h.app.inject({ method: 'POST', url: '/api/me/api-keys', headers: s.headers, payload: { name: 'after expiry' } });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('AUTH_SESSION_EXPIRED');
    expect(([] as string[]).concat(res.headers['set-cookie'] ?? []).some((c) => /^gongshu_session=;/.test(c))).toBe(true);
    const keys = await h.db
      .selectFrom('api_keys')
      .innerJoin('users', 'users.id', 'api_keys.user_id')
      .select('api_keys.id')
      .where('users.username', '=', 'hrss-steward')
      .where('api_keys.name', '=', 'after expiry')
      .execute();
    expect(keys).toEqual([]);
  });
});

describe('secrets only from configuration', () => {
  async function sources(dir: string): Promise<string[]> {
    const out: string[] = [];
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) out.push(...(await sources(file)));
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.includes('fixtures')) out.push(file);
    }
    return out;
  }

  it('only config.ts reads the environment, and only it holds the development secret', async () => {
    const root = path.resolve(import.meta.dirname, '..');
    const files = await sources(root);
    expect(files.length).toBeGreaterThan(100);
    const readers: string[] = [];
    const holders: string[] = [];
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      const relative = path.relative(root, file);
      if (/process\.env\b/.test(text) && relative !== 'config.ts') readers.push(relative);
      if (text.includes(DEFAULT_SESSION_SECRET) && relative !== 'config.ts') holders.push(relative);
    }
    expect(readers).toEqual([]);
    expect(holders).toEqual([]);
  });
});

describe('the log scan run after all test files (test/log-scan.ts, global-setup.ts)', () => {
  const people = generatePeople(30);

  async function scan(lines: string[], tokens: string[] = []) {
    const dir = await mkdtemp(path.join(tmpdir(), 'gongshu-scan-'));
    try {
      await writeFile(path.join(dir, 'worker-1.log'), lines.join('\n'));
      if (tokens.length) await writeFile(path.join(dir, 'worker-1.tokens'), tokens.join('\n'));
      return await scanLogFolder(dir);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  const line = (msg: string) => JSON.stringify({ level: 30, time: 1795770635597, reqId: 'r1', msg });

  it('knows the demo citizens: 30 ID numbers, names and phones, and the demo password', () => {
    const labels = demoSecrets().map((n) => n.label);
    expect(labels.filter((l) => l.endsWith('ID number'))).toHaveLength(30);
    expect(labels.filter((l) => l.endsWith('name'))).toHaveLength(30);
    expect(labels).toContain('the demo password');
  });

  it('finds a planted ID number, name, password, handed-out token, API key and password field, naming file and line', async () => {
    const token = 'A'.repeat(20) + 'b'.repeat(23);
    const findings = await scan(
      [
        line('fine'),
        line(`looked up ${people[3]?.citizenId ?? ''}`),
        line(`hello ${people[5]?.name ?? ''}`),
        line(`signed in with ${DEMO_PASSWORD}`),
        line(`cookie ${token}`),
        line('key gsk_abcdefghijklmnopqrstuvwxyz0123456789'),
        JSON.stringify({ body: { password: 'x' } }),
      ],
      [token],
    );
    expect(findings.map((f) => [f.line, f.label])).toEqual([
      [2, 'demo citizen 3 ID number'],
      [3, 'demo citizen 5 name'],
      [4, 'the demo password'],
      [5, 'a session or CSRF token'],
      [6, 'an API key'],
      [7, 'a password field'],
    ]);
    expect(findings[0]?.file).toMatch(/worker-1\.log$/);
  });

  it('does not mistake numbers inside timestamps or longer numbers for an ID number or a phone', async () => {
    const phone = people[0]?.phone ?? '';
    const id = people[0]?.citizenId ?? '';
    expect(
      await scan([line(`n=9${phone}7`), line(`x=1${id}`), JSON.stringify({ time: Number(`${phone}42`) }), line('"cookie":"[Redacted]"')]),
    ).toEqual([]);
  });
});
