/**
 * The catalog through the API (issue 4): register, review on the clock, publish, change, find.
 * Each rule names its requirement id.
 */
import type { CatalogVersion } from '@gongshu/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildField, buildMetadata } from '../../../../../packages/domain/src/catalog/catalog.fixtures.js';
import { createHarness, testClock, type Harness, type SignedIn } from '../../../test/harness.js';

const clock = testClock('2026-03-02T09:00:00+08:00'); // Monday
let h: Harness;
let steward: SignedIn;
let reviewer: SignedIn;
let admin: SignedIn;

const openData = {
  share: { type: 'unconditional' as const, conditions: null, legalBasis: null, methods: ['interface' as const, 'bulk_file' as const] },
  open: { type: 'unconditional' as const, conditions: null, noneGround: null, legalBasis: null },
  securityLevel: 1 as const,
  dataGrade: 'general' as const,
};

async function fresh() {
  steward = await h.signIn('hrss-steward');
  reviewer = await h.signIn('reviewer');
  admin = await h.signIn('admin');
}

async function draft(s: SignedIn, body: Record<string, unknown>) {
  const res = await h.app.inject({ method: 'POST', url: '/api/catalog/drafts', headers: s.headers, payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<CatalogVersion>();
}

async function submit(s: SignedIn, ...versionIds: string[]) {
  return h.app.inject({ method: 'POST', url: '/api/catalog/submit', headers: s.headers, payload: { versionIds } });
}

async function approve(id: string, s = reviewer) {
  const res = await h.app.inject({
    method: 'POST',
    url: `/api/catalog/versions/${id}/approve`,
    headers: s.headers,
    payload: { comment: '形式审核通过' },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<CatalogVersion>();
}

let published: { id: string; resourceId: string; resourceCode: string };

beforeAll(async () => {
  h = await createHarness({ clock });
  await fresh();
});
afterAll(async () => h.close());

describe('register, review and publish (R10.1, R10.2)', () => {
  it('saves a draft with its problems listed, all at once', async () => {
    const v = await draft(steward, {
      metadata: buildMetadata({ name: '', share: { type: 'conditional', conditions: null, legalBasis: null, methods: ['query'] } }),
    });
    expect(v.state).toBe('draft');
    expect(v.problems.map((p: { code: string; requirement?: string }) => [p.code, p.requirement])).toEqual(
      expect.arrayContaining([
        ['CATALOG_REQUIRED', 'R10.1'],
        ['CATALOG_SHARE_CONDITIONS_REQUIRED', 'R13.1'],
        ['CATALOG_SHARE_LEGAL_BASIS_REQUIRED', 'R13.1'],
      ]),
    );
    const refused = await submit(steward, v.id);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'CATALOG_INVALID', details: { versions: [{ versionId: v.id }] } });
    const after = await h.app.inject({ method: 'GET', url: `/api/catalog/versions/${v.id}`, headers: steward.headers });
    expect(after.json().state).toBe('draft');
  });

  it('refuses data involving state secrets and stores nothing (R2.2)', async () => {
    const before = await h.db.selectFrom('catalog_versions').select('id').execute();
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/catalog/drafts',
      headers: steward.headers,
      payload: { metadata: buildMetadata({ involvesStateSecret: true }) },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'CATALOG_STATE_SECRET', requirement: 'R2.2' });
    expect(await h.db.selectFrom('catalog_versions').select('id').execute()).toHaveLength(before.length);
  });

  it('staff draft but only the steward submits (R8.1)', async () => {
    const staff = await h.signIn('hrss-staff');
    const v = await draft(staff, {
      metadata: buildMetadata({
        name: '就业登记信息',
        classificationCode: '101001',
        ...openData,
        fields: [buildField({ code: 'dwmc', name: '就业单位', length: 100 })],
      }),
    });
    const res = await submit(staff, v.id);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
    const ok = await submit(steward, v.id);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()[0]).toMatchObject({
      state: 'submitted',
      deadline: { step: 'catalog.submission.formal_review', workingDays: 5, requirement: 'R10.2', dueOn: '2026-03-09' },
    });
    published = { id: v.id, resourceId: v.resourceId, resourceCode: '' };
  });

  it('puts submissions in the bureau’s queue with time left, and publishes on approval with a resource code', async () => {
    const queue = await h.app.inject({ method: 'GET', url: '/api/catalog/reviews', headers: reviewer.headers });
    expect(queue.json().map((v: { id: string }) => v.id)).toContain(published.id);
    const v = await approve(published.id);
    expect(v.state).toBe('published');
    expect(v.resourceCode).toMatch(/^101001\/\d{6}$/);
    published.resourceCode = v.resourceCode ?? '';
    const steps = await h.db.selectFrom('deadlines').select(['state']).where('subject_id', '=', published.id).execute();
    expect(steps).toEqual([{ state: 'met' }]);
    const notes = await h.app.inject({ method: 'GET', url: '/api/notifications', headers: steward.headers });
    expect(notes.json().items.map((n: { kind: string }) => n.kind)).toContain('catalog.published');
  });

  it('finds the published entry with a Chinese query and highlights it', async () => {
    const res = await h.app.inject({
      method: 'GET',
      url: `/api/catalog/search?q=${encodeURIComponent('就业登记')}`,
      headers: reviewer.headers,
    });
    const body = res.json();
    expect(body.hits.map((x: { id: string }) => x.id)).toContain(published.resourceId);
    const hit = body.hits.find((x: { id: string }) => x.id === published.resourceId);
    expect(
      hit.highlight.name
        .filter((s: { hit: boolean }) => s.hit)
        .map((s: { text: string }) => s.text)
        .join(''),
    ).toBe('就业登记');
    expect(body.facets.openType).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ value: 'unconditional', label: { zh: '无条件开放', en: 'Unconditional opening' } }),
      ]),
    );
  });

  it('submits a batch all or nothing', async () => {
    const good = await draft(steward, {
      metadata: buildMetadata({
        name: '失业登记信息',
        fields: [buildField({ code: 'sydj', name: '失业登记日期', dataType: 'date', length: null })],
      }),
    });
    const bad = await draft(steward, {
      metadata: buildMetadata({ name: '职业培训补贴', open: { type: 'none', conditions: null, noneGround: null, legalBasis: null } }),
    });
    const res = await submit(steward, good.id, bad.id);
    expect(res.statusCode).toBe(400);
    expect(res.json().details.versions).toEqual([
      expect.objectContaining({
        versionId: bad.id,
        problems: expect.arrayContaining([expect.objectContaining({ code: 'CATALOG_OPEN_GROUND_REQUIRED', requirement: 'R18.1' })]),
      }),
    ]);
    const states = await h.db.selectFrom('catalog_versions').select('state').where('id', 'in', [good.id, bad.id]).execute();
    expect(states.map((s) => s.state)).toEqual(['draft', 'draft']);
  });

  it('returns with all reasons at once; the steward is told', async () => {
    const v = await draft(steward, {
      metadata: buildMetadata({
        name: '工伤认定信息',
        fields: [buildField({ code: 'gsrq', name: '工伤发生日期', dataType: 'date', length: null })],
      }),
    });
    expect((await submit(steward, v.id)).statusCode).toBe(200);
    const empty = await h.app.inject({
      method: 'POST',
      url: `/api/catalog/versions/${v.id}/return`,
      headers: reviewer.headers,
      payload: { reasons: [] },
    });
    expect(empty.statusCode).toBe(400);
    const res = await h.app.inject({
      method: 'POST',
      url: `/api/catalog/versions/${v.id}/return`,
      headers: reviewer.headers,
      payload: {
        reasons: [
          { reason: '摘要过于简略', legalBasis: null },
          { reason: '信息项缺少长度', legalBasis: 'GB/T 21063.3' },
        ],
      },
    });
    expect(res.json()).toMatchObject({ state: 'returned', returnReasons: [{ reason: '摘要过于简略' }, { reason: '信息项缺少长度' }] });
    const notes = await h.app.inject({ method: 'GET', url: '/api/notifications', headers: steward.headers });
    expect(notes.json().items.map((n: { kind: string }) => n.kind)).toContain('catalog.returned');
  });
});

describe('no duplicate collection (R9.1)', () => {
  it('shows overlapping fields and requires a justification, which the reviewer sees', async () => {
    const base = await draft(steward, {
      metadata: buildMetadata({
        name: '参保人员基础信息',
        fields: [
          buildField({ code: 'sfzh', name: '公民身份号码', identifierRole: 'citizen_id', length: 18 }),
          buildField({ code: 'xm', name: '姓名' }),
          buildField({ code: 'csrq', name: '出生日期', dataType: 'date', length: null }),
        ],
      }),
    });
    await submit(steward, base.id);
    await approve(base.id);

    const other = await h.signIn('civil-steward');
    const v = await draft(other, {
      metadata: buildMetadata({
        name: '低保对象信息',
        fields: [
          buildField({ code: 'id_no', name: '身份证号码', identifierRole: 'citizen_id', length: 18 }),
          buildField({ code: 'birth', name: '出生 日期', dataType: 'date', length: null }),
        ],
      }),
    });
    expect(v.needsJustification).toBe(true);
    expect(
      v.overlaps.map((o: { field: { code: string }; matches: { resourceName: string }[] }) => [o.field.code, o.matches[0]?.resourceName]),
    ).toEqual(
      expect.arrayContaining([
        ['id_no', '参保人员基础信息'],
        ['birth', '参保人员基础信息'],
      ]),
    );
    const refused = await submit(other, v.id);
    expect(refused.json().details.versions[0].problems).toEqual([
      expect.objectContaining({ code: 'CATALOG_DUPLICATION_UNJUSTIFIED', requirement: 'R9.1' }),
    ]);
    await h.app.inject({
      method: 'PUT',
      url: `/api/catalog/versions/${v.id}`,
      headers: other.headers,
      payload: { metadata: v.metadata, justification: '低保审核需核对出生日期，参保库更新滞后' },
    });
    expect((await submit(other, v.id)).statusCode).toBe(200);
    const queued = (await h.app.inject({ method: 'GET', url: `/api/catalog/versions/${v.id}`, headers: reviewer.headers })).json();
    expect(queued).toMatchObject({ justification: '低保审核需核对出生日期，参保库更新滞后', needsJustification: true });
    expect(queued.overlaps.length).toBeGreaterThan(0);
  });
});

describe('changes keep every version (R10.3) and downgrades need the bureau (R18.3)', () => {
  it('flags a change filed more than 15 working days after the law change, reviews it in 2 working days, and keeps the old version', async () => {
    clock.set('2026-03-30T10:00:00+08:00');
    await fresh();
    const change = await h.app.inject({
      method: 'POST',
      url: `/api/catalog/resources/${published.resourceId}/changes`,
      headers: steward.headers,
      payload: { changeReason: '《就业服务与就业管理规定》修订', lawChangeDate: '2026-03-02' },
    });
    expect(change.statusCode, change.body).toBe(201);
    const v = change.json();
    expect(v).toMatchObject({ kind: 'change', number: 2, filingDueOn: '2026-03-23' });
    const again = await h.app.inject({
      method: 'POST',
      url: `/api/catalog/resources/${published.resourceId}/changes`,
      headers: steward.headers,
      payload: { changeReason: '重复', lawChangeDate: '2026-03-02' },
    });
    expect(again.statusCode).toBe(409);
    const metadata = {
      ...v.metadata,
      updateFrequency: 'weekly',
      fields: [...v.metadata.fields, buildField({ code: 'hyfl', name: '行业分类', length: 20 })],
    };
    await h.app.inject({
      method: 'PUT',
      url: `/api/catalog/versions/${v.id}`,
      headers: steward.headers,
      payload: { metadata, changeReason: v.changeReason, lawChangeDate: v.lawChangeDate },
    });
    const submitted = (await submit(steward, v.id)).json()[0];
    expect(submitted).toMatchObject({
      filedLate: true,
      deadline: { step: 'catalog.change_request.review', workingDays: 2, requirement: 'R10.3', dueOn: '2026-04-01' },
    });
    expect(submitted.changes.map((c: { path: string }) => c.path)).toEqual(['updateFrequency', 'fields.hyfl']);
    const done = await approve(v.id);
    expect(done.state).toBe('published');
    const resource = (
      await h.app.inject({ method: 'GET', url: `/api/catalog/resources/${published.resourceId}`, headers: reviewer.headers })
    ).json();
    expect(resource.code).toBe(published.resourceCode);
    expect(resource.versions.map((x: { number: number; state: string }) => [x.number, x.state])).toEqual([
      [2, 'published'],
      [1, 'superseded'],
    ]);
    const diff = await h.app.inject({
      method: 'GET',
      url: `/api/catalog/resources/${published.resourceId}/diff?from=1&to=2`,
      headers: reviewer.headers,
    });
    expect(diff.json()[0]).toMatchObject({ path: 'updateFrequency', before: 'daily', after: 'weekly', label: { zh: '更新周期' } });
  });

  it('sends a lowered open attribute to the administrators’ own approval step', async () => {
    const v = (
      await h.app.inject({
        method: 'POST',
        url: `/api/catalog/resources/${published.resourceId}/changes`,
        headers: steward.headers,
        payload: { changeReason: '涉及个人信息，需实名申请', lawChangeDate: '2026-03-27' },
      })
    ).json();
    const metadata = { ...v.metadata, open: { type: 'conditional', conditions: '实名注册并说明用途', noneGround: null, legalBasis: null } };
    await h.app.inject({
      method: 'PUT',
      url: `/api/catalog/versions/${v.id}`,
      headers: steward.headers,
      payload: { metadata, changeReason: v.changeReason, lawChangeDate: v.lawChangeDate },
    });
    const submitted = (await submit(steward, v.id)).json()[0];
    expect(submitted).toMatchObject({ downgrades: ['open'], filedLate: false });
    const reviewed = await approve(v.id);
    expect(reviewed).toMatchObject({ state: 'downgrade_review', deadline: { step: 'catalog.downgrade.approval', requirement: 'R18.3' } });
    const byReviewer = await h.app.inject({
      method: 'POST',
      url: `/api/catalog/versions/${v.id}/downgrade-decision`,
      headers: reviewer.headers,
      payload: { approved: true, comment: '同意' },
    });
    expect(byReviewer.statusCode).toBe(403);
    const decided = await h.app.inject({
      method: 'POST',
      url: `/api/catalog/versions/${v.id}/downgrade-decision`,
      headers: admin.headers,
      payload: { approved: true, comment: '涉及个人信息，同意降为有条件开放' },
    });
    expect(decided.json()).toMatchObject({ state: 'published', metadata: { open: { type: 'conditional' } } });
    const audit = await h.db.selectFrom('audit_log').select('action').where('subject_id', '=', v.id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['catalog.submit', 'catalog.review.approve', 'catalog.downgrade.approve']),
    );
  });
});

describe('who sees what', () => {
  it('keeps drafts to their provider and the bureau', async () => {
    const v = await draft(steward, { metadata: buildMetadata({ name: '内部草稿' }) });
    const other = await h.signIn('police-steward');
    expect((await h.app.inject({ method: 'GET', url: `/api/catalog/versions/${v.id}`, headers: other.headers })).statusCode).toBe(404);
    expect((await h.app.inject({ method: 'GET', url: `/api/catalog/versions/${v.id}`, headers: reviewer.headers })).statusCode).toBe(200);
    const mine = await h.app.inject({ method: 'GET', url: '/api/catalog/mine', headers: steward.headers });
    expect(mine.json().map((e: { name: string }) => e.name)).toContain('内部草稿');
  });

  it('shows public users only entries that are open in some way (R19)', async () => {
    const citizen = await h.signIn('citizen');
    const res = await h.app.inject({ method: 'GET', url: '/api/catalog/search', headers: citizen.headers });
    const types = res.json().hits.map((x: { openType: string }) => x.openType);
    expect(types.length).toBeGreaterThan(0);
    expect(types).not.toContain('none');
    const all = await h.app.inject({ method: 'GET', url: '/api/catalog/search', headers: reviewer.headers });
    expect(all.json().total).toBeGreaterThan(res.json().total);
  });
});
