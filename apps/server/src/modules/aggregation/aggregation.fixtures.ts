/** Test helpers: a published resource with typed fields, and files to load into it. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ResourceMetadata } from '@gongshu/domain';
import { makeCitizenId } from '@gongshu/domain';
import { buildField, buildMetadata } from '../../../../../packages/domain/src/catalog/catalog.fixtures.js';
import type { Harness } from '../../../test/harness.js';
import { demoActors } from '../seed/demo-actors.js';

export const PEOPLE_FIELDS = [
  buildField({ code: 'sfzh', name: '公民身份号码', identifierRole: 'citizen_id', length: 18, required: true }),
  buildField({ code: 'xm', name: '姓名', length: 20, required: true }),
  buildField({ code: 'csrq', name: '出生日期', dataType: 'date', length: null, required: false }),
  buildField({ code: 'sr', name: '月收入', dataType: 'decimal', length: 12, required: false, sensitivity: 'internal' }),
  buildField({ code: 'dj', name: '登记时间', dataType: 'datetime', length: null, required: false }),
];

export async function publishResource(
  h: Pick<Harness, 'db' | 'services'>,
  agency = 'hrss',
  overrides: Partial<ResourceMetadata> = {},
): Promise<{ resourceId: string; code: string; table: string }> {
  const as = demoActors(h.db);
  const steward = await as(`${agency}-steward`);
  const reviewer = await as('reviewer');
  const draft = await h.services.catalog.createDraft(steward, {
    // Level 2 unless the test asks for more: these tests read the data table in SQL, and level-3+
    // sensitive fields are stored encrypted (R29.1; modules/encryption/encryption.test.ts covers that).
    metadata: buildMetadata({
      name: `汇聚测试资源${Math.random().toString(36).slice(2, 6)}`,
      fields: PEOPLE_FIELDS,
      securityLevel: 2,
      ...overrides,
    }),
    justification: '测试',
  });
  await h.services.catalog.submit(steward, [draft.id]);
  const published = await h.services.catalog.approve(reviewer, draft.id, null);
  const table = await h.db
    .selectFrom('resource_tables')
    .select('table_name')
    .where('resource_id', '=', draft.resourceId)
    .executeTakeFirstOrThrow();
  return { resourceId: draft.resourceId, code: published.resourceCode ?? '', table: table.table_name };
}

export function person(i: number): string {
  return makeCitizenId('370481', `19${String(50 + (i % 50)).padStart(2, '0')}0${1 + (i % 9)}1${i % 10}`, i % 1000);
}

export const HEADER = '公民身份号码,姓名,出生日期,月收入,登记时间';

export function csvOf(rows: readonly string[], header = HEADER): string {
  return `${header}\n${rows.join('\n')}\n`;
}

export function goodRows(n: number, from = 0): string[] {
  return Array.from({ length: n }, (_, k) => {
    const i = from + k;
    return `${person(i)},张${i},1980-0${1 + (i % 9)}-1${i % 10},${1000 + i}.50,2026-03-0${1 + (i % 9)} 10:00:00`;
  });
}

let dir: string | null = null;
export async function tempFile(name: string, content: string | Buffer): Promise<string> {
  dir ??= await mkdtemp(path.join(tmpdir(), 'gongshu-load-'));
  const file = path.join(dir, name);
  await writeFile(file, content);
  return file;
}
