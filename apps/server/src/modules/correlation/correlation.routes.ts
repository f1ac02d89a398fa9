import { routes } from '@gongshu/contracts';
import type { App } from '../../http/types.js';
import type { CorrelationService } from './correlation.service.js';

/** Correlation assessment of share requests (R31.1). Who may see a request is checked in the service. */
export function registerCorrelationRoutes(app: App, correlation: CorrelationService): void {
  const r = routes;
  app.get(r.getShareCorrelation.url, { schema: r.getShareCorrelation.schema, config: { access: 'share.read' } }, async (request) =>
    correlation.get(request.ctx, request.params.id),
  );
  app.post(
    r.recordCorrelationAssessment.url,
    { schema: r.recordCorrelationAssessment.schema, config: { access: 'security.assess' } },
    async (request, reply) => reply.status(201).send(await correlation.record(request.ctx, request.params.id, request.body)),
  );
  app.get(r.listCorrelationQueue.url, { schema: r.listCorrelationQueue.schema, config: { access: 'security.assess' } }, async (request) =>
    correlation.queue(request.ctx),
  );
}
