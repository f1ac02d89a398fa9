/**
 * Export of an audit search (R29.1, issue 8 item 4) as CSV (UTF-8 with BOM, so that Excel reads
 * Chinese) or XLSX (exceljs streaming writer, loaded on first use), newest first, at most
 * AUDIT_EXPORT_CAP entries. The set is fixed before the first byte: entries up to the head of the
 * chain at that moment; the export is audited then, with its filter and its count.
 */
import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import { AUDIT_EXPORT_CAP } from '@gongshu/contracts';
import { sql, type Kysely } from 'kysely';
import type { RequestContext } from '../../context.js';
import type { Database, AuditRow } from '../../db/schema.js';
import type { AuditService } from './audit.service.js';
import { auditSearchQuery, searchAuditRows, type AuditFilter } from './audit.repository.js';

export type AuditExportFormat = 'csv' | 'xlsx';

export const AUDIT_EXPORT_TYPES: Record<AuditExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const PAGE = 1000;

const COLUMNS: readonly (readonly [string, (row: AuditRow) => string | number | null])[] = [
  ['序号 seq', (r) => r.seq],
  ['时间 at', (r) => r.at.toISOString()],
  ['操作人 actor', (r) => r.actor_label],
  ['操作人单位 actor agency', (r) => r.actor_agency_id],
  ['途径 via', (r) => r.via],
  ['操作 action', (r) => r.action],
  ['对象类型 subject type', (r) => r.subject_type],
  ['对象 subject id', (r) => r.subject_id],
  ['结果 outcome', (r) => r.outcome],
  ['请求 request id', (r) => r.request_id],
  ['地址 ip', (r) => r.ip],
  ['详情 details', (r) => JSON.stringify(r.details)],
  ['哈希 hash', (r) => r.hash],
];

export type ExportFilter = Omit<AuditFilter, 'limit' | 'beforeSeq'>;

export interface AuditExport {
  readonly stream: Readable;
  readonly contentType: string;
  readonly fileName: string;
  readonly rows: number;
  readonly truncated: boolean;
}

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The entries of the filter below `bound`, newest first, at most `cap`, a page at a time. */
async function* pages(db: Kysely<Database>, filter: ExportFilter, bound: number, cap: number): AsyncGenerator<AuditRow[]> {
  let beforeSeq = bound;
  let left = cap;
  while (left > 0) {
    const page = await searchAuditRows(db, { ...filter, beforeSeq, limit: Math.min(PAGE, left) });
    if (page.length === 0) return;
    yield page;
    left -= page.length;
    beforeSeq = page.at(-1)?.seq ?? 0;
    if (page.length < PAGE) return;
  }
}

function aboutLines(filter: ExportFilter, rows: number, truncated: boolean, ctx: RequestContext, at: Date): [string, string][] {
  const who = ctx.actor.kind === 'user' ? ctx.actor.username : ctx.via;
  return [
    ['导出 exported', `${at.toISOString()} · ${who}`],
    ['筛选 filter', JSON.stringify(filter)],
    ['条数 entries', String(rows)],
    ['上限 cap', `${AUDIT_EXPORT_CAP}（每次导出最多 ${AUDIT_EXPORT_CAP} 条 / at most ${AUDIT_EXPORT_CAP} entries per export）`],
    ['已截断 truncated', truncated ? '是 yes：请缩小筛选范围 narrow the filter' : '否 no'],
  ];
}

async function* csvChunks(rows: AsyncIterable<AuditRow[]>, about: readonly (readonly [string, string])[]) {
  yield Buffer.from(`\uFEFF${COLUMNS.map(([name]) => csvCell(name)).join(',')}\r\n`);
  for await (const page of rows) {
    let chunk = '';
    for (const row of page) chunk += `${COLUMNS.map(([, value]) => csvCell(value(row))).join(',')}\r\n`;
    yield Buffer.from(chunk);
  }
  // The trailer: one line starting with #, after the entries, stating the filter, count and cap.
  yield Buffer.from(`${csvCell(`# ${about.map(([k, v]) => `${k}: ${v}`).join('; ')}`)}\r\n`);
}

function xlsxStream(rows: AsyncIterable<AuditRow[]>, about: readonly (readonly [string, string])[]): Readable {
  const out = new PassThrough();
  void (async () => {
    try {
      const { default: Excel } = await import('exceljs');
      const workbook = new Excel.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
      workbook.creator = 'Gongshu';
      const sheet = workbook.addWorksheet('审计 Audit');
      sheet.addRow(COLUMNS.map(([name]) => name)).commit();
      for await (const page of rows) {
        if (out.destroyed) return;
        for (const row of page) sheet.addRow(COLUMNS.map(([, value]) => value(row))).commit();
        if (out.writableNeedDrain) await once(out, 'drain');
      }
      sheet.commit();
      const info = workbook.addWorksheet('说明 About');
      for (const pair of about) info.addRow([...pair]).commit();
      info.commit();
      await workbook.commit();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return out;
}

/**
 * Fixes the set (the entries of the filter up to the current head, at most the cap), audits the
 * export, then streams it.
 */
export async function exportAudit(
  deps: { db: Kysely<Database>; audit: AuditService; clock: () => Date },
  ctx: RequestContext,
  filter: ExportFilter,
  format: AuditExportFormat,
): Promise<AuditExport> {
  const { db, audit } = deps;
  const at = deps.clock();
  const head = await db
    .selectFrom('audit_log')
    .select(sql<number | null>`max(seq)`.as('seq'))
    .executeTakeFirst();
  const bound = (head?.seq ?? 0) + 1;
  // One more than the cap tells whether the cap cuts the set.
  const counted = await db
    .selectFrom(auditSearchQuery(db, { ...filter, beforeSeq: bound, limit: AUDIT_EXPORT_CAP + 1 }).as('m'))
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  const truncated = counted.n > AUDIT_EXPORT_CAP;
  const rows = Math.min(counted.n, AUDIT_EXPORT_CAP);
  // Reading the audit trail is itself a data access (R29.1): recorded before the first byte.
  await db.transaction().execute((trx) =>
    audit.record(trx, ctx, {
      action: 'audit.export',
      subjectType: 'audit_log',
      details: { filter, format, rows, truncated, cap: AUDIT_EXPORT_CAP, upToSeq: bound - 1 },
    }),
  );
  const about = aboutLines(filter, rows, truncated, ctx, at);
  const source = pages(db, filter, bound, AUDIT_EXPORT_CAP);
  const stamp = at.toISOString().replace(/[-:]/g, '').slice(0, 15);
  return {
    stream: format === 'csv' ? Readable.from(csvChunks(source, about), { objectMode: false }) : xlsxStream(source, about),
    contentType: AUDIT_EXPORT_TYPES[format],
    fileName: `audit-${stamp}.${format}`,
    rows,
    truncated,
  };
}
