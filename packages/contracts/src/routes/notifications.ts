import { Type, type Static } from 'typebox';
import { DateTime, Empty, IdParams, Uuid, protectedErrors } from '../common.js';
import { defineRoute } from '../route.js';

export const Notification = Type.Object({
  id: Uuid,
  kind: Type.String(),
  title: Type.Object({ zh: Type.String(), en: Type.String() }),
  body: Type.Object({ zh: Type.String(), en: Type.String() }),
  link: Type.Union([Type.String(), Type.Null()]),
  createdAt: DateTime,
  readAt: Type.Union([DateTime, Type.Null()]),
});
export type Notification = Static<typeof Notification>;

export const listNotifications = defineRoute({
  method: 'GET',
  url: '/api/notifications',
  schema: {
    tags: ['notifications'],
    summary: 'One’s notifications, newest first, with the unread count',
    querystring: Type.Object({
      unreadOnly: Type.Optional(Type.Boolean()),
      limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    }),
    response: { 200: Type.Object({ unread: Type.Integer(), items: Type.Array(Notification) }), ...protectedErrors },
  },
});

export const markNotificationRead = defineRoute({
  method: 'POST',
  url: '/api/notifications/:id/read',
  schema: {
    tags: ['notifications'],
    summary: 'Mark one notification read',
    params: IdParams,
    response: { 204: Empty, ...protectedErrors, 404: protectedErrors[400] },
  },
});

export const markAllNotificationsRead = defineRoute({
  method: 'POST',
  url: '/api/notifications/read-all',
  schema: { tags: ['notifications'], summary: 'Mark every notification read', response: { 204: Empty, ...protectedErrors } },
});
