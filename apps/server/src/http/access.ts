/**
 * Deny by default: every route declares its access ('public', 'authenticated' or a permission of
 * domain/policies) and registration fails for an API route that does not. A preHandler enforces
 * it before the request is even validated; services then check what depends on the object.
 */
import { authorize, DomainError, fail, type Permission } from '@gongshu/domain';
import type { FastifyInstance, FastifyRequest, FastifySchema } from 'fastify';

export type Access = 'public' | 'authenticated' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
}

export interface ApiRoute {
  readonly method: string;
  readonly url: string;
  readonly access: Access;
  /** The route's declared schema (params, querystring, body, response), when it has one. */
  readonly schema?: FastifySchema;
}

/** Installs the checks and returns the list of API routes with their access, filled as routes register. */
export function installAccessControl(app: FastifyInstance): ApiRoute[] {
  const registered: ApiRoute[] = [];
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const access = route.config?.access;
    if (!access) throw new Error(`route ${String(route.method)} ${route.url} declares no access`);
    for (const method of ([] as string[]).concat(route.method)) {
      if (method !== 'HEAD') registered.push({ method, url: route.url, access, ...(route.schema ? { schema: route.schema } : {}) });
    }
  });
  // Before validation: a visitor without the right learns nothing about the request's shape.
  app.addHook('preValidation', async (request: FastifyRequest) => {
    const access = request.routeOptions.config.access;
    if (access === undefined || access === 'public') return;
    const actor = request.ctx.actor;
    if (actor.kind !== 'user') fail(request.sessionExpired ? 'AUTH_SESSION_EXPIRED' : 'AUTH_REQUIRED');
    if (access === 'authenticated') return;
    const decision = authorize(actor, access);
    if (!decision.ok) throw new DomainError(decision.refusal);
  });
  return registered;
}
