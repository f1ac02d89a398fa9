import { routes } from '@gongshu/contracts';
import type { App } from '../../http/types.js';
import type { OpenApplicationsService } from './open-applications.service.js';
import type { OpenGrantsService } from './open-grants.service.js';

/**
 * Applications for conditional open data, demands, open grants and usage reports (R19.2–R20.1).
 * Finer checks (the applicant, the provider's steward, the scope) are in the services.
 */
export function registerOpenApplicationRoutes(app: App, applications: OpenApplicationsService, grants: OpenGrantsService): void {
  const r = routes;
  app.get(r.listOpenApplications.url, { schema: r.listOpenApplications.schema, config: { access: 'authenticated' } }, async (request) =>
    applications.list(request.ctx, request.query.scope, request.query),
  );
  app.get(r.getOpenApplication.url, { schema: r.getOpenApplication.schema, config: { access: 'authenticated' } }, async (request) =>
    applications.get(request.ctx, request.params.id),
  );
  app.post(
    r.fileOpenApplication.url,
    { schema: r.fileOpenApplication.schema, config: { access: 'open.participate' } },
    async (request, reply) => reply.status(201).send(await applications.apply(request.ctx, request.body)),
  );
  app.post(r.fileOpenDemand.url, { schema: r.fileOpenDemand.schema, config: { access: 'open.participate' } }, async (request, reply) =>
    reply.status(201).send(await applications.demand(request.ctx, request.body)),
  );
  app.get(r.listPublicDemands.url, { schema: r.listPublicDemands.schema, config: { access: 'public' } }, async (request) =>
    applications.publicDemands(request.query.state, request.query.limit),
  );
  app.post(
    r.formalReviewOpenApplication.url,
    { schema: r.formalReviewOpenApplication.schema, config: { access: 'open.review' } },
    async (request) => applications.formalReview(request.ctx, request.params.id, request.body),
  );
  app.post(
    r.providerReviewOpenApplication.url,
    { schema: r.providerReviewOpenApplication.schema, config: { access: 'open.provide' } },
    async (request) => applications.providerReview(request.ctx, request.params.id, request.body),
  );
  app.post(r.answerOpenDemand.url, { schema: r.answerOpenDemand.schema, config: { access: 'open.provide' } }, async (request) =>
    applications.answer(request.ctx, request.params.id, request.body),
  );
  app.post(
    r.withdrawOpenApplication.url,
    { schema: r.withdrawOpenApplication.schema, config: { access: 'open.participate' } },
    async (request) => applications.withdraw(request.ctx, request.params.id, request.body.comment),
  );
  app.get(r.getApplyState.url, { schema: r.getApplyState.schema, config: { access: 'public' } }, async (request) =>
    applications.applyState(request.ctx, request.params.id),
  );
  app.get(r.listOpenProviders.url, { schema: r.listOpenProviders.schema, config: { access: 'public' } }, async () =>
    applications.providers(),
  );
  app.get(r.listOpenGrants.url, { schema: r.listOpenGrants.schema, config: { access: 'authenticated' } }, async (request) =>
    grants.list(request.ctx, request.query.scope, request.query.resourceId),
  );
  app.post(r.changeOpenGrantState.url, { schema: r.changeOpenGrantState.schema, config: { access: 'open.review' } }, async (request) =>
    grants.changeState(request.ctx, request.params.id, request.body.action, request.body.reason),
  );
  app.post(r.submitUsageReport.url, { schema: r.submitUsageReport.schema, config: { access: 'open.participate' } }, async (request) =>
    grants.submitReport(request.ctx, request.params.id, request.params.reportId, request.body),
  );
}
