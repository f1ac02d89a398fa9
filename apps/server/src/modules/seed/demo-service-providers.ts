/**
 * Demo third-party service providers (R30.1): the bureau's platform operator (the demo's data
 * operating company, the `operator` account linked) with an agreement in force, and the human
 * resources bureau's system maintainer (account `hrss-vendor`) whose agreement ends within the
 * notice period, so the console shows both states and the notice. Made by the real services as
 * the demo users; idempotent (skipped once any provider exists).
 */
import { makeCreditCode, shanghaiDateOf } from '@gongshu/domain';
import type { Services } from '../../services.js';
import { demoActors } from './demo-actors.js';
import { DEMO_PASSWORD } from './demo-city.js';

const DAY_MS = 86_400_000;

export async function seedDemoServiceProviders(services: Services): Promise<number> {
  const { db, clock } = services;
  if ((await db.selectFrom('service_providers').select('id').limit(1).execute()).length > 0) return 0;
  const as = demoActors(db);
  const [admin, hrssSteward] = [await as('admin'), await as('hrss-steward')];
  const agency = (code: string) =>
    db.selectFrom('agencies').select(['id', 'credit_code']).where('code', '=', code).executeTakeFirstOrThrow();
  const [bureau, hrss, dataops] = [await agency('bureau'), await agency('hrss'), await agency('dataops')];
  const today = shanghaiDateOf(clock());
  const year = Number(today.slice(0, 4));
  const dayFrom = (days: number) => shanghaiDateOf(new Date(clock().getTime() + days * DAY_MS));
  const commitments = { noRetention: true, noUse: true, noOnwardTransfer: true };

  // The bureau's platform operator: the demo's data operating company, in force for two more years.
  const operator = await services.serviceProviders.create(admin, {
    agencyId: bureau.id,
    name: '滕州市数据运营有限公司',
    creditCode: dataops.credit_code ?? makeCreditCode('91370481MB0000001'),
    agreementNumber: `TZSJJ-YW-${year - 1}-001`,
    serviceScope: '公数平台的运行维护、数据加工与技术支持（不含数据的留存和对外提供）',
    systems: ['公数平台', '数据共享交换系统'],
    contactName: '韩雪',
    contactPhone: '0632-5512345',
    agreementSignedOn: `${year - 1}-12-20`,
    ...commitments,
    validFrom: `${year - 1}-12-25`,
    validTo: `${year + 1}-12-31`,
  });
  const operatorUser = await db.selectFrom('users').select('id').where('username', '=', 'operator').executeTakeFirstOrThrow();
  await services.serviceProviders.link(admin, operator.provider.id, operatorUser.id);

  // The human resources bureau's social-security system maintainer: its agreement ends in 20 days.
  const vendor = await services.serviceProviders.create(hrssSteward, {
    agencyId: hrss.id,
    name: '滕州市智联信息技术有限公司',
    creditCode: makeCreditCode('91370481MA3C7Q2K1'),
    agreementNumber: `RSJ-AQ-${year - 1}-017`,
    serviceScope: '社会保险业务系统的运行维护与故障处理',
    systems: ['社会保险业务系统'],
    contactName: '周立新',
    contactPhone: '13806321234',
    agreementSignedOn: dayFrom(-345),
    ...commitments,
    validFrom: dayFrom(-344),
    validTo: dayFrom(20),
  });
  const engineer = await services.users.create(admin, {
    username: 'hrss-vendor',
    displayName: '智联信息运维工程师',
    agencyId: hrss.id,
    roles: ['agency_staff'],
    password: DEMO_PASSWORD,
  });
  await services.serviceProviders.link(hrssSteward, vendor.provider.id, engineer.id);
  await services.serviceProviders.notifyExpiring();
  return 2;
}
