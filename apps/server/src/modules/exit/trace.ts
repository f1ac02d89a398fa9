/**
 * `gongshu trace <file>` (R17.2, R29.1): finds the fingerprints of this node in a file that left it
 * (CSV, XLSX, JSON or JSON Lines, possibly cut down and re-saved in another format), verifies each
 * against its grant's secret key and names the grant and the delivery. Streams the file.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type ExcelJS from 'exceljs';
import { fail } from '@gongshu/domain';
import type { Executor } from '../../db/executor.js';
import { cellText } from '../aggregation/load-sources.js';
import { findTracedDelivery, type TracedDelivery } from './exit.repository.js';
import { TOKEN_PATTERN, findMarks, markIsValid, tokenIsValid, unescapeMarkCharacters } from './fingerprint.js';

export interface FileFingerprints {
  /** Provenance tokens by text, with how many times each appears. */
  readonly tokens: Map<string, { grantNumber: string; serial: number; tag: string; count: number }>;
  /** Invisible marks by serial and tag, with how many values carry each. */
  readonly marks: Map<string, { serial: number; tag: string; count: number }>;
  readonly format: 'xlsx' | 'text';
}

function scanText(text: string, found: FileFingerprints): void {
  const line = unescapeMarkCharacters(text);
  if (line.includes('GSFP1.')) {
    for (const m of line.matchAll(TOKEN_PATTERN)) {
      const entry = found.tokens.get(m[0]) ?? { grantNumber: m[1] ?? '', serial: Number(m[2]), tag: m[3] ?? '', count: 0 };
      entry.count++;
      found.tokens.set(m[0], entry);
    }
  }
  for (const mark of findMarks(line)) {
    const key = `${mark.serial}:${mark.tag}`;
    const entry = found.marks.get(key) ?? { ...mark, count: 0 };
    entry.count++;
    found.marks.set(key, entry);
  }
}

async function isZip(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(4);
    await handle.read(head, 0, 4, 0);
    return head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  } finally {
    await handle.close();
  }
}

/** Reads every cell (XLSX, all sheets) or every line (CSV, JSON, JSON Lines) and collects the marks. */
export async function scanFile(file: string): Promise<FileFingerprints> {
  if (await isZip(file)) {
    const found: FileFingerprints = { tokens: new Map(), marks: new Map(), format: 'xlsx' };
    const { default: Excel } = await import('exceljs');
    const reader = new Excel.stream.xlsx.WorkbookReader(createReadStream(file), {
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'ignore',
      worksheets: 'emit',
      entries: 'emit',
    });
    for await (const sheet of reader) {
      for await (const row of sheet as unknown as AsyncIterable<ExcelJS.Row>) {
        for (const value of (row.values as ExcelJS.CellValue[]).slice(1)) {
          const text = cellText(value);
          if (text) scanText(text, found);
        }
      }
    }
    return found;
  }
  const found: FileFingerprints = { tokens: new Map(), marks: new Map(), format: 'text' };
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of lines) scanText(line, found);
  return found;
}

export interface TraceHit {
  readonly delivery: TracedDelivery;
  /** Values that carry the invisible mark, and rows that carry the provenance token. */
  readonly markedValues: number;
  readonly tokenRows: number;
}

export interface TraceReport {
  readonly hits: TraceHit[];
  /** Fingerprint-shaped text that no delivery of this node signed (forged, damaged or another node's). */
  readonly unverified: number;
}

/** Verifies the fingerprints of a file against the database; refuses with TRACE_NO_FINGERPRINT when none holds. */
export async function traceFile(db: Executor, file: string): Promise<TraceReport> {
  const found = await scanFile(file);
  const serials = new Set([...found.tokens.values()].map((t) => t.serial).concat([...found.marks.values()].map((m) => m.serial)));
  const hits: TraceHit[] = [];
  let unverified = 0;
  for (const serial of serials) {
    const delivery = await findTracedDelivery(db, serial);
    let markedValues = 0;
    let tokenRows = 0;
    for (const mark of found.marks.values()) {
      if (mark.serial !== serial) continue;
      if (delivery && markIsValid(delivery.watermark_key, mark)) markedValues += mark.count;
      else unverified += mark.count;
    }
    for (const token of found.tokens.values()) {
      if (token.serial !== serial) continue;
      if (delivery && token.grantNumber === delivery.grant_number && tokenIsValid(delivery.watermark_key, token)) tokenRows += token.count;
      else unverified += token.count;
    }
    if (delivery && markedValues + tokenRows > 0) hits.push({ delivery, markedValues, tokenRows });
  }
  if (hits.length === 0) fail('TRACE_NO_FINGERPRINT', { details: { unverified } });
  hits.sort((a, b) => b.markedValues + b.tokenRows - (a.markedValues + a.tokenRows));
  return { hits, unverified };
}

/** The report as printed by the CLI (zh / en labels, no secrets). */
export function describeTrace(report: TraceReport): string[] {
  const lines: string[] = [];
  for (const { delivery: d, markedValues, tokenRows } of report.hits) {
    const caller =
      d.via === 'api_key'
        ? `${d.username ?? '?'} (${d.display_name ?? ''}) via API key ${d.api_key_prefix ?? '?'}… “${d.api_key_name ?? ''}”`
        : `${d.username ?? '?'} (${d.display_name ?? ''}) via ${d.via}`;
    lines.push(
      `fingerprint found / 找到数据指纹: ${markedValues} values with the invisible mark, ${tokenRows} rows with the provenance column`,
      `  grant 授权  ${d.grant_number} (${d.grant_id}), state ${d.grant_state}, valid ${d.valid_from.toISOString()} – ${d.valid_to.toISOString()}`,
      `    consumer 使用单位  ${d.consumer_name} (${d.consumer_code})`,
      `    resource 数据资源  ${d.resource_code ?? '?'} ${d.resource_name ?? ''}, provider 提供单位 ${d.provider_name}`,
      `    fields 授权信息项  ${d.granted_fields.join(', ')}`,
      `    purpose 用途  ${d.purpose}`,
      `  delivery 交付  ${d.id} (serial ${d.serial}), ${d.kind}${d.format ? ` ${d.format}` : ''} at ${d.at.toISOString()}, ${d.rows} rows${d.completed_at ? '' : ' (incomplete)'}`,
      `    caller 调用方  ${caller}`,
      `    fields delivered 交付信息项  ${d.delivered_fields.join(', ')}`,
    );
  }
  if (report.unverified > 0)
    lines.push(`${report.unverified} fingerprint-like marks did not verify (damaged, forged or from another node)`);
  return lines;
}
