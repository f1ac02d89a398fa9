/**
 * Browser smoke test of the built web app against a real server:
 *   (a) an anonymous visitor sees the open-data portal with its counts, and axe-core finds no
 *       serious or critical accessibility violation;
 *   (b) a protected page sends a signed-out visitor to /login; hrss-steward signs in, comes back
 *       to the data workbench and sees their agency, the overdue rectification order of the demo
 *       city among the pending items (R35.1) and unread notifications on the bell; axe-core finds
 *       no serious or critical violation on the workbench; the bell's drawer opens the order;
 *   (c) admin signs in and lands on the management console with every agency's pending items and
 *       the on-time rate chart (R33.1), in Chinese and once in English.
 *
 * Run from the repository root after `npm run build -w @gongshu/web`:
 *   node --import tsx e2e/smoke.e2e.ts
 * It starts `gongshu serve` on a free port with a fresh data folder and Debian's chromium, saves a
 * screenshot per step in test-results/, and always stops the server and the browser.
 */
import { expectHeading, harness, logger, runE2e, signIn } from './harness.js';
import type { Page } from 'playwright-core';

const log = logger('smoke');
const { screenshot, step, checkAxe } = harness(log);

async function portalStep(page: Page, baseUrl: string): Promise<void> {
  const summary = (await (await fetch(`${baseUrl}/api/portal/summary`)).json()) as Record<string, unknown>;
  await page.goto(`${baseUrl}/`);
  await page.getByRole('heading', { level: 1, name: /公共数据开放平台/ }).waitFor({ state: 'visible' });
  for (const key of ['agencies', 'departments', 'towns', 'publicUsers']) {
    const expected = String(summary[key]);
    const card = page.getByTestId(`stat-${key}`);
    await card.filter({ hasText: expected }).waitFor({ state: 'visible' });
    log(`  ${key}: ${expected}`);
  }
  await page.getByTestId('sector-chart').locator('canvas').first().waitFor({ state: 'visible' });
  await screenshot(page, '01-portal');
  await checkAxe(page);
}

/** The demo city's order issued 13 working days ago with a 10-day term (apps/server demo-workflows). */
const OVERDUE_ORDER = '社会保险参保数据未按期汇聚';

async function stewardStep(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/workbench`);
  await page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('next') === '/workbench');
  await signIn(page, 'hrss-steward');
  await page.waitForURL((url) => url.pathname === '/workbench');
  await expectHeading(page, '数据工作台');
  await page.getByTestId('agency-name').filter({ hasText: '滕州市人力资源和社会保障局' }).waitFor({ state: 'visible' });
  await page.getByTestId('steward-list').waitFor({ state: 'visible' });

  // 待办事项: the overdue order, in red, with the overdue state (R35.1).
  await page.getByTestId('pending-heading').filter({ hasText: '待办事项' }).waitFor({ state: 'visible' });
  const row = page.getByTestId('pending-row').filter({ hasText: OVERDUE_ORDER });
  await row.waitFor({ state: 'visible' });
  if ((await row.getAttribute('data-overdue')) !== 'true') throw new Error(`"${OVERDUE_ORDER}" is not marked overdue`);
  const timeLeft = row.getByTestId('time-left');
  const left = await timeLeft.innerText();
  if (!/^已超期( \d+ 个工作日)?$/.test(left) || (await timeLeft.getAttribute('data-tone')) !== 'overdue') {
    throw new Error(`"${OVERDUE_ORDER}" shows "${left}" as its time left`);
  }
  const state = await row.getByTestId('deadline-state').innerText();
  if (state !== '已超期') throw new Error(`"${OVERDUE_ORDER}" is in the state "${state}"`);
  log(`  pending: "${OVERDUE_ORDER}" ${left}`);

  // The bell: unread notifications (the order's opening and overdue notices), named with the count.
  const bell = page.getByTestId('notification-bell');
  await page.locator('[data-testid="notification-bell"]:not([data-unread="0"])').waitFor({ state: 'visible' });
  const bellName = (await bell.getAttribute('aria-label')) ?? '';
  if (!/^通知，[1-9]\d* 条未读$/.test(bellName)) throw new Error(`the bell is named "${bellName}"`);
  log(`  bell: ${bellName}`);

  await screenshot(page, '02-workbench-hrss-steward');
  await checkAxe(page);

  // The bell's drawer lists the notices; opening the overdue one leads to the order.
  await bell.click();
  const notice = page.getByTestId('notification-item').filter({ hasText: `已超期：责令限期改正：${OVERDUE_ORDER}` });
  // Hovering waits until the drawer has slid in; the drawer is fixed, so the viewport is the picture.
  await notice.hover();
  await screenshot(page, '02b-notifications-hrss-steward', false);
  await notice.click();
  await page.waitForURL((url) => url.pathname.startsWith('/rectifications/'));
  await expectHeading(page, OVERDUE_ORDER);
  await page.getByTestId('rectification-report-form').waitFor({ state: 'visible' });
  await screenshot(page, '02c-rectification-hrss-steward');
}

async function adminStep(page: Page, baseUrl: string): Promise<void> {
  await page.getByTestId('sign-out').click();
  await page.waitForURL((url) => url.pathname === '/login');
  await signIn(page, 'admin');
  await page.waitForURL((url) => url.pathname === '/console');
  await expectHeading(page, '管理控制台');
  await page.getByTestId('console-stat-agencies').waitFor({ state: 'visible' });
  await page.getByTestId('kind-chart').locator('canvas').first().waitFor({ state: 'visible' });

  // Every agency's pending items, the overdue order among them, and the on-time chart (R33.1).
  await page.getByTestId('pending-heading').filter({ hasText: '待办事项' }).waitFor({ state: 'visible' });
  await page.getByTestId('pending-row').filter({ hasText: OVERDUE_ORDER }).waitFor({ state: 'visible' });
  await page.getByTestId('on-time-heading').filter({ hasText: '按期办结率' }).waitFor({ state: 'visible' });
  await page.getByTestId('on-time-chart-agency').locator('canvas').first().waitFor({ state: 'visible' });
  log(`  on-time: ${await page.getByTestId('on-time-summary').innerText()}`);
  await screenshot(page, '03-console-admin');

  // Once in English: the same page, every heading translated.
  await page.getByTestId('language-switch').click();
  await expectHeading(page, 'Management console');
  await page.getByTestId('pending-heading').filter({ hasText: 'Pending items' }).waitFor({ state: 'visible' });
  await page.getByTestId('on-time-heading').filter({ hasText: 'On-time rate' }).waitFor({ state: 'visible' });
  await screenshot(page, '04-console-admin-en');
  await page.getByTestId('language-switch').click();
  await expectHeading(page, '管理控制台');
  void baseUrl;
}

await runE2e(log, async ({ baseUrl, page }) => {
  await step(page, 'a-portal', () => portalStep(page, baseUrl));
  await step(page, 'b-steward-workbench', () => stewardStep(page, baseUrl));
  await step(page, 'c-admin-console', () => adminStep(page, baseUrl));
  log('PASS: portal, steward workbench (pending items, notifications) and admin console (pending items, on-time rate)');
});
