import { sql, type Kysely } from 'kysely';

/**
 * Documents a table and each of its columns with COMMENT ON (house style: the schema documents
 * itself). A test fails when any table or column of ours lacks a comment.
 */
export async function comment(db: Kysely<unknown>, table: string, tableComment: string, columns: Record<string, string>): Promise<void> {
  await sql`comment on table ${sql.table(table)} is ${sql.lit(tableComment)}`.execute(db);
  for (const [column, text] of Object.entries(columns)) {
    await sql`comment on column ${sql.ref(`${table}.${column}`)} is ${sql.lit(text)}`.execute(db);
  }
}
