import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type SignedIn } from '../../../test/harness.js';

let h: Harness;
let admin: SignedIn;
beforeAll(async () => {
  h = await createHarness();
  admin = await h.signIn('admin');
});
afterAll(async () => h.close());

function buildAgencyInput(overrides: Record<string, unknown> = {}) {
  return {
    code: 'stats',
    name: '滕州市统计局',
    kind: 'department',
    divisionCode: '370481',
    responsiblePerson: { name: '齐志远', title: '局长', phone: '0632-5500000' },
    ...overrides,
  };
}

async function idOf(code: string): Promise<string> {
  return (await h.db.selectFrom('agencies').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}

describe('agency register (R5.1, R6.1, R27.1)', () => {
  it('lists the demo city with steward counts', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/agencies', headers: admin.headers });
    const agencies = res.json<{ code: string; level: string; stewardCount: number; kind: string }[]>();
    expect(agencies.length).toBeGreaterThanOrEqual(15);
    expect(agencies.filter((a) => a.level === 'town').map((a) => a.code)).toEqual(expect.arrayContaining(['jinghe', 'beixin', 'shannan']));
    expect(agencies.every((a) => a.stewardCount >= 1)).toBe(true);
  });

  it('creates an agency with its first responsible person, audited', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/api/agencies', headers: admin.headers, payload: buildAgencyInput() });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.agency).toMatchObject({ code: 'stats', level: 'city', stewardCount: 0 });
    expect(body.responsiblePerson).toEqual({ name: '齐志远', title: '局长', phone: '0632-5500000' });
    const audit = await h.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'agency.create')
      .where('subject_id', '=', body.agency.id)
      .executeTakeFirstOrThrow();
    expect(audit.actor_label).toBe('admin');
  });

  it('refuses a duplicate code naming the field', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/agencies',
      headers: admin.headers,
      payload: buildAgencyInput({ name: '另一个名称' }),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'CONFLICT', field: 'code' });
  });

  it('refuses an invalid credit code (R11.2) and leaves nothing behind', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/agencies',
      headers: admin.headers,
      payload: buildAgencyInput({ code: 'bad-credit', name: '信用代码错误单位', creditCode: '91350100M000100Y44' }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'CREDIT_CODE_INVALID', field: 'creditCode', requirement: 'R11.2' });
    expect(await h.db.selectFrom('agencies').select('id').where('code', '=', 'bad-credit').executeTakeFirst()).toBeUndefined();
  });

  it('a town needs a 9-digit township division code and gets level town (R15.2)', async () => {
    const bad = await h.app.inject({
      method: 'POST',
      url: '/api/agencies',
      headers: admin.headers,
      payload: buildAgencyInput({ code: 'longquan', name: '滕州市龙泉街道办事处', kind: 'town' }),
    });
    expect(bad.json()).toMatchObject({ code: 'AGENCY_HIERARCHY_INVALID', field: 'divisionCode' });
    const good = await h.app.inject({
      method: 'POST',
      url: '/api/agencies',
      headers: admin.headers,
      payload: buildAgencyInput({ code: 'longquan', name: '滕州市龙泉街道办事处', kind: 'town', divisionCode: '370481004' }),
    });
    expect(good.statusCode).toBe(201);
    expect(good.json().agency.level).toBe('town');
  });

  it('refuses a loop in the hierarchy', async () => {
    const health = await idOf('health');
    const hospital = await idOf('hospital');
    const res = await h.app.inject({
      method: 'PATCH',
      url: `/api/agencies/${health}`,
      headers: admin.headers,
      payload: { parentId: hospital },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('AGENCY_HIERARCHY_INVALID');
  });

  it('keeps one authority per sector', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/agencies',
      headers: admin.headers,
      payload: buildAgencyInput({ code: 'edu2', name: '第二教育局', sectorAuthorityOf: 'education' }),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().field).toBe('sectorAuthorityOf');
  });

  it('updates with before and after in the audit entry', async () => {
    const id = await idOf('tax');
    const res = await h.app.inject({
      method: 'PATCH',
      url: `/api/agencies/${id}`,
      headers: admin.headers,
      payload: { responsiblePerson: { name: '新局长', title: '局长', phone: null } },
    });
    expect(res.statusCode).toBe(200);
    const entry = await h.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'agency.update')
      .where('subject_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(entry.details).toMatchObject({
      before: { responsiblePerson: { name: '何慧敏' } },
      after: { responsiblePerson: { name: '新局长' } },
    });
  });

  it('a steward reads its own agency but not another (R6.1)', async () => {
    const s = await h.signIn('hrss-steward');
    expect((await h.app.inject({ method: 'GET', url: `/api/agencies/${await idOf('hrss')}`, headers: s.headers })).statusCode).toBe(200);
    expect((await h.app.inject({ method: 'GET', url: `/api/agencies/${await idOf('police')}`, headers: s.headers })).statusCode).toBe(403);
  });

  it('a sector supervisor sees the agencies of its sector only (R6.1)', async () => {
    const s = await h.signIn('edu-supervisor');
    const res = await h.app.inject({ method: 'GET', url: '/api/sector/agencies', headers: s.headers });
    const codes = res
      .json<{ code: string }[]>()
      .map((a) => a.code)
      .sort();
    expect(codes).toEqual(['edu', 'school1']);
    expect((await h.app.inject({ method: 'GET', url: `/api/agencies/${await idOf('school1')}`, headers: s.headers })).statusCode).toBe(200);
    expect((await h.app.inject({ method: 'GET', url: `/api/agencies/${await idOf('hospital')}`, headers: s.headers })).statusCode).toBe(
      403,
    );
  });

  it('answers 404 for an unknown agency and 400 for a malformed id', async () => {
    expect(
      (await h.app.inject({ method: 'GET', url: '/api/agencies/00000000-0000-4000-8000-000000000000', headers: admin.headers })).statusCode,
    ).toBe(404);
    const bad = await h.app.inject({ method: 'GET', url: '/api/agencies/not-a-uuid', headers: admin.headers });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'params.id' });
  });
});
