/**
 * Demo history on the clock: rectification orders (R35.1) issued in the past through the real
 * services with a clock set back, so the demo city has steps overdue, due soon, met on time and
 * met late, and the pending views and on-time chart have something true to show.
 */
import { addWorkingDays, isWorkingDay, shanghaiDateOf, workingDaysBetween, type WorkingCalendar } from '@gongshu/domain';

const PROVISIONAL = { unpublished: 'provisional' } as const;
import type { Kysely } from 'kysely';
import type { Clock } from '../../context.js';
import type { Database } from '../../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import { loadWorkingCalendar } from '../calendar/calendar.service.js';
import { createDeadlinesService } from '../deadlines/deadlines.service.js';
import { createRectificationsService } from '../rectifications/rectifications.service.js';
import { demoActors } from './demo-actors.js';

interface DemoOrder {
  agency: string;
  title: string;
  reason: string;
  requirement: string;
  term: number;
  /** Issued this many working days before today, at 10:00 China time. */
  issuedWorkingDaysAgo: number;
  /** Reported this many working days after issue (none: still open). */
  reportedAfter?: number;
  closed?: boolean;
}

const ORDERS: DemoOrder[] = [
  {
    agency: 'hrss',
    title: '社会保险参保数据未按期汇聚',
    reason: '社会保险参保登记数据自上季度起未向市级节点更新，违反数据汇聚及时性要求。',
    requirement: 'R11.1',
    term: 10,
    issuedWorkingDaysAgo: 13,
  },
  {
    agency: 'hrss',
    title: '就业登记信息项缺失',
    reason: '就业登记资源缺少统一社会信用代码信息项，无法与市场主体数据关联。',
    requirement: 'R11.2',
    term: 5,
    issuedWorkingDaysAgo: 2,
  },
  {
    agency: 'civil',
    title: '婚姻登记数据共享申请超时未审核',
    reason: '有条件共享申请未在 2 个工作日内完成审核。',
    requirement: 'R14.2',
    term: 5,
    issuedWorkingDaysAgo: 20,
    reportedAfter: 3,
    closed: true,
  },
  {
    agency: 'market',
    title: '市场主体登记数据质量问题未整改',
    reason: '市场主体登记数据中存在校验位错误的统一社会信用代码 37 条。',
    requirement: 'R12.2',
    term: 5,
    issuedWorkingDaysAgo: 18,
    reportedAfter: 8,
    closed: true,
  },
  {
    agency: 'transport',
    title: '公交线路数据未开放',
    reason: '公交线路及站点数据属于无条件开放类，尚未在开放平台发布。',
    requirement: 'R19.1',
    term: 3,
    issuedWorkingDaysAgo: 2,
  },
  {
    agency: 'jinghe',
    title: '街道数据专员信息未更新',
    reason: '街道数据专员调整后未在平台更新。',
    requirement: 'R8.1',
    term: 5,
    issuedWorkingDaysAgo: 9,
    reportedAfter: 4,
  },
];

/** The working day that lies n working days before today (counting as domain workingDaysBetween does). */
export function workingDaysBefore(calendar: WorkingCalendar, today: string, n: number): string {
  const noon = Date.parse(`${today}T12:00:00+08:00`);
  for (let back = 1; back < 400; back++) {
    const date = shanghaiDateOf(new Date(noon - back * 86_400_000));
    const working = isWorkingDay(date, calendar, PROVISIONAL);
    const between = workingDaysBetween(date, today, calendar, PROVISIONAL);
    if (working.ok && working.value.workingDay && between.ok && between.value.days >= n) return date;
  }
  throw new Error(`no working day ${n} working days before ${today}`);
}

export async function seedDemoWorkflows(deps: { db: Kysely<Database>; audit: AuditService; clock: Clock }): Promise<number> {
  const { db, audit, clock } = deps;
  const existing = await db.selectFrom('rectification_orders').select('id').limit(1).execute();
  if (existing.length > 0) return 0;
  const calendar = await loadWorkingCalendar(db);
  const today = shanghaiDateOf(clock());
  const users = demoActors(db);
  const reviewer = await users('reviewer');
  let made = 0;
  for (const order of ORDERS) {
    const issuedOn = workingDaysBefore(calendar, today, order.issuedWorkingDaysAgo);
    let at = new Date(`${issuedOn}T10:00:00+08:00`);
    // The workflow runs on a clock set to the simulated moment; audit entries keep the real time.
    const simulated: Clock = () => new Date(at);
    const deadlines = createDeadlinesService({ db, audit, clock: simulated });
    const service = createRectificationsService({ db, audit, clock: simulated, deadlines });
    const agency = await db.selectFrom('agencies').select('id').where('code', '=', order.agency).executeTakeFirstOrThrow();
    const issued = await service.issue(reviewer, {
      agencyId: agency.id,
      title: order.title,
      reason: order.reason,
      requirement: order.requirement,
      termWorkingDays: order.term,
    });
    made++;
    if (order.reportedAfter === undefined) continue;
    const reportedOn = addWorkingDays(issuedOn, order.reportedAfter, calendar, PROVISIONAL);
    if (!reportedOn.ok || reportedOn.value.date > today) continue;
    at = new Date(`${reportedOn.value.date}T15:30:00+08:00`);
    if (at > clock()) at = clock();
    // A step reported after its due day was overdue meanwhile: let the sweeper see it at that time.
    await deadlines.sweep(at);
    await service.report(await users(`${order.agency}-steward`), issued.id, '已完成整改：补充缺失数据并建立定期更新机制，详见附件说明。');
    if (order.closed) {
      at = new Date(at.getTime() + 3_600_000);
      await service.review(reviewer, issued.id, true, '整改到位，予以关闭。');
    }
  }
  // Bring everything up to now: overdue steps are marked and escalated, near ones reminded.
  await createDeadlinesService({ db, audit, clock }).sweep(clock());
  return made;
}
