/**
 * The grant check at the one exit (R7.1, R17.2, R29.1): deny by default, and say why. Pure, so
 * the exit, its tests and the UI's "why was this refused" agree.
 */
import { refuse, type Result } from '../errors.js';

export type GrantState = 'active' | 'suspended' | 'revoked';

export interface GrantFacts {
  readonly consumerAgencyId: string;
  readonly state: GrantState;
  readonly validFrom: Date;
  readonly validTo: Date;
  readonly fields: readonly string[];
  /** API keys of the consumer's systems registered on the grant. */
  readonly apiKeyIds: readonly string[];
}

export interface ExitCaller {
  readonly agencyId: string | null;
  /** Set when the call comes with an API key (an agency system); null for a signed-in person. */
  readonly apiKeyId: string | null;
}

/** The state a grant shows people: expiry is computed from its period. */
export function grantStatusAt(grant: Pick<GrantFacts, 'state' | 'validFrom' | 'validTo'>, now: Date): GrantState | 'expired' | 'pending' {
  if (grant.state !== 'active') return grant.state;
  if (now.getTime() >= grant.validTo.getTime()) return 'expired';
  if (now.getTime() < grant.validFrom.getTime()) return 'pending';
  return 'active';
}

/**
 * Whether the caller may receive `requested` fields under the grant now; the fields to deliver
 * (the granted ones in the grant's order when none are asked for).
 */
export function checkGrantAccess(
  grant: GrantFacts | null,
  caller: ExitCaller,
  now: Date,
  requested: readonly string[] | null,
): Result<readonly string[]> {
  if (!grant) return { ok: false, refusal: refuse('EXIT_NO_GRANT') };
  if (caller.agencyId === null || caller.agencyId !== grant.consumerAgencyId) return { ok: false, refusal: refuse('EXIT_WRONG_AGENCY') };
  if (caller.apiKeyId !== null && !grant.apiKeyIds.includes(caller.apiKeyId)) return { ok: false, refusal: refuse('EXIT_KEY_NOT_ALLOWED') };
  const status = grantStatusAt(grant, now);
  if (status === 'revoked') return { ok: false, refusal: refuse('EXIT_GRANT_REVOKED') };
  if (status === 'suspended') return { ok: false, refusal: refuse('EXIT_GRANT_SUSPENDED') };
  if (status === 'expired')
    return { ok: false, refusal: refuse('EXIT_GRANT_EXPIRED', { details: { validTo: grant.validTo.toISOString() } }) };
  if (status === 'pending')
    return { ok: false, refusal: refuse('EXIT_GRANT_NOT_STARTED', { details: { validFrom: grant.validFrom.toISOString() } }) };
  if (requested === null || requested.length === 0) return { ok: true, value: grant.fields };
  const notGranted = requested.filter((f) => !grant.fields.includes(f));
  if (notGranted.length > 0) return { ok: false, refusal: refuse('EXIT_FIELD_NOT_GRANTED', { field: 'fields', details: { notGranted } }) };
  return { ok: true, value: grant.fields.filter((f) => requested.includes(f)) };
}
