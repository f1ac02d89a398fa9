/**
 * Grading and masks through the one exit (R29.1, issue 8 items 1 and 2): a resource with a field
 * for every mask kind, the steward's declared mask, a grant's per-field overrides (grant override >
 * declared mask > grading default), a weaker override refused at approval, level 4 highly sensitive
 * values withheld whatever a stored grant says, and the open channel's grant overrides written alike
 * by the Node path and by the SQL that COPY uses.
 */
import { randomBytes } from 'node:crypto';
import type { ApiErrorBody, ExitRecord, Grant, OpenApplicationDetail, OpenGrant, ShareRequestDetail } from '@gongshu/contracts';
import type { MaskKind } from '@gongshu/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildField } from '../../../../../packages/domain/src/catalog/catalog.fixtures.js';
import { createHarness, type Harness } from '../../../test/harness.js';
import { publishResource, tempFile } from '../aggregation/aggregation.fixtures.js';
import { copyExpressions } from '../open-data/open-copy.js';
import { insertOpenGrant, OPEN_FIELDS, openResource } from '../open-data/open-data.fixtures.js';
import { demoActors } from '../seed/demo-actors.js';
import { exitMask } from './exit-grant.js';
import { apiKeyOf, citizen, insertGrant } from './exit.fixtures.js';

/** One field per mask kind; gzdw is public with the steward's declared keep(2, 0). */
const MASK_FIELDS = [
  buildField({ code: 'sfzh', name: '公民身份号码', identifierRole: 'citizen_id', length: 18, required: true }),
  buildField({ code: 'xm', name: '姓名', length: 20 }),
  buildField({ code: 'lxdh', name: '联系电话', length: 20, required: false }),
  buildField({ code: 'zz', name: '住址', length: 100, required: false }),
  buildField({ code: 'csrq', name: '出生日期', dataType: 'date', length: null, required: false }),
  buildField({ code: 'zy', name: '职业', length: 20, required: false }),
  buildField({ code: 'bz', name: '备注', length: 100, required: false, sensitivity: 'highly_sensitive' }),
  buildField({ code: 'sr', name: '月收入', dataType: 'decimal', length: 12, required: false, sensitivity: 'internal' }),
  buildField({
    code: 'gzdw',
    name: '工作单位',
    length: 100,
    required: false,
    sensitivity: 'public',
    mask: { kind: 'keep', first: 2, last: 0 },
  }),
];
const CODES = MASK_FIELDS.map((f) => f.code);
const ROWS = 12;

function csv(n: number): string {
  const lines = ['公民身份号码,姓名,联系电话,住址,出生日期,职业,备注,月收入,工作单位'];
  for (let i = 0; i < n; i++)
    lines.push(
      `${citizen(i)},李${i},1380000${String(i).padStart(4, '0')},滕州市荆河街道学院路${i}号,1980-0${1 + (i % 9)}-1${i % 10},软件工程师,备注${i},${1000 + i}.50,滕州市数据局`,
    );
  return `${lines.join('\n')}\n`;
}

let h: Harness;
let level3: string;
let level4: string;
let consumer: { id: string; headers: Record<string, string> };

async function loaded(overrides: Parameters<typeof publishResource>[2]): Promise<string> {
  const { resourceId } = await publishResource(h, 'hrss', { fields: MASK_FIELDS, ...overrides });
  const steward = await demoActors(h.db)('hrss-steward');
  const file = await tempFile(`masks-${randomBytes(3).toString('hex')}.csv`, csv(ROWS));
  const batch = await h.services.loads.loadFile(steward, resourceId, file, { mode: 'replace', format: 'csv' });
  if (batch.state !== 'loaded') throw new Error(`fixture load failed: ${JSON.stringify(batch.message)}`);
  await h.services.loads.idle();
  return resourceId;
}

/** A grant of every field, with the given overrides stored as the approval stores them. */
async function grantWith(resourceId: string, masks: Record<string, MaskKind>) {
  const g = await insertGrant(h, resourceId, { fields: CODES, apiKeyIds: [consumer.id] });
  await h.db
    .updateTable('share_grants')
    .set({ field_masks: JSON.stringify(masks) })
    .where('id', '=', g.id)
    .execute();
  return g;
}

const lookup = async (grantId: string, key: string) => {
  const res = await h.app.inject({ method: 'GET', url: `/api/exit/grants/${grantId}/records/${key}`, headers: consumer.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ record: ExitRecord }>().record;
};

beforeAll(async () => {
  h = await createHarness();
  consumer = await apiKeyOf(h, 'civil-staff');
  level3 = await loaded({});
  level4 = await loaded({
    securityLevel: 4,
    dataGrade: 'core',
    open: { type: 'none', conditions: null, noneGround: 'trade_secret_privacy', legalBasis: '《中华人民共和国个人信息保护法》' },
  });
}, 180_000);
afterAll(async () => h.close());

describe('every mask kind through the exit: grading defaults and the declared mask (R29.1)', () => {
  it('lookup: citizen ID, name, phone, address, year, keep ends, hash, none and the declared keep(2, 0)', async () => {
    const g = await grantWith(level3, {});
    const key = citizen(7);
    const r = await lookup(g.id, key);
    expect(r).toEqual({
      sfzh: `${key.slice(0, 6)}********${key.slice(14)}`,
      xm: '李*',
      lxdh: '138****0007',
      zz: '滕州市荆河街道**',
      csrq: '1980',
      zy: '软***师',
      bz: expect.stringMatching(/^[0-9a-f]{64}$/),
      sr: '1007.50',
      gzdw: '滕州****',
    });
    expect(String(r.sfzh)).toBe(`370481********${key.slice(14)}`);
  });

  it('a grant’s overrides win over the declared mask and the default; extracts deliver exactly those values', async () => {
    const g = await grantWith(level3, {
      sr: { kind: 'null' },
      zy: { kind: 'keep', first: 0, last: 1 },
      lxdh: { kind: 'hash' },
      gzdw: { kind: 'name' },
      xm: { kind: 'keep', first: 1, last: 0 },
    });
    const key = citizen(3);
    const r = await lookup(g.id, key);
    expect(r).toMatchObject({ sr: null, zy: '****师', xm: '李*', gzdw: '滕*****', csrq: '1980', zz: '滕州市荆河街道**' });
    expect(r.lxdh).toMatch(/^[0-9a-f]{64}$/);
    const plain = await lookup((await grantWith(level3, {})).id, key);
    // The hash of a phone under an override is the same keyed hash the exit uses everywhere.
    expect(r.lxdh).not.toBe(plain.lxdh);

    const res = await h.app.inject({
      method: 'GET',
      url: `/api/exit/grants/${g.id}/extract?format=json&fields=sfzh,sr,zy,gzdw`,
      headers: consumer.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    // The extract's invisible fingerprint rides on one text value: read the values without it.
    const clean = (v: unknown) => (typeof v === 'string' ? v.replace(/\u2063|\u200b|\u200c|\u200d|\u2060/g, '') : v);
    const records = res.json<ExitRecord[]>().map((x) => ({ sfzh: clean(x.sfzh), sr: x.sr, zy: clean(x.zy), gzdw: clean(x.gzdw) }));
    expect(records).toHaveLength(ROWS);
    for (const rec of records) {
      expect(rec).toMatchObject({ sr: null, zy: '****师', gzdw: '滕*****' });
      expect(rec.sfzh).toMatch(/^370481\*{8}\w{4}$/);
    }
  });

  it('level 4: highly sensitive values are withheld, even when a stored grant says hash', async () => {
    const g = await grantWith(level4, { bz: { kind: 'hash' }, xm: { kind: 'null' } });
    const r = await lookup(g.id, citizen(5));
    expect(r.bz).toBeNull();
    expect(r.xm).toBeNull();
    expect(r.lxdh).toBe('138****0005');
    const grant = await h.app.inject({
      method: 'GET',
      url: `/api/share/grants/${g.id}`,
      headers: (await h.signIn('civil-steward')).headers,
    });
    const fields = grant.json<Grant>().fields;
    expect(fields.find((f) => f.code === 'bz')).toMatchObject({ mask: 'null', effectiveMask: { kind: 'null' }, overridden: true });
  });
});

describe('overrides chosen at the provider’s approval: stronger or equal only (R29.1)', () => {
  const COMMITMENTS = { authenticity: true, compliance: true, security: true, ownDutiesOnly: true, noOnwardProvision: true };

  async function call<T>(who: string, url: string, payload: unknown, status = 200): Promise<T> {
    const { headers } = await h.signIn(who);
    const res = await h.app.inject({ method: 'POST', url, headers, payload: payload as object });
    expect(res.statusCode, `${url} as ${who}: ${res.body}`).toBe(status);
    return res.json<T>();
  }

  it('a weaker override is refused naming the field and R29.1; a stronger one is granted and shown on the grant', async () => {
    // Level 2: the grading default is the same as level 3 for these fields.
    const resourceId = await loaded({ securityLevel: 2, dataGrade: 'general' });
    // Filed by an agency without other grants: no correlation of level 3+ data to assess (R31.1).
    const filed = await call<ShareRequestDetail>(
      'tax-steward',
      '/api/share/requests',
      {
        resourceId,
        fields: CODES,
        scenario: '社会救助对象资格核验',
        legalDuty: '《社会救助暂行办法》第十一条：民政部门核对申请人家庭经济状况',
        periodFrom: '2026-03-02',
        periodTo: '2026-12-31',
        commitments: COMMITMENTS,
      },
      201,
    );
    expect(filed.fields.find((f) => f.code === 'gzdw')?.defaultMask).toEqual({ kind: 'keep', first: 2, last: 0 });
    await call('reviewer', `/api/share/requests/${filed.id}/formal-review`, { approve: true });
    const review = `/api/share/requests/${filed.id}/provider-review`;
    const weaker = await call<ApiErrorBody & { field?: string; requirement?: string }>(
      'hrss-steward',
      review,
      { approve: true, masks: { xm: { kind: 'none' }, gzdw: { kind: 'keep', first: 3, last: 0 } } },
      400,
    );
    expect(weaker).toMatchObject({ code: 'MASK_TOO_WEAK', field: 'masks.xm', requirement: 'R29.1' });
    const state = await h.db.selectFrom('share_requests').select('state').where('id', '=', filed.id).executeTakeFirstOrThrow();
    expect(state.state).toBe('provider_review');

    const done = await call<ShareRequestDetail>('hrss-steward', review, {
      approve: true,
      masks: { xm: { kind: 'null' }, zy: { kind: 'hash' }, sfzh: { kind: 'citizen_id' } },
    });
    expect(done.state).toBe('granted');
    const row = await h.db
      .selectFrom('share_grants')
      .select('field_masks')
      .where('id', '=', String(done.grantId))
      .executeTakeFirstOrThrow();
    // A choice equal to the default is no override.
    expect(row.field_masks).toEqual({ xm: { kind: 'null' }, zy: { kind: 'hash' } });
    const grant = await h.app.inject({
      method: 'GET',
      url: `/api/share/grants/${String(done.grantId)}`,
      headers: (await h.signIn('tax-steward')).headers,
    });
    const fields = grant.json<Grant>().fields;
    expect(fields.find((f) => f.code === 'xm')).toMatchObject({ mask: 'null', defaultMask: { kind: 'name' }, overridden: true });
    expect(fields.find((f) => f.code === 'sfzh')).toMatchObject({ mask: 'citizen_id', overridden: false });
    const audit = await h.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'share.grant.create')
      .where('subject_id', '=', String(done.grantId))
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ masks: { xm: { kind: 'null' } } });

    // Through the exit, with a session of the consumer agency.
    const res = await h.app.inject({
      method: 'GET',
      url: `/api/exit/grants/${String(done.grantId)}/records/${citizen(2)}`,
      headers: (await h.signIn('tax-steward')).headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json<{ record: ExitRecord }>().record;
    expect(r.xm).toBeNull();
    expect(r.zy).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('the open channel: an open grant’s overrides, the same text by Node and by COPY’s SQL (R29.1)', () => {
  it('records and downloads under the holder’s grant apply its overrides; the SQL of COPY agrees', async () => {
    const conditional = await openResource(h, 'conditional', 20);
    const codes = OPEN_FIELDS.map((f) => f.code);
    const grant = await insertOpenGrant(h, 'citizen', conditional.resourceId, { fields: codes });
    const masks: Record<string, MaskKind> = {
      jgdm: { kind: 'keep', first: 2, last: 2 },
      jgmc: { kind: 'name' },
      lxdh: { kind: 'keep', first: 0, last: 4 },
      rs: { kind: 'keep', first: 1, last: 0 },
      clrq: { kind: 'year' },
    };
    await h.db
      .updateTable('open_grants')
      .set({ field_masks: JSON.stringify(masks) })
      .where('id', '=', grant.id)
      .execute();
    h.services.openData.forgetOpenGrant(grant.userId, conditional.resourceId);
    const { headers } = await h.signIn('citizen');
    const res = await h.app.inject({ method: 'GET', url: `/api/open/resources/${conditional.resourceId}/download?format=json`, headers });
    expect(res.statusCode, res.body).toBe(200);
    const records = res
      .json<{ records: Record<string, unknown>[] }>()
      .records.sort((a, b) => String(a.jgmc).localeCompare(String(b.jgmc)) || String(a.lxdh).localeCompare(String(b.lxdh)));
    const three = records.find((r) => r.lxdh === '*******0003');
    expect(three).toMatchObject({ jgdm: 'JG***03', jgmc: '滕********', rs: '1*', clrq: '2010' });

    const fields = OPEN_FIELDS.map((f) => ({ code: f.code, dataType: f.dataType, mask: exitMask(f, 2, masks) }));
    expect(fields.map((f) => f.mask)).toEqual(codes.map((c) => masks[c]));
    const expressions = copyExpressions(h.db, fields);
    if (!expressions) throw new Error('expected SQL for every field');
    const viaSql = await sql
      .raw<Record<string, unknown>>(
        `select ${expressions.map((e, i) => `${e} as c${i}`).join(', ')} from resource_data."${conditional.table}"`,
      )
      .execute(h.db);
    const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
    const sorted = (rows: string[][]) => rows.map((r) => r.join('|')).sort();
    expect(sorted(viaSql.rows.map((r) => fields.map((_, i) => text(r[`c${i}`]))))).toEqual(
      sorted(records.map((r) => fields.map((f) => text(r[f.code])))),
    );
  });
});

describe('an open application’s approval: the provider’s masks, stronger or equal only (R29.1)', () => {
  it('a weaker mask is refused; a stronger one is on the open grant and in the records the holder fetches', async () => {
    const conditional = await openResource(h, 'conditional', 5);
    const as = async (who: string) => (await h.signIn(who)).headers;
    const post = async <T>(who: string, url: string, payload: object, status = 200) => {
      const res = await h.app.inject({ method: 'POST', url, headers: await as(who), payload });
      expect(res.statusCode, `${url} as ${who}: ${res.body}`).toBe(status);
      return res.json<T>();
    };
    const filed = await post<OpenApplicationDetail>(
      'citizen',
      '/api/open/applications',
      {
        resourceId: conditional.resourceId,
        fields: ['jgdm', 'jgmc', 'lxdh'],
        purpose: '研究本市职业培训机构的分布，撰写公开发表的研究报告',
        measures: '数据存放于加密服务器，仅课题组两人可访问，不对外提供原始数据',
        periodFrom: '2026-03-02',
        periodTo: '2026-12-31',
        commitments: { lawfulUse: true, protection: true, usageReports: true, citation: true },
      },
      201,
    );
    expect(filed.fields.map((f) => f.code)).toEqual(['jgdm', 'jgmc', 'lxdh']);
    await post('reviewer', `/api/open/applications/${filed.id}/formal-review`, { approve: true });
    const review = `/api/open/applications/${filed.id}/provider-review`;
    const weaker = await post<ApiErrorBody & { field?: string }>(
      'hrss-steward',
      review,
      { approve: true, masks: { lxdh: { kind: 'none' } } },
      400,
    );
    expect(weaker).toMatchObject({ code: 'MASK_TOO_WEAK', field: 'masks.lxdh' });
    const done = await post<OpenApplicationDetail>('hrss-steward', review, { approve: true, masks: { jgmc: { kind: 'null' } } });
    expect(done.state).toBe('granted');
    const res = await h.app.inject({ method: 'GET', url: '/api/open/grants?scope=mine', headers: await as('citizen') });
    const grant = res.json<OpenGrant[]>().find((g) => g.id === done.grantId);
    expect(grant?.fields.find((f) => f.code === 'jgmc')).toMatchObject({ defaultMask: { kind: 'none' }, effectiveMask: { kind: 'null' } });
    expect(grant?.fields.find((f) => f.code === 'lxdh')?.effectiveMask).toEqual({ kind: 'phone' });
    const records = await h.app.inject({
      method: 'GET',
      url: `/api/open/resources/${conditional.resourceId}/records?fields=jgdm,jgmc,lxdh`,
      headers: await as('citizen'),
    });
    expect(records.statusCode, records.body).toBe(200);
    const rows = records.json<{ records: Record<string, unknown>[] }>().records;
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.jgmc).toBeNull();
      expect(String(row.lxdh)).toMatch(/^139\*{4}\d{4}$/);
    }
  });
});
