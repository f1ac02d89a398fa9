/**
 * Share requests (R14–R17): an agency applies for a resource (or files a demand, or asks for
 * upper-level data); the route follows share type and level (domain routeOf, R14.1–R15.2); each
 * review step is a step on the deadline engine; rejections give all reasons with their legal
 * basis (R16.1); the bureau may open a consultation that decides the request (R16.2); approval
 * makes a grant. Transitions are the domain's nextShareState; every one is audited and recorded
 * in the request's timeline.
 */
import type { Consultation, ShareRequest, ShareRequestDetail } from '@gongshu/contracts';
import {
  authorize,
  DomainError,
  fail,
  grantMaskProblems,
  nextShareState,
  refuse,
  ROUTE_STEPS,
  routeOf,
  shanghaiDateOf,
  storedOverrides,
  approvedScope,
  validateRejection,
  validateShareRequest,
  type MaskKind,
  type Refusal,
  type ResourceMetadata,
  type ShareEvent,
  type ShareRoute,
  type ShareState,
  type UserActor,
} from '@gongshu/domain';
import type { Kysely, Transaction } from 'kysely';
import { signedInUser, type Clock, type RequestContext } from '../../context.js';
import type { Executor } from '../../db/executor.js';
import type { Database, ShareRequestRow } from '../../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import type { DeadlinesService } from '../deadlines/deadlines.service.js';
import { checkFiled, guardGrant, recordBlocked } from '../correlation/correlation.checks.js';
import { agencyRecipients, insertNotifications } from '../notifications/notifications.repository.js';
import { loadAgencyFacts } from '../users/users.repository.js';
import { isBureauSide, type GrantsService } from './grants.service.js';
import { presentRequest, type Rejection } from './share-presenters.js';
import {
  agencyKeysQuery,
  agencyNames,
  bureauAgencyId,
  findConsultation,
  insertEvent,
  insertRequest,
  keysByIds,
  listEvents,
  lockRequest,
  nextNumber,
  requestsQuery,
  type RequestRow,
} from './share-requests.repository.js';

export const SHARE_SUBJECT = 'share_request';
const FINAL: readonly ShareState[] = ['granted', 'answered', 'rejected', 'closed', 'withdrawn'];
const UPPER_NAMES = { national: '国家', provincial: '省级', zaozhuang: '枣庄市' } as const;

export interface FileInput {
  resourceId?: string | undefined;
  upperLevel?: 'national' | 'provincial' | 'zaozhuang' | undefined;
  dataDescription?: string | undefined;
  providerAgencyId?: string | undefined;
  fields?: string[] | undefined;
  scenario: string;
  legalDuty: string;
  periodFrom: string;
  periodTo: string;
  commitments: Record<'authenticity' | 'compliance' | 'security' | 'ownDutiesOnly' | 'noOnwardProvision', boolean>;
  apiKeyIds?: string[] | undefined;
  onBehalfOf?: string | undefined;
}

type ReasonList = { reason: string; legalBasis: string }[];

/** All problems at once: the first as the error, every one in details.problems. */
function refuseAll(problems: Refusal[]): never {
  const [first] = problems;
  if (!first) fail('VALIDATION_FAILED');
  const list = problems.map((p) => ({ code: p.code, message: p.message, field: p.field ?? null, requirement: p.requirement ?? null }));
  throw new DomainError({ ...first, details: { ...first.details, problems: list } });
}

function requireAllowed(result: ReturnType<typeof authorize>): void {
  if (!result.ok) throw new DomainError(result.refusal);
}

export function createShareRequestsService(deps: {
  db: Kysely<Database>;
  audit: AuditService;
  clock: Clock;
  deadlines: DeadlinesService;
  grants: GrantsService;
}) {
  const { db, audit, clock, deadlines, grants } = deps;

  async function present(trx: Executor, rows: RequestRow[]): Promise<ShareRequest[]> {
    const active = await deadlines.activeFor(
      trx,
      SHARE_SUBJECT,
      rows.map((r) => r.id),
    );
    const keys = new Map((await keysByIds(trx, [...new Set(rows.flatMap((r) => r.api_key_ids))])).map((k) => [k.id, k]));
    return rows.map((r) => presentRequest(r, active.get(r.id) ?? null, keys));
  }

  function canView(actor: UserActor, row: Pick<ShareRequestRow, 'requester_agency_id' | 'provider_agency_id'>): boolean {
    if (isBureauSide(actor)) return true;
    const mine = actor.agency?.id;
    return mine !== undefined && (mine === row.requester_agency_id || mine === row.provider_agency_id);
  }

  async function isProviderSteward(trx: Executor, actor: UserActor, row: ShareRequestRow | RequestRow): Promise<boolean> {
    if (!row.provider_agency_id || actor.agency?.id !== row.provider_agency_id) return false;
    const facts = await loadAgencyFacts(trx, row.provider_agency_id);
    return authorize(actor, 'share.provide', facts ? { agency: facts } : {}).ok;
  }

  async function isRequesterSide(trx: Executor, actor: UserActor, row: ShareRequestRow | RequestRow): Promise<boolean> {
    if (row.filed_by_bureau) return authorize(actor, 'share.review').ok;
    if (actor.agency?.id !== row.requester_agency_id) return false;
    const facts = await loadAgencyFacts(trx, row.requester_agency_id);
    return authorize(actor, 'share.request', facts ? { agency: facts } : {}).ok;
  }

  async function detail(trx: Executor, actor: UserActor, id: string): Promise<ShareRequestDetail> {
    const row = await requestsQuery(trx).where('s.id', '=', id).executeTakeFirst();
    if (!row || !canView(actor, row)) fail('NOT_FOUND', { field: 'id' });
    const [base] = await present(trx, [row]);
    if (!base) fail('NOT_FOUND');
    const events = await listEvents(trx, id);
    const consultation = await findConsultation(trx, id);
    const participants = consultation?.participants ?? [];
    const names = await agencyNames(trx, participants);
    const bureau = authorize(actor, 'share.review').ok;
    const provider = await isProviderSteward(trx, actor, row);
    const requester = await isRequesterSide(trx, actor, row);
    const state = row.state as ShareState;
    const participant = bureau || (actor.agency?.id !== undefined && participants.includes(actor.agency.id));
    return {
      ...base,
      events: events.map((e) => ({
        at: e.at.toISOString(),
        actorLabel: e.actor_label,
        actorAgency: e.agency_name,
        action: e.action,
        fromState: e.from_state,
        toState: e.to_state,
        note: e.note,
      })),
      consultation: consultation
        ? {
            openedBy: consultation.opener_name ?? '—',
            openedAt: consultation.opened_at.toISOString(),
            reason: consultation.reason,
            participants: participants.map((p) => ({ id: p, name: names.get(p) ?? p })),
            entries: consultation.entries as Consultation['entries'],
            outcome: consultation.outcome as 'grant' | 'close' | null,
            outcomeNote: consultation.outcome_note,
            decidedAt: consultation.decided_at?.toISOString() ?? null,
          }
        : null,
      deadlines: await deadlines.historyFor(trx, SHARE_SUBJECT, id),
      can: {
        formalReview: bureau && state === 'formal_review',
        providerReview: provider && state === 'provider_review',
        answer: provider && state === 'provider_answer',
        upperResult: bureau && state === 'escalated',
        withdraw: requester && ['formal_review', 'provider_review', 'provider_answer', 'consultation'].includes(state),
        openConsultation: bureau && state === 'rejected' && !consultation,
        addToConsultation: participant && state === 'consultation',
        decideConsultation: bureau && state === 'consultation',
      },
    };
  }

  async function notifyAgency(
    trx: Executor,
    agencyId: string | null,
    title: { zh: string; en: string },
    body: { zh: string; en: string },
    id: string,
  ) {
    if (!agencyId) return;
    await insertNotifications(
      trx,
      await agencyRecipients(trx, agencyId),
      { kind: 'share.request', title, body, link: `/sharing/requests/${id}`, deadlineId: null },
      clock(),
    );
  }

  /** Opens the route's step at `index` on the clock. */
  async function openStep(trx: Executor, ctx: RequestContext, row: ShareRequestRow, index: number): Promise<void> {
    const step = ROUTE_STEPS[row.route as ShareRoute][index];
    if (!step) return;
    const responsible = index === 0 ? await bureauAgencyId(trx) : (row.provider_agency_id ?? (await bureauAgencyId(trx)));
    await deadlines.open(trx, ctx, {
      subjectType: SHARE_SUBJECT,
      subjectId: row.id,
      step,
      title: `共享申请 ${row.number}`,
      link: `/sharing/requests/${row.id}`,
      responsibleAgencyId: responsible,
    });
  }

  /**
   * Applies one event: the domain decides the next state; the active step is completed; the
   * row, the timeline and the audit trail are written in the caller's transaction.
   */
  async function transition(
    trx: Executor,
    ctx: RequestContext,
    row: ShareRequestRow,
    event: ShareEvent,
    changes: Partial<Record<'rejection' | 'answer' | 'approved_fields' | 'approved_period_to' | 'upper_reference' | 'grant_id', unknown>>,
    note: string | null,
  ): Promise<ShareState> {
    const next = nextShareState(row.route as ShareRoute, row.state as ShareState, event);
    if (!next.ok) throw new DomainError(next.refusal);
    const actor = signedInUser(ctx);
    const now = clock();
    await deadlines.completeActive(trx, ctx, SHARE_SUBJECT, row.id);
    await trx
      .updateTable('share_requests')
      .set({
        state: next.value,
        updated_at: now,
        ...(FINAL.includes(next.value) ? { closed_at: now } : { closed_at: null }),
        ...('rejection' in changes ? { rejection: changes.rejection === null ? null : JSON.stringify(changes.rejection) } : {}),
        ...('answer' in changes ? { answer: JSON.stringify(changes.answer) } : {}),
        ...('approved_fields' in changes ? { approved_fields: JSON.stringify(changes.approved_fields) } : {}),
        ...('approved_period_to' in changes ? { approved_period_to: changes.approved_period_to as string } : {}),
        ...('upper_reference' in changes ? { upper_reference: changes.upper_reference as string | null } : {}),
        ...('grant_id' in changes ? { grant_id: changes.grant_id as string } : {}),
      })
      .where('id', '=', row.id)
      .execute();
    await insertEvent(trx, {
      requestId: row.id,
      at: now,
      actorUserId: actor.userId,
      actorLabel: actor.username,
      actorAgencyId: actor.agency?.id ?? null,
      action: event.type,
      fromState: row.state,
      toState: next.value,
      note,
    });
    await audit.record(trx, ctx, {
      action: `share.request.${event.type}`,
      subjectType: SHARE_SUBJECT,
      subjectId: row.id,
      details: { number: row.number, from: row.state, to: next.value, ...(note ? { note } : {}) },
    });
    return next.value;
  }

  /** Grants what was approved: the approved (or asked) fields and period, once any correlation is assessed (R31.1). */
  async function grantFor(
    trx: Executor,
    ctx: RequestContext,
    row: ShareRequestRow,
    fields: readonly string[],
    periodTo: string,
    masks: Readonly<Record<string, MaskKind>> = {},
  ) {
    await guardGrant(trx, row, fields, clock());
    const resource = await trx
      .selectFrom('catalog_resources as r')
      .innerJoin('catalog_versions as v', 'v.id', 'r.current_version_id')
      .innerJoin('agencies as a', 'a.id', 'r.provider_agency_id')
      .select(['r.id', 'r.code', 'v.metadata', 'a.name as provider_name', 'r.provider_agency_id'])
      .where('r.id', '=', row.resource_id ?? fail('SHARE_RESOURCE_NOT_SHAREABLE'))
      .executeTakeFirstOrThrow();
    const grant = await grants.create(trx, ctx, {
      masks,
      requestId: row.id,
      consumerAgencyId: row.requester_agency_id,
      providerAgencyId: resource.provider_agency_id,
      resourceId: resource.id,
      resourceCode: resource.code,
      resourceName: (resource.metadata as ResourceMetadata).name,
      providerName: resource.provider_name,
      fields,
      purpose: row.scenario,
      periodFrom: row.period_from,
      periodTo,
      apiKeyIds: row.api_key_ids,
    });
    await trx.updateTable('share_requests').set({ grant_id: grant.id }).where('id', '=', row.id).execute();
    return grant;
  }

  /**
   * The provider's per-field masks (R29.1): only granted fields, each at least the field's default
   * (declared mask or grading minimum); refused before any change. Returns the overrides to store.
   */
  async function grantMasks(
    trx: Executor,
    row: ShareRequestRow,
    fields: readonly string[],
    masks: Readonly<Record<string, MaskKind>> | undefined,
  ): Promise<Record<string, MaskKind>> {
    if (!masks || Object.keys(masks).length === 0) return {};
    const version = await trx
      .selectFrom('catalog_resources as r')
      .innerJoin('catalog_versions as v', 'v.id', 'r.current_version_id')
      .select('v.metadata')
      .where('r.id', '=', row.resource_id ?? fail('SHARE_RESOURCE_NOT_SHAREABLE'))
      .executeTakeFirstOrThrow();
    const metadata = version.metadata as ResourceMetadata;
    const problems = grantMaskProblems(masks, metadata.fields, fields, metadata.securityLevel);
    if (problems[0]) throw new DomainError({ ...problems[0], details: { problems } });
    return storedOverrides(masks, metadata.fields, metadata.securityLevel);
  }

  /** Locks the request and checks the actor may see it. */
  async function locked(trx: Executor, actor: UserActor, id: string): Promise<ShareRequestRow> {
    const row = await lockRequest(trx, id);
    if (!row || !canView(actor, row)) fail('NOT_FOUND', { field: 'id' });
    return row;
  }

  /** An approval's transaction; a grant refused for want of a correlation assessment keeps its re-check (R31.1). */
  function approving<T>(run: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    return db
      .transaction()
      .execute(run)
      .catch(async (error: unknown) => {
        await recordBlocked(db, error, clock());
        throw error;
      });
  }

  function reasonsOrFail(reasons: ReasonList | undefined): ReasonList {
    const list = reasons ?? [];
    const refusal = validateRejection(list);
    if (refusal) throw new DomainError(refusal);
    return list;
  }

  return {
    async list(
      ctx: RequestContext,
      scope: 'mine' | 'provider' | 'review' | 'all',
      state?: string,
      resourceId?: string,
    ): Promise<ShareRequest[]> {
      const actor = signedInUser(ctx);
      requireAllowed(authorize(actor, 'share.read'));
      let q = requestsQuery(db);
      if (scope === 'review' || scope === 'all') {
        if (!isBureauSide(actor)) fail('FORBIDDEN', { field: 'scope' });
        if (scope === 'review') q = q.where('s.state', 'in', ['formal_review', 'escalated', 'rejected', 'consultation']);
      } else {
        const agencyId = actor.agency?.id ?? fail('FORBIDDEN', { field: 'scope' });
        q =
          scope === 'mine'
            ? q.where((eb) =>
                eb.or([
                  eb('s.requester_agency_id', '=', agencyId),
                  // The bureau's own filings on behalf of towns (R15.2) are "mine" for the bureau.
                  ...(authorize(actor, 'share.review').ok ? [eb('s.filed_by_bureau', '=', true)] : []),
                ]),
              )
            : q.where('s.provider_agency_id', '=', agencyId).where('s.state', '!=', 'formal_review');
      }
      if (state) q = q.where('s.state', '=', state);
      if (resourceId) q = q.where('s.resource_id', '=', resourceId);
      return present(db, await q.orderBy('s.created_at', 'desc').limit(500).execute());
    },

    get: (ctx: RequestContext, id: string) => detail(db, signedInUser(ctx), id),

    /** Files a request (R17.1); the route follows the entry's share type and the requester's level (R14–R15). */
    async file(ctx: RequestContext, input: FileInput): Promise<ShareRequestDetail> {
      const actor = signedInUser(ctx);
      return db.transaction().execute(async (trx) => {
        const filedByBureau = input.onBehalfOf !== undefined;
        const requesterId = input.onBehalfOf ?? actor.agency?.id ?? fail('FORBIDDEN');
        const requester = await loadAgencyFacts(trx, requesterId);
        if (!requester) fail('NOT_FOUND', { field: 'onBehalfOf' });
        if (filedByBureau) {
          requireAllowed(authorize(actor, 'share.review'));
          if (requester.level !== 'town')
            fail('VALIDATION_FAILED', {
              field: 'onBehalfOf',
              message: { zh: '市大数据局仅代镇（街道）提交申请', en: 'The bureau files only on behalf of towns and streets' },
            });
        } else {
          requireAllowed(authorize(actor, 'share.request', { agency: requester }));
        }

        let metadata: ResourceMetadata | null = null;
        let providerId: string | null = null;
        if (input.resourceId && !input.upperLevel) {
          const resource = await trx
            .selectFrom('catalog_resources as r')
            .innerJoin('catalog_versions as v', 'v.id', 'r.current_version_id')
            .select(['r.id', 'r.provider_agency_id', 'v.metadata', 'v.state'])
            .where('r.id', '=', input.resourceId)
            .executeTakeFirst();
          if (!resource) fail('NOT_FOUND', { field: 'resourceId' });
          metadata = resource.metadata as ResourceMetadata;
          providerId = resource.provider_agency_id;
        } else if (!input.upperLevel) {
          providerId = input.providerAgencyId ?? null;
        }
        if (providerId === requesterId)
          fail('VALIDATION_FAILED', {
            field: 'resourceId',
            message: { zh: '不能申请本单位提供的数据', en: 'An agency does not request its own data' },
          });

        const route = routeOf({
          resource: metadata ? { shareType: metadata.share.type } : null,
          upperLevel: input.upperLevel !== undefined,
          requesterLevel: requester.level,
          filedByBureau,
        });
        if (!route.ok) throw new DomainError(route.refusal);

        const fields = metadata && route.value !== 'demand' ? (input.fields ?? metadata.fields.map((f) => f.code)) : [];
        const problems = validateShareRequest(
          { ...input, fields },
          metadata && route.value !== 'demand' ? metadata.fields.map((f) => f.code) : null,
        );
        if ((route.value === 'demand' || route.value === 'upper_level') && !input.dataDescription?.trim())
          problems.push(
            refuse('SHARE_PURPOSE_REQUIRED', {
              field: 'dataDescription',
              message: { zh: '请说明所需数据', en: 'Describe the data needed' },
            }),
          );
        if (route.value === 'demand' && !providerId)
          problems.push(
            refuse('SHARE_PURPOSE_REQUIRED', {
              field: 'providerAgencyId',
              message: { zh: '请选择数据提供单位', en: 'Choose the providing agency' },
            }),
          );
        if (problems.length > 0) refuseAll(problems);
        const keys = await grants.validKeysOf(trx, requesterId, input.apiKeyIds ?? []);

        const now = clock();
        const row = await insertRequest(trx, {
          number: await nextNumber(trx, 'GX', shanghaiDateOf(now).slice(0, 4)),
          route: route.value,
          state: 'formal_review',
          requester_agency_id: requesterId,
          filed_by_user_id: actor.userId,
          filed_by_bureau: filedByBureau,
          resource_id: route.value === 'upper_level' ? null : (input.resourceId ?? null),
          provider_agency_id: providerId,
          upper_level: input.upperLevel ?? null,
          data_description: input.dataDescription?.trim() || null,
          fields: JSON.stringify(fields),
          scenario: input.scenario.trim(),
          legal_duty: input.legalDuty.trim(),
          period_from: input.periodFrom,
          period_to: input.periodTo,
          commitments: JSON.stringify(input.commitments),
          api_key_ids: JSON.stringify(keys),
          created_at: now,
          updated_at: now,
        });
        await insertEvent(trx, {
          requestId: row.id,
          at: now,
          actorUserId: actor.userId,
          actorLabel: actor.username,
          actorAgencyId: actor.agency?.id ?? null,
          action: 'filed',
          fromState: null,
          toState: 'formal_review',
          note: filedByBureau ? '市大数据局代镇（街道）提交（R15.2）' : null,
        });
        // R31.1: would the grant let the requester join level 3+ data on a person identifier?
        const correlation =
          route.value === 'unconditional' || route.value === 'conditional' ? await checkFiled(trx, row, fields, now) : null;
        await audit.record(trx, ctx, {
          action: 'share.request.file',
          subjectType: SHARE_SUBJECT,
          subjectId: row.id,
          details: {
            number: row.number,
            route: route.value,
            requester: requesterId,
            resource: row.resource_id,
            fields,
            filedByBureau,
            ...(correlation?.applies ? { correlationAssessmentRequired: true } : {}),
          },
        });
        await openStep(trx, ctx, row, 0);
        return detail(trx, actor, row.id);
      });
    },

    /** The bureau's formal review (R14.1–R14.3, R15.1). */
    async formalReview(
      ctx: RequestContext,
      id: string,
      approve: boolean,
      comment?: string,
      reasons?: ReasonList,
    ): Promise<ShareRequestDetail> {
      const actor = signedInUser(ctx);
      requireAllowed(authorize(actor, 'share.review'));
      return approving(async (trx) => {
        const row = await locked(trx, actor, id);
        if (!approve) {
          const list = reasonsOrFail(reasons);
          const rejection: Rejection = { by: 'bureau', byLabel: actor.username, reasons: list, at: clock().toISOString() };
          await transition(trx, ctx, row, { type: 'formal_reject' }, { rejection }, comment ?? null);
          await notifyAgency(
            trx,
            row.requester_agency_id,
            { zh: `共享申请 ${row.number} 未通过形式审核`, en: `Share request ${row.number} was rejected in formal review` },
            { zh: `理由 ${list.length} 条，详见申请。`, en: `${list.length} reason(s): see the request.` },
            id,
          );
          return detail(trx, actor, id);
        }
        const state = await transition(trx, ctx, row, { type: 'formal_approve' }, {}, comment ?? null);
        if (state === 'granted') {
          // R14.1: unconditional data is granted after the formal review; the provider is informed.
          await grantFor(trx, ctx, row, row.fields, row.period_to);
        } else if (state === 'provider_review' || state === 'provider_answer') {
          await openStep(trx, ctx, row, 1);
        } else if (state === 'escalated') {
          await notifyAgency(
            trx,
            row.requester_agency_id,
            { zh: `共享申请 ${row.number} 已报送上级节点`, en: `Share request ${row.number} was escalated to the upper-level node` },
            {
              zh: `已向${UPPER_NAMES[row.upper_level as keyof typeof UPPER_NAMES]}数据共享平台提出申请（R15.1）。`,
              en: 'The bureau applied to the upper-level node (R15.1).',
            },
            id,
          );
        }
        return detail(trx, actor, id);
      });
    },

    /** The provider's review of a conditional request (R14.2). */
    async providerReview(
      ctx: RequestContext,
      id: string,
      input: {
        approve: boolean;
        fields?: string[] | undefined;
        periodTo?: string | undefined;
        masks?: Record<string, MaskKind> | undefined;
        comment?: string | undefined;
        reasons?: ReasonList | undefined;
      },
    ): Promise<ShareRequestDetail> {
      const actor = signedInUser(ctx);
      return approving(async (trx) => {
        const row = await locked(trx, actor, id);
        if (!(await isProviderSteward(trx, actor, row))) fail('SHARE_NOT_PROVIDER');
        if (!input.approve) {
          const list = reasonsOrFail(input.reasons);
          const rejection: Rejection = { by: 'provider', byLabel: actor.username, reasons: list, at: clock().toISOString() };
          await transition(trx, ctx, row, { type: 'provider_reject' }, { rejection }, input.comment ?? null);
          await notifyAgency(
            trx,
            row.requester_agency_id,
            { zh: `共享申请 ${row.number} 被数据提供单位拒绝`, en: `Share request ${row.number} was rejected by the provider` },
            { zh: '市大数据局将审查理由是否充分（R16.2）。', en: 'The bureau will check whether the reasons suffice (R16.2).' },
            id,
          );
          return detail(trx, actor, id);
        }
        const scope = approvedScope({ fields: row.fields, periodFrom: row.period_from, periodTo: row.period_to }, input);
        if (!scope.ok) throw new DomainError(scope.refusal);
        const { fields, periodTo } = scope.value;
        const masks = await grantMasks(trx, row, fields, input.masks);
        await transition(
          trx,
          ctx,
          row,
          { type: 'provider_approve' },
          { approved_fields: fields, approved_period_to: periodTo },
          input.comment ?? null,
        );
        await grantFor(trx, ctx, row, fields, periodTo, masks);
        return detail(trx, actor, id);
      });
    },

    /** The provider's answer to a demand (R14.3). */
    async answer(ctx: RequestContext, id: string, willShare: boolean, text: string): Promise<ShareRequestDetail> {
      const actor = signedInUser(ctx);
      return db.transaction().execute(async (trx) => {
        const row = await locked(trx, actor, id);
        if (!(await isProviderSteward(trx, actor, row))) fail('SHARE_NOT_PROVIDER');
        await transition(
          trx,
          ctx,
          row,
          { type: 'provider_answer', willShare },
          { answer: { willShare, text, at: clock().toISOString() } },
          text,
        );
        await notifyAgency(
          trx,
          row.requester_agency_id,
          { zh: `数据需求 ${row.number} 已答复`, en: `Demand ${row.number} answered` },
          { zh: text, en: text },
          id,
        );
        return detail(trx, actor, id);
      });
    },

    /** The upper-level node's reference or result (R15.1). */
    async upperResult(ctx: RequestContext, id: string, result: 'pending' | 'granted' | 'refused', reference?: string, note?: string) {
      const actor = signedInUser(ctx);
      requireAllowed(authorize(actor, 'share.review'));
      return db.transaction().execute(async (trx) => {
        const row = await locked(trx, actor, id);
        if (row.state !== 'escalated') fail('SHARE_TRANSITION_INVALID', { details: { state: row.state } });
        if (result === 'pending') {
          await trx
            .updateTable('share_requests')
            .set({ upper_reference: reference ?? row.upper_reference, updated_at: clock() })
            .where('id', '=', id)
            .execute();
          await insertEvent(trx, {
            requestId: id,
            at: clock(),
            actorUserId: actor.userId,
            actorLabel: actor.username,
            actorAgencyId: actor.agency?.id ?? null,
            action: 'upper_progress',
            fromState: row.state,
            toState: row.state,
            note: [reference, note].filter(Boolean).join(' · ') || null,
          });
          await audit.record(trx, ctx, {
            action: 'share.request.upper_progress',
            subjectType: SHARE_SUBJECT,
            subjectId: id,
            details: { reference },
          });
        } else {
          await transition(
            trx,
            ctx,
            row,
            { type: 'upper_result', granted: result === 'granted' },
            { upper_reference: reference ?? row.upper_reference },
            note ?? null,
          );
          await notifyAgency(
            trx,
            row.requester_agency_id,
            {
              zh: `共享申请 ${row.number}：上级节点${result === 'granted' ? '已同意' : '未同意'}`,
              en: `Share request ${row.number}: the upper-level node ${result === 'granted' ? 'granted' : 'refused'} it`,
            },
            { zh: note ?? '', en: note ?? '' },
            id,
          );
        }
        return detail(trx, actor, id);
      });
    },

    async withdraw(ctx: RequestContext, id: string, comment?: string): Promise<ShareRequestDetail> {
      const actor = signedInUser(ctx);
      return db.transaction().execute(async (trx) => {
        const row = await locked(trx, actor, id);
        if (!(await isRequesterSide(trx, actor, row))) fail('FORBIDDEN');
        await transition(trx, ctx, row, { type: 'withdraw' }, {}, comment ?? null);
        return detail(trx, actor, id);
      });
    },

    /** R16.2: the bureau finds a rejection's reasons insufficient and consults the parties. */
    async openConsultation(ctx: RequestContext, id: string, reason: string, participantAgencyIds: readonly string[]) {
      const actor = signedInUser(ctx);
      requireAllowed(authorize(actor, 'share.review'));
      return db.transaction().execute(async (trx) => {
        const row = await locked(trx, actor, id);
        const participants = [
          ...new Set(
            [actor.agency?.id, row.requester_agency_id, row.provider_agency_id, ...participantAgencyIds].filter((x): x is string => !!x),
          ),
        ];
        const known = await agencyNames(trx, participants);
        const unknown = participants.filter((p) => !known.has(p));
        if (unknown.length > 0) fail('NOT_FOUND', { field: 'participantAgencyIds', details: { unknown } });
        await transition(trx, ctx, row, { type: 'open_consultation' }, {}, reason);
        await trx
          .insertInto('share_consultations')
          .values({
            request_id: id,
            opened_by_user_id: actor.userId,
            opened_at: clock(),
            reason,
            participants: JSON.stringify(participants),
            entries: JSON.stringify([]),
          })
          .execute();
        for (const agencyId of participants) {
          if (agencyId === actor.agency?.id) continue;
          await notifyAgency(
            trx,
            agencyId,
            { zh: `共享申请 ${row.number} 进入协商`, en: `Share request ${row.number}: consultation opened` },
            { zh: reason, en: reason },
            id,
          );
        }
        return detail(trx, actor, id);
      });
    },

    async addConsultationEntry(ctx: RequestContext, id: string, text: string): Promise<ShareRequestDetail> {
      const actor = signedInUser(ctx);
      return db.transaction().execute(async (trx) => {
        const row = await locked(trx, actor, id);
        if (row.state !== 'consultation') fail('SHARE_TRANSITION_INVALID', { details: { state: row.state } });
        const consultation = await trx.selectFrom('share_consultations').selectAll().where('request_id', '=', id).executeTakeFirstOrThrow();
        const bureau = authorize(actor, 'share.review').ok;
        if (!bureau && !(actor.agency && consultation.participants.includes(actor.agency.id))) fail('SHARE_CONSULTATION_PARTICIPANT');
        const entry = {
          at: clock().toISOString(),
          author: actor.username,
          agency: actor.agency ? ((await agencyNames(trx, [actor.agency.id])).get(actor.agency.id) ?? null) : null,
          text,
        };
        await trx
          .updateTable('share_consultations')
          .set({ entries: JSON.stringify([...consultation.entries, entry]) })
          .where('request_id', '=', id)
          .execute();
        await audit.record(trx, ctx, {
          action: 'share.consultation.entry',
          subjectType: SHARE_SUBJECT,
          subjectId: id,
          details: { length: text.length },
        });
        return detail(trx, actor, id);
      });
    },

    /** The outcome decides the request: a grant, or the rejection stands (R16.2). */
    async decideConsultation(ctx: RequestContext, id: string, grant: boolean, note: string, fields?: string[]) {
      const actor = signedInUser(ctx);
      requireAllowed(authorize(actor, 'share.review'));
      return approving(async (trx) => {
        const row = await locked(trx, actor, id);
        const chosen = fields ?? row.approved_fields ?? row.fields;
        if (grant && (chosen.length === 0 || chosen.some((f) => !row.fields.includes(f))))
          fail('SHARE_FIELDS_INVALID', { field: 'fields' });
        await transition(trx, ctx, row, { type: 'consultation_outcome', grant }, grant ? { approved_fields: chosen } : {}, note);
        await trx
          .updateTable('share_consultations')
          .set({ outcome: grant ? 'grant' : 'close', outcome_note: note, decided_by_user_id: actor.userId, decided_at: clock() })
          .where('request_id', '=', id)
          .execute();
        if (grant) {
          if (!row.resource_id) fail('SHARE_RESOURCE_NOT_SHAREABLE');
          await grantFor(trx, ctx, row, chosen, row.approved_period_to ?? row.period_to);
        }
        await notifyAgency(
          trx,
          row.requester_agency_id,
          {
            zh: `共享申请 ${row.number} 协商结果：${grant ? '予以共享' : '维持不予共享'}`,
            en: `Share request ${row.number}: consultation ${grant ? 'granted' : 'closed'}`,
          },
          { zh: note, en: note },
          id,
        );
        await notifyAgency(
          trx,
          row.provider_agency_id,
          {
            zh: `共享申请 ${row.number} 协商结果：${grant ? '予以共享' : '维持不予共享'}`,
            en: `Share request ${row.number}: consultation ${grant ? 'granted' : 'closed'}`,
          },
          { zh: note, en: note },
          id,
        );
        return detail(trx, actor, id);
      });
    },

    /**
     * R31.1: a correlation assessment that refuses rejects the request under review (or closes it in
     * consultation), with the assessment as the reason the requester sees. In the caller's transaction.
     */
    async refuseByAssessment(trx: Executor, ctx: RequestContext, id: string, opinion: string, basis: string): Promise<void> {
      const actor = signedInUser(ctx);
      const row = await lockRequest(trx, id);
      if (!row) fail('NOT_FOUND', { field: 'id' });
      const rejection: Rejection = {
        by: 'security',
        byLabel: actor.username,
        reasons: [{ reason: opinion, legalBasis: basis }],
        at: clock().toISOString(),
      };
      await transition(trx, ctx, row, { type: 'assessment_refuse' }, { rejection }, '关联安全评估结论：不予同意（R31.1）');
      await notifyAgency(
        trx,
        row.requester_agency_id,
        { zh: `共享申请 ${row.number} 未通过关联安全评估`, en: `Share request ${row.number} was refused by the correlation assessment` },
        { zh: opinion, en: opinion },
        id,
      );
    },

    /** The valid API keys of the caller's agency (its systems). */
    async agencyKeys(ctx: RequestContext) {
      const actor = signedInUser(ctx);
      requireAllowed(authorize(actor, 'share.read'));
      const agencyId = actor.agency?.id ?? fail('FORBIDDEN');
      const rows = await agencyKeysQuery(db, agencyId, clock()).orderBy('k.name').execute();
      return rows.map((k) => ({ id: k.id, name: k.name, prefix: k.prefix, owner: k.owner, expiresAt: k.expires_at.toISOString() }));
    },
  };
}

export type ShareRequestsService = ReturnType<typeof createShareRequestsService>;
