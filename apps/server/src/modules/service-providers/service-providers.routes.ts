import { routes } from '@gongshu/contracts';
import type { App } from '../../http/types.js';
import type { ServiceProvidersService } from './service-providers.service.js';

/** The register of third-party service providers (R30.1). */
export function registerServiceProviderRoutes(app: App, providers: ServiceProvidersService): void {
  const {
    listServiceProviders,
    getServiceProvider,
    createServiceProvider,
    updateServiceProvider,
    endServiceProvider,
    providerAccountOptions,
    linkProviderAccount,
    unlinkProviderAccount,
  } = routes;

  app.get(listServiceProviders.url, { schema: listServiceProviders.schema, config: { access: 'provider.read' } }, async (request) =>
    providers.list(request.ctx, request.query),
  );

  app.get(getServiceProvider.url, { schema: getServiceProvider.schema, config: { access: 'provider.read' } }, async (request) =>
    providers.get(request.ctx, request.params.id),
  );

  app.post(
    createServiceProvider.url,
    { schema: createServiceProvider.schema, config: { access: 'provider.manage' } },
    async (request, reply) => reply.status(201).send(await providers.create(request.ctx, request.body)),
  );

  app.patch(updateServiceProvider.url, { schema: updateServiceProvider.schema, config: { access: 'provider.manage' } }, async (request) =>
    providers.update(request.ctx, request.params.id, request.body),
  );

  app.post(endServiceProvider.url, { schema: endServiceProvider.schema, config: { access: 'provider.manage' } }, async (request) =>
    providers.end(request.ctx, request.params.id, request.body),
  );

  app.get(providerAccountOptions.url, { schema: providerAccountOptions.schema, config: { access: 'provider.manage' } }, async (request) =>
    providers.accountOptions(request.ctx, request.params.id),
  );

  app.post(linkProviderAccount.url, { schema: linkProviderAccount.schema, config: { access: 'provider.manage' } }, async (request) =>
    providers.link(request.ctx, request.params.id, request.body.userId),
  );

  app.delete(unlinkProviderAccount.url, { schema: unlinkProviderAccount.schema, config: { access: 'provider.manage' } }, async (request) =>
    providers.unlink(request.ctx, request.params.id, request.params.userId),
  );
}
