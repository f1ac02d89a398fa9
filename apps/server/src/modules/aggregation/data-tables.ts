/**
 * The typed table of each published resource in schema resource_data (issue 5 item 1): one column
 * per field with its type, provenance columns, an index on the identifier column; a new catalog
 * version that changes the fields migrates the table in the publishing transaction.
 */
import type { FieldSpec, ResourceMetadata } from '@gongshu/domain';
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../db/executor.js';

export const DATA_SCHEMA = 'resource_data';
export const PROVENANCE_COLUMNS = ['_batch_id', '_loaded_at', '_source_row'] as const;

export function tableNameOf(resourceCode: string): string {
  return `r_${resourceCode.toLowerCase().replace(/[^0-9a-z]+/g, '_')}`;
}

export function columnTypeOf(field: Pick<FieldSpec, 'dataType' | 'length'>): string {
  switch (field.dataType) {
    case 'string':
      return field.length ? `varchar(${field.length})` : 'text';
    case 'integer':
      return 'bigint';
    case 'decimal':
      return 'numeric';
    case 'date':
      return 'date';
    case 'datetime':
      return 'timestamptz';
    case 'boolean':
      return 'boolean';
  }
}

/** The identifier column: the first field that is a citizen ID, credit code or other code. */
export function identifierColumnOf(fields: readonly FieldSpec[]): string | null {
  return fields.find((f) => f.identifierRole !== 'none')?.code ?? null;
}

const ident = (name: string) => sql.id(name);
export const qualified = (table: string): RawBuilder<unknown> => sql.id(DATA_SCHEMA, table);

/** CREATE TABLE for a resource's columns (also used for staging tables). Field codes are validated identifiers. */
export async function createDataTable(db: Executor, table: string, fields: readonly FieldSpec[]): Promise<void> {
  const columns = fields.map((f) => sql`${ident(f.code)} ${sql.raw(columnTypeOf(f))}`);
  await sql`create table ${qualified(table)} (
    ${sql.join(columns)},
    _batch_id uuid not null,
    _loaded_at timestamptz not null,
    _source_row integer
  )`.execute(db);
}

export async function createIdentifierIndex(db: Executor, table: string, column: string | null): Promise<void> {
  if (!column) return;
  await sql`create index ${ident(`${table}_${column}_idx`.slice(0, 63))} on ${qualified(table)} (${ident(column)})`.execute(db);
}

export interface ResourceTableShape {
  readonly tableName: string;
  readonly columns: { readonly code: string; readonly type: string }[];
  readonly identifierColumn: string | null;
}

export function shapeOf(code: string, metadata: ResourceMetadata): ResourceTableShape {
  return {
    tableName: tableNameOf(code),
    columns: metadata.fields.map((f) => ({ code: f.code, type: columnTypeOf(f) })),
    identifierColumn: identifierColumnOf(metadata.fields),
  };
}

/**
 * Creates the resource's table on first publication, or migrates it to a new version's fields:
 * new fields become columns, removed fields are dropped, changed types are converted (a value that
 * does not convert makes the publication fail, so nothing is lost silently).
 */
export async function ensureResourceTable(
  trx: Executor,
  entry: { resourceId: string; code: string; versionNumber: number; metadata: ResourceMetadata; now: Date },
): Promise<void> {
  const shape = shapeOf(entry.code, entry.metadata);
  const existing = await trx.selectFrom('resource_tables').selectAll().where('resource_id', '=', entry.resourceId).executeTakeFirst();
  if (!existing) {
    await createDataTable(trx, shape.tableName, entry.metadata.fields);
    await createIdentifierIndex(trx, shape.tableName, shape.identifierColumn);
    await trx
      .insertInto('resource_tables')
      .values({
        resource_id: entry.resourceId,
        table_name: shape.tableName,
        version_number: entry.versionNumber,
        columns: JSON.stringify(shape.columns),
        identifier_column: shape.identifierColumn,
        created_at: entry.now,
        updated_at: entry.now,
      })
      .execute();
    return;
  }
  const before = new Map((existing.columns as { code: string; type: string }[]).map((c) => [c.code, c.type]));
  const table = qualified(existing.table_name);
  for (const column of shape.columns) {
    const type = before.get(column.code);
    if (type === undefined) await sql`alter table ${table} add column ${ident(column.code)} ${sql.raw(column.type)}`.execute(trx);
    else if (type !== column.type) {
      await sql`alter table ${table} alter column ${ident(column.code)} type ${sql.raw(column.type)} using ${ident(column.code)}::${sql.raw(column.type)}`.execute(
        trx,
      );
    }
  }
  for (const code of before.keys()) {
    if (!shape.columns.some((c) => c.code === code)) await sql`alter table ${table} drop column ${ident(code)}`.execute(trx);
  }
  if (existing.identifier_column !== shape.identifierColumn) await createIdentifierIndex(trx, existing.table_name, shape.identifierColumn);
  await trx
    .updateTable('resource_tables')
    .set({
      version_number: entry.versionNumber,
      columns: JSON.stringify(shape.columns),
      identifier_column: shape.identifierColumn,
      updated_at: entry.now,
    })
    .where('resource_id', '=', entry.resourceId)
    .execute();
}
