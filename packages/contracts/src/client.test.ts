import { describe, expect, it } from 'vitest';
import { ApiError, createClient, fillPath } from './client.js';
import { getAgency, listUsers, login } from './routes/index.js';

function fakeFetch(status: number, body: unknown, seen: { url?: string; init?: RequestInit }[]): typeof fetch {
  return (async (url: string, init: RequestInit) => {
    seen.push({ url, init });
    return new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
}

describe('typed client', () => {
  it('fills path parameters, encodes the query and sends JSON with the extra headers', async () => {
    const seen: { url?: string; init?: RequestInit }[] = [];
    const call = createClient({ fetch: fakeFetch(200, [], seen), headers: () => ({ 'x-csrf-token': 't' }) });
    await call(listUsers, { query: { q: '张 三', role: 'steward' } });
    expect(seen[0]?.url).toBe('/api/users?q=%E5%BC%A0+%E4%B8%89&role=steward');
    await call(login, { body: { username: 'a', password: 'b' } });
    expect(seen[1]?.init).toMatchObject({
      method: 'POST',
      body: '{"username":"a","password":"b"}',
      headers: { 'x-csrf-token': 't', 'content-type': 'application/json' },
    });
    expect(fillPath(getAgency.url, { id: 'a/b' })).toBe('/api/agencies/a%2Fb');
  });

  it('turns error responses into ApiError with the bilingual message and requirement', async () => {
    const body = {
      statusCode: 403,
      code: 'STEWARD_REQUIRED',
      message: { zh: '本单位尚未指定数据专员', en: 'No steward' },
      requirement: 'R8.1',
      requestId: 'r1',
      details: { agency: 'hrss' },
    };
    const call = createClient({ fetch: fakeFetch(403, body, []) });
    const error = await call(login, { body: { username: 'a', password: 'b' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).body).toMatchObject({ code: 'STEWARD_REQUIRED', requirement: 'R8.1', details: { agency: 'hrss' } });
  });

  it('refuses a missing path parameter', () => {
    expect(() => fillPath('/api/agencies/:id', {})).toThrow(/missing path parameter id/);
  });
});
