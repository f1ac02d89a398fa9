/**
 * The correlation check inside the share workflow (R31.1): made when a request is filed and again
 * before its grant is made (grants may have changed since); the grant is refused with
 * CORRELATION_ASSESSMENT_REQUIRED until an assessment that permits the current risk is recorded.
 */
import {
  assessCorrelation,
  assessmentCovers,
  DomainError,
  refuse,
  type CorrelationRisk,
  type RecordedAssessment,
  type JoinableResource,
} from '@gongshu/domain';
import type { Kysely } from 'kysely';
import type { Executor } from '../../db/executor.js';
import type { Database } from '../../db/schema.js';
import { insertNotifications } from '../notifications/notifications.repository.js';
import { assessmentsOf, assessors, heldResources, requestedResource, storeCheck } from './correlation.repository.js';

export interface CheckedRequest {
  readonly id: string;
  readonly number: string;
  readonly requester_agency_id: string;
  readonly resource_id: string | null;
}

const NO_RESOURCE: CorrelationRisk = assessCorrelation({
  held: [],
  requested: { resourceId: '', code: null, name: '', providerName: '', securityLevel: 1, fields: [], grantNumbers: [] },
});

/** The risk of granting `fields` of the request's resource to its requester now. */
export async function checkRequest(trx: Executor, row: CheckedRequest, fields: readonly string[], now: Date): Promise<CorrelationRisk> {
  if (!row.resource_id) return NO_RESOURCE;
  const requested = await requestedResource(trx, row.resource_id, fields);
  if (!requested) return NO_RESOURCE;
  return assessCorrelation({ held: await heldResources(trx, row.requester_agency_id, now), requested });
}

/** The latest assessment of a request, as the domain's coverage rule reads it. */
export async function latestRecorded(trx: Executor, requestId: string): Promise<RecordedAssessment | null> {
  const [latest] = await assessmentsOf(trx, [requestId]);
  if (!latest) return null;
  const risk = latest.risk as CorrelationRisk;
  return { conclusion: latest.conclusion, resourceIds: risk.resources.map((r: JoinableResource) => r.resourceId) };
}

/** Checks a request when it is filed; tells the assessors when an assessment will be needed. */
export async function checkFiled(trx: Executor, row: CheckedRequest, fields: readonly string[], now: Date): Promise<CorrelationRisk> {
  const risk = await checkRequest(trx, row, fields, now);
  if (!row.resource_id) return risk;
  await storeCheck(trx, { requestId: row.id, applies: risk.applies, risk, stage: 'filed', at: now });
  if (risk.applies) {
    await insertNotifications(
      trx,
      await assessors(trx),
      {
        kind: 'security.correlation',
        title: { zh: `共享申请 ${row.number} 需关联安全评估`, en: `Share request ${row.number} needs a correlation assessment` },
        body: risk.reason,
        link: `/sharing/requests/${row.id}`,
        deadlineId: null,
      },
      now,
    );
  }
  return risk;
}

/**
 * Before a grant is made: re-checks with the fields to be granted and refuses the grant unless an
 * assessment permits the current risk (R31.1). The refusal carries the risk, so the caller can
 * keep the check after its transaction rolls back (recordBlocked).
 */
export async function guardGrant(trx: Executor, row: CheckedRequest, fields: readonly string[], now: Date): Promise<void> {
  const risk = await checkRequest(trx, row, fields, now);
  await storeCheck(trx, { requestId: row.id, applies: risk.applies, risk, stage: 'approval', at: now });
  if (assessmentCovers(risk, await latestRecorded(trx, row.id))) return;
  throw new DomainError(refuse('CORRELATION_ASSESSMENT_REQUIRED', { details: { requestId: row.id, risk } }));
}

/** Keeps the re-check of a refused grant (its transaction rolled back), so the queue shows it. */
export async function recordBlocked(db: Kysely<Database>, error: unknown, now: Date): Promise<void> {
  if (!(error instanceof DomainError) || error.code !== 'CORRELATION_ASSESSMENT_REQUIRED') return;
  const details = error.refusal.details as { requestId?: string; risk?: CorrelationRisk } | undefined;
  if (!details?.requestId || !details.risk) return;
  const { requestId, risk } = details;
  await db.transaction().execute((trx) => storeCheck(trx, { requestId, applies: true, risk, stage: 'approval', at: now }));
}
