/**
 * Routes of the one exit (R7.1, R17.2, R29.1). Access is 'authenticated': who may fetch is decided
 * by the grant (its consumer agency and registered API keys), in the service, and every refusal
 * there is audited.
 */
import { routes } from '@gongshu/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { LevelWithSilent } from 'pino';
import type { App } from '../../http/types.js';
import type { ExitService } from './exit.service.js';

/**
 * The answers carry personal data for machines: never cached, never sniffed. They need none of the
 * browser headers of helmet (CSP, frame and opener policies), which @fastify/helmet rebuilds on
 * every request; the exit is the platform's hot path, so it sets only these two.
 */
const LEVELS: Record<string, number> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: 100 };

/**
 * Lookups and queries log at warn (or less, if the platform is quieter), not per request: every
 * call and every refusal is already an audit entry with the request id, caller and grant, and a
 * delivery row. Errors are still logged.
 */
function hotPath(logLevel: string): { helmet: false; logLevel: LevelWithSilent } {
  const quieter = (LEVELS[logLevel] ?? 30) >= (LEVELS.warn ?? 40);
  return { helmet: false, logLevel: quieter ? (logLevel as LevelWithSilent) : 'warn' };
}
/** Set as the request arrives, so refusals (401, 403 of the access check or the grant) carry them too. */
async function noStore(_request: FastifyRequest, reply: FastifyReply): Promise<void> {
  void reply.header('cache-control', 'no-store').header('x-content-type-options', 'nosniff');
}

export function registerExitRoutes(app: App, exit: ExitService, logLevel: string): void {
  const r = routes;
  const HOT_PATH = hotPath(logLevel);
  app.get(
    r.exitLookup.url,
    { schema: r.exitLookup.schema, config: { access: 'authenticated' }, ...HOT_PATH, onRequest: noStore },
    async (request) => {
      return exit.lookup(request.ctx, request.params.grantId, request.params.key, request.query.fields);
    },
  );
  app.post(
    r.exitQuery.url,
    { schema: r.exitQuery.schema, config: { access: 'authenticated' }, ...HOT_PATH, onRequest: noStore },
    async (request) => {
      return exit.query(request.ctx, request.params.grantId, request.body);
    },
  );
  app.get(r.exitExtract.url, { schema: r.exitExtract.schema, config: { access: 'authenticated' } }, async (request, reply) => {
    const result = await exit.extract(request.ctx, request.params.grantId, request.query.format, request.query.fields);
    return reply
      .header('content-disposition', `attachment; filename="${result.fileName}"`)
      .header('x-gongshu-grant', result.provenance.grant.number)
      .header('x-gongshu-delivery', result.provenance.deliveryId)
      .header('x-gongshu-citation', encodeURIComponent(result.provenance.citation))
      .header('cache-control', 'no-store')
      .type(result.contentType)
      .send(result.stream);
  });
}
