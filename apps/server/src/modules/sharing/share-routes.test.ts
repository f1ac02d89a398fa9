/**
 * Every route of R14–R16 through the HTTP API, on the official 2026 calendar: the steps, who is
 * responsible, and when each is due (National Day, Spring Festival and their make-up working days).
 */
import type { ApiErrorBody, Grant, ShareRequestDetail } from '@gongshu/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, testClock, type Harness, type SignedIn } from '../../../test/harness.js';
import { publishResource } from '../aggregation/aggregation.fixtures.js';

const COMMITMENTS = { authenticity: true, compliance: true, security: true, ownDutiesOnly: true, noOnwardProvision: true };
const clock = testClock('2026-09-01T09:00:00+08:00');
let h: Harness;
/** Sessions by user, with the clock time they were made at (the clock jumps months between scenarios). */
const sessions = new Map<string, { at: number; session: SignedIn }>();

async function sessionOf(who: string): Promise<SignedIn> {
  const known = sessions.get(who);
  if (known && Math.abs(known.at - clock().getTime()) < 10 * 60_000) return known.session;
  const session = await h.signIn(who);
  sessions.set(who, { at: clock().getTime(), session });
  return session;
}

let conditional: string;
let unconditional: string;
let unshared: string;

async function call<T>(who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, status = 200): Promise<T> {
  const { headers } = await sessionOf(who);
  const res = await h.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  expect(res.statusCode, `${method} ${url} as ${who}: ${res.body}`).toBe(status);
  return res.json<T>();
}

function request(resourceId: string | null, extra: Record<string, unknown> = {}) {
  return {
    ...(resourceId ? { resourceId } : {}),
    scenario: '社会救助对象资格核验',
    legalDuty: '《社会救助暂行办法》第十一条：民政部门核对申请人家庭经济状况',
    periodFrom: '2026-10-01',
    periodTo: '2027-09-30',
    commitments: COMMITMENTS,
    ...extra,
  };
}

const file = (who: string, body: unknown) => call<ShareRequestDetail>(who, 'POST', '/api/share/requests', body, 201);
const act = (who: string, id: string, action: string, body: unknown) =>
  call<ShareRequestDetail>(who, 'POST', `/api/share/requests/${id}/${action}`, body);
const fileRefused = (who: string, body: unknown, status: number) => call<ApiErrorBody>(who, 'POST', '/api/share/requests', body, status);
const actRefused = (who: string, id: string, action: string, body: unknown, status: number) =>
  call<ApiErrorBody>(who, 'POST', `/api/share/requests/${id}/${action}`, body, status);

beforeAll(async () => {
  h = await createHarness({ clock });
  conditional = (await publishResource(h, 'hrss')).resourceId;
  unconditional = (
    await publishResource(h, 'hrss', { share: { type: 'unconditional', conditions: null, legalBasis: null, methods: ['interface'] } })
  ).resourceId;
  unshared = (
    await publishResource(h, 'hrss', {
      share: { type: 'none', conditions: null, legalBasis: '《中华人民共和国个人信息保护法》第十三条', methods: [] },
      open: { type: 'none', conditions: null, noneGround: 'trade_secret_privacy', legalBasis: '《中华人民共和国个人信息保护法》' },
    })
  ).resourceId;
}, 120_000);

afterAll(async () => {
  await h.close();
});

describe('R14.1 unconditional: bureau formal review within 1 working day, then the grant', () => {
  it('filed the day before National Day, the review is due on the first working day after it', async () => {
    clock.set('2026-09-30T10:00:00+08:00');
    // The education bureau here: civil affairs later holds the conditional resource, and a second
    // level-3 citizen-ID resource would need a correlation assessment (R31.1, correlation.test.ts).
    const filed = await file('edu-steward', request(unconditional));
    expect(filed).toMatchObject({ route: 'unconditional', state: 'formal_review', number: expect.stringMatching(/^GX2026\d{6}$/) });
    expect(filed.deadline).toMatchObject({
      step: 'share.unconditional.formal_review',
      receivedOn: '2026-09-30',
      dueOn: '2026-10-08',
      workingDays: 1,
      requirement: 'R14.1',
    });
    expect(filed.deadline?.responsibleAgency.name).toContain('大数据');

    clock.set('2026-10-08T11:00:00+08:00');
    const done = await act('reviewer', filed.id, 'formal-review', { approve: true });
    expect(done.state).toBe('granted');
    expect(done.grantId).toBeTruthy();
    expect(done.deadlines.map((d) => [d.step, d.state])).toEqual([['share.unconditional.formal_review', 'met']]);
    expect(done.deadlines[0]).toMatchObject({ overdue: false, metAt: '2026-10-08T03:00:00.000Z' });

    // The provider is informed automatically (R14.1).
    const notes = await call<{ items: { kind: string; title: { zh: string } }[] }>('hrss-steward', 'GET', '/api/notifications');
    expect(notes.items.some((n) => n.kind === 'share.granted')).toBe(true);
    const grant = await call<Grant>('edu-steward', 'GET', `/api/share/grants/${done.grantId}`);
    expect(grant).toMatchObject({ status: 'active', consumer: { name: expect.stringContaining('教育') }, state: 'active' });
    expect(grant.fields.map((f) => f.code)).toEqual(['sfzh', 'xm', 'csrq', 'sr', 'dj']);
    expect(grant.citation).toContain(grant.number);
    expect(grant.validTo).toBe('2027-09-30T16:00:00.000Z');
  });
});

describe('R14.2 conditional: bureau ≤ 1 working day, then provider ≤ 2 working days, then a grant of the approved fields', () => {
  let id: string;
  it('the provider step, opened on the first day after National Day, ends on the make-up Saturday', async () => {
    clock.set('2026-09-30T10:00:00+08:00');
    const filed = await file('civil-steward', request(conditional, { fields: ['sfzh', 'xm', 'sr'] }));
    id = filed.id;
    expect(filed.route).toBe('conditional');
    expect(filed.deadline).toMatchObject({ step: 'share.conditional.formal_review', dueOn: '2026-10-08', requirement: 'R14.2' });

    clock.set('2026-10-08T15:00:00+08:00');
    const reviewed = await act('reviewer', id, 'formal-review', { approve: true, comment: '材料齐全' });
    expect(reviewed.state).toBe('provider_review');
    expect(reviewed.deadline).toMatchObject({ step: 'share.conditional.provider_review', receivedOn: '2026-10-08', dueOn: '2026-10-10' });
    expect(reviewed.deadline?.responsibleAgency.name).toContain('人力资源');
  });

  it('only the provider’s steward reviews it (R8.1, R14.2)', async () => {
    await actRefused('edu-steward', id, 'provider-review', { approve: true }, 404);
    await actRefused('hrss-staff', id, 'provider-review', { approve: true }, 403);
    const list = await call<{ id: string }[]>('hrss-steward', 'GET', '/api/share/requests?scope=provider');
    expect(list.map((r) => r.id)).toContain(id);
  });

  it('the provider approves fewer fields and a shorter period; the grant carries exactly those', async () => {
    clock.set('2026-10-09T09:30:00+08:00');
    const done = await act('hrss-steward', id, 'provider-review', { approve: true, fields: ['sfzh', 'sr'], periodTo: '2027-03-31' });
    expect(done).toMatchObject({ state: 'granted', approvedFields: ['sfzh', 'sr'], approvedPeriodTo: '2027-03-31' });
    expect(done.deadlines.every((d) => d.state === 'met')).toBe(true);
    const grant = await call<Grant>('civil-steward', 'GET', `/api/share/grants/${done.grantId}`);
    expect(grant.fields.map((f) => [f.code, f.mask])).toEqual([
      ['sfzh', 'citizen_id'],
      ['sr', 'none'],
    ]);
    expect(grant.validTo).toBe('2027-03-31T16:00:00.000Z');
    expect(done.events.map((e) => e.action)).toEqual(['filed', 'formal_approve', 'provider_approve']);
  });

  it('a review done after its due day shows as met late', async () => {
    clock.set('2026-03-02T10:00:00+08:00');
    const filed = await file('civil-steward', request(conditional));
    expect(filed.deadline?.dueOn).toBe('2026-03-03');
    clock.set('2026-03-05T10:00:00+08:00');
    const late = await act('reviewer', filed.id, 'formal-review', { approve: true });
    expect(late.deadlines[0]).toMatchObject({ step: 'share.conditional.formal_review', state: 'met', overdue: true });
    expect(late.deadlines[1]).toMatchObject({ step: 'share.conditional.provider_review', state: 'open', overdue: false, metAt: null });
  });

  it('an approved field must be one asked for', async () => {
    clock.set('2026-10-09T10:00:00+08:00');
    const other = await file('civil-steward', request(conditional, { fields: ['sfzh'] }));
    await act('reviewer', other.id, 'formal-review', { approve: true });
    const res = await actRefused('hrss-steward', other.id, 'provider-review', { approve: true, fields: ['sfzh', 'xm'] }, 400);
    expect(res).toMatchObject({ code: 'SHARE_FIELDS_INVALID', requirement: 'R17.2' });
  });
});

describe('R14.3 demand for data not yet shared: bureau ≤ 5 working days, provider answers ≤ 10', () => {
  it('counts across the Spring Festival and its make-up Saturdays', async () => {
    clock.set('2026-02-13T10:00:00+08:00');
    const filed = await file(
      'civil-steward',
      request(unshared, { dataDescription: '低保对象的社保缴费记录', periodFrom: '2026-03-01', periodTo: '2027-02-28' }),
    );
    expect(filed).toMatchObject({ route: 'demand', fields: [] });
    expect(filed.deadline).toMatchObject({ step: 'share.demand.formal_review', dueOn: '2026-02-27', workingDays: 5, requirement: 'R14.3' });

    clock.set('2026-02-27T10:00:00+08:00');
    const forwarded = await act('reviewer', filed.id, 'formal-review', { approve: true });
    expect(forwarded.state).toBe('provider_answer');
    expect(forwarded.deadline).toMatchObject({ step: 'share.demand.provider_answer', dueOn: '2026-03-12', workingDays: 10 });

    const answered = await act('hrss-steward', filed.id, 'answer', { willShare: true, text: '将于下季度编目并以有条件共享方式提供' });
    expect(answered).toMatchObject({ state: 'answered', answer: { willShare: true } });
  });

  it('a demand outside the catalog names its provider and the data', async () => {
    clock.set('2026-03-02T10:00:00+08:00');
    const res = await fileRefused('civil-steward', request(null), 400);
    expect(res.details?.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'dataDescription' }),
        expect.objectContaining({ field: 'providerAgencyId' }),
      ]),
    );
  });
});

describe('R15.1 upper-level data: bureau ≤ 1 working day, then escalated with its state tracked', () => {
  it('filed before Qingming, due after it; escalated, then the upper node’s result is recorded', async () => {
    clock.set('2026-04-03T16:00:00+08:00');
    const filed = await file('civil-steward', request(null, { upperLevel: 'provincial', dataDescription: '省级婚姻登记信息' }));
    expect(filed).toMatchObject({ route: 'upper_level', provider: null, resource: null });
    expect(filed.deadline).toMatchObject({ step: 'share.upper_level.formal_review', dueOn: '2026-04-07', requirement: 'R15.1' });

    clock.set('2026-04-07T09:00:00+08:00');
    const escalated = await act('reviewer', filed.id, 'formal-review', { approve: true });
    expect(escalated).toMatchObject({ state: 'escalated', deadline: null });
    const progress = await act('reviewer', filed.id, 'upper-result', { result: 'pending', reference: 'SD-2026-0407-001' });
    expect(progress).toMatchObject({ state: 'escalated', upperReference: 'SD-2026-0407-001' });
    const done = await act('reviewer', filed.id, 'upper-result', { result: 'granted', note: '省平台已开通接口' });
    expect(done.state).toBe('granted');
    expect(done.events.map((e) => e.action)).toEqual(['filed', 'formal_approve', 'upper_progress', 'upper_result']);
  });
});

describe('R15.2 towns and streets go through the bureau', () => {
  it('a street’s steward cannot file directly', async () => {
    const res = await fileRefused('jinghe-steward', request(conditional), 403);
    expect(res).toMatchObject({ code: 'SHARE_TOWN_VIA_BUREAU', requirement: 'R15.2' });
  });
  it('the bureau files on its behalf; the street sees the request as its own', async () => {
    clock.set('2026-03-03T10:00:00+08:00');
    const jinghe = await h.db.selectFrom('agencies').select('id').where('code', '=', 'jinghe').executeTakeFirstOrThrow();
    const filed = await file('reviewer', request(conditional, { onBehalfOf: jinghe.id }));
    expect(filed).toMatchObject({ filedByBureau: true, requester: { id: jinghe.id, level: 'town' } });
    const mine = await call<{ id: string }[]>('jinghe-steward', 'GET', '/api/share/requests?scope=mine');
    expect(mine.map((r) => r.id)).toContain(filed.id);
    const edu = await h.db.selectFrom('agencies').select('id').where('code', '=', 'edu').executeTakeFirstOrThrow();
    const refused = await fileRefused('reviewer', request(conditional, { onBehalfOf: edu.id }), 400);
    expect(refused.field).toBe('onBehalfOf');
  });
});

describe('R17.1 what a request states', () => {
  it('all problems at once: scenario, legal duty, every commitment, fields, period', async () => {
    const res = await fileRefused(
      'civil-steward',
      request(conditional, {
        scenario: ' ',
        legalDuty: '',
        fields: ['nope'],
        periodTo: '2030-12-31',
        commitments: { ...COMMITMENTS, noOnwardProvision: false, security: false },
      }),
      400,
    );
    const fields = (res.details?.problems as { field: string }[]).map((p) => p.field);
    expect(fields).toEqual(
      expect.arrayContaining(['scenario', 'legalDuty', 'commitments.security', 'commitments.noOnwardProvision', 'fields', 'periodTo']),
    );
    expect(res.requirement).toBe('R17.1');
  });
  it('an agency does not request its own data', async () => {
    const res = await fileRefused('hrss-steward', request(conditional), 400);
    expect(res.field).toBe('resourceId');
  });
  it('staff cannot file: the steward submits (R8.1)', async () => {
    await fileRefused('civil-staff', request(conditional), 403);
  });
});

describe('R16.1 rejections and R16.2 consultation', () => {
  let id: string;
  it('a rejection states every reason with its legal basis', async () => {
    clock.set('2026-03-04T10:00:00+08:00');
    id = (await file('civil-steward', request(conditional))).id;
    await act('reviewer', id, 'formal-review', { approve: true });
    const missing = await actRefused(
      'hrss-steward',
      id,
      'provider-review',
      { approve: false, reasons: [{ reason: '涉及个人收入', legalBasis: ' ' }] },
      400,
    );
    expect(missing).toMatchObject({ code: 'SHARE_REJECTION_REASONS_REQUIRED', requirement: 'R16.1' });
    const rejected = await act('hrss-steward', id, 'provider-review', {
      approve: false,
      reasons: [
        { reason: '月收入属个人敏感信息', legalBasis: '《中华人民共和国个人信息保护法》第二十八条' },
        { reason: '申请场景无需出生日期', legalBasis: '《条例》第十七条：最小必要' },
      ],
    });
    expect(rejected).toMatchObject({ state: 'rejected', rejection: { by: 'provider', reasons: [{}, {}] } });
    expect(rejected.closedAt).toBeTruthy();
  });

  it('the bureau finds the reasons insufficient and consults; participants add to the record; the outcome grants', async () => {
    const edu = await h.db.selectFrom('agencies').select('id').where('code', '=', 'edu').executeTakeFirstOrThrow();
    await actRefused('hrss-steward', id, 'consultation', { reason: 'x', participantAgencyIds: [] }, 403);
    const opened = await act('reviewer', id, 'consultation', {
      reason: '拒绝理由不充分：核验场景仅需比对结果',
      participantAgencyIds: [edu.id],
    });
    expect(opened.state).toBe('consultation');
    expect(opened.consultation?.participants.map((p) => p.id)).toEqual(
      expect.arrayContaining([edu.id, opened.requester.id, opened.provider?.id]),
    );
    await act('civil-steward', id, 'consultation/entries', { text: '仅用于低保资格核验，可接受掩码后的身份证号' });
    await act('hrss-staff', id, 'consultation/entries', { text: '同意在掩码条件下共享身份证号与姓名' });
    const outsider = await actRefused('police-security', id, 'consultation/entries', { text: '旁听' }, 403);
    expect(outsider).toMatchObject({ code: 'SHARE_CONSULTATION_PARTICIPANT', requirement: 'R16.2' });
    await actRefused('civil-steward', id, 'consultation/outcome', { grant: true, note: '同意' }, 403);
    const decided = await act('reviewer', id, 'consultation/outcome', {
      grant: true,
      note: '协商一致：共享身份证号、姓名',
      fields: ['sfzh', 'xm'],
    });
    expect(decided).toMatchObject({ state: 'granted', consultation: { outcome: 'grant', entries: [{}, {}] } });
    const grant = await call<Grant>('civil-steward', 'GET', `/api/share/grants/${decided.grantId}`);
    expect(grant.fields.map((f) => f.code)).toEqual(['sfzh', 'xm']);
  });

  it('the bureau rejects in formal review, with reasons', async () => {
    const filed = await file('civil-steward', request(conditional));
    const rejected = await act('reviewer', filed.id, 'formal-review', {
      approve: false,
      reasons: [{ reason: '法定职责依据不明确', legalBasis: '《条例》第十七条' }],
    });
    expect(rejected).toMatchObject({ state: 'rejected', rejection: { by: 'bureau' }, deadline: null });
    await actRefused('reviewer', filed.id, 'formal-review', { approve: true }, 409);
  });

  it('the requester withdraws a request under review; the step is cancelled off the clock', async () => {
    const filed = await file('civil-steward', request(conditional));
    const withdrawn = await act('civil-steward', filed.id, 'withdraw', { comment: '需求变化' });
    expect(withdrawn).toMatchObject({ state: 'withdrawn', deadline: null });
    await actRefused('hrss-steward', filed.id, 'withdraw', {}, 403);
  });
});

describe('grants: systems, suspension, revocation, expiry notice', () => {
  it('the consumer registers its systems; the provider suspends on misuse; only the bureau revokes', async () => {
    clock.set('2026-10-09T10:00:00+08:00');
    const grants = await call<Grant[]>('civil-steward', 'GET', '/api/share/grants?scope=consumer');
    const grant = grants.find((g) => g.status === 'active') ?? expect.fail('no active grant');
    const { key } = await call<{ key: { id: string } }>(
      'civil-steward',
      'POST',
      '/api/me/api-keys',
      { name: '低保核验系统', expiresInDays: 90 },
      201,
    );
    const keys = await call<{ id: string }[]>('civil-steward', 'GET', '/api/share/agency-keys');
    expect(keys.map((k) => k.id)).toContain(key.id);
    const withKey = await call<Grant>('civil-steward', 'PUT', `/api/share/grants/${grant.id}/keys`, { apiKeyIds: [key.id] });
    expect(withKey.apiKeys.map((k) => k.id)).toEqual([key.id]);
    const { key: foreign } = await call<{ key: { id: string } }>(
      'edu-steward',
      'POST',
      '/api/me/api-keys',
      { name: '教育系统', expiresInDays: 30 },
      201,
    );
    const refused = await call<{ code: string }>(
      'civil-steward',
      'PUT',
      `/api/share/grants/${grant.id}/keys`,
      { apiKeyIds: [foreign.id] },
      400,
    );
    expect(refused.code).toBe('SHARE_API_KEY_INVALID');

    const suspended = await call<Grant>('hrss-steward', 'POST', `/api/share/grants/${grant.id}/state`, {
      action: 'suspend',
      reason: '调用量异常',
    });
    expect(suspended).toMatchObject({ status: 'suspended', stateReason: '调用量异常' });
    await call('hrss-steward', 'POST', `/api/share/grants/${grant.id}/state`, { action: 'revoke', reason: '违规' }, 403);
    await call('civil-steward', 'POST', `/api/share/grants/${grant.id}/state`, { action: 'reinstate', reason: '自查完毕' }, 403);
    const reinstated = await call<Grant>('reviewer', 'POST', `/api/share/grants/${grant.id}/state`, {
      action: 'reinstate',
      reason: '核查无误',
    });
    expect(reinstated.status).toBe('active');
    const revoked = await call<Grant>('reviewer', 'POST', `/api/share/grants/${grant.id}/state`, { action: 'revoke', reason: '职责调整' });
    expect(revoked.status).toBe('revoked');
    await call('reviewer', 'POST', `/api/share/grants/${grant.id}/state`, { action: 'reinstate', reason: '恢复使用' }, 409);
  });

  it('consumers and providers are told a week before a grant ends, once', async () => {
    const active = await h.db.selectFrom('share_grants').select(['id', 'valid_to']).where('state', '=', 'active').executeTakeFirstOrThrow();
    const day = 86_400_000;
    expect(await h.services.grants.notifyExpiring(new Date(active.valid_to.getTime() - 8 * day))).toBe(0);
    expect(await h.services.grants.notifyExpiring(new Date(active.valid_to.getTime() - 6 * day))).toBeGreaterThan(0);
    expect(await h.services.grants.notifyExpiring(new Date(active.valid_to.getTime() - 5 * day))).toBe(0);
    const notified = await h.db.selectFrom('notifications').select('kind').where('kind', '=', 'share.grant.expiring').execute();
    expect(notified.length).toBeGreaterThan(0);
  });

  it('the lineage of a resource runs from its provider to its consumers; others cannot see it', async () => {
    const lineage = await call<{ nodes: { kind: string }[]; edges: unknown[] }>('hrss-steward', 'GET', `/api/share/lineage/${conditional}`);
    const kinds = new Set(lineage.nodes.map((n) => n.kind));
    expect([...kinds]).toEqual(expect.arrayContaining(['provider', 'resource', 'grant', 'consumer']));
    expect(lineage.edges.length).toBeGreaterThan(2);
    await call('edu-steward', 'GET', `/api/share/lineage/${conditional}`, undefined, 404);
  });

  it('every decision is in the audit trail and the chain verifies', async () => {
    const actions = await h.db.selectFrom('audit_log').select('action').where('action', 'like', 'share.%').execute();
    const set = new Set(actions.map((a) => a.action));
    for (const a of [
      'share.request.file',
      'share.request.formal_approve',
      'share.request.provider_approve',
      'share.grant.create',
      'share.grant.suspend',
      'share.grant.revoke',
    ])
      expect(set).toContain(a);
    expect((await h.services.audit.verify(h.db)).ok).toBe(true);
  });
});
