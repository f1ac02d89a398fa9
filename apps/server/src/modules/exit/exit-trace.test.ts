/**
 * `gongshu trace` (issue 6, R17.2, R29.1): an extract cut down to a few hundred rows, its
 * provenance column removed and re-saved in another format, still names its grant and delivery.
 * The CLI runs as its own process on a copy of the demo database, like the other CLI tests.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSharedTestDatabase, testClock, type SharedTestDatabase } from '../../../test/harness.js';
import { loadConfig } from '../../config.js';
import { buildApp } from '../../http/app.js';
import { createServices } from '../../services.js';
import { apiKeyOf, insertGrant, loadedResource } from './exit.fixtures.js';
import { PROVENANCE_COLUMN } from './exit.service.js';

const run = promisify(execFile);
const CLI = fileURLToPath(new URL('../../../bin/gongshu.js', import.meta.url));

let shared: SharedTestDatabase;
let dir: string;
let grant: { id: string; number: string };
const extracts: Record<'csv' | 'json', { body: Buffer; deliveryId: string }> = {} as never;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'gongshu-trace-'));
  shared = await createSharedTestDatabase();
  const database = await shared.open();
  const config = loadConfig({ NODE_ENV: 'test' });
  const services = createServices(database, config, testClock());
  const app = await buildApp({ config, services });
  try {
    await app.ready();
    const platform = { db: database.kysely, services };
    const { resourceId } = await loadedResource(platform, 1000);
    const key = await apiKeyOf(platform, 'civil-staff');
    grant = await insertGrant(platform, resourceId, { apiKeyIds: [key.id] });
    for (const format of ['csv', 'json'] as const) {
      const res = await app.inject({ method: 'GET', url: `/api/exit/grants/${grant.id}/extract?format=${format}`, headers: key.headers });
      expect(res.statusCode, res.body).toBe(200);
      extracts[format] = { body: res.rawPayload, deliveryId: String(res.headers['x-gongshu-delivery']) };
    }
  } finally {
    await app.close();
    await database.close();
  }
}, 180_000);

afterAll(async () => {
  await shared.cleanup();
  await rm(dir, { recursive: true, force: true });
});

/** A random sample of `n` records, shuffled, as another tool would leave them. */
function sample<T>(records: T[], n: number): T[] {
  const copy = [...records];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy.slice(0, n);
}

function withoutProvenance(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => k !== PROVENANCE_COLUMN));
}

async function trace(file: string) {
  const env = { ...process.env, ...shared.env, NODE_ENV: 'development', GONGSHU_SEED_DEMO: 'false', LOG_LEVEL: 'warn' };
  return run(process.execPath, [CLI, 'trace', file], { env }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

describe('gongshu trace (R17.2, R29.1)', () => {
  it(
    'CSV cut to 300 rows, provenance column dropped, re-saved as XLSX → names the grant and the delivery',
    { timeout: 90_000 },
    async () => {
      const parsed = Papa.parse<Record<string, string>>(extracts.csv.body.toString('utf8').replace(/^\uFEFF/, ''), {
        header: true,
        skipEmptyLines: true,
      });
      const rows = sample(parsed.data, 300).map(withoutProvenance);
      expect(Object.keys(rows[0] ?? {})).not.toContain(PROVENANCE_COLUMN);
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Sheet1');
      sheet.addRow(Object.keys(rows[0] ?? {}));
      for (const row of rows) sheet.addRow(Object.values(row));
      const file = path.join(dir, 'leaked.xlsx');
      await workbook.xlsx.writeFile(file);

      const result = await trace(file);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain(grant.number);
      expect(result.stdout).toContain(extracts.csv.deliveryId);
      expect(result.stdout).toMatch(/300 values with the invisible mark, 0 rows with the provenance column/);
      expect(result.stdout).toContain('民政局');
    },
  );

  it(
    'JSON cut to 300 records, provenance key dropped, re-saved as CSV → names the grant and the delivery',
    { timeout: 90_000 },
    async () => {
      const records = sample(JSON.parse(extracts.json.body.toString('utf8')) as Record<string, unknown>[], 300).map(withoutProvenance);
      const file = path.join(dir, 'leaked.csv');
      await writeFile(file, Papa.unparse(records));
      const result = await trace(file);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain(grant.number);
      expect(result.stdout).toContain(extracts.json.deliveryId);
      expect(result.stdout).not.toContain(extracts.csv.deliveryId);
    },
  );

  it('a file without fingerprints, or with forged ones → TRACE_NO_FINGERPRINT, non-zero exit', { timeout: 90_000 }, async () => {
    const clean = path.join(dir, 'clean.jsonl');
    await writeFile(clean, '{"xm":"张三"}\n{"xm":"李四"}\n');
    const none = await trace(clean);
    expect(none.code).toBe(4);
    expect(none.stderr).toContain('TRACE_NO_FINGERPRINT');
    expect(none.stderr).toContain('未找到');

    const forged = path.join(dir, 'forged.csv');
    await writeFile(forged, `xm,_gongshu_provenance\n张三,GSFP1.${grant.number}.1.0123456789abcdef\n`);
    const result = await trace(forged);
    expect(result.code).toBe(4);
  });
});
