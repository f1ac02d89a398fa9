import type { FieldSpec, ResourceMetadata } from './resource-metadata.js';

/** Test factory: a valid entry, overridable (house style buildX(overrides)). */
export function buildMetadata(overrides: Partial<ResourceMetadata> = {}): ResourceMetadata {
  return {
    classificationCode: '101001',
    name: '人口基础信息',
    nameEn: 'Basic population information',
    summary: '户籍人口的基础信息',
    keywords: ['人口', '户籍'],
    sourceSystem: '人口管理信息系统',
    formatCategory: 'database',
    formatType: 'PostgreSQL',
    fields: [
      buildField({ code: 'citizen_id', name: '公民身份号码', identifierRole: 'citizen_id', length: 18, sensitivity: 'highly_sensitive' }),
      buildField(),
    ],
    share: {
      type: 'conditional',
      conditions: '用于政务服务身份核验',
      legalBasis: '《中华人民共和国居民身份证法》',
      methods: ['interface'],
    },
    open: { type: 'none', conditions: null, noneGround: 'trade_secret_privacy', legalBasis: '《中华人民共和国个人信息保护法》' },
    securityLevel: 3,
    dataGrade: 'important',
    usageConditions: null,
    updateFrequency: 'daily',
    relatedResourceCodes: [],
    licence: null,
    involvesStateSecret: false,
    ...overrides,
  };
}

export function buildField(overrides: Partial<FieldSpec> = {}): FieldSpec {
  return {
    code: 'name',
    name: '姓名',
    dataType: 'string',
    length: 50,
    description: null,
    identifierRole: 'none',
    sensitivity: 'sensitive',
    required: true,
    ...overrides,
  };
}
