/**
 * Turns anything a call can throw into what the user reads: the API's own bilingual message,
 * the requirement id it enforces (e.g. R8.1) and the request id for support.
 */
import { ApiError } from '@gongshu/contracts';
import type { Lang } from '../i18n/context';

export interface ErrorText {
  readonly message: string;
  readonly requirement: string | null;
  readonly requestId: string | null;
  readonly field: string | null;
  readonly code: string | null;
}

const NETWORK = { zh: '无法连接服务器，请检查网络后重试', en: 'Cannot reach the server: check the network and try again' };
const UNKNOWN = { zh: '发生未知错误，请稍后重试', en: 'Something went wrong: try again later' };

export function errorText(error: unknown, lang: Lang): ErrorText {
  if (error instanceof ApiError) {
    return {
      message: error.body.message[lang],
      requirement: error.body.requirement ?? null,
      requestId: error.body.requestId || null,
      field: error.body.field ?? null,
      code: error.body.code,
    };
  }
  // fetch rejects with a TypeError when the server cannot be reached.
  const text = error instanceof TypeError ? NETWORK : UNKNOWN;
  return { message: text[lang], requirement: null, requestId: null, field: null, code: null };
}

/** Whether the error means the session is gone (signed out, expired, revoked). */
export function isUnauthenticated(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}

/**
 * Maps the API's field of a refusal ("body.responsiblePerson.name", "divisionCode") to a form
 * field path, when the form has such a field.
 */
export function formFieldOf(field: string | null, known: readonly (readonly string[])[]): readonly string[] | null {
  if (!field) return null;
  const path = field.replace(/^body\./, '').split('.');
  const exact = known.find((candidate) => candidate.join('.') === path.join('.'));
  if (exact) return exact;
  // A refusal about a group ("responsiblePerson") lands on the group's first field.
  return known.find((candidate) => candidate[0] === path[0]) ?? null;
}
