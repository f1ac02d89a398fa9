/** The demo derivatives (issue 7 item 9, R18.4): one published after a passing check, one draft whose check fails. */
import type { FieldSpec, ResourceMetadata } from '@gongshu/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';
import { person } from '../aggregation/aggregation.fixtures.js';
import { demoActors } from './demo-actors.js';
import { seedDemoCatalog } from './demo-catalog-seed.js';
import { seedDemoOpenDerivatives } from './demo-open-derivatives.js';
import { seededRandom } from './synthetic-people.js';

let h: Harness;

/** Synthetic rows like the demo data's (dates 2015–2025, amounts 0–10,000), for the one resource the seed uses. */
function recordsOf(fields: readonly FieldSpec[], n: number): Record<string, unknown>[] {
  const random = seededRandom(7);
  const pad = (x: number) => String(x).padStart(2, '0');
  return Array.from({ length: n }, (_, i) =>
    Object.fromEntries(
      fields.map((f) => {
        if (f.identifierRole === 'citizen_id') return [f.code, person(i)];
        if (f.dataType === 'date')
          return [
            f.code,
            `${2015 + Math.floor(random() * 11)}-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}`,
          ];
        if (f.dataType === 'decimal') return [f.code, (random() * 10000).toFixed(2)];
        return [f.code, `${f.code.toUpperCase()}${i}`.slice(0, f.length ?? 20)];
      }),
    ),
  );
}

beforeAll(async () => {
  h = await createHarness();
  await seedDemoCatalog(h.services);
  const resource = await h.db
    .selectFrom('catalog_resources as r')
    .innerJoin('catalog_versions as v', 'v.id', 'r.current_version_id')
    .select(['r.id', 'v.metadata'])
    .where(sql<boolean>`v.metadata->>'name' = '住院病案首页'`)
    .executeTakeFirstOrThrow();
  const steward = await demoActors(h.db)('hospital-steward');
  if (steward.actor.kind !== 'user') throw new Error('no steward');
  const records = recordsOf((resource.metadata as ResourceMetadata).fields, 2000);
  await h.services.loads.push(steward, steward.actor, resource.id, { idempotencyKey: 'demo-derivatives-test', mode: 'replace', records });
  await h.services.loads.idle();
}, 180_000);
afterAll(async () => h.close());

describe('demo derivatives', () => {
  it('publishes one after a passing check and leaves a draft whose check fails, once', { timeout: 60_000 }, async () => {
    expect(await seedDemoOpenDerivatives(h.services)).toBe(2);
    const reviewer = await demoActors(h.db)('reviewer');
    const list = await h.services.derivatives.listManaged(reviewer);
    expect(list.map((d) => [d.state, d.check?.passed])).toEqual(
      expect.arrayContaining([
        ['published', true],
        ['draft', false],
      ]),
    );
    expect((await h.services.derivatives.listPublic()).length).toBe(1);
    expect(await seedDemoOpenDerivatives(h.services)).toBe(0);
  });
});
