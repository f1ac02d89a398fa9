/**
 * Limits of the open-data query API (R19.1; issue 7 item 2): a rate per minute (fixed one-minute
 * windows, in process) and a quota per China day. Daily calls of an API key are persisted in
 * api_key_daily_usage, but not one write per call: a process reads a key's count for the day once,
 * counts in memory and adds what it counted in one upsert per flush (every FLUSH_MS, or idle()).
 * The upsert returns the table's total, so processes sharing a database see each other's calls at
 * the next flush; together they may overshoot a quota by the calls of one flush interval. Callers
 * without a key (a signed-in session, an anonymous address on CKAN datastore_search) are limited
 * in process only.
 */
import { fail } from '@gongshu/domain';
import { sql } from 'kysely';
import type { Clock } from '../../context.js';
import type { Executor } from '../../db/executor.js';

/** How long counted calls wait before they are written together. */
export const FLUSH_MS = 1000;
/** Beyond this many tracked callers the in-process maps start over (a flood of addresses must not grow memory). */
const MAX_TRACKED = 100_000;
const CHINA_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 24 * 3600_000;

/** Who is counted: an API key (persisted daily count), a signed-in user or an address (in process). */
export type LimitSubject = { kind: 'key'; id: string } | { kind: 'user'; id: string } | { kind: 'ip'; id: string };

/** The China (UTC+8) calendar day of an instant, YYYY-MM-DD. */
export function chinaDay(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** Seconds until the next China midnight (at least 1). */
export function secondsToChinaMidnight(at: Date): number {
  const local = at.getTime() + CHINA_OFFSET_MS;
  return Math.max(1, Math.ceil((DAY_MS - (local % DAY_MS)) / 1000));
}

export interface OpenLimits {
  /** Counts one call, or refuses it with OPEN_RATE_LIMITED / OPEN_QUOTA_EXCEEDED (details.retryAfterSeconds). */
  admit(subject: LimitSubject, options?: { quota?: boolean }): Promise<void>;
  /** Writes the counted calls now. */
  flush(): Promise<void>;
}

export function createOpenLimits(deps: {
  db: Executor;
  clock: Clock;
  ratePerMinute: number;
  dailyQuota: number;
  onError?: (error: unknown) => void;
}): OpenLimits {
  const { db, clock } = deps;
  const windows = new Map<string, { start: number; count: number }>();
  /** Calls per subject and day: used so far (persisted + counted here), and the load of the persisted count. */
  const days = new Map<string, { day: string; used: number; ready: Promise<void> }>();
  /** Calls of API keys counted but not yet written, by key and day. */
  let pending = new Map<string, { keyId: string; day: string; calls: number }>();
  let timer: NodeJS.Timeout | null = null;
  let writing: Promise<void> = Promise.resolve();

  function rate(name: string, now: Date): void {
    const minute = Math.floor(now.getTime() / 60_000) * 60_000;
    let w = windows.get(name);
    if (!w || w.start !== minute) {
      if (windows.size >= MAX_TRACKED) windows.clear();
      w = { start: minute, count: 0 };
      windows.set(name, w);
    }
    if (w.count >= deps.ratePerMinute) {
      const retryAfterSeconds = Math.max(1, Math.ceil((minute + 60_000 - now.getTime()) / 1000));
      fail('OPEN_RATE_LIMITED', { details: { retryAfterSeconds, limitPerMinute: deps.ratePerMinute } });
    }
    w.count++;
  }

  function usage(subject: LimitSubject, day: string) {
    const name = `${subject.kind}:${subject.id}`;
    const known = days.get(name);
    if (known && known.day === day) return known;
    if (days.size >= MAX_TRACKED) days.clear();
    const entry = { day, used: 0, ready: Promise.resolve() };
    if (subject.kind === 'key') {
      entry.ready = db
        .selectFrom('api_key_daily_usage')
        .select('calls')
        .where('api_key_id', '=', subject.id)
        .where('day', '=', day)
        .executeTakeFirst()
        .then((row) => {
          entry.used += row?.calls ?? 0;
        });
    }
    days.set(name, entry);
    return entry;
  }

  function schedule(): void {
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      void flush().catch((error: unknown) => deps.onError?.(error));
    }, FLUSH_MS);
    timer.unref();
  }

  async function write(batch: Map<string, { keyId: string; day: string; calls: number }>): Promise<void> {
    if (batch.size === 0) return;
    const rows = [...batch.values()];
    const written = await db
      .insertInto('api_key_daily_usage')
      .values(rows.map((r) => ({ api_key_id: r.keyId, day: r.day, calls: r.calls })))
      .onConflict((oc) => oc.columns(['api_key_id', 'day']).doUpdateSet({ calls: sql`api_key_daily_usage.calls + excluded.calls` }))
      .returning(['api_key_id', 'day', 'calls'])
      .execute();
    for (const row of written) {
      const entry = days.get(`key:${row.api_key_id}`);
      // Other processes' calls of the day become visible here.
      if (entry && entry.day === row.day) entry.used = Math.max(entry.used, row.calls);
    }
  }

  function flush(): Promise<void> {
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    const batch = pending;
    pending = new Map();
    writing = writing.then(() => write(batch));
    return writing;
  }

  return {
    async admit(subject, options = {}) {
      const now = clock();
      rate(`${subject.kind}:${subject.id}`, now);
      if (options.quota === false || subject.kind === 'ip') return;
      const day = chinaDay(now);
      const entry = usage(subject, day);
      await entry.ready;
      if (entry.used >= deps.dailyQuota) {
        fail('OPEN_QUOTA_EXCEEDED', { details: { retryAfterSeconds: secondsToChinaMidnight(now), dailyQuota: deps.dailyQuota } });
      }
      entry.used++;
      if (subject.kind === 'key') {
        const name = `${subject.id}:${day}`;
        const p = pending.get(name);
        if (p) p.calls++;
        else pending.set(name, { keyId: subject.id, day, calls: 1 });
        schedule();
      }
    },
    flush,
  };
}
