import { sql } from 'kysely';
import type { Executor } from '../../db/executor.js';
import type { NotificationRow } from '../../db/schema.js';

export interface NewNotification {
  kind: string;
  title: { zh: string; en: string };
  body: { zh: string; en: string };
  link: string | null;
  deadlineId: string | null;
}

/** Inserts one notification per user; a (user, deadline, kind) already notified is skipped. */
export async function insertNotifications(db: Executor, userIds: readonly string[], n: NewNotification, at: Date): Promise<number> {
  if (userIds.length === 0) return 0;
  const rows = await db
    .insertInto('notifications')
    .values(
      [...new Set(userIds)].map((userId) => ({
        user_id: userId,
        kind: n.kind,
        title_zh: n.title.zh,
        title_en: n.title.en,
        body_zh: n.body.zh,
        body_en: n.body.en,
        link: n.link,
        deadline_id: n.deadlineId,
        created_at: at,
      })),
    )
    .onConflict((oc) => oc.columns(['user_id', 'deadline_id', 'kind']).where('deadline_id', 'is not', null).doNothing())
    .returning('id')
    .execute();
  return rows.length;
}

/**
 * Who hears about an agency's obligations: its active data stewards (R8.1), or every active
 * user of the agency when it has named none.
 */
export async function agencyRecipients(db: Executor, agencyId: string): Promise<string[]> {
  const users = await db
    .selectFrom('users')
    .select(['id', sql<boolean>`'steward' = any(roles)`.as('steward')])
    .where('agency_id', '=', agencyId)
    .where('disabled', '=', false)
    .execute();
  const stewards = users.filter((u) => u.steward);
  return (stewards.length > 0 ? stewards : users).map((u) => u.id);
}

/** Active users of the bureau holding a role. */
export async function bureauUsersWithRole(db: Executor, role: 'bureau_admin' | 'bureau_reviewer'): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .innerJoin('agencies', 'agencies.id', 'users.agency_id')
    .select('users.id')
    .where('agencies.kind', '=', 'bureau')
    .where('users.disabled', '=', false)
    .where(sql<boolean>`${role} = any(users.roles)`)
    .execute();
  return rows.map((r) => r.id);
}

export async function listNotificationRows(db: Executor, userId: string, unreadOnly: boolean, limit: number): Promise<NotificationRow[]> {
  let q = db.selectFrom('notifications').selectAll().where('user_id', '=', userId);
  if (unreadOnly) q = q.where('read_at', 'is', null);
  return q.orderBy('created_at', 'desc').orderBy('id').limit(limit).execute();
}

export async function countUnread(db: Executor, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function markRead(db: Executor, userId: string, id: string | null, at: Date): Promise<number> {
  let q = db.updateTable('notifications').set({ read_at: at }).where('user_id', '=', userId).where('read_at', 'is', null);
  if (id) q = q.where('id', '=', id);
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
