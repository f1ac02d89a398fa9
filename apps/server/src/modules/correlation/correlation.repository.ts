/** Reads and writes of correlation checks and assessments (R31.1). */
import type { CorrelationResource, ResourceMetadata } from '@gongshu/domain';
import { sql } from 'kysely';
import type { Executor } from '../../db/executor.js';

function asResource(
  row: { id: string; code: string | null; metadata: unknown; provider_name: string },
  fields: readonly string[] | null,
  grantNumbers: readonly string[],
): CorrelationResource {
  const m = row.metadata as ResourceMetadata;
  return {
    resourceId: row.id,
    code: row.code,
    name: m.name,
    providerName: row.provider_name,
    securityLevel: Number(m.securityLevel),
    fields: m.fields
      .filter((f) => fields === null || fields.includes(f.code))
      .map((f) => ({ code: f.code, name: f.name, identifierRole: f.identifierRole, sensitivity: f.sensitivity })),
    grantNumbers,
  };
}

/** The resource of a request with the fields asked (or approved), as the check sees it. */
export async function requestedResource(db: Executor, resourceId: string, fields: readonly string[]): Promise<CorrelationResource | null> {
  const row = await db
    .selectFrom('catalog_resources as r')
    .innerJoin('catalog_versions as v', 'v.id', 'r.current_version_id')
    .innerJoin('agencies as a', 'a.id', 'r.provider_agency_id')
    .select(['r.id', 'r.code', 'v.metadata', 'a.name as provider_name'])
    .where('r.id', '=', resourceId)
    .executeTakeFirst();
  return row ? asResource(row, fields, []) : null;
}

/**
 * What the consumer holds: grants in force (active or suspended, not yet ended; a suspended grant
 * may resume), each with its granted fields, against the resource's current catalog version.
 */
export async function heldResources(db: Executor, consumerAgencyId: string, now: Date): Promise<CorrelationResource[]> {
  const rows = await db
    .selectFrom('share_grants as g')
    .innerJoin('catalog_resources as r', 'r.id', 'g.resource_id')
    .innerJoin('catalog_versions as v', 'v.id', 'r.current_version_id')
    .innerJoin('agencies as a', 'a.id', 'r.provider_agency_id')
    .select(['r.id', 'r.code', 'v.metadata', 'a.name as provider_name', 'g.fields', 'g.number'])
    .where('g.consumer_agency_id', '=', consumerAgencyId)
    .where('g.state', 'in', ['active', 'suspended'])
    .where('g.valid_to', '>', now)
    .orderBy('g.number')
    .execute();
  return rows.map((r) => asResource(r, r.fields, [r.number]));
}

export async function storeCheck(
  db: Executor,
  check: { requestId: string; applies: boolean; risk: unknown; stage: 'filed' | 'approval'; at: Date },
): Promise<void> {
  const values = { applies: check.applies, risk: JSON.stringify(check.risk), stage: check.stage, checked_at: check.at };
  await db
    .insertInto('correlation_checks')
    .values({ share_request_id: check.requestId, ...values })
    .onConflict((oc) => oc.column('share_request_id').doUpdateSet(values))
    .execute();
}

export async function findCheck(db: Executor, requestId: string) {
  return db.selectFrom('correlation_checks').selectAll().where('share_request_id', '=', requestId).executeTakeFirst();
}

/** Assessments of some requests, newest first, with the assessor's and agency's names. */
export async function assessmentsOf(db: Executor, requestIds: readonly string[]) {
  if (requestIds.length === 0) return [];
  return db
    .selectFrom('correlation_assessments as c')
    .innerJoin('users as u', 'u.id', 'c.assessor_user_id')
    .leftJoin('agencies as a', 'a.id', 'c.agency_id')
    .selectAll('c')
    .select([sql<string>`coalesce(u.display_name, u.username)`.as('assessor_name'), 'a.name as agency_name'])
    .where('c.share_request_id', 'in', requestIds)
    .orderBy('c.assessed_at', 'desc')
    .orderBy('c.id')
    .execute();
}
export type AssessmentRow = Awaited<ReturnType<typeof assessmentsOf>>[number];

/** Active security supervisors and bureau administrators: who is told a request awaits assessment. */
export async function assessors(db: Executor): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('disabled', '=', false)
    .where(sql<boolean>`roles && array['security_supervisor', 'bureau_admin']::text[]`)
    .execute();
  return rows.map((r) => r.id);
}
