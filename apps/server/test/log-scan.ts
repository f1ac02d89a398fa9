/**
 * No personal data in logs (issue 8 item 8, R29.1): every app the harness builds writes its logs
 * at level info to a file per worker process in one folder per test run; after all test files the
 * global teardown scans those files for the demo citizens' ID numbers, names and phone numbers,
 * the demo password, the session tokens and CSRF tokens the harness handed out, API keys and
 * password fields, and fails the run naming file and line.
 */
import { createReadStream } from 'node:fs';
import { appendFileSync, closeSync, openSync, writeSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { DEMO_PASSWORD } from '../src/modules/seed/demo-city.js';
import { DEMO_CITIZEN_COUNT } from '../src/modules/seed/seed.service.js';
import { generatePeople } from '../src/modules/seed/synthetic-people.js';

/** Files of the run's log folder: `*.log` are app logs, `*.tokens` the secrets handed out by the harness. */
export const LOG_SUFFIX = '.log';
export const TOKENS_SUFFIX = '.tokens';

export interface Needle {
  /** What it is, for the failure message (never the value itself). */
  readonly label: string;
  readonly value: string;
}

export interface Finding {
  readonly file: string;
  readonly line: number;
  readonly label: string;
}

/** The demo city's personal data and shared secret: the registered citizens (seed.service.ts) and the demo password. */
export function demoSecrets(): Needle[] {
  const needles: Needle[] = [{ label: 'the demo password', value: DEMO_PASSWORD }];
  for (const [i, person] of generatePeople(DEMO_CITIZEN_COUNT).entries()) {
    needles.push({ label: `demo citizen ${i} ID number`, value: person.citizenId });
    needles.push({ label: `demo citizen ${i} name`, value: person.name });
    needles.push({ label: `demo citizen ${i} phone`, value: person.phone });
  }
  return needles;
}

/** Shapes that are secrets whatever their value: API keys, and password fields of a logged body. */
const PATTERNS: readonly { label: string; pattern: RegExp }[] = [
  { label: 'an API key', pattern: /gsk_[A-Za-z0-9_-]{20,}/ },
  { label: 'a password field', pattern: /"(?:password|newPassword|currentPassword)"\s*:\s*"/ },
  { label: 'a cookie header', pattern: /"cookie"\s*:\s*"(?!\[Redacted\])/i },
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Numbers (ID numbers, phones) only count as whole numbers: not as digits inside a timestamp. */
const alone = (s: string) => (/^[0-9X]+$/.test(s) ? `(?<![0-9])${escape(s)}(?![0-9X])` : escape(s));

/** Scans every `*.log` file of the folder line by line; tokens recorded in `*.tokens` files are needles too. */
export async function scanLogFolder(dir: string, extra: readonly Needle[] = demoSecrets()): Promise<Finding[]> {
  const names = (await readdir(dir)).sort();
  const needles = [...extra];
  for (const name of names.filter((n) => n.endsWith(TOKENS_SUFFIX))) {
    for await (const token of lines(path.join(dir, name)))
      if (token.length >= 16) needles.push({ label: 'a session or CSRF token', value: token });
  }
  const byValue = new Map(needles.filter((n) => n.value.length > 0).map((n) => [n.value, n.label]));
  const any = byValue.size > 0 ? new RegExp([...byValue.keys()].map(alone).join('|'), 'g') : null;
  const findings: Finding[] = [];
  for (const name of names.filter((n) => n.endsWith(LOG_SUFFIX))) {
    const file = path.join(dir, name);
    let number = 0;
    for await (const text of lines(file)) {
      number++;
      for (const match of any ? text.matchAll(any) : []) findings.push({ file, line: number, label: byValue.get(match[0]) ?? 'a secret' });
      for (const { label, pattern } of PATTERNS) if (pattern.test(text)) findings.push({ file, line: number, label });
    }
  }
  return findings;
}

async function* lines(file: string): AsyncGenerator<string> {
  yield* createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
}

export function describeFindings(findings: readonly Finding[], limit = 20): string {
  const shown = findings.slice(0, limit).map((f) => `  ${f.file}:${f.line}: ${f.label}`);
  const more = findings.length > limit ? [`  … and ${findings.length - limit} more`] : [];
  return [`personal data or secrets in the test logs (${findings.length}):`, ...shown, ...more].join('\n');
}

/**
 * A log destination appending synchronously to `<dir>/<worker>.log` (nothing is lost when the
 * worker process ends), and a recorder of tokens handed out, one per line in `<dir>/<worker>.tokens`.
 */
export function workerLogFiles(dir: string): { stream: Writable; recordToken(token: string): void } {
  const worker = `worker-${process.env.VITEST_POOL_ID ?? '0'}-${process.pid}`;
  const logFile = path.join(dir, worker + LOG_SUFFIX);
  const tokensFile = path.join(dir, worker + TOKENS_SUFFIX);
  let fd: number | null = null;
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      try {
        fd ??= openSync(logFile, 'a');
        writeSync(fd, chunk);
        done();
      } catch (error) {
        done(error as Error);
      }
    },
    final(done) {
      if (fd !== null) closeSync(fd);
      fd = null;
      done();
    },
  });
  return { stream, recordToken: (token) => appendFileSync(tokensFile, `${token}\n`) };
}
