/**
 * Demo de-identified derivatives (issue 7 item 9, R18.4): of the hospital's inpatient front sheets
 * (open type none, loaded demo data), one derivative published after a passing k-anonymity check
 * (discharge year and a 2,000-yuan cost band as quasi-identifiers, identifiers dropped) and one
 * draft whose check fails (discharge month and 100-yuan bands single people out). Made by the real
 * service as the hospital's steward; idempotent (skipped once any derivative exists).
 */
import type { FieldTreatment } from '@gongshu/domain';
import type { Services } from '../../services.js';
import { demoActors } from './demo-actors.js';

export async function seedDemoOpenDerivatives(services: Services): Promise<number> {
  const { db, derivatives } = services;
  if ((await db.selectFrom('open_derivatives').select('id').limit(1).execute()).length > 0) return 0;
  const steward = await demoActors(db)('hospital-steward');
  const sources = await derivatives.sources(steward);
  const source = sources.find((s) => s.name === '住院病案首页');
  const has = (code: string) => source?.fields.some((f) => f.code === code) ?? false;
  if (!source || !['cyrq', 'zfy'].every(has)) return 0;
  const plan = (to: 'year' | 'month', width: number): Record<string, FieldTreatment> => ({
    cyrq: { kind: 'generalize_date', to },
    zfy: { kind: 'band', width },
  });
  const published = await derivatives.create(steward, {
    resourceId: source.id,
    name: '住院费用分段统计（按出院年份）',
    description: '住院病案首页去标识化后开放：删除病案号、身份号码、姓名、诊断和手术编码，出院日期概括到年份，住院总费用按 2000 元分段。',
    treatments: plan('year', 2000),
    quasiIdentifiers: ['cyrq', 'zfy'],
  });
  // The demo data is random: should a 2,000-yuan band leave a class below k, coarser bands are used.
  let checked = await derivatives.check(steward, published.id);
  if (!checked.check?.passed) {
    await derivatives.update(steward, published.id, {
      name: published.name,
      description: published.description?.replace('2000 元', '10000 元') ?? null,
      treatments: plan('year', 10000),
      quasiIdentifiers: ['cyrq', 'zfy'],
    });
    checked = await derivatives.check(steward, published.id);
  }
  if (checked.check?.passed) await derivatives.publish(steward, published.id);
  const draft = await derivatives.create(steward, {
    resourceId: source.id,
    name: '住院费用明细（按出院月份，未通过检查）',
    description: '出院日期只概括到月份、费用按 100 元分段：k-匿名检查不通过，须进一步概括或取得权利人同意。',
    treatments: plan('month', 100),
    quasiIdentifiers: ['cyrq', 'zfy'],
  });
  await derivatives.check(steward, draft.id);
  return 2;
}
