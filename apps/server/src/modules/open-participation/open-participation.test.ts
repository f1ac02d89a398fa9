/**
 * Participation on the open portal through the HTTP API on the 2026 calendar: registration of
 * citizens and organizations (identifiers checked, every problem by its field, duplicates, the
 * password policy, no identity number in clear in the audit trail, the rate limit), objections
 * answered by the provider on the clock (R20.2) and the moderated showcase (R22.1).
 */
import type { ApiErrorBody, Me } from '@gongshu/contracts';
import { makeCitizenId, makeCreditCode, type ResourceMetadata } from '@gongshu/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, parseSetCookies, testClock, type Harness, type SignedIn } from '../../../test/harness.js';
import { publishResource } from '../aggregation/aggregation.fixtures.js';
import { openAttributes, publishOpenCatalog, type OpenCatalog } from '../ckan/open-catalog.fixtures.js';
import { demoActors } from '../seed/demo-actors.js';

const clock = testClock('2026-03-02T09:00:00+08:00');
let h: Harness;
let catalog: OpenCatalog;
/** Sessions by user, with the clock time they were made at (the clock jumps days between steps). */
const sessions = new Map<string, SignedIn & { at?: number }>();

async function sessionOf(who: string): Promise<SignedIn> {
  const known = sessions.get(who);
  if (known && (known.at === undefined || Math.abs(known.at - clock().getTime()) < 10 * 60_000)) return known;
  const session = await h.signIn(who);
  sessions.set(who, { ...session, at: clock().getTime() });
  return session;
}

async function call<T>(who: string | null, method: 'GET' | 'POST', url: string, payload?: unknown, status = 200): Promise<T> {
  const headers = who ? (await sessionOf(who)).headers : {};
  const res = await h.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  expect(res.statusCode, `${method} ${url} as ${who ?? 'anonymous'}: ${res.body}`).toBe(status);
  return res.json<T>();
}

let address = 0;
/** Each registration from its own address, so the per-address limit only bites where a test wants it. */
function register(body: Record<string, unknown>, remoteAddress = `10.0.${Math.floor(++address / 200)}.${address % 200}`) {
  return h.app.inject({ method: 'POST', url: '/api/open/register', payload: body, remoteAddress });
}

const CITIZEN_ID = makeCitizenId('370481', '19900215', 123);
const CREDIT_CODE = makeCreditCode('91370481MA0000777');
const citizenBody = (extra: Record<string, unknown> = {}) => ({
  kind: 'citizen',
  username: 'wangfang',
  password: 'Open-data-2026',
  name: '王芳',
  identityNumber: CITIZEN_ID,
  phone: '13800000001',
  ...extra,
});
const organizationBody = (extra: Record<string, unknown> = {}) => ({
  kind: 'organization',
  username: 'lunan-lab',
  password: 'Open-data-2026',
  name: '滕州市鲁南数据实验室有限公司',
  identityNumber: CREDIT_CODE,
  contactName: '李强',
  phone: '0632-5551234',
  email: 'data@example.cn',
  ...extra,
});
const fieldsOf = (body: ApiErrorBody) => ((body.details?.problems ?? []) as { field: string }[]).map((p) => p.field);

beforeAll(async () => {
  h = await createHarness({ clock });
  catalog = await publishOpenCatalog(h);
}, 120_000);
afterAll(async () => h.close());

describe('registration (issue 7 item 3)', () => {
  it('a citizen registers with a valid citizen ID number and is signed in as a public user', async () => {
    const res = await register(citizenBody());
    expect(res.statusCode, res.body).toBe(201);
    const me = res.json<Me>();
    expect(me.user).toMatchObject({
      username: 'wangfang',
      displayName: '王芳',
      roles: ['public_user'],
      publicKind: 'citizen',
      agency: null,
    });
    expect(me.permissions).toContain('open.participate');
    const cookies = parseSetCookies(res.headers['set-cookie']);
    const cookie = Object.entries(cookies)
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');
    sessions.set('wangfang', { cookies, csrfToken: me.csrfToken ?? '', headers: { cookie, 'x-csrf-token': me.csrfToken ?? '' } });
    const again = await call<Me>('wangfang', 'GET', '/api/auth/me');
    expect(again.user.username).toBe('wangfang');
    const row = await h.db.selectFrom('users').selectAll().where('username', '=', 'wangfang').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ public_kind: 'citizen', identity_number: CITIZEN_ID, phone: '13800000001', agency_id: null });
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('an organization registers with a valid credit code and a contact person', async () => {
    const res = await register(organizationBody());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<Me>().user).toMatchObject({ publicKind: 'organization', displayName: '滕州市鲁南数据实验室有限公司' });
    const row = await h.db.selectFrom('users').selectAll().where('username', '=', 'lunan-lab').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ identity_number: CREDIT_CODE, contact_name: '李强', email: 'data@example.cn' });
  });

  it('every problem of the form comes back at once, each naming its field', async () => {
    const wrongCheck = CITIZEN_ID.slice(0, 17) + (CITIZEN_ID.endsWith('1') ? '2' : '1');
    const res = await register(citizenBody({ username: 'x', password: 'short', identityNumber: wrongCheck, phone: '12345', name: '' }));
    expect(res.statusCode).toBe(400);
    const body = res.json<ApiErrorBody>();
    expect(body.field).toBe('username');
    expect(fieldsOf(body).sort()).toEqual(['identityNumber', 'name', 'password', 'phone', 'username']);
    const problems = body.details?.problems as { field: string; code: string; message: { zh: string } }[];
    expect(problems.find((p) => p.field === 'identityNumber')).toMatchObject({ code: 'CITIZEN_ID_INVALID' });
    expect(problems.find((p) => p.field === 'identityNumber')?.message.zh).toContain('校验码错误');
    expect(problems.find((p) => p.field === 'password')).toMatchObject({ code: 'PASSWORD_TOO_WEAK' });
  });

  it('an impossible birth date and a wrong credit code are refused by the national standards', async () => {
    const badDate = await register(citizenBody({ username: 'baddate', identityNumber: makeCitizenId('370481', '19900230', 5) }));
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json<ApiErrorBody>()).toMatchObject({ code: 'CITIZEN_ID_INVALID', field: 'identityNumber' });
    const badCode = CREDIT_CODE.slice(0, 17) + (CREDIT_CODE.endsWith('0') ? '1' : '0');
    const org = await register(organizationBody({ username: 'badcode', identityNumber: badCode, contactName: '' }));
    expect(org.statusCode).toBe(400);
    const body = org.json<ApiErrorBody>();
    expect(body).toMatchObject({ code: 'CREDIT_CODE_INVALID', field: 'identityNumber' });
    expect(fieldsOf(body)).toEqual(['identityNumber', 'contactName']);
    // A citizen ID number is no credit code.
    const swapped = await register(organizationBody({ username: 'swapped', identityNumber: CITIZEN_ID }));
    expect(swapped.json<ApiErrorBody>()).toMatchObject({ code: 'CREDIT_CODE_INVALID', field: 'identityNumber' });
  });

  it('the password policy holds: length, letters and digits, not the username', async () => {
    for (const password of ['abcdefghij', '1234567890', 'wangli2026-x']) {
      const res = await register(citizenBody({ username: 'wangli', identityNumber: makeCitizenId('370481', '19850101', 7), password }));
      expect(res.statusCode).toBe(400);
      expect(res.json<ApiErrorBody>()).toMatchObject({ code: 'PASSWORD_TOO_WEAK', field: 'password' });
    }
  });

  it('a taken username (any case) or identity number is refused, naming the field', async () => {
    const user = await register(citizenBody({ username: 'WANGFANG', identityNumber: makeCitizenId('370481', '19920101', 9) }));
    expect(user.statusCode).toBe(409);
    expect(user.json<ApiErrorBody>()).toMatchObject({ code: 'CONFLICT', field: 'username' });
    const agencyName = await register(citizenBody({ username: 'hrss-steward', identityNumber: makeCitizenId('370481', '19920101', 9) }));
    expect(agencyName.json<ApiErrorBody>()).toMatchObject({ code: 'CONFLICT', field: 'username' });
    const person = await register(citizenBody({ username: 'wangfang2', identityNumber: CITIZEN_ID.toLowerCase() }));
    expect(person.statusCode).toBe(409);
    expect(person.json<ApiErrorBody>()).toMatchObject({ code: 'CONFLICT', field: 'identityNumber' });
    expect(person.json<ApiErrorBody>().message.zh).toContain('公民身份号码已注册');
    const org = await register(organizationBody({ username: 'lunan-lab-2' }));
    expect(org.json<ApiErrorBody>()).toMatchObject({ code: 'CONFLICT', field: 'identityNumber' });
  });

  it('the audit trail records each registration with the identity number masked, never in clear', async () => {
    const entries = await h.db
      .selectFrom('audit_log')
      .select(['action', 'details', 'actor_label'])
      .where('action', '=', 'open.register')
      .orderBy('seq')
      .execute();
    expect(entries.map((e) => e.details)).toEqual([
      { username: 'wangfang', kind: 'citizen', identityNumber: `370481********${CITIZEN_ID.slice(14)}` },
      { username: 'lunan-lab', kind: 'organization', identityNumber: `91************${CREDIT_CODE.slice(14)}` },
    ]);
    const leaks = await sql<{ n: number }>`select count(*)::int as n from audit_log
      where details::text like ${`%${CITIZEN_ID}%`} or details::text like ${`%${CREDIT_CODE}%`}`.execute(h.db);
    expect(leaks.rows[0]?.n).toBe(0);
  });

  it('registrations are rate limited per address (429 with Retry-After)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < h.config.registerRateLimit + 1; i++) {
      statuses.push((await register(citizenBody({ username: `flood${i}`, identityNumber: 'x' }), '10.99.0.1')).statusCode);
    }
    expect(statuses.slice(0, -1).every((s) => s === 400)).toBe(true);
    const limited = await register(citizenBody({ username: 'flood-last' }), '10.99.0.1');
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
    expect((await register(citizenBody({ username: 'x' }), '10.99.0.2')).statusCode).toBe(400);
  });
});

interface Objection {
  id: string;
  number: string;
  state: string;
  raisedBy: string;
  dueOn: string | null;
  overdue: boolean;
  field: { code: string; name: string } | null;
  answer: { text: string; action: string } | null;
  deadline: { workingDaysLeft: number; dueOn: string } | null;
  canAnswer: boolean;
}

describe('objections (R20.2)', () => {
  let raised: Objection;

  it('needs a sign-in; any signed-in user raises one on an open resource, naming a field; the provider is told', async () => {
    const anonymous = await h.app.inject({
      method: 'POST',
      url: '/api/open/objections',
      payload: { resourceId: catalog.training.resourceId, kind: 'error', description: '姓名有错别字' },
    });
    expect(anonymous.statusCode).toBe(401);
    clock.set('2026-03-02T10:00:00+08:00');
    raised = await call<Objection>(
      'citizen',
      'POST',
      '/api/open/objections',
      { resourceId: catalog.training.resourceId, kind: 'error', fieldCode: 'xm', description: '第 3 行机构名称有错别字' },
      201,
    );
    expect(raised).toMatchObject({ number: expect.stringMatching(/^YY2026\d{6}$/), state: 'open', field: { code: 'xm', name: '姓名' } });
    // 10 working days from the day after receipt: due Monday 16 March.
    expect(raised.deadline).toMatchObject({ step: 'open.objection.answer', dueOn: '2026-03-16', workingDays: 10, requirement: 'R20.2' });
    const notes = await call<{ items: { title: { zh: string }; link: string }[] }>('hrss-steward', 'GET', '/api/notifications');
    expect(notes.items.some((n) => n.title.zh.includes(raised.number) && n.link === '/open-admin/objections')).toBe(true);
    // An agency's person may object too (R20.2: anyone).
    await call(
      'civil-staff',
      'POST',
      '/api/open/objections',
      { resourceId: catalog.jobs.resourceId, kind: 'suggestion', description: '建议增加岗位所在镇街字段' },
      201,
    );
  });

  it('refuses a resource that is not open, an unknown field and an empty description', async () => {
    const closed = await call<ApiErrorBody>(
      'citizen',
      'POST',
      '/api/open/objections',
      { resourceId: catalog.closed.resourceId, kind: 'error', description: '数据有误，请核实' },
      404,
    );
    expect(closed).toMatchObject({ code: 'OPEN_NOT_AVAILABLE', field: 'resourceId' });
    const bad = await call<ApiErrorBody>(
      'citizen',
      'POST',
      '/api/open/objections',
      { resourceId: catalog.training.resourceId, kind: 'omission', fieldCode: 'nope', description: '' },
      400,
    );
    expect(fieldsOf(bad)).toEqual(['fieldCode', 'description']);
  });

  it('the public list shows it anonymously with a masked name and no personal data', async () => {
    const list = await call<{ items: (Objection & Record<string, unknown>)[]; total: number }>(
      null,
      'GET',
      `/api/open/objections?resourceId=${catalog.training.resourceId}`,
    );
    expect(list.total).toBe(1);
    const [item] = list.items;
    const citizen = await h.db.selectFrom('users').select('display_name').where('username', '=', 'citizen').executeTakeFirstOrThrow();
    expect(item).toMatchObject({ number: raised.number, dueOn: '2026-03-16', overdue: false, answer: null });
    expect(item?.raisedBy).toBe(`${[...citizen.display_name][0]}${'*'.repeat([...citizen.display_name].length - 1)}`);
    expect(JSON.stringify(item)).not.toContain(citizen.display_name);
    expect(item).not.toHaveProperty('deadline');
    expect(item).not.toHaveProperty('userId');
    const all = await call<{ total: number }>(null, 'GET', '/api/open/objections');
    expect(all.total).toBe(2);
  });

  it('only the provider’s steward answers: other agencies, staff and citizens cannot', async () => {
    const body = { answer: '已核实并更正机构名称', action: 'corrected' };
    await call('citizen', 'POST', `/api/open/objections/${raised.id}/answer`, body, 403);
    await call('hrss-staff', 'POST', `/api/open/objections/${raised.id}/answer`, body, 403);
    await call('reviewer', 'POST', `/api/open/objections/${raised.id}/answer`, body, 403);
    await call('civil-steward', 'POST', `/api/open/objections/${raised.id}/answer`, body, 404);
    const civilQueue = await call<Objection[]>('civil-steward', 'GET', '/api/open/objections/queue');
    expect(civilQueue.map((o) => o.id)).not.toContain(raised.id);
  });

  it('the provider’s queue counts working days left; past the due day the step is overdue, and a late answer stays marked late', async () => {
    clock.set('2026-03-09T10:00:00+08:00');
    const queue = await call<Objection[]>('hrss-steward', 'GET', '/api/open/objections/queue?state=open');
    const mine = queue.find((o) => o.id === raised.id);
    expect(mine).toMatchObject({ canAnswer: true, deadline: { dueOn: '2026-03-16', workingDaysLeft: 5 } });
    const bureau = await call<Objection[]>('reviewer', 'GET', '/api/open/objections/queue');
    expect(bureau.map((o) => o.id)).toContain(raised.id);
    expect(bureau.find((o) => o.id === raised.id)?.canAnswer).toBe(false);

    clock.set('2026-03-17T10:00:00+08:00');
    await h.services.deadlines.sweep();
    const overdue = await call<{ items: Objection[] }>(null, 'GET', `/api/open/objections?resourceId=${catalog.training.resourceId}`);
    expect(overdue.items[0]).toMatchObject({ state: 'open', overdue: true });

    const answered = await call<Objection>('hrss-steward', 'POST', `/api/open/objections/${raised.id}/answer`, {
      answer: '已核实并更正机构名称',
      action: 'corrected',
    });
    expect(answered).toMatchObject({ state: 'answered', answer: { text: '已核实并更正机构名称', action: 'corrected' }, canAnswer: false });
    const step = await h.db
      .selectFrom('deadlines')
      .select(['state', 'met_at'])
      .where('subject_id', '=', raised.id)
      .executeTakeFirstOrThrow();
    expect(step.state).toBe('met');
    await call<ApiErrorBody>(
      'hrss-steward',
      'POST',
      `/api/open/objections/${raised.id}/answer`,
      { answer: '再次答复内容', action: 'no_change' },
      409,
    );
  });

  it('the answer is public, and the raiser is told and sees it among their objections', async () => {
    const list = await call<{ items: Objection[] }>(
      null,
      'GET',
      `/api/open/objections?resourceId=${catalog.training.resourceId}&state=answered`,
    );
    expect(list.items[0]).toMatchObject({ answer: { text: '已核实并更正机构名称', action: 'corrected' }, overdue: true });
    const mine = await call<Objection[]>('citizen', 'GET', '/api/open/objections/mine');
    expect(mine.find((o) => o.id === raised.id)).toMatchObject({ state: 'answered' });
    const notes = await call<{ items: { title: { zh: string }; link: string }[] }>('citizen', 'GET', '/api/notifications');
    expect(notes.items.some((n) => n.title.zh.includes(`${raised.number} 已答复`) && n.link === '/me/objections')).toBe(true);
    const audit = await h.db.selectFrom('audit_log').select('action').where('subject_id', '=', raised.id).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['open.objection.raise', 'open.objection.answer']));
  });
});

interface Item {
  id: string;
  state: string;
  kind: string;
  resources: { id: string; name: string }[];
  moderationNote: string | null;
  canWithdraw: boolean;
}

describe('reuse showcase (R22.1)', () => {
  const work = (extra: Record<string, unknown> = {}) => ({
    kind: 'application',
    title: '滕州培训地图',
    summary: '基于职业技能培训机构名录和养老服务机构名录做的地图小程序，方便查找附近机构',
    url: 'https://example.cn/map',
    author: '王芳',
    resourceIds: [catalog.training.resourceId, catalog.care.resourceId],
    ...extra,
  });
  let app: Item;
  let study: Item;

  it('a public user submits a work linked to open resources; agency people cannot submit', async () => {
    app = await call<Item>('citizen', 'POST', '/api/open/showcase', work(), 201);
    expect(app).toMatchObject({ state: 'pending', canWithdraw: true });
    expect(app.resources.map((r) => r.name)).toEqual(['职业技能培训机构名录', '养老服务机构名录']);
    study = await call<Item>(
      'company',
      'POST',
      '/api/open/showcase',
      work({ kind: 'research', title: '滕州就业趋势研究', url: undefined }),
      201,
    );
    await call('hrss-steward', 'POST', '/api/open/showcase', work(), 403);
    const notes = await call<{ items: { link: string }[] }>('reviewer', 'GET', '/api/notifications');
    expect(notes.items.some((n) => n.link === '/open-admin/showcase')).toBe(true);
  });

  it('links only open resources, needs at least one, and a web link', async () => {
    const closed = await call<ApiErrorBody>(
      'citizen',
      'POST',
      '/api/open/showcase',
      work({ resourceIds: [catalog.closed.resourceId] }),
      400,
    );
    expect(closed).toMatchObject({ field: 'resourceIds', details: { notOpen: [catalog.closed.resourceId] } });
    const none = await call<ApiErrorBody>(
      'citizen',
      'POST',
      '/api/open/showcase',
      work({ resourceIds: [], url: 'javascript:alert(1)' }),
      400,
    );
    expect(fieldsOf(none)).toEqual(['url', 'resourceIds']);
  });

  it('pending works are not in the gallery; the bureau approves and rejects (with a reason only)', async () => {
    expect((await call<{ total: number }>(null, 'GET', '/api/open/showcase')).total).toBe(0);
    await call('citizen', 'POST', `/api/open/showcase/${app.id}/moderate`, { approve: true }, 403);
    const queue = await call<Item[]>('reviewer', 'GET', '/api/open/showcase/queue');
    expect(queue.map((i) => i.id)).toEqual([app.id, study.id]);
    await call('reviewer', 'POST', `/api/open/showcase/${app.id}/moderate`, { approve: true });
    await call<ApiErrorBody>('reviewer', 'POST', `/api/open/showcase/${app.id}/moderate`, { approve: true }, 409);
    const noReason = await call<ApiErrorBody>('reviewer', 'POST', `/api/open/showcase/${study.id}/moderate`, { approve: false }, 400);
    expect(noReason.field).toBe('reason');
    await call('reviewer', 'POST', `/api/open/showcase/${study.id}/moderate`, { approve: false, reason: '未说明使用了哪些数据' });
    const mine = await call<Item[]>('company', 'GET', '/api/open/showcase/mine');
    expect(mine[0]).toMatchObject({ state: 'rejected', moderationNote: '未说明使用了哪些数据' });
  });

  it('the gallery shows approved works by kind and by resource, without moderation notes', async () => {
    const gallery = await call<{ items: Item[]; total: number; kinds: { kind: string; count: number }[] }>(
      null,
      'GET',
      '/api/open/showcase',
    );
    expect(gallery.items.map((i) => i.id)).toEqual([app.id]);
    expect(gallery.kinds).toContainEqual({ kind: 'application', count: 1 });
    expect(gallery.items[0]).toMatchObject({ moderationNote: null, canWithdraw: false });
    expect((await call<{ total: number }>(null, 'GET', '/api/open/showcase?kind=research')).total).toBe(0);
    expect((await call<{ total: number }>(null, 'GET', `/api/open/showcase?resourceId=${catalog.care.resourceId}`)).total).toBe(1);
    expect((await call<{ total: number }>(null, 'GET', `/api/open/showcase?resourceId=${catalog.jobs.resourceId}`)).total).toBe(0);
    const options = await call<{ id: string }[]>(null, 'GET', `/api/open/showcase/resource-options?q=${encodeURIComponent('名录')}`);
    expect(options.map((o) => o.id).sort()).toEqual([catalog.training.resourceId, catalog.care.resourceId].sort());
  });

  it('only the submitter withdraws; a withdrawn work leaves the gallery', async () => {
    await call('company', 'POST', `/api/open/showcase/${app.id}/withdraw`, undefined, 404);
    const withdrawn = await call<Item>('citizen', 'POST', `/api/open/showcase/${app.id}/withdraw`);
    expect(withdrawn.state).toBe('withdrawn');
    expect((await call<{ total: number }>(null, 'GET', '/api/open/showcase')).total).toBe(0);
    await call('reviewer', 'POST', `/api/open/showcase/${app.id}/moderate`, { approve: true }, 409);
  });
});

describe('a resource that closes (R18.1)', () => {
  it('takes its objections out of the public list and its name out of the showcase works', async () => {
    clock.set('2026-04-01T10:00:00+08:00');
    const as = demoActors(h.db);
    const steward = await as('hrss-steward');
    const resource = await publishResource(h, 'hrss', openAttributes('unconditional'));
    const citizen = await as('citizen');
    const open = h.services.openParticipation;
    const objection = await open.objections.raise(citizen, {
      resourceId: resource.resourceId,
      kind: 'error',
      description: '数据中有个人信息',
    });
    const item = await open.showcase.submit(citizen, {
      kind: 'scenario',
      title: '关闭前的场景',
      summary: '同时使用两份开放数据的应用场景说明',
      author: '王芳',
      resourceIds: [resource.resourceId, catalog.training.resourceId],
    });
    await open.showcase.moderate(await as('reviewer'), item.id, { approve: true });

    // The provider closes the resource: open type none after the bureau's downgrade approval (R18.3).
    const change = await h.services.catalog.startChange(steward, resource.resourceId, '涉及个人信息', '2026-03-31');
    const draft = await h.db.selectFrom('catalog_versions').select('metadata').where('id', '=', change.id).executeTakeFirstOrThrow();
    const metadata = draft.metadata as ResourceMetadata;
    await h.services.catalog.updateDraft(steward, change.id, {
      metadata: {
        ...metadata,
        open: { type: 'none', conditions: null, noneGround: 'trade_secret_privacy', legalBasis: '《中华人民共和国个人信息保护法》' },
      },
      justification: '测试',
      changeReason: '涉及个人信息',
      lawChangeDate: '2026-03-31',
    });
    await h.services.catalog.submit(steward, [change.id]);
    await h.services.catalog.approve(await as('reviewer'), change.id, null);
    const decided = await h.services.catalog.decideDowngrade(await as('admin'), change.id, true, '同意不予开放');
    expect(decided.state).toBe('published');

    const list = await open.objections.listPublic({ resourceId: resource.resourceId });
    expect(list.total).toBe(0);
    expect((await open.objections.mine(citizen)).map((o) => o.id)).toContain(objection.id);
    const gallery = await open.showcase.gallery({});
    const shown = gallery.items.find((i) => i.id === item.id);
    expect(shown?.resources.map((r) => r.id)).toEqual([catalog.training.resourceId]);
    await expect(
      open.objections.raise(citizen, { resourceId: resource.resourceId, kind: 'error', description: '再提一次异议内容' }),
    ).rejects.toMatchObject({ code: 'OPEN_NOT_AVAILABLE' });
  });
});
