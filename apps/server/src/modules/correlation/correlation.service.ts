/**
 * Correlation assessment (R31.1): where granting a share request would let its consumer join
 * level 3+ data on a person identifier, a security supervisor or bureau administrator records a
 * security assessment before the grant is made. A permit (with or without conditions) unblocks
 * the grant; a refusal rejects the request with the assessment as its reason. Every assessment
 * is audited and shown in the request's timeline.
 */
import type { CorrelationAssessment, CorrelationQueueItem, CorrelationRisk as ApiRisk, CorrelationStatus } from '@gongshu/contracts';
import {
  assessmentCovers,
  assessmentProblems,
  authorize,
  DomainError,
  fail,
  type AssessmentConclusion,
  type CorrelationRisk,
  type ResourceMetadata,
  type ShareState,
  type UserActor,
} from '@gongshu/domain';
import type { Kysely } from 'kysely';
import { signedInUser, type Clock, type RequestContext } from '../../context.js';
import type { Executor } from '../../db/executor.js';
import type { Database } from '../../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import { isBureauSide } from '../sharing/grants.service.js';
import { insertEvent, lockRequest, requestsQuery, type RequestRow } from '../sharing/share-requests.repository.js';
import type { ShareRequestsService } from '../sharing/share-requests.service.js';
import { checkRequest, latestRecorded } from './correlation.checks.js';
import { assessmentsOf, findCheck, type AssessmentRow } from './correlation.repository.js';

const SUBJECT = 'share_request';
/** States in which a grant may still be made: the assessment can be recorded then. */
const OPEN: readonly ShareState[] = ['formal_review', 'provider_review', 'consultation'];

export interface AssessmentInput {
  conclusion: AssessmentConclusion;
  opinion: string;
  measures?: string | undefined;
  basis: string;
}

function presentAssessment(row: AssessmentRow): CorrelationAssessment {
  return {
    id: row.id,
    conclusion: row.conclusion,
    opinion: row.opinion,
    measures: row.measures,
    basis: row.basis,
    assessor: row.assessor_name,
    agency: row.agency_name,
    assessedAt: row.assessed_at.toISOString(),
    risk: api(row.risk as CorrelationRisk),
  };
}

/** The domain's risk (readonly) as the API shows it. */
const api = (risk: CorrelationRisk): ApiRisk => risk as ApiRisk;

const recorded = (row: AssessmentRow | undefined) =>
  row ? { conclusion: row.conclusion, resourceIds: (row.risk as CorrelationRisk).resources.map((r) => r.resourceId) } : null;

export function createCorrelationService(deps: {
  db: Kysely<Database>;
  audit: AuditService;
  clock: Clock;
  shareRequests: ShareRequestsService;
}) {
  const { db, audit, clock, shareRequests } = deps;

  function canView(actor: UserActor, row: RequestRow): boolean {
    if (isBureauSide(actor)) return true;
    const mine = actor.agency?.id;
    return mine !== undefined && (mine === row.requester_agency_id || mine === row.provider_agency_id);
  }

  async function status(trx: Executor, actor: UserActor, id: string): Promise<CorrelationStatus> {
    const row = await requestsQuery(trx).where('s.id', '=', id).executeTakeFirst();
    if (!row || !canView(actor, row)) fail('NOT_FOUND', { field: 'id' });
    const state = row.state as ShareState;
    const open = OPEN.includes(state);
    const stored = await findCheck(trx, id);
    // An open request is checked against the grants in force now; a decided one shows its last check.
    const now = clock();
    const risk = open || !stored ? await checkRequest(trx, row, row.approved_fields ?? row.fields, now) : (stored.risk as CorrelationRisk);
    const history = await assessmentsOf(trx, [id]);
    return {
      requestId: row.id,
      number: row.number,
      state,
      risk: api(risk),
      checkedAt: (open || !stored ? now : stored.checked_at).toISOString(),
      required: open && !assessmentCovers(risk, recorded(history[0])),
      latest: history[0] ? presentAssessment(history[0]) : null,
      history: history.map(presentAssessment),
      canAssess: open && risk.applies && authorize(actor, 'security.assess').ok,
    };
  }

  return {
    get: (ctx: RequestContext, id: string) => {
      const actor = signedInUser(ctx);
      const allowed = authorize(actor, 'share.read');
      if (!allowed.ok) throw new DomainError(allowed.refusal);
      return status(db, actor, id);
    },

    /** Records an assessment of the request's current correlation risk (R31.1). */
    async record(ctx: RequestContext, id: string, input: AssessmentInput): Promise<CorrelationStatus> {
      const actor = signedInUser(ctx);
      const allowed = authorize(actor, 'security.assess');
      if (!allowed.ok) throw new DomainError(allowed.refusal);
      return db.transaction().execute(async (trx) => {
        const row = await lockRequest(trx, id);
        if (!row) fail('NOT_FOUND', { field: 'id' });
        if (!OPEN.includes(row.state as ShareState)) fail('SHARE_TRANSITION_INVALID', { details: { state: row.state } });
        const measures = input.measures?.trim() ? input.measures.trim() : null;
        const problems = assessmentProblems({ ...input, measures });
        const [first] = problems;
        if (first)
          fail('CORRELATION_ASSESSMENT_INVALID', {
            field: first.field,
            message: { zh: first.zh, en: first.en },
            details: { problems: problems.map((p) => ({ code: 'CORRELATION_ASSESSMENT_INVALID', field: p.field, message: p })) },
          });
        const now = clock();
        const risk = await checkRequest(trx, row, row.approved_fields ?? row.fields, now);
        if (!risk.applies)
          fail('CORRELATION_ASSESSMENT_INVALID', {
            message: {
              zh: '该申请当前不涉及关联敏感数据，无需评估',
              en: 'The request does not correlate sensitive data now: nothing to assess',
            },
          });
        const assessment = await trx
          .insertInto('correlation_assessments')
          .values({
            share_request_id: id,
            assessor_user_id: actor.userId,
            agency_id: actor.agency?.id ?? null,
            risk: JSON.stringify(risk),
            conclusion: input.conclusion,
            opinion: input.opinion.trim(),
            measures,
            basis: input.basis.trim(),
            assessed_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await insertEvent(trx, {
          requestId: id,
          at: now,
          actorUserId: actor.userId,
          actorLabel: actor.username,
          actorAgencyId: actor.agency?.id ?? null,
          action: 'correlation_assessed',
          fromState: row.state,
          toState: row.state,
          note: `关联安全评估（R31.1）：${{ permit: '同意', permit_with_conditions: '附条件同意', refuse: '不予同意' }[input.conclusion]}${measures ? `；条件：${measures}` : ''}`,
        });
        await audit.record(trx, ctx, {
          action: 'security.correlation.assess',
          subjectType: SUBJECT,
          subjectId: id,
          details: {
            number: row.number,
            assessment: assessment.id,
            conclusion: input.conclusion,
            identifierRole: risk.identifierRole,
            resources: risk.resources.map((r) => r.resourceId),
          },
        });
        if (input.conclusion === 'refuse') await shareRequests.refuseByAssessment(trx, ctx, id, input.opinion.trim(), input.basis.trim());
        return status(trx, actor, id);
      });
    },

    /** Open requests whose correlation needs an assessment that permits it, oldest check first. */
    async queue(ctx: RequestContext): Promise<CorrelationQueueItem[]> {
      const actor = signedInUser(ctx);
      const allowed = authorize(actor, 'security.assess');
      if (!allowed.ok) throw new DomainError(allowed.refusal);
      const rows = await db
        .selectFrom('correlation_checks as c')
        .innerJoin('share_requests as s', 's.id', 'c.share_request_id')
        .innerJoin('agencies as a', 'a.id', 's.requester_agency_id')
        .leftJoin('catalog_resources as r', 'r.id', 's.resource_id')
        .leftJoin('catalog_versions as v', 'v.id', 'r.current_version_id')
        .select(['s.id', 's.number', 's.state', 'a.name as requester', 'v.metadata', 'c.risk', 'c.checked_at'])
        .where('c.applies', '=', true)
        .where('s.state', 'in', [...OPEN])
        .orderBy('c.checked_at')
        .limit(500)
        .execute();
      const history = await assessmentsOf(
        db,
        rows.map((r) => r.id),
      );
      return rows.flatMap((r) => {
        const latest = history.find((h) => h.share_request_id === r.id);
        const risk = r.risk as CorrelationRisk;
        if (assessmentCovers(risk, recorded(latest))) return [];
        return [
          {
            requestId: r.id,
            number: r.number,
            state: r.state as ShareState,
            requester: r.requester,
            resource: r.metadata ? (r.metadata as ResourceMetadata).name : null,
            risk: api(risk),
            checkedAt: r.checked_at.toISOString(),
            latest: latest ? presentAssessment(latest) : null,
          },
        ];
      });
    },

    latestRecorded: (id: string) => latestRecorded(db, id),
  };
}

export type CorrelationService = ReturnType<typeof createCorrelationService>;
