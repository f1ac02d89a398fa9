import { routes } from '@gongshu/contracts';
import type { App } from '../../http/types.js';
import type { AgenciesService } from './agencies.service.js';

export function registerAgencyRoutes(app: App, agencies: AgenciesService): void {
  const { listAgencies, getAgency, createAgency, updateAgency, sectorAgencies } = routes;

  app.get(listAgencies.url, { schema: listAgencies.schema, config: { access: 'agency.list' } }, async () => agencies.list());

  app.get(sectorAgencies.url, { schema: sectorAgencies.schema, config: { access: 'sector.oversee' } }, async (request) =>
    agencies.listSector(request.ctx),
  );

  app.get(getAgency.url, { schema: getAgency.schema, config: { access: 'agency.list' } }, async (request) =>
    agencies.get(request.ctx, request.params.id),
  );

  app.post(createAgency.url, { schema: createAgency.schema, config: { access: 'agency.manage' } }, async (request, reply) =>
    reply.status(201).send(await agencies.create(request.ctx, request.body)),
  );

  app.patch(updateAgency.url, { schema: updateAgency.schema, config: { access: 'agency.manage' } }, async (request) =>
    agencies.update(request.ctx, request.params.id, request.body),
  );
}
