import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.js';
import { HTTP_STATUS } from './errors.http.js';
import { errorCatalog } from '@gongshu/domain';

let h: Harness;
const logLines: string[] = [];
beforeAll(async () => {
  const logStream = new Writable({
    write(chunk: Buffer, _enc, done) {
      logLines.push(chunk.toString());
      done();
    },
  });
  h = await createHarness({ env: { LOG_LEVEL: 'info' }, logStream });
});
afterAll(async () => h.close());

describe('HTTP basics', () => {
  it('GET /api/health names the database', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: h.database.kind });
  });

  it('serves the OpenAPI 3.1 document and the docs UI', async () => {
    const doc = await h.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(doc.json()).toMatchObject({ openapi: '3.1.0', paths: { '/api/auth/login': { post: expect.any(Object) } } });
    const ui = await h.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toMatch(/html/);
  });

  it('sends security headers and a request id', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': 'trace-123' } });
    expect(res.headers['x-request-id']).toBe('trace-123');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('answers malformed JSON with the one error shape', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: { zh: expect.any(String), en: expect.any(String) },
      requestId: expect.any(String),
    });
  });

  it('refuses oversized bodies with 413', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ username: 'x', password: 'y'.repeat(2_000_000) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('VALIDATION_FAILED');
  });

  it('answers unknown API paths with 404 in the one shape', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('NOT_FOUND');
  });

  it('maps every error code to a status', () => {
    expect(Object.keys(HTTP_STATUS).sort()).toEqual(Object.keys(errorCatalog).sort());
  });

  it('logs requests as JSON with request ids and without personal data', async () => {
    const s = await h.signIn('citizen');
    await h.app.inject({ method: 'GET', url: '/api/auth/me?identity=370481199001011234', headers: s.headers });
    const citizen = await h.db
      .selectFrom('users')
      .select(['identity_number', 'display_name'])
      .where('username', '=', 'citizen')
      .executeTakeFirstOrThrow();
    const text = logLines.join('');
    expect(text).toContain('"reqId"');
    expect(text).not.toContain(citizen.identity_number ?? 'never');
    expect(text).not.toContain('370481199001011234');
    expect(text).not.toContain('Gongshu@2026');
    expect(text).not.toContain(s.csrfToken);
    expect(text).not.toContain(s.cookies.gongshu_session ?? 'never');
    for (const line of logLines) expect(() => JSON.parse(line) as unknown).not.toThrow();
  });
});

describe('the web app', () => {
  it('serves files added after start-up, index.html for page paths, and 404 for missing assets', async () => {
    const { mkdtemp, mkdir, writeFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const { buildApp } = await import('./app.js');
    const dist = await mkdtemp(path.join(tmpdir(), 'gongshu-web-'));
    await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>公数</title>');
    await mkdir(path.join(dist, 'assets'));
    const app = await buildApp({ config: h.config, services: h.services, webDist: dist });
    try {
      await writeFile(path.join(dist, 'assets', 'late.js'), 'console.log(1)');
      const asset = await app.inject({ method: 'GET', url: '/assets/late.js' });
      expect(asset.statusCode).toBe(200);
      expect(asset.headers['content-type']).toMatch(/javascript/);
      const page = await app.inject({ method: 'GET', url: '/console/agencies?x=1' });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<title>公数</title>');
      expect((await app.inject({ method: 'GET', url: '/assets/missing.js' })).statusCode).toBe(404);
      expect((await app.inject({ method: 'GET', url: '/api/missing' })).json().code).toBe('NOT_FOUND');
    } finally {
      await app.close();
      await rm(dist, { recursive: true, force: true });
    }
  });
});
