/**
 * Demo participation on the open portal (issue 7 items 7, 8): objections raised by demo citizens
 * and the demo company on open resources — answered ones (one answered late), open ones on the
 * clock and one overdue — and showcase works: approved ones of every kind linked to the resources
 * they use, pending ones for the bureau's queue and one rejected with its reason. Made by the real
 * services as the demo users, on a clock set back; idempotent (skipped once any objection exists).
 */
import { shanghaiDateOf } from '@gongshu/domain';
import type { Clock } from '../../context.js';
import type { Services } from '../../services.js';
import { loadWorkingCalendar } from '../calendar/calendar.service.js';
import { listOpenResources } from '../ckan/open-resources.repository.js';
import { createDeadlinesService } from '../deadlines/deadlines.service.js';
import { createObjectionsService, type ObjectionAction, type ObjectionKind } from '../open-participation/objections.service.js';
import { createShowcaseService, type ShowcaseKind } from '../open-participation/showcase.service.js';
import { demoActors } from './demo-actors.js';
import { workingDaysBefore } from './demo-workflows.js';

interface DemoObjection {
  by: string;
  resource: number;
  kind: ObjectionKind;
  field?: boolean;
  description: string;
  daysAgo: number;
  answer?: { daysAgo: number; action: ObjectionAction; text: string };
}

const OBJECTIONS: DemoObjection[] = [
  {
    by: 'citizen',
    resource: 0,
    kind: 'error',
    field: true,
    description: '该信息项中有几条记录的名称与实际不符，疑似录入错误，请核实更正。',
    daysAgo: 18,
    answer: { daysAgo: 14, action: 'corrected', text: '经核实，3 条记录名称录入有误，已于本周更新版本中更正。感谢您的反馈。' },
  },
  {
    by: 'company',
    resource: 1,
    kind: 'omission',
    description: '数据缺少 2024 年以前的历史记录，建议补充，便于做趋势分析。',
    daysAgo: 16,
    answer: { daysAgo: 2, action: 'will_correct', text: '历史数据正在整理，预计下一更新周期补充 2020 年以来的记录。' },
  },
  {
    by: 'citizen03',
    resource: 2,
    kind: 'infringement',
    description: '数据中包含可识别到个人的信息，可能侵犯个人隐私，请核查。',
    daysAgo: 13,
  },
  {
    by: 'citizen05',
    resource: 0,
    kind: 'suggestion',
    description: '建议增加经纬度坐标字段，方便在地图上展示。',
    daysAgo: 9,
    answer: { daysAgo: 6, action: 'no_change', text: '地址字段已可用于地理编码，坐标字段暂不单独提供，已纳入后续规划。' },
  },
  { by: 'citizen07', resource: 3, kind: 'error', field: true, description: '部分记录的日期格式不统一，有的缺少月份。', daysAgo: 4 },
  { by: 'citizen09', resource: 1, kind: 'suggestion', description: '建议提供按月汇总的统计表，方便公众查阅。', daysAgo: 1 },
];

interface DemoWork {
  by: string;
  kind: ShowcaseKind;
  title: string;
  summary: string;
  url: string | null;
  author: string;
  resources: number[];
  outcome: 'approved' | 'pending' | 'rejected';
  daysAgo: number;
}

const WORKS: DemoWork[] = [
  {
    by: 'company',
    kind: 'application',
    title: '滕州便民服务地图',
    summary: '把开放的机构名录做成地图小程序，市民可按距离查找附近的服务网点，并一键导航。',
    url: 'https://example.cn/tengzhou-map',
    author: '滕州市鲁南数智科技有限公司',
    resources: [0, 2],
    outcome: 'approved',
    daysAgo: 20,
  },
  {
    by: 'citizen',
    kind: 'research',
    title: '滕州市公共服务设施空间分布研究',
    summary: '利用开放数据分析全市公共服务设施在各镇街的分布均衡性，提出补短板建议。',
    url: 'https://example.cn/papers/facilities',
    author: '滕州学院 公共管理系课题组',
    resources: [0, 1, 3],
    outcome: 'approved',
    daysAgo: 15,
  },
  {
    by: 'citizen05',
    kind: 'article',
    title: '用开放数据看滕州这五年',
    summary: '一篇数据新闻：用开放数据的图表讲述全市公共服务的变化，附数据来源引用。',
    url: 'https://example.cn/news/five-years',
    author: '张明',
    resources: [1],
    outcome: 'approved',
    daysAgo: 10,
  },
  {
    by: 'company',
    kind: 'scenario',
    title: '企业选址辅助分析场景',
    summary: '结合开放的机构名录和统计数据，为中小企业选址提供周边配套评估。',
    url: null,
    author: '滕州市鲁南数智科技有限公司',
    resources: [2, 3],
    outcome: 'approved',
    daysAgo: 7,
  },
  {
    by: 'citizen07',
    kind: 'application',
    title: '社区活动小助手',
    summary: '根据开放数据推荐周边的社区服务和活动，帮助老人和家庭了解身边的资源。',
    url: 'https://example.cn/community',
    author: '李华',
    resources: [0],
    outcome: 'pending',
    daysAgo: 2,
  },
  {
    by: 'citizen09',
    kind: 'research',
    title: '开放数据质量观察报告',
    summary: '对平台上多份开放数据的完整性和更新及时性做了抽样观察，给出改进建议。',
    url: null,
    author: '王磊',
    resources: [1, 2],
    outcome: 'pending',
    daysAgo: 1,
  },
  {
    by: 'citizen03',
    kind: 'article',
    title: '数据汇总',
    summary: '转载了几份数据的截图，没有说明用途。',
    url: 'https://example.cn/copy',
    author: '赵强',
    resources: [3],
    outcome: 'rejected',
    daysAgo: 5,
  },
];

export async function seedDemoOpenParticipation(services: Services): Promise<{ objections: number; works: number }> {
  const { db, audit, clock } = services;
  if ((await db.selectFrom('open_objections').select('id').limit(1).execute()).length > 0) return { objections: 0, works: 0 };
  const resources = await listOpenResources(db, { limit: 8 });
  if (resources.length === 0) return { objections: 0, works: 0 };
  const pick = (i: number) => resources[i % resources.length] ?? resources[0];
  const as = demoActors(db);
  const calendar = await loadWorkingCalendar(db);
  const today = shanghaiDateOf(clock());
  /** A clock at a simulated moment (never after now). */
  const at = (daysAgo: number, hour: number): Clock => {
    const day = daysAgo === 0 ? today : workingDaysBefore(calendar, today, daysAgo);
    const moment = new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`).getTime();
    return () => new Date(Math.min(moment, clock().getTime()));
  };
  const objectionsAt = (simulated: Clock) =>
    createObjectionsService({ db, audit, clock: simulated, deadlines: createDeadlinesService({ db, audit, clock: simulated }) });

  let objections = 0;
  for (const o of OBJECTIONS) {
    const resource = pick(o.resource);
    if (!resource) continue;
    const field = o.field ? resource.metadata.fields[1]?.code : undefined;
    const raised = await objectionsAt(at(o.daysAgo, 10)).raise(await as(o.by), {
      resourceId: resource.resourceId,
      kind: o.kind,
      fieldCode: field,
      description: o.description,
    });
    objections++;
    if (o.answer) {
      await objectionsAt(at(o.answer.daysAgo, 15)).answer(await as(`${resource.agency.code}-steward`), raised.id, {
        answer: o.answer.text,
        action: o.answer.action,
      });
    }
  }

  const reviewer = await as('reviewer');
  let works = 0;
  for (const w of WORKS) {
    const ids = [...new Set(w.resources.map((i) => pick(i)?.resourceId).filter((id): id is string => id !== undefined))];
    const submitted = await createShowcaseService({ db, audit, clock: at(w.daysAgo, 9) }).submit(await as(w.by), {
      kind: w.kind,
      title: w.title,
      summary: w.summary,
      url: w.url ?? undefined,
      author: w.author,
      resourceIds: ids,
    });
    works++;
    if (w.outcome === 'pending') continue;
    await createShowcaseService({ db, audit, clock: at(Math.max(0, w.daysAgo - 1), 16) }).moderate(
      reviewer,
      submitted.id,
      w.outcome === 'approved'
        ? { approve: true }
        : { approve: false, reason: '未说明成果如何使用开放数据，且内容为数据截图转载，请补充后重新提交。' },
    );
  }
  return { objections, works };
}
