/**
 * The open API's limits (R19.1): fixed one-minute windows, a quota per China day kept in
 * api_key_daily_usage by batched upserts that two processes on one database add up.
 */
import { DomainError } from '@gongshu/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, testClock, type Harness } from '../../../test/harness.js';
import { keyOf } from './open-data.fixtures.js';
import { chinaDay, createOpenLimits, secondsToChinaMidnight } from './open-limits.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
}, 60_000);
afterAll(async () => h.close());

async function refusal(p: Promise<void>): Promise<{ code: string; retryAfterSeconds: unknown }> {
  try {
    await p;
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, retryAfterSeconds: error.refusal.details?.retryAfterSeconds };
    throw error;
  }
  throw new Error('not refused');
}

describe('open API limits', () => {
  it('China days and the seconds to midnight', () => {
    expect(chinaDay(new Date('2026-03-02T15:59:59Z'))).toBe('2026-03-02');
    expect(chinaDay(new Date('2026-03-02T16:00:00Z'))).toBe('2026-03-03');
    expect(secondsToChinaMidnight(new Date('2026-03-02T15:59:00Z'))).toBe(60);
  });

  it('a rate per minute per subject, with the seconds left in the window', async () => {
    const clock = testClock('2026-03-02T09:00:45+08:00');
    const limits = createOpenLimits({ db: h.db, clock, ratePerMinute: 2, dailyQuota: 100 });
    const ip = { kind: 'ip', id: '10.0.0.1' } as const;
    await limits.admit(ip);
    await limits.admit(ip);
    expect(await refusal(limits.admit(ip))).toEqual({ code: 'OPEN_RATE_LIMITED', retryAfterSeconds: 15 });
    // Another subject has its own window; the next minute starts over.
    await limits.admit({ kind: 'ip', id: '10.0.0.2' });
    clock.advance(15_000);
    await limits.admit(ip);
  });

  it('two processes add up their calls of a key in the database and share the quota', async () => {
    const key = await keyOf(h, 'citizen04');
    const clock = testClock('2026-03-02T09:00:00+08:00');
    const a = createOpenLimits({ db: h.db, clock, ratePerMinute: 100, dailyQuota: 6 });
    const b = createOpenLimits({ db: h.db, clock, ratePerMinute: 100, dailyQuota: 6 });
    const subject = { kind: 'key', id: key.id } as const;
    for (let i = 0; i < 3; i++) await a.admit(subject);
    await a.flush();
    // b reads the day's count once (3), then counts in memory.
    for (let i = 0; i < 3; i++) await b.admit(subject);
    expect(await refusal(b.admit(subject))).toMatchObject({ code: 'OPEN_QUOTA_EXCEEDED' });
    await b.flush();
    const row = await h.db.selectFrom('api_key_daily_usage').select('calls').where('api_key_id', '=', key.id).executeTakeFirstOrThrow();
    expect(row.calls).toBe(6);
    // a learns the total at its next write.
    await a.admit(subject);
    await a.flush();
    expect(await refusal(a.admit(subject))).toMatchObject({ code: 'OPEN_QUOTA_EXCEEDED' });
  });
});
