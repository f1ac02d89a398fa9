/**
 * Browser test of data aggregation and data quality (R11.1, R11.2, R12.1, R12.2):
 *   (a) hrss-steward finds a published resource of the agency with a citizen-ID field (through the
 *       API), opens its catalog entry and its data page, and sets the quality policy to 隔离 with
 *       the citizen ID as a unique column;
 *   (b) uploads a CSV built here from the resource's fields (the header in field names): four rows
 *       with valid citizen IDs (makeCitizenId) and one with a wrong check character; runs axe-core
 *       on the upload page, sees the upload's progress and the outcome (4 rows loaded, 1 problem
 *       row);
 *   (c) opens the load's problem rows, sees row 6 with its citizen-ID message (R11.2), the row as
 *       read, runs axe-core on the problem page, and downloads the spreadsheet of problem rows;
 *       the data page then shows 4 rows and the load;
 *   (d) citizen finds an open resource in the catalog and reports a problem in its data;
 *   (e) hrss-steward sees the report in the provider's queue and marks it fixed; reviewer confirms
 *       the fix (R12.2).
 *
 * Run from the repository root after `npm run build -w @gongshu/web`:
 *   node --import tsx e2e/data.e2e.ts
 * Like the other browser tests it starts its own server with a fresh data folder (see harness.ts),
 * saves a screenshot per step in test-results/ and always stops the server and the browser.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { makeCitizenId, makeCreditCode } from '@gongshu/domain';
import type { Page } from 'playwright-core';
import { expectHeading, harness, logger, RESULTS, runE2e, signIn, signOut } from './harness.js';

const log = logger('data');
const { screenshot, step, checkAxe } = harness(log);

interface Field {
  readonly code: string;
  readonly name: string;
  readonly dataType: 'string' | 'integer' | 'decimal' | 'date' | 'datetime' | 'boolean';
  readonly length: number | null;
  readonly identifierRole: 'citizen_id' | 'credit_code' | 'other_code' | 'none';
  readonly required: boolean;
}

interface Target {
  readonly id: string;
  readonly name: string;
  readonly fields: readonly Field[];
  readonly citizen: Field;
}

const GOOD_ROWS = 4;
/** The header is row 1: the bad row, after the good ones, is row 6 of the file. */
const BAD_ROW = GOOD_ROWS + 2;
const REPORT = '该岗位已于上月招满，但开放数据中仍显示为在招，请核实更新。';
const REPORT_KEY = `GW${String(Date.now() % 100_000).padStart(5, '0')}`;

let target: Target | null = null;
let batchId = '';
let reportedResourceId = '';

/** A screenshot from the top of the page (the sticky header would otherwise cross a full-page shot). */
async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)');
  await screenshot(page, name, fullPage);
}

function need<T>(value: T | null, what: string): T {
  if (value === null) throw new Error(`${what} is not known yet`);
  return value;
}

/** A published resource of the signed-in agency with a citizen-ID field (asked through the API, as the page's user). */
async function findTarget(page: Page, baseUrl: string): Promise<Target> {
  const mine = (await (await page.request.get(`${baseUrl}/api/catalog/mine`)).json()) as { resourceId: string; published: unknown }[];
  for (const entry of mine) {
    if (!entry.published) continue;
    const resource = (await (await page.request.get(`${baseUrl}/api/catalog/resources/${entry.resourceId}`)).json()) as {
      current: { metadata: { name: string; fields: Field[] } } | null;
    };
    const fields = resource.current?.metadata.fields ?? [];
    const citizen = fields.find((field) => field.identifierRole === 'citizen_id');
    if (resource.current && citizen) return { id: entry.resourceId, name: resource.current.metadata.name, fields, citizen };
  }
  throw new Error('hrss-steward has no published resource with a citizen-ID field');
}

/** A valid value of a field for row n (identifiers with their check characters). */
function valueOf(field: Field, n: number): string {
  if (field.identifierRole === 'citizen_id') return makeCitizenId('370481', `19${String(80 + n)}0615`, 100 + n * 2);
  if (field.identifierRole === 'credit_code') return makeCreditCode(`91370481MA3C${String(n).padStart(5, '0')}`);
  switch (field.dataType) {
    case 'integer':
      return String(n + 1);
    case 'decimal':
      return `${n + 1}.50`;
    case 'date':
      return '2026-01-15';
    case 'datetime':
      return '2026-01-15 09:30:00';
    case 'boolean':
      return '是';
    case 'string':
      return `测试${n}`.slice(0, field.length ?? 50);
  }
}

/** Good rows, then one whose citizen ID has a wrong check character; the header in field names. */
function buildCsv(t: Target): string {
  const columns = t.fields.filter((field) => field.required || field === t.citizen);
  const rows = Array.from({ length: GOOD_ROWS }, (_, n) => columns.map((field) => valueOf(field, n)));
  const bad = columns.map((field) => valueOf(field, GOOD_ROWS));
  const index = columns.indexOf(t.citizen);
  const valid = bad[index] ?? '';
  bad[index] = valid.slice(0, 17) + (valid.endsWith('0') ? '1' : '0');
  return [columns.map((field) => field.name), ...rows, bad].map((cells) => cells.join(',')).join('\r\n') + '\r\n';
}

async function stewardOpensData(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/catalog/mine`);
  await page.waitForURL((url) => url.pathname === '/login');
  await signIn(page, 'hrss-steward');
  await page.waitForURL((url) => url.pathname === '/catalog/mine');
  target = await findTarget(page, baseUrl);
  log(`  resource "${target.name}" (${target.id}), citizen-ID field ${target.citizen.name} (${target.citizen.code})`);

  // The catalog entry carries the data card: the way to the data page.
  await page.goto(`${baseUrl}/catalog/resources/${target.id}`);
  await expectHeading(page, target.name);
  await page.getByTestId('section-data').waitFor({ state: 'visible' });
  await shot(page, 'd1-resource-data-card-hrss-steward');
  await page.getByTestId('open-data').click();
  await page.waitForURL((url) => url.pathname === `/data/${target?.id}`);
  await expectHeading(page, '数据汇聚与质量');
  await page.getByTestId('loads-heading').waitFor({ state: 'visible' });

  // 质量设置: 隔离, the citizen ID unique (R12.1).
  await page.getByTestId('quality-settings-link').click();
  await page.waitForURL((url) => url.pathname === `/data/${target?.id}/quality`);
  await expectHeading(page, '质量设置');
  await page.getByTestId('quality-policy-quarantine').click();
  const unique = page.getByTestId('rules-unique');
  await unique.click();
  await page
    .locator('.ant-select-item-option')
    .filter({ hasText: `（${target.citizen.code}）` })
    .click();
  await page.keyboard.press('Escape');
  await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
  await page.getByTestId('quality-save').click();
  await page.locator('.ant-message').filter({ hasText: '已保存质量设置' }).waitFor({ state: 'visible' });
  await shot(page, 'd2-quality-settings-hrss-steward');
  log('  quality settings saved: quarantine, unique citizen ID');
}

async function stewardUploads(page: Page, baseUrl: string): Promise<void> {
  const t = need(target, 'the resource');
  await page.goto(`${baseUrl}/data/${t.id}`);
  await expectHeading(page, '数据汇聚与质量');
  await page.getByTestId('data-upload').click();
  await page.waitForURL((url) => url.pathname === `/data/${t.id}/upload`);
  await expectHeading(page, '上传数据');
  await page.getByTestId('upload-fields').filter({ hasText: t.citizen.name }).waitFor({ state: 'visible' });
  await checkAxe(page);
  await shot(page, 'd3-upload-form-hrss-steward');

  const csv = buildCsv(t);
  await page
    .getByTestId('upload-form')
    .locator('input[type="file"]')
    .setInputFiles({ name: '参保数据-e2e.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await page.getByTestId('upload-file').filter({ hasText: '参保数据-e2e.csv' }).waitFor({ state: 'visible' });
  await page.getByTestId('upload-mode-replace').click();
  await page.getByTestId('upload-send').click();

  // Progress: the upload's bytes, then the background processing, then the outcome.
  const bytes = page.getByTestId('upload-bytes');
  await bytes.waitFor({ state: 'visible' });
  await page.locator('[data-testid="upload-bytes"][aria-valuenow="100"]').waitFor({ state: 'visible' });
  const outcome = page.getByTestId('load-outcome');
  await outcome.waitFor({ state: 'visible' });
  const state = await outcome.getAttribute('data-state');
  const text = await outcome.innerText();
  log(`  outcome ${state}: ${text.split('\n').slice(0, 2).join(' / ')}`);
  if (state !== 'loaded') throw new Error(`the load ended ${state}: ${text}`);
  if (!text.includes(`入库 ${GOOD_ROWS} 行`)) throw new Error(`the outcome does not say ${GOOD_ROWS} rows were loaded: ${text}`);
  if (!text.includes('另有 1 行未通过校验')) throw new Error(`the outcome does not count 1 problem row: ${text}`);
  await checkAxe(page);
  await shot(page, 'd4-upload-outcome-hrss-steward');

  await page.getByTestId('outcome-load').click();
  await page.waitForURL((url) => url.pathname.startsWith('/data/loads/'));
  batchId = new URL(page.url()).pathname.split('/').pop() ?? '';
  await expectHeading(page, '汇聚批次');
  await page
    .getByTestId('load-rows-loaded')
    .filter({ hasText: String(GOOD_ROWS) })
    .waitFor({ state: 'visible' });
  await page.getByTestId('load-rows-problems').filter({ hasText: '1' }).waitFor({ state: 'visible' });
  log(`  load ${batchId}`);
  await shot(page, 'd5-load-detail-hrss-steward');
}

async function stewardSeesProblems(page: Page, baseUrl: string): Promise<void> {
  const t = need(target, 'the resource');
  await page.getByTestId('load-problems').click();
  await page.waitForURL((url) => url.pathname === `/data/${t.id}/problems` && url.searchParams.get('batchId') === batchId);
  await expectHeading(page, '问题数据');
  const row = page.locator(`[data-testid="problem-row"][data-row-number="${BAD_ROW}"]`);
  await row.waitFor({ state: 'visible' });
  const reason = row.locator(`[data-testid="problem-reason"][data-column="${t.citizen.code}"]`);
  const reasonText = await reason.innerText();
  if (!reasonText.includes('公民身份号码校验码错误') || !reasonText.includes('R11.2')) {
    throw new Error(`row ${BAD_ROW} reads "${reasonText}", not the citizen-ID check-character message with R11.2`);
  }
  log(`  row ${BAD_ROW}: ${reasonText.replace(/\s+/g, ' ')}`);

  // The row as read, expanded beneath it.
  await row.getByRole('button', { name: /展开|Expand/ }).click();
  const raw = page.getByTestId('problem-raw');
  await raw.filter({ hasText: t.citizen.name }).waitFor({ state: 'visible' });
  await checkAxe(page);
  await shot(page, 'd6-problem-rows-hrss-steward');

  // The spreadsheet of the open problem rows (R12.2).
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('problems-download').click()]);
  const file = path.join(RESULTS, 'data-problems.xlsx');
  await download.saveAs(file);
  const bytes = await readFile(file);
  if (bytes.length < 100 || bytes.subarray(0, 2).toString('latin1') !== 'PK') throw new Error('the download is not a spreadsheet');
  log(`  downloaded ${download.suggestedFilename()} (${bytes.length} bytes)`);

  // The data page: the rows now in the node and the load among the loads.
  await page.goto(`${baseUrl}/data/${t.id}`);
  await expectHeading(page, '数据汇聚与质量');
  await page
    .getByTestId('data-fact-rows')
    .filter({ hasText: String(GOOD_ROWS) })
    .waitFor({ state: 'visible' });
  await page.locator(`[data-testid="load-row"][data-id="${batchId}"]`).waitFor({ state: 'visible' });
  await shot(page, 'd7-data-overview-hrss-steward');
}

async function citizenReports(page: Page, baseUrl: string): Promise<void> {
  await signOut(page);
  await signIn(page, 'citizen');
  await page.waitForURL((url) => url.pathname !== '/login');
  await page.goto(`${baseUrl}/catalog?q=${encodeURIComponent('招聘岗位')}`);
  await expectHeading(page, '公共数据目录');
  const hit = page.getByTestId('hit').filter({ hasText: '招聘岗位' }).first();
  await hit.waitFor({ state: 'visible' });
  await hit.getByTestId('hit-link').click();
  await page.waitForURL((url) => url.pathname.startsWith('/catalog/resources/'));
  reportedResourceId = new URL(page.url()).pathname.split('/').pop() ?? '';
  await page.getByTestId('section-data').waitFor({ state: 'visible' });
  await page.getByTestId('report-problem').click();
  await page.getByTestId('report-record-key').fill(REPORT_KEY);
  await page.getByTestId('report-description').fill(REPORT);
  await shot(page, 'd8-report-problem-citizen', false);
  await page.getByRole('button', { name: '提交反馈' }).click();
  await page.locator('.ant-message').filter({ hasText: '已提交反馈' }).waitFor({ state: 'visible' });
  log(`  reported a problem on ${reportedResourceId} (record ${REPORT_KEY})`);
}

async function providerFixesReviewerConfirms(page: Page, baseUrl: string): Promise<void> {
  await signOut(page);
  await signIn(page, 'hrss-steward');
  await page.waitForURL((url) => url.pathname !== '/login');
  await page.goto(`${baseUrl}/data/${reportedResourceId}/problems`);
  await expectHeading(page, '问题数据');
  const report = page.locator('[data-testid="problem-row"][data-source="report"]').filter({ hasText: REPORT_KEY });
  await report.waitFor({ state: 'visible' });
  await report.getByTestId('problem-fix').click();
  await page.getByTestId('resolve-text').fill('已核实：该岗位已招满，已在源系统下架并重新汇聚。');
  await page.locator('.ant-modal').getByRole('button', { name: '标记已修正' }).click();
  await page.locator('.ant-message').filter({ hasText: '已标记为已修正' }).waitFor({ state: 'visible' });
  log('  the provider marked the report fixed');

  await signOut(page);
  await signIn(page, 'reviewer');
  await page.waitForURL((url) => url.pathname !== '/login');
  await page.goto(`${baseUrl}/data/${reportedResourceId}/problems?state=fixed`);
  await expectHeading(page, '问题数据');
  const fixed = page.locator('[data-testid="problem-row"][data-state="fixed"]').filter({ hasText: REPORT_KEY });
  await fixed.waitFor({ state: 'visible' });
  await fixed.getByTestId('problem-confirm').click();
  await page.getByTestId('resolve-text').fill('已核实修正结果。');
  await page
    .locator('.ant-modal')
    .getByRole('button', { name: /^确\s?认$/ })
    .click();
  await page.locator('.ant-message').filter({ hasText: '已确认修正' }).waitFor({ state: 'visible' });
  await page.goto(`${baseUrl}/data/${reportedResourceId}/problems?state=confirmed`);
  await page.locator('[data-testid="problem-row"][data-state="confirmed"]').filter({ hasText: REPORT_KEY }).waitFor({ state: 'visible' });
  log('  the reviewer confirmed the fix');
  await shot(page, 'd9-problem-confirmed-reviewer');
}

await runE2e(log, async ({ baseUrl, page }) => {
  await step(page, 'd-a-steward-opens-data', () => stewardOpensData(page, baseUrl));
  await step(page, 'd-b-steward-uploads', () => stewardUploads(page, baseUrl));
  await step(page, 'd-c-steward-problem-rows', () => stewardSeesProblems(page, baseUrl));
  await step(page, 'd-d-citizen-reports', () => citizenReports(page, baseUrl));
  await step(page, 'd-e-fixed-and-confirmed', () => providerFixesReviewerConfirms(page, baseUrl));
  await writeFile(path.join(RESULTS, 'data-e2e.csv'), buildCsv(need(target, 'the resource')));
  log(
    `PASS: "${target?.name ?? ''}" loaded ${GOOD_ROWS} rows, row ${BAD_ROW} set aside with its citizen-ID message, report fixed and confirmed`,
  );
});
