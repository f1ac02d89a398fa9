/**
 * The public portal's API (issue 7 item 1): summary, search and a resource's public page. Public:
 * anonymous visitors and signed-in users get the same open data (R19.1).
 */
import { routes } from '@gongshu/contracts';
import type { App } from '../../http/types.js';
import type { PortalService } from './portal.service.js';

export function registerPortalRoutes(app: App, portal: PortalService): void {
  const { portalSummary, searchPortal, getPortalResource } = routes;

  app.get(portalSummary.url, { schema: portalSummary.schema, config: { access: 'public' } }, async () => portal.summary());

  app.get(searchPortal.url, { schema: searchPortal.schema, config: { access: 'public' } }, async (request) => portal.search(request.query));

  app.get(getPortalResource.url, { schema: getPortalResource.schema, config: { access: 'public' } }, async (request, reply) => {
    const resource = await portal.resource(request.params.id);
    // Each visit counts a view, so the page is not cached by browsers or proxies.
    void reply.header('cache-control', 'no-store');
    return resource;
  });
}
