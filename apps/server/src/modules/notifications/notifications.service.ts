/** The in-app notification centre: every user's bell, list and read marks. */
import type { Notification } from '@gongshu/contracts';
import { fail, type UserActor } from '@gongshu/domain';
import type { Kysely } from 'kysely';
import type { Clock } from '../../context.js';
import type { Database, NotificationRow } from '../../db/schema.js';
import { countUnread, listNotificationRows, markRead } from './notifications.repository.js';

function present(row: NotificationRow): Notification {
  return {
    id: row.id,
    kind: row.kind,
    title: { zh: row.title_zh, en: row.title_en },
    body: { zh: row.body_zh, en: row.body_en },
    link: row.link,
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at?.toISOString() ?? null,
  };
}

export function createNotificationsService(deps: { db: Kysely<Database>; clock: Clock }) {
  const { db, clock } = deps;
  return {
    async list(actor: UserActor, unreadOnly: boolean, limit: number) {
      const [rows, unread] = await Promise.all([listNotificationRows(db, actor.userId, unreadOnly, limit), countUnread(db, actor.userId)]);
      return { unread, items: rows.map(present) };
    },
    async markRead(actor: UserActor, id: string): Promise<void> {
      const changed = await markRead(db, actor.userId, id, clock());
      if (changed === 0) {
        const exists = await db
          .selectFrom('notifications')
          .select('id')
          .where('id', '=', id)
          .where('user_id', '=', actor.userId)
          .executeTakeFirst();
        if (!exists) fail('NOT_FOUND', { field: 'id' });
      }
    },
    async markAllRead(actor: UserActor): Promise<void> {
      await markRead(db, actor.userId, null, clock());
    },
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
