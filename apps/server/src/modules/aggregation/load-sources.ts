/**
 * Reading loads as rows, streaming (decision 7): CSV in UTF-8, UTF-8 with BOM or GB18030/GBK
 * (detected, or declared), XLSX, and JSON Lines. A source yields the header mapped to the
 * resource's fields and then each data row with its row number; nothing holds the whole file.
 */
import { pipeline, Transform, type Readable } from 'node:stream';
import type { Parser } from 'papaparse';
import type ExcelJS from 'exceljs';
import type { FieldSpec } from '@gongshu/domain';

export type LoadFormat = 'csv' | 'xlsx' | 'jsonl';
export type LoadEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030';

/** A load that cannot be read at all: the batch fails with this, naming the row where it can. */
export class LoadInputError extends Error {
  override name = 'LoadInputError';
  constructor(
    readonly zh: string,
    readonly en: string,
    readonly row: number | null = null,
    readonly column: string | null = null,
  ) {
    super(en);
  }
}

export interface SourceRow {
  /** Row number as a spreadsheet shows it: the header is row 1. */
  readonly number: number;
  /** Values in field order; null where the file has no column for a field. */
  readonly values: (string | null)[];
  /** The row as read, for the problem record (built only when asked: most rows never need it). */
  raw(): Record<string, unknown>;
  /** Set when the row has more or fewer cells than the header (CSV). */
  readonly ragged?: { readonly expected: number; readonly actual: number };
}

export interface RowSource {
  readonly encoding: LoadEncoding | null;
  readonly mappedColumns: readonly string[];
  readonly ignoredColumns: readonly string[];
  /** Rows in batches (one await per batch, not per row: loads run over millions of rows). */
  rows(): AsyncIterable<readonly SourceRow[]>;
}

export const MAX_RECORD_CHARS = 1_000_000;
const BATCH_ROWS = 1000;

/** Detects the encoding from the first bytes: BOM, valid UTF-8, otherwise GB18030 (a superset of GBK). */
export function detectEncoding(head: Buffer): LoadEncoding {
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8-bom';
  // A multi-byte character may be cut at the end of the sample: ignore up to 3 trailing bytes.
  for (let cut = 0; cut <= Math.min(3, head.length); cut++) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, head.length - cut));
      return 'utf-8';
    } catch {
      // try a shorter sample
    }
  }
  return 'gb18030';
}

/** Decodes UTF-8 strictly: a byte sequence that is not UTF-8 stops the load with a clear error. */
function strictUtf8(): Transform {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let lines = 1;
  return new Transform({
    readableObjectMode: false,
    transform(chunk: Buffer, _enc, done) {
      try {
        const text = decoder.decode(chunk, { stream: true });
        for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
        done(null, text);
      } catch {
        done(
          new LoadInputError(
            `文件不是有效的 UTF-8 编码（约第 ${lines} 行）：请声明正确的编码（如 GB18030）后重试`,
            `The file is not valid UTF-8 (near line ${lines}): declare the right encoding (e.g. GB18030) and retry`,
            lines,
          ),
        );
      }
    },
    flush(done) {
      try {
        done(null, decoder.decode());
      } catch {
        done(new LoadInputError('文件末尾的 UTF-8 编码不完整', 'The file ends in the middle of a UTF-8 character', lines));
      }
    },
  });
}

async function decoderFor(encoding: LoadEncoding): Promise<Transform> {
  if (encoding !== 'gb18030') return strictUtf8();
  // Loaded on first use, like Papa Parse below: a server that never loads a file does not carry them.
  const { default: iconv } = await import('iconv-lite');
  return iconv.decodeStream('gb18030') as unknown as Transform;
}

const normaliseHeader = (h: string) =>
  h
    .replace(/^\uFEFF/, '')
    .replace(/[\s*＊]/g, '')
    .toLowerCase();

/** Maps header cells to field positions by code or name; refuses a header that matches no field. */
export function mapHeader(
  header: readonly string[],
  fields: readonly FieldSpec[],
): { positions: number[]; mapped: string[]; ignored: string[] } {
  const index = new Map<string, number>();
  fields.forEach((f, i) => {
    index.set(normaliseHeader(f.code), i);
    index.set(normaliseHeader(f.name), i);
  });
  const positions = fields.map(() => -1);
  const mapped: string[] = [];
  const ignored: string[] = [];
  header.forEach((cell, column) => {
    const at = index.get(normaliseHeader(cell));
    if (at === undefined || positions[at] !== -1) {
      if (cell.trim()) ignored.push(cell);
      return;
    }
    positions[at] = column;
    mapped.push(fields[at]?.code ?? '');
  });
  if (mapped.length === 0) {
    throw new LoadInputError(
      `表头与资源的信息项都不匹配（表头：${header.slice(0, 8).join('、')}）；第一行须为信息项名称或字段代码`,
      `The header matches none of the resource's fields (header: ${header.slice(0, 8).join(', ')}); the first row must hold field names or codes`,
      1,
    );
  }
  const missing = fields.filter((f, i) => f.required && positions[i] === -1).map((f) => f.name);
  if (missing.length > 0) {
    throw new LoadInputError(`缺少必填列：${missing.join('、')}`, `Required columns are missing: ${missing.join(', ')}`, 1);
  }
  return { positions, mapped, ignored };
}

function pick(cells: readonly (string | null)[], positions: readonly number[]): (string | null)[] {
  const out = new Array<string | null>(positions.length);
  for (let i = 0; i < positions.length; i++) {
    const p = positions[i] ?? -1;
    out[i] = p < 0 ? null : (cells[p] ?? null);
  }
  return out;
}

/**
 * Guards against a record that never ends (a missing line break or an unclosed quote, which
 * would make any CSV parser buffer the rest of the file): tracks the quote state and the length
 * of the current record, and stops the load when one passes MAX_RECORD_CHARS.
 */
function recordGuard(): Transform {
  let inQuotes = false;
  let length = 0;
  let line = 1;
  return new Transform({
    decodeStrings: false,
    transform(chunk: string, _enc, done) {
      // Each search runs once per hit (not once per line), so the scan stays linear.
      let quote = chunk.indexOf('"');
      let newline = chunk.indexOf('\n');
      let from = 0;
      while (quote >= 0 || newline >= 0) {
        const next = quote < 0 ? newline : newline < 0 ? quote : Math.min(quote, newline);
        length += next - from + 1;
        if (next === quote) {
          inQuotes = !inQuotes;
          quote = chunk.indexOf('"', next + 1);
        } else {
          line++;
          if (!inQuotes) length = 0;
          newline = chunk.indexOf('\n', next + 1);
        }
        if (length > MAX_RECORD_CHARS) break;
        from = next + 1;
      }
      if (quote < 0 && newline < 0) length += chunk.length - from;
      if (length > MAX_RECORD_CHARS) {
        done(
          new LoadInputError(
            `第 ${line} 行的记录超过 ${MAX_RECORD_CHARS} 个字符，疑似缺少换行或引号未闭合`,
            `Row ${line} exceeds ${MAX_RECORD_CHARS} characters: a missing line break or an unclosed quote`,
            line,
          ),
        );
        return;
      }
      done(null, chunk);
    },
  });
}

/** Rows of a CSV stream parsed by Papa Parse in chunks, pausing the parser while a chunk is used. */
async function* csvRecords(text: Readable): AsyncGenerator<string[][]> {
  const { default: Papa } = await import('papaparse');
  let buffer: string[][] = [];
  let done = false;
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  let parser: Parser | null = null;
  // A function, so the type checker does not narrow `parser` to null across the callbacks.
  const resumeParser = () => parser?.resume();
  const signal = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  text.on('error', (error) => {
    failure = error;
    signal();
  });
  Papa.parse<string[]>(text as unknown as NodeJS.ReadableStream, {
    skipEmptyLines: true,
    chunk(results, p) {
      parser = p;
      p.pause();
      buffer = results.data;
      signal();
    },
    complete() {
      done = true;
      signal();
    },
    error(error: Error) {
      failure = error;
      signal();
    },
  });
  for (;;) {
    if (failure)
      throw failure instanceof LoadInputError
        ? failure
        : new LoadInputError(`CSV 格式错误：${(failure as Error).message}`, `Malformed CSV: ${(failure as Error).message}`);
    if (buffer.length > 0) {
      const rows = buffer;
      buffer = [];
      yield rows;
      continue;
    }
    if (done) return;
    await new Promise<void>((resolve) => {
      wake = resolve;
      // Ask for the next chunk once this one is used.
      resumeParser();
    });
  }
}

async function csvSource(input: Readable, fields: readonly FieldSpec[], encoding: LoadEncoding): Promise<RowSource> {
  const guard = recordGuard();
  // pipeline (not pipe) carries a decoding or size error on to the last stream, whose reader sees it.
  pipeline(input, await decoderFor(encoding), guard, () => undefined);
  const records = csvRecords(guard);
  let first = await records.next();
  while (!first.done && first.value.length === 0) first = await records.next();
  if (first.done) throw new LoadInputError('文件没有表头和数据行', 'The file has no header and no rows', 1);
  const [headerCells = [], ...firstRows] = first.value;
  const header = headerCells.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h));
  const { positions, mapped, ignored } = mapHeader(header, fields);
  let number = 1;
  const toRows = (chunk: readonly string[][]): SourceRow[] =>
    chunk.map((cells) => {
      number++;
      const raw = () => {
        const out: Record<string, unknown> = {};
        header.forEach((h, i) => {
          if (cells[i] !== undefined) out[h] = cells[i];
        });
        return out;
      };
      return {
        number,
        values: pick(cells, positions),
        raw,
        ...(cells.length === header.length ? {} : { ragged: { expected: header.length, actual: cells.length } }),
      };
    });
  return {
    encoding,
    mappedColumns: mapped,
    ignoredColumns: ignored,
    async *rows() {
      if (firstRows.length > 0) yield toRows(firstRows);
      for await (const chunk of records) yield toRows(chunk);
    },
  };
}

export function cellText(value: ExcelJS.CellValue): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result);
    if ('text' in value) return String(value.text);
    if ('error' in value) return null;
    return JSON.stringify(value);
  }
  return String(value);
}

async function xlsxSource(input: Readable, fields: readonly FieldSpec[]): Promise<RowSource> {
  // Loaded on demand: CSV loads (most of them) do not pay for the spreadsheet library.
  const { default: Excel } = await import('exceljs');
  const reader = new Excel.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  });
  const sheets = reader[Symbol.asyncIterator]();
  let header: string[] | null = null;
  let positions: number[] = [];
  let mapped: string[] = [];
  let ignored: string[] = [];
  let rowsOfSheet: AsyncIterator<ExcelJS.Row> | null = null;
  const fail = (error: unknown): never => {
    if (error instanceof LoadInputError) throw error;
    throw new LoadInputError(
      `无法读取 Excel 文件（文件可能已损坏或不完整）：${(error as Error).message}`,
      `The Excel file cannot be read (damaged or truncated): ${(error as Error).message}`,
    );
  };
  try {
    const sheet = await sheets.next();
    if (sheet.done) throw new LoadInputError('Excel 文件中没有工作表', 'The Excel file has no worksheet');
    rowsOfSheet = (sheet.value as unknown as AsyncIterable<ExcelJS.Row>)[Symbol.asyncIterator]();
    const first = await rowsOfSheet.next();
    if (first.done) throw new LoadInputError('工作表没有表头', 'The worksheet has no header row', 1);
    const values = (first.value.values as ExcelJS.CellValue[]).slice(1);
    header = values.map((v) => cellText(v) ?? '');
    ({ positions, mapped, ignored } = mapHeader(header, fields));
  } catch (error) {
    fail(error);
  }
  const cols = header ?? [];
  const iterator = rowsOfSheet;
  return {
    encoding: null,
    mappedColumns: mapped,
    ignoredColumns: ignored,
    async *rows() {
      if (!iterator) return;
      let batch: SourceRow[] = [];
      for (;;) {
        let result: IteratorResult<ExcelJS.Row>;
        try {
          result = await iterator.next();
        } catch (error) {
          fail(error);
          return;
        }
        if (result.done) {
          if (batch.length > 0) yield batch;
          return;
        }
        const row = result.value;
        const cells = (row.values as ExcelJS.CellValue[]).slice(1).map(cellText);
        if (cells.every((c) => c === null || c === '')) continue;
        const raw = () => {
          const out: Record<string, unknown> = {};
          cols.forEach((h, i) => {
            if (cells[i] !== undefined && cells[i] !== null) out[h] = cells[i];
          });
          return out;
        };
        batch.push({ number: row.number, values: pick(cells, positions), raw });
        if (batch.length >= BATCH_ROWS) {
          yield batch;
          batch = [];
        }
      }
    },
  };
}

/** Splits text into lines (object mode), keeping a partial last line for the next chunk. */
function lineSplitter(): Transform {
  let rest = '';
  return new Transform({
    readableObjectMode: true,
    decodeStrings: false,
    transform(chunk: string, _enc, done) {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop() ?? '';
      if (rest.length > MAX_RECORD_CHARS) {
        done(new LoadInputError(`某行超过 ${MAX_RECORD_CHARS} 个字符`, `A line exceeds ${MAX_RECORD_CHARS} characters`));
        return;
      }
      for (const line of parts) this.push(line.endsWith('\r') ? line.slice(0, -1) : line);
      done();
    },
    flush(done) {
      if (rest) this.push(rest);
      done();
    },
  });
}

async function jsonlSource(input: Readable, fields: readonly FieldSpec[], encoding: LoadEncoding): Promise<RowSource> {
  const lines = lineSplitter();
  // A stream of lines (not readline, whose iterator loses lines emitted before it is first read
  // and buffers without limit): backpressure holds the file while the loader is busy.
  pipeline(input, await decoderFor(encoding), lines, () => undefined);
  const byKey = new Map<string, number>();
  fields.forEach((f, i) => {
    byKey.set(normaliseHeader(f.code), i);
    byKey.set(normaliseHeader(f.name), i);
  });
  return {
    encoding,
    mappedColumns: fields.map((f) => f.code),
    ignoredColumns: [],
    async *rows() {
      let number = 0;
      let batch: SourceRow[] = [];
      const flush = () => {
        const out = batch;
        batch = [];
        return out;
      };
      for await (const line of lines as AsyncIterable<string>) {
        if (batch.length >= BATCH_ROWS) yield flush();
        number++;
        if (line.length > MAX_RECORD_CHARS)
          throw new LoadInputError(
            `第 ${number} 行超过 ${MAX_RECORD_CHARS} 个字符`,
            `Line ${number} exceeds ${MAX_RECORD_CHARS} characters`,
            number,
          );
        if (!line.trim()) continue;
        let record: unknown;
        try {
          record = JSON.parse(line);
        } catch {
          batch.push({
            number,
            values: fields.map(() => null),
            raw: () => ({ line: line.slice(0, 2000) }),
            ragged: { expected: fields.length, actual: -1 },
          });
          continue;
        }
        if (typeof record !== 'object' || record === null || Array.isArray(record)) {
          batch.push({
            number,
            values: fields.map(() => null),
            raw: () => ({ line: line.slice(0, 2000) }),
            ragged: { expected: fields.length, actual: -1 },
          });
          continue;
        }
        const values: (string | null)[] = fields.map(() => null);
        for (const [key, value] of Object.entries(record)) {
          const at = byKey.get(normaliseHeader(key));
          if (at !== undefined)
            values[at] =
              value === null || value === undefined
                ? null
                : typeof value === 'object'
                  ? JSON.stringify(value)
                  : String(value as string | number | boolean);
        }
        batch.push({ number, values, raw: () => record as Record<string, unknown> });
      }
      if (batch.length > 0) yield flush();
    },
  };
}

/** Opens a source of rows over a byte stream; `head` is the first chunk, for encoding detection. */
export async function openRowSource(
  input: Readable,
  options: { format: LoadFormat; encoding?: LoadEncoding | null; head?: Buffer | null; fields: readonly FieldSpec[] },
): Promise<RowSource> {
  const encoding = options.encoding ?? (options.head ? detectEncoding(options.head) : 'utf-8');
  switch (options.format) {
    case 'csv':
      return csvSource(input, options.fields, encoding);
    case 'xlsx':
      return xlsxSource(input, options.fields);
    case 'jsonl':
      return jsonlSource(input, options.fields, encoding);
  }
}
