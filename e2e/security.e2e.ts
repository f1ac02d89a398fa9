/**
 * Browser test of the security views (issue 8) against a real server with the demo city:
 *   (a) admin opens the register of third-party service providers (R30.1) and sees the demo's
 *       providers with their agreement status;
 *   (b) the security supervisor searches the audit trail, sees the export buttons, and opens the
 *       unusual-access alerts page;
 *   (c) the security supervisor opens the queue of share requests awaiting a correlation
 *       assessment (R31.1), opens the demo's request, sees the joinable resources, records a
 *       permit, and the request no longer waits for one.
 * axe-core finds no serious or critical violation on any page; no page throws.
 *
 * Run from the repository root after `npm run build`: node --import tsx e2e/security.e2e.ts
 */
import type { Page } from 'playwright-core';
import { expectHeading, harness, logger, runE2e, signIn, signOut } from './harness.js';

const log = logger('security');
const { screenshot, step, checkAxe } = harness(log);

async function as(page: Page, baseUrl: string, username: string, path: string): Promise<void> {
  if (!new URL(page.url()).pathname.startsWith('/login')) await signOut(page);
  await signIn(page, username);
  await page.waitForURL((url) => url.pathname !== '/login');
  await page.goto(`${baseUrl}${path}`);
}

async function providers(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await as(page, baseUrl, 'admin', '/console/providers');
  await expectHeading(page, '第三方服务机构');
  const rows = page.getByTestId('provider-table').locator('tr.ant-table-row');
  await rows.first().waitFor({ state: 'visible' });
  log(`  providers listed: ${String(await rows.count())}`);
  await checkAxe(page);
  await screenshot(page, 'x1-providers');
}

async function auditAndAlerts(page: Page, baseUrl: string): Promise<void> {
  await as(page, baseUrl, 'police-security', '/audit');
  await expectHeading(page, '安全审计');
  await checkAxe(page);
  await screenshot(page, 'x2-audit');
  await page.goto(`${baseUrl}/audit/alerts`);
  await expectHeading(page, '异常访问告警');
  await page.getByTestId('alert-table').waitFor({ state: 'visible' });
  await checkAxe(page);
  await screenshot(page, 'x3-alerts');
}

async function correlation(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/security/correlation`);
  await expectHeading(page, '待关联安全评估');
  const queue = page.getByTestId('correlation-queue').locator('tr.ant-table-row');
  await queue.first().waitFor({ state: 'visible' });
  const waiting = await queue.count();
  log(`  requests awaiting assessment: ${String(waiting)}`);
  await checkAxe(page);
  await screenshot(page, 'x4-correlation-queue');
  await queue.first().getByRole('link').first().click();
  await page.getByTestId('correlation-required').waitFor({ state: 'visible' });
  await page.getByTestId('correlation-resources').waitFor({ state: 'visible' });
  await checkAxe(page);
  await page.getByTestId('correlation-opinion').fill('关联后仅用于社保待遇核验，数据不出系统，访问留痕。');
  await page.getByTestId('correlation-basis').fill('《滕州市公共数据管理办法》第三十一条');
  await page.getByTestId('correlation-submit').click();
  await page.getByTestId('correlation-assessment').waitFor({ state: 'visible' });
  await screenshot(page, 'x5-correlation-recorded');
  await page.goto(`${baseUrl}/security/correlation`);
  await expectHeading(page, '待关联安全评估');
  await page.getByTestId('correlation-queue').waitFor({ state: 'visible' });
  await page.waitForLoadState('networkidle');
  const after = await page.getByTestId('correlation-queue').locator('tr.ant-table-row').count();
  log(`  after the permit: ${String(after)} awaiting (was ${String(waiting)})`);
  if (after !== waiting - 1) throw new Error(`the permitted request is still in the queue (${String(after)} of ${String(waiting)})`);
}

await runE2e(log, async ({ baseUrl, page, pageErrors }) => {
  await step(page, 'security-a-providers', () => providers(page, baseUrl));
  await step(page, 'security-b-audit-alerts', () => auditAndAlerts(page, baseUrl));
  await step(page, 'security-c-correlation', () => correlation(page, baseUrl));
  if (pageErrors.length > 0) throw new Error(`page errors: ${pageErrors.join('; ')}`);
  log('PASS: providers register, audit search and alerts, correlation assessment recorded from the queue');
});
