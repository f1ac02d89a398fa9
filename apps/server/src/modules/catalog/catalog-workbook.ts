/**
 * "Excel in, Excel out" for the catalog (R10.1): the layout of the catalog spreadsheet and the
 * conversion both ways. Stewards register many resources at once in the spreadsheet they already
 * use; every problem of a file is reported at once with its sheet, row and column, in the words
 * of the spreadsheet (the domain's field paths are mapped back to cells).
 *
 * Pure mapping over exceljs objects: reading and writing bytes is the caller's.
 */
import type { CellValue, DataValidation, Workbook, Worksheet } from 'exceljs';
import {
  DATA_GRADES,
  DATA_TYPES,
  errorCatalog,
  FORMAT_CATEGORIES,
  IDENTIFIER_ROLES,
  OPEN_NONE_GROUNDS,
  OPEN_TYPES,
  SECURITY_LEVEL_LABELS,
  SECURITY_LEVELS,
  SENSITIVITIES,
  SHARE_METHODS,
  SHARE_TYPES,
  UPDATE_FREQUENCIES,
  validateResourceMetadata,
  type ErrorCode,
  type FieldSpec,
  type Refusal,
  type ResourceMetadata,
  type SecurityLevel,
  type Term,
} from '@gongshu/domain';

export const SHEETS = { guide: '填写说明', resources: '资源', fields: '信息项', values: '取值' } as const;
const SHEET_ORDER: readonly string[] = [SHEETS.guide, SHEETS.resources, SHEETS.fields, SHEETS.values];

/** A file may hold this many resources: one import is one transaction. */
export const MAX_RESOURCES = 1000;
const MAX_FIELD_ROWS = 50_000;
/** Rows below the data that still get drop-down lists, for the steward to fill in. */
const SPARE_RESOURCE_ROWS = 1000;
const SPARE_FIELD_ROWS = 5000;

export interface ImportError {
  readonly sheet: string;
  /** The row number Excel shows; 0 for the whole file or sheet. */
  readonly row: number;
  /** The column header without its required mark; '' for the whole row or sheet. */
  readonly column: string;
  readonly code: string;
  readonly message: { readonly zh: string; readonly en: string };
  readonly requirement?: string;
}

export interface ClassificationRef {
  readonly code: string;
  readonly name: string;
  readonly level: number;
  readonly parentCode?: string | null;
}

export interface ImportedEntry {
  /** Row of the resource in the 资源 sheet. */
  readonly row: number;
  readonly metadata: ResourceMetadata;
  readonly justification: string | null;
}

export interface ParsedCatalog {
  readonly entries: ImportedEntry[];
  readonly errors: ImportError[];
}

/** A published entry to export. */
export interface ExportEntry {
  readonly code: string;
  readonly provider: { readonly id: string; readonly name: string };
  readonly publishedAt: Date;
  readonly metadata: ResourceMetadata;
  readonly justification: string | null;
}

// ---------------------------------------------------------------------------------------------
// The allowed values (sheet 取值) and the columns of the two data sheets.

type ListName =
  | 'classification'
  | 'formatCategory'
  | 'shareType'
  | 'shareMethod'
  | 'openType'
  | 'openNoneGround'
  | 'securityLevel'
  | 'dataGrade'
  | 'updateFrequency'
  | 'yesNo'
  | 'dataType'
  | 'identifierRole'
  | 'sensitivity';

const YES = '是';
const NO = '否';
const levelLabel = (level: SecurityLevel) => SECURITY_LEVEL_LABELS[level].zh;

const TERM_LISTS: readonly { name: Exclude<ListName, 'classification'>; title: string; values: readonly string[]; width: number }[] = [
  { name: 'formatCategory', title: '格式分类', values: FORMAT_CATEGORIES.map((t) => t.zh), width: 14 },
  { name: 'shareType', title: '共享属性', values: SHARE_TYPES.map((t) => t.zh), width: 14 },
  { name: 'shareMethod', title: '共享方式', values: SHARE_METHODS.map((t) => t.zh), width: 12 },
  { name: 'openType', title: '开放属性', values: OPEN_TYPES.map((t) => t.zh), width: 14 },
  { name: 'openNoneGround', title: '不予开放情形', values: OPEN_NONE_GROUNDS.map((t) => t.zh), width: 60 },
  { name: 'securityLevel', title: '安全级别', values: SECURITY_LEVELS.map(levelLabel), width: 18 },
  { name: 'dataGrade', title: '数据分级', values: DATA_GRADES.map((t) => t.zh), width: 12 },
  { name: 'updateFrequency', title: '更新周期', values: UPDATE_FREQUENCIES.map((t) => t.zh), width: 12 },
  { name: 'yesNo', title: '是否', values: [YES, NO], width: 8 },
  { name: 'dataType', title: '数据类型', values: DATA_TYPES.map((t) => t.zh), width: 12 },
  { name: 'identifierRole', title: '标识类型', values: IDENTIFIER_ROLES.map((t) => t.zh), width: 18 },
  { name: 'sensitivity', title: '敏感程度', values: SENSITIVITIES.map((t) => t.zh), width: 12 },
];

interface Column<K extends string> {
  readonly key: K;
  /** The header without the required mark. */
  readonly header: string;
  readonly en: string;
  readonly required: boolean;
  readonly width: number;
  readonly list?: ListName;
  /** Several values separated by ；(the drop-down helps but does not restrict). */
  readonly multi?: boolean;
  /** Stored as text so that codes keep their leading zeros. */
  readonly text?: boolean;
}

const RESOURCE_COLUMNS = [
  { key: 'seq', header: '序号', en: 'No.', required: true, width: 8 },
  { key: 'name', header: '资源名称', en: 'Name', required: true, width: 28 },
  { key: 'nameEn', header: '英文名称', en: 'English name', required: false, width: 28 },
  {
    key: 'classificationCode',
    header: '资源分类代码',
    en: 'Classification code',
    required: true,
    width: 16,
    list: 'classification',
    text: true,
  },
  { key: 'summary', header: '摘要', en: 'Summary', required: true, width: 40 },
  { key: 'keywords', header: '关键词', en: 'Keywords', required: false, width: 24 },
  { key: 'sourceSystem', header: '来源系统', en: 'Source system', required: true, width: 22 },
  { key: 'formatCategory', header: '格式分类', en: 'Format category', required: true, width: 14, list: 'formatCategory' },
  { key: 'formatType', header: '格式类型', en: 'Format type', required: true, width: 14 },
  { key: 'shareType', header: '共享属性', en: 'Share attribute', required: true, width: 14, list: 'shareType' },
  { key: 'shareConditions', header: '共享条件', en: 'Share conditions', required: false, width: 28 },
  { key: 'shareLegalBasis', header: '共享依据', en: 'Legal basis for sharing', required: false, width: 28 },
  { key: 'shareMethods', header: '共享方式', en: 'Share methods', required: false, width: 18, list: 'shareMethod', multi: true },
  { key: 'openType', header: '开放属性', en: 'Open attribute', required: true, width: 14, list: 'openType' },
  { key: 'openConditions', header: '开放条件', en: 'Open conditions', required: false, width: 28 },
  { key: 'openNoneGround', header: '不予开放情形', en: 'Ground for not opening', required: false, width: 32, list: 'openNoneGround' },
  { key: 'openLegalBasis', header: '不予开放依据', en: 'Legal basis for not opening', required: false, width: 28 },
  { key: 'securityLevel', header: '安全级别', en: 'Security level', required: true, width: 16, list: 'securityLevel' },
  { key: 'dataGrade', header: '数据分级', en: 'Data grade', required: true, width: 12, list: 'dataGrade' },
  { key: 'usageConditions', header: '使用要求', en: 'Usage conditions', required: false, width: 24 },
  { key: 'updateFrequency', header: '更新周期', en: 'Update frequency', required: true, width: 12, list: 'updateFrequency' },
  { key: 'licence', header: '许可协议', en: 'Licence', required: false, width: 18 },
  { key: 'stateSecret', header: '涉及国家秘密', en: 'Involves state secrets', required: false, width: 14, list: 'yesNo' },
  { key: 'justification', header: '重复采集理由', en: 'Justification for collecting again', required: false, width: 28 },
  { key: 'relatedCodes', header: '关联资源代码', en: 'Related resource codes', required: false, width: 22 },
] as const satisfies readonly Column<string>[];
type ResourceKey = (typeof RESOURCE_COLUMNS)[number]['key'];

/** Only in exports: for reference, ignored on import (an imported row becomes a new draft). */
const EXPORT_COLUMNS = [
  { key: 'resourceCode', header: '资源代码', en: 'Resource code', required: false, width: 22, text: true },
  { key: 'provider', header: '提供单位', en: 'Provider', required: false, width: 24 },
] as const satisfies readonly Column<string>[];

const FIELD_COLUMNS = [
  { key: 'seq', header: '资源序号', en: 'Resource No.', required: true, width: 10 },
  { key: 'code', header: '字段代码', en: 'Field code', required: true, width: 18, text: true },
  { key: 'name', header: '信息项名称', en: 'Field name', required: true, width: 22 },
  { key: 'dataType', header: '数据类型', en: 'Data type', required: true, width: 12, list: 'dataType' },
  { key: 'length', header: '长度', en: 'Length', required: false, width: 8 },
  { key: 'description', header: '说明', en: 'Description', required: false, width: 30 },
  { key: 'identifierRole', header: '标识类型', en: 'Identifier type', required: true, width: 18, list: 'identifierRole' },
  { key: 'sensitivity', header: '敏感程度', en: 'Sensitivity', required: true, width: 12, list: 'sensitivity' },
  { key: 'required', header: '必填', en: 'Required', required: false, width: 8, list: 'yesNo' },
] as const satisfies readonly Column<string>[];
type FieldKey = (typeof FIELD_COLUMNS)[number]['key'];

/** Header text as written in the sheet: required columns carry a `*`. */
const headerText = (c: Column<string>) => (c.required ? `${c.header}*` : c.header);
/** Header text as compared on import: no required mark, no spaces. */
const headerKey = (text: string) => text.replace(/[*＊\s]/g, '');

/** Where the domain's metadata paths live in the 资源 sheet. */
const RESOURCE_PATHS: Readonly<Record<string, ResourceKey>> = {
  classificationCode: 'classificationCode',
  name: 'name',
  nameEn: 'nameEn',
  summary: 'summary',
  keywords: 'keywords',
  sourceSystem: 'sourceSystem',
  formatCategory: 'formatCategory',
  formatType: 'formatType',
  'share.type': 'shareType',
  'share.conditions': 'shareConditions',
  'share.legalBasis': 'shareLegalBasis',
  'share.methods': 'shareMethods',
  'open.type': 'openType',
  'open.conditions': 'openConditions',
  'open.noneGround': 'openNoneGround',
  'open.legalBasis': 'openLegalBasis',
  securityLevel: 'securityLevel',
  dataGrade: 'dataGrade',
  usageConditions: 'usageConditions',
  updateFrequency: 'updateFrequency',
  licence: 'licence',
  involvesStateSecret: 'stateSecret',
  justification: 'justification',
  relatedResourceCodes: 'relatedCodes',
};

/** Where the paths of one field (`fields[i].length`) live in the 信息项 sheet. */
const FIELD_PATHS: Readonly<Record<string, FieldKey>> = {
  code: 'code',
  name: 'name',
  dataType: 'dataType',
  length: 'length',
  description: 'description',
  identifierRole: 'identifierRole',
  sensitivity: 'sensitivity',
  required: 'required',
};

const columnOf = <K extends string>(columns: readonly Column<K>[], key: K): Column<K> => {
  const column = columns.find((c) => c.key === key);
  if (!column) throw new Error(`no column ${key}`);
  return column;
};

// ---------------------------------------------------------------------------------------------
// Reading.

const XLSX_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE2_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

function fileError(zh: string, en: string): ImportError {
  return { sheet: '', row: 0, column: '', code: 'CATALOG_IMPORT_FILE_UNREADABLE', message: { zh, en } };
}

/** Reads the bytes of an .xlsx file; a truncated or non-xlsx file gives one clear error, never a throw. */
export async function readCatalogWorkbook(bytes: Buffer): Promise<{ workbook: Workbook } | { error: ImportError }> {
  const text = errorCatalog.CATALOG_IMPORT_FILE_UNREADABLE;
  if (bytes.subarray(0, 4).equals(OLE2_MAGIC)) {
    return {
      error: fileError(
        '这是旧版 Excel（.xls）文件：请在 Excel 中“另存为” .xlsx 格式后再上传',
        'This is an old Excel (.xls) file: save it as .xlsx in Excel and upload it again',
      ),
    };
  }
  if (!bytes.subarray(0, 4).equals(XLSX_MAGIC)) {
    return { error: fileError(`${text.zh}（文件不是 .xlsx 格式）`, `${text.en} (it is not an .xlsx file)`) };
  }
  try {
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    // exceljs types its input as its own Buffer (an ArrayBuffer); JSZip reads Node buffers as they are.
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    return { workbook };
  } catch {
    return { error: fileError(`${text.zh}（文件已损坏或不完整）`, `${text.en} (it is damaged or incomplete)`) };
  }
}

/** The text of a cell, whatever Excel stored: numbers, rich text, formulas' results, links. */
function textOf(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value)
    return value.richText
      .map((r) => r.text)
      .join('')
      .trim();
  if ('hyperlink' in value) return textOf(value.text);
  if ('error' in value) return '';
  return textOf(value.result ?? null);
}

interface SheetRow<K extends string> {
  readonly number: number;
  get(key: K): string;
}

function missingSheet(sheet: string): ImportError {
  const text = errorCatalog.CATALOG_IMPORT_LAYOUT_INVALID;
  return {
    sheet,
    row: 0,
    column: '',
    code: 'CATALOG_IMPORT_LAYOUT_INVALID',
    message: { zh: `${text.zh}：缺少工作表“${sheet}”`, en: `${text.en}: the sheet "${sheet}" is missing` },
  };
}

/** The data rows of a sheet by header name (column order does not matter), or null when a required header is missing. */
function readSheet<K extends string>(
  ws: Worksheet,
  columns: readonly Column<K>[],
  maxRows: number,
  errors: ImportError[],
): SheetRow<K>[] | null {
  const found = new Map<string, number>();
  ws.getRow(1).eachCell((cell, col) => {
    const key = headerKey(textOf(cell.value));
    if (key && !found.has(key)) found.set(key, col);
  });
  const positions: [K, number][] = [];
  const text = errorCatalog.CATALOG_IMPORT_LAYOUT_INVALID;
  let missing = false;
  for (const c of columns) {
    const col = found.get(c.header);
    if (col !== undefined) positions.push([c.key, col]);
    else if (c.required) {
      missing = true;
      errors.push({
        sheet: ws.name,
        row: 1,
        column: c.header,
        code: 'CATALOG_IMPORT_LAYOUT_INVALID',
        message: {
          zh: `${text.zh}：第 1 行缺少列名“${headerText(c)}”`,
          en: `${text.en}: row 1 lacks the header "${headerText(c)}" (${c.en})`,
        },
      });
    }
  }
  if (missing) return null;
  const rows: SheetRow<K>[] = [];
  let tooMany = false;
  ws.eachRow((row, number) => {
    if (number === 1 || tooMany) return;
    const values = new Map<K, string>();
    for (const [key, col] of positions) values.set(key, textOf(row.getCell(col).value));
    if ([...values.values()].every((v) => v === '')) return;
    if (rows.length >= maxRows) {
      tooMany = true;
      return;
    }
    rows.push({ number, get: (key) => values.get(key) ?? '' });
  });
  if (tooMany) {
    errors.push({
      sheet: ws.name,
      row: 0,
      column: '',
      code: 'CATALOG_IMPORT_LAYOUT_INVALID',
      message: {
        zh: `${text.zh}：“${ws.name}”表超过 ${maxRows} 行，请分成几个文件导入`,
        en: `${text.en}: the sheet "${ws.name}" has more than ${maxRows} rows; split it into several files`,
      },
    });
    return null;
  }
  return rows;
}

const squash = (s: string) => s.replace(/\s+/g, '').toLowerCase();

/** A vocabulary value by its Chinese label, its code or its English label. */
function termOf<C extends string>(list: readonly Term<C>[], raw: string): C | undefined {
  const s = squash(raw);
  return list.find((t) => t.code === raw || squash(t.zh) === s || squash(t.en) === s)?.code;
}

const LEVEL_DIGITS: Readonly<Record<string, SecurityLevel>> = { '1': 1, '2': 2, '3': 3, '4': 4, 一: 1, 二: 2, 三: 3, 四: 4 };

/** 1–4, 一级…四级, or the full label 一级（公开）. */
function levelOf(raw: string): SecurityLevel | undefined {
  const s = squash(raw).replace(/[（(].*$/, '');
  const m = /^(?:level)?([1-4一二三四])级?$/.exec(s);
  return m?.[1] === undefined ? undefined : LEVEL_DIGITS[m[1]];
}

function yesNoOf(raw: string): boolean | undefined {
  const s = squash(raw);
  if (['是', 'y', 'yes', 'true', '1', '√'].includes(s)) return true;
  if (['否', 'n', 'no', 'false', '0', '×'].includes(s)) return false;
  return undefined;
}

const splitList = (raw: string, separators: RegExp) =>
  raw
    .split(separators)
    .map((s) => s.trim())
    .filter((s) => s !== '');
const KEYWORD_SEPARATORS = /[；;\n]+/;
const LIST_SEPARATORS = /[；;，,、\n]+/;

/** A resource row being read, with the field rows that point at its 序号. */
interface PendingResource {
  readonly row: number;
  readonly seq: number | null;
  readonly base: Omit<ResourceMetadata, 'fields'>;
  readonly justification: string | null;
  readonly fields: { row: number; spec: FieldSpec }[];
  invalid: boolean;
}

/** The allowed values of a vocabulary, as the error messages list them. */
const allowedZh = (list: readonly Term[]) => list.map((t) => t.zh).join('、');
const allowedEn = (list: readonly Term[]) => list.map((t) => `${t.zh} (${t.code})`).join(', ');

/**
 * Reads a filled template: the valid resources with their fields, and every problem of the file
 * located by sheet, row and column. Never throws on bad input.
 */
export function parseCatalogWorkbook(workbook: Workbook, classifications: readonly ClassificationRef[]): ParsedCatalog {
  const errors: ImportError[] = [];
  const resourceSheet = workbook.getWorksheet(SHEETS.resources);
  const fieldSheet = workbook.getWorksheet(SHEETS.fields);
  if (!resourceSheet) errors.push(missingSheet(SHEETS.resources));
  if (!fieldSheet) errors.push(missingSheet(SHEETS.fields));
  if (!resourceSheet || !fieldSheet) return { entries: [], errors };
  const resourceRows = readSheet(resourceSheet, RESOURCE_COLUMNS, MAX_RESOURCES, errors);
  const fieldRows = readSheet(fieldSheet, FIELD_COLUMNS, MAX_FIELD_ROWS, errors);
  if (!resourceRows || !fieldRows) return { entries: [], errors };
  if (resourceRows.length === 0) {
    errors.push({
      sheet: SHEETS.resources,
      row: 0,
      column: '',
      code: 'CATALOG_REQUIRED',
      message: { zh: '“资源”表中没有填写任何资源', en: 'The 资源 sheet lists no resource' },
      requirement: 'R10.1',
    });
    return { entries: [], errors };
  }

  // One error per cell: a value refused while reading is not refused again by the domain rules.
  const reported = new Set<string>();
  const report = (
    owner: { invalid: boolean } | null,
    at: { sheet: string; row: number; column: string },
    code: ErrorCode,
    message?: { zh: string; en: string },
  ) => {
    if (owner) owner.invalid = true;
    const key = `${at.sheet}\u0000${at.row}\u0000${at.column}`;
    if (reported.has(key)) return;
    reported.add(key);
    const text = errorCatalog[code];
    errors.push({
      ...at,
      code,
      message: message ?? { zh: text.zh, en: text.en },
      ...('requirement' in text ? { requirement: text.requirement } : {}),
    });
  };

  /** Typed readers of one row's cells; each reports its own problems. */
  function cellsOf<K extends string>(
    sheet: string,
    columns: readonly Column<K>[],
    row: SheetRow<K>,
    owner: () => { invalid: boolean } | null,
  ) {
    const at = (key: K) => ({ sheet, row: row.number, column: columnOf(columns, key).header });
    const label = (key: K) => columnOf(columns, key);
    const required = (key: K) =>
      report(owner(), at(key), 'CATALOG_REQUIRED', {
        zh: `“${label(key).header}”必填`,
        en: `"${label(key).header}" (${label(key).en}) is required`,
      });
    return {
      text: (key: K) => row.get(key),
      nullable: (key: K) => row.get(key) || null,
      term<C extends string>(key: K, list: readonly Term<C>[], optional = false): C {
        const raw = row.get(key);
        if (raw === '') {
          if (!optional) required(key);
          return raw as C;
        }
        const code = termOf(list, raw);
        if (code !== undefined) return code;
        report(owner(), at(key), 'CATALOG_VALUE_INVALID', {
          zh: `“${label(key).header}”的值“${raw}”不在允许范围内，可选：${allowedZh(list)}`,
          en: `"${raw}" is not allowed in ${label(key).en}; allowed: ${allowedEn(list)}`,
        });
        return raw as C;
      },
      terms<C extends string>(key: K, list: readonly Term<C>[]): C[] {
        const values = splitList(row.get(key), LIST_SEPARATORS);
        const codes = values.map((v) => termOf(list, v));
        const unknown = values.filter((_, i) => codes[i] === undefined);
        if (unknown.length > 0) {
          report(owner(), at(key), 'CATALOG_VALUE_INVALID', {
            zh: `“${label(key).header}”的值“${unknown.join('；')}”不在允许范围内，可选：${allowedZh(list)}（多个用“；”分隔）`,
            en: `"${unknown.join('; ')}" is not allowed in ${label(key).en}; allowed: ${allowedEn(list)}, separated by ；`,
          });
        }
        return codes.map((c, i) => c ?? (values[i] as C));
      },
      integer(key: K, optional: boolean): number | null {
        const raw = row.get(key);
        if (raw === '') {
          if (!optional) required(key);
          return null;
        }
        const n = Number(raw);
        if (Number.isInteger(n)) return n;
        report(owner(), at(key), 'CATALOG_VALUE_INVALID', {
          zh: `“${label(key).header}”须为整数，现为“${raw}”`,
          en: `${label(key).en} must be a whole number, not "${raw}"`,
        });
        return null;
      },
      yesNo(key: K): boolean {
        const raw = row.get(key);
        if (raw === '') return false;
        const value = yesNoOf(raw);
        if (value !== undefined) return value;
        report(owner(), at(key), 'CATALOG_VALUE_INVALID', {
          zh: `“${label(key).header}”只能填“是”或“否”，现为“${raw}”`,
          en: `${label(key).en} is 是 (yes) or 否 (no), not "${raw}"`,
        });
        return false;
      },
      level(key: K): SecurityLevel {
        const raw = row.get(key);
        if (raw === '') {
          required(key);
          return 0 as SecurityLevel;
        }
        const level = levelOf(raw);
        if (level !== undefined) return level;
        report(owner(), at(key), 'CATALOG_VALUE_INVALID', {
          zh: `“${label(key).header}”须为 1–4 或“一级”至“四级”，现为“${raw}”`,
          en: `${label(key).en} is 1 to 4 (一级 to 四级), not "${raw}"`,
        });
        return 0 as SecurityLevel;
      },
      at,
    };
  }

  // The resources.
  const pending: PendingResource[] = [];
  const bySeq = new Map<number, PendingResource>();
  for (const row of resourceRows) {
    const flag = { invalid: false };
    const c = cellsOf(SHEETS.resources, RESOURCE_COLUMNS, row, () => flag);
    const seqValue = c.integer('seq', false);
    const seq = seqValue !== null && seqValue >= 1 ? seqValue : null;
    const base: Omit<ResourceMetadata, 'fields'> = {
      classificationCode: c.text('classificationCode'),
      name: c.text('name'),
      nameEn: c.nullable('nameEn'),
      summary: c.text('summary'),
      keywords: splitList(c.text('keywords'), KEYWORD_SEPARATORS),
      sourceSystem: c.text('sourceSystem'),
      formatCategory: c.term('formatCategory', FORMAT_CATEGORIES),
      formatType: c.text('formatType'),
      share: {
        type: c.term('shareType', SHARE_TYPES),
        conditions: c.nullable('shareConditions'),
        legalBasis: c.nullable('shareLegalBasis'),
        methods: c.terms('shareMethods', SHARE_METHODS),
      },
      open: {
        type: c.term('openType', OPEN_TYPES),
        conditions: c.nullable('openConditions'),
        noneGround: c.term('openNoneGround', OPEN_NONE_GROUNDS, true) || null,
        legalBasis: c.nullable('openLegalBasis'),
      },
      securityLevel: c.level('securityLevel'),
      dataGrade: c.term('dataGrade', DATA_GRADES),
      usageConditions: c.nullable('usageConditions'),
      updateFrequency: c.term('updateFrequency', UPDATE_FREQUENCIES),
      relatedResourceCodes: splitList(c.text('relatedCodes'), LIST_SEPARATORS),
      licence: c.nullable('licence'),
      involvesStateSecret: c.yesNo('stateSecret'),
    };
    const self: PendingResource = {
      row: row.number,
      seq,
      base,
      justification: c.nullable('justification'),
      fields: [],
      invalid: flag.invalid,
    };
    if (seqValue !== null && seq === null) {
      report(self, c.at('seq'), 'CATALOG_VALUE_INVALID', { zh: '“序号”须为正整数', en: 'No. must be a positive whole number' });
    } else if (seq !== null) {
      const first = bySeq.get(seq);
      if (first) {
        first.invalid = true;
        report(self, c.at('seq'), 'CATALOG_VALUE_INVALID', {
          zh: `序号 ${seq} 与第 ${first.row} 行重复`,
          en: `No. ${seq} repeats row ${first.row}`,
        });
      } else bySeq.set(seq, self);
    }
    pending.push(self);
  }

  // The fields, each attached to the resource of its 资源序号.
  for (const row of fieldRows) {
    let owner: PendingResource | null = null;
    const c = cellsOf(SHEETS.fields, FIELD_COLUMNS, row, () => owner);
    const seq = c.integer('seq', false);
    owner = seq === null ? null : (bySeq.get(seq) ?? null);
    if (seq !== null && !owner) {
      report(null, c.at('seq'), 'CATALOG_VALUE_INVALID', {
        zh: `资源序号 ${seq} 在“资源”表中不存在`,
        en: `Resource No. ${seq} is not in the 资源 sheet`,
      });
    }
    const spec: FieldSpec = {
      code: c.text('code'),
      name: c.text('name'),
      dataType: c.term('dataType', DATA_TYPES),
      length: c.integer('length', true),
      description: c.nullable('description'),
      identifierRole: c.term('identifierRole', IDENTIFIER_ROLES),
      sensitivity: c.term('sensitivity', SENSITIVITIES),
      required: c.yesNo('required'),
    };
    owner?.fields.push({ row: row.number, spec });
  }

  // The domain rules over each whole resource, mapped back to cells.
  const selectable = new Set(classifications.filter((k) => k.level >= 3).map((k) => k.code));
  const entries: ImportedEntry[] = [];
  for (const p of pending) {
    const metadata: ResourceMetadata = { ...p.base, fields: p.fields.map((f) => f.spec) };
    const resourceCell = (key: ResourceKey) => ({ sheet: SHEETS.resources, row: p.row, column: columnOf(RESOURCE_COLUMNS, key).header });
    if (p.fields.length === 0) {
      report(p, resourceCell('seq'), 'CATALOG_REQUIRED', {
        zh: p.seq === null ? '该资源没有信息项' : `该资源没有信息项：“信息项”表中没有资源序号为 ${p.seq} 的行`,
        en:
          p.seq === null
            ? 'The resource has no fields'
            : `The resource has no fields: no row of the 信息项 sheet has resource No. ${p.seq}`,
      });
    }
    for (const refusal of validateResourceMetadata(metadata)) {
      if (refusal.field === 'fields') continue; // reported above, with the 序号 to look for
      report(p, locate(refusal, p), refusal.code, messageOf(refusal, p));
    }
    if (metadata.classificationCode !== '' && !selectable.has(metadata.classificationCode)) {
      report(p, resourceCell('classificationCode'), 'CATALOG_CLASSIFICATION_UNKNOWN', {
        zh: `资源分类“${metadata.classificationCode}”不存在或不是“目”或“细目”，可选值见“取值”表`,
        en: `Classification "${metadata.classificationCode}" does not exist or is not a 目 or 细目 (see the 取值 sheet)`,
      });
    }
    if (!p.invalid) entries.push({ row: p.row, metadata, justification: p.justification });
  }
  return { entries, errors: sortErrors(errors) };
}

/** The cell a domain refusal is about: `fields[2].length` → sheet 信息项, the row of the third field, column 长度. */
function locate(refusal: Refusal, p: PendingResource): { sheet: string; row: number; column: string } {
  const path = refusal.field ?? '';
  const field = /^fields\[(\d+)\]\.(\w+)$/.exec(path);
  if (field) {
    const at = p.fields[Number(field[1])];
    const key = FIELD_PATHS[field[2] ?? ''];
    return { sheet: SHEETS.fields, row: at?.row ?? 0, column: key ? columnOf(FIELD_COLUMNS, key).header : '' };
  }
  const key = RESOURCE_PATHS[path.replace(/\[\d+\]$/, '')];
  return { sheet: SHEETS.resources, row: p.row, column: key ? columnOf(RESOURCE_COLUMNS, key).header : '' };
}

/** The refusal's own message; a generic one names the column. */
function messageOf(refusal: Refusal, p: PendingResource): { zh: string; en: string } {
  const text = errorCatalog[refusal.code];
  if (refusal.message.zh !== text.zh) return refusal.message;
  const at = locate(refusal, p);
  const columns: readonly Column<string>[] = at.sheet === SHEETS.fields ? FIELD_COLUMNS : RESOURCE_COLUMNS;
  const column = columns.find((c) => c.header === at.column);
  if (!column) return refusal.message;
  return { zh: `${text.zh}：“${column.header}”`, en: `${text.en}: ${column.en} (${column.header})` };
}

function sortErrors(errors: ImportError[]): ImportError[] {
  const columnIndex = (e: ImportError) => {
    const columns: readonly Column<string>[] = e.sheet === SHEETS.fields ? FIELD_COLUMNS : RESOURCE_COLUMNS;
    return columns.findIndex((c) => c.header === e.column);
  };
  return errors
    .map((e, i) => ({ e, i }))
    .sort(
      (a, b) =>
        SHEET_ORDER.indexOf(a.e.sheet) - SHEET_ORDER.indexOf(b.e.sheet) ||
        a.e.row - b.e.row ||
        columnIndex(a.e) - columnIndex(b.e) ||
        a.i - b.i,
    )
    .map(({ e }) => e);
}

// ---------------------------------------------------------------------------------------------
// Writing.

const GUIDE = [
  '公共数据资源目录填报说明',
  '',
  '一、“资源”表每行登记一个数据资源；“信息项”表每行登记一个信息项（字段），用“资源序号”对应“资源”表的“序号”。每个资源至少有一个信息项。',
  '二、列名带“*”的为必填项。带下拉箭头的单元格请从列表中选择，可选值见“取值”表；也可填写英文代码（如 conditional）。',
  '三、“资源分类代码”填写“取值”表中的“目”或“细目”代码。',
  '四、“关键词”多个时用“；”或“;”分隔；“共享方式”可多选（接口、批量文件、查询），用“；”分隔。',
  '五、共享属性为“有条件共享”时须填写“共享条件”；为“有条件共享”或“不予共享”时须填写“共享依据”（法律法规依据）；共享的须填写“共享方式”。',
  '六、开放属性为“有条件开放”时须填写“开放条件”；为“不予开放”时须选择“不予开放情形”（五种情形之一）并填写“不予开放依据”。',
  '七、“安全级别”填写 1–4 或“一级”至“四级”。开放程度不得高于共享程度；三级数据至多有条件开放，四级数据一律不予开放。',
  '八、字符型信息项须填写“长度”（1–10000 的整数）。标识类信息项（公民身份号码、统一社会信用代码、其他标识码）须为字符型；公民身份号码和统一社会信用代码长度为 18。',
  '九、“字段代码”以小写字母开头，只含小写字母、数字和下划线，同一资源内不得重复；“信息项名称”同一资源内不得重复。',
  '十、涉及国家秘密的数据不得进入平台：“涉及国家秘密”为“是”的资源不会被保存。',
  '十一、信息项与已发布的共享数据重复的，须在“重复采集理由”中说明理由。',
  '十二、导入后每个资源保存为本单位的草稿，核对无误后再提交审核。文件有误时不保存任何条目，并逐条列出错误所在的表、行和列；也可选择只保存无误的资源。',
  '十三、导出文件中的“资源代码”“提供单位”两列仅供参考，重新导入时不读取，导入后生成新的草稿。',
];

/** exceljs keeps range validations on `worksheet.dataValidations`, which its typings leave out. */
function rangeValidations(ws: Worksheet): { add(range: string, validation: DataValidation): void } {
  return (ws as unknown as { dataValidations: { add(range: string, validation: DataValidation): void } }).dataValidations;
}

function addDataSheet<K extends string>(
  workbook: Workbook,
  name: string,
  columns: readonly Column<K>[],
  rows: readonly Partial<Record<K, string | number | null>>[],
  lists: ReadonlyMap<ListName, { ref: string; title: string }>,
  spareRows: number,
  frozenColumns: number,
): Worksheet {
  const ws = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ...(frozenColumns > 0 ? { xSplit: frozenColumns } : {}), ySplit: 1 }],
  });
  ws.columns = columns.map((c) => ({ header: headerText(c), key: c.key, width: c.width, ...(c.text ? { style: { numFmt: '@' } } : {}) }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle' };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  });
  for (const row of rows) ws.addRow(Object.fromEntries(columns.map((c) => [c.key, row[c.key] ?? null])));
  const last = rows.length + 1 + spareRows;
  columns.forEach((c, i) => {
    const list = c.list ? lists.get(c.list) : undefined;
    if (!list) return;
    const letter = ws.getColumn(i + 1).letter;
    rangeValidations(ws).add(`${letter}2:${letter}${last}`, {
      type: 'list',
      allowBlank: true,
      formulae: [list.ref],
      ...(c.multi
        ? { showErrorMessage: false, showInputMessage: true, promptTitle: c.header, prompt: '可多选，用“；”分隔' }
        : {
            showErrorMessage: true,
            errorStyle: 'stop',
            errorTitle: '取值不在列表中',
            error: `请从下拉列表中选择，可选值见“取值”表的“${list.title}”列`,
          }),
    });
  });
  return ws;
}

function classificationPath(k: ClassificationRef, all: ReadonlyMap<string, ClassificationRef>): string {
  const names: string[] = [k.name];
  let parent = k.parentCode ?? null;
  for (let guard = 0; parent && guard < 4; guard++) {
    const up = all.get(parent);
    if (!up) break;
    names.unshift(up.name);
    parent = up.parentCode ?? null;
  }
  return names.join(' / ');
}

const zhOf = <C extends string>(list: readonly Term<C>[], code: C | null) =>
  code === null ? null : (list.find((t) => t.code === code)?.zh ?? code);

function resourceRow(e: ExportEntry, seq: number): Partial<Record<ResourceKey | 'resourceCode' | 'provider', string | number | null>> {
  const m = e.metadata;
  return {
    seq,
    name: m.name,
    nameEn: m.nameEn,
    classificationCode: m.classificationCode,
    summary: m.summary,
    keywords: m.keywords.join('；'),
    sourceSystem: m.sourceSystem,
    formatCategory: zhOf(FORMAT_CATEGORIES, m.formatCategory),
    formatType: m.formatType,
    shareType: zhOf(SHARE_TYPES, m.share.type),
    shareConditions: m.share.conditions,
    shareLegalBasis: m.share.legalBasis,
    shareMethods: m.share.methods.map((x) => zhOf(SHARE_METHODS, x)).join('；'),
    openType: zhOf(OPEN_TYPES, m.open.type),
    openConditions: m.open.conditions,
    openNoneGround: zhOf(OPEN_NONE_GROUNDS, m.open.noneGround),
    openLegalBasis: m.open.legalBasis,
    securityLevel: levelLabel(m.securityLevel),
    dataGrade: zhOf(DATA_GRADES, m.dataGrade),
    usageConditions: m.usageConditions,
    updateFrequency: zhOf(UPDATE_FREQUENCIES, m.updateFrequency),
    licence: m.licence,
    stateSecret: m.involvesStateSecret ? YES : NO,
    justification: e.justification,
    relatedCodes: m.relatedResourceCodes.join('；'),
    resourceCode: e.code,
    provider: e.provider.name,
  };
}

/** The letters of the n-th column (1 → A, 27 → AA). */
function columnLetter(n: number): string {
  let letters = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) letters = String.fromCharCode(65 + ((k - 1) % 26)) + letters;
  return letters;
}

/**
 * The template (no entries) or an export of published entries in the same layout, with the
 * resource code and provider added, so that an exported file imports again as drafts.
 */
export async function buildCatalogWorkbook(input: {
  entries?: readonly ExportEntry[];
  classifications: readonly ClassificationRef[];
}): Promise<Workbook> {
  // Loaded on first use: exceljs costs about 28 MB of memory that most processes never need.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '公数 Gongshu';

  // The allowed values, one column of the 取值 sheet per list, which the drop-downs point at.
  const byCode = new Map(input.classifications.map((k) => [k.code, k]));
  const selectable = input.classifications.filter((k) => k.level >= 3).sort((a, b) => a.code.localeCompare(b.code));
  const valueColumns: { name: ListName | null; title: string; values: readonly string[]; width: number; text?: boolean }[] = [
    ...TERM_LISTS,
    { name: 'classification', title: '资源分类代码', values: selectable.map((k) => k.code), width: 16, text: true },
    { name: null, title: '资源分类名称', values: selectable.map((k) => classificationPath(k, byCode)), width: 48 },
  ];
  const lists = new Map<ListName, { ref: string; title: string }>();
  valueColumns.forEach((v, i) => {
    const letter = columnLetter(i + 1);
    if (v.name && v.values.length > 0)
      lists.set(v.name, { ref: `'${SHEETS.values}'!$${letter}$2:$${letter}$${v.values.length + 1}`, title: v.title });
  });

  const guide = workbook.addWorksheet(SHEETS.guide);
  guide.getColumn(1).width = 120;
  GUIDE.forEach((line, i) => {
    const cell = guide.getCell(i + 1, 1);
    cell.value = line;
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (i === 0) cell.font = { bold: true, size: 14 };
  });

  const entries = input.entries ?? [];
  const resourceColumns: readonly Column<string>[] = input.entries ? [...RESOURCE_COLUMNS, ...EXPORT_COLUMNS] : RESOURCE_COLUMNS;
  addDataSheet<string>(
    workbook,
    SHEETS.resources,
    resourceColumns,
    entries.map((e, i) => resourceRow(e, i + 1)),
    lists,
    SPARE_RESOURCE_ROWS,
    2,
  );
  const fieldRows = entries.flatMap((e, i) =>
    e.metadata.fields.map((f) => ({
      seq: i + 1,
      code: f.code,
      name: f.name,
      dataType: zhOf(DATA_TYPES, f.dataType),
      length: f.length,
      description: f.description,
      identifierRole: zhOf(IDENTIFIER_ROLES, f.identifierRole),
      sensitivity: zhOf(SENSITIVITIES, f.sensitivity),
      required: f.required ? YES : NO,
    })),
  );
  addDataSheet(workbook, SHEETS.fields, FIELD_COLUMNS, fieldRows, lists, SPARE_FIELD_ROWS, 0);

  const values = workbook.addWorksheet(SHEETS.values, { views: [{ state: 'frozen', ySplit: 1 }] });
  valueColumns.forEach((v, i) => {
    const column = values.getColumn(i + 1);
    column.width = v.width;
    if (v.text) column.numFmt = '@';
    values.getCell(1, i + 1).value = v.title;
    v.values.forEach((value, j) => {
      values.getCell(j + 2, i + 1).value = value;
    });
  });
  values.getRow(1).font = { bold: true };
  return workbook;
}

// ---------------------------------------------------------------------------------------------
// CSV: one row per resource with the main columns, for people who only want to read the list.

const CSV_COLUMNS: readonly { header: string; value: (e: ExportEntry, publishedOn: string) => string }[] = [
  { header: '资源代码', value: (e) => e.code },
  { header: '资源名称', value: (e) => e.metadata.name },
  { header: '英文名称', value: (e) => e.metadata.nameEn ?? '' },
  { header: '提供单位', value: (e) => e.provider.name },
  { header: '资源分类代码', value: (e) => e.metadata.classificationCode },
  { header: '摘要', value: (e) => e.metadata.summary },
  { header: '关键词', value: (e) => e.metadata.keywords.join('；') },
  { header: '来源系统', value: (e) => e.metadata.sourceSystem },
  { header: '格式分类', value: (e) => zhOf(FORMAT_CATEGORIES, e.metadata.formatCategory) ?? '' },
  { header: '格式类型', value: (e) => e.metadata.formatType },
  { header: '共享属性', value: (e) => zhOf(SHARE_TYPES, e.metadata.share.type) ?? '' },
  { header: '共享条件', value: (e) => e.metadata.share.conditions ?? '' },
  { header: '共享方式', value: (e) => e.metadata.share.methods.map((x) => zhOf(SHARE_METHODS, x)).join('；') },
  { header: '开放属性', value: (e) => zhOf(OPEN_TYPES, e.metadata.open.type) ?? '' },
  { header: '开放条件', value: (e) => e.metadata.open.conditions ?? '' },
  { header: '安全级别', value: (e) => levelLabel(e.metadata.securityLevel) },
  { header: '数据分级', value: (e) => zhOf(DATA_GRADES, e.metadata.dataGrade) ?? '' },
  { header: '更新周期', value: (e) => zhOf(UPDATE_FREQUENCIES, e.metadata.updateFrequency) ?? '' },
  { header: '许可协议', value: (e) => e.metadata.licence ?? '' },
  { header: '发布日期', value: (_, publishedOn) => publishedOn },
  { header: '信息项', value: (e) => e.metadata.fields.map((f) => f.name).join('、') },
];

/**
 * One CSV cell: quoted when needed, and a leading = + - @ neutralised so that a spreadsheet never
 * runs a cell as a formula (CSV injection).
 */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The CSV header line, starting with a UTF-8 byte-order mark so that Excel reads Chinese correctly. */
export function catalogCsvHeader(): string {
  return `\uFEFF${CSV_COLUMNS.map((c) => csvCell(c.header)).join(',')}\r\n`;
}

/** One CSV line; `publishedOn` is the publication date as the city reads it (Asia/Shanghai). */
export function catalogCsvLine(entry: ExportEntry, publishedOn: string): string {
  return `${CSV_COLUMNS.map((c) => csvCell(c.value(entry, publishedOn))).join(',')}\r\n`;
}
