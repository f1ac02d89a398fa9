/**
 * Encryption at rest (R29.1): each resource data table records which of its columns hold
 * ciphertext (`v1.<cipher>.<keyId>.…`, field-cipher.ts) and which have a blind-index column
 * `<field>__bidx`. Key ids in use are read from the values themselves (`gongshu keys status`).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('resource_tables')
    .addColumn('encrypted_columns', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .execute();
  await sql`comment on column resource_tables.encrypted_columns is ${sql.lit(
    'Encryption layout of the data table (R29.1): [{code, blindIndex}] — columns holding SM4 or AES-256-GCM ciphertext text, and whether a <code>__bidx blind-index column (HMAC-SM3 or HMAC-SHA-256) exists; [] when nothing is encrypted',
  )}`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('resource_tables').dropColumn('encrypted_columns').execute();
}
