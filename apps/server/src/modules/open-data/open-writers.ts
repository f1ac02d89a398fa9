/**
 * The files of the open channel. CSV is UTF-8 with BOM (so Excel reads Chinese) and LF line ends
 * (the same on both paths below); XLSX is the exit's streaming writer (extract-writers.ts) with its
 * 来源 Provenance sheet; JSON is one object {citation, resource, columns, records}. CSV and XLSX
 * have one more last column, 引用 Citation, whose first data row holds the citation line (R23.1):
 * Excel users see it next to the data, and every row keeps the same number of columns, so CSV
 * readers are not thrown off.
 */
import { Readable } from 'node:stream';
import type { ExitRecord } from '@gongshu/contracts';
import { csvCell, extractStream, type ExtractColumn, type ExtractEnd, type ExtractFormat } from '../exit/extract-writers.js';

export const CITATION_COLUMN: ExtractColumn = { code: '_citation', name: '引用 Citation' };

/** BOM and the header line of names, with the citation column last. */
export function csvHeader(columns: readonly ExtractColumn[]): Buffer {
  return Buffer.from(`\uFEFF${[...columns, CITATION_COLUMN].map((c) => csvCell(c.name)).join(',')}\n`);
}

/** CSV lines of records; the first record of the file (first = true) carries the citation. */
export function csvLines(columns: readonly ExtractColumn[], records: readonly ExitRecord[], citation: string | null): string {
  let out = '';
  records.forEach((record, i) => {
    out += `${columns.map((c) => csvCell(record[c.code])).join(',')},${i === 0 && citation !== null ? csvCell(citation) : ''}\n`;
  });
  return out;
}

async function* withCitation(batches: AsyncIterable<ExitRecord[]>, citation: string): AsyncGenerator<ExitRecord[]> {
  let first = true;
  for await (const batch of batches) {
    if (first && batch.length > 0) {
      first = false;
      const head = batch[0];
      if (head) batch[0] = { ...head, [CITATION_COLUMN.code]: citation };
    }
    yield batch;
  }
}

async function* csvChunks(columns: readonly ExtractColumn[], batches: AsyncIterable<ExitRecord[]>, citation: string, end: ExtractEnd) {
  let rows = 0;
  let complete = false;
  try {
    yield csvHeader(columns);
    for await (const batch of batches) {
      yield Buffer.from(csvLines(columns, batch, rows === 0 ? citation : null));
      rows += batch.length;
    }
    complete = true;
  } finally {
    await end(rows, complete);
  }
}

async function* jsonChunks(
  head: Record<string, unknown>,
  columns: readonly ExtractColumn[],
  batches: AsyncIterable<ExitRecord[]>,
  end: ExtractEnd,
): AsyncGenerator<Buffer> {
  let rows = 0;
  let complete = false;
  try {
    const opening = JSON.stringify({ ...head, columns: columns.map((c) => ({ code: c.code, name: c.name })) });
    yield Buffer.from(`${opening.slice(0, -1)},"records":[`);
    for await (const batch of batches) {
      let chunk = '';
      for (const record of batch) chunk += `${rows++ === 0 ? '\n' : ',\n'}${JSON.stringify(record)}`;
      yield Buffer.from(chunk);
    }
    yield Buffer.from('\n]}\n');
    complete = true;
  } finally {
    await end(rows, complete);
  }
}

export function openExtractStream(input: {
  format: ExtractFormat;
  columns: readonly ExtractColumn[];
  batches: AsyncIterable<ExitRecord[]>;
  citation: string;
  /** Name, code and version of what is delivered (JSON head, XLSX provenance sheet). */
  resource: { id: string; code: string | null; name: string; version: number };
  deliveryId: string;
  at: Date;
  end: ExtractEnd;
}): Readable {
  const { format, columns, batches, citation, end } = input;
  if (format === 'csv') return Readable.from(csvChunks(columns, batches, citation, end), { objectMode: false });
  if (format === 'json') {
    const head = { citation, resource: input.resource, deliveryId: input.deliveryId, retrievedAt: input.at.toISOString() };
    return Readable.from(jsonChunks(head, columns, batches, end), { objectMode: false });
  }
  const about: [string, string][] = [
    ['citation', citation],
    ['resource', `${input.resource.name}${input.resource.code ? ` (${input.resource.code})` : ''}`],
    ['version', String(input.resource.version)],
    ['delivery', input.deliveryId],
    ['at', input.at.toISOString()],
  ];
  return extractStream(format, [...columns, CITATION_COLUMN], withCitation(batches, citation), about, end);
}
