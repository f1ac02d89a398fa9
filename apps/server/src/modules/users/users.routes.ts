import { routes } from '@gongshu/contracts';
import type { App } from '../../http/types.js';
import type { UsersService } from './users.service.js';

export function registerUserRoutes(app: App, users: UsersService): void {
  const { listUsers, createUser, updateUser } = routes;

  app.get(listUsers.url, { schema: listUsers.schema, config: { access: 'user.read' } }, async (request) => users.list(request.query));

  app.post(createUser.url, { schema: createUser.schema, config: { access: 'user.manage' } }, async (request, reply) =>
    reply.status(201).send(await users.create(request.ctx, request.body)),
  );

  app.patch(updateUser.url, { schema: updateUser.schema, config: { access: 'user.manage' } }, async (request) =>
    users.update(request.ctx, request.params.id, request.body),
  );
}
