/**
 * Browser test of sharing between agencies, the conditional path (R14.2, R16.1, R17.1, R23.1,
 * R7.1, R29.1) from the request to the first successful API call:
 *   (a) market-steward, the provider of 企业登记信息 (conditional, identified by the credit code),
 *       pushes one record with a known credit code, citizen ID and phone (through the push API,
 *       as its own system would), so the test knows what the exit must return and how masked;
 *   (b) tax-steward creates an API key for its system in 个人中心 and keeps the secret shown once;
 *   (c) tax-steward opens the catalog entry, 申请共享, and goes through the wizard: the route
 *       preview (formal review 1 working day, provider review 2), five chosen fields with their
 *       masks, scenario, legal duty, period and the five commitments; axe-core on the wizard; the
 *       request is filed in formal review;
 *   (d) reviewer finds it in 共享审核 with its time left (axe-core on the queue) and approves the
 *       formal review: it moves to the provider;
 *   (e) market-steward finds it in 待我审核 (axe-core) and approves the fields and period: a grant;
 *   (f) tax-steward opens the grant (axe-core), sees the citation line, and registers its key;
 *   (g) the test calls the lookup API with the key (X-Api-Key) for the credit code: 200, only the
 *       granted fields, the citizen ID and phone masked, the provenance naming the grant;
 *   (h) the grant page's delivery log shows that call by the key, with the daily chart; the
 *       "try it" panel looks the record up again on screen; reviewer opens the resource's lineage.
 *
 * Run from the repository root after `npm run build -w @gongshu/web`:
 *   node --import tsx e2e/share.e2e.ts
 * Like the other browser tests it starts its own server with a fresh data folder (see harness.ts),
 * saves a screenshot per step in test-results/ and always stops the server and the browser.
 */
import { makeCitizenId, makeCreditCode } from '@gongshu/domain';
import type { Page } from 'playwright-core';
import { expectHeading, harness, logger, runE2e, signIn, signOut } from './harness.js';

const log = logger('share');
const { screenshot, step, checkAxe } = harness(log);

const RESOURCE = '企业登记信息';
const CONSUMER = 'tax-steward';
const PROVIDER = 'market-steward';
const KEY_NAME = '税务征管系统（e2e）';
/** The fields asked for and granted: two public, a highly sensitive citizen ID and a sensitive phone. */
const FIELDS = ['tyshxydm', 'qymc', 'fddbr', 'fddbrsfzh', 'lxdh'] as const;
const CREDIT_CODE = makeCreditCode(`91370481MA3E${String(Date.now() % 100_000).padStart(5, '0')}`);
const CITIZEN_ID = makeCitizenId('370481', '19790312', 517);
const PHONE = '13905321234';
/** What the exit must deliver for them (R29.1): 370481********XXXX and 139****1234. */
const MASKED_CITIZEN_ID = `${CITIZEN_ID.slice(0, 6)}${'*'.repeat(8)}${CITIZEN_ID.slice(14)}`;
const MASKED_PHONE = '139****1234';
const COMMITMENTS = [
  '申请内容真实、准确',
  '依法依规使用数据',
  '落实数据安全保护措施，防止泄露、篡改和滥用',
  '数据仅用于本单位履行职责',
  '不向第三方提供，不用于其他目的',
];

let resourceId = '';
let apiKey = '';
let requestId = '';
let grantId = '';

/** A screenshot from the top of the page (the sticky header would otherwise cross a full-page shot). */
async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)');
  await screenshot(page, name, fullPage);
}

/** Signs out whoever is signed in, signs `username` in and opens `path`. */
async function as(page: Page, baseUrl: string, username: string, path: string): Promise<void> {
  if (!new URL(page.url()).pathname.startsWith('/login')) await signOut(page);
  await signIn(page, username);
  await page.waitForURL((url) => url.pathname !== '/login');
  await page.goto(`${baseUrl}${path}`);
}

async function providerPushesRecord(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/catalog`);
  await page.waitForURL((url) => url.pathname === '/login');
  await signIn(page, PROVIDER);
  await page.waitForURL((url) => url.pathname !== '/login');
  const search = (await (await page.request.get(`${baseUrl}/api/catalog/search?q=${encodeURIComponent(RESOURCE)}`)).json()) as {
    hits: { id: string; name: string; shareType: string }[];
  };
  const hit = search.hits.find((entry) => entry.name === RESOURCE);
  if (!hit || hit.shareType !== 'conditional') throw new Error(`no conditional resource "${RESOURCE}" in the catalog`);
  resourceId = hit.id;

  // The provider's system keeps its data current: one record upserted by its credit code.
  const me = (await (await page.request.get(`${baseUrl}/api/auth/me`)).json()) as { csrfToken: string };
  const pushed = await page.request.post(`${baseUrl}/api/data/${resourceId}/records`, {
    headers: { 'x-csrf-token': me.csrfToken },
    data: {
      idempotencyKey: `e2e-share-${CREDIT_CODE}`,
      mode: 'upsert',
      records: [
        {
          tyshxydm: CREDIT_CODE,
          qymc: '滕州市善国数智测试有限公司',
          fddbr: '欧阳明远',
          fddbrsfzh: CITIZEN_ID,
          lxdh: PHONE,
          bgsx: '住所变更',
          bgrq: '2026-11-20',
        },
      ],
    },
  });
  if (!pushed.ok()) throw new Error(`the push was refused: ${pushed.status()} ${await pushed.text()}`);
  let batch = ((await pushed.json()) as { batch: { id: string; state: string } }).batch;
  for (let tries = 0; (batch.state === 'queued' || batch.state === 'running') && tries < 100; tries++) {
    await page.waitForTimeout(200);
    batch = (await (await page.request.get(`${baseUrl}/api/data/loads/${batch.id}`)).json()) as typeof batch;
  }
  if (batch.state !== 'loaded') throw new Error(`the pushed record ended ${batch.state}`);
  log(`  "${RESOURCE}" (${resourceId}): record ${CREDIT_CODE} upserted by ${PROVIDER}`);
}

async function consumerCreatesKey(page: Page, baseUrl: string): Promise<void> {
  await as(page, baseUrl, CONSUMER, '/profile');
  await expectHeading(page, '个人中心');
  await page.getByTestId('api-key-create').click();
  await page.getByTestId('api-key-form').getByLabel('名称').fill(KEY_NAME);
  await page
    .locator('.ant-modal')
    .getByRole('button', { name: /^创\s?建$/ })
    .click();
  const secret = page.getByTestId('api-key-secret');
  await secret.waitFor({ state: 'visible' });
  apiKey = await secret.inputValue();
  if (!apiKey) throw new Error('no secret was shown for the new key');
  await shot(page, 's1-api-key-created-tax-steward', false);
  await page.getByTestId('api-key-done').click();
  await page.getByTestId('api-key-table').filter({ hasText: KEY_NAME }).waitFor({ state: 'visible' });
  log(`  API key "${KEY_NAME}" created (${apiKey.slice(0, 8)}…)`);
}

async function consumerFilesRequest(page: Page, baseUrl: string): Promise<void> {
  // From the catalog entry: 数据共享 → 申请共享.
  await page.goto(`${baseUrl}/catalog/resources/${resourceId}`);
  await expectHeading(page, RESOURCE);
  await page.locator('[data-testid="resource-share-type"][data-share-type="conditional"]').waitFor({ state: 'visible' });
  await page.getByTestId('resource-apply').click();
  await page.waitForURL((url) => url.pathname === '/sharing/requests/new' && url.searchParams.get('resourceId') === resourceId);
  await expectHeading(page, '数据共享申请');

  // Step 1: the resource is chosen, conditional; the route and its working-day limits show.
  await page.locator('[data-testid="wizard-resource-summary"][data-share-type="conditional"]').waitFor({ state: 'visible' });
  await page.locator('[data-testid="route-preview"][data-route="conditional"]').waitFor({ state: 'visible' });
  await page.locator('[data-testid="route-step"][data-days]:not([data-days=""])').first().waitFor({ state: 'visible' });
  const days: (string | null)[] = [];
  for (const routeStep of await page.getByTestId('route-step').all()) days.push(await routeStep.getAttribute('data-days'));
  if (days.join(',') !== '1,2') throw new Error(`the route preview shows working days ${days.join(',')}, not 1,2 (R14.2)`);
  log('  route preview: formal review 1 working day, provider review 2 (R14.2)');
  await checkAxe(page);
  await shot(page, 's2-wizard-what-tax-steward');
  await page.getByTestId('wizard-next').click();

  // Step 2: five chosen fields, each with its sensitivity and mask.
  await page.getByTestId('wizard-field-mode').getByText('选择部分信息项').click();
  const table = page.getByTestId('wizard-fields');
  for (const code of FIELDS) {
    await table.locator(`[data-testid="share-field"][data-code="${code}"]`).getByRole('checkbox').check();
  }
  const citizenMask = await table.locator('[data-testid="share-field"][data-code="fddbrsfzh"]').getByTestId('mask-text').innerText();
  if (!citizenMask.includes('保留前 6 位和后 4 位')) throw new Error(`the citizen ID's mask reads "${citizenMask}"`);
  await page.getByTestId('wizard-fields-summary').filter({ hasText: '将申请 5 个信息项，其中 2 个' }).waitFor({ state: 'visible' });
  await checkAxe(page);
  await shot(page, 's3-wizard-fields-tax-steward');
  await page.getByTestId('wizard-next').click();

  // Step 3: the use, the period as proposed (a year), the five commitments (R17.1).
  await page.getByTestId('wizard-scenario').fill('税务登记和发票领用中核验企业的登记状态、法定代表人身份和联系电话。');
  await page.getByTestId('wizard-legal-duty').fill('《中华人民共和国税收征收管理法》第十五条、第十六条规定的税务登记管理职责。');
  for (const commitment of COMMITMENTS) await page.getByRole('checkbox', { name: commitment }).check();
  await shot(page, 's4-wizard-use-tax-steward');
  await page.getByTestId('wizard-next').click();

  // Step 4: a last look, then the request is filed.
  await page.getByTestId('wizard-review-fields').filter({ hasText: '5 个信息项' }).waitFor({ state: 'visible' });
  await checkAxe(page);
  await shot(page, 's5-wizard-review-tax-steward');
  await page.getByTestId('wizard-submit').click();
  await page.waitForURL((url) => /^\/sharing\/requests\/[0-9a-f-]{36}$/.test(url.pathname));
  requestId = new URL(page.url()).pathname.split('/').pop() ?? '';
  await page.locator('[data-testid="share-state"][data-state="formal_review"]').first().waitFor({ state: 'visible' });
  const current = await page.getByTestId('request-current-step').innerText();
  log(`  filed ${requestId}: ${current.replace(/\s+/g, ' ')}`);
  await shot(page, 's6-request-filed-tax-steward');
}

async function reviewerApproves(page: Page, baseUrl: string): Promise<void> {
  await as(page, baseUrl, 'reviewer', '/sharing/reviews');
  await expectHeading(page, '共享审核');
  const row = page.locator(`[data-testid="share-request-row"][data-id="${requestId}"]`);
  await row.waitFor({ state: 'visible' });
  log(`  queue: ${RESOURCE} ${await row.getByTestId('time-left').innerText()}`);
  await checkAxe(page);
  await shot(page, 's7-review-queue-reviewer');

  await row.getByTestId('share-request-link').click();
  await page.waitForURL((url) => url.pathname === `/sharing/requests/${requestId}`);
  await page.getByTestId('section-formal-review').waitFor({ state: 'visible' });
  await checkAxe(page);
  await page.getByTestId('formal-review-comment').fill('申请要素齐全，转提供单位审核。');
  await page.getByTestId('formal-review-approve').click();
  await page.locator('[data-testid="share-state"][data-state="provider_review"]').first().waitFor({ state: 'visible' });
  await shot(page, 's8-formal-review-passed-reviewer');
  log('  formal review passed: now with the provider');
}

async function providerApproves(page: Page, baseUrl: string): Promise<void> {
  await as(page, baseUrl, PROVIDER, '/sharing/provider');
  await expectHeading(page, '待我审核');
  const row = page.locator(`[data-testid="share-request-row"][data-id="${requestId}"]`);
  await row.waitFor({ state: 'visible' });
  log(`  provider queue: ${await row.getByTestId('time-left').innerText()}`);
  await checkAxe(page);
  await shot(page, 's9-provider-queue-market-steward');

  await row.getByTestId('share-request-link').click();
  await page.waitForURL((url) => url.pathname === `/sharing/requests/${requestId}`);
  await page.getByTestId('section-provider-review').waitFor({ state: 'visible' });
  const checked = await page.getByTestId('provider-fields').getByRole('checkbox', { checked: true }).count();
  if (checked !== FIELDS.length) throw new Error(`${checked} fields are proposed for approval, not ${FIELDS.length}`);
  await shot(page, 's10-provider-review-market-steward');
  await page.getByTestId('provider-review-approve').click();
  await page.locator('[data-testid="share-state"][data-state="granted"]').first().waitFor({ state: 'visible' });
  const link = page.getByTestId('request-grant-link');
  await link.waitFor({ state: 'visible' });
  grantId = (await link.getAttribute('href'))?.split('/').pop() ?? '';
  log(`  approved: grant ${grantId}`);
}

async function consumerRegistersKey(page: Page, baseUrl: string): Promise<void> {
  await as(page, baseUrl, CONSUMER, '/sharing/grants');
  await expectHeading(page, '共享授权');
  const row = page.locator(`[data-testid="grant-row"][data-id="${grantId}"]`);
  await row.waitFor({ state: 'visible' });
  await row.getByTestId('grant-link').click();
  await page.waitForURL((url) => url.pathname === `/sharing/grants/${grantId}`);
  await expectHeading(page, RESOURCE);
  await page.locator('[data-testid="grant-status"][data-status="active"]').first().waitFor({ state: 'visible' });
  const citation = await page.getByTestId('citation').innerText();
  if (!citation.includes('数据来源')) throw new Error(`the citation line reads "${citation}"`);
  log(`  citation (R23.1): ${citation}`);

  // The consumer's steward registers its system on the grant.
  await page.getByTestId('grant-keys-select').click();
  await page.locator('.ant-select-item-option').filter({ hasText: KEY_NAME }).click();
  await page.keyboard.press('Escape');
  // The dropdown's list has no name of its own: wait until it is closed, as a person would.
  await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'detached' });
  await page.getByTestId('grant-keys-save').click();
  await page.locator('.ant-message').filter({ hasText: '已保存调用系统' }).waitFor({ state: 'visible' });
  await page.getByTestId('grant-keys').filter({ hasText: KEY_NAME }).waitFor({ state: 'visible' });
  await checkAxe(page);
  await shot(page, 's11-grant-key-registered-tax-steward');
  log(`  key "${KEY_NAME}" registered on the grant`);
}

interface Lookup {
  readonly record: Record<string, string | number | boolean | null> | null;
  readonly provenance: { grant: { id: string; number: string }; deliveryId: string; at: string; citation: string };
}

async function systemCallsApi(page: Page, baseUrl: string): Promise<void> {
  const response = await page.request.get(`${baseUrl}/api/exit/grants/${grantId}/records/${CREDIT_CODE}`, {
    headers: { 'X-Api-Key': apiKey },
  });
  if (response.status() !== 200) throw new Error(`the lookup answered ${response.status()}: ${await response.text()}`);
  const body = (await response.json()) as Lookup;
  const record = body.record;
  if (!record) throw new Error('the lookup found no record for the pushed credit code');
  const codes = Object.keys(record).sort().join(',');
  if (codes !== [...FIELDS].sort().join(',')) throw new Error(`the record has fields ${codes}, not the granted ones`);
  if (record.tyshxydm !== CREDIT_CODE) throw new Error(`the credit code came back as ${String(record.tyshxydm)}`);
  if (record.fddbrsfzh !== MASKED_CITIZEN_ID) throw new Error(`the citizen ID came back as ${String(record.fddbrsfzh)}, not masked`);
  if (record.lxdh !== MASKED_PHONE) throw new Error(`the phone came back as ${String(record.lxdh)}, not masked`);
  if (body.provenance.grant.id !== grantId || !body.provenance.deliveryId || !body.provenance.citation) {
    throw new Error(`the provenance does not name the grant and delivery: ${JSON.stringify(body.provenance)}`);
  }
  log(`  GET /api/exit/grants/…/records/${CREDIT_CODE} with X-Api-Key → 200`);
  log(`    record: ${JSON.stringify(record)}`);
  log(`    provenance: grant ${body.provenance.grant.number}, delivery ${body.provenance.deliveryId}, at ${body.provenance.at}`);
}

async function deliveryLogged(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/sharing/grants/${grantId}`);
  await expectHeading(page, RESOURCE);
  const row = page.locator('[data-testid="delivery-row"][data-via="api_key"]').filter({ hasText: KEY_NAME });
  await row.waitFor({ state: 'visible' });
  await page.getByTestId('delivery-chart').waitFor({ state: 'visible' });
  log(`  delivery log: ${(await row.innerText()).replace(/\s+/g, ' ')}`);
  log(`  ${await page.getByTestId('delivery-summary').innerText()}`);

  // The "try it" panel: the same lookup on screen, masked, with its provenance.
  await page.getByTestId('try-key').fill(CREDIT_CODE);
  await page.getByTestId('try-lookup').click();
  await page.locator('[data-testid="try-value"][data-code="lxdh"]').filter({ hasText: MASKED_PHONE }).waitFor({ state: 'visible' });
  await page.getByTestId('provenance').waitFor({ state: 'visible' });
  await shot(page, 's12-grant-deliveries-tax-steward');

  // The resource's lineage, for the bureau: the grant and its consumer are drawn.
  await as(page, baseUrl, 'reviewer', `/sharing/lineage/${resourceId}`);
  await expectHeading(page, '数据血缘');
  await page.getByTestId('lineage-graph').waitFor({ state: 'visible' });
  log(`  lineage: ${await page.getByTestId('lineage-summary').innerText()}`);
  await checkAxe(page);
  await shot(page, 's13-lineage-reviewer');
}

await runE2e(log, async ({ baseUrl, page }) => {
  await step(page, 'share-a-provider-record', () => providerPushesRecord(page, baseUrl));
  await step(page, 'share-b-consumer-key', () => consumerCreatesKey(page, baseUrl));
  await step(page, 'share-c-wizard', () => consumerFilesRequest(page, baseUrl));
  await step(page, 'share-d-formal-review', () => reviewerApproves(page, baseUrl));
  await step(page, 'share-e-provider-review', () => providerApproves(page, baseUrl));
  await step(page, 'share-f-grant-key', () => consumerRegistersKey(page, baseUrl));
  await step(page, 'share-g-api-call', () => systemCallsApi(page, baseUrl));
  await step(page, 'share-h-delivery-log', () => deliveryLogged(page, baseUrl));
  log(`PASS: "${RESOURCE}" requested by ${CONSUMER}, granted after formal and provider review, first API call 200 with masked fields`);
});
