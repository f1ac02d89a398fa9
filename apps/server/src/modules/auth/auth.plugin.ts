/**
 * Resolves who is asking on every request (API key, session cookie or nobody) into
 * request.ctx, and enforces CSRF tokens on writes made with the session cookie.
 */
import { DomainError, type Actor } from '@gongshu/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';
import type { RequestContext } from '../../context.js';
import type { SessionRow } from '../../db/schema.js';
import type { AuthService } from './auth.service.js';
import { API_KEY_PREFIX } from './tokens.js';

export const SESSION_COOKIE = 'gongshu_session';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext;
    session: SessionRow | null;
    /** A session cookie came with the request but the session had ended or expired. */
    sessionExpired: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function bearerKey(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  const apiKey = request.headers['x-api-key'];
  return typeof apiKey === 'string' && apiKey.startsWith(API_KEY_PREFIX) ? apiKey : null;
}

export function sessionCookieOptions(config: Pick<Config, 'secureCookies' | 'sessionAbsoluteHours'>) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: config.secureCookies,
    maxAge: config.sessionAbsoluteHours * 3600,
  };
}

export function installAuthentication(app: FastifyInstance, auth: AuthService): void {
  app.decorateRequest('ctx', null as unknown as RequestContext);
  app.decorateRequest('session', null);
  app.decorateRequest('sessionExpired', false);

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const base = { requestId: request.id, ip: request.ip };
    request.ctx = { ...base, actor: { kind: 'anonymous' }, via: 'anonymous' };
    if (!request.url.startsWith('/api/')) return;

    const key = bearerKey(request);
    if (key) {
      const { actor, key: row } = await auth.resolveApiKey(key);
      request.ctx = { ...base, actor, via: 'api_key', apiKeyId: row.id };
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const resolved = await auth.resolveSession(token);
    if (resolved.kind === 'valid') {
      const actor: Actor = resolved.actor;
      request.ctx = { ...base, actor, via: 'session' };
      request.session = resolved.session;
    } else {
      request.sessionExpired = resolved.kind === 'expired';
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      // R30.1: the account's provider agreement is not in force: say so, except on public routes (the
      // portal, sign-in), which go on as for a visitor; the cookie goes, so the browser can sign in again.
      if (resolved.kind === 'refused' && request.routeOptions.config.access !== 'public') throw new DomainError(resolved.refusal);
    }
  });

  // Writes made with the session cookie must carry the CSRF token (x-csrf-token); API keys need none.
  app.addHook('onRequest', (request, reply, done) => {
    if (request.session && !SAFE_METHODS.has(request.method)) {
      app.csrfProtection(request, reply, done);
      return;
    }
    done();
  });
}
