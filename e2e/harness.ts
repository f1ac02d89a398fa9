/**
 * What every browser test of the built web app needs: a real server on a free port with a fresh
 * data folder (the demo city seeded), Debian's chromium through playwright-core, named steps that
 * leave a screenshot when they fail, sign-in, and an axe-core check that fails on serious or
 * critical violations. Each test stops the server and the browser whatever happens.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const RESULTS = path.join(ROOT, 'test-results');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const PASSWORD = 'Gongshu@2026';
const STARTUP_TIMEOUT_MS = 180_000;

export class E2eFailure extends Error {
  override name = 'E2eFailure';
}

export type Log = (message: string) => void;

export function logger(prefix: string): Log {
  return (message) => process.stdout.write(`[${prefix}] ${message}\n`);
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

export interface RunningServer {
  readonly baseUrl: string;
  readonly process: ChildProcess;
  readonly output: () => string;
}

export async function startServer(dataDir: string): Promise<RunningServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let output = '';
  const child = spawn(process.execPath, ['apps/server/dist/gongshu.mjs', 'serve'], {
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
    if (child.exitCode !== null) throw new E2eFailure(`the server exited with code ${child.exitCode} before it was ready:\n${output}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return server;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new E2eFailure(`the server did not answer /api/health within ${STARTUP_TIMEOUT_MS / 1000} s:\n${output}`);
}

export async function stopServer(server: RunningServer | null): Promise<void> {
  if (!server || server.process.exitCode !== null || server.process.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => server.process.once('exit', () => resolve()));
  server.process.kill('SIGTERM');
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 10_000));
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    server.process.kill('SIGKILL');
    await exited;
  }
}

export interface Harness {
  readonly log: Log;
  readonly screenshot: (page: Page, name: string, fullPage?: boolean) => Promise<void>;
  /** Runs one step; on failure saves a screenshot and rethrows with the step's name. */
  readonly step: (page: Page, name: string, body: () => Promise<void>) => Promise<void>;
  /** Runs axe-core on the page as it is; fails on serious or critical violations, lists the rest. */
  readonly checkAxe: (page: Page) => Promise<void>;
}

export function harness(log: Log): Harness {
  const screenshot = async (page: Page, name: string, fullPage = true) => {
    const file = path.join(RESULTS, `${name}.png`);
    await page.screenshot({ path: file, fullPage });
    log(`  screenshot ${path.relative(ROOT, file)}`);
  };
  return {
    log,
    screenshot,
    step: async (page, name, body) => {
      log(`step ${name}`);
      try {
        await body();
      } catch (error) {
        await screenshot(page, `${name}-FAILED`).catch(() => undefined);
        const reason = error instanceof Error ? error.message : String(error);
        throw new E2eFailure(`step "${name}" failed: ${reason}`);
      }
    },
    checkAxe: async (page) => {
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
      const minor = results.violations.filter((violation) => !serious.includes(violation));
      log(`  axe: ${results.passes.length} rules passed, ${serious.length} serious/critical, ${minor.length} minor/moderate violations`);
      for (const violation of [...serious, ...minor]) {
        log(`    [${violation.impact ?? 'unknown'}] ${violation.id}: ${violation.help}`);
        for (const node of violation.nodes.slice(0, 5)) log(`      ${node.target.join(' ')}`);
      }
      if (serious.length > 0) throw new Error(`axe found ${serious.length} serious or critical violations (listed above)`);
    },
  };
}

export async function expectHeading(page: Page, text: string): Promise<void> {
  const heading = page.getByTestId('page-heading');
  await heading.filter({ hasText: text }).waitFor({ state: 'visible' });
}

export async function signIn(page: Page, username: string): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('sign-out').click();
  await page.waitForURL((url) => url.pathname === '/login');
}

export interface Session {
  readonly baseUrl: string;
  readonly page: Page;
  /** Uncaught page errors and CSP violations seen so far. */
  readonly pageErrors: readonly string[];
}

/**
 * Runs a test body against a fresh server and browser: checks the build and chromium are there,
 * starts both, hands over the page, and always cleans up. Sets a failing exit code on failure.
 * The server gets a new data folder, seeded at start, or a copy of E2E_TEMPLATE_DIR (run-all.ts).
 * E2E_BASE_URL=http://127.0.0.1:8094 runs against a server already running (its data changes).
 */
export async function runE2e(log: Log, body: (session: Session) => Promise<void>): Promise<void> {
  if (!existsSync(path.join(ROOT, 'apps/web/dist/index.html'))) {
    throw new E2eFailure('apps/web/dist is missing: run `npm run build -w @gongshu/web` first');
  }
  if (!existsSync(CHROMIUM)) throw new E2eFailure(`no chromium at ${CHROMIUM}: apt-get install -y chromium fonts-noto-cjk`);
  await mkdir(RESULTS, { recursive: true });
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'gongshu-e2e-data-'));
  // run-all.ts seeds the demo city once and hands each test a copy of that data folder.
  const template = process.env.E2E_TEMPLATE_DIR;
  if (template) await cp(template, dataDir, { recursive: true });
  const profileDir = await mkdtemp(path.join(os.tmpdir(), 'gongshu-e2e-browser-'));
  let server: RunningServer | null = null;
  let context: BrowserContext | null = null;
  const pageErrors: string[] = [];
  try {
    const given = process.env.E2E_BASE_URL;
    if (!given) {
      log(template ? 'starting the server on a copy of the seeded data folder…' : 'starting the server (seeding the demo city)…');
      const started = Date.now();
      server = await startServer(dataDir);
      log(`server ready at ${server.baseUrl} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    const baseUrl = given ?? server?.baseUrl ?? '';
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
    await body({ baseUrl, page, pageErrors });
    if (pageErrors.length > 0) throw new E2eFailure(`the page reported errors:\n  ${pageErrors.join('\n  ')}`);
  } catch (error) {
    process.exitCode = 1;
    log(`FAIL: ${error instanceof Error ? error.message : String(error)}`);
    if (server && !(error instanceof E2eFailure && error.message.includes('server'))) {
      log(`last server output:\n${server.output().split('\n').slice(-15).join('\n')}`);
    }
  } finally {
    await context?.close().catch(() => undefined);
    await stopServer(server).catch(() => undefined);
    await rm(dataDir, { recursive: true, force: true }).catch(() => undefined);
    await rm(profileDir, { recursive: true, force: true }).catch(() => undefined);
  }
}
