/**
 * Usage reports (R20.1): when a report was marked overdue and its holder told, so the periodic task
 * tells each holder once, the day after the due date, before the grace period ends in a suspension.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('open_usage_reports').addColumn('overdue_at', 'timestamptz').execute();
  await sql`comment on column open_usage_reports.overdue_at is ${sql.lit('When the report was marked overdue and its holder told (R20.1)')}`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('open_usage_reports').dropColumn('overdue_at').execute();
}
