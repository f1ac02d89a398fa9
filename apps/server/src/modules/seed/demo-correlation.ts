/**
 * Demo correlation assessments (R31.1): the education bureau holds one level-3 citizen-ID
 * resource; a second request that would join another one waits for the security supervisors
 * (需安全评估, in their queue), and a third was permitted with conditions and granted. Made by
 * the real services as the demo users; idempotent (skipped once its requests exist).
 */
import type { ResourceMetadata } from '@gongshu/domain';
import type { Services } from '../../services.js';
import { demoActors } from './demo-actors.js';

const COMMITMENTS = { authenticity: true, compliance: true, security: true, ownDutiesOnly: true, noOnwardProvision: true };
const SCENARIO = '学生资助对象家庭经济状况跨部门核验';

export async function seedDemoCorrelation(services: Services): Promise<number> {
  const { db, clock, shareRequests, correlation } = services;
  const done = await db.selectFrom('share_requests').select('id').where('scenario', 'like', `${SCENARIO}%`).limit(1).execute();
  if (done.length > 0) return 0;
  const rows = await db
    .selectFrom('catalog_resources as r')
    .innerJoin('catalog_versions as v', 'v.id', 'r.current_version_id')
    .innerJoin('agencies as a', 'a.id', 'r.provider_agency_id')
    .select(['r.id', 'a.code as provider', 'v.metadata'])
    .where('v.state', '=', 'published')
    .where('a.code', '!=', 'edu')
    .orderBy('r.code')
    .execute();
  // Conditional level-3+ resources carrying the citizen ID, of providers with a demo steward.
  const stewards = new Set(
    (await db.selectFrom('users').select('username').where('username', 'like', '%-steward').execute()).map((u) => u.username),
  );
  const picks = rows.filter((r) => {
    const m = r.metadata as ResourceMetadata;
    const fit = m.share.type === 'conditional' && m.securityLevel >= 3 && m.fields.some((f) => f.identifierRole === 'citizen_id');
    return fit && stewards.has(`${r.provider}-steward`);
  });
  const [held, waiting, permitted] = picks;
  if (!held || !waiting) return 0;

  const as = demoActors(db);
  const edu = await as('edu-steward');
  const reviewer = await as('reviewer');
  const year = Number(clock().toISOString().slice(0, 4));
  const file = (resourceId: string, scenario: string) =>
    shareRequests.file(edu, {
      resourceId,
      scenario: `${SCENARIO}：${scenario}`,
      legalDuty: '《学生资助资金管理办法》：核实家庭经济困难学生认定材料',
      periodFrom: clock().toISOString().slice(0, 10),
      periodTo: `${year + 1}-12-31`,
      commitments: COMMITMENTS,
    });

  // Held: granted before any correlation arises.
  const first = await file(held.id, '低保家庭学生认定');
  await shareRequests.formalReview(reviewer, first.id, true, '材料齐全');
  await shareRequests.providerReview(await as(`${held.provider}-steward`), first.id, { approve: true });

  // Waiting: the provider's approval is refused until an assessment is recorded (R31.1).
  const second = await file(waiting.id, '困难家庭成员核验');
  await shareRequests.formalReview(reviewer, second.id, true, '材料齐全，转数据提供单位审核；授予前须经关联安全评估');
  let made = 2;

  // Permitted with conditions by the internet information office's security supervisor, then granted.
  if (permitted) {
    const third = await file(permitted.id, '资助对象身份复核');
    await shareRequests.formalReview(reviewer, third.id, true);
    await correlation.record(await as('cac-security'), third.id, {
      conclusion: 'permit_with_conditions',
      opinion: '关联后可形成困难学生家庭状况画像；用于资助认定属履职必需，采取下列措施后风险可控。',
      measures: '仅以核验接口方式使用，核验结果不落地存储；不得与其他数据再关联；每季度报送使用情况。',
      basis: '《中华人民共和国数据安全法》第二十一条；《山东省公共数据开放办法》；GB/T 35273—2020',
    });
    await shareRequests.providerReview(await as(`${permitted.provider}-steward`), third.id, { approve: true });
    made++;
  }
  return made;
}
