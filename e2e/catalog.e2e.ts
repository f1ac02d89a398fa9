/**
 * Browser test of the catalog, from registration to discovery (R10.1, R10.2, R8.1):
 *   (a) hrss-steward opens 新建目录 (signing in on the way), sees the live check list problems,
 *       fills in a new entry with a unique Chinese name (a 目 chosen in the classification select,
 *       two fields, unconditional share and open, security level 1), sees the live check clear,
 *       runs axe-core on the editor, and submits the entry for review;
 *   (b) reviewer opens the review queue, finds the entry with its time left, opens it and approves
 *       it: it is published;
 *   (c) hrss-staff searches the catalog in Chinese, sees the entry among the hits with the query
 *       marked, runs axe-core on the catalog browser, and opens the entry's page with its data
 *       dictionary.
 *
 * Run from the repository root after `npm run build -w @gongshu/web`:
 *   node --import tsx e2e/catalog.e2e.ts
 * Like the smoke test it starts its own server with a fresh data folder (see harness.ts), saves a
 * screenshot per step in test-results/ and always stops the server and the browser.
 */
import type { Page } from 'playwright-core';
import { expectHeading, harness, logger, runE2e, signIn, signOut } from './harness.js';

const log = logger('catalog');
const { screenshot, step, checkAxe } = harness(log);

const CHINESE_DIGITS = '〇一二三四五六七八九';
/** A name no other entry has, in Chinese: 技能人才评价证书信息（四〇七二）. */
const NAME = `技能人才评价证书信息（${String(Date.now() % 10_000)
  .padStart(4, '0')
  .replace(/\d/g, (digit) => CHINESE_DIGITS[Number(digit)] ?? digit)}）`;
const QUERY = '技能人才';
const FIELDS = [
  { name: '证书编号', code: 'zsbh', length: '30' },
  { name: '评价等级', code: 'pjdj', length: '20' },
] as const;

let versionId = '';

/** Waits until the live check has answered for what is on screen, and returns its problem count. */
async function settledProblems(page: Page): Promise<number> {
  const summary = page.getByTestId('check-summary');
  await page.locator('[data-testid="check-summary"]:not([data-problems="checking"])').waitFor({ state: 'visible' });
  return Number(await summary.getAttribute('data-problems'));
}

async function fillField(page: Page, row: number, field: (typeof FIELDS)[number]): Promise<void> {
  const cells = page.getByTestId('editor-fields').locator('tbody tr.ant-table-row').nth(row);
  await cells.getByTestId('field-name').fill(field.name);
  await cells.getByTestId('field-code').fill(field.code);
  await cells.getByTestId('field-length').fill(field.length);
}

async function stewardStep(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/catalog/new`);
  await page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('next') === '/catalog/new');
  await signIn(page, 'hrss-steward');
  await page.waitForURL((url) => url.pathname === '/catalog/new');
  await expectHeading(page, '新建目录');

  // An empty entry: the live check lists what is missing (R10.1) before anything is typed.
  const before = await settledProblems(page);
  if (before === 0) throw new Error('the live check found no problem in an empty entry');
  log(`  live check of the empty entry: ${before} problems`);

  // 基本信息: a 目 of the classification, found by typing in the select.
  const classification = page.getByLabel('资源分类');
  await classification.click();
  await classification.fill('职业培训');
  await page.locator('.ant-select-item-option').filter({ hasText: '211003' }).first().click();
  await page.getByTestId('editor-name').fill(NAME);
  await page.getByTestId('editor-source').fill('技能人才评价管理系统');
  await page.getByTestId('editor-summary').fill('职业技能等级认定和专项职业能力考核颁发的技能人才评价证书：证书编号、评价等级。');
  await page.getByTestId('editor-format-type').fill('xlsx');

  // 信息项: two fields.
  await fillField(page, 0, FIELDS[0]);
  await page.getByTestId('field-add').click();
  await fillField(page, 1, FIELDS[1]);

  // 共享属性 and 开放属性 unconditional, security level 1 (R13.1, R18.2).
  await page.getByTestId('editor-share-type').getByText('无条件共享').click();
  await page.getByTestId('editor-open-type').getByText('无条件开放').click();
  const level = page.getByLabel('安全级别');
  await level.click();
  await page.locator('.ant-select-item-option').filter({ hasText: '一级（公开）' }).click();

  // R9.1: should the catalog already hold such fields (a server used before), justify them.
  if ((await settledProblems(page)) > 0 && (await page.getByTestId('editor-justification').isVisible())) {
    await page.getByTestId('editor-justification').fill('本单位依法履职产生的评价证书数据，与已登记资源来源不同。');
    log('  overlapping fields found (R9.1): justified');
  }

  // The live check clears: nothing stops the submission.
  await page.getByTestId('check-ok').waitFor({ state: 'visible' });
  const after = await settledProblems(page);
  if (after !== 0) throw new Error(`the live check still lists ${after} problems`);
  log(`  "${NAME}": the live check is clear`);
  await screenshot(page, 'c1-catalog-editor-hrss-steward');
  await checkAxe(page);

  // 提交审核 (the steward, R8.1), confirmed once.
  await page.getByTestId('editor-submit').click();
  // Ant Design spaces two-character button labels: "提 交".
  await page
    .locator('.ant-modal-confirm')
    .getByRole('button', { name: /^提\s?交$/ })
    .click();
  await page.waitForURL((url) => url.pathname.startsWith('/catalog/versions/'));
  versionId = new URL(page.url()).pathname.split('/').pop() ?? '';
  await expectHeading(page, NAME);
  await page.locator('[data-testid="version-state"][data-state="submitted"]').waitFor({ state: 'visible' });
  await page.getByTestId('version-status').getByTestId('time-left').waitFor({ state: 'visible' });
  log(`  submitted: version ${versionId}`);
  await screenshot(page, 'c2-catalog-submitted-hrss-steward');
}

async function reviewerStep(page: Page, baseUrl: string): Promise<void> {
  await signOut(page);
  await signIn(page, 'reviewer');
  await page.waitForURL((url) => url.pathname === '/console');
  await page.goto(`${baseUrl}/catalog/reviews`);
  await expectHeading(page, '目录审核');
  const row = page.getByTestId('review-row').filter({ hasText: NAME });
  await row.waitFor({ state: 'visible' });
  log(`  queue: "${NAME}" ${await row.getByTestId('time-left').innerText()}`);
  await screenshot(page, 'c3-catalog-review-queue-reviewer');

  await row.getByTestId('review-link').click();
  await page.waitForURL((url) => url.pathname === `/catalog/reviews/${versionId}`);
  await expectHeading(page, NAME);
  await page.getByTestId('review-deadline').waitFor({ state: 'visible' });
  await page.getByTestId('field-table').filter({ hasText: FIELDS[1].name }).waitFor({ state: 'visible' });
  await page.getByTestId('approve-comment').fill('形式审核通过。');
  await screenshot(page, 'c4-catalog-review-reviewer');
  await page.getByTestId('review-approve').click();
  await page.locator('[data-testid="version-state"][data-state="published"]').waitFor({ state: 'visible' });
  await page.getByTestId('review-done').waitFor({ state: 'visible' });
  log('  approved: published');
}

async function searchStep(page: Page, baseUrl: string): Promise<void> {
  await signOut(page);
  await signIn(page, 'hrss-staff');
  await page.waitForURL((url) => url.pathname === '/workbench');
  await page.goto(`${baseUrl}/catalog`);
  await expectHeading(page, '公共数据目录');
  const search = page.getByLabel('检索目录');
  await search.fill(QUERY);
  await search.press('Enter');
  await page.waitForURL((url) => url.searchParams.get('q') === QUERY);

  // The entry is a hit, with the query marked in its name.
  const hit = page.getByTestId('hit').filter({ hasText: NAME });
  await hit.waitFor({ state: 'visible' });
  // The previous (unfiltered) list stays on screen until the search answers: wait for its marks.
  await hit.getByTestId('hit-mark').first().waitFor({ state: 'visible' });
  const marked = await hit.getByTestId('hit-mark').allInnerTexts();
  if (!marked.join('').includes(QUERY)) throw new Error(`the hit marks ${JSON.stringify(marked)}, not "${QUERY}"`);
  log(`  search "${QUERY}": ${await page.getByTestId('results-total').innerText()}; marked ${JSON.stringify(marked)}`);
  await screenshot(page, 'c5-catalog-search-hrss-staff');
  await checkAxe(page);

  // Its page: metadata and the data dictionary a requester needs.
  await hit.getByTestId('hit-link').click();
  await page.waitForURL((url) => url.pathname.startsWith('/catalog/resources/'));
  await expectHeading(page, NAME);
  const dictionary = page.getByTestId('field-table');
  for (const field of FIELDS)
    await dictionary.filter({ hasText: field.name }).filter({ hasText: field.code }).waitFor({ state: 'visible' });
  await page.getByTestId('classification-path').filter({ hasText: '职业培训' }).waitFor({ state: 'visible' });
  await screenshot(page, 'c6-catalog-resource-hrss-staff');
}

await runE2e(log, async ({ baseUrl, page }) => {
  await step(page, 'c-a-steward-registers', () => stewardStep(page, baseUrl));
  await step(page, 'c-b-reviewer-approves', () => reviewerStep(page, baseUrl));
  await step(page, 'c-c-staff-finds', () => searchStep(page, baseUrl));
  log(`PASS: "${NAME}" registered with live validation, submitted, approved, found by "${QUERY}" and opened`);
});
