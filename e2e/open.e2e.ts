/**
 * Browser test of the citizen's journey on the open data portal (issue 7; R19.1, R19.2, R19.4,
 * R20.1, R23.1):
 *   (a) an anonymous visitor searches the home page with a Chinese query, opens the result, sees
 *       the data dictionary, the preview and the citation line (R23.1), and downloads the CSV
 *       (BOM, header row, data rows, the citation inside); axe-core on home, search and resource;
 *   (b) the visitor registers as a citizen with a valid citizen ID number (GB 11643) and is signed in;
 *   (c) on a conditional resource with data, the citizen reads the published conditions and applies
 *       (purpose, measures, period, every commitment): the application is in formal review;
 *   (d) the bureau reviewer approves the formal review; the provider's steward approves, choosing a
 *       stronger mask (hash) for one field the exit would deliver as is (R29.1): a grant with it;
 *   (e) the citizen sees the grant under 我的授权 with its records URL and that field's mask, creates
 *       an API key, and calls the query API with it: 200, only the granted fields, rows, the
 *       citation, the chosen field hashed.
 *
 * Run from the repository root after `npm run build -w @gongshu/web`:
 *   node --import tsx e2e/open.e2e.ts
 */
import { makeCitizenId } from '@gongshu/domain';
import type { Page } from 'playwright-core';
import { expectHeading, harness, logger, PASSWORD, runE2e } from './harness.js';

const log = logger('open');
const { screenshot, step, checkAxe } = harness(log);

/** An unconditional demo resource found by a Chinese query. */
const QUERY = '养老服务机构';
const OPEN_RESOURCE = '养老服务机构名录';
const USERNAME = `e2e${String(Date.now() % 1_000_000)}`;
const CITIZEN_ID = makeCitizenId('370481', '19880416', Date.now() % 500);
const KEY_NAME = '我的开放数据应用（e2e）';

let conditional = { id: '', name: '', providerId: '' };
let applicationId = '';
/** The field the provider hashes at approval (delivered as is by default). */
let maskedField = { code: '', name: '' };
let apiKey = '';

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)');
  await screenshot(page, name, true);
}

/** Signs whoever is signed in out (by dropping the session) and signs `username` in. */
async function as(page: Page, baseUrl: string, username: string, password = PASSWORD): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => url.pathname !== '/login');
}

async function visitorFindsAndDownloads(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.getByTestId('portal-heading').waitFor({ state: 'visible' });
  await checkAxe(page);
  const search = page.getByTestId('open-search-input').first().locator('input');
  await search.fill(QUERY);
  await search.press('Enter');
  await page.waitForURL((url) => url.pathname === '/open' && url.searchParams.get('q') === QUERY);
  const hit = page.getByTestId('open-hit-link').filter({ hasText: OPEN_RESOURCE });
  await hit.first().waitFor({ state: 'visible' });
  log(`  search "${QUERY}": ${await page.getByTestId('open-results-total').innerText()}`);
  await checkAxe(page);
  await shot(page, 'o1-search');

  await hit.first().click();
  await page.waitForURL((url) => url.pathname.startsWith('/open/resources/'));
  await expectHeading(page, OPEN_RESOURCE);
  await page.getByTestId('open-dictionary').waitFor({ state: 'visible' });
  await page.getByTestId('open-preview').locator('tbody tr.ant-table-row').first().waitFor({ state: 'visible' });
  const citation = await page.getByTestId('open-citation').innerText();
  if (!citation.includes(OPEN_RESOURCE)) throw new Error(`the citation line does not name the resource: ${citation}`);
  log(`  citation: ${citation.replace(/\s+/g, ' ')}`);
  await checkAxe(page);
  await shot(page, 'o2-resource');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('open-download-csv').click()]);
  const file = await download.path();
  const { readFile } = await import('node:fs/promises');
  const bytes = await readFile(file);
  if (bytes[0] !== 0xef || bytes[1] !== 0xbb || bytes[2] !== 0xbf) throw new Error('the CSV download has no BOM (Excel would garble it)');
  const lines = bytes.toString('utf8').slice(1).split(/\r?\n/).filter(Boolean);
  if (lines.length < 3) throw new Error(`the CSV download has ${String(lines.length)} lines`);
  if (!bytes.toString('utf8').includes(OPEN_RESOURCE)) throw new Error('the CSV download carries no citation naming the resource');
  log(`  downloaded ${download.suggestedFilename()}: ${String(lines.length)} lines, BOM, citation inside`);
}

async function visitorRegisters(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/open/register`);
  await expectHeading(page, '注册');
  await page.getByTestId('register-name').fill('欧阳晓晴');
  await page.getByTestId('register-identity').fill(CITIZEN_ID);
  await page.getByTestId('register-phone').fill('13905321688');
  await page.getByTestId('register-username').fill(USERNAME);
  await page.getByTestId('register-password').fill(PASSWORD);
  await page.getByTestId('register-confirm').fill(PASSWORD);
  await checkAxe(page);
  await page.getByTestId('register-submit').click();
  await page.waitForURL((url) => url.pathname !== '/open/register');
  const me = (await (await page.request.get(`${baseUrl}/api/auth/me`)).json()) as { user: { username: string } | null };
  if (me.user?.username !== USERNAME) throw new Error('the new citizen is not signed in after registering');
  log(`  registered and signed in as ${USERNAME} (citizen ID ${CITIZEN_ID.slice(0, 6)}********${CITIZEN_ID.slice(14)})`);
}

async function citizenApplies(page: Page, baseUrl: string): Promise<void> {
  // A conditional resource that has data.
  const found = (await (await page.request.get(`${baseUrl}/api/portal/resources?openType=conditional&pageSize=50`)).json()) as {
    hits: { id: string; name: string }[];
  };
  for (const candidate of found.hits) {
    const detail = (await (await page.request.get(`${baseUrl}/api/portal/resources/${candidate.id}`)).json()) as {
      lastLoadedAt: string | null;
      provider: { id: string };
      openType: string;
    };
    if (detail.lastLoadedAt && detail.openType === 'conditional') {
      conditional = { id: candidate.id, name: candidate.name, providerId: detail.provider.id };
      break;
    }
  }
  if (!conditional.id) throw new Error('no conditional open resource with data in the demo');

  await page.goto(`${baseUrl}/open/resources/${conditional.id}`);
  await expectHeading(page, conditional.name);
  await page.getByTestId('apply-card-conditions').waitFor({ state: 'visible' });
  await page.getByTestId('apply-card-apply').click();
  await page.waitForURL((url) => url.pathname === `/open/apply/${conditional.id}`);
  await page.getByTestId('apply-conditions').waitFor({ state: 'visible' });
  await page.getByTestId('apply-purpose').fill('开发面向本市居民的便民服务小程序，展示相关公共服务信息');
  await page.getByTestId('apply-measures').fill('数据仅存储于境内服务器，访问实行账号权限控制并留存日志，不向第三方提供');
  for (const box of await page.locator('[data-testid^="apply-commit-"]').all()) await box.check();
  await checkAxe(page);
  await shot(page, 'o3-apply');
  await page.getByTestId('apply-submit').click();
  await page.waitForURL((url) => url.pathname.startsWith('/me/applications/'));
  applicationId = new URL(page.url()).pathname.split('/').pop() ?? '';
  const detail = (await (await page.request.get(`${baseUrl}/api/open/applications/${applicationId}`)).json()) as {
    state: string;
    number: string;
  };
  if (detail.state !== 'formal_review') throw new Error(`the application is ${detail.state}, not in formal review`);
  log(`  "${conditional.name}": application ${detail.number} in formal review (R19.2)`);
}

async function reviewedAndGranted(page: Page, baseUrl: string): Promise<void> {
  await as(page, baseUrl, 'reviewer');
  await page.goto(`${baseUrl}/open-admin/applications/${applicationId}`);
  await page.getByTestId('open-formal-review').waitFor({ state: 'visible' });
  await checkAxe(page);
  await page.getByTestId('open-formal-review-approve').click();
  let state = '';
  for (let tries = 0; tries < 50 && state !== 'provider_review'; tries++) {
    await page.waitForTimeout(100);
    state = ((await (await page.request.get(`${baseUrl}/api/open/applications/${applicationId}`)).json()) as { state: string }).state;
  }
  if (state !== 'provider_review') throw new Error(`after the formal review the application is ${state}`);
  log('  formal review approved by the bureau (≤ 5 working days)');

  // The provider's steward: found among the agency's users.
  const agencies = (await (await page.request.get(`${baseUrl}/api/agencies`)).json()) as { id: string; code: string }[];
  const provider = agencies.find((a) => a.id === conditional.providerId);
  if (!provider) throw new Error('the provider agency is not in the directory');
  await as(page, baseUrl, `${provider.code}-steward`);
  await page.goto(`${baseUrl}/open-admin/applications/${applicationId}`);
  await page.getByTestId('open-provider-review').waitFor({ state: 'visible' });
  await checkAxe(page);

  // A stronger mask for one asked field the exit would deliver as is: hashed (R29.1).
  const asked = (await (await page.request.get(`${baseUrl}/api/open/applications/${applicationId}`)).json()) as {
    fields: { code: string; name: string }[];
    availableFields: { code: string; defaultMask?: { kind: string } }[];
  };
  const defaults = new Map(asked.availableFields.map((f) => [f.code, f.defaultMask?.kind]));
  const plain = asked.fields.find((f) => defaults.get(f.code) === 'none');
  if (!plain) throw new Error(`no asked field of "${conditional.name}" is delivered as is: none to mask more strongly`);
  maskedField = { code: plain.code, name: plain.name };
  const masks = page.getByTestId('provider-review-masks');
  await masks.getByLabel(`${plain.name} 的脱敏方式`, { exact: true }).click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: /^哈希$/ })
    .click();
  await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
  await masks
    .locator(`[data-testid="mask-field"][data-code="${plain.code}"]`)
    .getByTitle('哈希', { exact: true })
    .waitFor({ state: 'visible' });
  await checkAxe(page);
  await shot(page, 'o4-provider-review');
  await page.getByTestId('open-provider-review-approve').click();
  for (let tries = 0; tries < 50 && state !== 'granted'; tries++) {
    await page.waitForTimeout(100);
    state = ((await (await page.request.get(`${baseUrl}/api/open/applications/${applicationId}`)).json()) as { state: string }).state;
  }
  if (state !== 'granted') throw new Error(`after the provider review the application is ${state}`);
  const providerGrants = (await (await page.request.get(`${baseUrl}/api/open/grants?scope=provider`)).json()) as {
    application: { id: string };
    fields: { code: string; effectiveMask?: { kind: string } }[];
  }[];
  const granted = providerGrants.find((g) => g.application.id === applicationId);
  const effective = granted?.fields.find((f) => f.code === plain.code)?.effectiveMask?.kind;
  if (effective !== 'hash') throw new Error(`the grant delivers ${plain.code} with the mask ${String(effective)}, not hash`);
  log(`  provider review approved by ${provider.code}-steward (≤ 10 working days), ${plain.name} (${plain.code}) hashed: granted`);
}

async function citizenCallsApi(page: Page, baseUrl: string): Promise<void> {
  await as(page, baseUrl, USERNAME);
  await page.goto(`${baseUrl}/me/grants`);
  const grant = page.getByTestId('open-grant').filter({ hasText: conditional.name });
  await grant.waitFor({ state: 'visible' });
  const recordsUrl = (await grant.getByTestId('open-grant-records-url').innerText()).replace(/^\s*GET\s+/, '').trim();
  // How each granted field is delivered: the one the provider chose hashed (R29.1).
  const maskTag = grant.locator(`[data-testid="open-grant-field"][data-code="${maskedField.code}"]`).getByTestId('field-mask-tag');
  const maskText = await maskTag.innerText();
  if ((await maskTag.getAttribute('data-mask')) !== 'hash' || !maskText.includes('脱敏：哈希')) {
    throw new Error(`the grant shows ${maskedField.name} as "${maskText}", not hashed`);
  }
  const asIs = await grant.locator('[data-testid="field-mask-tag"][data-mask="none"]').count();
  log(`  我的授权: ${maskedField.name} "${maskText}", ${String(asIs)} fields 原样`);
  await checkAxe(page);
  await shot(page, 'o5-my-grants');

  await page.goto(`${baseUrl}/me#api-keys`);
  await page.getByTestId('api-key-create').click();
  await page.getByTestId('api-key-form').getByLabel('名称').fill(KEY_NAME);
  await page
    .locator('.ant-modal')
    .getByRole('button', { name: /^创\s?建$/ })
    .click();
  const secret = page.getByTestId('api-key-secret');
  await secret.waitFor({ state: 'visible' });
  apiKey = await secret.inputValue();
  await page.getByTestId('api-key-done').click();

  // The app calls with its key only: a fresh request context, no session cookie.
  const url = recordsUrl.startsWith('http') ? recordsUrl : `${baseUrl}${recordsUrl}`;
  const response = await page.context().request.fetch(url, { headers: { 'x-api-key': apiKey, cookie: '' } });
  if (response.status() !== 200) throw new Error(`the query API answered ${String(response.status())}: ${await response.text()}`);
  const body = (await response.json()) as { records: Record<string, unknown>[]; total: number; citation: string };
  if (body.records.length === 0) throw new Error('the query API returned no rows');
  if (!body.citation.includes(conditional.name)) throw new Error(`the answer's citation does not name the resource: ${body.citation}`);
  const grants = (await (await page.request.get(`${baseUrl}/api/open/grants?scope=mine`)).json()) as {
    resource: { id: string };
    fields: { code: string }[];
  }[];
  const fields = grants.find((g) => g.resource.id === conditional.id)?.fields.map((f) => f.code) ?? [];
  const extra = Object.keys(body.records[0] ?? {}).filter((k) => !fields.includes(k));
  if (fields.length === 0 || extra.length > 0) throw new Error(`the query API returned fields outside the grant: ${extra.join(', ')}`);
  // The exit applies the provider's mask: HMAC-SHA-256 in hex.
  const hashed = body.records.map((r) => r[maskedField.code]).filter((v) => v !== null && v !== undefined);
  if (hashed.length === 0) throw new Error(`the query API returned no value of ${maskedField.code} to check its mask`);
  const clear = hashed.filter((v) => typeof v !== 'string' || !/^[0-9a-f]{64}$/.test(v));
  if (clear.length > 0) throw new Error(`the query API returned ${maskedField.code} unhashed: ${JSON.stringify(clear[0])}`);
  log(
    `  query API with the key: 200, ${String(body.records.length)} of ${String(body.total)} rows, ${String(Object.keys(body.records[0] ?? {}).length)} granted fields, ${maskedField.code} hashed, citation given`,
  );
}

await runE2e(log, async ({ baseUrl, page }) => {
  await step(page, 'open-a-find-download', () => visitorFindsAndDownloads(page, baseUrl));
  await step(page, 'open-b-register', () => visitorRegisters(page, baseUrl));
  await step(page, 'open-c-apply', () => citizenApplies(page, baseUrl));
  await step(page, 'open-d-review-grant', () => reviewedAndGranted(page, baseUrl));
  await step(page, 'open-e-api-call', () => citizenCallsApi(page, baseUrl));
  log(
    `PASS: found and downloaded "${OPEN_RESOURCE}", registered, applied for "${conditional.name}", granted with ${maskedField.code} hashed, API call 200`,
  );
});
