/**
 * "Excel in, Excel out" through the API (R10.1, R2.2, R13.1, R19): the template, imports that
 * save all or nothing, every error located by sheet, row and column, and exports that import again.
 */
import ExcelJS from 'exceljs';
import type { Workbook } from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildField, buildMetadata } from '../../../../../packages/domain/src/catalog/catalog.fixtures.js';
import { createHarness, testClock, type Harness, type SignedIn } from '../../../test/harness.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const clock = testClock('2026-03-02T09:00:00+08:00');
let h: Harness;
let steward: SignedIn;
let reviewer: SignedIn;
let citizen: SignedIn;
let classCode: string;
let template: Buffer;

type Cells = Record<string, string | number | null>;

function buildResourceRow(seq: number, overrides: Cells = {}): Cells {
  return {
    序号: seq,
    资源名称: `导入测试资源${seq}`,
    英文名称: `Imported resource ${seq}`,
    资源分类代码: classCode,
    摘要: '用于测试目录导入的数据资源',
    关键词: '就业；社保;测试',
    来源系统: '人社业务系统',
    格式分类: '数据库',
    格式类型: 'PostgreSQL',
    共享属性: '无条件共享',
    共享方式: '接口；批量文件',
    开放属性: '无条件开放',
    安全级别: '一级（公开）',
    数据分级: '一般数据',
    更新周期: '每月',
    涉及国家秘密: '否',
    ...overrides,
  };
}

function buildFieldRow(seq: number, overrides: Cells = {}): Cells {
  return {
    资源序号: seq,
    字段代码: 'dwmc',
    信息项名称: '用人单位名称',
    数据类型: '字符型',
    长度: 100,
    标识类型: '非标识',
    敏感程度: '可公开',
    必填: '是',
    ...overrides,
  };
}

async function loadXlsx(bytes: Buffer): Promise<Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  return workbook;
}

function headersOf(workbook: Workbook, sheet: string): string[] {
  const values: string[] = [];
  workbook
    .getWorksheet(sheet)
    ?.getRow(1)
    .eachCell((cell) => {
      values.push(cell.text);
    });
  return values;
}

/** Appends rows to a sheet by header name (with or without the required mark). */
function appendRows(workbook: Workbook, sheet: string, rows: readonly Cells[]): void {
  const ws = workbook.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  const columns = new Map<string, number>();
  ws.getRow(1).eachCell((cell, col) => columns.set(cell.text.replace('*', ''), col));
  let next = ws.actualRowCount + 1;
  for (const row of rows) {
    for (const [header, value] of Object.entries(row)) {
      const col = columns.get(header);
      if (col === undefined) throw new Error(`no column ${header} in ${sheet}`);
      ws.getCell(next, col).value = value;
    }
    next++;
  }
}

/** A filled template, built from the downloaded one as a steward would. */
async function filledTemplate(resources: readonly Cells[], fields: readonly Cells[]): Promise<Buffer> {
  const workbook = await loadXlsx(template);
  appendRows(workbook, '资源', resources);
  appendRows(workbook, '信息项', fields);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function upload(bytes: Buffer, options: { as?: SignedIn; query?: string; filename?: string; type?: string } = {}) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type: options.type ?? XLSX }), options.filename ?? '目录.xlsx');
  return h.app.inject({
    method: 'POST',
    url: `/api/catalog/import${options.query ?? ''}`,
    headers: (options.as ?? steward).headers,
    payload: form,
  });
}

async function versionCount(): Promise<number> {
  const rows = await h.db.selectFrom('catalog_versions').select('id').execute();
  return rows.length;
}

interface ImportErrorBody {
  sheet: string;
  row: number;
  column: string;
  code: string;
  message: { zh: string; en: string };
  requirement?: string;
}

/** Publishes an entry of the steward's agency through the real workflow. */
async function publish(metadata: ReturnType<typeof buildMetadata>): Promise<string> {
  const draft = await h.app.inject({
    method: 'POST',
    url: '/api/catalog/drafts',
    headers: steward.headers,
    payload: { metadata, justification: '测试用资源，与已发布资源的重复字段用于核对' },
  });
  expect(draft.statusCode, draft.body).toBe(201);
  const id = draft.json<{ id: string }>().id;
  const submitted = await h.app.inject({
    method: 'POST',
    url: '/api/catalog/submit',
    headers: steward.headers,
    payload: { versionIds: [id] },
  });
  expect(submitted.statusCode, submitted.body).toBe(200);
  const approved = await h.app.inject({
    method: 'POST',
    url: `/api/catalog/versions/${id}/approve`,
    headers: reviewer.headers,
    payload: { comment: '形式审核通过' },
  });
  expect(approved.statusCode, approved.body).toBe(200);
  return approved.json<{ resourceCode: string }>().resourceCode;
}

beforeAll(async () => {
  h = await createHarness({ clock });
  classCode = (
    await h.db.selectFrom('catalog_classes').select('code').where('level', '=', 3).orderBy('code').limit(1).executeTakeFirstOrThrow()
  ).code;
  steward = await h.signIn('hrss-steward');
  reviewer = await h.signIn('reviewer');
  citizen = await h.signIn('citizen');
  const res = await h.app.inject({ method: 'GET', url: '/api/catalog/template.xlsx', headers: steward.headers });
  template = res.rawPayload;
});
afterAll(async () => h.close());

describe('access', () => {
  it('needs a session for every route', async () => {
    for (const [method, url] of [
      ['GET', '/api/catalog/template.xlsx'],
      ['POST', '/api/catalog/import'],
      ['GET', '/api/catalog/export?format=csv'],
    ] as const) {
      const res = await h.app.inject({ method, url });
      expect(res.statusCode, url).toBe(401);
      expect(res.json().code).toBe('AUTH_REQUIRED');
    }
  });

  it('keeps the template and the import to agency staff', async () => {
    const get = await h.app.inject({ method: 'GET', url: '/api/catalog/template.xlsx', headers: citizen.headers });
    expect(get.statusCode).toBe(403);
    expect(get.json().code).toBe('FORBIDDEN');
    const post = await upload(template, { as: citizen });
    expect(post.statusCode).toBe(403);
    expect(post.json().code).toBe('FORBIDDEN');
  });
});

describe('the template', () => {
  it('downloads as an .xlsx attachment with a Chinese file name', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/catalog/template.xlsx', headers: steward.headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="catalog-template.xlsx"; filename*=UTF-8''${encodeURIComponent('目录填报模板.xlsx')}`,
    );
  });

  it('has the four sheets, the headers, the allowed values and drop-down lists', async () => {
    const workbook = await loadXlsx(template);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['填写说明', '资源', '信息项', '取值']);
    expect(headersOf(workbook, '资源')).toEqual(
      expect.arrayContaining(['序号*', '资源名称*', '英文名称', '资源分类代码*', '摘要*', '共享属性*', '共享条件', '共享依据', '共享方式']),
    );
    expect(headersOf(workbook, '资源').slice(0, 24)).toEqual([
      '序号*',
      '资源名称*',
      '英文名称',
      '资源分类代码*',
      '摘要*',
      '关键词',
      '来源系统*',
      '格式分类*',
      '格式类型*',
      '共享属性*',
      '共享条件',
      '共享依据',
      '共享方式',
      '开放属性*',
      '开放条件',
      '不予开放情形',
      '不予开放依据',
      '安全级别*',
      '数据分级*',
      '使用要求',
      '更新周期*',
      '许可协议',
      '涉及国家秘密',
      '重复采集理由',
    ]);
    expect(headersOf(workbook, '资源')).not.toContain('资源代码');
    expect(headersOf(workbook, '信息项')).toEqual([
      '资源序号*',
      '字段代码*',
      '信息项名称*',
      '数据类型*',
      '长度',
      '说明',
      '标识类型*',
      '敏感程度*',
      '必填',
    ]);

    const values = workbook.getWorksheet('取值');
    const valueHeaders = headersOf(workbook, '取值');
    const columnValues = (title: string) => {
      const col = valueHeaders.indexOf(title) + 1;
      return (values?.getColumn(col).values ?? []).slice(2).map(String);
    };
    expect(columnValues('共享属性')).toEqual(['无条件共享', '有条件共享', '不予共享']);
    expect(columnValues('更新周期')).toContain('每季度');
    expect(columnValues('资源分类代码')).toContain(classCode);

    const resources = workbook.getWorksheet('资源');
    expect(resources?.getRow(1).font?.bold).toBe(true);
    expect(resources?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const shareColumn = headersOf(workbook, '资源').indexOf('共享属性*') + 1;
    const validation = resources?.getCell(2, shareColumn).dataValidation;
    expect(validation?.type).toBe('list');
    const shareValuesColumn = values?.getColumn(valueHeaders.indexOf('共享属性') + 1).letter;
    expect(validation?.formulae).toEqual([`'取值'!$${shareValuesColumn}$2:$${shareValuesColumn}$4`]);
    const classColumn = headersOf(workbook, '资源').indexOf('资源分类代码*') + 1;
    expect(resources?.getCell(500, classColumn).dataValidation?.type).toBe('list');
    const fields = workbook.getWorksheet('信息项');
    const typeColumn = headersOf(workbook, '信息项').indexOf('数据类型*') + 1;
    expect(fields?.getCell(2, typeColumn).dataValidation?.type).toBe('list');
    const guide = workbook.getWorksheet('填写说明');
    expect(guide?.getCell(1, 1).text).toContain('填报说明');
  });
});

describe('import (R10.1)', () => {
  it('imports three resources as drafts in one go', async () => {
    const before = await versionCount();
    const bytes = await filledTemplate(
      [
        buildResourceRow(1, { 资源名称: '导入-就业登记' }),
        // Codes are accepted as well as labels; 安全级别 as a digit.
        buildResourceRow(2, {
          资源名称: '导入-社保缴费',
          共享属性: 'conditional',
          共享条件: '用于社保待遇核定',
          共享依据: '《社会保险法》',
          共享方式: '查询',
          开放属性: '有条件开放',
          开放条件: '实名申请',
          安全级别: 2,
          更新周期: 'daily',
        }),
        buildResourceRow(3, {
          资源名称: '导入-参保人员',
          共享属性: '有条件共享',
          共享条件: '用于身份核验',
          共享依据: '《个人信息保护法》',
          开放属性: '不予开放',
          不予开放情形: '涉及商业秘密、个人隐私等，开放会对第三方合法权益造成损害的',
          不予开放依据: '《个人信息保护法》第十三条',
          安全级别: '三级',
          数据分级: '重要数据',
        }),
      ],
      [
        buildFieldRow(1),
        buildFieldRow(1, { 字段代码: 'djrq', 信息项名称: '登记日期', 数据类型: '日期型', 长度: null, 必填: '否' }),
        buildFieldRow(2, { 字段代码: 'jfje', 信息项名称: '缴费金额', 数据类型: '数值型', 长度: 12, 敏感程度: '敏感' }),
        buildFieldRow(3, { 字段代码: 'sfzh', 信息项名称: '公民身份号码', 长度: 18, 标识类型: '公民身份号码', 敏感程度: '高度敏感' }),
      ],
    );
    const res = await upload(bytes);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ created: { row: number; id: string; resourceId: string; name: string }[]; errors: unknown[] }>();
    expect(body.errors).toEqual([]);
    expect(body.created.map((c) => [c.row, c.name])).toEqual([
      [2, '导入-就业登记'],
      [3, '导入-社保缴费'],
      [4, '导入-参保人员'],
    ]);
    expect(await versionCount()).toBe(before + 3);

    const mine = await h.app.inject({ method: 'GET', url: '/api/catalog/mine', headers: steward.headers });
    const entries = mine.json<{ resourceId: string; name: string; pending: { state: string } | null }[]>();
    for (const c of body.created) {
      expect(entries.find((e) => e.resourceId === c.resourceId)).toMatchObject({ name: c.name, pending: { state: 'draft' } });
    }

    const second = await h.app.inject({ method: 'GET', url: `/api/catalog/versions/${body.created[1]?.id}`, headers: steward.headers });
    expect(second.json().metadata).toMatchObject({
      classificationCode: classCode,
      keywords: ['就业', '社保', '测试'],
      share: { type: 'conditional', conditions: '用于社保待遇核定', legalBasis: '《社会保险法》', methods: ['query'] },
      open: { type: 'conditional', conditions: '实名申请', noneGround: null, legalBasis: null },
      securityLevel: 2,
      updateFrequency: 'daily',
      involvesStateSecret: false,
      fields: [
        {
          code: 'jfje',
          name: '缴费金额',
          dataType: 'decimal',
          length: 12,
          identifierRole: 'none',
          sensitivity: 'sensitive',
          required: true,
        },
      ],
    });
    const third = await h.app.inject({ method: 'GET', url: `/api/catalog/versions/${body.created[2]?.id}`, headers: steward.headers });
    expect(third.json().metadata).toMatchObject({
      open: { type: 'none', noneGround: 'trade_secret_privacy' },
      securityLevel: 3,
      dataGrade: 'important',
      fields: [{ code: 'sfzh', identifierRole: 'citizen_id', length: 18, sensitivity: 'highly_sensitive' }],
    });
    const audit = await h.db.selectFrom('audit_log').select('subject_id').where('action', '=', 'catalog.draft.create').execute();
    expect(audit.map((a) => a.subject_id)).toEqual(expect.arrayContaining(body.created.map((c) => c.id)));
  });

  const invalidFile = () =>
    filledTemplate(
      [
        buildResourceRow(1, { 资源名称: '导入-有效资源' }),
        buildResourceRow(2, {
          资源名称: '导入-缺共享条件',
          共享属性: '有条件共享',
          共享依据: '《就业促进法》',
          开放属性: '不予开放',
          不予开放情形: 'state_secret',
          不予开放依据: '《保守国家秘密法》',
        }),
        buildResourceRow(3, { 资源名称: '导入-周期有误', 更新周期: '每两年' }),
      ],
      [
        buildFieldRow(1),
        buildFieldRow(2),
        buildFieldRow(3, { 字段代码: 'gwmc', 信息项名称: '岗位名称' }),
        buildFieldRow(3, { 字段代码: 'gwms', 信息项名称: '岗位描述', 长度: null }),
      ],
    );

  it('refuses a file with errors, lists each with sheet, row and column, and saves nothing', async () => {
    const before = await versionCount();
    const res = await upload(await invalidFile());
    expect(res.statusCode).toBe(400);
    const body = res.json<{ code: string; requirement: string; details: { errors: ImportErrorBody[] } }>();
    expect(body).toMatchObject({
      code: 'CATALOG_IMPORT_INVALID',
      requirement: 'R10.1',
      message: { zh: '目录导入文件有误，未保存任何条目' },
    });
    const errors = body.details.errors;
    expect(errors.map((e) => [e.sheet, e.row, e.column, e.code])).toEqual([
      ['资源', 3, '共享条件', 'CATALOG_SHARE_CONDITIONS_REQUIRED'],
      ['资源', 4, '更新周期', 'CATALOG_VALUE_INVALID'],
      ['信息项', 5, '长度', 'CATALOG_REQUIRED'],
    ]);
    expect(errors[0]?.requirement).toBe('R13.1');
    expect(errors[1]?.message.zh).toContain('每两年');
    expect(errors[1]?.message.zh).toContain('每季度');
    expect(errors[2]?.message.zh).toBe('字符型信息项须填写长度');
    expect(await versionCount()).toBe(before);
  });

  it('saves only the valid rows when asked to', async () => {
    const before = await versionCount();
    const res = await upload(await invalidFile(), { query: '?saveValidAsDrafts=true' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ created: { row: number; name: string }[]; errors: ImportErrorBody[] }>();
    expect(body.created.map((c) => [c.row, c.name])).toEqual([[2, '导入-有效资源']]);
    expect(body.errors).toHaveLength(3);
    expect(await versionCount()).toBe(before + 1);
  });

  it('names missing sheets and headers, unknown classifications, stray fields and resources without fields', async () => {
    const workbook = await loadXlsx(template);
    appendRows(workbook, '资源', [
      buildResourceRow(1, { 资源分类代码: '999999' }),
      buildResourceRow(2, { 安全级别: '五级', 涉及国家秘密: '也许' }),
    ]);
    appendRows(workbook, '信息项', [buildFieldRow(1, { 长度: '十' }), buildFieldRow(7)]);
    const res = await upload(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(res.statusCode).toBe(400);
    expect(res.json().details.errors.map((e: ImportErrorBody) => [e.sheet, e.row, e.column, e.code])).toEqual([
      ['资源', 2, '资源分类代码', 'CATALOG_CLASSIFICATION_UNKNOWN'],
      ['资源', 3, '序号', 'CATALOG_REQUIRED'],
      ['资源', 3, '安全级别', 'CATALOG_VALUE_INVALID'],
      ['资源', 3, '涉及国家秘密', 'CATALOG_VALUE_INVALID'],
      ['信息项', 2, '长度', 'CATALOG_VALUE_INVALID'],
      ['信息项', 3, '资源序号', 'CATALOG_VALUE_INVALID'],
    ]);

    const broken = await loadXlsx(template);
    broken.removeWorksheet(broken.getWorksheet('信息项')?.id ?? 0);
    const resources = broken.getWorksheet('资源');
    if (resources) resources.getCell(1, 2).value = '名称';
    const layout = await upload(Buffer.from(await broken.xlsx.writeBuffer()));
    expect(layout.statusCode).toBe(400);
    const errors = layout.json().details.errors as ImportErrorBody[];
    expect(errors.map((e) => [e.sheet, e.column, e.code])).toEqual([['信息项', '', 'CATALOG_IMPORT_LAYOUT_INVALID']]);
    expect(errors[0]?.message.zh).toContain('缺少工作表“信息项”');

    const noHeader = await loadXlsx(template);
    const sheet = noHeader.getWorksheet('资源');
    if (sheet) sheet.getCell(1, 2).value = '名称';
    appendRows(noHeader, '信息项', [buildFieldRow(1)]);
    const header = await upload(Buffer.from(await noHeader.xlsx.writeBuffer()));
    expect(header.json().details.errors).toEqual([
      expect.objectContaining({ sheet: '资源', row: 1, column: '资源名称', code: 'CATALOG_IMPORT_LAYOUT_INVALID' }),
    ]);
    expect(header.json().details.errors[0].message.zh).toContain('“资源名称*”');

    const empty = await upload(template);
    expect(empty.json().details.errors).toEqual([expect.objectContaining({ sheet: '资源', code: 'CATALOG_REQUIRED' })]);
  });

  it('refuses resources involving state secrets and never saves them (R2.2)', async () => {
    const before = await versionCount();
    const bytes = await filledTemplate(
      [buildResourceRow(1, { 资源名称: '导入-涉密资源', 涉及国家秘密: '是' }), buildResourceRow(2, { 资源名称: '导入-非涉密资源' })],
      [buildFieldRow(1), buildFieldRow(2)],
    );
    const refused = await upload(bytes);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().details.errors).toEqual([
      expect.objectContaining({ sheet: '资源', row: 2, column: '涉及国家秘密', code: 'CATALOG_STATE_SECRET', requirement: 'R2.2' }),
    ]);
    const partial = await upload(bytes, { query: '?saveValidAsDrafts=true' });
    expect(partial.statusCode).toBe(200);
    expect(partial.json().created.map((c: { name: string }) => c.name)).toEqual(['导入-非涉密资源']);
    expect(partial.json().errors[0].code).toBe('CATALOG_STATE_SECRET');
    expect(await versionCount()).toBe(before + 1);
    const names = await h.db
      .selectFrom('catalog_versions')
      .select(sql<string>`metadata->>'name'`.as('name'))
      .execute();
    expect(names.map((n) => n.name)).not.toContain('导入-涉密资源');
  });

  it('gives one clear error for a truncated file or a CSV renamed .xlsx, and saves nothing', async () => {
    const before = await versionCount();
    const good = await filledTemplate([buildResourceRow(1)], [buildFieldRow(1)]);
    const csv = Buffer.from('\uFEFF序号,资源名称\n1,人口基础信息\n');
    for (const bytes of [good.subarray(0, Math.floor(good.length / 2)), csv]) {
      for (const query of ['', '?saveValidAsDrafts=true']) {
        const res = await upload(bytes, { query });
        expect(res.statusCode).toBe(400);
        const body = res.json();
        expect(body.code).toBe('CATALOG_IMPORT_INVALID');
        expect(body.details.errors).toHaveLength(1);
        expect(body.details.errors[0]).toMatchObject({ code: 'CATALOG_IMPORT_FILE_UNREADABLE', row: 0 });
        expect(body.details.errors[0].message.zh).toContain('.xlsx');
      }
    }
    expect(await versionCount()).toBe(before);
  });

  it('answers a wrong content type or a missing file with a clear 400, a file over 10 MB with 413', async () => {
    const json = await h.app.inject({ method: 'POST', url: '/api/catalog/import', headers: steward.headers, payload: { file: 'x' } });
    expect(json.statusCode).toBe(400);
    expect(json.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'file' });
    const text = await h.app.inject({
      method: 'POST',
      url: '/api/catalog/import',
      headers: { ...steward.headers, 'content-type': 'text/csv' },
      payload: 'a,b\n1,2\n',
    });
    expect(text.statusCode).toBe(400);
    expect(text.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'file' });
    const form = new FormData();
    form.append('note', '没有文件');
    const missing = await h.app.inject({ method: 'POST', url: '/api/catalog/import', headers: steward.headers, payload: form });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'file' });
    const before = await versionCount();
    const tooLarge = await upload(Buffer.alloc(10 * 1024 * 1024 + 1));
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().code).toBe('VALIDATION_FAILED');
    expect(await versionCount()).toBe(before);
  });
});

describe('export', () => {
  let openCode: string;
  let closedCode: string;

  beforeAll(async () => {
    openCode = await publish(
      buildMetadata({
        name: '导出-职业培训机构',
        classificationCode: classCode,
        share: { type: 'unconditional', conditions: null, legalBasis: null, methods: ['interface'] },
        open: { type: 'unconditional', conditions: null, noneGround: null, legalBasis: null },
        securityLevel: 1,
        dataGrade: 'general',
        fields: [
          buildField({ code: 'jgmc', name: '培训机构名称', length: 100 }),
          buildField({ code: 'pxzy', name: '培训专业', length: 50 }),
        ],
      }),
    );
    closedCode = await publish(
      buildMetadata({
        name: '导出-参保缴费明细',
        classificationCode: classCode,
        fields: [buildField({ code: 'jfjs', name: '缴费基数明细', dataType: 'decimal', length: 12 })],
      }),
    );
  });

  async function publishedCatalog() {
    const rows = await h.db
      .selectFrom('catalog_resources as r')
      .innerJoin('catalog_versions as v', 'v.id', 'r.current_version_id')
      .select(['r.code', 'v.metadata'])
      .where('v.state', '=', 'published')
      .orderBy('r.code')
      .execute();
    return rows.map((r) => ({ code: r.code ?? '', metadata: r.metadata as ReturnType<typeof buildMetadata> }));
  }

  it('exports json matching the published catalog', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/catalog/export?format=json', headers: reviewer.headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const disposition = String(res.headers['content-disposition']);
    expect(disposition).toContain('filename="public-data-catalog-2026-03-02.json"');
    expect(decodeURIComponent(disposition.split("filename*=UTF-8''")[1] ?? '')).toBe('滕州市公共数据目录-2026-03-02.json');
    const body = res.json<{ code: string; provider: { name: string }; publishedAt: string; metadata: unknown }[]>();
    expect(body.map((e) => ({ code: e.code, metadata: e.metadata }))).toEqual(await publishedCatalog());
    expect(body.find((e) => e.code === openCode)?.provider.name).toContain('人力资源');
  });

  it('exports csv with a BOM, one row per resource and the field names', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/catalog/export?format=csv', headers: reviewer.headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]?.split(',').slice(0, 4)).toEqual(['资源代码', '资源名称', '英文名称', '提供单位']);
    expect(lines).toHaveLength(1 + (await publishedCatalog()).length);
    const open = lines.find((l) => l.startsWith(`${openCode},`));
    expect(open).toContain('导出-职业培训机构');
    expect(open).toContain('培训机构名称、培训专业');
    expect(open).toContain('无条件开放');
  });

  it('exports xlsx in the template layout, with codes and providers', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/catalog/export', headers: reviewer.headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    const workbook = await loadXlsx(res.rawPayload);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['填写说明', '资源', '信息项', '取值']);
    const headers = headersOf(workbook, '资源');
    const codeColumn = headers.indexOf('资源代码') + 1;
    const providerColumn = headers.indexOf('提供单位') + 1;
    const resources = workbook.getWorksheet('资源');
    const codes: string[] = [];
    resources?.eachRow((row, n) => {
      if (n > 1) codes.push(row.getCell(codeColumn).text);
    });
    expect(codes).toEqual((await publishedCatalog()).map((e) => e.code));
    const openRow = codes.indexOf(openCode) + 2;
    expect(resources?.getCell(openRow, providerColumn).text).toContain('人力资源');
  });

  it('shows public users only entries open in some way (R19)', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/catalog/export?format=json', headers: citizen.headers });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ code: string; metadata: { open: { type: string } } }[]>();
    expect(body.map((e) => e.code)).toContain(openCode);
    expect(body.map((e) => e.code)).not.toContain(closedCode);
    expect(body.every((e) => e.metadata.open.type !== 'none')).toBe(true);
    const csv = await h.app.inject({ method: 'GET', url: '/api/catalog/export?format=csv', headers: citizen.headers });
    expect(csv.body).not.toContain(closedCode);
  });

  it('re-imports an exported xlsx as drafts without errors (round trip)', async () => {
    const exported = await h.app.inject({ method: 'GET', url: '/api/catalog/export?format=xlsx', headers: steward.headers });
    const published = await publishedCatalog();
    const before = await versionCount();
    const res = await upload(exported.rawPayload);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ created: { id: string }[]; errors: unknown[] }>();
    expect(body.errors).toEqual([]);
    expect(body.created).toHaveLength(published.length);
    expect(await versionCount()).toBe(before + published.length);
    const first = await h.app.inject({ method: 'GET', url: `/api/catalog/versions/${body.created[0]?.id}`, headers: steward.headers });
    expect(first.json().metadata).toEqual(published[0]?.metadata);
  });
});
