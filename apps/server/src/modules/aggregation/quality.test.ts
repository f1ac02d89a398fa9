/**
 * Quality and timeliness (R11.1, R12.1): the reference rule, the freshness column, and the
 * timeliness sweep that flags overdue data once per lapse and notifies the provider.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, testClock, type Harness } from '../../../test/harness.js';
import { demoActors } from '../seed/demo-actors.js';
import { csvOf, goodRows, person, publishResource, tempFile } from './aggregation.fixtures.js';
import { ALLOWED_AGE_DAYS, timelinessOf } from './quality.js';

const clock = testClock('2026-03-02T10:00:00+08:00');
let h: Harness;
let people: Awaited<ReturnType<typeof publishResource>>;
let steward: Awaited<ReturnType<ReturnType<typeof demoActors>>>;

beforeAll(async () => {
  h = await createHarness({ clock });
  people = await publishResource(h);
  steward = await demoActors(h.db)('hrss-steward');
  const first = await h.services.loads.loadFile(steward, people.resourceId, await tempFile('people.csv', csvOf(goodRows(5))), {
    mode: 'replace',
    format: 'csv',
  });
  expect(first.state).toBe('loaded');
  await h.services.loads.idle();
});
afterAll(async () => h.close());

describe('timeliness (R11.1)', () => {
  it('scores 1 within the allowed age and falls to 0 at twice it', () => {
    expect(ALLOWED_AGE_DAYS.daily).toBe(2);
    expect(timelinessOf(1, 'daily')).toEqual({ timeliness: 1, overdue: false });
    expect(timelinessOf(3, 'daily')).toEqual({ timeliness: 0.5, overdue: true });
    expect(timelinessOf(10, 'daily')).toEqual({ timeliness: 0, overdue: true });
    expect(timelinessOf(1000, 'irregular')).toEqual({ timeliness: 1, overdue: false });
  });

  it('flags data older than its update frequency once, notifies the steward, and again after the next lapse', async () => {
    expect(await h.services.loads.sweepTimeliness()).toBe(0);
    clock.advance(3 * 86_400_000);
    const flagged = await h.services.loads.sweepTimeliness();
    expect(flagged).toBeGreaterThanOrEqual(1);
    const mine = await h.db
      .selectFrom('resource_tables')
      .select('overdue_notified_at')
      .where('resource_id', '=', people.resourceId)
      .executeTakeFirstOrThrow();
    expect(mine.overdue_notified_at).not.toBeNull();
    expect(await h.services.loads.sweepTimeliness()).toBe(0);
    const notes = await h.db
      .selectFrom('notifications')
      .innerJoin('users', 'users.id', 'notifications.user_id')
      .select('notifications.title_zh')
      .where('users.username', '=', 'hrss-steward')
      .where('notifications.kind', '=', 'data.overdue')
      .execute();
    expect(notes.some((n) => n.title_zh.includes('数据更新超期'))).toBe(true);
    const quality = await h.services.dataQuality.quality(steward.actor as never, people.resourceId);
    expect(quality.current).toMatchObject({ overdue: true, timeliness: 0.5 });

    clock.advance(60_000);
    steward = await demoActors(h.db)('hrss-steward');
    await h.services.loads.loadFile(steward, people.resourceId, await tempFile('fresh.csv', csvOf(goodRows(5))), {
      mode: 'replace',
      format: 'csv',
    });
    await h.services.loads.idle();
    expect((await h.services.dataQuality.quality(steward.actor as never, people.resourceId)).current).toMatchObject({
      overdue: false,
      timeliness: 1,
    });
    clock.advance(3 * 86_400_000);
    expect(await h.services.loads.sweepTimeliness()).toBeGreaterThanOrEqual(1);
  });

  it('counts age from the newest value of the freshness column when one is named (R12.1)', async () => {
    await h.services.dataQuality.setQuality(steward, steward.actor as never, people.resourceId, {
      ownerUserId: null,
      policy: 'quarantine',
      threshold: 0,
      rules: { freshnessColumn: 'dj' },
    });
    // Every row's registration time (dj) is in early March 2026; the clock is now mid-March.
    await h.services.loads.loadFile(steward, people.resourceId, await tempFile('dated.csv', csvOf(goodRows(5))), {
      mode: 'replace',
      format: 'csv',
    });
    await h.services.loads.idle();
    expect((await h.services.dataQuality.quality(steward.actor as never, people.resourceId)).current).toMatchObject({ overdue: true });
  });
});

describe('the reference rule (R12.1)', () => {
  it('keeps rows whose identifier is missing from the referenced resource as problem rows', async () => {
    const other = await publishResource(h, 'civil');
    const civil = await demoActors(h.db)('civil-steward');
    await h.services.dataQuality.setQuality(civil, civil.actor as never, other.resourceId, {
      ownerUserId: null,
      policy: 'quarantine',
      threshold: 0,
      rules: { references: [{ column: 'sfzh', resourceCode: people.code, targetColumn: 'sfzh' }] },
    });
    const rows = [...goodRows(2), `${person(999)},外来人员,1980-01-01,100,2026-03-01 10:00`];
    const batch = await h.services.loads.loadFile(civil, other.resourceId, await tempFile('ref.csv', csvOf(rows)), {
      mode: 'replace',
      format: 'csv',
    });
    expect(batch).toMatchObject({ state: 'loaded', rows_loaded: 2, rows_quarantined: 1 });
    const problems = await h.db.selectFrom('data_problems').select(['row_number', 'problems']).where('batch_id', '=', batch.id).execute();
    expect(problems).toEqual([
      { row_number: 4, problems: [expect.objectContaining({ column: 'sfzh', rule: 'reference', requirement: 'R12.1' })] },
    ]);
  });

  it('refuses a rule that names a resource or field that does not exist', async () => {
    await expect(
      h.services.dataQuality.setQuality(steward, steward.actor as never, people.resourceId, {
        ownerUserId: null,
        policy: 'quarantine',
        threshold: 0,
        rules: { references: [{ column: 'sfzh', resourceCode: '999999/000001', targetColumn: 'sfzh' }] },
      }),
    ).rejects.toMatchObject({ refusal: { code: 'VALIDATION_FAILED', field: 'rules.references' } });
  });
});
