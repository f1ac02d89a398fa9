/**
 * Routes of the one exit (R7.1, R17.2, R29.1). Access is 'authenticated': who may fetch is decided
 * by the grant (its consumer agency and registered API keys), in the service, and every refusal
 * there is audited.
 */
import { routes } from '@gongshu/contracts';
import type { App } from '../../http/types.js';
import type { ExitService } from './exit.service.js';

export function registerExitRoutes(app: App, exit: ExitService): void {
  const r = routes;
  app.get(r.exitLookup.url, { schema: r.exitLookup.schema, config: { access: 'authenticated' } }, async (request) =>
    exit.lookup(request.ctx, request.params.grantId, request.params.key, request.query.fields),
  );
  app.post(r.exitQuery.url, { schema: r.exitQuery.schema, config: { access: 'authenticated' } }, async (request) =>
    exit.query(request.ctx, request.params.grantId, request.body),
  );
  app.get(r.exitExtract.url, { schema: r.exitExtract.schema, config: { access: 'authenticated' } }, async (request, reply) => {
    const result = await exit.extract(request.ctx, request.params.grantId, request.query.format, request.query.fields);
    return reply
      .header('content-disposition', `attachment; filename="${result.fileName}"`)
      .header('x-gongshu-grant', result.provenance.grant.number)
      .header('x-gongshu-delivery', result.provenance.deliveryId)
      .header('x-gongshu-citation', encodeURIComponent(result.provenance.citation))
      .type(result.contentType)
      .send(result.stream);
  });
}
