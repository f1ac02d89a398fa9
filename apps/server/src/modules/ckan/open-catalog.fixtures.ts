/**
 * Test helper: a small open catalog published through the real workflow (the demo template has
 * agencies and users but no catalog): unconditional and conditional resources of two agencies in
 * two top classes, and one `none` resource that must never leave the node (R18.1).
 */
import type { ResourceMetadata } from '@gongshu/domain';
import type { Harness } from '../../../test/harness.js';
import { publishResource } from '../aggregation/aggregation.fixtures.js';

/** The attributes of an open resource (R18.2: a low security level for unconditional opening). */
export const openAttributes = (type: 'unconditional' | 'conditional'): Partial<ResourceMetadata> => ({
  securityLevel: type === 'unconditional' ? 1 : 2,
  dataGrade: 'general',
  share: { type: 'unconditional', conditions: null, legalBasis: null, methods: ['interface'] },
  open: { type, conditions: type === 'conditional' ? '申请人须实名注册并说明用途' : null, noneGround: null, legalBasis: null },
});

export interface OpenCatalog {
  /** hrss, unconditional, 211003, CC BY 4.0, monthly. */
  readonly training: { resourceId: string; code: string };
  /** hrss, conditional, 211004, the city's own licence, weekly. */
  readonly jobs: { resourceId: string; code: string };
  /** civil, unconditional, 209003, no licence, yearly. */
  readonly care: { resourceId: string; code: string };
  /** hrss, open type none: never public. */
  readonly closed: { resourceId: string; code: string };
}

/** Publishes the catalog a minute apart (training first, care last), on the harness's clock. */
export async function publishOpenCatalog(h: Harness): Promise<OpenCatalog> {
  const minute = () => h.clock.advance(60_000);
  const training = await publishResource(h, 'hrss', {
    ...openAttributes('unconditional'),
    classificationCode: '211003',
    name: '职业技能培训机构名录',
    nameEn: 'Vocational training institutions',
    summary: '全市职业技能培训机构的名称、地址和培训工种',
    keywords: ['就业', '职业培训'],
    updateFrequency: 'monthly',
    licence: 'CC BY 4.0',
  });
  minute();
  const jobs = await publishResource(h, 'hrss', {
    ...openAttributes('conditional'),
    classificationCode: '211004',
    name: '招聘岗位信息',
    nameEn: null,
    summary: '用人单位发布的招聘岗位和薪酬范围',
    keywords: ['就业', '招聘'],
    updateFrequency: 'weekly',
    licence: '滕州市公共数据开放许可协议',
  });
  minute();
  const care = await publishResource(h, 'civil', {
    ...openAttributes('unconditional'),
    classificationCode: '209003',
    name: '养老服务机构名录',
    nameEn: 'Elderly care institutions',
    summary: '养老机构的名称、床位数和服务类型',
    keywords: ['养老'],
    updateFrequency: 'yearly',
    licence: null,
  });
  minute();
  const closed = await publishResource(h, 'hrss', {
    classificationCode: '211001',
    name: '就业登记明细',
    summary: '个人就业登记记录，含身份号码',
    keywords: ['就业', '不开放关键词'],
  });
  return { training, jobs, care, closed };
}
