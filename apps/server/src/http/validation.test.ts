import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.js';
import { schemaCompilers } from './validation.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h.close());

const PARTS = ['params', 'querystring', 'headers', 'body'] as const;

describe('schemas compiled on first use', () => {
  it('every API route’s request and response schemas compile (a bad schema fails here, not on a first request)', () => {
    const { eager } = schemaCompilers();
    let validators = 0;
    let serializers = 0;
    for (const route of h.app.apiRoutes) {
      const schema = route.schema as Record<string, unknown> | undefined;
      if (!schema) continue;
      for (const part of PARTS) {
        if (!schema[part]) continue;
        expect(() => eager.validate(schema[part] as object, part), `${route.method} ${route.url} ${part}`).not.toThrow();
        validators++;
      }
      for (const [status, response] of Object.entries((schema.response ?? {}) as Record<string, object>)) {
        expect(() => eager.serialize(response), `${route.method} ${route.url} response ${status}`).not.toThrow();
        serializers++;
      }
    }
    expect(validators).toBeGreaterThan(150);
    expect(serializers).toBeGreaterThan(100);
  });

  it('a lazily compiled validator rejects a bad request with Ajv’s errors, the first time and after', async () => {
    for (let attempt = 0; attempt < 2; attempt++) {
      const res = await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 42 } });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    }
  });

  it('a lazily compiled serializer writes only what the response schema declares', () => {
    const schema = { type: 'object', properties: { name: { type: 'string' } } };
    const serialize = schemaCompilers().serializer({ schema, method: 'GET', url: '/x', httpStatus: '200' });
    for (let attempt = 0; attempt < 2; attempt++) {
      expect(serialize({ name: '张三', passwordHash: 'secret' })).toBe('{"name":"张三"}');
    }
  });
});
