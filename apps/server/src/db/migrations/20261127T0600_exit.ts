/**
 * The one exit (issue 6, R7.1, R17.2, R29.1): when a delivery finished. A bulk extract is recorded
 * (and audited) before its first byte is sent, so its row count and completion are known only when
 * the stream ends; an extract cut off by the client or by a replace load keeps completed_at null.
 */
import { type Kysely } from 'kysely';
import { comment } from './comment.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('deliveries').addColumn('completed_at', 'timestamptz').execute();
  await comment(db, 'deliveries', 'Every delivery of data through the one exit (R7.1, R17.2, R29.1)', {
    completed_at:
      'When the delivery was complete: at once for lookups and queries, at the end of the stream for extracts (null: cut off or still streaming; rows is then what was sent so far)',
  });
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('deliveries').dropColumn('completed_at').execute();
}
