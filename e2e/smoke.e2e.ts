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
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS = path.join(ROOT, 'test-results');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PASSWORD = 'Gongshu@2026';
const STARTUP_TIMEOUT_MS = 180_000;

class SmokeFailure extends Error {
  override name = 'SmokeFailure';
}

function log(message: string): void {
  process.stdout.write(`[smoke] ${message}\n`);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

interface RunningServer {
  readonly baseUrl: string;
  readonly process: ChildProcess;
  readonly output: () => string;
}

async function startServer(dataDir: string): Promise<RunningServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let output = '';
  const child = spawn(process.execPath, ['apps/server/bin/gongshu.js', 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      GONGSHU_DATA_DIR: dataDir,
      NODE_ENV: 'development',
      GONGSHU_SEED_DEMO: 'true',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const server: RunningServer = { baseUrl, process: child, output: () => output };

  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new SmokeFailure(`the server exited with code ${child.exitCode} before it was ready:\n${output}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return server;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new SmokeFailure(`the server did not answer /api/health within ${STARTUP_TIMEOUT_MS / 1000} s:\n${output}`);
}

async function stopServer(server: RunningServer | null): Promise<void> {
  if (!server || server.process.exitCode !== null || server.process.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => server.process.once('exit', () => resolve()));
  server.process.kill('SIGTERM');
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 10_000));
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    server.process.kill('SIGKILL');
    await exited;
  }
}

async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  const file = path.join(RESULTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  log(`  screenshot ${path.relative(ROOT, file)}`);
}

/** Runs one step; on failure saves a screenshot and rethrows with the step's name. */
async function step(page: Page, name: string, body: () => Promise<void>): Promise<void> {
  log(`step ${name}`);
  try {
    await body();
  } catch (error) {
    await screenshot(page, `${name}-FAILED`).catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw new SmokeFailure(`step "${name}" failed: ${reason}`);
  }
}

async function expectHeading(page: Page, text: string): Promise<void> {
  const heading = page.getByTestId('page-heading');
  await heading.filter({ hasText: text }).waitFor({ state: 'visible' });
}

async function signIn(page: Page, username: string): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
}

/** Runs axe-core on the page as it is; fails on serious or critical violations, lists the rest. */
async function checkAxe(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  const minor = results.violations.filter((violation) => !serious.includes(violation));
  log(`  axe: ${results.passes.length} rules passed, ${serious.length} serious/critical, ${minor.length} minor/moderate violations`);
  for (const violation of [...serious, ...minor]) {
    log(`    [${violation.impact ?? 'unknown'}] ${violation.id}: ${violation.help}`);
    for (const node of violation.nodes.slice(0, 5)) log(`      ${node.target.join(' ')}`);
  }
  if (serious.length > 0) throw new Error(`axe found ${serious.length} serious or critical violations (listed above)`);
}

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

async function main(): Promise<void> {
  if (!existsSync(path.join(ROOT, 'apps/web/dist/index.html'))) {
    throw new SmokeFailure('apps/web/dist is missing: run `npm run build -w @gongshu/web` first');
  }
  if (!existsSync(CHROMIUM)) throw new SmokeFailure(`no chromium at ${CHROMIUM}: apt-get install -y chromium fonts-noto-cjk`);
  await mkdir(RESULTS, { recursive: true });
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'gongshu-smoke-data-'));
  const profileDir = await mkdtemp(path.join(os.tmpdir(), 'gongshu-smoke-browser-'));
  let server: RunningServer | null = null;
  let context: BrowserContext | null = null;
  const pageErrors: string[] = [];
  try {
    log('starting the server…');
    server = await startServer(dataDir);
    log(`server ready at ${server.baseUrl}`);
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: { width: 1440, height: 900 },
      locale: 'zh-CN',
    });
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (error) => pageErrors.push(`uncaught: ${error.message}`));
    page.on('console', (message) => {
      // The CSP forbids inline scripts and foreign assets: a violation is a bug of the build.
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) pageErrors.push(`CSP: ${message.text()}`);
    });

    const baseUrl = server.baseUrl;
    await step(page, 'a-portal', () => portalStep(page, baseUrl));
    await step(page, 'b-steward-workbench', () => stewardStep(page, baseUrl));
    await step(page, 'c-admin-console', () => adminStep(page, baseUrl));
    if (pageErrors.length > 0) throw new SmokeFailure(`the page reported errors:\n  ${pageErrors.join('\n  ')}`);
    log('PASS: portal, steward workbench (pending items, notifications) and admin console (pending items, on-time rate)');
  } catch (error) {
    process.exitCode = 1;
    log(`FAIL: ${error instanceof Error ? error.message : String(error)}`);
    if (server && !(error instanceof SmokeFailure && error.message.includes('server'))) {
      log(`last server output:\n${server.output().split('\n').slice(-15).join('\n')}`);
    }
  } finally {
    await context?.close().catch(() => undefined);
    await stopServer(server).catch(() => undefined);
    await rm(dataDir, { recursive: true, force: true }).catch(() => undefined);
    await rm(profileDir, { recursive: true, force: true }).catch(() => undefined);
  }
}

await main();
