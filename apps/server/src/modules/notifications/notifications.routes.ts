import { routes } from '@gongshu/contracts';
import type { App } from '../../http/types.js';
import { userOf } from '../../http/types.js';
import type { NotificationsService } from './notifications.service.js';

export function registerNotificationRoutes(app: App, notifications: NotificationsService): void {
  const { listNotifications, markNotificationRead, markAllNotificationsRead } = routes;
  app.get(listNotifications.url, { schema: listNotifications.schema, config: { access: 'authenticated' } }, async (request) =>
    notifications.list(userOf(request), request.query.unreadOnly ?? false, request.query.limit ?? 50),
  );
  app.post(
    markAllNotificationsRead.url,
    { schema: markAllNotificationsRead.schema, config: { access: 'authenticated' } },
    async (request, reply) => {
      await notifications.markAllRead(userOf(request));
      return reply.status(204).send(null);
    },
  );
  app.post(
    markNotificationRead.url,
    { schema: markNotificationRead.schema, config: { access: 'authenticated' } },
    async (request, reply) => {
      await notifications.markRead(userOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
