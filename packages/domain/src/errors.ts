/**
 * Domain refusals: every rule the platform enforces refuses with a stable code, a message in
 * zh-CN and en, and the requirement id (R…) where the regulation is the reason. HTTP statuses and
 * CLI exit codes are mapped from the code in one place on the server (errors.http.ts).
 */

export interface ErrorText {
  readonly zh: string;
  readonly en: string;
  /** The requirement of REQUIREMENTS.md that the refusal enforces, if any. */
  readonly requirement?: string;
}

export const errorCatalog = {
  VALIDATION_FAILED: { zh: '请求内容不符合要求', en: 'The request is not valid' },
  NOT_FOUND: { zh: '未找到所请求的对象', en: 'Not found' },
  CONFLICT: { zh: '与现有数据冲突', en: 'Conflicts with existing data' },
  AUTH_REQUIRED: { zh: '请先登录', en: 'Sign-in required' },
  AUTH_INVALID_CREDENTIALS: { zh: '用户名或密码错误', en: 'Wrong username or password' },
  AUTH_LOCKED: {
    zh: '登录失败次数过多，账号已暂时锁定，请稍后再试',
    en: 'Too many failed sign-ins: the account is locked for a while',
  },
  AUTH_DISABLED: { zh: '账号已停用', en: 'The account is disabled' },
  AUTH_SESSION_EXPIRED: { zh: '会话已过期，请重新登录', en: 'The session has expired: sign in again' },
  AUTH_API_KEY_INVALID: {
    zh: 'API 密钥无效、已吊销或已过期',
    en: 'The API key is invalid, revoked or expired',
  },
  AUTH_CSRF_INVALID: {
    zh: '缺少或无效的 CSRF 令牌，请刷新页面后重试',
    en: 'Missing or invalid CSRF token: reload the page and try again',
  },
  RATE_LIMITED: { zh: '请求过于频繁，请稍后再试', en: 'Too many requests: try again later' },
  FORBIDDEN: { zh: '您没有执行此操作的权限', en: 'You are not allowed to do this' },
  PASSWORD_TOO_WEAK: {
    zh: '密码至少 10 位，且须包含字母和数字',
    en: 'A password needs at least 10 characters with letters and digits',
  },
  STEWARD_REQUIRED: {
    zh: '本单位尚未指定数据专员，不能提交目录、申请或数据',
    en: 'The agency has no data steward: it cannot submit a catalog, a request or data',
    requirement: 'R8.1',
  },
  STEWARD_ROLE_AGENCY: {
    zh: '数据专员必须属于一个单位',
    en: 'A data steward must belong to an agency',
    requirement: 'R8.1',
  },
  RESPONSIBLE_PERSON_REQUIRED: {
    zh: '须登记单位第一责任人',
    en: 'The agency must record its first responsible person',
    requirement: 'R27.1',
  },
  AGENCY_HIERARCHY_INVALID: {
    zh: '单位层级关系无效',
    en: 'The agency hierarchy is not valid',
    requirement: 'R5.1',
  },
  CITIZEN_ID_INVALID: {
    zh: '公民身份号码无效',
    en: 'The citizen ID number is not valid',
    requirement: 'R11.2',
  },
  CREDIT_CODE_INVALID: {
    zh: '统一社会信用代码无效',
    en: 'The unified social credit code is not valid',
    requirement: 'R11.2',
  },
  AUDIT_CHAIN_BROKEN: {
    zh: '审计日志哈希链校验失败',
    en: 'The audit log hash chain is broken',
    requirement: 'R29.1',
  },
  BACKUP_ARCHIVE_INVALID: {
    zh: '备份文件无效或已损坏（校验值不符），未做任何恢复',
    en: 'The backup archive is invalid or damaged (a checksum does not match): nothing was restored',
    requirement: 'R29.1',
  },
  RESTORE_TARGET_NOT_EMPTY: {
    zh: '目标数据库不是空库：确需覆盖时加 --force（将先清空该库）',
    en: 'The target database is not empty: add --force to empty it first if it is to be overwritten',
    requirement: 'R29.1',
  },
  CALENDAR_YEAR_UNPUBLISHED: {
    zh: '尚未发布该年度节假日安排，不能计算涉及该年的工作日期限',
    en: 'The public holiday arrangements of that year are not published yet: working days in it cannot be computed',
    requirement: 'R37.1',
  },
  CALENDAR_DATA_INVALID: {
    zh: '节假日安排数据有误',
    en: 'The public holiday calendar data is not valid',
    requirement: 'R37.1',
  },
  RULE_SET_INVALID: {
    zh: '规则集无效',
    en: 'The rule set is not valid',
    requirement: 'R37.1',
  },
  RULE_SET_NONE_VALID: {
    zh: '该日期没有有效的规则集',
    en: 'No rule set is in force on that date',
    requirement: 'R37.1',
  },
  DEADLINE_TRANSITION_INVALID: {
    zh: '办理时限状态不允许此操作',
    en: 'The deadline is not in a state that allows this',
  },
  CATALOG_INVALID: {
    zh: '目录条目不符合要求，请逐项修改',
    en: 'The catalog entry is not valid: see each problem',
    requirement: 'R10.1',
  },
  CATALOG_STATE_SECRET: {
    zh: '涉及国家秘密的数据不得进入平台',
    en: 'Data involving state secrets never enters the platform',
    requirement: 'R2.2',
  },
  CATALOG_REQUIRED: { zh: '必填项未填写', en: 'A required item is missing', requirement: 'R10.1' },
  CATALOG_VALUE_INVALID: { zh: '取值不在允许范围内', en: 'The value is not one of those allowed', requirement: 'R10.1' },
  CATALOG_FIELD_INVALID: { zh: '信息项定义有误', en: 'A field (信息项) is not valid', requirement: 'R10.1' },
  CATALOG_SHARE_CONDITIONS_REQUIRED: {
    zh: '有条件共享须列明申请条件',
    en: 'Conditional sharing must list the application conditions',
    requirement: 'R13.1',
  },
  CATALOG_SHARE_LEGAL_BASIS_REQUIRED: {
    zh: '有条件共享和不予共享须注明法律依据',
    en: 'Conditional and not-shared data must cite their legal basis',
    requirement: 'R13.1',
  },
  CATALOG_OPEN_CONDITIONS_REQUIRED: {
    zh: '有条件开放须公布开放条件',
    en: 'Conditional opening must publish its conditions',
    requirement: 'R19.2',
  },
  CATALOG_OPEN_GROUND_REQUIRED: {
    zh: '不予开放须选择第十八条规定的情形之一并注明法律依据',
    en: 'Not opening must cite one of the five grounds of Article 18 and its legal basis',
    requirement: 'R18.1',
  },
  CATALOG_OPEN_LEVEL_CONFLICT: {
    zh: '开放属性与安全级别不符',
    en: 'The open attribute does not fit the security level',
    requirement: 'R18.2',
  },
  CATALOG_OPEN_EXCEEDS_SHARE: {
    zh: '开放程度不能高于共享程度',
    en: 'Data cannot be more open to the public than it is shared between agencies',
    requirement: 'R18.2',
  },
  CATALOG_CLASSIFICATION_UNKNOWN: { zh: '资源分类不存在', en: 'Unknown classification', requirement: 'R10.1' },
  CATALOG_DUPLICATION_UNJUSTIFIED: {
    zh: '信息项与已共享数据重复，须说明重复采集的理由',
    en: 'Fields overlap data already shared: justify collecting them again',
    requirement: 'R9.1',
  },
  CATALOG_CHANGE_REASON_REQUIRED: {
    zh: '目录变更须说明原因及法律法规或职责变更日期',
    en: 'A catalog change must state its reason and the date of the law or duty change',
    requirement: 'R10.3',
  },
  CATALOG_STATE_INVALID: { zh: '目录条目当前状态不允许此操作', en: 'The catalog entry is not in a state that allows this' },
  CATALOG_DOWNGRADE_APPROVAL_REQUIRED: {
    zh: '降低开放或共享属性须经市大数据工作主管部门同意',
    en: 'Lowering the open or share attribute needs the bureau’s approval',
    requirement: 'R18.3',
  },
  CATALOG_RETURN_REASONS_REQUIRED: {
    zh: '退回须一次性列明全部具体理由',
    en: 'A return must state all its specific reasons at once',
    requirement: 'R16.1',
  },
  CATALOG_IMPORT_INVALID: {
    zh: '目录导入文件有误，未保存任何条目',
    en: 'The catalog file has errors: nothing was saved',
    requirement: 'R10.1',
  },
  CATALOG_IMPORT_FILE_UNREADABLE: {
    zh: '文件无法读取：请上传用“目录填报模板”填写并保存的 .xlsx 文件',
    en: 'The file cannot be read: upload an .xlsx file filled in from the catalog template',
  },
  CATALOG_IMPORT_LAYOUT_INVALID: {
    zh: '文件与目录填报模板的格式不符',
    en: 'The file does not follow the catalog template',
  },
  SHARE_TOWN_VIA_BUREAU: {
    zh: '镇（街道）的数据需求须提交市大数据工作主管部门，由其代为申请',
    en: 'Towns and streets submit their needs to the bureau, which applies on their behalf',
    requirement: 'R15.2',
  },
  SHARE_PURPOSE_REQUIRED: {
    zh: '申请须说明应用场景和所履行的法定职责',
    en: 'A request states its use scenario and the legal duty it serves',
    requirement: 'R17.1',
  },
  SHARE_COMMITMENT_REQUIRED: {
    zh: '申请须承诺数据真实、合规、安全使用，仅用于本单位履职，不向第三方提供',
    en: 'A request commits to authenticity, compliance and security, own duties only and no onward provision',
    requirement: 'R17.1',
  },
  SHARE_FIELDS_INVALID: { zh: '申请的信息项无效', en: 'The requested fields are not valid', requirement: 'R17.2' },
  SHARE_PERIOD_INVALID: { zh: '使用期限无效', en: 'The period of use is not valid', requirement: 'R17.2' },
  SHARE_REJECTION_REASONS_REQUIRED: {
    zh: '不予共享须一次性说明全部具体理由及其法律依据',
    en: 'A rejection states all its specific reasons at once, each with its legal basis',
    requirement: 'R16.1',
  },
  SHARE_TRANSITION_INVALID: { zh: '申请当前状态不允许此操作', en: 'The request is not in a state that allows this' },
  SHARE_NOT_PROVIDER: {
    zh: '只有数据提供单位的数据专员可以审核此申请',
    en: 'Only the providing agency’s data steward can review this request',
    requirement: 'R14.2',
  },
  SHARE_RESOURCE_NOT_SHAREABLE: {
    zh: '该资源未发布或不予共享，请改为提交数据需求',
    en: 'The resource is not published or not shared: file a demand instead',
    requirement: 'R14.3',
  },
  SHARE_CONSULTATION_PARTICIPANT: {
    zh: '只有协商参与单位可以发表意见',
    en: 'Only participants of the consultation can add to its record',
    requirement: 'R16.2',
  },
  SHARE_API_KEY_INVALID: {
    zh: '所选系统密钥不属于本单位或已失效',
    en: 'A chosen system key does not belong to the agency or is no longer valid',
    requirement: 'R29.1',
  },
  CORRELATION_ASSESSMENT_REQUIRED: {
    zh: '授予后可按同一自然人标识关联三级及以上数据，须先完成关联安全评估（同意或附条件同意）',
    en: 'Granting would let the consumer join level 3+ data on the same person identifier: a correlation security assessment that permits it is needed first',
    requirement: 'R31.1',
  },
  CORRELATION_ASSESSMENT_INVALID: {
    zh: '关联安全评估内容不完整或当前无需评估',
    en: 'The correlation assessment is incomplete, or none is needed now',
    requirement: 'R31.1',
  },
  EXIT_NO_GRANT: { zh: '没有授权：未找到此共享授权', en: 'No grant: this sharing grant does not exist', requirement: 'R7.1' },
  EXIT_WRONG_AGENCY: {
    zh: '没有授权：此授权属于其他单位',
    en: 'No grant: the grant belongs to another agency',
    requirement: 'R17.2',
  },
  EXIT_KEY_NOT_ALLOWED: {
    zh: '没有授权：调用的系统密钥未登记在此授权中',
    en: 'No grant: the calling system’s key is not registered on the grant',
    requirement: 'R29.1',
  },
  EXIT_GRANT_NOT_STARTED: { zh: '授权尚未生效', en: 'The grant is not in force yet', requirement: 'R17.2' },
  EXIT_GRANT_EXPIRED: { zh: '授权已过期，请重新申请', en: 'The grant has expired: apply again', requirement: 'R17.2' },
  EXIT_GRANT_REVOKED: { zh: '授权已撤销', en: 'The grant has been revoked', requirement: 'R17.2' },
  EXIT_GRANT_SUSPENDED: {
    zh: '授权已暂停（疑似违规使用），请联系市大数据局',
    en: 'The grant is suspended (suspected misuse): contact the bureau',
    requirement: 'R29.1',
  },
  EXIT_FIELD_NOT_GRANTED: { zh: '请求了未授权的信息项', en: 'A requested field is not granted', requirement: 'R17.2' },
  EXIT_NO_DATA: { zh: '该资源尚未汇聚数据', en: 'No data has been loaded for this resource', requirement: 'R11.1' },
  EXIT_IDENTIFIER_MISSING: {
    zh: '该资源没有标识信息项，无法按标识查询',
    en: 'The resource has no identifier field to look up by',
  },
  TRACE_NO_FINGERPRINT: {
    zh: '文件中未找到本节点的数据指纹',
    en: 'No fingerprint of this node was found in the file',
  },
  DEIDENTIFY_PLAN_INVALID: {
    zh: '去标识化方案无效',
    en: 'The de-identification plan is not valid',
    requirement: 'R18.4',
  },
  DEIDENTIFY_K_ANONYMITY_FAILED: {
    zh: '未通过 k-匿名检查：存在少于 k 条记录的准标识符组合，且无权利人同意',
    en: 'The k-anonymity check failed: some quasi-identifier combinations have fewer than k rows, and there is no consent of the right holder',
    requirement: 'R18.4',
  },
  DEIDENTIFY_STATE_INVALID: {
    zh: '去标识化衍生数据当前状态不允许此操作：已发布的须先撤回',
    en: 'The derivative’s state does not allow this: a published derivative must be withdrawn first',
    requirement: 'R18.4',
  },
  DEIDENTIFY_CHECK_STALE: {
    zh: 'k-匿名检查之后来源数据又有新的加载，请重新检查后再发布',
    en: 'The source data was loaded again after the k-anonymity check: run the check again before publishing',
    requirement: 'R18.4',
  },
  DEIDENTIFY_SOURCE_NOT_ELIGIBLE: {
    zh: '只有已发布、开放属性为“不予开放”且已汇聚数据的资源可以去标识化后开放',
    en: 'Only published resources that are not opened (open type none) and have loaded data can be opened after de-identification',
    requirement: 'R18.4',
  },
  MASK_TOO_WEAK: {
    zh: '脱敏方式弱于定级要求：只能选择同等或更强的脱敏方式',
    en: 'The mask is weaker than the grading requires: choose the same or a stronger one',
    requirement: 'R29.1',
  },
  OPEN_NO_APPLICATION_NEEDED: {
    zh: '无条件开放数据无需申请，可直接下载或调用',
    en: 'Unconditional open data needs no application: download it or call the API',
    requirement: 'R19.1',
  },
  OPEN_APPLICATION_INCOMPLETE: {
    zh: '申请须说明用途和安全保护措施、使用期限不超过三年，并作出全部承诺',
    en: 'An application states its purpose and protective measures, a period of at most three years, and every commitment',
    requirement: 'R19.2',
  },
  OPEN_NOT_AVAILABLE: {
    zh: '该数据资源不存在、尚未发布或不开放',
    en: 'This resource does not exist, is not published or is not open',
    requirement: 'R18.1',
  },
  OPEN_GRANT_REQUIRED: {
    zh: '有条件开放数据须先申请并获得有效的开放授权，且只能获取授权的信息项',
    en: 'Conditional open data needs an active open grant of yours, and only its granted fields can be fetched',
    requirement: 'R19.2',
  },
  OPEN_RATE_LIMITED: {
    zh: '调用过于频繁，已超过每分钟调用次数上限，请稍后再试',
    en: 'Too many calls: the per-minute limit of the open data API is reached, try again later',
    requirement: 'R19.1',
  },
  OPEN_QUOTA_EXCEEDED: {
    zh: '今日调用次数已用完，请明天再试',
    en: 'The daily quota of the open data API is used up: try again tomorrow',
    requirement: 'R19.1',
  },
  OPEN_OBJECTION_ANSWERED: {
    zh: '该异议已答复，不能再次答复',
    en: 'The objection has already been answered',
    requirement: 'R20.2',
  },
  OPEN_SHOWCASE_STATE_INVALID: {
    zh: '该成果当前状态不允许此操作',
    en: 'The showcase item is not in a state that allows this',
    requirement: 'R22.1',
  },
  PROVIDER_AGREEMENT_NOT_IN_FORCE: {
    zh: '该账号所属第三方服务机构的安全保密协议不在有效期内（未生效、已到期或已终止），不能登录或使用',
    en: 'The security and confidentiality agreement of this account’s service provider is not in force (not yet valid, expired or ended): the account cannot act',
    requirement: 'R30.1',
  },
  PROVIDER_COMMITMENT_REQUIRED: {
    zh: '安全保密协议须约定服务机构不得留存、使用或对外提供数据',
    en: 'The security and confidentiality agreement must commit the provider not to retain, use or pass on data',
    requirement: 'R30.1',
  },
  PROVIDER_PERIOD_INVALID: {
    zh: '协议期限无效：截止日期不得早于生效日期，签订日期不得晚于生效日期',
    en: 'The agreement period is not valid: it cannot end before it begins, nor be signed after it takes effect',
    requirement: 'R30.1',
  },
  PROVIDER_STATE_INVALID: {
    zh: '该服务机构的协议已提前终止，不能再修改或终止',
    en: 'The provider’s agreement has already been ended early: it cannot be changed or ended again',
    requirement: 'R30.1',
  },
  PROVIDER_ACCOUNT_INVALID: {
    zh: '该账号不能关联到此服务机构（须为合同单位或服务机构自身的非公众账号，且未关联其他机构）',
    en: 'This account cannot be linked to the provider (it must be a non-public account of the contracting agency or the provider, not linked to another)',
    requirement: 'R30.1',
  },
  INTERNAL: { zh: '服务器内部错误', en: 'Internal server error' },
} as const satisfies Record<string, ErrorText>;

export type ErrorCode = keyof typeof errorCatalog;

/** A refusal as a value: what pure domain functions return instead of throwing. */
export interface Refusal {
  readonly code: ErrorCode;
  readonly message: { readonly zh: string; readonly en: string };
  readonly requirement?: string;
  /** The field, row or column the refusal is about, when there is one. */
  readonly field?: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export type Result<T = true> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly refusal: Refusal };

/** Builds a refusal from the catalog, optionally with a more specific message. */
export function refuse(
  code: ErrorCode,
  extra: {
    field?: string;
    details?: Record<string, unknown>;
    message?: { zh: string; en: string };
  } = {},
): Refusal {
  const text: ErrorText = errorCatalog[code];
  return {
    code,
    message: extra.message ?? { zh: text.zh, en: text.en },
    ...(text.requirement === undefined ? {} : { requirement: text.requirement }),
    ...(extra.field === undefined ? {} : { field: extra.field }),
    ...(extra.details === undefined ? {} : { details: extra.details }),
  };
}

/** The exception services throw to abort a transaction with a refusal. */
export class DomainError extends Error {
  readonly refusal: Refusal;
  constructor(refusal: Refusal) {
    super(`${refusal.code}: ${refusal.message.en}`);
    this.name = 'DomainError';
    this.refusal = refusal;
  }
  get code(): ErrorCode {
    return this.refusal.code;
  }
}

/** Throws a DomainError for the code; for use in services. */
export function fail(code: ErrorCode, extra?: Parameters<typeof refuse>[1]): never {
  throw new DomainError(refuse(code, extra));
}
