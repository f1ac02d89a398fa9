import type { Kysely } from 'kysely';
import { systemContext, type RequestContext } from '../../context.js';
import type { Database } from '../../db/schema.js';
import { toActor } from '../auth/auth.service.js';
import { loadActorRecord } from '../users/users.repository.js';

/**
 * Request contexts acting as demo users, so the demo history is made by the real services with
 * the real permissions (the audit trail shows the demo user, reached via 'system').
 */
export function demoActors(db: Kysely<Database>): (username: string) => Promise<RequestContext> {
  const cache = new Map<string, RequestContext>();
  return async (username) => {
    const cached = cache.get(username);
    if (cached) return cached;
    const user = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow();
    const record = await loadActorRecord(db, user.id);
    if (!record) throw new Error(`demo user ${username} missing`);
    const ctx: RequestContext = { ...systemContext('system'), actor: toActor(record, 'session'), via: 'system' };
    cache.set(username, ctx);
    return ctx;
  };
}
