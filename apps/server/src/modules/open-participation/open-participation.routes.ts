/**
 * Routes of participation on the open portal. Registration is public and rate limited per
 * address; it signs the new account in (the same cookie and CSRF token as /api/auth/login). The
 * public lists are anonymous; raising an objection needs any signed-in account; answering needs
 * the provider's steward (open.provide); submitting to the showcase a public user
 * (open.participate); moderating the bureau (open.review).
 */
import { routes } from '@gongshu/contracts';
import type { Config } from '../../config.js';
import type { App } from '../../http/types.js';
import type { AuthService } from '../auth/auth.service.js';
import { SESSION_COOKIE, sessionCookieOptions } from '../auth/auth.plugin.js';
import type { OpenParticipationService } from './open-participation.service.js';

export function registerOpenParticipationRoutes(app: App, open: OpenParticipationService, auth: AuthService, config: Config): void {
  const r = routes;

  app.post(
    r.openRegister.url,
    {
      schema: r.openRegister.schema,
      // Per address: account farming is refused here; identities are unique in the service.
      config: { access: 'public', rateLimit: { max: config.registerRateLimit, timeWindow: '1 hour' } },
    },
    async (request, reply) => {
      const created = await open.registration.register(request.ctx, request.body);
      const { token, session, actor } = await auth.login(
        request.ctx,
        { username: created.username, password: request.body.password },
        { userAgent: request.headers['user-agent'] ?? null },
      );
      void reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(config));
      request.session = session;
      const csrfToken = reply.generateCsrf({ userInfo: session.id });
      return reply.status(201).send(await auth.me(actor, session, csrfToken));
    },
  );

  app.get(r.listOpenObjections.url, { schema: r.listOpenObjections.schema, config: { access: 'public' } }, async (request) =>
    open.objections.listPublic(request.query),
  );
  app.post(r.raiseOpenObjection.url, { schema: r.raiseOpenObjection.schema, config: { access: 'authenticated' } }, async (request, reply) =>
    reply.status(201).send(await open.objections.raise(request.ctx, request.body)),
  );
  app.get(r.listMyOpenObjections.url, { schema: r.listMyOpenObjections.schema, config: { access: 'authenticated' } }, async (request) =>
    open.objections.mine(request.ctx),
  );
  app.get(r.listOpenObjectionQueue.url, { schema: r.listOpenObjectionQueue.schema, config: { access: 'open.read' } }, async (request) =>
    open.objections.queue(request.ctx, request.query.state),
  );
  app.post(r.answerOpenObjection.url, { schema: r.answerOpenObjection.schema, config: { access: 'open.provide' } }, async (request) =>
    open.objections.answer(request.ctx, request.params.id, request.body),
  );

  app.get(r.listShowcase.url, { schema: r.listShowcase.schema, config: { access: 'public' } }, async (request) =>
    open.showcase.gallery(request.query),
  );
  app.get(
    r.listShowcaseResourceOptions.url,
    { schema: r.listShowcaseResourceOptions.schema, config: { access: 'public' } },
    async (request) => open.showcase.resourceOptions(request.query.q, request.query.ids),
  );
  app.post(
    r.submitShowcaseItem.url,
    { schema: r.submitShowcaseItem.schema, config: { access: 'open.participate' } },
    async (request, reply) => reply.status(201).send(await open.showcase.submit(request.ctx, request.body)),
  );
  app.get(r.listMyShowcase.url, { schema: r.listMyShowcase.schema, config: { access: 'open.participate' } }, async (request) =>
    open.showcase.mine(request.ctx),
  );
  app.get(r.listShowcaseQueue.url, { schema: r.listShowcaseQueue.schema, config: { access: 'open.review' } }, async (request) =>
    open.showcase.queue(request.ctx, request.query.state),
  );
  app.post(r.moderateShowcaseItem.url, { schema: r.moderateShowcaseItem.schema, config: { access: 'open.review' } }, async (request) =>
    open.showcase.moderate(request.ctx, request.params.id, request.body),
  );
  app.post(r.withdrawShowcaseItem.url, { schema: r.withdrawShowcaseItem.schema, config: { access: 'open.participate' } }, async (request) =>
    open.showcase.withdraw(request.ctx, request.params.id),
  );
}
