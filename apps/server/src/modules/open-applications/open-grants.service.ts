/**
 * Open grants (R19.2, R20.1, R23.1): which fields of a conditional open resource a citizen or
 * organization may fetch with their API keys, for what and until when. Made by the application
 * workflow; the bureau suspends, restores or revokes them. The holder reports their use on a
 * schedule (usage reports): reminded before a report is due, and a grant whose report is overdue
 * past the grace period is suspended until it arrives (a periodic task, safe with several
 * processes). Every change is audited and the open exit is told to forget the grant.
 */
import { randomBytes } from 'node:crypto';
import type { OpenGrant } from '@gongshu/contracts';
import {
  authorize,
  DomainError,
  effectiveMask,
  fail,
  fieldDefaultMask,
  grantStatusAt,
  shanghaiDateOf,
  usageReportDueDates,
  usageReportStatus,
  type MaskKind,
  type ResourceMetadata,
  type UserActor,
} from '@gongshu/domain';
import type { Kysely } from 'kysely';
import { signedInUser, systemContext, type Clock, type RequestContext } from '../../context.js';
import type { Executor } from '../../db/executor.js';
import type { Database } from '../../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import { agencyRecipients, insertNotifications, type NewNotification } from '../notifications/notifications.repository.js';
import { loadAgencyFacts } from '../users/users.repository.js';
import {
  nextOpenNumber,
  openGrantsQuery,
  reportsOf,
  unsubmittedReportsQuery,
  type OpenGrantRowJoined,
} from './open-applications.repository.js';

export const OPEN_GRANT_SUBJECT = 'open_grant';
const DAY_MS = 86_400_000;

/** Platform defaults of R20.1 (the regulation sets none): docs/open-data.md. */
export const USAGE_REPORT_DEFAULTS = { everyMonths: 6, noticeDays: 10, graceDays: 30 } as const;

/** Midnight at the start of a day in Asia/Shanghai. */
const shanghaiMidnight = (isoDate: string): Date => new Date(`${isoDate}T00:00:00+08:00`);

export interface NewOpenGrant {
  applicationId: string;
  userId: string;
  providerAgencyId: string;
  providerName: string;
  resourceId: string;
  resourceCode: string | null;
  resourceName: string;
  fields: readonly string[];
  purpose: string;
  periodFrom: string;
  periodTo: string;
  reportEveryMonths?: number;
  /** The provider's per-field mask overrides (R29.1), already checked against the defaults. */
  masks?: Readonly<Record<string, MaskKind>>;
}

export interface ReportInput {
  built: string;
  outcome: string;
  links: string[];
  protection: string;
}

export interface ReportSweepResult {
  readonly reminded: number;
  /** Reports marked overdue (the day after their due date). */
  readonly overdue: number;
  readonly suspended: number;
}

export function createOpenGrantsService(deps: {
  db: Kysely<Database>;
  audit: AuditService;
  clock: Clock;
  /** Tells the open exit to forget what it cached about a holder's grant for a resource. */
  onOpenGrantChanged: (userId: string, resourceId: string) => void;
  reportDefaults?: { everyMonths: number; noticeDays: number; graceDays: number };
}) {
  const { db, audit, clock, onOpenGrantChanged } = deps;
  const defaults = deps.reportDefaults ?? USAGE_REPORT_DEFAULTS;

  async function present(trx: Executor, rows: OpenGrantRowJoined[]): Promise<OpenGrant[]> {
    const reports = await reportsOf(
      trx,
      rows.map((r) => r.id),
    );
    const now = clock();
    const today = shanghaiDateOf(now);
    return rows.map((r) => {
      const metadata = r.resource_metadata as ResourceMetadata;
      const names = new Map(metadata.fields.map((f) => [f.code, f.name]));
      return {
        id: r.id,
        number: r.number,
        application: { id: r.application_id, number: r.application_number },
        holder: { id: r.user_id, name: r.holder_name },
        resource: { id: r.resource_id, code: r.resource_code, name: metadata.name },
        provider: { id: r.provider_agency_id, name: r.provider_name },
        fields: r.fields.map((code) => {
          const spec = metadata.fields.find((f) => f.code === code);
          // The effective mask per field, the grant's override first (R29.1).
          if (!spec) return { code, name: code };
          return {
            code,
            name: names.get(code) ?? code,
            defaultMask: fieldDefaultMask(spec, metadata.securityLevel),
            effectiveMask: effectiveMask(spec, metadata.securityLevel, r.field_masks[code] ?? null),
          };
        }),
        purpose: r.purpose,
        validFrom: r.valid_from.toISOString(),
        validTo: r.valid_to.toISOString(),
        state: r.state,
        status: grantStatusAt({ state: r.state, validFrom: r.valid_from, validTo: r.valid_to }, now),
        stateReason: r.state_reason,
        suspendedForReport: r.suspended_for_report,
        reportEveryMonths: r.report_every_months,
        citation: r.citation,
        recordsUrl: `/api/open/resources/${r.resource_id}/records?fields=${r.fields.join(',')}`,
        reports: reports
          .filter((p) => p.grant_id === r.id)
          .map((p) => ({
            id: p.id,
            dueOn: p.due_on,
            status: p.submitted_at ? 'submitted' : usageReportStatus(p.due_on, today, defaults.noticeDays, defaults.graceDays),
            remindedAt: p.reminded_at?.toISOString() ?? null,
            submittedAt: p.submitted_at?.toISOString() ?? null,
            built: p.built,
            outcome: p.outcome,
            links: p.links ?? [],
            protection: p.protection,
          })),
        createdAt: r.created_at.toISOString(),
      };
    });
  }

  async function load(trx: Executor, id: string): Promise<OpenGrant> {
    const row = await openGrantsQuery(trx).where('g.id', '=', id).executeTakeFirst();
    if (!row) fail('NOT_FOUND', { field: 'id' });
    return (await present(trx, [row]))[0] ?? fail('NOT_FOUND');
  }

  async function notifyHolderAndProvider(
    trx: Executor,
    grant: { user_id: string; provider_agency_id: string },
    n: NewNotification,
    holderLink: string,
  ) {
    await insertNotifications(trx, [grant.user_id], { ...n, link: holderLink }, clock());
    await insertNotifications(
      trx,
      await agencyRecipients(trx, grant.provider_agency_id),
      { ...n, link: '/open-admin/applications' },
      clock(),
    );
  }

  /** Suspends (for an overdue report) or restores a grant inside the caller's transaction. */
  async function setReportSuspension(trx: Executor, ctx: RequestContext, grantId: string, suspend: boolean, reason: string) {
    const now = clock();
    const grant = await trx
      .updateTable('open_grants')
      .set({ state: suspend ? 'suspended' : 'active', suspended_for_report: suspend, state_reason: reason, state_changed_at: now })
      .where('id', '=', grantId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit.record(trx, ctx, {
      action: suspend ? 'open.grant.suspend_for_report' : 'open.grant.restore_after_report',
      subjectType: OPEN_GRANT_SUBJECT,
      subjectId: grantId,
      details: { number: grant.number, reason },
    });
    await notifyHolderAndProvider(
      trx,
      grant,
      {
        kind: suspend ? 'open.grant.suspended' : 'open.grant.restored',
        title: suspend
          ? { zh: `开放授权 ${grant.number} 因使用情况报告逾期已暂停`, en: `Open grant ${grant.number} suspended: usage report overdue` }
          : { zh: `开放授权 ${grant.number} 已恢复`, en: `Open grant ${grant.number} restored` },
        body: { zh: reason, en: reason },
        link: null,
        deadlineId: null,
      },
      '/me/grants',
    );
    return grant;
  }

  return {
    /** Makes the grant of an application, with its usage reports due, inside the workflow's transaction. */
    async create(trx: Executor, ctx: RequestContext, g: NewOpenGrant) {
      const now = clock();
      const start = shanghaiMidnight(g.periodFrom);
      const number = await nextOpenNumber(trx, 'KG', shanghaiDateOf(now).slice(0, 4));
      const every = g.reportEveryMonths ?? defaults.everyMonths;
      const grant = await trx
        .insertInto('open_grants')
        .values({
          number,
          application_id: g.applicationId,
          user_id: g.userId,
          resource_id: g.resourceId,
          provider_agency_id: g.providerAgencyId,
          fields: JSON.stringify(g.fields),
          purpose: g.purpose,
          valid_from: start > now ? start : now,
          valid_to: new Date(shanghaiMidnight(g.periodTo).getTime() + DAY_MS),
          state: 'active',
          report_every_months: every,
          watermark_key: randomBytes(32).toString('base64url'),
          citation: `数据来源：${g.providerName}《${g.resourceName}》${g.resourceCode ? `（资源代码 ${g.resourceCode}）` : ''}，经滕州市公共数据开放平台有条件开放，授权编号 ${number}`,
          created_by_user_id: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
          created_at: now,
          field_masks: JSON.stringify(g.masks ?? {}),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const fromDay = g.periodFrom > shanghaiDateOf(now) ? g.periodFrom : shanghaiDateOf(now);
      const due = usageReportDueDates(fromDay, g.periodTo, every);
      if (due.length > 0)
        await trx
          .insertInto('open_usage_reports')
          .values(due.map((d) => ({ grant_id: grant.id, due_on: d })))
          .execute();
      await audit.record(trx, ctx, {
        action: 'open.grant.create',
        subjectType: OPEN_GRANT_SUBJECT,
        subjectId: grant.id,
        details: {
          number,
          applicationId: g.applicationId,
          holder: g.userId,
          resource: g.resourceId,
          fields: g.fields,
          ...(g.masks && Object.keys(g.masks).length > 0 ? { masks: g.masks } : {}),
          validTo: grant.valid_to.toISOString(),
          reportsDue: due,
        },
      });
      await notifyHolderAndProvider(
        trx,
        grant,
        {
          kind: 'open.granted',
          title: { zh: `开放授权 ${number}：${g.resourceName}`, en: `Open grant ${number}: ${g.resourceName}` },
          body: {
            zh: `已授权使用 ${g.fields.length} 个信息项，有效期至 ${g.periodTo}；请按期提交使用情况报告。`,
            en: `${g.fields.length} fields are granted until ${g.periodTo}; report your use when due.`,
          },
          link: null,
          deadlineId: null,
        },
        '/me/grants',
      );
      onOpenGrantChanged(g.userId, g.resourceId);
      return grant;
    },

    async list(ctx: RequestContext, scope: 'mine' | 'provider' | 'all', resourceId?: string): Promise<OpenGrant[]> {
      const actor = signedInUser(ctx);
      let q = openGrantsQuery(db);
      if (scope === 'mine') {
        q = q.where('g.user_id', '=', actor.userId);
      } else if (scope === 'all') {
        if (!authorize(actor, 'open.review').ok) fail('FORBIDDEN', { field: 'scope' });
      } else {
        if (!authorize(actor, 'open.read').ok) fail('FORBIDDEN', { field: 'scope' });
        const agencyId = actor.agency?.id ?? fail('FORBIDDEN', { field: 'scope' });
        q = q.where('g.provider_agency_id', '=', agencyId);
      }
      if (resourceId) q = q.where('g.resource_id', '=', resourceId);
      return present(db, await q.orderBy('g.created_at', 'desc').limit(500).execute());
    },

    /** The caller's latest grant for a resource (the resource page's apply card). */
    async latestOf(trx: Executor, userId: string, resourceId: string): Promise<OpenGrant | null> {
      const row = await openGrantsQuery(trx)
        .where('g.user_id', '=', userId)
        .where('g.resource_id', '=', resourceId)
        .orderBy('g.created_at', 'desc')
        .executeTakeFirst();
      return row ? ((await present(trx, [row]))[0] ?? null) : null;
    },

    /** The bureau suspends (misuse), restores or revokes (final) a grant, with the reason. */
    async changeState(ctx: RequestContext, id: string, action: 'suspend' | 'restore' | 'revoke', reason: string): Promise<OpenGrant> {
      const actor = signedInUser(ctx);
      const decision = authorize(actor, 'open.review');
      if (!decision.ok) throw new DomainError(decision.refusal);
      const { result, grant } = await db.transaction().execute(async (trx) => {
        const grant = await trx.selectFrom('open_grants').selectAll().where('id', '=', id).forNoKeyUpdate().executeTakeFirst();
        if (!grant) fail('NOT_FOUND', { field: 'id' });
        const allowed = { suspend: ['active'], restore: ['suspended'], revoke: ['active', 'suspended'] }[action];
        if (!allowed.includes(grant.state)) fail('SHARE_TRANSITION_INVALID', { details: { state: grant.state, action } });
        const state = ({ suspend: 'suspended', restore: 'active', revoke: 'revoked' } as const)[action];
        const now = clock();
        await trx
          .updateTable('open_grants')
          .set({ state, state_reason: reason, state_changed_at: now, suspended_for_report: false })
          .where('id', '=', id)
          .execute();
        await audit.record(trx, ctx, {
          action: `open.grant.${action}`,
          subjectType: OPEN_GRANT_SUBJECT,
          subjectId: id,
          details: { reason },
        });
        const label = { suspend: ['已暂停', 'suspended'], restore: ['已恢复', 'restored'], revoke: ['已撤销', 'revoked'] }[action];
        await notifyHolderAndProvider(
          trx,
          grant,
          {
            kind: `open.grant.${action}`,
            title: { zh: `开放授权 ${grant.number} ${label[0]}`, en: `Open grant ${grant.number} ${label[1]}` },
            body: { zh: `原因：${reason}`, en: `Reason: ${reason}` },
            link: null,
            deadlineId: null,
          },
          '/me/grants',
        );
        return { result: await load(trx, id), grant };
      });
      onOpenGrantChanged(grant.user_id, grant.resource_id);
      return result;
    },

    /** The holder reports their use (R20.1); a grant suspended for an overdue report is restored when none is left overdue. */
    async submitReport(ctx: RequestContext, grantId: string, reportId: string, input: ReportInput): Promise<OpenGrant> {
      const actor = signedInUser(ctx);
      const decision = authorize(actor, 'open.participate');
      if (!decision.ok) throw new DomainError(decision.refusal);
      const { result, restored, grant } = await db.transaction().execute(async (trx) => {
        const grant = await trx.selectFrom('open_grants').selectAll().where('id', '=', grantId).forNoKeyUpdate().executeTakeFirst();
        if (!grant || grant.user_id !== actor.userId) fail('NOT_FOUND', { field: 'id' });
        if (grant.state === 'revoked') fail('SHARE_TRANSITION_INVALID', { details: { state: grant.state } });
        const report = await trx
          .selectFrom('open_usage_reports')
          .selectAll()
          .where('id', '=', reportId)
          .where('grant_id', '=', grantId)
          .forUpdate()
          .executeTakeFirst();
        if (!report) fail('NOT_FOUND', { field: 'reportId' });
        if (report.submitted_at)
          fail('SHARE_TRANSITION_INVALID', { field: 'reportId', details: { submittedAt: report.submitted_at.toISOString() } });
        const now = clock();
        const links = input.links.map((l) => l.trim()).filter((l) => l !== '');
        await trx
          .updateTable('open_usage_reports')
          .set({
            submitted_at: now,
            submitted_by_user_id: actor.userId,
            built: input.built.trim(),
            outcome: input.outcome.trim(),
            links: JSON.stringify(links),
            protection: input.protection.trim(),
          })
          .where('id', '=', reportId)
          .execute();
        await audit.record(trx, ctx, {
          action: 'open.usage_report.submit',
          subjectType: OPEN_GRANT_SUBJECT,
          subjectId: grantId,
          details: { number: grant.number, dueOn: report.due_on, links: links.length },
        });
        await insertNotifications(
          trx,
          await agencyRecipients(trx, grant.provider_agency_id),
          {
            kind: 'open.usage_report',
            title: { zh: `开放授权 ${grant.number} 提交了使用情况报告`, en: `Open grant ${grant.number}: usage report submitted` },
            body: { zh: input.built.slice(0, 200), en: input.built.slice(0, 200) },
            link: '/open-admin/applications',
            deadlineId: null,
          },
          now,
        );
        let restored = false;
        if (grant.state === 'suspended' && grant.suspended_for_report) {
          const graceLimit = shanghaiDateOf(new Date(now.getTime() - defaults.graceDays * DAY_MS));
          const stillOverdue = await trx
            .selectFrom('open_usage_reports')
            .select('id')
            .where('grant_id', '=', grantId)
            .where('submitted_at', 'is', null)
            .where('due_on', '<', graceLimit)
            .executeTakeFirst();
          if (!stillOverdue) {
            await setReportSuspension(trx, ctx, grantId, false, '已提交逾期的使用情况报告，授权自动恢复（R20.1）');
            restored = true;
          }
        }
        return { result: await load(trx, grantId), restored, grant };
      });
      if (restored) onOpenGrantChanged(grant.user_id, grant.resource_id);
      return result;
    },

    /**
     * The periodic task (R20.1): reminds holders of reports coming due (once per report), marks
     * reports overdue the day after their due date (once, holder and provider told), and suspends
     * active grants whose report is overdue past the grace period. Rows are locked with
     * SKIP LOCKED, so several processes may run it at once without doing anything twice.
     */
    async sweepReports(now: Date = clock()): Promise<ReportSweepResult> {
      const today = shanghaiDateOf(now);
      const noticeFrom = shanghaiDateOf(new Date(now.getTime() + defaults.noticeDays * DAY_MS));
      const graceLimit = shanghaiDateOf(new Date(now.getTime() - defaults.graceDays * DAY_MS));
      const ctx = systemContext();
      const reminded = await db.transaction().execute(async (trx) => {
        const due = await unsubmittedReportsQuery(trx).where('p.reminded_at', 'is', null).where('p.due_on', '<=', noticeFrom).execute();
        for (const r of due) {
          await trx.updateTable('open_usage_reports').set({ reminded_at: now }).where('id', '=', r.id).execute();
          const late = r.due_on < today;
          await insertNotifications(
            trx,
            [r.user_id],
            {
              kind: 'open.usage_report.due',
              title: late
                ? { zh: `开放授权 ${r.number} 的使用情况报告已逾期`, en: `Open grant ${r.number}: usage report overdue` }
                : {
                    zh: `开放授权 ${r.number} 的使用情况报告将于 ${r.due_on} 到期`,
                    en: `Open grant ${r.number}: usage report due ${r.due_on}`,
                  },
              body: {
                zh: `逾期超过 ${defaults.graceDays} 日未提交的，授权将暂停，提交后自动恢复（R20.1）。`,
                en: `A report more than ${defaults.graceDays} days overdue suspends the grant until it arrives (R20.1).`,
              },
              link: '/me/grants',
              deadlineId: null,
            },
            now,
          );
          await audit.record(trx, ctx, {
            action: 'open.usage_report.remind',
            subjectType: OPEN_GRANT_SUBJECT,
            subjectId: r.grant_id,
            details: { dueOn: r.due_on },
          });
        }
        return due.length;
      });
      // Overdue the day after the due date: marked once, the holder and the provider told.
      const overdue = await db.transaction().execute(async (trx) => {
        const late = await unsubmittedReportsQuery(trx)
          .select('g.provider_agency_id')
          .where('p.overdue_at', 'is', null)
          .where('p.due_on', '<', today)
          .execute();
        for (const r of late) {
          await trx.updateTable('open_usage_reports').set({ overdue_at: now }).where('id', '=', r.id).execute();
          await notifyHolderAndProvider(
            trx,
            r,
            {
              kind: 'open.usage_report.overdue',
              title: { zh: `开放授权 ${r.number} 的使用情况报告已逾期`, en: `Open grant ${r.number}: usage report overdue` },
              body: {
                zh: `应于 ${r.due_on} 提交；逾期超过 ${defaults.graceDays} 日未提交的，授权将暂停（R20.1）。`,
                en: `It was due ${r.due_on}; more than ${defaults.graceDays} days overdue suspends the grant (R20.1).`,
              },
              link: null,
              deadlineId: null,
            },
            '/me/grants',
          );
          await audit.record(trx, ctx, {
            action: 'open.usage_report.overdue',
            subjectType: OPEN_GRANT_SUBJECT,
            subjectId: r.grant_id,
            details: { dueOn: r.due_on },
          });
        }
        return late.length;
      });
      const changed: { user_id: string; resource_id: string }[] = [];
      await db.transaction().execute(async (trx) => {
        const grants = await trx
          .selectFrom('open_grants as g')
          .select(['g.id', 'g.user_id', 'g.resource_id'])
          .where('g.state', '=', 'active')
          .where('g.valid_to', '>', now)
          .where((eb) =>
            eb.exists(
              eb
                .selectFrom('open_usage_reports as p')
                .select('p.id')
                .whereRef('p.grant_id', '=', 'g.id')
                .where('p.submitted_at', 'is', null)
                .where('p.due_on', '<', graceLimit),
            ),
          )
          .limit(200)
          .forNoKeyUpdate()
          .skipLocked()
          .execute();
        for (const g of grants) {
          await setReportSuspension(
            trx,
            ctx,
            g.id,
            true,
            `使用情况报告逾期超过 ${defaults.graceDays} 日未提交，授权暂停；提交报告后自动恢复（R20.1）`,
          );
          changed.push(g);
        }
      });
      for (const g of changed) onOpenGrantChanged(g.user_id, g.resource_id);
      return { reminded, overdue, suspended: changed.length };
    },

    /** Whether the actor is a steward (open.provide) of the agency. */
    async providesFor(trx: Executor, actor: UserActor, agencyId: string): Promise<boolean> {
      if (actor.agency?.id !== agencyId) return false;
      const facts = await loadAgencyFacts(trx, agencyId);
      return authorize(actor, 'open.provide', facts ? { agency: facts } : {}).ok;
    },
  };
}

export type OpenGrantsService = ReturnType<typeof createOpenGrantsService>;
