/**
 * `npm run test:e2e`: every browser test, two at a time (E2E_CONCURRENCY), each against its own server. The
 * demo city is seeded once, into a template data folder, and every test starts its server on a copy
 * of it (E2E_TEMPLATE_DIR, harness.ts) instead of seeding its own: same data, a fraction of the time.
 * After a failing test no new one starts. One test alone: `node --import tsx e2e/<name>.e2e.ts`.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { logger, ROOT, startServer, stopServer } from './harness.js';

// Longest first, so the two lanes finish together.
const TESTS = ['share', 'open', 'data', 'security', 'catalog', 'smoke'];
const CONCURRENCY = Number(process.env.E2E_CONCURRENCY ?? 2);
const log = logger('e2e');

function run(name: string, template: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `e2e/${name}.e2e.ts`], {
      cwd: ROOT,
      env: { ...process.env, E2E_TEMPLATE_DIR: template },
      stdio: 'inherit',
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const template = await mkdtemp(path.join(os.tmpdir(), 'gongshu-e2e-template-'));
try {
  const started = Date.now();
  log('seeding the demo city into the template data folder…');
  // The server seeds an empty development data folder at its first start; stopping it leaves the folder closed.
  await stopServer(await startServer(template));
  log(`template ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  // Two at a time: a browser test mostly waits (on the browser, on the server), so two fill two cores.
  const queue = [...TESTS];
  const worker = async () => {
    for (let name = queue.shift(); name !== undefined && process.exitCode === undefined; name = queue.shift()) {
      const testStarted = Date.now();
      const code = await run(name, template);
      log(`${name}: ${code === 0 ? 'passed' : `FAILED (exit ${code})`} in ${((Date.now() - testStarted) / 1000).toFixed(1)} s`);
      if (code !== 0) process.exitCode = code;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  log(process.exitCode === undefined ? `all ${TESTS.length} passed in ${((Date.now() - started) / 1000).toFixed(1)} s` : 'FAILED');
} finally {
  await rm(template, { recursive: true, force: true });
}
