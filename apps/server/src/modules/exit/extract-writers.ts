/**
 * Bulk extracts as files, streamed batch by batch (decision 7): CSV (UTF-8 with BOM, so that Excel
 * reads Chinese), XLSX (exceljs streaming writer) and JSON (one array). Nothing holds the table.
 */
import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import type { ExitRecord } from '@gongshu/contracts';

export type ExtractFormat = 'csv' | 'xlsx' | 'json';

export interface ExtractColumn {
  readonly code: string;
  readonly name: string;
}

export const CONTENT_TYPES: Record<ExtractFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
};

/** Called once when the file ends or is cut off: rows written, and whether the whole table went out. */
export type ExtractEnd = (rows: number, complete: boolean) => Promise<void>;

/** One CSV cell: quoted when it holds a quote, comma or line end (RFC 4180). */
export function csvCell(value: ExitRecord[string] | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

async function* csvChunks(columns: readonly ExtractColumn[], batches: AsyncIterable<ExitRecord[]>, end: ExtractEnd) {
  let rows = 0;
  let complete = false;
  try {
    yield Buffer.from(`\uFEFF${columns.map((c) => csvCell(c.name)).join(',')}\r\n`);
    for await (const batch of batches) {
      let chunk = '';
      for (const record of batch) chunk += `${columns.map((c) => csvCell(record[c.code])).join(',')}\r\n`;
      rows += batch.length;
      yield Buffer.from(chunk);
    }
    complete = true;
  } finally {
    await end(rows, complete);
  }
}

async function* jsonChunks(batches: AsyncIterable<ExitRecord[]>, end: ExtractEnd) {
  let rows = 0;
  let complete = false;
  try {
    yield Buffer.from('[');
    for await (const batch of batches) {
      let chunk = '';
      for (const record of batch) chunk += `${rows++ === 0 ? '\n' : ',\n'}${JSON.stringify(record)}`;
      yield Buffer.from(chunk);
    }
    yield Buffer.from('\n]\n');
    complete = true;
  } finally {
    await end(rows, complete);
  }
}

function xlsxStream(
  columns: readonly ExtractColumn[],
  batches: AsyncIterable<ExitRecord[]>,
  about: readonly (readonly [string, string])[],
  end: ExtractEnd,
): Readable {
  const out = new PassThrough();
  void (async () => {
    let rows = 0;
    let complete = false;
    try {
      const { default: Excel } = await import('exceljs');
      const workbook = new Excel.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
      workbook.creator = 'Gongshu';
      workbook.description = about.map(([k, v]) => `${k}: ${v}`).join('\n');
      const sheet = workbook.addWorksheet('数据 Data');
      sheet.addRow(columns.map((c) => c.name)).commit();
      for await (const batch of batches) {
        if (out.destroyed) return;
        for (const record of batch) sheet.addRow(columns.map((c) => record[c.code] ?? null)).commit();
        rows += batch.length;
        // Backpressure: a slow client holds the next batch back instead of growing the buffers.
        if (out.writableNeedDrain) await once(out, 'drain');
      }
      sheet.commit();
      const info = workbook.addWorksheet('来源 Provenance');
      for (const pair of about) info.addRow([...pair]).commit();
      info.commit();
      await workbook.commit();
      complete = true;
    } catch (error) {
      out.destroy(error as Error);
    } finally {
      await end(rows, complete).catch(() => undefined);
    }
  })();
  return out;
}

export function extractStream(
  format: ExtractFormat,
  columns: readonly ExtractColumn[],
  batches: AsyncIterable<ExitRecord[]>,
  about: readonly (readonly [string, string])[],
  end: ExtractEnd,
): Readable {
  switch (format) {
    case 'csv':
      return Readable.from(csvChunks(columns, batches, end), { objectMode: false });
    case 'json':
      return Readable.from(jsonChunks(batches, end), { objectMode: false });
    case 'xlsx':
      return xlsxStream(columns, batches, about, end);
  }
}
