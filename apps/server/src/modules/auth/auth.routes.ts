import { routes } from '@gongshu/contracts';
import type { Config } from '../../config.js';
import type { App } from '../../http/types.js';
import { userOf } from '../../http/types.js';
import type { AuthService } from './auth.service.js';
import { SESSION_COOKIE, sessionCookieOptions } from './auth.plugin.js';

export function registerAuthRoutes(app: App, auth: AuthService, config: Config): void {
  const { login, me, logout, changePassword, listApiKeys, createApiKey, revokeApiKey } = routes;

  app.post(
    login.url,
    {
      schema: login.schema,
      // Brute force: per-address rate limit here, per-account lockout in the service.
      config: { access: 'public', rateLimit: { max: config.loginRateLimit, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const { token, session, actor } = await auth.login(request.ctx, request.body, { userAgent: request.headers['user-agent'] ?? null });
      void reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(config));
      request.session = session;
      const csrfToken = reply.generateCsrf({ userInfo: session.id });
      return auth.me(actor, session, csrfToken);
    },
  );

  app.get(me.url, { schema: me.schema, config: { access: 'authenticated' } }, async (request, reply) => {
    const actor = userOf(request);
    const csrfToken = request.session ? reply.generateCsrf({ userInfo: request.session.id }) : null;
    return auth.me(actor, request.session, csrfToken);
  });

  app.post(logout.url, { schema: logout.schema, config: { access: 'authenticated' } }, async (request, reply) => {
    if (request.session) await auth.logout(request.ctx, request.session.id);
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.post(changePassword.url, { schema: changePassword.schema, config: { access: 'authenticated' } }, async (request, reply) => {
    await auth.changePassword(request.ctx, request.session?.id ?? null, request.body.currentPassword, request.body.newPassword);
    return reply.status(204).send(null);
  });

  app.get(listApiKeys.url, { schema: listApiKeys.schema, config: { access: 'api_key.manage_own' } }, async (request) =>
    auth.listApiKeys(userOf(request)),
  );

  app.post(createApiKey.url, { schema: createApiKey.schema, config: { access: 'api_key.manage_own' } }, async (request, reply) => {
    const created = await auth.createApiKey(request.ctx, userOf(request), request.body.name, request.body.expiresInDays ?? 90);
    return reply.status(201).send(created);
  });

  app.delete(revokeApiKey.url, { schema: revokeApiKey.schema, config: { access: 'api_key.manage_own' } }, async (request, reply) => {
    await auth.revokeApiKey(request.ctx, userOf(request), request.params.id);
    return reply.status(204).send(null);
  });
}
