/**
 * The closed vocabularies of a catalog entry (R10.1, R13.1, R18.1; GB/T 21063 and the national
 * catalog compilation guide), each value with its zh and en label.
 */
export interface Term<C extends string = string> {
  readonly code: C;
  readonly zh: string;
  readonly en: string;
}

function terms<const C extends string>(list: readonly Term<C>[]): readonly Term<C>[] {
  return list;
}

export const FORMAT_CATEGORIES = terms([
  { code: 'electronic_file', zh: '电子文件', en: 'Electronic file' },
  { code: 'spreadsheet', zh: '电子表格', en: 'Spreadsheet' },
  { code: 'database', zh: '数据库', en: 'Database' },
  { code: 'image', zh: '图形图像', en: 'Graphics and images' },
  { code: 'streaming_media', zh: '流媒体', en: 'Streaming media' },
  { code: 'self_describing', zh: '自描述格式', en: 'Self-describing format' },
  { code: 'service_interface', zh: '服务接口', en: 'Service interface' },
]);
export type FormatCategory = (typeof FORMAT_CATEGORIES)[number]['code'];

export const DATA_TYPES = terms([
  { code: 'string', zh: '字符型', en: 'Text' },
  { code: 'integer', zh: '整数型', en: 'Integer' },
  { code: 'decimal', zh: '数值型', en: 'Decimal' },
  { code: 'date', zh: '日期型', en: 'Date' },
  { code: 'datetime', zh: '日期时间型', en: 'Date and time' },
  { code: 'boolean', zh: '布尔型', en: 'Boolean' },
]);
export type DataType = (typeof DATA_TYPES)[number]['code'];

export const IDENTIFIER_ROLES = terms([
  { code: 'citizen_id', zh: '公民身份号码', en: 'Citizen ID number' },
  { code: 'credit_code', zh: '统一社会信用代码', en: 'Unified social credit code' },
  { code: 'other_code', zh: '其他标识码', en: 'Other identification code' },
  { code: 'none', zh: '非标识', en: 'Not an identifier' },
]);
export type IdentifierRole = (typeof IDENTIFIER_ROLES)[number]['code'];

export const SENSITIVITIES = terms([
  { code: 'public', zh: '可公开', en: 'Public' },
  { code: 'internal', zh: '内部', en: 'Internal' },
  { code: 'sensitive', zh: '敏感', en: 'Sensitive' },
  { code: 'highly_sensitive', zh: '高度敏感', en: 'Highly sensitive' },
]);
export type Sensitivity = (typeof SENSITIVITIES)[number]['code'];

export const SHARE_TYPES = terms([
  { code: 'unconditional', zh: '无条件共享', en: 'Unconditional sharing' },
  { code: 'conditional', zh: '有条件共享', en: 'Conditional sharing' },
  { code: 'none', zh: '不予共享', en: 'Not shared' },
]);
export type ShareType = (typeof SHARE_TYPES)[number]['code'];

export const OPEN_TYPES = terms([
  { code: 'unconditional', zh: '无条件开放', en: 'Unconditional opening' },
  { code: 'conditional', zh: '有条件开放', en: 'Conditional opening' },
  { code: 'none', zh: '不予开放', en: 'Not opened' },
]);
export type OpenType = (typeof OPEN_TYPES)[number]['code'];

export const SHARE_METHODS = terms([
  { code: 'interface', zh: '接口', en: 'Interface' },
  { code: 'bulk_file', zh: '批量文件', en: 'Bulk file' },
  { code: 'query', zh: '查询', en: 'Query' },
]);
export type ShareMethod = (typeof SHARE_METHODS)[number]['code'];

/** The five grounds of R18.1 for not opening data. */
export const OPEN_NONE_GROUNDS = terms([
  { code: 'state_secret', zh: '依法确定为国家秘密的', en: 'Lawfully classified as a state secret' },
  {
    code: 'security_stability',
    zh: '开放后可能危及国家安全、公共安全、经济安全、社会稳定的',
    en: 'Opening may endanger national, public or economic security or social stability',
  },
  {
    code: 'trade_secret_privacy',
    zh: '涉及商业秘密、个人隐私等，开放会对第三方合法权益造成损害的',
    en: 'Trade secrets or personal privacy: opening would harm third parties',
  },
  { code: 'agreement_ip', zh: '因协议或者知识产权限制而无法开放的', en: 'Barred by an agreement or intellectual-property restriction' },
  {
    code: 'law_excluded',
    zh: '法律、法规和国家规定不得开放或者应当通过其他途径获取的',
    en: 'The law bars opening or requires another channel',
  },
]);
export type OpenNoneGround = (typeof OPEN_NONE_GROUNDS)[number]['code'];

export const UPDATE_FREQUENCIES = terms([
  { code: 'realtime', zh: '实时', en: 'Real time' },
  { code: 'daily', zh: '每日', en: 'Daily' },
  { code: 'weekly', zh: '每周', en: 'Weekly' },
  { code: 'monthly', zh: '每月', en: 'Monthly' },
  { code: 'quarterly', zh: '每季度', en: 'Quarterly' },
  { code: 'half_yearly', zh: '每半年', en: 'Half-yearly' },
  { code: 'yearly', zh: '每年', en: 'Yearly' },
  { code: 'irregular', zh: '不定期', en: 'Irregular' },
]);
export type UpdateFrequency = (typeof UPDATE_FREQUENCIES)[number]['code'];

export const DATA_GRADES = terms([
  { code: 'general', zh: '一般数据', en: 'General' },
  { code: 'important', zh: '重要数据', en: 'Important' },
  { code: 'core', zh: '核心数据', en: 'Core' },
]);
export type DataGrade = (typeof DATA_GRADES)[number]['code'];

export const SECURITY_LEVELS = [1, 2, 3, 4] as const;
export type SecurityLevel = (typeof SECURITY_LEVELS)[number];

export const SECURITY_LEVEL_LABELS: Record<SecurityLevel, { zh: string; en: string }> = {
  1: { zh: '一级（公开）', en: 'Level 1 (public)' },
  2: { zh: '二级（内部）', en: 'Level 2 (internal)' },
  3: { zh: '三级（敏感）', en: 'Level 3 (sensitive)' },
  4: { zh: '四级（高度敏感）', en: 'Level 4 (highly sensitive)' },
};

/** Codes of a vocabulary, for validation. */
export function codesOf<C extends string>(list: readonly Term<C>[]): readonly C[] {
  return list.map((t) => t.code);
}

/** Openness order: a higher rank is more open. */
export const OPENNESS: Record<ShareType, number> = { unconditional: 2, conditional: 1, none: 0 };
