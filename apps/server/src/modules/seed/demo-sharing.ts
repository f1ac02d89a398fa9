/**
 * Demo sharing (issue 6): share requests on every route and in every state the queues show —
 * waiting for the bureau (one of them overdue), waiting for a provider, forwarded demands,
 * escalated upper-level requests, a rejection under consultation — and grants with their systems
 * and a few deliveries through the one exit. Made by the real services with the clock set back,
 * as the demo users; idempotent (skipped once any request exists).
 */
import { randomBytes } from 'node:crypto';
import { shanghaiDateOf, type ResourceMetadata } from '@gongshu/domain';
import { sql } from 'kysely';
import { qualified } from '../aggregation/data-tables.js';
import type { Clock, RequestContext } from '../../context.js';
import type { Services } from '../../services.js';
import { loadWorkingCalendar } from '../calendar/calendar.service.js';
import { createDeadlinesService } from '../deadlines/deadlines.service.js';
import { createGrantsService } from '../sharing/grants.service.js';
import { createShareRequestsService, type FileInput } from '../sharing/share-requests.service.js';
import { demoActors } from './demo-actors.js';
import { workingDaysBefore } from './demo-workflows.js';
import { contextOf, storedLayout } from '../encryption/encryption-layout.js';

const COMMITMENTS = { authenticity: true, compliance: true, security: true, ownDutiesOnly: true, noOnwardProvision: true };

interface Candidate {
  id: string;
  provider: string;
  shareType: string;
  fields: string[];
  identifierColumn: string | null;
  rows: number;
}

export async function seedDemoSharing(services: Services): Promise<number> {
  const { db, audit, clock } = services;
  if ((await db.selectFrom('share_requests').select('id').limit(1).execute()).length > 0) return 0;
  const rows = await db
    .selectFrom('catalog_resources as r')
    .innerJoin('catalog_versions as v', 'v.id', 'r.current_version_id')
    .innerJoin('agencies as a', 'a.id', 'r.provider_agency_id')
    .leftJoin('resource_tables as t', 't.resource_id', 'r.id')
    .select(['r.id', 'a.code as provider', 'v.metadata', 't.identifier_column', 't.row_count'])
    .where('v.state', '=', 'published')
    .orderBy('r.code')
    .execute();
  const candidates: Candidate[] = rows.map((r) => {
    const m = r.metadata as ResourceMetadata;
    return {
      id: r.id,
      provider: r.provider,
      shareType: m.share.type,
      fields: m.fields.map((f) => f.code),
      identifierColumn: r.identifier_column,
      rows: Number(r.row_count ?? 0),
    };
  });
  const pick = (shareType: string, notFrom: string, skip = 0) =>
    candidates.filter((c) => c.shareType === shareType && c.provider !== notFrom && c.rows > 0 && c.identifierColumn)[skip];

  const as = demoActors(db);
  const reviewer = await as('reviewer');
  const calendar = await loadWorkingCalendar(db);
  const today = shanghaiDateOf(clock());
  /** The same services on a clock set to a simulated moment (audit entries keep the real time). */
  const at = (daysAgo: number, hour = 10) => {
    const day = daysAgo === 0 ? today : workingDaysBefore(calendar, today, daysAgo);
    const moment = new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`);
    const simulated: Clock = () => new Date(Math.min(moment.getTime(), clock().getTime()));
    const deadlines = createDeadlinesService({ db, audit, clock: simulated });
    const grants = createGrantsService({ db, audit, clock: simulated, onGrantChanged: () => undefined });
    return createShareRequestsService({ db, audit, clock: simulated, deadlines, grants });
  };
  const request = (resource: Candidate | undefined, extra: Partial<FileInput>, fields?: string[]): FileInput => ({
    ...(resource ? { resourceId: resource.id } : {}),
    ...(fields ? { fields } : {}),
    scenario: '政务服务“一件事”办理中的资格核验与材料免提交',
    legalDuty: '依据《山东省公共数据开放办法》及本单位“三定”规定履行政务服务职责',
    periodFrom: today,
    periodTo: `${String(Number(today.slice(0, 4)) + 1)}-12-31`,
    commitments: COMMITMENTS,
    ...extra,
  });
  let made = 0;
  const file = async (daysAgo: number, who: string, input: FileInput) => {
    made++;
    return at(daysAgo).file(await as(who), input);
  };

  // Waiting for the bureau's formal review: one due today, one overdue (R14.1, R14.2).
  const uncond = pick('unconditional', 'civil');
  const cond = pick('conditional', 'civil');
  const cond2 = pick('conditional', 'edu', 1) ?? cond;
  if (cond) await file(0, 'civil-steward', request(cond, {}, cond.fields.slice(0, 3)));
  if (cond2) await file(4, 'edu-steward', request(cond2, { scenario: '学生资助对象家庭经济状况核验' }));

  // A street's need filed by the bureau (R15.2).
  const jinghe = await db.selectFrom('agencies').select('id').where('code', '=', 'jinghe').executeTakeFirstOrThrow();
  if (cond) await file(1, 'reviewer', request(cond, { onBehalfOf: jinghe.id, scenario: '街道困难群众走访核实' }, cond.fields.slice(0, 2)));

  // Waiting for the provider (R14.2), approved by the bureau yesterday.
  const cond3 = pick('conditional', 'market', 2) ?? cond;
  if (cond3) {
    const r = await file(2, 'market-steward', request(cond3, { scenario: '市场主体信用监管中的关联核查' }));
    await at(1, 11).formalReview(reviewer, r.id, true, '材料齐全，转数据提供单位审核');
  }

  // Granted: an unconditional grant (R14.1) and a conditional one with fewer fields (R14.2), with systems and deliveries.
  const granted: { id: string; consumer: string; resource: Candidate }[] = [];
  if (uncond) {
    const r = await file(6, 'civil-steward', request(uncond, { scenario: '社会救助对象资格核验' }));
    const done = await at(5, 11).formalReview(reviewer, r.id, true);
    if (done.grantId) granted.push({ id: done.grantId, consumer: 'civil', resource: uncond });
  }
  const cond4 = pick('conditional', 'health', 3) ?? cond;
  if (cond4) {
    const r = await file(8, 'health-steward', request(cond4, { scenario: '医疗救助对象身份核验' }));
    await at(7, 15).formalReview(reviewer, r.id, true);
    const provider = await as(`${cond4.provider}-steward`);
    const done = await at(6, 9).providerReview(provider, r.id, {
      approve: true,
      fields: cond4.fields.slice(0, Math.max(2, cond4.fields.length - 2)),
    });
    if (done.grantId) granted.push({ id: done.grantId, consumer: 'health', resource: cond4 });
  }

  // A demand for data not yet shared (R14.3), forwarded to its provider.
  const hrss = await db.selectFrom('agencies').select('id').where('code', '=', 'hrss').executeTakeFirstOrThrow();
  const demand = await file(
    3,
    'police-steward',
    request(undefined, {
      providerAgencyId: hrss.id,
      dataDescription: '灵活就业人员登记信息（含登记日期、所在街道）',
      scenario: '流动人口服务管理',
    }),
  );
  await at(2, 14).formalReview(reviewer, demand.id, true);

  // Upper-level data (R15.1), escalated and tracked.
  const upper = await file(
    5,
    'civil-steward',
    request(undefined, { upperLevel: 'provincial', dataDescription: '省级婚姻登记信息（结婚、离婚登记状态）', scenario: '婚姻状况核验' }),
  );
  await at(4, 10).formalReview(reviewer, upper.id, true);
  await at(3, 16).upperResult(reviewer, upper.id, 'pending', 'SD-GX-2026-0815', '已通过省数据共享平台提交');

  // Rejected by the provider; the bureau found the reasons insufficient and consults (R16.1, R16.2).
  const cond5 = pick('conditional', 'housing', 4) ?? cond;
  if (cond5) {
    const r = await file(9, 'housing-steward', request(cond5, { scenario: '保障性住房申请人资格审核' }));
    await at(8, 10).formalReview(reviewer, r.id, true);
    await at(7, 16).providerReview(await as(`${cond5.provider}-steward`), r.id, {
      approve: false,
      reasons: [{ reason: '申请信息项超出保障房资格审核所需', legalBasis: '《中华人民共和国个人信息保护法》第六条（最小必要）' }],
    });
    const housing = await db.selectFrom('agencies').select('id').where('code', '=', 'housing').executeTakeFirstOrThrow();
    await at(6, 10).openConsultation(reviewer, r.id, '拒绝理由未说明哪些信息项超出所需，需三方协商确定最小信息项', [housing.id]);
    await at(5, 14).addConsultationEntry(await as('housing-steward'), r.id, '资格审核需要身份证号、姓名和参保状态三项，其余可不提供。');
  }

  // Systems registered on the grants, and a few lookups through the exit by the consumers' staff.
  for (const g of granted) {
    const steward = await as(`${g.consumer}-steward`);
    if (steward.actor.kind !== 'user') continue;
    const keyName = g.consumer === 'civil' ? '社会救助核验系统' : '医疗救助结算系统';
    const key = await db
      .insertInto('api_keys')
      .values({
        user_id: steward.actor.userId,
        name: keyName,
        prefix: 'gsk_demo',
        // Demo keys have no usable secret: the stored hash is of random bytes nobody holds.
        key_hash: randomBytes(32).toString('hex'),
        created_at: clock(),
        expires_at: new Date(clock().getTime() + 300 * 86_400_000),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await services.grants.setKeys(steward, g.id, [key.id]);
    await lookups(services, await as(`${g.consumer}-staff`), g.id, g.resource);
  }
  await services.exit.idle();
  // Bring the clock up to now: the overdue formal review is marked and escalated.
  await services.deadlines.sweep(clock());
  return made;
}

/** A few lookups of existing identifiers, as the consumer's staff would make from the grant page. */
async function lookups(services: Services, ctx: RequestContext, grantId: string, resource: Candidate): Promise<void> {
  if (!resource.identifierColumn) return;
  const keys = await sql<{
    k: string;
  }>`select ${sql.ref(resource.identifierColumn)}::text as k from ${qualified(await tableOf(services, resource.id))} limit 5`.execute(
    services.db,
  );
  // An encrypted identifier (R29.1) is decrypted here, as the consumer would know it in clear.
  const encrypted = storedLayout(
    (
      await services.db
        .selectFrom('resource_tables')
        .select('encrypted_columns')
        .where('resource_id', '=', resource.id)
        .executeTakeFirstOrThrow()
    ).encrypted_columns,
  ).some((c) => c.code === resource.identifierColumn);
  for (const { k } of keys.rows) {
    const key = encrypted ? services.fieldCipher.decrypt(k, contextOf(resource.id, resource.identifierColumn)) : k;
    await services.exit.lookup(ctx, grantId, key);
  }
}

async function tableOf(services: Services, resourceId: string): Promise<string> {
  const row = await services.db
    .selectFrom('resource_tables')
    .select('table_name')
    .where('resource_id', '=', resourceId)
    .executeTakeFirstOrThrow();
  return row.table_name;
}
