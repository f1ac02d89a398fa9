/**
 * Authentication: sign-in with lockout, browser sessions with idle and absolute expiry, API keys
 * shown once and stored hashed (R29.1 identity authentication). Every outcome is audited.
 */
import type { ApiKey, Me } from '@gongshu/contracts';
import {
  DomainError,
  fail,
  permissionsOf,
  providerAgreementInForce,
  refuse,
  shanghaiDateOf,
  type Refusal,
  type Role,
  type UserActor,
} from '@gongshu/domain';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import { signedInUser, type Clock, type RequestContext } from '../../context.js';
import type { Database, ApiKeyRow, SessionRow } from '../../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import { isLocked, loadActorRecord, findUserByUsername, updateUserRow, type ActorRecord } from '../users/users.repository.js';
import {
  endSession,
  endUserSessions,
  findApiKeyByHash,
  findSessionByTokenHash,
  insertApiKey,
  insertSession,
  listApiKeyRows,
  markApiKeyUsed,
  revokeApiKeyRow,
  touchSession,
} from './auth.repository.js';
import { assertPasswordPolicy, hashPassword, timingDummyHash, verifyPassword } from './passwords.js';
import { hashToken, newApiKeySecret, newSessionToken } from './tokens.js';
import { createTtlCache } from '../../ttl-cache.js';

export interface AuthDeps {
  readonly db: Kysely<Database>;
  readonly audit: AuditService;
  readonly clock: Clock;
  readonly config: Pick<
    Config,
    'sessionIdleMinutes' | 'sessionAbsoluteHours' | 'loginMaxAttempts' | 'lockoutMinutes' | 'accessCacheSeconds'
  >;
}

export type SessionResolution =
  | { readonly kind: 'valid'; readonly actor: UserActor; readonly session: SessionRow }
  | { readonly kind: 'expired' }
  /** The session is live but its user may not act now (R30.1: the provider's agreement is not in force). */
  | { readonly kind: 'refused'; readonly refusal: Refusal }
  | { readonly kind: 'none' };

/** Only touch last_seen_at once a minute, not on every request. */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * R30.1: an account of a third-party service provider acts only while the provider's security and
 * confidentiality agreement is in force on today's China date (ended, not yet valid or expired: refused).
 */
export function providerRefusal(record: ActorRecord, now: Date): Refusal | null {
  const p = record.provider;
  if (!p || providerAgreementInForce(p, shanghaiDateOf(now))) return null;
  return refuse('PROVIDER_AGREEMENT_NOT_IN_FORCE', {
    details: { providerId: p.id, state: p.state, validFrom: p.validFrom, validTo: p.validTo },
  });
}

export function toActor(record: ActorRecord, via: 'session' | 'api_key'): UserActor {
  return {
    kind: 'user',
    userId: record.user.id,
    username: record.user.username,
    roles: record.user.roles as Role[],
    agency: record.agency,
    via,
  };
}

export function createAuthService(deps: AuthDeps) {
  const { db, audit, clock, config } = deps;
  const minutes = (n: number) => n * 60_000;
  /**
   * API keys resolved by hash, briefly (agency systems call the exit many times a second; ADR
   * 0007). Expiry is checked on every call; a revocation in this process drops the entry at once,
   * other processes and changes to the owner (disabled, new roles) follow within the TTL.
   */
  const apiKeys = createTtlCache<{ key: ApiKeyRow; record: ActorRecord } | null>(
    config.accessCacheSeconds * 1000,
    async (keyHash) => {
      const key = await findApiKeyByHash(db, keyHash);
      if (!key) return null;
      const record = await loadActorRecord(db, key.user_id);
      return record ? { key, record } : null;
    },
    { keep: (hit) => hit !== null },
  );

  function sessionIsLive(session: SessionRow, now: Date): boolean {
    return (
      session.ended_at === null &&
      session.expires_at > now &&
      session.last_seen_at.getTime() + minutes(config.sessionIdleMinutes) > now.getTime()
    );
  }

  async function recordFailure(ctx: RequestContext, username: string, reason: string, userId?: string): Promise<'locked' | 'counted'> {
    return db.transaction().execute(async (trx) => {
      let outcome: 'locked' | 'counted' = 'counted';
      if (userId) {
        const row = await trx
          .updateTable('users')
          .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
          .where('id', '=', userId)
          .returning('failed_logins')
          .executeTakeFirstOrThrow();
        if (row.failed_logins >= config.loginMaxAttempts) {
          await updateUserRow(trx, userId, {
            failed_logins: 0,
            locked_until: new Date(clock().getTime() + minutes(config.lockoutMinutes)),
          });
          outcome = 'locked';
        }
      }
      await audit.record(trx, ctx, {
        action: 'auth.login',
        subjectType: 'user',
        subjectId: userId ?? null,
        outcome: 'failed',
        details: { username, reason, ...(outcome === 'locked' ? { locked: true } : {}) },
      });
      return outcome;
    });
  }

  return {
    async login(ctx: RequestContext, input: { username: string; password: string }, meta: { userAgent: string | null }) {
      const now = clock();
      const user = await findUserByUsername(db, input.username);
      if (!user) {
        await verifyPassword(await timingDummyHash(), input.password);
        await recordFailure(ctx, input.username, 'unknown_user');
        fail('AUTH_INVALID_CREDENTIALS');
      }
      if (isLocked(user, now)) {
        await recordFailure(ctx, user.username, 'locked', user.id);
        fail('AUTH_LOCKED', { details: { lockedUntil: user.locked_until?.toISOString() } });
      }
      if (!(await verifyPassword(user.password_hash, input.password))) {
        const outcome = await recordFailure(ctx, user.username, 'wrong_password', user.id);
        fail(outcome === 'locked' ? 'AUTH_LOCKED' : 'AUTH_INVALID_CREDENTIALS');
      }
      if (user.disabled) {
        await recordFailure(ctx, user.username, 'disabled', user.id);
        fail('AUTH_DISABLED');
      }
      const standing = await loadActorRecord(db, user.id);
      const refusal = standing ? providerRefusal(standing, now) : null;
      if (refusal) {
        // Audited like every failed sign-in, but not counted towards the lockout: the password was right.
        await db.transaction().execute((trx) =>
          audit.record(trx, ctx, {
            action: 'auth.login',
            subjectType: 'user',
            subjectId: user.id,
            outcome: 'failed',
            details: { username: user.username, reason: 'provider_agreement_not_in_force', ...refusal.details },
          }),
        );
        throw new DomainError(refusal);
      }
      const token = newSessionToken();
      const result = await db.transaction().execute(async (trx) => {
        await updateUserRow(trx, user.id, { failed_logins: 0, locked_until: null, last_login_at: now });
        const session = await insertSession(trx, {
          token_hash: hashToken(token),
          user_id: user.id,
          created_at: now,
          last_seen_at: now,
          expires_at: new Date(now.getTime() + config.sessionAbsoluteHours * 3_600_000),
          ip: ctx.ip,
          user_agent: meta.userAgent?.slice(0, 300) ?? null,
        });
        const record = await loadActorRecord(trx, user.id);
        if (!record) throw new Error('user vanished during sign-in');
        const actor = toActor(record, 'session');
        await audit.record(trx, { ...ctx, actor, via: 'session' }, { action: 'auth.login', subjectType: 'session', subjectId: session.id });
        return { session, record, actor };
      });
      return { token, ...result };
    },

    async resolveSession(token: string): Promise<SessionResolution> {
      const session = await findSessionByTokenHash(db, hashToken(token));
      if (!session) return { kind: 'none' };
      const now = clock();
      if (!sessionIsLive(session, now)) return { kind: 'expired' };
      const record = await loadActorRecord(db, session.user_id);
      if (!record || record.user.disabled) return { kind: 'expired' };
      const refusal = providerRefusal(record, now);
      if (refusal) return { kind: 'refused', refusal };
      if (now.getTime() - session.last_seen_at.getTime() > TOUCH_INTERVAL_MS) await touchSession(db, session.id, now);
      return { kind: 'valid', actor: toActor(record, 'session'), session };
    },

    /** Resolves an API key to the actor it acts as; refuses unknown, revoked, expired and disabled. */
    async resolveApiKey(secret: string): Promise<{ actor: UserActor; key: ApiKeyRow }> {
      const hit = await apiKeys.get(hashToken(secret));
      const now = clock();
      const key = hit?.key;
      if (!key || key.revoked_at !== null || key.expires_at <= now) fail('AUTH_API_KEY_INVALID');
      const record = hit.record;
      if (record.user.disabled) fail('AUTH_API_KEY_INVALID');
      // The cached record keeps the agreement's dates: its end takes effect on the day, not after the TTL.
      const refusal = providerRefusal(record, now);
      if (refusal) throw new DomainError(refusal);
      if (!key.last_used_at || now.getTime() - key.last_used_at.getTime() > TOUCH_INTERVAL_MS) {
        await markApiKeyUsed(db, key.id, now);
        // The cached row remembers the touch, so the next minute of calls does not write again.
        hit.key = { ...key, last_used_at: now };
      }
      return { actor: toActor(record, 'api_key'), key };
    },

    /** Drops cached API keys of a user (call when the user is disabled or their roles or agency change). */
    forgetApiKeysOf(userId: string): void {
      apiKeys.invalidateWhere((hit) => hit?.key.user_id === userId);
    },

    async logout(ctx: RequestContext, sessionId: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await endSession(trx, sessionId, clock());
        await audit.record(trx, ctx, { action: 'auth.logout', subjectType: 'session', subjectId: sessionId });
      });
    },

    async changePassword(ctx: RequestContext, sessionId: string | null, current: string, next: string): Promise<void> {
      const actor = signedInUser(ctx);
      const record = await loadActorRecord(db, actor.userId);
      if (!record) fail('AUTH_REQUIRED');
      if (!(await verifyPassword(record.user.password_hash, current))) {
        throw new DomainError(refuse('AUTH_INVALID_CREDENTIALS', { field: 'currentPassword' }));
      }
      assertPasswordPolicy(next, actor.username, 'newPassword');
      const passwordHash = await hashPassword(next);
      await db.transaction().execute(async (trx) => {
        const now = clock();
        await updateUserRow(trx, actor.userId, { password_hash: passwordHash, password_changed_at: now, updated_at: now });
        await endUserSessions(trx, actor.userId, now, sessionId ?? undefined);
        await audit.record(trx, ctx, { action: 'auth.password_change', subjectType: 'user', subjectId: actor.userId });
      });
    },

    /** The signed-in user as the web app sees it (GET /api/auth/me). */
    me(actor: UserActor, session: SessionRow | null, csrfToken: string | null): Promise<Me> {
      return presentMe(db, actor, session, csrfToken, config.sessionIdleMinutes);
    },

    async listApiKeys(actor: UserActor): Promise<ApiKey[]> {
      const now = clock();
      return (await listApiKeyRows(db, actor.userId)).map((row) => presentApiKey(row, now));
    },

    async createApiKey(ctx: RequestContext, actor: UserActor, name: string, expiresInDays: number) {
      const secret = newApiKeySecret();
      const now = clock();
      const row = await db.transaction().execute(async (trx) => {
        const key = await insertApiKey(trx, {
          user_id: actor.userId,
          name,
          prefix: secret.slice(0, 10),
          key_hash: hashToken(secret),
          created_at: now,
          expires_at: new Date(now.getTime() + expiresInDays * 86_400_000),
        });
        await audit.record(trx, ctx, {
          action: 'api_key.create',
          subjectType: 'api_key',
          subjectId: key.id,
          details: { name, expiresAt: key.expires_at.toISOString() },
        });
        return key;
      });
      return { key: presentApiKey(row, now), secret };
    },

    async revokeApiKey(ctx: RequestContext, actor: UserActor, id: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const row = await revokeApiKeyRow(trx, actor.userId, id, clock());
        if (!row) fail('NOT_FOUND', { field: 'id' });
        await audit.record(trx, ctx, { action: 'api_key.revoke', subjectType: 'api_key', subjectId: id });
      });
      apiKeys.invalidateWhere((hit) => hit?.key.id === id);
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;

export function presentApiKey(row: ApiKeyRow, now: Date): ApiKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    revokedAt: row.revoked_at?.toISOString() ?? null,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    state: row.revoked_at ? 'revoked' : row.expires_at <= now ? 'expired' : 'active',
  };
}

async function presentMe(
  db: Kysely<Database>,
  actor: UserActor,
  session: SessionRow | null,
  csrfToken: string | null,
  idleMinutes: number,
): Promise<Me> {
  const record = await loadActorRecord(db, actor.userId);
  if (!record) fail('AUTH_REQUIRED');
  const agency = record.user.agency_id
    ? await db
        .selectFrom('agencies')
        .select(['id', 'code', 'name', 'kind', 'level'])
        .where('id', '=', record.user.agency_id)
        .executeTakeFirst()
    : undefined;
  return {
    user: {
      id: record.user.id,
      username: record.user.username,
      displayName: record.user.display_name,
      roles: actor.roles as Me['user']['roles'],
      agency:
        agency && record.agency
          ? {
              id: agency.id,
              code: agency.code,
              name: agency.name,
              kind: agency.kind,
              level: record.agency.level,
              hasSteward: record.agency.hasSteward,
            }
          : null,
      publicKind: (record.user.public_kind as 'citizen' | 'organization' | null) ?? null,
    },
    permissions: permissionsOf(actor),
    via: actor.via,
    csrfToken,
    session: session ? { expiresAt: session.expires_at.toISOString(), idleMinutes } : null,
  };
}
