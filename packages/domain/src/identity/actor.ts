import type { AgencyKind, AgencyLevel, Role, Sector } from './roles.js';

/** What policies need to know of an agency. */
export interface AgencyFacts {
  readonly id: string;
  readonly kind: AgencyKind;
  readonly level: AgencyLevel;
  /** The sector the agency belongs to (it is overseen by that sector's authority). */
  readonly sector: Sector | null;
  /** The sector this agency is the authority of (R6.1), if it is one of the ten. */
  readonly sectorAuthorityOf: Sector | null;
  /** Whether the agency has named at least one active data steward (R8.1). */
  readonly hasSteward: boolean;
}

/** Who is asking: a visitor without a session, or a signed-in user (or an API key acting as one). */
export type Actor =
  | { readonly kind: 'anonymous' }
  | {
      readonly kind: 'user';
      readonly userId: string;
      readonly username: string;
      readonly roles: readonly Role[];
      readonly agency: AgencyFacts | null;
      /** How the actor authenticated: a browser session or an API key. */
      readonly via: 'session' | 'api_key';
    };

export type UserActor = Extract<Actor, { kind: 'user' }>;

export const ANONYMOUS: Actor = Object.freeze({ kind: 'anonymous' });

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.kind === 'user' && actor.roles.some((r) => roles.includes(r));
}
