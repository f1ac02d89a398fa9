/**
 * What every service call knows of its caller: who acts, the request it belongs to, and the
 * injected clock (tests travel in time by replacing it).
 */
import type { Actor, UserActor } from '@gongshu/domain';
import { fail } from '@gongshu/domain';

export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

export interface RequestContext {
  readonly actor: Actor;
  readonly requestId: string | null;
  readonly ip: string | null;
  /** How the actor reached us, as recorded in the audit trail. */
  readonly via: 'session' | 'api_key' | 'cli' | 'system' | 'anonymous';
  /** The API key the call came with (via api_key): the agency system, checked against grants at the exit. */
  readonly apiKeyId?: string | null;
}

/** The context of work the platform does by itself (seeding, sweeper jobs, CLI). */
export function systemContext(via: 'cli' | 'system' = 'system'): RequestContext {
  return { actor: { kind: 'anonymous' }, requestId: null, ip: null, via };
}

/** The signed-in user acting in this context; anyone else (anonymous, system work) is refused AUTH_REQUIRED. */
export function signedInUser(ctx: RequestContext): UserActor {
  if (ctx.actor.kind !== 'user') fail('AUTH_REQUIRED');
  return ctx.actor;
}
