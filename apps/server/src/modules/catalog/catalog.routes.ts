import { routes } from '@gongshu/contracts';
import type { ResourceMetadata } from '@gongshu/domain';
import type { App } from '../../http/types.js';
import type { CatalogService } from './catalog.service.js';

export function registerCatalogRoutes(app: App, catalog: CatalogService): void {
  const r = routes;
  // The contract's enum schemas are the domain's vocabularies (checked in contracts/enums.ts).
  const meta = (m: unknown) => m as ResourceMetadata;

  app.get(r.listClassifications.url, { schema: r.listClassifications.schema, config: { access: 'public' } }, async () =>
    catalog.classifications(),
  );
  app.get(r.searchCatalog.url, { schema: r.searchCatalog.schema, config: { access: 'catalog.read' } }, async (request) =>
    catalog.search(request.ctx, request.query),
  );
  app.get(r.getResource.url, { schema: r.getResource.schema, config: { access: 'catalog.read' } }, async (request) =>
    catalog.resource(request.ctx, request.params.id),
  );
  app.get(r.getVersion.url, { schema: r.getVersion.schema, config: { access: 'catalog.read' } }, async (request) =>
    catalog.version(request.ctx, request.params.id),
  );
  app.get(r.diffVersions.url, { schema: r.diffVersions.schema, config: { access: 'catalog.read' } }, async (request) =>
    catalog.diff(request.ctx, request.params.id, request.query.from, request.query.to),
  );
  app.get(r.myCatalog.url, { schema: r.myCatalog.schema, config: { access: 'catalog.edit' } }, async (request) =>
    catalog.mine(request.ctx),
  );
  app.post(r.checkMetadata.url, { schema: r.checkMetadata.schema, config: { access: 'catalog.edit' } }, async (request) =>
    catalog.check(request.ctx, meta(request.body.metadata), request.body.resourceId),
  );
  app.post(r.createDraft.url, { schema: r.createDraft.schema, config: { access: 'catalog.edit' } }, async (request, reply) =>
    reply.status(201).send(await catalog.createDraft(request.ctx, { ...request.body, metadata: meta(request.body.metadata) })),
  );
  app.put(r.updateDraft.url, { schema: r.updateDraft.schema, config: { access: 'catalog.edit' } }, async (request) =>
    catalog.updateDraft(request.ctx, request.params.id, { ...request.body, metadata: meta(request.body.metadata) }),
  );
  app.post(r.startChange.url, { schema: r.startChange.schema, config: { access: 'catalog.edit' } }, async (request, reply) =>
    reply
      .status(201)
      .send(await catalog.startChange(request.ctx, request.params.id, request.body.changeReason, request.body.lawChangeDate)),
  );
  app.delete(r.discardDraft.url, { schema: r.discardDraft.schema, config: { access: 'catalog.edit' } }, async (request, reply) => {
    await catalog.discard(request.ctx, request.params.id);
    return reply.status(204).send(null);
  });
  // Who may submit is decided per agency in the service (R8.1: the agency's steward, while it has one).
  app.post(r.submitVersions.url, { schema: r.submitVersions.schema, config: { access: 'catalog.edit' } }, async (request) =>
    catalog.submit(request.ctx, request.body.versionIds),
  );
  app.get(r.reviewQueue.url, { schema: r.reviewQueue.schema, config: { access: 'catalog.review' } }, async () => catalog.reviewQueue());
  app.post(r.approveVersion.url, { schema: r.approveVersion.schema, config: { access: 'catalog.review' } }, async (request) =>
    catalog.approve(request.ctx, request.params.id, request.body.comment ?? null),
  );
  app.post(r.returnVersion.url, { schema: r.returnVersion.schema, config: { access: 'catalog.review' } }, async (request) =>
    catalog.returnVersion(request.ctx, request.params.id, request.body.reasons),
  );
  app.post(r.decideDowngrade.url, { schema: r.decideDowngrade.schema, config: { access: 'catalog.downgrade' } }, async (request) =>
    catalog.decideDowngrade(request.ctx, request.params.id, request.body.approved, request.body.comment),
  );
}
