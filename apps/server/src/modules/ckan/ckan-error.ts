/**
 * CKAN's three refusals of the Action API, with the status and `__type` CKAN gives each. They are
 * CKAN's words, not our refusal codes: the CKAN routes answer in CKAN's envelope, never in ours.
 */
export type CkanErrorKind = 'not_found' | 'validation' | 'authorization';

export const CKAN_ERRORS: Record<CkanErrorKind, { status: number; type: string; prefix: string }> = {
  not_found: { status: 404, type: 'Not Found Error', prefix: 'Not found' },
  validation: { status: 409, type: 'Validation Error', prefix: 'Validation error' },
  authorization: { status: 403, type: 'Authorization Error', prefix: 'Access denied' },
};

export class CkanError extends Error {
  constructor(
    readonly kind: CkanErrorKind,
    detail: string,
    /** Messages per parameter (Validation Error). */
    readonly fields: Readonly<Record<string, readonly string[]>> = {},
  ) {
    super(detail ? `${CKAN_ERRORS[kind].prefix}: ${detail}` : CKAN_ERRORS[kind].prefix);
    this.name = 'CkanError';
  }
}

export function notFound(detail: string): never {
  throw new CkanError('not_found', detail);
}

/** A Validation Error about one parameter. */
export function invalid(param: string, message: string): never {
  throw new CkanError('validation', `${param}: ${message}`, { [param]: [message] });
}
