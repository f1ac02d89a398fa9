/**
 * The owner of a web upload waiting in a process's queue (issue 8: uploads survive a restart). On
 * PostgreSQL several server processes share the database; a waiting upload holds no lock of its own
 * until its load starts, so a process starting up could not tell another live process's waiting
 * upload from one whose process died. Each process holds a session advisory lock on its own
 * instance id while it has uploads queued; the batch names that id, and the start-up janitor leaves
 * alone the batches of an owner whose lock is held.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('load_batches').addColumn('owner', 'text').execute();
  await sql`comment on column load_batches.owner is ${sql.lit(
    'Instance id of the server process whose queue holds the upload (its advisory lock shows it is alive); null for command-line and push loads',
  )}`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('load_batches').dropColumn('owner').execute();
}
