/**
 * Seeds the demo catalog through the real workflow: each agency's steward drafts and submits,
 * the bureau's reviewer approves (publication assigns resource codes and indexes the entry);
 * a few entries stay drafts or wait for review, and change requests wait too (issue 4, item 6).
 */
import { shanghaiDateOf } from '@gongshu/domain';
import { sql, type Kysely } from 'kysely';
import type { Clock } from '../../context.js';
import type { Database } from '../../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import { createCatalogService } from '../catalog/catalog.service.js';
import { createDeadlinesService } from '../deadlines/deadlines.service.js';
import { demoActors } from './demo-actors.js';
import { DEMO_CHANGE_REQUESTS, DEMO_RESOURCES } from './demo-catalog.js';

function justificationFor(state: string): string {
  return state === 'published'
    ? '本资源为本单位依法履职产生的数据，重合信息项用于业务关联核验，不另行采集。'
    : '本单位业务办理需实时核验，现有共享数据更新周期不能满足要求，拟在汇聚后改为调用共享接口。';
}

export async function seedDemoCatalog(deps: {
  db: Kysely<Database>;
  audit: AuditService;
  clock: Clock;
}): Promise<{ published: number; pending: number }> {
  const { db, audit, clock } = deps;
  const deadlines = createDeadlinesService({ db, audit, clock });
  const catalog = createCatalogService({ db, audit, clock, deadlines });
  const as = demoActors(db);
  const reviewer = await as('reviewer');
  let published = 0;
  let pending = 0;
  const byName = new Map<string, string>();
  // Published entries first, so drafts and submissions meet them in the R9.1 overlap check.
  const ordered = [...DEMO_RESOURCES].sort((a, b) => Number(b.state === 'published') - Number(a.state === 'published'));
  // Idempotent: entries an agency already has (by name) are skipped, so an interrupted seed resumes.
  const existing = new Set(
    (
      await db
        .selectFrom('catalog_versions as v')
        .innerJoin('catalog_resources as r', 'r.id', 'v.resource_id')
        .innerJoin('agencies as a', 'a.id', 'r.provider_agency_id')
        .select(['a.code', sql<string>`v.metadata->>'name'`.as('name')])
        .execute()
    ).map((r) => `${r.code}/${r.name}`),
  );
  for (const entry of ordered) {
    if (existing.has(`${entry.agency}/${entry.metadata.name}`)) continue;
    const steward = await as(`${entry.agency}-steward`);
    const draft = await catalog.createDraft(steward, {
      metadata: entry.metadata,
      // Demo justifications (R9.1): published entries repeat join keys and names of their own
      // duty data; pending ones are the overlapping cases the reviewer is meant to weigh.
      justification: justificationFor(entry.state),
    });
    if (entry.state === 'draft') {
      pending++;
      continue;
    }
    await catalog.submit(steward, [draft.id]);
    if (entry.state === 'submitted') {
      pending++;
      continue;
    }
    await catalog.approve(reviewer, draft.id, '形式审核通过');
    byName.set(entry.metadata.name, draft.resourceId);
    published++;
  }
  for (const change of DEMO_CHANGE_REQUESTS) {
    const resourceId = byName.get(change.resourceName);
    const entry = DEMO_RESOURCES.find((r) => r.metadata.name === change.resourceName);
    if (!resourceId || !entry) continue;
    const steward = await as(`${entry.agency}-steward`);
    const lawChangeDate = shanghaiDateOf(new Date(clock().getTime() - change.lawChangeDaysAgo * 86_400_000));
    const version = await catalog.startChange(steward, resourceId, change.changeReason, lawChangeDate);
    await catalog.updateDraft(steward, version.id, {
      metadata: change.edit(entry.metadata),
      justification: version.justification,
      changeReason: change.changeReason,
      lawChangeDate,
    });
    await catalog.submit(steward, [version.id]);
    pending++;
  }
  return { published, pending };
}
