/**
 * The platform a benchmark runs on: services on a scratch database, migrated, the demo city
 * seeded, and one resource of hrss with the given fields published through the real workflow.
 */
import type { FieldSpec, ResourceMetadata } from '@gongshu/domain';
import { tmpdir } from 'node:os';
import { buildMetadata } from '../packages/domain/src/catalog/catalog.fixtures.js';
import { loadConfig } from '../apps/server/src/config.js';
import { systemClock, systemContext, type RequestContext } from '../apps/server/src/context.js';
import type { Db } from '../apps/server/src/db/connect.js';
import { demoActors } from '../apps/server/src/modules/seed/demo-actors.js';
import { seedDemoCity } from '../apps/server/src/modules/seed/seed.service.js';
import { prepareDatabase } from '../apps/server/src/setup.js';
import { createServices, type Services } from '../apps/server/src/services.js';

export async function platformWithResource(
  db: Db,
  name: string,
  fields: readonly FieldSpec[],
  /** Other attributes of the resource (e.g. its open type). */
  overrides: Partial<ResourceMetadata> = {},
): Promise<{ services: Services; steward: RequestContext; resourceId: string }> {
  const services = createServices(db, loadConfig({ NODE_ENV: 'test', GONGSHU_DATA_DIR: tmpdir() }), systemClock);
  await prepareDatabase(db, services);
  await seedDemoCity(services, systemContext());
  const as = demoActors(db.kysely);
  const steward = await as('hrss-steward');
  const draft = await services.catalog.createDraft(steward, {
    metadata: buildMetadata({ ...overrides, name, fields: [...fields] }),
    justification: '基准测试',
  });
  await services.catalog.submit(steward, [draft.id]);
  await services.catalog.approve(await as('reviewer'), draft.id, null);
  return { services, steward, resourceId: draft.resourceId };
}
