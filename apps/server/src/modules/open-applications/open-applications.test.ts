/**
 * Conditional open data (R19.2, R19.4), demands (R19.3), open grants and usage reports (R20.1)
 * through the HTTP API on the official 2026 calendar, with a clock that moves.
 */
import type { ApiErrorBody, OpenApplicationDetail, OpenApplyState, OpenGrant, OpenPublicDemand } from '@gongshu/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, testClock, type Harness, type SignedIn } from '../../../test/harness.js';
import { publishResource } from '../aggregation/aggregation.fixtures.js';
import { keyOf, openResource } from '../open-data/open-data.fixtures.js';

const COMMITMENTS = { lawfulUse: true, protection: true, usageReports: true, citation: true };
const REASONS = [{ reason: '申请用途与开放条件不符', legalBasis: '《山东省公共数据开放办法》第十九条' }];
const clock = testClock('2026-09-01T09:00:00+08:00');
let h: Harness;
const sessions = new Map<string, { at: number; session: SignedIn }>();
const forgotten: string[] = [];

async function sessionOf(who: string): Promise<SignedIn> {
  const known = sessions.get(who);
  if (known && Math.abs(known.at - clock().getTime()) < 10 * 60_000) return known.session;
  const session = await h.signIn(who);
  sessions.set(who, { at: clock().getTime(), session });
  return session;
}

async function call<T>(who: string | null, method: 'GET' | 'POST', url: string, payload?: unknown, status = 200): Promise<T> {
  const headers = who ? (await sessionOf(who)).headers : {};
  const res = await h.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  expect(res.statusCode, `${method} ${url} as ${who ?? 'anonymous'}: ${res.body}`).toBe(status);
  return res.json<T>();
}

let conditional: string;
let closed: string;
let hrssAgency: string;

const application = (resourceId: string, extra: Record<string, unknown> = {}) => ({
  resourceId,
  purpose: '研究本市就业结构变化，撰写公开发表的研究报告',
  measures: '数据存放于加密服务器，仅课题组两人可访问，不对外提供原始数据',
  periodFrom: '2026-11-01',
  periodTo: '2027-10-31',
  commitments: COMMITMENTS,
  ...extra,
});
const apply = (who: string, body: unknown, status = 201) =>
  call<OpenApplicationDetail>(who, 'POST', '/api/open/applications', body, status);
const act = (who: string, id: string, action: string, body: unknown, status = 200) =>
  call<OpenApplicationDetail>(who, 'POST', `/api/open/applications/${id}/${action}`, body, status);
const refused = (who: string, id: string, action: string, body: unknown, status: number) =>
  call<ApiErrorBody>(who, 'POST', `/api/open/applications/${id}/${action}`, body, status);

beforeAll(async () => {
  h = await createHarness({ clock });
  h.services.onOpenGrantChanged((userId, resourceId) => forgotten.push(`${userId}/${resourceId}`));
  conditional = (
    await publishResource(h, 'hrss', {
      open: { type: 'conditional', conditions: '仅限科研与公益用途，须注明数据来源', noneGround: null, legalBasis: null },
    })
  ).resourceId;
  closed = (
    await publishResource(h, 'hrss', {
      share: { type: 'none', conditions: null, legalBasis: '《中华人民共和国个人信息保护法》第十三条', methods: [] },
      open: { type: 'none', conditions: null, noneGround: 'trade_secret_privacy', legalBasis: '《中华人民共和国个人信息保护法》' },
    })
  ).resourceId;
  hrssAgency = (await h.db.selectFrom('agencies').select('id').where('code', '=', 'hrss').executeTakeFirstOrThrow()).id;
}, 120_000);

afterAll(async () => {
  await h.close();
});

describe('R19.2 conditional open data: bureau ≤ 5 working days, provider ≤ 10, then an open grant', () => {
  let id: string;
  it('shows the published conditions and fields to an applicant, and nothing personal to a visitor', async () => {
    const anonymous = await call<OpenApplyState>(null, 'GET', `/api/open/apply/${conditional}`);
    expect(anonymous).toMatchObject({
      resource: { openType: 'conditional', conditions: '仅限科研与公益用途，须注明数据来源' },
      signedIn: false,
      canApply: false,
      application: null,
      grant: null,
    });
    expect(anonymous.resource.fields.map((f) => f.code)).toEqual(['sfzh', 'xm', 'csrq', 'sr', 'dj']);
    const citizen = await call<OpenApplyState>('citizen', 'GET', `/api/open/apply/${conditional}`);
    expect(citizen).toMatchObject({ signedIn: true, canApply: true });
  });

  it('filed the day before National Day, the formal review is due five working days after it', async () => {
    clock.set('2026-09-30T10:00:00+08:00');
    const filed = await apply('citizen', application(conditional, { fields: ['xm', 'csrq', 'sr'] }));
    id = filed.id;
    expect(filed).toMatchObject({
      route: 'conditional',
      state: 'formal_review',
      number: expect.stringMatching(/^KF2026\d{6}$/),
      conditions: '仅限科研与公益用途，须注明数据来源',
      can: { withdraw: true, formalReview: false },
    });
    expect(filed.fields.map((f) => f.code)).toEqual(['xm', 'csrq', 'sr']);
    expect(filed.deadline).toMatchObject({
      step: 'open.conditional.formal_review',
      receivedOn: '2026-09-30',
      dueOn: '2026-10-13',
      workingDays: 5,
      requirement: 'R19.2',
    });
    expect(filed.deadline?.responsibleAgency.name).toContain('大数据');
    const state = await call<OpenApplyState>('citizen', 'GET', `/api/open/apply/${conditional}`);
    expect(state.application).toMatchObject({ id, state: 'formal_review' });
  });

  it('a second application for the same resource waits for the first', async () => {
    const res = await call<ApiErrorBody>('citizen', 'POST', '/api/open/applications', application(conditional), 409);
    expect(res.code).toBe('SHARE_TRANSITION_INVALID');
  });

  it('only the applicant, the bureau and (after the formal review) the provider see it', async () => {
    await call<ApiErrorBody>('citizen01', 'GET', `/api/open/applications/${id}`, undefined, 404);
    await call<ApiErrorBody>('hrss-steward', 'GET', `/api/open/applications/${id}`, undefined, 404);
    const mine = await call<{ id: string }[]>('citizen', 'GET', '/api/open/applications?scope=mine');
    expect(mine.map((a) => a.id)).toContain(id);
    const others = await call<{ id: string }[]>('citizen01', 'GET', '/api/open/applications?scope=mine');
    expect(others.map((a) => a.id)).not.toContain(id);
    const queue = await call<{ id: string }[]>('reviewer', 'GET', '/api/open/applications?scope=review');
    expect(queue.map((a) => a.id)).toContain(id);
    await call<ApiErrorBody>('citizen', 'GET', '/api/open/applications?scope=review', undefined, 403);
    await refused('hrss-steward', id, 'provider-review', { approve: true }, 404);
  });

  it('the provider’s step opens after the formal review and is due ten working days later', async () => {
    clock.set('2026-10-13T15:00:00+08:00');
    const reviewed = await act('reviewer', id, 'formal-review', { approve: true, comment: '材料齐全' });
    expect(reviewed.state).toBe('provider_review');
    expect(reviewed.deadline).toMatchObject({
      step: 'open.conditional.provider_review',
      receivedOn: '2026-10-13',
      dueOn: '2026-10-27',
      workingDays: 10,
    });
    expect(reviewed.deadline?.responsibleAgency.id).toBe(hrssAgency);
    // The provider's steward is told (the deadline engine notifies the responsible agency).
    const notes = await call<{ items: { kind: string; link: string | null }[] }>('hrss-steward', 'GET', '/api/notifications');
    expect(notes.items.some((n) => n.link === `/open-admin/applications/${id}`)).toBe(true);
    const list = await call<{ id: string }[]>('hrss-steward', 'GET', '/api/open/applications?scope=provider');
    expect(list.map((a) => a.id)).toContain(id);
    const other = await call<{ id: string }[]>('edu-steward', 'GET', '/api/open/applications?scope=provider');
    expect(other.map((a) => a.id)).not.toContain(id);
  });

  it('only the provider’s steward reviews it', async () => {
    await refused('edu-steward', id, 'provider-review', { approve: true }, 404);
    await refused('hrss-staff', id, 'provider-review', { approve: true }, 403);
    await refused('hrss-steward', id, 'provider-review', { approve: true, fields: ['xm', 'sfzh'] }, 400);
    await refused('hrss-steward', id, 'provider-review', { approve: true, periodTo: '2028-01-01' }, 400);
  });

  it('approves fewer fields and a shorter period; the grant carries exactly those, with reports due', async () => {
    clock.set('2026-10-20T09:30:00+08:00');
    const before = forgotten.length;
    const done = await act('hrss-steward', id, 'provider-review', {
      approve: true,
      fields: ['xm', 'sr'],
      periodTo: '2027-04-30',
      reportEveryMonths: 3,
    });
    expect(done).toMatchObject({ state: 'granted', approvedFields: ['xm', 'sr'], approvedPeriodTo: '2027-04-30' });
    expect(done.deadlines.map((d) => [d.step, d.state, d.overdue])).toEqual([
      ['open.conditional.formal_review', 'met', false],
      ['open.conditional.provider_review', 'met', false],
    ]);
    expect(done.events.map((e) => e.action)).toEqual(['filed', 'formal_approve', 'provider_approve']);
    const [grant] = await call<OpenGrant[]>('citizen', 'GET', '/api/open/grants?scope=mine');
    expect(grant).toMatchObject({
      id: done.grantId,
      number: expect.stringMatching(/^KG2026\d{6}$/),
      status: 'pending',
      validFrom: '2026-10-31T16:00:00.000Z',
      validTo: '2027-04-30T16:00:00.000Z',
      reportEveryMonths: 3,
      suspendedForReport: false,
    });
    expect(grant?.fields.map((f) => f.code)).toEqual(['xm', 'sr']);
    expect(grant?.citation).toContain(grant?.number);
    expect(grant?.recordsUrl).toBe(`/api/open/resources/${conditional}/records?fields=xm,sr`);
    expect(grant?.reports.map((r) => [r.dueOn, r.status])).toEqual([['2027-02-01', 'upcoming']]);
    expect(forgotten.length).toBe(before + 1);
    // The provider sees the grant of its resource; another agency does not.
    const provider = await call<OpenGrant[]>('hrss-steward', 'GET', '/api/open/grants?scope=provider');
    expect(provider.map((g) => g.id)).toContain(done.grantId);
    const edu = await call<OpenGrant[]>('edu-steward', 'GET', '/api/open/grants?scope=provider');
    expect(edu.map((g) => g.id)).not.toContain(done.grantId);
    const state = await call<OpenApplyState>('citizen', 'GET', `/api/open/apply/${conditional}`);
    expect(state.grant).toMatchObject({ id: done.grantId, status: 'pending' });
  });
});

describe('R19.4 rejections give every reason with its legal basis, shown to the applicant', () => {
  it('a rejection without reasons is refused; with them, the applicant reads them', async () => {
    clock.set('2026-03-02T10:00:00+08:00');
    const filed = await apply('citizen01', application(conditional, { periodFrom: '2026-03-10', periodTo: '2026-12-31' }));
    const none = await refused('reviewer', filed.id, 'formal-review', { approve: false }, 400);
    expect(none.code).toBe('SHARE_REJECTION_REASONS_REQUIRED');
    await refused('reviewer', filed.id, 'formal-review', { approve: false, reasons: [{ reason: '不符', legalBasis: '' }] }, 400);
    await act('reviewer', filed.id, 'formal-review', { approve: true });
    const rejected = await act('hrss-steward', filed.id, 'provider-review', { approve: false, reasons: REASONS });
    expect(rejected).toMatchObject({ state: 'rejected', rejection: { by: 'provider', reasons: REASONS } });
    const seen = await call<OpenApplicationDetail>('citizen01', 'GET', `/api/open/applications/${filed.id}`);
    expect(seen.rejection?.reasons).toEqual(REASONS);
    expect(seen.can.withdraw).toBe(false);
    const notes = await call<{ items: { kind: string; link: string | null }[] }>('citizen01', 'GET', '/api/notifications');
    expect(notes.items.some((n) => n.kind === 'open.application' && n.link === `/me/applications/${filed.id}`)).toBe(true);
  });

  it('a public user cannot apply for a resource that is not open, and an agency user cannot apply', async () => {
    const res = await call<ApiErrorBody>(
      'citizen02',
      'POST',
      '/api/open/applications',
      application(closed, { periodFrom: '2026-03-10' }),
      400,
    );
    expect(res.field).toBe('resourceId');
    await call<ApiErrorBody>('hrss-staff', 'POST', '/api/open/applications', application(conditional), 403);
    const incomplete = await call<ApiErrorBody>(
      'citizen02',
      'POST',
      '/api/open/applications',
      application(conditional, { purpose: ' ', periodFrom: '2026-03-10', commitments: { ...COMMITMENTS, citation: false } }),
      400,
    );
    expect(incomplete.details?.problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'purpose' }), expect.objectContaining({ field: 'commitments.citation' })]),
    );
  });

  it('the applicant withdraws an application under review; nobody else can', async () => {
    clock.set('2026-03-02T11:00:00+08:00');
    const filed = await apply('citizen02', application(conditional, { periodFrom: '2026-03-10' }));
    await refused('citizen03', filed.id, 'withdraw', {}, 404);
    const withdrawn = await act('citizen02', filed.id, 'withdraw', { comment: '不再需要' });
    expect(withdrawn).toMatchObject({ state: 'withdrawn', deadline: null });
    expect(withdrawn.deadlines[0]).toMatchObject({ state: 'cancelled' });
    // It never reached the provider: the provider does not see it.
    await call<ApiErrorBody>('hrss-steward', 'GET', `/api/open/applications/${filed.id}`, undefined, 404);
    const provider = await call<{ id: string }[]>('hrss-steward', 'GET', '/api/open/applications?scope=provider');
    expect(provider.map((a) => a.id)).not.toContain(filed.id);
  });
});

describe('R19.3 demands for data not yet open: bureau ≤ 10 working days, provider answers ≤ 15; a public list', () => {
  it('counts across the Spring Festival; the answer and the applicant’s masked name are public', async () => {
    clock.set('2026-02-13T10:00:00+08:00');
    const filed = await call<OpenApplicationDetail>(
      'citizen',
      'POST',
      '/api/open/demands',
      {
        resourceId: closed,
        description: '按街道汇总的就业人数（不含个人信息）',
        purpose: '社区就业服务研究',
      },
      201,
    );
    expect(filed).toMatchObject({ route: 'demand', state: 'formal_review', fields: [], provider: { id: hrssAgency } });
    expect(filed.deadline).toMatchObject({ step: 'open.demand.formal_review', dueOn: '2026-03-05', workingDays: 10, requirement: 'R19.3' });

    clock.set('2026-03-05T10:00:00+08:00');
    const forwarded = await act('reviewer', filed.id, 'formal-review', { approve: true });
    expect(forwarded.state).toBe('provider_answer');
    expect(forwarded.deadline).toMatchObject({ step: 'open.demand.provider_answer', dueOn: '2026-03-26', workingDays: 15 });

    await refused('hrss-steward', filed.id, 'answer', { willOpen: true, text: '将开放汇总数据' }, 400);
    const answered = await act('hrss-steward', filed.id, 'answer', {
      willOpen: true,
      expectedBy: '2026-06-30',
      text: '将按街道汇总后以无条件开放方式提供',
    });
    expect(answered).toMatchObject({ state: 'answered', answer: { willOpen: true, expectedBy: '2026-06-30' } });

    const res = await h.app.inject({ method: 'GET', url: '/api/open/demands' });
    expect(res.statusCode).toBe(200);
    const list = res.json<OpenPublicDemand[]>();
    const item = list.find((d) => d.id === filed.id);
    expect(item).toMatchObject({ state: 'answered', answer: { willOpen: true }, resource: { id: closed }, provider: { id: hrssAgency } });
    const citizen = await h.db
      .selectFrom('users')
      .select(['id', 'display_name', 'username', 'identity_number', 'phone'])
      .where('username', '=', 'citizen')
      .executeTakeFirstOrThrow();
    expect(item?.applicant).toMatch(/^.\*+$/);
    for (const secret of [citizen.id, citizen.display_name, citizen.username, citizen.identity_number, citizen.phone])
      if (secret) expect(res.body).not.toContain(secret);
  });

  it('a demand outside the catalog: the bureau chooses the provider; a rejection is public with its reasons', async () => {
    clock.set('2026-04-01T10:00:00+08:00');
    const incomplete = await call<ApiErrorBody>('citizen01', 'POST', '/api/open/demands', { description: ' ', purpose: '' }, 400);
    expect(incomplete.details?.problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'title' }), expect.objectContaining({ field: 'purpose' })]),
    );
    const filed = await call<OpenApplicationDetail>(
      'citizen01',
      'POST',
      '/api/open/demands',
      {
        title: '公交车实时到站数据',
        description: '各线路车辆实时位置与到站预测',
        purpose: '开发出行小程序',
      },
      201,
    );
    expect(filed.provider).toBeNull();
    const noProvider = await refused('reviewer', filed.id, 'formal-review', { approve: true }, 400);
    expect(noProvider.field).toBe('providerAgencyId');
    const forwarded = await act('reviewer', filed.id, 'formal-review', { approve: true, providerAgencyId: hrssAgency });
    expect(forwarded).toMatchObject({ state: 'provider_answer', provider: { id: hrssAgency } });

    const other = await call<OpenApplicationDetail>(
      'citizen02',
      'POST',
      '/api/open/demands',
      {
        title: '个人社保缴费明细',
        description: '全市个人社保缴费明细',
        purpose: '研究',
        providerAgencyId: hrssAgency,
      },
      201,
    );
    await act('reviewer', other.id, 'formal-review', { approve: false, reasons: REASONS });
    const list = await call<OpenPublicDemand[]>(null, 'GET', '/api/open/demands?state=rejected');
    expect(list.find((d) => d.id === other.id)).toMatchObject({ rejection: { by: 'bureau', reasons: REASONS } });
    expect(JSON.stringify(list)).not.toContain('reviewer');
  });
});

describe('R20.1 usage reports: reminders before due, suspension past the grace period, restored on arrival', () => {
  let grantId: string;
  it('a grant from 2026-03-10, reporting every 6 months, has its reports due within its period', async () => {
    clock.set('2026-03-02T10:00:00+08:00');
    const filed = await apply('company', application(conditional, { periodFrom: '2026-03-10', periodTo: '2027-03-09' }));
    await act('reviewer', filed.id, 'formal-review', { approve: true });
    const done = await act('hrss-steward', filed.id, 'provider-review', { approve: true });
    grantId = done.grantId ?? '';
    const [grant] = await call<OpenGrant[]>('company', 'GET', '/api/open/grants?scope=mine');
    expect(grant).toMatchObject({ id: grantId, reportEveryMonths: 6 });
    expect(grant?.reports.map((r) => r.dueOn)).toEqual(['2026-09-10']);
  });

  it('reminds once, ten days before it is due', async () => {
    expect(await h.services.openGrants.sweepReports(new Date('2026-08-30T10:00:00+08:00'))).toEqual({
      reminded: 0,
      overdue: 0,
      suspended: 0,
    });
    clock.set('2026-09-01T10:00:00+08:00');
    expect(await h.services.openGrants.sweepReports()).toMatchObject({ reminded: 1, suspended: 0 });
    expect(await h.services.openGrants.sweepReports()).toMatchObject({ reminded: 0 });
    const notes = await call<{ items: { kind: string }[] }>('company', 'GET', '/api/notifications');
    expect(notes.items.filter((n) => n.kind === 'open.usage_report.due')).toHaveLength(1);
    const [grant] = await call<OpenGrant[]>('company', 'GET', '/api/open/grants?scope=mine');
    expect(grant?.reports[0]).toMatchObject({ status: 'due', remindedAt: expect.any(String) });
  });

  it('overdue within the grace period stays active; past it, two sweepers at once suspend the grant once', async () => {
    clock.set('2026-09-10T18:00:00+08:00');
    expect(await h.services.openGrants.sweepReports()).toEqual({ reminded: 0, overdue: 0, suspended: 0 });
    clock.set('2026-09-11T08:00:00+08:00');
    expect(await h.services.openGrants.sweepReports()).toEqual({ reminded: 0, overdue: 1, suspended: 0 });
    const told = await call<{ items: { kind: string }[] }>('company', 'GET', '/api/notifications');
    expect(told.items.filter((n) => n.kind === 'open.usage_report.overdue')).toHaveLength(1);
    clock.set('2026-10-10T10:00:00+08:00');
    expect(await h.services.openGrants.sweepReports()).toEqual({ reminded: 0, overdue: 0, suspended: 0 });
    let [grant] = await call<OpenGrant[]>('company', 'GET', '/api/open/grants?scope=mine');
    expect(grant).toMatchObject({ status: 'active', reports: [{ status: 'overdue' }] });

    clock.set('2026-10-11T10:00:00+08:00');
    const before = forgotten.length;
    const results = await Promise.all([h.services.openGrants.sweepReports(), h.services.openGrants.sweepReports()]);
    expect(results.reduce((n, r) => n + r.suspended, 0)).toBe(1);
    expect(forgotten.length).toBe(before + 1);
    [grant] = await call<OpenGrant[]>('company', 'GET', '/api/open/grants?scope=mine');
    expect(grant).toMatchObject({ state: 'suspended', status: 'suspended', suspendedForReport: true, reports: [{ status: 'suspend' }] });
    const audit = await h.db.selectFrom('audit_log').select('action').where('subject_id', '=', grantId).execute();
    expect(audit.map((a) => a.action)).toContain('open.grant.suspend_for_report');
  });

  it('the report arrives: the grant is restored; a report is submitted once, by the holder only', async () => {
    const [grant] = await call<OpenGrant[]>('company', 'GET', '/api/open/grants?scope=mine');
    const reportId = grant?.reports[0]?.id ?? '';
    const report = {
      built: '就业结构研究报告',
      outcome: '发表于《滕州经济》',
      links: ['https://example.org/report'],
      protection: '加密存储，两人访问',
    };
    await call<ApiErrorBody>('citizen', 'POST', `/api/open/grants/${grantId}/reports/${reportId}`, report, 404);
    const before = forgotten.length;
    const after = await call<OpenGrant>('company', 'POST', `/api/open/grants/${grantId}/reports/${reportId}`, report);
    expect(after).toMatchObject({ state: 'active', suspendedForReport: false, reports: [{ status: 'submitted', links: report.links }] });
    expect(forgotten.length).toBe(before + 1);
    await call<ApiErrorBody>('company', 'POST', `/api/open/grants/${grantId}/reports/${reportId}`, report, 409);
  });

  it('the bureau suspends, restores and revokes; others cannot', async () => {
    await call<ApiErrorBody>('hrss-steward', 'POST', `/api/open/grants/${grantId}/state`, { action: 'suspend', reason: '滥用' }, 403);
    const suspended = await call<OpenGrant>('reviewer', 'POST', `/api/open/grants/${grantId}/state`, {
      action: 'suspend',
      reason: '涉嫌超范围使用',
    });
    expect(suspended).toMatchObject({ state: 'suspended', stateReason: '涉嫌超范围使用', suspendedForReport: false });
    await call<ApiErrorBody>('reviewer', 'POST', `/api/open/grants/${grantId}/state`, { action: 'suspend', reason: '再次' }, 409);
    const restored = await call<OpenGrant>('reviewer', 'POST', `/api/open/grants/${grantId}/state`, {
      action: 'restore',
      reason: '核实无误',
    });
    expect(restored.state).toBe('active');
    const revoked = await call<OpenGrant>('reviewer', 'POST', `/api/open/grants/${grantId}/state`, {
      action: 'revoke',
      reason: '违反承诺',
    });
    expect(revoked).toMatchObject({ state: 'revoked', status: 'revoked' });
    const all = await call<OpenGrant[]>('reviewer', 'GET', '/api/open/grants?scope=all');
    expect(all.map((g) => g.id)).toContain(grantId);
    await call<ApiErrorBody>('company', 'GET', '/api/open/grants?scope=all', undefined, 403);
  });

  it('lists providers for a demand form, publicly', async () => {
    const providers = await call<{ id: string; name: string }[]>(null, 'GET', '/api/open/providers');
    expect(providers.map((p) => p.id)).toContain(hrssAgency);
  });
});

describe('the grant opens the query API to the holder’s API key; every change reaches the open exit at once', () => {
  it('granted fields only; suspended refused; restored works again', async () => {
    clock.set('2026-05-06T10:00:00+08:00');
    const data = await openResource(h, 'conditional', 5);
    const filed = await apply(
      'citizen06',
      application(data.resourceId, { fields: ['jgmc', 'rs', 'lxdh'], periodFrom: '2026-05-06', periodTo: '2027-05-05' }),
    );
    await act('reviewer', filed.id, 'formal-review', { approve: true });
    const done = await act('hrss-steward', filed.id, 'provider-review', { approve: true, fields: ['jgmc', 'rs'] });
    const key = await keyOf(h, 'citizen06');
    const records = (fields: string) =>
      h.app.inject({ method: 'GET', url: `/api/open/resources/${data.resourceId}/records?fields=${fields}`, headers: key.headers });
    const ok = await records('jgmc,rs');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<{ records: Record<string, unknown>[] }>().records[0]).toEqual({ jgmc: expect.any(String), rs: expect.anything() });
    expect((await records('jgmc,lxdh')).statusCode).toBe(403);

    await call<OpenGrant>('reviewer', 'POST', `/api/open/grants/${done.grantId}/state`, { action: 'suspend', reason: '核查使用情况' });
    expect((await records('jgmc')).statusCode).toBe(403);
    await call<OpenGrant>('reviewer', 'POST', `/api/open/grants/${done.grantId}/state`, { action: 'restore', reason: '核查无误' });
    expect((await records('jgmc')).statusCode).toBe(200);
  });
});
