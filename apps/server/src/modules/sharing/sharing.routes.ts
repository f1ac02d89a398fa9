import { routes } from '@gongshu/contracts';
import type { App } from '../../http/types.js';
import type { GrantsService } from './grants.service.js';
import type { ShareRequestsService } from './share-requests.service.js';

/** Share requests, grants and lineage (R14–R17). Finer checks (provider, requester, participant) are in the services. */
export function registerSharingRoutes(app: App, requests: ShareRequestsService, grants: GrantsService): void {
  const r = routes;
  app.get(r.listShareRequests.url, { schema: r.listShareRequests.schema, config: { access: 'share.read' } }, async (request) =>
    requests.list(request.ctx, request.query.scope, request.query.state, request.query.resourceId),
  );
  app.get(r.getShareRequest.url, { schema: r.getShareRequest.schema, config: { access: 'share.read' } }, async (request) =>
    requests.get(request.ctx, request.params.id),
  );
  app.post(r.fileShareRequest.url, { schema: r.fileShareRequest.schema, config: { access: 'share.request' } }, async (request, reply) =>
    reply.status(201).send(await requests.file(request.ctx, request.body)),
  );
  app.post(
    r.formalReviewShareRequest.url,
    { schema: r.formalReviewShareRequest.schema, config: { access: 'share.review' } },
    async (request) =>
      requests.formalReview(request.ctx, request.params.id, request.body.approve, request.body.comment, request.body.reasons),
  );
  app.post(
    r.providerReviewShareRequest.url,
    { schema: r.providerReviewShareRequest.schema, config: { access: 'share.provide' } },
    async (request) => requests.providerReview(request.ctx, request.params.id, request.body),
  );
  app.post(r.answerShareDemand.url, { schema: r.answerShareDemand.schema, config: { access: 'share.provide' } }, async (request) =>
    requests.answer(request.ctx, request.params.id, request.body.willShare, request.body.text),
  );
  app.post(r.recordUpperResult.url, { schema: r.recordUpperResult.schema, config: { access: 'share.review' } }, async (request) =>
    requests.upperResult(request.ctx, request.params.id, request.body.result, request.body.reference, request.body.note),
  );
  app.post(r.withdrawShareRequest.url, { schema: r.withdrawShareRequest.schema, config: { access: 'share.read' } }, async (request) =>
    requests.withdraw(request.ctx, request.params.id, request.body.comment),
  );
  app.post(r.openConsultation.url, { schema: r.openConsultation.schema, config: { access: 'share.review' } }, async (request) =>
    requests.openConsultation(request.ctx, request.params.id, request.body.reason, request.body.participantAgencyIds),
  );
  app.post(r.addConsultationEntry.url, { schema: r.addConsultationEntry.schema, config: { access: 'share.read' } }, async (request) =>
    requests.addConsultationEntry(request.ctx, request.params.id, request.body.text),
  );
  app.post(r.decideConsultation.url, { schema: r.decideConsultation.schema, config: { access: 'share.review' } }, async (request) =>
    requests.decideConsultation(request.ctx, request.params.id, request.body.grant, request.body.note, request.body.fields),
  );
  app.get(r.listAgencyKeys.url, { schema: r.listAgencyKeys.schema, config: { access: 'share.read' } }, async (request) =>
    requests.agencyKeys(request.ctx),
  );
  app.get(r.listGrants.url, { schema: r.listGrants.schema, config: { access: 'share.read' } }, async (request) =>
    grants.list(request.ctx, request.query.scope, request.query.resourceId),
  );
  app.get(r.getGrant.url, { schema: r.getGrant.schema, config: { access: 'share.read' } }, async (request) =>
    grants.get(request.ctx, request.params.id),
  );
  app.put(r.setGrantKeys.url, { schema: r.setGrantKeys.schema, config: { access: 'share.read' } }, async (request) =>
    grants.setKeys(request.ctx, request.params.id, request.body.apiKeyIds),
  );
  app.post(r.changeGrantState.url, { schema: r.changeGrantState.schema, config: { access: 'share.read' } }, async (request) =>
    grants.changeState(request.ctx, request.params.id, request.body.action, request.body.reason),
  );
  app.get(r.listGrantDeliveries.url, { schema: r.listGrantDeliveries.schema, config: { access: 'share.read' } }, async (request) =>
    grants.deliveries(request.ctx, request.params.id, request.query.before, request.query.limit),
  );
  app.get(r.getLineage.url, { schema: r.getLineage.schema, config: { access: 'share.read' } }, async (request) =>
    grants.lineage(request.ctx, request.params.id),
  );
}
