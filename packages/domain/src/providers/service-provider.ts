/**
 * Third-party service providers (R30.1): what a registration must hold, whether an agreement is in
 * force on a day, and what a list shows of it. Pure; the server stores, the web shows.
 */
import { refuse, type Refusal } from '../errors.js';
import { validateCreditCode } from '../identifiers/credit-code.js';

/** Stored state: active, or ended early (by agreement) or terminated early (for cause), with a reason. */
export const PROVIDER_STATES = ['active', 'ended', 'terminated'] as const;
export type ProviderState = (typeof PROVIDER_STATES)[number];

/** What a list shows: the stored state read against today. */
export type ProviderStatus = 'pending' | 'in_force' | 'expired' | 'ended' | 'terminated';

export interface ProviderAgreement {
  readonly state: ProviderState;
  /** First and last day in force, 'YYYY-MM-DD' (China dates). */
  readonly validFrom: string;
  readonly validTo: string;
}

/** R30.1: the agreement's commitments; every one must be recorded as made. */
export interface ProviderCommitments {
  readonly noRetention: boolean;
  readonly noUse: boolean;
  readonly noOnwardTransfer: boolean;
}

export interface ProviderRegistration extends ProviderCommitments {
  readonly creditCode: string;
  readonly agreementSignedOn: string;
  readonly validFrom: string;
  readonly validTo: string;
}

/**
 * Whether accounts of the provider may act on `today` (a China date): the agreement is active and
 * today lies within its period, both ends included (R30.1).
 */
export function providerAgreementInForce(agreement: ProviderAgreement, today: string): boolean {
  return agreement.state === 'active' && agreement.validFrom <= today && today <= agreement.validTo;
}

/** The status shown for an agreement on `today`. */
export function providerStatus(agreement: ProviderAgreement, today: string): ProviderStatus {
  if (agreement.state !== 'active') return agreement.state;
  if (today < agreement.validFrom) return 'pending';
  return today > agreement.validTo ? 'expired' : 'in_force';
}

/** Whole days from `today` to the last day in force (0: ends today; negative: already past). */
export function daysToExpiry(validTo: string, today: string): number {
  return Math.round((Date.parse(`${validTo}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/**
 * Checks a registration (R30.1, R11.2): a valid unified social credit code (GB 32100), the three
 * commitments made, an agreement signed no later than it takes effect, a period that ends on or
 * after it begins. Returns the first refusal, naming the field.
 */
export function checkProviderRegistration(input: ProviderRegistration): Refusal | null {
  const code = validateCreditCode(input.creditCode);
  if (!code.ok) return refuse(code.code, { field: 'creditCode', message: code.message, details: { reason: code.reason } });
  const missing = (['noRetention', 'noUse', 'noOnwardTransfer'] as const).find((k) => !input[k]);
  if (missing) return refuse('PROVIDER_COMMITMENT_REQUIRED', { field: missing });
  if (input.validTo < input.validFrom) return refuse('PROVIDER_PERIOD_INVALID', { field: 'validTo' });
  if (input.agreementSignedOn > input.validFrom) return refuse('PROVIDER_PERIOD_INVALID', { field: 'agreementSignedOn' });
  return null;
}
