/**
 * The deadline engine (decision 4, R10.3, R14, R15.1, R19, R35.1, R37.1): every working-day step
 * of a workflow is a row with its due time, computed in one place by domain computeDueAt on the
 * stored calendar and the rule set in force; a sweeper marks overdue steps, reminds, notifies and
 * escalates to the bureau, safely from several processes at once (FOR UPDATE SKIP LOCKED).
 *
 * Steps reaching into a year whose holiday arrangements are unpublished are counted Monday–Friday
 * and flagged provisional (shown as such wherever the date appears); importing that year
 * recomputes them.
 */
import type { OnTimeRow, PendingItem } from '@gongshu/contracts';
import {
  applyDeadlineEvent,
  computeDueAt,
  DomainError,
  fail,
  limitFor,
  onTimeRate,
  shanghaiDateOf,
  workingDaysLeft,
  type UserActor,
  type WorkingCalendar,
} from '@gongshu/domain';
import type { Kysely } from 'kysely';
import type { Clock, RequestContext } from '../../context.js';
import { systemContext } from '../../context.js';
import type { Executor } from '../../db/executor.js';
import type { Database, DeadlineRow } from '../../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import { loadWorkingCalendar } from '../calendar/calendar.service.js';
import {
  agencyRecipients,
  bureauUsersWithRole,
  insertNotifications,
  type NewNotification,
} from '../notifications/notifications.repository.js';
import { loadRuleSets, ruleSetOn } from '../rules/rules.service.js';
import {
  countOutcomes,
  findDeadline,
  insertDeadline,
  listActiveRows,
  listOpenForRecompute,
  listPendingRows,
  listSubjectRows,
  lockOverdueBatch,
  lockReminderCandidates,
  updateDeadline,
  type PendingRow,
} from './deadlines.repository.js';

export interface OpenStep {
  readonly subjectType: string;
  readonly subjectId: string;
  /** A key of the rule set's limits, e.g. share.conditional.provider_review. */
  readonly step: string;
  readonly title: string;
  readonly link: string | null;
  readonly responsibleAgencyId: string;
  /** Defaults to now. */
  readonly startedAt?: Date;
  /** For limits set per case (rectification terms, R35.1). */
  readonly workingDays?: number;
}

const DEADLINE_MODE = { unpublished: 'provisional' } as const;
const BATCH = 100;

export interface SweepResult {
  readonly overdue: number;
  readonly reminded: number;
}

export function createDeadlinesService(deps: { db: Kysely<Database>; audit: AuditService; clock: Clock }) {
  const { db, audit, clock } = deps;

  async function stepLabels(trx: Executor): Promise<Map<string, { zh: string; en: string }>> {
    const labels = new Map<string, { zh: string; en: string }>();
    for (const stored of await loadRuleSets(trx)) {
      for (const [step, limit] of Object.entries(stored.ruleSet.limits)) labels.set(step, limit.label);
    }
    return labels;
  }

  function dueText(row: DeadlineRow) {
    const note = row.provisional
      ? {
          zh: '（暂按周一至周五计算，待节假日安排公布后重新计算）',
          en: ' (provisional: counted Monday to Friday until the holiday calendar is published)',
        }
      : { zh: '', en: '' };
    const basis = [row.article, row.requirement].filter(Boolean).join(' ');
    return {
      zh: `时限 ${row.working_days} 个工作日，须于 ${row.due_on} 23:59 前办结${note.zh}。依据：${basis}`,
      en: `Limit ${row.working_days} working days: due by ${row.due_on} 23:59 China time${note.en}. Basis: ${basis}`,
    };
  }

  async function notifyResponsible(
    trx: Executor,
    row: DeadlineRow,
    kind: string,
    prefix: { zh: string; en: string },
    now: Date,
    labels: Map<string, { zh: string; en: string }>,
  ): Promise<void> {
    const label = labels.get(row.step) ?? { zh: row.step, en: row.step };
    const n: NewNotification = {
      kind,
      title: { zh: `${prefix.zh}${label.zh}：${row.title}`, en: `${prefix.en}${label.en}: ${row.title}` },
      body: dueText(row),
      link: row.link,
      deadlineId: row.id,
    };
    await insertNotifications(trx, await agencyRecipients(trx, row.responsible_agency_id), n, now);
  }

  function toItem(row: PendingRow, calendar: WorkingCalendar, now: Date, labels: Map<string, { zh: string; en: string }>): PendingItem {
    const left = workingDaysLeft(now, row.due_on, calendar, DEADLINE_MODE);
    return {
      id: row.id,
      subjectType: row.subject_type,
      subjectId: row.subject_id,
      step: row.step,
      stepLabel: labels.get(row.step) ?? { zh: row.step, en: row.step },
      title: row.title,
      link: row.link,
      responsibleAgency: { id: row.responsible_agency_id, name: row.agency_name },
      startedAt: row.started_at.toISOString(),
      receivedOn: row.received_on,
      dueOn: row.due_on,
      dueAt: row.due_at.toISOString(),
      workingDays: row.working_days,
      workingDaysLeft: left.ok ? left.value.days : 0,
      state: row.state as PendingItem['state'],
      // A done step was late when it was met after its due time; an open one when now is past it.
      overdue:
        row.state === 'overdue' ||
        (row.state === 'met' ? row.met_at !== null && row.met_at > row.due_at : row.state === 'open' && now > row.due_at),
      metAt: row.met_at?.toISOString() ?? null,
      provisional: row.provisional || (left.ok && left.value.provisional),
      requirement: row.requirement,
      article: row.article,
      ruleSet: row.rule_set_code,
    };
  }

  async function transition(trx: Executor, ctx: RequestContext, id: string, type: 'met' | 'cancel'): Promise<DeadlineRow> {
    const row = await findDeadline(trx, id, true);
    if (!row) fail('NOT_FOUND', { field: 'deadline' });
    const now = clock();
    const change = applyDeadlineEvent({ state: row.state as 'open', dueAt: row.due_at }, { type, at: now });
    if (!change.ok) throw new DomainError(change.refusal);
    const updated = await updateDeadline(
      trx,
      id,
      type === 'met' ? { state: 'met', met_at: now } : { state: 'cancelled', cancelled_at: now },
    );
    await audit.record(trx, ctx, {
      action: type === 'met' ? 'deadline.met' : 'deadline.cancel',
      subjectType: 'deadline',
      subjectId: id,
      details: { step: row.step, dueAt: row.due_at.toISOString(), ...(type === 'met' ? { late: change.value.late } : {}) },
    });
    return updated;
  }

  return {
    /** The limit of a step that would start at `at`, from the rule set in force then (R37.1). */
    async limitOf(trx: Executor, step: string, at: Date, perCase?: number): Promise<number> {
      const stored = await ruleSetOn(trx, shanghaiDateOf(at));
      const limit = limitFor(stored.ruleSet, step, perCase);
      if (!limit.ok) throw new DomainError(limit.refusal);
      return limit.value.workingDays;
    },

    /** Opens a step on the clock, inside the caller's transaction; notifies whoever must act. */
    async open(trx: Executor, ctx: RequestContext, step: OpenStep): Promise<DeadlineRow> {
      const startedAt = step.startedAt ?? clock();
      const stored = await ruleSetOn(trx, shanghaiDateOf(startedAt));
      const limit = limitFor(stored.ruleSet, step.step, step.workingDays);
      if (!limit.ok) throw new DomainError(limit.refusal);
      const due = computeDueAt(startedAt, limit.value.workingDays, await loadWorkingCalendar(trx), DEADLINE_MODE);
      if (!due.ok) throw new DomainError(due.refusal);
      const row = await insertDeadline(trx, {
        subject_type: step.subjectType,
        subject_id: step.subjectId,
        step: step.step,
        title: step.title,
        link: step.link,
        rule_set_id: stored.id,
        article: limit.value.limit.article,
        requirement: limit.value.limit.requirement,
        responsible_agency_id: step.responsibleAgencyId,
        working_days: limit.value.workingDays,
        started_at: startedAt,
        received_on: due.value.receivedOn,
        due_on: due.value.dueOn,
        due_at: due.value.dueAt,
        provisional: due.value.provisional,
        state: 'open',
      });
      await audit.record(trx, ctx, {
        action: 'deadline.open',
        subjectType: 'deadline',
        subjectId: row.id,
        details: {
          step: row.step,
          subject: `${row.subject_type}/${row.subject_id}`,
          ruleSet: stored.ruleSet.code,
          dueOn: row.due_on,
          provisional: row.provisional,
        },
      });
      await notifyResponsible(trx, row, 'deadline.opened', { zh: '新待办：', en: 'New: ' }, clock(), await stepLabels(trx));
      return row;
    },

    /** The step was done (late when after its due time). */
    complete: (trx: Executor, ctx: RequestContext, id: string) => transition(trx, ctx, id, 'met'),

    /** Completes the active step of a workflow item, if it has one (the item moved on). */
    async completeActive(trx: Executor, ctx: RequestContext, subjectType: string, subjectId: string): Promise<void> {
      const row = await trx
        .selectFrom('deadlines')
        .select('id')
        .where('subject_type', '=', subjectType)
        .where('subject_id', '=', subjectId)
        .where('state', 'in', ['open', 'overdue'])
        .executeTakeFirst();
      if (row) await transition(trx, ctx, row.id, 'met');
    },

    /** The step no longer needs doing (e.g. the request was withdrawn). */
    cancel: (trx: Executor, ctx: RequestContext, id: string) => transition(trx, ctx, id, 'cancel'),

    /** Recomputes open steps on the current calendar (after a year was imported or corrected). */
    async recomputeOpen(trx: Executor, ctx: RequestContext): Promise<number> {
      const calendar = await loadWorkingCalendar(trx);
      let changed = 0;
      for (const row of await listOpenForRecompute(trx)) {
        const due = computeDueAt(row.started_at, row.working_days, calendar, DEADLINE_MODE);
        if (!due.ok) throw new DomainError(due.refusal);
        if (due.value.dueOn === row.due_on && due.value.provisional === row.provisional && due.value.receivedOn === row.received_on)
          continue;
        await updateDeadline(trx, row.id, {
          received_on: due.value.receivedOn,
          due_on: due.value.dueOn,
          due_at: due.value.dueAt,
          provisional: due.value.provisional,
        });
        await audit.record(trx, ctx, {
          action: 'deadline.recompute',
          subjectType: 'deadline',
          subjectId: row.id,
          details: { dueOnBefore: row.due_on, dueOnAfter: due.value.dueOn, provisional: due.value.provisional },
        });
        changed++;
      }
      return changed;
    },

    /**
     * One pass of the sweeper: marks open steps past due as overdue, notifies the responsible
     * agency and escalates to the bureau's administrators; reminds steps with one working day
     * left. Batches lock their rows with SKIP LOCKED, so concurrent sweepers share the work.
     */
    async sweep(now: Date = clock()): Promise<SweepResult> {
      const ctx = systemContext('system');
      let overdue = 0;
      for (;;) {
        const done = await db.transaction().execute(async (trx) => {
          const batch = await lockOverdueBatch(trx, now, BATCH);
          if (batch.length === 0) return 0;
          const admins = await bureauUsersWithRole(trx, 'bureau_admin');
          const labels = await stepLabels(trx);
          const names = new Map((await trx.selectFrom('agencies').select(['id', 'name']).execute()).map((a) => [a.id, a.name]));
          for (const row of batch) {
            const change = applyDeadlineEvent({ state: 'open', dueAt: row.due_at }, { type: 'overdue', at: now });
            if (!change.ok) continue;
            const updated = await updateDeadline(trx, row.id, { state: 'overdue', overdue_at: now, escalated_at: now });
            await notifyResponsible(trx, updated, 'deadline.overdue', { zh: '已超期：', en: 'Overdue: ' }, now, labels);
            const agency = { name: names.get(row.responsible_agency_id) ?? '' };
            await insertNotifications(
              trx,
              admins,
              {
                kind: 'deadline.escalated',
                title: { zh: `超期督办：${agency.name} ${row.title}`, en: `Escalated: ${agency.name} is overdue: ${row.title}` },
                body: dueText(updated),
                link: row.link,
                deadlineId: row.id,
              },
              now,
            );
            await audit.record(trx, ctx, {
              action: 'deadline.overdue',
              subjectType: 'deadline',
              subjectId: row.id,
              details: { step: row.step, dueAt: row.due_at.toISOString(), escalated: true },
            });
          }
          return batch.length;
        });
        overdue += done;
        if (done < BATCH) break;
      }

      const reminded = await db.transaction().execute(async (trx) => {
        const horizon = new Date(now.getTime() + 20 * 86_400_000);
        const candidates = await lockReminderCandidates(trx, now, horizon, 500);
        if (candidates.length === 0) return 0;
        const calendar = await loadWorkingCalendar(trx);
        const labels = await stepLabels(trx);
        let count = 0;
        for (const row of candidates) {
          const left = workingDaysLeft(now, row.due_on, calendar, DEADLINE_MODE);
          if (!left.ok || left.value.days > 1) continue;
          const updated = await updateDeadline(trx, row.id, { reminded_at: now });
          await notifyResponsible(trx, updated, 'deadline.due_soon', { zh: '即将到期：', en: 'Due soon: ' }, now, labels);
          await audit.record(trx, ctx, {
            action: 'deadline.remind',
            subjectType: 'deadline',
            subjectId: row.id,
            details: { step: row.step, dueOn: row.due_on },
          });
          count++;
        }
        return count;
      });
      return { overdue, reminded };
    },

    /** Pending steps with time left: the actor's agency, or every agency (or one) for the bureau. */
    async pending(actor: UserActor, agencyId: string | undefined): Promise<PendingItem[]> {
      const bureau = actor.roles.includes('bureau_admin') || actor.roles.includes('bureau_reviewer');
      const scope = bureau ? (agencyId ?? null) : (actor.agency?.id ?? fail('FORBIDDEN'));
      if (!bureau && agencyId && agencyId !== scope) fail('FORBIDDEN', { field: 'agencyId' });
      const [rows, calendar, labels] = await Promise.all([listPendingRows(db, scope), loadWorkingCalendar(db), stepLabels(db)]);
      const now = clock();
      return rows.map((row) => toItem(row, calendar, now, labels));
    },

    /** The active step of some workflow items, for their own views (inside the caller's transaction). */
    async activeFor(trx: Executor, subjectType: string, subjectIds: readonly string[]): Promise<Map<string, PendingItem>> {
      const rows = await listActiveRows(trx, subjectType, subjectIds);
      const calendar = await loadWorkingCalendar(trx);
      const labels = await stepLabels(trx);
      const now = clock();
      return new Map(rows.map((row) => [row.subject_id, toItem(row, calendar, now, labels)]));
    },

    /** Every step of one workflow item, met or open, for its timeline. */
    async historyFor(trx: Executor, subjectType: string, subjectId: string): Promise<PendingItem[]> {
      // One after another: inside a transaction the queries share one connection.
      const rows = await listSubjectRows(trx, subjectType, subjectId);
      const calendar = await loadWorkingCalendar(trx);
      const labels = await stepLabels(trx);
      const now = clock();
      return rows.map((row) => toItem(row, calendar, now, labels));
    },

    /** On-time rate per agency and per step over steps due in [from, to] (R33.1). */
    async stats(
      from: string | undefined,
      to: string | undefined,
    ): Promise<{ from: string; to: string; byAgency: OnTimeRow[]; byStep: OnTimeRow[] }> {
      const today = shanghaiDateOf(clock());
      const range = { from: from ?? `${today.slice(0, 4)}-01-01`, to: to ?? today };
      if (range.to < range.from) fail('VALIDATION_FAILED', { field: 'to' });
      const [agencies, steps, labels, names] = await Promise.all([
        countOutcomes(db, 'agency', range.from, range.to),
        countOutcomes(db, 'step', range.from, range.to),
        stepLabels(db),
        db.selectFrom('agencies').select(['id', 'name']).execute(),
      ]);
      const nameOf = new Map(names.map((a) => [a.id, a.name]));
      const row = (key: string, label: { zh: string; en: string }, c: (typeof agencies)[number]): OnTimeRow => ({
        key,
        label,
        metOnTime: c.met_on_time,
        metLate: c.met_late,
        overdue: c.overdue,
        open: c.open,
        rate: onTimeRate({ metOnTime: c.met_on_time, metLate: c.met_late, overdue: c.overdue }),
      });
      return {
        ...range,
        byAgency: agencies.map((c) => {
          const name = nameOf.get(c.key) ?? c.key;
          return row(c.key, { zh: name, en: name }, c);
        }),
        byStep: steps.map((c) => row(c.key, labels.get(c.key) ?? { zh: c.key, en: c.key }, c)),
      };
    },
  };
}

export type DeadlinesService = ReturnType<typeof createDeadlinesService>;
