/**
 * Unusual-access alerts for the security supervisors (R29.1, issue 8 item 4). A periodic sweep
 * counts the records the exit delivered this clock hour and this China day to each API key, user,
 * share grant and open grant, compares them with the subject's own baseline (access-rules.ts),
 * raises at most one alert per kind, subject and window, and tells the security supervisors and
 * bureau administrators. Several processes may run it: one pass at a time under an advisory lock,
 * at most one per GONGSHU_ALERT_SWEEP_MINUTES across processes.
 */
import type { AccessAlert, AccessAlertDay } from '@gongshu/contracts';
import { fail, isWorkingDay } from '@gongshu/domain';
import { sql, type Kysely } from 'kysely';
import type { AccessAlertsConfig } from '../../config.js';
import { signedInUser, systemContext, type Clock, type RequestContext } from '../../context.js';
import type { Database } from '../../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import { loadWorkingCalendar } from '../calendar/calendar.service.js';
import { insertNotifications } from '../notifications/notifications.repository.js';
import { evaluateUsage, median, type AlertThresholds, type Finding } from './access-rules.js';
import {
  SUBJECT_TYPES,
  alertRecipients,
  chinaDayLabel,
  chinaDayOfHour,
  chinaDayStart,
  chinaHourOfHour,
  describeSubjects,
  findAlert,
  hourNumber,
  hourSpikesSince,
  hourlyRecords,
  insertAlert,
  listAlerts,
  subjectKey,
  usageSince,
  type AlertFilter,
  type AlertListRow,
  type SubjectType,
  type TodayUsage,
} from './security-alerts.repository.js';

/** Any constant: the advisory lock that keeps two passes of the sweep from running at once. */
const SWEEP_LOCK_KEY = 7_426_020;
const LAST_SWEEP = 'access_alerts.last_sweep';
const HOUR = 3_600_000;

const SUBJECT_NAMES: Record<SubjectType, { zh: string; en: string }> = {
  api_key: { zh: 'API 密钥', en: 'API key' },
  user: { zh: '用户', en: 'User' },
  share_grant: { zh: '共享授权', en: 'Share grant' },
  open_grant: { zh: '开放授权', en: 'Open grant' },
};
const KIND_NAMES: Record<Finding['kind'], { zh: string; en: string }> = {
  spike: { zh: '调用量突增', en: 'spike' },
  first_heavy: { zh: '首次大量调用', en: 'heavy first use' },
  off_hours: { zh: '非工作时间批量访问', en: 'bulk access off hours' },
};

export interface SweepResult {
  readonly raised: number;
  readonly skipped?: 'locked' | 'recent' | 'off';
}

function present(row: AlertListRow): AccessAlert {
  return {
    id: row.id,
    kind: row.kind,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    subjectLabel: row.subject_label,
    agencyId: row.agency_id,
    agencyName: row.agency_name,
    windowKind: row.window_kind,
    windowStart: row.window_start.toISOString(),
    windowEnd: row.window_end.toISOString(),
    observed: row.observed,
    baseline: row.baseline,
    factor: row.factor,
    floor: row.floor,
    raisedAt: row.raised_at.toISOString(),
    state: row.state,
    acknowledgedBy: row.acknowledged_by_name,
    acknowledgedAt: row.acknowledged_at?.toISOString() ?? null,
    note: row.note,
    closedBy: row.closed_by_name,
    closedAt: row.closed_at?.toISOString() ?? null,
    closeNote: row.close_note,
  };
}

export function createSecurityAlertsService(deps: { db: Kysely<Database>; audit: AuditService; clock: Clock; config: AccessAlertsConfig }) {
  const { db, audit, clock, config } = deps;
  const thresholds: AlertThresholds = config;

  /** Records per China day and per clock hour of each subject over the baseline days before `today`. */
  async function history(trx: Kysely<Database>, subjects: readonly { type: SubjectType; id: string }[], today: number) {
    const from = chinaDayStart(today - config.baselineDays);
    const to = chinaDayStart(today);
    const byHour = new Map<string, Map<number, number>>();
    for (const type of SUBJECT_TYPES) {
      const ids = subjects.filter((s) => s.type === type).map((s) => s.id);
      for (const r of await hourlyRecords(trx, type, ids, from, to)) {
        const key = subjectKey(type, r.id);
        const hours = byHour.get(key) ?? new Map<number, number>();
        hours.set(r.hour, r.records);
        byHour.set(key, hours);
      }
    }
    return byHour;
  }

  function usageOf(today: TodayUsage, hours: Map<number, number> | undefined, todayNumber: number, nowHour: number) {
    const days = Array.from({ length: config.baselineDays }, (_, i) => todayNumber - config.baselineDays + i);
    const daily = days.map(() => 0);
    const peakHour = days.map(() => 0);
    const sameHour = days.map(() => 0);
    for (const [hour, records] of hours ?? []) {
      const i = chinaDayOfHour(hour) - days[0]!;
      if (i < 0 || i >= days.length) continue;
      daily[i]! += records;
      peakHour[i] = Math.max(peakHour[i]!, records);
      if (chinaHourOfHour(hour) === chinaHourOfHour(nowHour)) sameHour[i]! += records;
    }
    return { hour: today.hour, day: today.day, daily, peakHour, sameHour, hasHistory: (hours?.size ?? 0) > 0 };
  }

  /** Claims this pass: the lock, then the interval since the last pass of any process. */
  async function claim(trx: Kysely<Database>, now: Date, force: boolean): Promise<SweepResult['skipped'] | null> {
    const locked = await sql<{ ok: boolean }>`select pg_try_advisory_xact_lock(${SWEEP_LOCK_KEY}) as ok`.execute(trx);
    if (!locked.rows[0]?.ok) return 'locked';
    const last = await trx.selectFrom('platform_meta').select('value').where('key', '=', LAST_SWEEP).executeTakeFirst();
    const lastAt = typeof last?.value === 'string' ? Date.parse(last.value) : NaN;
    if (!force && Number.isFinite(lastAt) && now.getTime() - lastAt < config.sweepMinutes * 60_000 && now.getTime() >= lastAt)
      return 'recent';
    await trx
      .insertInto('platform_meta')
      .values({ key: LAST_SWEEP, value: JSON.stringify(now.toISOString()) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(now.toISOString()), updated_at: now }))
      .execute();
    return null;
  }

  return {
    /** One pass; `force` ignores the interval since the last pass (tests, the CLI), never the lock. */
    async sweep(options: { force?: boolean } = {}): Promise<SweepResult> {
      if (config.sweepMinutes === 0 && !options.force) return { raised: 0, skipped: 'off' };
      const now = clock();
      const ctx = systemContext();
      return db.transaction().execute(async (trx) => {
        const skipped = await claim(trx, now, options.force ?? false);
        if (skipped) return { raised: 0, skipped };
        const nowHour = hourNumber(now);
        const today = chinaDayOfHour(nowHour);
        const dayStart = chinaDayStart(today);
        const hourStart = new Date(nowHour * HOUR);
        const minimum = Math.min(config.floor, config.firstUseFloor, config.offHours ? config.offHoursFloor : Infinity);
        const candidates = await usageSince(trx, dayStart, hourStart, now, minimum);
        if (candidates.length === 0) return { raised: 0 };
        const hours = await history(trx, candidates, today);
        // Weekends and holidays of the official calendar are off hours all day (a year not yet
        // published counts Monday to Friday as working days).
        const working = isWorkingDay(chinaDayLabel(today), await loadWorkingCalendar(trx), { unpublished: 'provisional' });
        const workingDay = !working.ok || working.value.workingDay;
        const spikedToday = await hourSpikesSince(trx, dayStart);
        const found = candidates.flatMap((c) =>
          evaluateUsage(usageOf(c, hours.get(subjectKey(c.type, c.id)), today, nowHour), chinaHourOfHour(nowHour), thresholds, workingDay)
            // A day spike after an hour spike of the same day says nothing new.
            .filter((f) => !(f.kind === 'spike' && f.window === 'day' && spikedToday.has(subjectKey(c.type, c.id))))
            .map((f) => ({ subject: c, finding: f })),
        );
        if (found.length === 0) return { raised: 0 };
        const described = await describeSubjects(
          trx,
          found.map((f) => f.subject),
        );
        const raised: { label: string; type: SubjectType; finding: Finding }[] = [];
        for (const { subject, finding } of found) {
          const about = described.get(subjectKey(subject.type, subject.id));
          const label = about?.label ?? subject.id;
          const [windowStart, windowEnd] =
            finding.window === 'hour' ? [hourStart, new Date(hourStart.getTime() + HOUR)] : [dayStart, chinaDayStart(today + 1)];
          const id = await insertAlert(trx, {
            kind: finding.kind,
            subject_type: subject.type,
            subject_id: subject.id,
            subject_label: label,
            agency_id: about?.agencyId ?? null,
            window_kind: finding.window,
            window_start: windowStart,
            window_end: windowEnd,
            observed: finding.observed,
            baseline: finding.baseline,
            factor: config.factor,
            floor: finding.floor,
            raised_at: now,
          });
          if (!id) continue;
          await audit.record(trx, ctx, {
            action: 'security_alert.raise',
            subjectType: 'access_alert',
            subjectId: id,
            details: {
              kind: finding.kind,
              subjectType: subject.type,
              subjectId: subject.id,
              window: finding.window,
              windowStart: windowStart.toISOString(),
              observed: finding.observed,
              baseline: finding.baseline,
              ...(subject.type === 'share_grant' || subject.type === 'open_grant' ? { grantId: subject.id } : {}),
            },
          });
          raised.push({ label, type: subject.type, finding });
        }
        if (raised.length > 0) {
          const lines = raised.slice(0, 5);
          const more = raised.length - lines.length;
          await insertNotifications(
            trx,
            await alertRecipients(trx),
            {
              kind: 'security.access_alert',
              title: {
                zh: `${raised.length} 条异常访问告警`,
                en: `${raised.length} unusual access alert${raised.length === 1 ? '' : 's'}`,
              },
              body: {
                zh:
                  lines
                    .map(
                      (r) =>
                        `${SUBJECT_NAMES[r.type].zh} ${r.label}：${KIND_NAMES[r.finding.kind].zh}，${r.finding.window === 'hour' ? '本小时' : '今日'} ${r.finding.observed} 条` +
                        (r.finding.baseline === null ? '' : `（基线 ${r.finding.baseline}）`),
                    )
                    .join('；') + (more > 0 ? `；另有 ${more} 条` : ''),
                en:
                  lines
                    .map(
                      (r) =>
                        `${SUBJECT_NAMES[r.type].en} ${r.label}: ${KIND_NAMES[r.finding.kind].en}, ${r.finding.observed} records this ${r.finding.window}` +
                        (r.finding.baseline === null ? '' : ` (baseline ${r.finding.baseline})`),
                    )
                    .join('; ') + (more > 0 ? `; ${more} more` : ''),
              },
              link: '/audit/alerts',
              deadlineId: null,
            },
            now,
          );
        }
        return { raised: raised.length };
      });
    },

    async list(filter: AlertFilter, limit: number, offset: number): Promise<{ alerts: AccessAlert[]; total: number }> {
      const { rows, total } = await listAlerts(db, filter, limit, offset);
      return { alerts: rows.map(present), total };
    },

    /** The alert, with its subject's records per China day over the baseline days and its own day. */
    async get(ctx: RequestContext, id: string): Promise<{ alert: AccessAlert; days: AccessAlertDay[]; dailyBaseline: number | null }> {
      const row = await findAlert(db, id);
      if (!row) fail('NOT_FOUND');
      const day = chinaDayOfHour(hourNumber(row.window_start));
      const subject = { type: row.subject_type, id: row.subject_id };
      const records = await hourlyRecords(db, subject.type, [subject.id], chinaDayStart(day - config.baselineDays), chinaDayStart(day + 1));
      const totals = new Map<number, number>();
      for (const r of records) totals.set(chinaDayOfHour(r.hour), (totals.get(chinaDayOfHour(r.hour)) ?? 0) + r.records);
      const days = Array.from({ length: config.baselineDays + 1 }, (_, i) => day - config.baselineDays + i).map((d) => ({
        day: chinaDayLabel(d),
        records: totals.get(d) ?? 0,
      }));
      const baselineDays = days.slice(0, -1).map((d) => d.records);
      const hasHistory = baselineDays.some((n) => n > 0);
      // Viewing an alert shows a subject's use of data: a data access like the audit search.
      await db
        .transaction()
        .execute((trx) => audit.record(trx, ctx, { action: 'security_alert.read', subjectType: 'access_alert', subjectId: id }));
      return { alert: present(row), days, dailyBaseline: hasHistory ? median(baselineDays) : null };
    },

    /** Acknowledges an open alert or closes an open or acknowledged one, with a note (audited). */
    async changeState(ctx: RequestContext, id: string, action: 'acknowledge' | 'close', note: string): Promise<AccessAlert> {
      const actor = signedInUser(ctx);
      const now = clock();
      await db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('access_alerts').select(['state']).where('id', '=', id).forUpdate().executeTakeFirst();
        if (!row) fail('NOT_FOUND');
        const allowed = action === 'acknowledge' ? row.state === 'open' : row.state !== 'closed';
        if (!allowed) fail('CONFLICT', { details: { state: row.state, action } });
        await trx
          .updateTable('access_alerts')
          .set(
            action === 'acknowledge'
              ? { state: 'acknowledged', acknowledged_by: actor.userId, acknowledged_at: now, note }
              : { state: 'closed', closed_by: actor.userId, closed_at: now, close_note: note },
          )
          .where('id', '=', id)
          .execute();
        await audit.record(trx, ctx, {
          action: `security_alert.${action}`,
          subjectType: 'access_alert',
          subjectId: id,
          details: { from: row.state, note },
        });
      });
      const row = await findAlert(db, id);
      if (!row) fail('NOT_FOUND');
      return present(row);
    },
  };
}

export type SecurityAlertsService = ReturnType<typeof createSecurityAlertsService>;
