/**
 * Rectification orders (责令限期改正, R35.1): the bureau orders an agency that failed to collect,
 * aggregate, share or open as required to rectify within a term of working days; the agency's
 * data steward reports (R8.1); the bureau closes the order or returns it for another term. Each
 * term is a step on the deadline engine, so the order is tracked to closure.
 */
import type { Rectification } from '@gongshu/contracts';
import { authorize, DomainError, fail } from '@gongshu/domain';
import type { Kysely } from 'kysely';
import { signedInUser, type Clock, type RequestContext } from '../../context.js';
import type { Executor } from '../../db/executor.js';
import type { Database } from '../../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import type { DeadlinesService } from '../deadlines/deadlines.service.js';
import { bureauUsersWithRole, insertNotifications } from '../notifications/notifications.repository.js';
import { loadAgencyFacts } from '../users/users.repository.js';

const SUBJECT = 'rectification_order';
const STEP = 'rectification.response';

export interface IssueInput {
  agencyId: string;
  title: string;
  reason: string;
  requirement: string;
  termWorkingDays?: number | undefined;
}

function rowsQuery(db: Executor) {
  return db
    .selectFrom('rectification_orders as r')
    .innerJoin('agencies as a', 'a.id', 'r.agency_id')
    .innerJoin('users as u', 'u.id', 'r.issued_by')
    .selectAll('r')
    .select(['a.name as agency_name', 'a.sector as agency_sector', 'u.display_name as issuer_name']);
}

type OrderRow = Awaited<ReturnType<ReturnType<typeof rowsQuery>['executeTakeFirstOrThrow']>>;

export function createRectificationsService(deps: {
  db: Kysely<Database>;
  audit: AuditService;
  clock: Clock;
  deadlines: DeadlinesService;
}) {
  const { db, audit, clock, deadlines } = deps;

  async function present(trx: Executor, rows: OrderRow[]): Promise<Rectification[]> {
    const active = await deadlines.activeFor(
      trx,
      SUBJECT,
      rows.map((r) => r.id),
    );
    return rows.map((r) => ({
      id: r.id,
      agency: { id: r.agency_id, name: r.agency_name },
      title: r.title,
      reason: r.reason,
      requirement: r.requirement,
      termWorkingDays: r.term_working_days,
      state: r.state as Rectification['state'],
      round: r.round,
      issuedBy: r.issuer_name,
      issuedAt: r.issued_at.toISOString(),
      report: r.report,
      reportedAt: r.reported_at?.toISOString() ?? null,
      reviewComment: r.review_comment,
      closedAt: r.closed_at?.toISOString() ?? null,
      deadline: active.get(r.id) ?? null,
    }));
  }

  async function one(trx: Executor, id: string): Promise<Rectification> {
    const row = await rowsQuery(trx).where('r.id', '=', id).executeTakeFirst();
    if (!row) fail('NOT_FOUND', { field: 'id' });
    const [item] = await present(trx, [row]);
    return item ?? fail('NOT_FOUND');
  }

  async function openTerm(
    trx: Executor,
    ctx: RequestContext,
    order: { id: string; agency_id: string; title: string; term_working_days: number },
  ) {
    await deadlines.open(trx, ctx, {
      subjectType: SUBJECT,
      subjectId: order.id,
      step: STEP,
      title: order.title,
      link: `/rectifications/${order.id}`,
      responsibleAgencyId: order.agency_id,
      workingDays: order.term_working_days,
    });
  }

  async function lockOrder(trx: Executor, id: string) {
    const row = await trx.selectFrom('rectification_orders').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row) fail('NOT_FOUND', { field: 'id' });
    return row;
  }

  /** The orders the actor may read: all for the bureau, the sector's for its supervisor (R6.1), else the own agency's. */
  function visibleTo(ctx: RequestContext) {
    const actor = signedInUser(ctx);
    const q = rowsQuery(db);
    if (authorize(actor, 'rectification.supervise').ok) return q;
    const sector = actor.roles.includes('sector_supervisor') ? actor.agency?.sectorAuthorityOf : null;
    return sector ? q.where('a.sector', '=', sector) : q.where('r.agency_id', '=', actor.agency?.id ?? fail('FORBIDDEN'));
  }

  return {
    async list(ctx: RequestContext, state: string | undefined): Promise<Rectification[]> {
      let q = visibleTo(ctx);
      if (state) q = q.where('r.state', '=', state);
      return present(db, await q.orderBy('r.issued_at', 'desc').limit(500).execute());
    },

    async get(ctx: RequestContext, id: string): Promise<Rectification> {
      const row = await visibleTo(ctx).where('r.id', '=', id).executeTakeFirst();
      if (!row) fail('NOT_FOUND', { field: 'id' });
      const [item] = await present(db, [row]);
      return item ?? fail('NOT_FOUND');
    },

    async issue(ctx: RequestContext, input: IssueInput): Promise<Rectification> {
      const actor = signedInUser(ctx);
      return db.transaction().execute(async (trx) => {
        const agency = await trx
          .selectFrom('agencies')
          .select(['id', 'kind', 'active'])
          .where('id', '=', input.agencyId)
          .executeTakeFirst();
        if (!agency || !agency.active) fail('NOT_FOUND', { field: 'agencyId' });
        if (agency.kind === 'bureau')
          fail('FORBIDDEN', {
            field: 'agencyId',
            message: { zh: '不能对大数据主管部门自身下达整改', en: 'The bureau cannot order itself to rectify' },
          });
        // The term is the order's own, or the default of the rule set in force (R35.1, R37.1).
        const term = await deadlines.limitOf(trx, STEP, clock(), input.termWorkingDays);
        const order = await trx
          .insertInto('rectification_orders')
          .values({
            agency_id: input.agencyId,
            title: input.title,
            reason: input.reason,
            requirement: input.requirement,
            term_working_days: term,
            state: 'open',
            issued_by: actor.userId,
            issued_at: clock(),
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await audit.record(trx, ctx, {
          action: 'rectification.issue',
          subjectType: SUBJECT,
          subjectId: order.id,
          details: { agencyId: order.agency_id, requirement: order.requirement, termWorkingDays: order.term_working_days },
        });
        await openTerm(trx, ctx, order);
        return one(trx, order.id);
      });
    },

    /** The agency's steward reports (R8.1: an agency without a steward cannot). */
    async report(ctx: RequestContext, id: string, report: string): Promise<Rectification> {
      return db.transaction().execute(async (trx) => {
        const order = await lockOrder(trx, id);
        const facts = await loadAgencyFacts(trx, order.agency_id);
        const decision = authorize(ctx.actor, 'agency.submit', facts ? { agency: facts } : {});
        if (!decision.ok) throw new DomainError(decision.refusal);
        if (order.state !== 'open') fail('DEADLINE_TRANSITION_INVALID', { details: { state: order.state } });
        const now = clock();
        await trx
          .updateTable('rectification_orders')
          .set({ state: 'reported', report, reported_at: now, reported_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null })
          .where('id', '=', id)
          .execute();
        await deadlines.completeActive(trx, ctx, SUBJECT, id);
        await audit.record(trx, ctx, {
          action: 'rectification.report',
          subjectType: SUBJECT,
          subjectId: id,
          details: { round: order.round },
        });
        const reviewers = [...(await bureauUsersWithRole(trx, 'bureau_reviewer')), order.issued_by];
        await insertNotifications(
          trx,
          reviewers,
          {
            kind: 'rectification.reported',
            title: { zh: `整改已报告：${order.title}`, en: `Rectification reported: ${order.title}` },
            body: { zh: '请审核整改报告，关闭或退回。', en: 'Review the report: close the order or return it.' },
            link: `/rectifications/${id}`,
            deadlineId: null,
          },
          now,
        );
        return one(trx, id);
      });
    },

    /** The bureau closes the order, or returns the report and starts another term. */
    async review(ctx: RequestContext, id: string, accepted: boolean, comment: string): Promise<Rectification> {
      return db.transaction().execute(async (trx) => {
        const order = await lockOrder(trx, id);
        if (order.state !== 'reported') fail('DEADLINE_TRANSITION_INVALID', { details: { state: order.state } });
        const now = clock();
        const reviewer = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
        if (accepted) {
          await trx
            .updateTable('rectification_orders')
            .set({ state: 'closed', review_comment: comment, closed_at: now, closed_by: reviewer })
            .where('id', '=', id)
            .execute();
        } else {
          const updated = await trx
            .updateTable('rectification_orders')
            .set((eb) => ({ state: 'open', review_comment: comment, round: eb('round', '+', 1) }))
            .where('id', '=', id)
            .returningAll()
            .executeTakeFirstOrThrow();
          await openTerm(trx, ctx, updated);
        }
        await audit.record(trx, ctx, {
          action: accepted ? 'rectification.close' : 'rectification.return',
          subjectType: SUBJECT,
          subjectId: id,
          details: { comment, round: order.round },
        });
        return one(trx, id);
      });
    },
  };
}

export type RectificationsService = ReturnType<typeof createRectificationsService>;
