/**
 * /catalog.ttl and /catalog.jsonld (issue 7 item 10): the DCAT-AP 3 catalog of open data for
 * harvesters. Public and anonymous, like the open data it describes (R19.1).
 */
import { routes } from '@gongshu/contracts';
import type { App } from '../../http/types.js';
import type { DcatService } from './dcat.service.js';

export function registerDcatRoutes(app: App, dcat: DcatService): void {
  const { dcatCatalogTurtle: ttl, dcatCatalogJsonLd: jsonLd } = routes;
  app.get(ttl.url, { schema: ttl.schema, config: { access: 'public' } }, async (_request, reply) =>
    reply
      .header('access-control-allow-origin', '*')
      .type('text/turtle; charset=utf-8')
      .send(await dcat.turtle()),
  );
  app.get(jsonLd.url, { schema: jsonLd.schema, config: { access: 'public' } }, async (_request, reply) =>
    reply
      .header('access-control-allow-origin', '*')
      .type('application/ld+json; charset=utf-8')
      .send(await dcat.jsonLd()),
  );
}
