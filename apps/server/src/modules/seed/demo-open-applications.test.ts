/** The demo open-data applications (issue 7 items 4–6): every state, the citizen's grant with a report due soon, a suspension. */
import type { OpenGrant, OpenPublicDemand } from '@gongshu/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';
import { demoActors } from './demo-actors.js';
import { seedDemoCatalog } from './demo-catalog-seed.js';
import { seedDemoOpenApplications } from './demo-open-applications.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  await seedDemoCatalog(h.services);
}, 180_000);
afterAll(async () => h.close());

describe('demo open-data applications', () => {
  it('seeds applications and demands in every state, through the real services, once', { timeout: 120_000 }, async () => {
    expect(await seedDemoOpenApplications(h.services)).toBeGreaterThanOrEqual(10);
    const rows = await h.db.selectFrom('open_applications').select(['route', 'state']).execute();
    expect(new Set(rows.filter((r) => r.route === 'conditional').map((r) => r.state))).toEqual(
      new Set(['formal_review', 'provider_review', 'granted', 'rejected', 'withdrawn']),
    );
    expect(new Set(rows.filter((r) => r.route === 'demand').map((r) => r.state))).toEqual(
      new Set(['formal_review', 'provider_answer', 'answered', 'rejected']),
    );
    expect(await seedDemoOpenApplications(h.services)).toBe(0);
    expect((await h.services.audit.verify(h.db)).ok).toBe(true);
  });

  it('gives the demo citizen an active grant with a report due soon, and suspends one for an overdue report', async () => {
    const as = demoActors(h.db);
    const [mine] = await h.services.openGrants.list(await as('citizen'), 'mine');
    expect(mine).toMatchObject({ status: 'active', reports: [expect.objectContaining({ status: 'due', remindedAt: expect.any(String) })] });
    const [company] = await h.services.openGrants.list(await as('company'), 'mine');
    expect(company).toMatchObject<Partial<OpenGrant>>({ state: 'suspended', suspendedForReport: true });
    const demands: OpenPublicDemand[] = await h.services.openApplications.publicDemands();
    expect(demands.some((d) => d.answer?.willOpen === true)).toBe(true);
    expect(demands.some((d) => d.answer?.willOpen === false)).toBe(true);
  });
});
