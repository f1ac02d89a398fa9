/**
 * Correlation assessment (R31.1) through the HTTP API on a real database: a grant that would let a
 * consumer join level-3 data on the citizen ID number is refused until a security supervisor
 * records an assessment that permits it; a refusal rejects the request; level ≤ 2 data and
 * requests without the identifier are not held up; every assessment is audited.
 */
import type { ApiErrorBody, CorrelationQueueItem, CorrelationStatus, ShareRequestDetail } from '@gongshu/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, testClock, type Harness, type SignedIn } from '../../../test/harness.js';
import { PEOPLE_FIELDS, publishResource } from '../aggregation/aggregation.fixtures.js';
import { seedDemoCorrelation } from '../seed/demo-correlation.js';

const COMMITMENTS = { authenticity: true, compliance: true, security: true, ownDutiesOnly: true, noOnwardProvision: true };
const clock = testClock('2026-09-01T09:00:00+08:00');
let h: Harness;
const sessions = new Map<string, SignedIn>();

async function call<T>(who: string, method: 'GET' | 'POST', url: string, payload?: unknown, status = 200): Promise<T> {
  const session = sessions.get(who) ?? (await h.signIn(who));
  sessions.set(who, session);
  const res = await h.app.inject({
    method,
    url,
    headers: session.headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  expect(res.statusCode, `${method} ${url} as ${who}: ${res.body}`).toBe(status);
  return res.json<T>();
}

const request = (resourceId: string, fields?: string[]) => ({
  resourceId,
  ...(fields ? { fields } : {}),
  scenario: '社会救助对象资格核验',
  legalDuty: '《社会救助暂行办法》第十一条',
  periodFrom: '2026-09-01',
  periodTo: '2027-08-31',
  commitments: COMMITMENTS,
});
const file = (who: string, resourceId: string, fields?: string[]) =>
  call<ShareRequestDetail>(who, 'POST', '/api/share/requests', request(resourceId, fields), 201);
const formal = (id: string) => call<ShareRequestDetail>('reviewer', 'POST', `/api/share/requests/${id}/formal-review`, { approve: true });
const provide = (id: string, status = 200) =>
  call<ShareRequestDetail & ApiErrorBody>('hrss-steward', 'POST', `/api/share/requests/${id}/provider-review`, { approve: true }, status);
const correlation = (who: string, id: string) => call<CorrelationStatus>(who, 'GET', `/api/share/requests/${id}/correlation`);
const assess = (who: string, id: string, body: Record<string, string>, status = 201) =>
  call<CorrelationStatus & ApiErrorBody>(who, 'POST', `/api/share/requests/${id}/correlation/assessments`, body, status);
const queue = () => call<CorrelationQueueItem[]>('cac-security', 'GET', '/api/security/correlation-queue');

/** Level-3 resources with the citizen ID (the fixture: 姓名 and 出生日期 are sensitive). */
let level3a: string;
let level3b: string;
let level3c: string;
/** Level-2 resources whose only sensitive field is the citizen ID itself. */
let level2a: string;
let level2b: string;

beforeAll(async () => {
  h = await createHarness({ clock });
  level3a = (await publishResource(h, 'hrss', { securityLevel: 3 })).resourceId;
  level3b = (await publishResource(h, 'hrss', { securityLevel: 3 })).resourceId;
  level3c = (await publishResource(h, 'hrss', { securityLevel: 3 })).resourceId;
  const internal = PEOPLE_FIELDS.map((f) => (f.identifierRole === 'citizen_id' ? f : { ...f, sensitivity: 'internal' as const }));
  level2a = (await publishResource(h, 'hrss', { securityLevel: 2, fields: internal })).resourceId;
  level2b = (await publishResource(h, 'hrss', { securityLevel: 2, fields: internal })).resourceId;
}, 180_000);

afterAll(async () => {
  await h.close();
});

describe('R31.1: joining a level-3 citizen-ID resource with one already held', () => {
  let blocked: string;
  let refusedId: string;

  it('the first grant needs no assessment: nothing is held yet', async () => {
    const first = await file('market-steward', level3a);
    expect((await correlation('market-steward', first.id)).required).toBe(false);
    await formal(first.id);
    expect((await provide(first.id)).state).toBe('granted');
  });

  it('a second one is marked 需安全评估 when filed, with the joinable resources and the identifier', async () => {
    const second = await file('market-steward', level3b);
    blocked = second.id;
    const status = await correlation('market-steward', blocked);
    expect(status).toMatchObject({ required: true, canAssess: false, latest: null, risk: { applies: true, identifierRole: 'citizen_id' } });
    expect(status.risk.resources.map((r) => [r.resourceId, r.requested])).toEqual([
      [level3b, true],
      [level3a, false],
    ]);
    expect(status.risk.resources[0]?.identifierFields).toEqual(['sfzh']);
    expect(status.risk.resources[0]?.level3Fields.map((f) => f.code)).toEqual(expect.arrayContaining(['xm']));
    expect(status.risk.resources[1]?.grantNumbers).toHaveLength(1);
    expect(status.risk.reason.zh).toContain('R31.1');
    expect((await correlation('cac-security', blocked)).canAssess).toBe(true);
    expect((await queue()).map((q) => q.requestId)).toContain(blocked);
    const notes = await call<{ items: { kind: string }[] }>('cac-security', 'GET', '/api/notifications');
    expect(notes.items.some((n) => n.kind === 'security.correlation')).toBe(true);
  });

  it('the final approval is refused with CORRELATION_ASSESSMENT_REQUIRED and nothing is granted', async () => {
    await formal(blocked);
    const refused = await provide(blocked, 409);
    expect(refused).toMatchObject({ code: 'CORRELATION_ASSESSMENT_REQUIRED', requirement: 'R31.1' });
    const after = await call<ShareRequestDetail>('market-steward', 'GET', `/api/share/requests/${blocked}`);
    expect(after).toMatchObject({ state: 'provider_review', grantId: null });
    const check = await h.db.selectFrom('correlation_checks').selectAll().where('share_request_id', '=', blocked).executeTakeFirstOrThrow();
    expect(check).toMatchObject({ applies: true, stage: 'approval' });
  });

  it('only security supervisors and bureau administrators record; a conditional permit states its conditions', async () => {
    const body = { conclusion: 'permit', opinion: '关联用于救助资格核验，风险可控', basis: '《数据安全法》第二十一条' };
    await assess('reviewer', blocked, body, 403);
    await assess('hrss-steward', blocked, body, 403);
    await assess('market-steward', blocked, body, 403);
    const incomplete = await assess('cac-security', blocked, { ...body, conclusion: 'permit_with_conditions' }, 400);
    expect(incomplete).toMatchObject({ code: 'CORRELATION_ASSESSMENT_INVALID', field: 'measures' });
  });

  it('a permit with conditions unblocks the grant; the conditions stay on the record', async () => {
    const measures = '仅限核验接口调用，结果不落地存储；每季度报告使用情况';
    const recorded = await assess('cac-security', blocked, {
      conclusion: 'permit_with_conditions',
      opinion: '关联用于救助资格核验，采取措施后风险可控',
      measures,
      basis: '《数据安全法》第二十一条；GB/T 35273—2020',
    });
    expect(recorded).toMatchObject({
      required: false,
      latest: { conclusion: 'permit_with_conditions', measures, assessor: expect.any(String) },
    });
    expect(recorded.latest?.risk.resources).toHaveLength(2);
    expect((await queue()).map((q) => q.requestId)).not.toContain(blocked);
    const granted = await provide(blocked);
    expect(granted.state).toBe('granted');
    expect(granted.events.map((e) => e.action)).toContain('correlation_assessed');
    // The requester sees the conditions too.
    expect((await correlation('market-steward', blocked)).latest?.measures).toBe(measures);
  });

  it('a refusal rejects the request, with the assessment as the reason the requester sees', async () => {
    const third = await file('market-steward', level3c);
    refusedId = third.id;
    expect((await correlation('market-steward', third.id)).risk.resources).toHaveLength(3);
    const refused = await assess('police-security', third.id, {
      conclusion: 'refuse',
      opinion: '三项资源关联后可形成个人画像，超出救助核验所需',
      basis: '《个人信息保护法》第六条',
    });
    expect(refused).toMatchObject({ state: 'rejected', required: false, canAssess: false });
    const seen = await call<ShareRequestDetail>('market-steward', 'GET', `/api/share/requests/${third.id}`);
    expect(seen.state).toBe('rejected');
    expect(seen.rejection).toMatchObject({
      by: 'security',
      reasons: [{ reason: '三项资源关联后可形成个人画像，超出救助核验所需', legalBasis: '《个人信息保护法》第六条' }],
    });
    await assess('police-security', third.id, { conclusion: 'permit', opinion: '再评', basis: '—' }, 409);
  });

  it('every assessment is audited and the chain verifies', async () => {
    const rows = await h.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'security.correlation.assess')
      .where('subject_id', 'in', [blocked, refusedId])
      .execute();
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => (r.details as { conclusion: string }).conclusion).sort()).toEqual(['permit_with_conditions', 'refuse']);
    expect((await h.services.audit.verify(h.db)).ok).toBe(true);
  });
});

describe('R31.1: what is not held up', () => {
  it('level ≤ 2 data whose only sensitive field is the identifier', async () => {
    const first = await file('police-steward', level2a);
    await formal(first.id);
    expect((await provide(first.id)).state).toBe('granted');
    const second = await file('police-steward', level2b);
    expect((await correlation('police-steward', second.id)).risk.applies).toBe(false);
    await formal(second.id);
    expect((await provide(second.id)).state).toBe('granted');
    await assess('cac-security', second.id, { conclusion: 'permit', opinion: '无', basis: '无' }, 409);
  });

  it('a request that leaves out the citizen ID, although the consumer holds level-3 data', async () => {
    const other = await file('market-steward', level3c, ['xm', 'sr']);
    const status = await correlation('market-steward', other.id);
    expect(status).toMatchObject({ required: false, risk: { applies: false, resources: [] } });
    await formal(other.id);
    expect((await provide(other.id)).state).toBe('granted');
  });
});

describe('the demo city (modules/seed/demo-correlation.ts)', () => {
  it('has a request awaiting assessment and one permitted with conditions and granted', async () => {
    // The test database has the demo city without its catalog: the demo picks this file's resources.
    expect(await seedDemoCorrelation(h.services)).toBe(3);
    expect(await seedDemoCorrelation(h.services)).toBe(0);
    const demo = await h.db
      .selectFrom('share_requests')
      .select(['id', 'state'])
      .where('scenario', 'like', '学生资助对象家庭经济状况跨部门核验%')
      .execute();
    const waiting = (await queue()).filter((q) => demo.some((d) => d.id === q.requestId));
    expect(waiting.length).toBeGreaterThanOrEqual(1);
    expect(waiting[0]?.risk.resources.length).toBeGreaterThanOrEqual(2);
    const statuses = await Promise.all(demo.map((d) => correlation('cac-security', d.id)));
    const permitted = statuses.find((s) => s.latest?.conclusion === 'permit_with_conditions');
    expect(permitted?.state).toBe('granted');
  });
});
