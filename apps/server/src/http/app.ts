/**
 * Builds the HTTP application from already-made services: plugins, hooks, error handling, the
 * routes of every module, the OpenAPI document and the web app. No I/O happens here.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { refuse } from '@gongshu/domain';
import Fastify, { type FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import type { Services } from '../services.js';
import { installAccessControl, type ApiRoute } from './access.js';
import { errorBody, statusOf, toRefusal } from './errors.http.js';
import type { App } from './types.js';
import { schemaCompilers } from './validation.js';
import { installAuthentication } from '../modules/auth/auth.plugin.js';
import { registerAuthRoutes } from '../modules/auth/auth.routes.js';
import { registerAgencyRoutes } from '../modules/agencies/agencies.routes.js';
import { registerUserRoutes } from '../modules/users/users.routes.js';
import { registerServiceProviderRoutes } from '../modules/service-providers/service-providers.routes.js';
import { registerAuditRoutes } from '../modules/audit/audit.routes.js';
import { registerSecurityAlertRoutes } from '../modules/security-alerts/security-alerts.routes.js';
import { registerSystemRoutes } from '../modules/system/system.routes.js';
import { registerCalendarRoutes } from '../modules/calendar/calendar.routes.js';
import { registerDeadlineRoutes } from '../modules/deadlines/deadlines.routes.js';
import { registerNotificationRoutes } from '../modules/notifications/notifications.routes.js';
import { registerRectificationRoutes } from '../modules/rectifications/rectifications.routes.js';
import { registerCatalogRoutes } from '../modules/catalog/catalog.routes.js';
import { registerDataRoutes } from '../modules/aggregation/data.routes.js';
import { registerExitRoutes } from '../modules/exit/exit.routes.js';
import { registerOpenDataRoutes } from '../modules/open-data/open-data.routes.js';
import { AuditedRefusal } from '../modules/audit/audited-refusal.js';
import { registerSharingRoutes } from '../modules/sharing/sharing.routes.js';
import { registerCorrelationRoutes } from '../modules/correlation/correlation.routes.js';
import { registerOpenApplicationRoutes } from '../modules/open-applications/open-applications.routes.js';
import { registerCatalogFileRoutes } from '../modules/catalog/catalog-files.routes.js';
import { createCatalogFilesService } from '../modules/catalog/catalog-files.service.js';
import { registerCkanRoutes } from '../modules/ckan/ckan.routes.js';
import { createCkanService } from '../modules/ckan/ckan.service.js';
import { registerDcatRoutes } from '../modules/dcat/dcat.routes.js';
import { createDcatService } from '../modules/dcat/dcat.service.js';
import { registerOpenParticipationRoutes } from '../modules/open-participation/open-participation.routes.js';
import { registerPortalRoutes } from '../modules/portal/portal.routes.js';
import { registerDerivativeRoutes } from '../modules/derivatives/derivatives.routes.js';

export interface AppOptions {
  readonly config: Config;
  readonly services: Services;
  /** Folder of the built web app; served at / when it exists. */
  readonly webDist?: string | null;
  /** A pino destination for tests that read the logs. */
  readonly logStream?: NodeJS.WritableStream;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

declare module 'fastify' {
  interface FastifyInstance {
    /** Every API route with its declared access (for the authorization test over all routes). */
    apiRoutes: readonly ApiRoute[];
  }
}

export async function buildApp(options: AppOptions): Promise<App> {
  const { config, services } = options;
  const app = Fastify({
    logger: {
      level: config.logLevel,
      // No personal data in logs (R29.1): no query strings, no headers, no bodies.
      serializers: {
        req: (req: FastifyRequest) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
      },
      redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-api-key"]'],
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    trustProxy: config.trustProxy,
    bodyLimit: 1_048_576,
  }).withTypeProvider<TypeBoxTypeProvider>();
  const compilers = schemaCompilers();
  app.setValidatorCompiler(compilers.validator);
  app.setSerializerCompiler(compilers.serializer);

  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });

  await app.register(fastifyCookie, { secret: config.sessionSecret });
  await app.register(fastifyCsrf, {
    sessionPlugin: '@fastify/cookie',
    cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true, signed: true, secure: config.secureCookies },
    getUserInfo: (req) => req.session?.id ?? '',
    csrfOpts: { hmacKey: config.sessionSecret },
  });
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Ant Design injects its CSS-in-JS styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: config.secureCookies,
  });
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (request, context) => ({
      ...errorBody(refuse('RATE_LIMITED', { details: { retryAfterSeconds: Math.ceil(context.ttl / 1000) } }), request.id),
      statusCode: 429,
    }),
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Gongshu (公数) API',
        description: 'The city node of the public-data platform. Errors share one shape: code, message {zh, en}, requirement id.',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'gongshu_session' },
          apiKey: { type: 'http', scheme: 'bearer', description: 'gsk_… API key' },
        },
      },
      security: [{ session: [] }, { apiKey: [] }],
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  installAuthentication(app, services.auth);
  app.decorate('apiRoutes', installAccessControl(app));

  app.setErrorHandler(async (error, request, reply) => {
    const { refusal, unexpected } = toRefusal(error);
    if (unexpected) request.log.error({ err: error }, 'unexpected error');
    const status = statusOf(refusal, error);
    if (status === 403 && request.ctx?.actor.kind === 'user' && !(error instanceof AuditedRefusal)) {
      // Refused access by a signed-in user is a security event (R29.1); the exit audits its own refusals.
      await services.recordDenied(request.ctx, request.routeOptions.url ?? request.url, refusal.code).catch((err: unknown) => {
        request.log.error({ err }, 'could not audit a denied request');
      });
    }
    return reply.status(status).send(errorBody(refusal, request.id));
  });

  app.get('/api/openapi.json', { schema: { hide: true }, config: { access: 'public' } }, async () => app.swagger());

  registerSystemRoutes(app, services.db, services.dbKind);
  registerAuthRoutes(app, services.auth, config);
  registerAgencyRoutes(app, services.agencies);
  registerUserRoutes(app, services.users);
  registerServiceProviderRoutes(app, services.serviceProviders);
  registerAuditRoutes(app, services.audit, services.db, services.clock);
  registerSecurityAlertRoutes(app, services.securityAlerts);
  registerCalendarRoutes(app, services.calendar, services.rules);
  registerDeadlineRoutes(app, services.deadlines);
  registerNotificationRoutes(app, services.notifications);
  registerRectificationRoutes(app, services.rectifications);
  registerCatalogRoutes(app, services.catalog);
  registerDataRoutes(app, services.loads, services.dataQuality, config.maxUploadBytes);
  registerExitRoutes(app, services.exit, config.logLevel);
  registerOpenDataRoutes(app, services.openData);
  registerSharingRoutes(app, services.shareRequests, services.grants);
  registerCorrelationRoutes(app, services.correlation);
  registerOpenApplicationRoutes(app, services.openApplications, services.openGrants);
  registerCatalogFileRoutes(app, createCatalogFilesService(services));
  registerCkanRoutes(
    app,
    createCkanService({ db: services.db, publicUrl: config.publicUrl, clock: services.clock, openData: services.openData }),
  );
  registerDcatRoutes(app, createDcatService({ db: services.db, publicUrl: config.publicUrl }));
  registerOpenParticipationRoutes(app, services.openParticipation, services.auth, config);
  registerPortalRoutes(app, services.portal);
  registerDerivativeRoutes(app, services.derivatives);

  const webDist = options.webDist && existsSync(path.join(options.webDist, 'index.html')) ? options.webDist : null;
  if (webDist) {
    // wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
    await app.register(fastifyStatic, { root: webDist, wildcard: true, index: ['index.html'] });
  }
  app.setNotFoundHandler(async (request, reply) => {
    // The web app routes on the client: unknown page paths get its index page; unknown API paths
    // and missing assets get a 404.
    const url = request.url.split('?')[0] ?? '';
    if (webDist && request.method === 'GET' && !url.startsWith('/api/') && !url.startsWith('/assets/') && !path.extname(url)) {
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.status(404).send(errorBody(refuse('NOT_FOUND'), request.id));
  });

  return app;
}

export type { TypeBoxTypeProvider };
