import { routes } from '@gongshu/contracts';
import type { App } from '../../http/types.js';
import type { DerivativesService } from './derivatives.service.js';

/**
 * De-identified derivatives (R18.4): management for the provider's steward (open.provide; the
 * service checks the resource is of the steward's agency) and reading for agencies and the bureau
 * (open.read); the published list and detail are public.
 */
export function registerDerivativeRoutes(app: App, derivatives: DerivativesService): void {
  const r = routes;
  app.get(r.listManagedDerivatives.url, { schema: r.listManagedDerivatives.schema, config: { access: 'open.read' } }, async (request) =>
    derivatives.listManaged(request.ctx, request.query.state),
  );
  app.get(r.listDerivativeSources.url, { schema: r.listDerivativeSources.schema, config: { access: 'open.read' } }, async (request) =>
    derivatives.sources(request.ctx),
  );
  app.post(r.createDerivative.url, { schema: r.createDerivative.schema, config: { access: 'open.provide' } }, async (request, reply) =>
    reply.status(201).send(await derivatives.create(request.ctx, request.body)),
  );
  app.get(r.getManagedDerivative.url, { schema: r.getManagedDerivative.schema, config: { access: 'open.read' } }, async (request) =>
    derivatives.get(request.ctx, request.params.id),
  );
  app.get(r.getDerivativeSample.url, { schema: r.getDerivativeSample.schema, config: { access: 'open.read' } }, async (request) =>
    derivatives.sample(request.ctx, request.params.id),
  );
  app.put(r.updateDerivative.url, { schema: r.updateDerivative.schema, config: { access: 'open.provide' } }, async (request) =>
    derivatives.update(request.ctx, request.params.id, request.body),
  );
  app.post(r.checkDerivative.url, { schema: r.checkDerivative.schema, config: { access: 'open.provide' } }, async (request) =>
    derivatives.check(request.ctx, request.params.id),
  );
  app.post(
    r.recordDerivativeConsent.url,
    { schema: r.recordDerivativeConsent.schema, config: { access: 'open.provide' } },
    async (request) => derivatives.recordConsent(request.ctx, request.params.id, request.body),
  );
  app.post(r.publishDerivative.url, { schema: r.publishDerivative.schema, config: { access: 'open.provide' } }, async (request) =>
    derivatives.publish(request.ctx, request.params.id),
  );
  // The provider's steward or the bureau (checked in the service).
  app.post(r.withdrawDerivative.url, { schema: r.withdrawDerivative.schema, config: { access: 'open.read' } }, async (request) =>
    derivatives.withdraw(request.ctx, request.params.id, request.body.reason),
  );
  app.get(r.listPublicDerivatives.url, { schema: r.listPublicDerivatives.schema, config: { access: 'public' } }, async () =>
    derivatives.listPublic(),
  );
  app.get(r.getPublicDerivative.url, { schema: r.getPublicDerivative.schema, config: { access: 'public' } }, async (request) =>
    derivatives.getPublic(request.params.id),
  );
}
