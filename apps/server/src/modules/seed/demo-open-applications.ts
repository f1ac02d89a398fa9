/**
 * Demo open-data applications (issue 7 items 4–6): conditional applications in every state the
 * queues and the portal show (waiting for the bureau, waiting for the provider, granted, rejected
 * with reasons, withdrawn), demands answered and pending, a grant held by the demo user `citizen`
 * on a conditional resource with data and a usage report due soon, and one grant suspended for an
 * overdue report. Made by the real services with the clock set back, as the demo users;
 * idempotent (skipped once any application exists).
 */
import { shanghaiDateOf, type ResourceMetadata } from '@gongshu/domain';
import type { Clock } from '../../context.js';
import type { Services } from '../../services.js';
import { createDeadlinesService } from '../deadlines/deadlines.service.js';
import { createOpenApplicationsService, type ApplicationInput } from '../open-applications/open-applications.service.js';
import { createOpenGrantsService } from '../open-applications/open-grants.service.js';
import { demoActors } from './demo-actors.js';

const DAY_MS = 86_400_000;
const COMMITMENTS = { lawfulUse: true, protection: true, usageReports: true, citation: true };
const REASONS = {
  bureau: [
    { reason: '申请用途为商业营销，不属于开放条件所列的科研与公益用途', legalBasis: '《山东省公共数据开放办法》第十九条' },
    { reason: '未说明数据的安全保护措施', legalBasis: '《山东省公共数据开放办法》第二十条' },
  ],
  provider: [{ reason: '申请的信息项超出研究所需，含个人联系方式', legalBasis: '《中华人民共和国个人信息保护法》第六条（最小必要）' }],
};

/** A calendar date `days` days from `isoDate` (negative: before). */
function addDays(isoDate: string, days: number): string {
  return shanghaiDateOf(new Date(Date.parse(`${isoDate}T12:00:00+08:00`) + days * DAY_MS));
}

function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const total = m - 1 + months;
  const year = y + Math.floor(total / 12);
  const month = ((total % 12) + 12) % 12;
  return `${String(year)}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, 28)).padStart(2, '0')}`;
}

export async function seedDemoOpenApplications(services: Services): Promise<number> {
  const { db, audit, clock } = services;
  if ((await db.selectFrom('open_applications').select('id').limit(1).execute()).length > 0) return 0;
  const rows = await db
    .selectFrom('catalog_resources as r')
    .innerJoin('catalog_versions as v', 'v.id', 'r.current_version_id')
    .innerJoin('agencies as a', 'a.id', 'r.provider_agency_id')
    .leftJoin('resource_tables as t', 't.resource_id', 'r.id')
    .select(['r.id', 'a.code as provider', 'v.metadata', 't.row_count'])
    .where('v.state', '=', 'published')
    .orderBy('r.code')
    .execute();
  const resources = rows.map((r) => ({
    id: r.id,
    provider: r.provider,
    metadata: r.metadata as ResourceMetadata,
    rows: Number(r.row_count ?? 0),
  }));
  const conditional = resources
    .filter((r) => r.metadata.open.type === 'conditional')
    .sort((a, b) => Number(b.rows > 0) - Number(a.rows > 0));
  const closed = resources.filter((r) => r.metadata.open.type === 'none');
  const [cond, cond2 = cond] = conditional;
  if (!cond || !cond2) return 0;

  const as = demoActors(db);
  const reviewer = await as('reviewer');
  const today = shanghaiDateOf(clock());
  /** The same services on a clock set to a simulated day (audit entries keep the real time). */
  const at = (day: string, hour = 10) => {
    const moment = new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`);
    const simulated: Clock = () => new Date(Math.min(moment.getTime(), clock().getTime()));
    const deadlines = createDeadlinesService({ db, audit, clock: simulated });
    const grants = createOpenGrantsService({ db, audit, clock: simulated, onOpenGrantChanged: () => undefined });
    return createOpenApplicationsService({ db, audit, clock: simulated, deadlines, grants });
  };
  const steward = (r: { provider: string }) => as(`${r.provider}-steward`);
  const application = (
    r: { id: string; metadata: ResourceMetadata },
    from: string,
    extra: Partial<ApplicationInput> = {},
  ): ApplicationInput => ({
    resourceId: r.id,
    fields: r.metadata.fields.slice(0, Math.min(4, r.metadata.fields.length)).map((f) => f.code),
    purpose: '研究本市公共服务设施布局与人口分布的关系，成果以研究报告形式公开发表',
    measures: '数据存放于单位内网加密服务器，仅课题组成员凭账号访问；不对外提供原始数据，成果仅含汇总结果',
    periodFrom: from,
    periodTo: addDays(addMonths(from, 12), -1),
    commitments: COMMITMENTS,
    ...extra,
  });
  let made = 0;

  // The demo citizen's grant on a resource with data; its first usage report is due in five days (R20.1).
  {
    const from = addDays(addMonths(today, -6), 5);
    const filedOn = addDays(from, -10);
    const a = await at(filedOn).apply(await as('citizen'), application(cond, from));
    await at(addDays(filedOn, 2)).formalReview(reviewer, a.id, { approve: true, comment: '材料齐全，转数据提供单位审核' });
    await at(addDays(filedOn, 6)).providerReview(await steward(cond), a.id, {
      approve: true,
      periodTo: addDays(addMonths(from, 12), -1),
      comment: '同意按申请的信息项开放',
    });
    made++;
  }
  // A grant suspended because its report is more than 30 days overdue (R20.1).
  {
    const from = addDays(addMonths(today, -6), -40);
    const filedOn = addDays(from, -10);
    const a = await at(filedOn).apply(
      await as('company'),
      application(cond2, from, { purpose: '开发面向市民的公共服务查询小程序', periodTo: addDays(addMonths(from, 24), -1) }),
    );
    await at(addDays(filedOn, 1)).formalReview(reviewer, a.id, { approve: true });
    await at(addDays(filedOn, 5)).providerReview(await steward(cond2), a.id, { approve: true });
    made++;
  }
  // Waiting for the bureau (filed today) and for the provider (approved by the bureau yesterday).
  await at(today, 9).apply(await as('citizen02'), application(cond, today));
  {
    const filedOn = addDays(today, -4);
    const a = await at(filedOn).apply(await as('citizen03'), application(cond2, addDays(today, 7)));
    await at(addDays(today, -1), 15).formalReview(reviewer, a.id, { approve: true, comment: '用途符合开放条件' });
  }
  // Rejected with every reason and its legal basis (R19.4): by the bureau, and by the provider.
  {
    const filedOn = addDays(today, -20);
    const a = await at(filedOn).apply(await as('citizen04'), application(cond, addDays(filedOn, 3), { purpose: '用于商业营销名单筛选' }));
    await at(addDays(filedOn, 3)).formalReview(reviewer, a.id, { approve: false, reasons: REASONS.bureau });
    const b = await at(filedOn, 11).apply(await as('citizen05'), application(cond2, addDays(filedOn, 3)));
    await at(addDays(filedOn, 2)).formalReview(reviewer, b.id, { approve: true });
    await at(addDays(filedOn, 8)).providerReview(await steward(cond2), b.id, { approve: false, reasons: REASONS.provider });
  }
  // Withdrawn by the applicant.
  {
    const filedOn = addDays(today, -12);
    const a = await at(filedOn).apply(await as('citizen06'), application(cond, addDays(filedOn, 5)));
    await at(addDays(filedOn, 1)).withdraw(await as('citizen06'), a.id, '研究计划调整，暂不需要');
  }
  made += 6;

  // Demands for data not yet open (R19.3): answered (will open, and will not), waiting, rejected.
  const hrss = await db.selectFrom('agencies').select('id').where('code', '=', 'hrss').executeTakeFirstOrThrow();
  const [none1, none2] = closed;
  {
    const filedOn = addDays(today, -40);
    const a = await at(filedOn).demand(await as('citizen07'), {
      title: '各街道新增就业人数月度统计',
      description: '按街道、月份汇总的城镇新增就业人数，不含个人信息',
      purpose: '社区就业服务研究',
      providerAgencyId: hrss.id,
    });
    await at(addDays(filedOn, 5)).formalReview(reviewer, a.id, { approve: true });
    await at(addDays(filedOn, 15)).answer(await as('hrss-steward'), a.id, {
      willOpen: true,
      expectedBy: addDays(today, 45),
      text: '将按街道、月份汇总后以无条件开放方式发布，预计下季度上线。',
    });
  }
  if (none1) {
    const filedOn = addDays(today, -30);
    const a = await at(filedOn).demand(await as('citizen08'), {
      resourceId: none1.id,
      description: '希望开放该资源的全部明细数据',
      purpose: '学术研究',
    });
    await at(addDays(filedOn, 4)).formalReview(reviewer, a.id, { approve: true });
    await at(addDays(filedOn, 12)).answer(await steward(none1), a.id, {
      willOpen: false,
      text: `该数据涉及个人信息，依据${none1.metadata.open.legalBasis ?? '相关法律法规'}不予开放；可考虑申请去标识化后的汇总数据。`,
    });
  }
  {
    const filedOn = addDays(today, -3);
    const a = await at(filedOn).demand(await as('company'), {
      title: '公交车辆实时到站数据',
      description: '各线路车辆实时位置与到站预测，用于出行服务',
      purpose: '开发出行服务小程序',
    });
    await at(addDays(today, -1)).formalReview(reviewer, a.id, { approve: true, providerAgencyId: hrss.id, comment: '暂转人社局协调' });
  }
  if (none2) {
    await at(addDays(today, -1), 16).demand(await as('citizen09'), {
      resourceId: none2.id,
      description: '按年度汇总的统计数据即可',
      purpose: '撰写调研报告',
    });
  }
  {
    const filedOn = addDays(today, -25);
    const a = await at(filedOn).demand(await as('citizen10'), {
      title: '全市个人社保缴费明细',
      description: '每个参保人的缴费记录',
      purpose: '个人兴趣研究',
      providerAgencyId: hrss.id,
    });
    await at(addDays(filedOn, 6)).formalReview(reviewer, a.id, {
      approve: false,
      reasons: [{ reason: '所需数据为个人信息明细，依法不予开放', legalBasis: '《中华人民共和国社会保险法》第八十一条' }],
    });
  }
  made += 5;

  // Bring the clock up to now: reminders of reports coming due, and the suspension for the overdue one.
  await services.openGrants.sweepReports(clock());
  await services.deadlines.sweep(clock());
  return made;
}
