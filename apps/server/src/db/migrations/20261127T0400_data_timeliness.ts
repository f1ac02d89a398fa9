/** Timeliness (R11.1): when the steward was last told that a resource's data is overdue. */
import type { Kysely } from 'kysely';
import { comment } from './comment.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('resource_tables').addColumn('overdue_notified_at', 'timestamptz').execute();
  await comment(db, 'resource_tables', 'The data table of each published resource and its shape (R11.1)', {
    overdue_notified_at: 'When the provider was last notified that the data is older than its update frequency allows (R11.1)',
  });
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('resource_tables').dropColumn('overdue_notified_at').execute();
}
