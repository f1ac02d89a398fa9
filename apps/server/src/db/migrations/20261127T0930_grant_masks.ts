/**
 * Masks per grant (R29.1, issue 8 item 2): the provider chooses, at approval, a per-field mask
 * stronger than or equal to each field's default (its declared mask or the grading minimum); the
 * exit applies grant override > declared mask > grading default (modules/exit/exit-grant.ts).
 */
import { sql, type Kysely } from 'kysely';

const COMMENT =
  'Per-field mask overrides chosen by the provider at approval (R29.1): {field code: mask}, each at least the field’s default; {} = none';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of ['share_grants', 'open_grants']) {
    await db.schema
      .alterTable(table)
      .addColumn('field_masks', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
      .execute();
    await sql`comment on column ${sql.ref(`${table}.field_masks`)} is ${sql.lit(COMMENT)}`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['share_grants', 'open_grants']) await db.schema.alterTable(table).dropColumn('field_masks').execute();
}
