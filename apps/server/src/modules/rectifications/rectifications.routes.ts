import { routes } from '@gongshu/contracts';
import type { App } from '../../http/types.js';
import type { RectificationsService } from './rectifications.service.js';

export function registerRectificationRoutes(app: App, rectifications: RectificationsService): void {
  const { listRectifications, getRectification, issueRectification, reportRectification, reviewRectification } = routes;
  app.get(listRectifications.url, { schema: listRectifications.schema, config: { access: 'rectification.read' } }, async (request) =>
    rectifications.list(request.ctx, request.query.state),
  );
  app.get(getRectification.url, { schema: getRectification.schema, config: { access: 'rectification.read' } }, async (request) =>
    rectifications.get(request.ctx, request.params.id),
  );
  app.post(
    issueRectification.url,
    { schema: issueRectification.schema, config: { access: 'rectification.supervise' } },
    async (request, reply) => reply.status(201).send(await rectifications.issue(request.ctx, request.body)),
  );
  // Access is decided in the service: the agency's steward, and only while it has one (R8.1).
  app.post(reportRectification.url, { schema: reportRectification.schema, config: { access: 'authenticated' } }, async (request) =>
    rectifications.report(request.ctx, request.params.id, request.body.report),
  );
  app.post(
    reviewRectification.url,
    { schema: reviewRectification.schema, config: { access: 'rectification.supervise' } },
    async (request) => rectifications.review(request.ctx, request.params.id, request.body.accepted, request.body.comment),
  );
}
