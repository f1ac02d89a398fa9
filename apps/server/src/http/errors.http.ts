/**
 * The one table from refusal codes to HTTP statuses (house style: domain errors carry codes, the
 * status mapping lives in one place), and the one error shape every response uses.
 */
import type { ApiErrorBody } from '@gongshu/contracts';
import { DomainError, errorCatalog, refuse, type ErrorCode, type Refusal } from '@gongshu/domain';

export const HTTP_STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  AUTH_REQUIRED: 401,
  AUTH_INVALID_CREDENTIALS: 401,
  AUTH_LOCKED: 423,
  AUTH_DISABLED: 403,
  AUTH_SESSION_EXPIRED: 401,
  AUTH_API_KEY_INVALID: 401,
  AUTH_CSRF_INVALID: 403,
  RATE_LIMITED: 429,
  FORBIDDEN: 403,
  PASSWORD_TOO_WEAK: 400,
  STEWARD_REQUIRED: 403,
  STEWARD_ROLE_AGENCY: 400,
  RESPONSIBLE_PERSON_REQUIRED: 400,
  AGENCY_HIERARCHY_INVALID: 400,
  CITIZEN_ID_INVALID: 400,
  CREDIT_CODE_INVALID: 400,
  AUDIT_CHAIN_BROKEN: 409,
  BACKUP_ARCHIVE_INVALID: 422,
  RESTORE_TARGET_NOT_EMPTY: 409,
  CALENDAR_YEAR_UNPUBLISHED: 422,
  CALENDAR_DATA_INVALID: 400,
  RULE_SET_INVALID: 400,
  RULE_SET_NONE_VALID: 422,
  DEADLINE_TRANSITION_INVALID: 409,
  CATALOG_INVALID: 400,
  CATALOG_STATE_SECRET: 400,
  CATALOG_REQUIRED: 400,
  CATALOG_VALUE_INVALID: 400,
  CATALOG_FIELD_INVALID: 400,
  CATALOG_SHARE_CONDITIONS_REQUIRED: 400,
  CATALOG_SHARE_LEGAL_BASIS_REQUIRED: 400,
  CATALOG_OPEN_CONDITIONS_REQUIRED: 400,
  CATALOG_OPEN_GROUND_REQUIRED: 400,
  CATALOG_OPEN_LEVEL_CONFLICT: 400,
  CATALOG_OPEN_EXCEEDS_SHARE: 400,
  CATALOG_CLASSIFICATION_UNKNOWN: 400,
  CATALOG_DUPLICATION_UNJUSTIFIED: 400,
  CATALOG_CHANGE_REASON_REQUIRED: 400,
  CATALOG_STATE_INVALID: 409,
  CATALOG_DOWNGRADE_APPROVAL_REQUIRED: 409,
  CATALOG_RETURN_REASONS_REQUIRED: 400,
  CATALOG_IMPORT_INVALID: 400,
  CATALOG_IMPORT_FILE_UNREADABLE: 400,
  CATALOG_IMPORT_LAYOUT_INVALID: 400,
  SHARE_TOWN_VIA_BUREAU: 403,
  SHARE_PURPOSE_REQUIRED: 400,
  SHARE_COMMITMENT_REQUIRED: 400,
  SHARE_FIELDS_INVALID: 400,
  SHARE_PERIOD_INVALID: 400,
  SHARE_REJECTION_REASONS_REQUIRED: 400,
  SHARE_TRANSITION_INVALID: 409,
  SHARE_NOT_PROVIDER: 403,
  SHARE_RESOURCE_NOT_SHAREABLE: 400,
  SHARE_CONSULTATION_PARTICIPANT: 403,
  SHARE_API_KEY_INVALID: 400,
  CORRELATION_ASSESSMENT_REQUIRED: 409,
  CORRELATION_ASSESSMENT_INVALID: 400,
  EXIT_NO_GRANT: 403,
  EXIT_WRONG_AGENCY: 403,
  EXIT_KEY_NOT_ALLOWED: 403,
  EXIT_GRANT_NOT_STARTED: 403,
  EXIT_GRANT_EXPIRED: 403,
  EXIT_GRANT_REVOKED: 403,
  EXIT_GRANT_SUSPENDED: 403,
  EXIT_FIELD_NOT_GRANTED: 403,
  EXIT_NO_DATA: 409,
  EXIT_IDENTIFIER_MISSING: 400,
  TRACE_NO_FINGERPRINT: 404,
  DEIDENTIFY_PLAN_INVALID: 400,
  MASK_TOO_WEAK: 400,
  DEIDENTIFY_K_ANONYMITY_FAILED: 409,
  DEIDENTIFY_STATE_INVALID: 409,
  DEIDENTIFY_CHECK_STALE: 409,
  DEIDENTIFY_SOURCE_NOT_ELIGIBLE: 409,
  OPEN_NO_APPLICATION_NEEDED: 409,
  OPEN_APPLICATION_INCOMPLETE: 400,
  OPEN_NOT_AVAILABLE: 404,
  OPEN_GRANT_REQUIRED: 403,
  OPEN_RATE_LIMITED: 429,
  OPEN_QUOTA_EXCEEDED: 429,
  OPEN_OBJECTION_ANSWERED: 409,
  OPEN_SHOWCASE_STATE_INVALID: 409,
  PROVIDER_AGREEMENT_NOT_IN_FORCE: 403,
  PROVIDER_COMMITMENT_REQUIRED: 400,
  PROVIDER_PERIOD_INVALID: 400,
  PROVIDER_STATE_INVALID: 409,
  PROVIDER_ACCOUNT_INVALID: 400,
  INTERNAL: 500,
};

/** CLI exit codes by refusal, from the same codes (0 is success, 1 an unexpected failure). */
export function exitCodeOf(code: ErrorCode): number {
  const status = HTTP_STATUS[code];
  if (status === 401 || status === 403 || status === 423) return 3;
  if (status === 404) return 4;
  if (status === 409) return 5;
  if (status >= 500) return 1;
  return 2;
}

export function errorBody(refusal: Refusal, requestId: string): ApiErrorBody {
  return {
    statusCode: HTTP_STATUS[refusal.code],
    code: refusal.code,
    message: refusal.message,
    requestId,
    ...(refusal.requirement ? { requirement: refusal.requirement } : {}),
    ...(refusal.field ? { field: refusal.field } : {}),
    ...(refusal.details ? { details: refusal.details } : {}),
  };
}

interface FastifyLikeError {
  statusCode?: number;
  code?: string;
  message?: string;
  validation?: { instancePath?: string; message?: string; params?: Record<string, unknown> }[];
  validationContext?: string;
}

/** Turns anything thrown into a refusal; unknown errors become INTERNAL without their details. */
export function toRefusal(error: unknown): { refusal: Refusal; unexpected: boolean } {
  if (error instanceof DomainError) return { refusal: error.refusal, unexpected: false };
  const e = (error ?? {}) as FastifyLikeError;
  if (e.validation && e.validation.length > 0) {
    const first = e.validation[0] ?? {};
    const missing = first.params?.missingProperty;
    const path = (first.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
    const field = [e.validationContext, typeof missing === 'string' ? (path ? `${path}.${missing}` : missing) : path]
      .filter(Boolean)
      .join('.');
    const detail = first.message ?? 'is not valid';
    return {
      refusal: refuse('VALIDATION_FAILED', {
        field,
        message: {
          zh: `${errorCatalog.VALIDATION_FAILED.zh}：${field || '请求'} ${detail}`,
          en: `${errorCatalog.VALIDATION_FAILED.en}: ${field || 'request'} ${detail}`,
        },
      }),
      unexpected: false,
    };
  }
  if (e.code === 'FST_CSRF_INVALID_TOKEN' || e.code === 'FST_CSRF_MISSING_SECRET') {
    return { refusal: refuse('AUTH_CSRF_INVALID'), unexpected: false };
  }
  if (e.statusCode === 429) return { refusal: refuse('RATE_LIMITED'), unexpected: false };
  if (e.statusCode === 404) return { refusal: refuse('NOT_FOUND'), unexpected: false };
  if (e.statusCode !== undefined && e.statusCode >= 400 && e.statusCode < 500) {
    // Malformed JSON, wrong content type, body too large…: the client's fault, described generically.
    const en =
      e.statusCode === 413
        ? 'The request body is too large'
        : e.statusCode === 415
          ? 'Unsupported content type'
          : 'The request is malformed';
    const zh = e.statusCode === 413 ? '请求内容过大' : e.statusCode === 415 ? '不支持的内容类型' : '请求格式错误';
    return { refusal: refuse('VALIDATION_FAILED', { message: { zh, en } }), unexpected: false };
  }
  if (isDataException(error)) {
    // Not the database's message: it may quote the value.
    return {
      refusal: refuse('VALIDATION_FAILED', {
        message: {
          zh: '请求中含有数据库无法处理的值（如空字符 NUL、超出范围的数字）',
          en: 'The request holds a value the database cannot take (such as a NUL character or a number out of range)',
        },
      }),
      unexpected: false,
    };
  }
  return { refusal: refuse('INTERNAL'), unexpected: true };
}

/**
 * PostgreSQL's class 22, data exception (SQLSTATE 22xxx): a value from the request the database
 * cannot store or compare — a NUL character in text, a number out of range, an impossible date.
 * The client's input, not a fault of the server (issue 8: injection fails safely).
 */
export function isDataException(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code);
}

/** The status to answer with: the code's, except malformed-request refusals keep 413/415. */
export function statusOf(refusal: Refusal, error: unknown): number {
  const raw = (error as FastifyLikeError | undefined)?.statusCode;
  if (refusal.code === 'VALIDATION_FAILED' && (raw === 413 || raw === 415)) return raw;
  return HTTP_STATUS[refusal.code];
}
