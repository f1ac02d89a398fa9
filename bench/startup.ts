/**
 * Start-up benchmark (issue 2: "npm start serves the portal with the demo city in under 60 s").
 * Measures, on a fresh data folder, the time from spawning the server to a healthy /api/health and
 * a portal summary with the demo city; then the same on restart with the data in place.
 * Run: node --import tsx bench/startup.ts   (the web build is not included: ~3 s, see docs/benchmarks.md)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function timeToReady(dataDir: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['apps/server/bin/gongshu.js', 'serve'], {
    env: { ...process.env, GONGSHU_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', GONGSHU_SWEEP_SECONDS: '0' },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/portal/summary`);
        if (res.ok && ((await res.json()) as { agencies: number }).agencies > 0) return (performance.now() - started) / 1000;
      } catch {
        // not listening yet
      }
      if (performance.now() - started > 120_000) throw new Error('server did not become ready in 120 s');
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

const dir = mkdtempSync(path.join(tmpdir(), 'gongshu-bench-'));
try {
  const fresh = await timeToReady(dir);
  const restart = await timeToReady(dir);
  console.log(
    JSON.stringify({ benchmark: 'startup', freshDemoCitySeconds: Number(fresh.toFixed(2)), restartSeconds: Number(restart.toFixed(2)) }),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
