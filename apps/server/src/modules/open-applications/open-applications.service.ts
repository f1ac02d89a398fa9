/**
 * Applications for conditional open data (R19.2) and demands for data not yet open (R19.3), filed
 * by citizens and organizations (open.participate). Each review step runs on the deadline engine
 * (bureau formal review, then the provider's review or answer); rejections give every reason with
 * its legal basis and are shown to the applicant (R19.4); an approval makes an open grant.
 * Transitions are the domain's nextOpenState; every one is audited and kept in the timeline.
 */
import type { OpenApplication, OpenApplicationDetail, OpenApplyState, OpenPublicDemand } from '@gongshu/contracts';
import {
  authorize,
  DomainError,
  fail,
  fieldDefaultMask,
  grantMaskProblems,
  nextOpenState,
  OPEN_ROUTE_STEPS,
  openRouteOf,
  refuse,
  shanghaiDateOf,
  storedOverrides,
  validateOpenApplication,
  approvedScope,
  validateRejection,
  type OpenCommitment,
  type MaskKind,
  type OpenRoute,
  type Refusal,
  type ResourceMetadata,
  type ShareEvent,
  type ShareState,
  type UserActor,
} from '@gongshu/domain';
import type { ExpressionBuilder, Insertable, Kysely, Selectable } from 'kysely';
import { signedInUser, type Clock, type RequestContext } from '../../context.js';
import type { Executor } from '../../db/executor.js';
import type { Database, OpenApplicationsTable } from '../../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import type { DeadlinesService } from '../deadlines/deadlines.service.js';
import { insertNotifications } from '../notifications/notifications.repository.js';
import {
  applicationsQuery,
  bureauAgencyId,
  insertApplicationEvent,
  listApplicationEvents,
  lockApplication,
  maskName,
  nextOpenNumber,
  type ApplicationRow,
} from './open-applications.repository.js';
import type { OpenGrantsService } from './open-grants.service.js';

export const OPEN_APPLICATION_SUBJECT = 'open_application';
const FINAL = ['granted', 'answered', 'rejected', 'withdrawn'];
const OPEN_STATES = ['formal_review', 'provider_review', 'provider_answer'];

type ReasonList = { reason: string; legalBasis: string }[];
interface Rejection {
  by: 'bureau' | 'provider';
  byLabel: string;
  reasons: ReasonList;
  at: string;
}

export interface ApplicationInput {
  resourceId: string;
  fields?: string[] | undefined;
  purpose: string;
  measures: string;
  periodFrom: string;
  periodTo: string;
  commitments: Record<OpenCommitment, boolean>;
}

export interface DemandInput {
  resourceId?: string | undefined;
  title?: string | undefined;
  description: string;
  purpose: string;
  providerAgencyId?: string | undefined;
}

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

const blank = (v: string | undefined | null) => !v || v.trim() === '';

export function createOpenApplicationsService(deps: {
  db: Kysely<Database>;
  audit: AuditService;
  clock: Clock;
  deadlines: DeadlinesService;
  grants: OpenGrantsService;
}) {
  const { db, audit, clock, deadlines, grants } = deps;

  function presentOne(row: ApplicationRow, deadline: OpenApplication['deadline']): OpenApplication {
    const metadata = (row.resource_metadata as ResourceMetadata | null) ?? null;
    const names = new Map((metadata?.fields ?? []).map((f) => [f.code, f.name]));
    return {
      id: row.id,
      number: row.number,
      route: row.route,
      state: row.state as OpenApplication['state'],
      title: row.title,
      dataDescription: row.data_description,
      applicant: { id: row.applicant_user_id, name: row.applicant_name },
      resource:
        row.resource_id && metadata
          ? { id: row.resource_id, code: row.resource_code ?? null, name: metadata.name, openType: metadata.open.type }
          : null,
      provider: row.provider_agency_id && row.provider_name ? { id: row.provider_agency_id, name: row.provider_name } : null,
      fields: row.fields.map((code) => ({ code, name: names.get(code) ?? code })),
      purpose: row.purpose,
      measures: row.measures,
      periodFrom: row.period_from,
      periodTo: row.period_to,
      commitments: row.commitments,
      approvedFields: row.approved_fields,
      approvedPeriodTo: row.approved_period_to,
      rejection: (row.rejection as Rejection | null) ?? null,
      answer: (row.answer as OpenApplication['answer']) ?? null,
      grantId: row.grant_id,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
      closedAt: row.closed_at?.toISOString() ?? null,
      deadline,
    };
  }

  async function present(trx: Executor, rows: ApplicationRow[]): Promise<OpenApplication[]> {
    const active = await deadlines.activeFor(
      trx,
      OPEN_APPLICATION_SUBJECT,
      rows.map((r) => r.id),
    );
    return rows.map((r) => presentOne(r, active.get(r.id) ?? null));
  }

  async function isProvider(trx: Executor, actor: UserActor, row: { provider_agency_id: string | null }): Promise<boolean> {
    return row.provider_agency_id !== null && (await grants.providesFor(trx, actor, row.provider_agency_id));
  }

  /** Whether the bureau passed it on to the provider (an application the bureau rejected or that was withdrawn before stays with the bureau). */
  const forwarded = (eb: ExpressionBuilder<Database & { o: Database['open_applications'] }, 'o'>) =>
    eb.exists(
      eb
        .selectFrom('open_application_events as e')
        .select('e.id')
        .whereRef('e.application_id', '=', 'o.id')
        .where('e.action', '=', 'formal_approve'),
    );

  /** The applicant, the bureau (open.review) and, once the bureau passed it on, the provider agency's people (open.read) see an application. */
  async function canView(
    trx: Executor,
    actor: UserActor,
    row: { id: string; applicant_user_id: string; provider_agency_id: string | null },
  ): Promise<boolean> {
    if (row.applicant_user_id === actor.userId) return true;
    if (authorize(actor, 'open.review').ok) return true;
    if (!authorize(actor, 'open.read').ok || actor.agency?.id === undefined || actor.agency.id !== row.provider_agency_id) return false;
    const passed = await trx
      .selectFrom('open_application_events')
      .select('id')
      .where('application_id', '=', row.id)
      .where('action', '=', 'formal_approve')
      .executeTakeFirst();
    return passed !== undefined;
  }

  async function detail(trx: Executor, actor: UserActor, id: string): Promise<OpenApplicationDetail> {
    const row = await applicationsQuery(trx).where('o.id', '=', id).executeTakeFirst();
    if (!row || !(await canView(trx, actor, row))) fail('NOT_FOUND', { field: 'id' });
    const [base] = await present(trx, [row]);
    if (!base) fail('NOT_FOUND');
    const events = await listApplicationEvents(trx, id);
    const bureau = authorize(actor, 'open.review').ok;
    const provider = await isProvider(trx, actor, row);
    const metadata = (row.resource_metadata as ResourceMetadata | null) ?? null;
    return {
      ...base,
      conditions: metadata?.open.conditions ?? null,
      availableFields: (metadata?.fields ?? []).map((f) => ({
        code: f.code,
        name: f.name,
        // What the exit applies unless the provider chooses a stronger mask at approval (R29.1).
        defaultMask: fieldDefaultMask(f, metadata?.securityLevel ?? 4),
      })),
      events: events.map((e) => ({
        at: e.at.toISOString(),
        actorLabel: e.actor_label,
        action: e.action,
        fromState: e.from_state,
        toState: e.to_state,
        note: e.note,
      })),
      deadlines: await deadlines.historyFor(trx, OPEN_APPLICATION_SUBJECT, id),
      can: {
        formalReview: bureau && row.state === 'formal_review',
        providerReview: provider && row.state === 'provider_review',
        answer: provider && row.state === 'provider_answer',
        withdraw: row.applicant_user_id === actor.userId && OPEN_STATES.includes(row.state),
      },
    };
  }

  async function notifyApplicant(
    trx: Executor,
    row: { applicant_user_id: string; id: string },
    title: { zh: string; en: string },
    body: { zh: string; en: string },
  ) {
    await insertNotifications(
      trx,
      [row.applicant_user_id],
      { kind: 'open.application', title, body, link: `/me/applications/${row.id}`, deadlineId: null },
      clock(),
    );
  }

  /** Opens the route's step at `index` on the clock (the deadline engine notifies whoever must act). */
  async function openStep(
    trx: Executor,
    ctx: RequestContext,
    row: { id: string; route: OpenRoute; number: string; provider_agency_id: string | null },
    index: number,
  ): Promise<void> {
    const step = OPEN_ROUTE_STEPS[row.route][index];
    if (!step) return;
    const responsible = index === 0 ? await bureauAgencyId(trx) : (row.provider_agency_id ?? (await bureauAgencyId(trx)));
    await deadlines.open(trx, ctx, {
      subjectType: OPEN_APPLICATION_SUBJECT,
      subjectId: row.id,
      step,
      title: `${row.route === 'demand' ? '开放需求' : '开放申请'} ${row.number}`,
      link: `/open-admin/applications/${row.id}`,
      responsibleAgencyId: responsible,
    });
  }

  async function transition(
    trx: Executor,
    ctx: RequestContext,
    row: { id: string; route: OpenRoute; state: string; number: string },
    event: ShareEvent,
    changes: Partial<Record<'rejection' | 'answer' | 'approved_fields' | 'approved_period_to' | 'provider_agency_id', unknown>>,
    note: string | null,
  ): Promise<ShareState> {
    const next = nextOpenState(row.route, row.state as ShareState, event);
    if (!next.ok) throw new DomainError(next.refusal);
    const actor = signedInUser(ctx);
    const now = clock();
    // A withdrawn application's step is cancelled, not met (it would count as done on time).
    const active = event.type === 'withdraw' ? (await deadlines.activeFor(trx, OPEN_APPLICATION_SUBJECT, [row.id])).get(row.id) : undefined;
    if (active) await deadlines.cancel(trx, ctx, active.id);
    else await deadlines.completeActive(trx, ctx, OPEN_APPLICATION_SUBJECT, row.id);
    await trx
      .updateTable('open_applications')
      .set({
        state: next.value,
        updated_at: now,
        closed_at: FINAL.includes(next.value) ? now : null,
        ...('rejection' in changes ? { rejection: JSON.stringify(changes.rejection) } : {}),
        ...('answer' in changes ? { answer: JSON.stringify(changes.answer) } : {}),
        ...('approved_fields' in changes ? { approved_fields: JSON.stringify(changes.approved_fields) } : {}),
        ...('approved_period_to' in changes ? { approved_period_to: changes.approved_period_to as string } : {}),
        ...('provider_agency_id' in changes ? { provider_agency_id: changes.provider_agency_id as string } : {}),
      })
      .where('id', '=', row.id)
      .execute();
    await insertApplicationEvent(trx, {
      applicationId: row.id,
      at: now,
      actorUserId: actor.userId,
      actorLabel: actor.username,
      action: event.type,
      fromState: row.state,
      toState: next.value,
      note,
    });
    await audit.record(trx, ctx, {
      action: `open.application.${event.type}`,
      subjectType: OPEN_APPLICATION_SUBJECT,
      subjectId: row.id,
      details: { number: row.number, from: row.state, to: next.value, ...(note ? { note } : {}) },
    });
    return next.value;
  }

  /**
   * Files an application or a demand: numbered, in formal review, with its 'filed' event, its audit
   * entry and the bureau's first step on the clock; returns the applicant's view of it.
   */
  async function file(
    trx: Executor,
    ctx: RequestContext,
    values: Omit<Insertable<OpenApplicationsTable>, 'number' | 'state' | 'applicant_user_id' | 'created_at' | 'updated_at'>,
    audited: (row: Selectable<OpenApplicationsTable>) => { action: string; details: Record<string, unknown> },
  ): Promise<OpenApplicationDetail> {
    const actor = signedInUser(ctx);
    const now = clock();
    const row = await trx
      .insertInto('open_applications')
      .values({
        ...values,
        number: await nextOpenNumber(trx, 'KF', shanghaiDateOf(now).slice(0, 4)),
        state: 'formal_review',
        applicant_user_id: actor.userId,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await insertApplicationEvent(trx, {
      applicationId: row.id,
      at: now,
      actorUserId: actor.userId,
      actorLabel: actor.username,
      action: 'filed',
      fromState: null,
      toState: 'formal_review',
      note: null,
    });
    await audit.record(trx, ctx, { ...audited(row), subjectType: OPEN_APPLICATION_SUBJECT, subjectId: row.id });
    await openStep(trx, ctx, row, 0);
    return detail(trx, actor, row.id);
  }

  /**
   * Rejects in the bureau's formal review or the provider's review: every reason with its legal
   * basis (R19.4) kept on the application, the applicant told how many.
   */
  async function reject(
    trx: Executor,
    ctx: RequestContext,
    row: Parameters<typeof transition>[2] & { applicant_user_id: string },
    by: 'bureau' | 'provider',
    input: { comment?: string | undefined; reasons?: ReasonList | undefined },
    title: { zh: string; en: string },
  ): Promise<void> {
    const list = reasonsOrFail(input.reasons);
    const rejection: Rejection = { by, byLabel: signedInUser(ctx).username, reasons: list, at: clock().toISOString() };
    await transition(trx, ctx, row, { type: by === 'bureau' ? 'formal_reject' : 'provider_reject' }, { rejection }, input.comment ?? null);
    await notifyApplicant(trx, row, title, {
      zh: `理由 ${list.length} 条及其依据，详见申请。`,
      en: `${list.length} reason(s) with their legal basis: see the application.`,
    });
  }

  async function locked(trx: Executor, actor: UserActor, id: string) {
    const row = await lockApplication(trx, id);
    if (!row || !(await canView(trx, actor, row))) fail('NOT_FOUND', { field: 'id' });
    return row;
  }

  function reasonsOrFail(reasons: ReasonList | undefined): ReasonList {
    const list = reasons ?? [];
    const refusal = validateRejection(list);
    if (refusal) throw new DomainError({ ...refusal, requirement: 'R19.4' });
    return list;
  }

  async function loadResource(trx: Executor, id: string) {
    const resource = await trx
      .selectFrom('catalog_resources as r')
      .innerJoin('catalog_versions as v', 'v.id', 'r.current_version_id')
      .innerJoin('agencies as a', 'a.id', 'r.provider_agency_id')
      .select(['r.id', 'r.code', 'r.provider_agency_id', 'v.metadata', 'v.state', 'a.name as provider_name'])
      .where('r.id', '=', id)
      .executeTakeFirst();
    // Only published entries are visible to the public (R18.1).
    if (!resource || resource.state !== 'published') return null;
    return { ...resource, metadata: resource.metadata as ResourceMetadata };
  }

  return {
    async list(
      ctx: RequestContext,
      scope: 'mine' | 'review' | 'provider' | 'all',
      filter: { route?: OpenRoute | undefined; state?: string | undefined; resourceId?: string | undefined } = {},
    ): Promise<OpenApplication[]> {
      const actor = signedInUser(ctx);
      let q = applicationsQuery(db);
      if (scope === 'mine') {
        q = q.where('o.applicant_user_id', '=', actor.userId);
      } else if (scope === 'review' || scope === 'all') {
        if (!authorize(actor, 'open.review').ok) fail('FORBIDDEN', { field: 'scope' });
        if (scope === 'review') q = q.where('o.state', '=', 'formal_review');
      } else {
        if (!authorize(actor, 'open.read').ok) fail('FORBIDDEN', { field: 'scope' });
        const agencyId = actor.agency?.id ?? fail('FORBIDDEN', { field: 'scope' });
        q = q.where('o.provider_agency_id', '=', agencyId).where(forwarded);
      }
      if (filter.route) q = q.where('o.route', '=', filter.route);
      if (filter.state) q = q.where('o.state', '=', filter.state);
      if (filter.resourceId) q = q.where('o.resource_id', '=', filter.resourceId);
      return present(db, await q.orderBy('o.created_at', 'desc').limit(500).execute());
    },

    get: (ctx: RequestContext, id: string) => detail(db, signedInUser(ctx), id),

    /** Applies for a conditional open resource (R19.2). */
    async apply(ctx: RequestContext, input: ApplicationInput): Promise<OpenApplicationDetail> {
      const actor = signedInUser(ctx);
      requireAllowed(authorize(actor, 'open.participate'));
      return db.transaction().execute(async (trx) => {
        const resource = await loadResource(trx, input.resourceId);
        if (!resource) fail('NOT_FOUND', { field: 'resourceId' });
        const route = openRouteOf({ openType: resource.metadata.open.type });
        if (!route.ok) throw new DomainError(route.refusal);
        if (route.value !== 'conditional')
          fail('OPEN_APPLICATION_INCOMPLETE', {
            field: 'resourceId',
            message: { zh: '该资源不予开放，请提出开放需求', en: 'This resource is not open: ask for it with a demand' },
          });
        const available = resource.metadata.fields.map((f) => f.code);
        const fields = input.fields ?? available;
        const problems = validateOpenApplication(input);
        const unknown = fields.filter((f) => !available.includes(f));
        if (fields.length === 0 || unknown.length > 0)
          problems.push(refuse('SHARE_FIELDS_INVALID', { field: 'fields', details: { unknown } }));
        if (input.periodFrom < shanghaiDateOf(clock()))
          problems.push(
            refuse('OPEN_APPLICATION_INCOMPLETE', {
              field: 'periodFrom',
              message: { zh: '使用期限不能早于今天', en: 'The period of use starts today or later' },
            }),
          );
        if (problems.length > 0) refuseAll(problems);
        const pending = await trx
          .selectFrom('open_applications')
          .select('number')
          .where('applicant_user_id', '=', actor.userId)
          .where('resource_id', '=', resource.id)
          .where('state', 'in', OPEN_STATES)
          .executeTakeFirst();
        if (pending)
          fail('SHARE_TRANSITION_INVALID', {
            field: 'resourceId',
            message: { zh: `已有审核中的申请 ${pending.number}`, en: `Application ${pending.number} is still under review` },
          });
        return file(
          trx,
          ctx,
          {
            route: 'conditional',
            resource_id: resource.id,
            provider_agency_id: resource.provider_agency_id,
            title: resource.metadata.name,
            data_description: null,
            fields: JSON.stringify([...new Set(fields)]),
            purpose: input.purpose.trim(),
            measures: input.measures.trim(),
            period_from: input.periodFrom,
            period_to: input.periodTo,
            commitments: JSON.stringify(input.commitments),
          },
          (row) => ({
            action: 'open.application.file',
            details: { number: row.number, route: 'conditional', resource: resource.id, fields },
          }),
        );
      });
    },

    /** Asks for data not yet open (R19.3): a resource with open type none, or data described in free text. */
    async demand(ctx: RequestContext, input: DemandInput): Promise<OpenApplicationDetail> {
      const actor = signedInUser(ctx);
      requireAllowed(authorize(actor, 'open.participate'));
      return db.transaction().execute(async (trx) => {
        let title = input.title?.trim() ?? '';
        let providerId = input.providerAgencyId ?? null;
        let resourceId: string | null = null;
        if (input.resourceId) {
          const resource = await loadResource(trx, input.resourceId);
          if (!resource) fail('NOT_FOUND', { field: 'resourceId' });
          const route = openRouteOf({ openType: resource.metadata.open.type });
          if (!route.ok) throw new DomainError(route.refusal);
          if (route.value !== 'demand')
            fail('OPEN_APPLICATION_INCOMPLETE', {
              field: 'resourceId',
              message: { zh: '该资源为有条件开放，请直接申请使用', en: 'This resource is open on conditions: apply for it instead' },
            });
          resourceId = resource.id;
          providerId = resource.provider_agency_id;
          title ||= resource.metadata.name;
        } else if (providerId) {
          const agency = await trx.selectFrom('agencies').select('id').where('id', '=', providerId).executeTakeFirst();
          if (!agency) fail('NOT_FOUND', { field: 'providerAgencyId' });
        }
        const problems: Refusal[] = [];
        const incomplete = (field: string, zh: string, en: string) =>
          problems.push(refuse('OPEN_APPLICATION_INCOMPLETE', { field, message: { zh, en }, details: { requirement: 'R19.3' } }));
        if (blank(title)) incomplete('title', '请填写所需数据的名称', 'Name the data you need');
        if (blank(input.description)) incomplete('description', '请说明所需数据的内容', 'Describe the data you need');
        if (blank(input.purpose)) incomplete('purpose', '请说明数据用途', 'State what you will use the data for');
        if (problems.length > 0) refuseAll(problems);
        return file(
          trx,
          ctx,
          {
            route: 'demand',
            resource_id: resourceId,
            provider_agency_id: providerId,
            title: title.slice(0, 200),
            data_description: input.description.trim(),
            fields: JSON.stringify([]),
            purpose: input.purpose.trim(),
            measures: null,
            period_from: null,
            period_to: null,
            commitments: JSON.stringify({}),
          },
          (row) => ({
            action: 'open.demand.file',
            details: { number: row.number, route: 'demand', resource: resourceId, provider: providerId },
          }),
        );
      });
    },

    /** The bureau's formal review (R19.2: ≤ 5 working days; R19.3: ≤ 10); for a demand it may choose the provider. */
    async formalReview(
      ctx: RequestContext,
      id: string,
      input: { approve: boolean; comment?: string | undefined; reasons?: ReasonList | undefined; providerAgencyId?: string | undefined },
    ): Promise<OpenApplicationDetail> {
      const actor = signedInUser(ctx);
      requireAllowed(authorize(actor, 'open.review'));
      return db.transaction().execute(async (trx) => {
        const row = await locked(trx, actor, id);
        if (!input.approve) {
          await reject(trx, ctx, row, 'bureau', input, {
            zh: `申请 ${row.number} 未通过形式审核`,
            en: `Application ${row.number} was rejected in formal review`,
          });
          return detail(trx, actor, id);
        }
        let providerId = row.provider_agency_id;
        if (row.route === 'demand' && input.providerAgencyId && !row.resource_id) {
          const agency = await trx.selectFrom('agencies').select('id').where('id', '=', input.providerAgencyId).executeTakeFirst();
          if (!agency) fail('NOT_FOUND', { field: 'providerAgencyId' });
          providerId = agency.id;
        }
        if (!providerId)
          fail('OPEN_APPLICATION_INCOMPLETE', {
            field: 'providerAgencyId',
            message: { zh: '请为该需求指定数据提供单位', en: 'Choose the agency that would provide the data' },
          });
        const changes = providerId !== row.provider_agency_id ? { provider_agency_id: providerId } : {};
        await transition(trx, ctx, row, { type: 'formal_approve' }, changes, input.comment ?? null);
        await openStep(trx, ctx, { ...row, provider_agency_id: providerId }, 1);
        await notifyApplicant(
          trx,
          row,
          { zh: `申请 ${row.number} 已通过形式审核`, en: `Application ${row.number} passed the formal review` },
          { zh: '已转数据提供单位办理。', en: 'It went on to the providing agency.' },
        );
        return detail(trx, actor, id);
      });
    },

    /** The provider's review of a conditional application (R19.2 ≤ 10 working days): fewer fields or a shorter period may be approved. */
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
        reportEveryMonths?: number | undefined;
      },
    ): Promise<OpenApplicationDetail> {
      const actor = signedInUser(ctx);
      return db.transaction().execute(async (trx) => {
        const row = await locked(trx, actor, id);
        if (!(await isProvider(trx, actor, row))) fail('SHARE_NOT_PROVIDER');
        if (!input.approve) {
          await reject(trx, ctx, row, 'provider', input, {
            zh: `申请 ${row.number} 未获数据提供单位同意`,
            en: `Application ${row.number} was rejected by the provider`,
          });
          return detail(trx, actor, id);
        }
        const periodFrom = row.period_from ?? shanghaiDateOf(clock());
        const scope = approvedScope({ fields: row.fields, periodFrom, periodTo: row.period_to }, input);
        if (!scope.ok) throw new DomainError(scope.refusal);
        const { fields, periodTo } = scope.value;
        const resource = await loadResource(trx, row.resource_id ?? fail('NOT_FOUND', { field: 'resourceId' }));
        if (!resource) fail('NOT_FOUND', { field: 'resourceId' });
        // The provider's masks (R29.1): only granted fields, each at least the field's default; refused before any change.
        const { fields: specs, securityLevel } = resource.metadata;
        const maskProblems = grantMaskProblems(input.masks ?? {}, specs, fields, securityLevel);
        if (maskProblems[0]) throw new DomainError({ ...maskProblems[0], details: { problems: maskProblems } });
        await transition(
          trx,
          ctx,
          row,
          { type: 'provider_approve' },
          { approved_fields: fields, approved_period_to: periodTo },
          input.comment ?? null,
        );
        const grant = await grants.create(trx, ctx, {
          masks: storedOverrides(input.masks, specs, securityLevel),
          applicationId: row.id,
          userId: row.applicant_user_id,
          providerAgencyId: resource.provider_agency_id,
          providerName: resource.provider_name,
          resourceId: resource.id,
          resourceCode: resource.code,
          resourceName: resource.metadata.name,
          fields,
          purpose: row.purpose,
          periodFrom,
          periodTo,
          ...(input.reportEveryMonths ? { reportEveryMonths: input.reportEveryMonths } : {}),
        });
        await trx.updateTable('open_applications').set({ grant_id: grant.id }).where('id', '=', row.id).execute();
        return detail(trx, actor, id);
      });
    },

    /** The provider's answer to a demand (R19.3 ≤ 15 working days): whether it will open the data, when, or why not. */
    async answer(
      ctx: RequestContext,
      id: string,
      input: { willOpen: boolean; expectedBy?: string | undefined; text: string },
    ): Promise<OpenApplicationDetail> {
      const actor = signedInUser(ctx);
      return db.transaction().execute(async (trx) => {
        const row = await locked(trx, actor, id);
        if (!(await isProvider(trx, actor, row))) fail('SHARE_NOT_PROVIDER');
        if (input.willOpen && !input.expectedBy)
          fail('OPEN_APPLICATION_INCOMPLETE', {
            field: 'expectedBy',
            message: { zh: '同意开放的，请说明预计开放时间', en: 'Say when the data will be opened' },
          });
        const answer = {
          willOpen: input.willOpen,
          expectedBy: input.willOpen ? (input.expectedBy ?? null) : null,
          text: input.text.trim(),
          at: clock().toISOString(),
        };
        await transition(trx, ctx, row, { type: 'provider_answer', willShare: input.willOpen }, { answer }, input.text);
        await notifyApplicant(
          trx,
          row,
          { zh: `开放需求 ${row.number} 已答复`, en: `Demand ${row.number} answered` },
          { zh: input.text, en: input.text },
        );
        return detail(trx, actor, id);
      });
    },

    /** The applicant withdraws an application still under review. */
    async withdraw(ctx: RequestContext, id: string, comment?: string): Promise<OpenApplicationDetail> {
      const actor = signedInUser(ctx);
      return db.transaction().execute(async (trx) => {
        const row = await locked(trx, actor, id);
        if (row.applicant_user_id !== actor.userId) fail('FORBIDDEN');
        await transition(trx, ctx, row, { type: 'withdraw' }, {}, comment ?? null);
        return detail(trx, actor, id);
      });
    },

    /** The public list of demands (R19.3): no personal data of the applicant, at most a masked name. */
    async publicDemands(state?: string, limit = 200): Promise<OpenPublicDemand[]> {
      let q = applicationsQuery(db).where('o.route', '=', 'demand');
      if (state) q = q.where('o.state', '=', state);
      const rows = await q.orderBy('o.created_at', 'desc').limit(limit).execute();
      const active = await deadlines.activeFor(
        db,
        OPEN_APPLICATION_SUBJECT,
        rows.map((r) => r.id),
      );
      return rows.map((r) => {
        const metadata = (r.resource_metadata as ResourceMetadata | null) ?? null;
        const rejection = (r.rejection as Rejection | null) ?? null;
        return {
          id: r.id,
          number: r.number,
          state: r.state as OpenPublicDemand['state'],
          title: r.title,
          description: r.data_description,
          applicant: maskName(r.applicant_name),
          resource: r.resource_id && metadata ? { id: r.resource_id, name: metadata.name } : null,
          provider: r.provider_agency_id && r.provider_name ? { id: r.provider_agency_id, name: r.provider_name } : null,
          answer: (r.answer as OpenPublicDemand['answer']) ?? null,
          // Who rejected it is told by role, never by the reviewer's name.
          rejection: rejection ? { by: rejection.by, reasons: rejection.reasons, at: rejection.at } : null,
          dueOn: active.get(r.id)?.dueOn ?? null,
          createdAt: r.created_at.toISOString(),
          closedAt: r.closed_at?.toISOString() ?? null,
        };
      });
    },

    /** What a resource asks of an applicant and, when signed in, the caller's latest application and grant for it. */
    async applyState(ctx: RequestContext, resourceId: string): Promise<OpenApplyState> {
      const resource = await loadResource(db, resourceId);
      if (!resource) fail('NOT_FOUND', { field: 'id' });
      const m = resource.metadata;
      const base = {
        resource: {
          id: resource.id,
          code: resource.code,
          name: m.name,
          openType: m.open.type,
          provider: { id: resource.provider_agency_id, name: resource.provider_name },
          conditions: m.open.type === 'conditional' ? m.open.conditions : null,
          fields: m.open.type === 'conditional' ? m.fields.map((f) => ({ code: f.code, name: f.name })) : [],
        },
      };
      if (ctx.actor.kind !== 'user') return { ...base, signedIn: false, canApply: false, application: null, grant: null };
      const actor = ctx.actor;
      const latest = await db
        .selectFrom('open_applications')
        .select(['id', 'number', 'state', 'route'])
        .where('applicant_user_id', '=', actor.userId)
        .where('resource_id', '=', resourceId)
        .orderBy('created_at', 'desc')
        .executeTakeFirst();
      const grant = await grants.latestOf(db, actor.userId, resourceId);
      return {
        ...base,
        signedIn: true,
        canApply: authorize(actor, 'open.participate').ok,
        application: latest
          ? { id: latest.id, number: latest.number, state: latest.state as OpenPublicDemand['state'], route: latest.route }
          : null,
        grant: grant ? { id: grant.id, number: grant.number, status: grant.status, validTo: grant.validTo } : null,
      };
    },

    /** Agencies that provide data (have published entries), to choose from in a demand. */
    async providers(): Promise<{ id: string; name: string }[]> {
      return db
        .selectFrom('agencies as a')
        .select(['a.id', 'a.name'])
        .where((eb) => eb.exists(eb.selectFrom('catalog_resources as r').select('r.id').whereRef('r.provider_agency_id', '=', 'a.id')))
        .orderBy('a.name')
        .execute();
    },
  };
}

export type OpenApplicationsService = ReturnType<typeof createOpenApplicationsService>;
