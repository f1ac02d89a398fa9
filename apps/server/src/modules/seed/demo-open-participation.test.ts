/** The demo participation seed: objections in every state and showcase works, through the real services. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, testClock, type Harness } from '../../../test/harness.js';
import { publishOpenCatalog } from '../ckan/open-catalog.fixtures.js';
import { seedDemoOpenParticipation } from './demo-open-participation.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ clock: testClock('2026-06-15T09:00:00+08:00') });
  await publishOpenCatalog(h);
}, 120_000);
afterAll(async () => h.close());

describe('demo open participation', () => {
  it('seeds answered, open and overdue objections and approved, pending and rejected works, once', async () => {
    expect(await seedDemoOpenParticipation(h.services)).toEqual({ objections: 6, works: 7 });
    const list = await h.services.openParticipation.objections.listPublic({});
    expect(list.total).toBe(6);
    expect(list.items.filter((o) => o.state === 'answered')).toHaveLength(3);
    expect(list.items.some((o) => o.state === 'open' && o.overdue)).toBe(true);
    expect(list.items.some((o) => o.state === 'answered' && o.overdue)).toBe(true);
    const gallery = await h.services.openParticipation.showcase.gallery({});
    expect(gallery.total).toBe(4);
    expect(gallery.kinds.every((k) => k.count === 1)).toBe(true);
    const states = await h.db.selectFrom('showcase_items').select('state').execute();
    expect(states.filter((s) => s.state === 'pending')).toHaveLength(2);
    expect(states.filter((s) => s.state === 'rejected')).toHaveLength(1);
    expect(await seedDemoOpenParticipation(h.services)).toEqual({ objections: 0, works: 0 });
  });
});
