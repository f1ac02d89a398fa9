/**
 * The typed table of each published resource in schema resource_data (issue 5 item 1): one column
 * per field with its type, provenance columns, an index on the identifier column; a new catalog
 * version that changes the fields migrates the table in the publishing transaction.
 */
import type { FieldSpec, ResourceMetadata } from '@gongshu/domain';
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../db/executor.js';
import { blindIndexColumn, layoutOf, storedLayout, type EncryptedColumn } from '../encryption/encryption-layout.js';

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

/** The column type of a field under an encryption layout: ciphertext is text (R29.1). */
function storedTypeOf(field: FieldSpec, layout: readonly EncryptedColumn[]): string {
  return layout.some((c) => c.code === field.code) ? 'text' : columnTypeOf(field);
}

/**
 * CREATE TABLE for a resource's columns (also used for staging tables). Field codes are validated
 * identifiers. Encrypted fields are text columns of ciphertext, followed by their blind indexes (R29.1).
 */
export async function createDataTable(
  db: Executor,
  table: string,
  fields: readonly FieldSpec[],
  layout: readonly EncryptedColumn[] = [],
): Promise<void> {
  const columns = fields.map((f) => sql`${ident(f.code)} ${sql.raw(storedTypeOf(f, layout))}`);
  for (const c of layout) if (c.blindIndex) columns.push(sql`${ident(blindIndexColumn(c.code))} text`);
  await sql`create table ${qualified(table)} (
    ${sql.join(columns)},
    _batch_id uuid not null,
    _loaded_at timestamptz not null,
    _source_row integer
  )`.execute(db);
}

/** Indexes the identifier column, or its blind index when the identifier is encrypted (R29.1). */
export async function createIdentifierIndex(
  db: Executor,
  table: string,
  column: string | null,
  layout: readonly EncryptedColumn[] = [],
): Promise<void> {
  if (!column) return;
  const indexed = layout.some((c) => c.code === column && c.blindIndex) ? blindIndexColumn(column) : column;
  await sql`create index ${ident(`${table}_${column}_idx`.slice(0, 63))} on ${qualified(table)} (${ident(indexed)})`.execute(db);
}

export interface ResourceTableShape {
  readonly tableName: string;
  readonly columns: { readonly code: string; readonly type: string }[];
  readonly identifierColumn: string | null;
}

export function shapeOf(code: string, metadata: ResourceMetadata, layout: readonly EncryptedColumn[] = []): ResourceTableShape {
  return {
    tableName: tableNameOf(code),
    columns: metadata.fields.map((f) => ({ code: f.code, type: storedTypeOf(f, layout) })),
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
  const existing = await trx.selectFrom('resource_tables').selectAll().where('resource_id', '=', entry.resourceId).executeTakeFirst();
  // R29.1: a new table follows the grading; an existing one keeps the layout its values are in
  // (fields it gains follow the grading; a replace load rebuilds the table with the current layout).
  const wanted = layoutOf(entry.metadata);
  const kept = existing ? storedLayout(existing.encrypted_columns).filter((c) => entry.metadata.fields.some((f) => f.code === c.code)) : [];
  const had = existing ? new Set((existing.columns as { code: string }[]).map((c) => c.code)) : new Set<string>();
  const layout = existing ? [...kept, ...wanted.filter((c) => !had.has(c.code))] : wanted;
  const shape = shapeOf(entry.code, entry.metadata, layout);
  if (!existing) {
    await createDataTable(trx, shape.tableName, entry.metadata.fields, layout);
    await createIdentifierIndex(trx, shape.tableName, shape.identifierColumn, layout);
    await trx
      .insertInto('resource_tables')
      .values({
        resource_id: entry.resourceId,
        table_name: shape.tableName,
        version_number: entry.versionNumber,
        columns: JSON.stringify(shape.columns),
        identifier_column: shape.identifierColumn,
        encrypted_columns: JSON.stringify(layout),
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
    if (type === undefined) {
      await sql`alter table ${table} add column ${ident(column.code)} ${sql.raw(column.type)}`.execute(trx);
      if (layout.some((c) => c.code === column.code && c.blindIndex)) {
        await sql`alter table ${table} add column ${ident(blindIndexColumn(column.code))} text`.execute(trx);
      }
    } else if (type !== column.type) {
      await sql`alter table ${table} alter column ${ident(column.code)} type ${sql.raw(column.type)} using ${ident(column.code)}::${sql.raw(column.type)}`.execute(
        trx,
      );
    }
  }
  for (const code of before.keys()) {
    if (shape.columns.some((c) => c.code === code)) continue;
    await sql`alter table ${table} drop column ${ident(code)}`.execute(trx);
    if (storedLayout(existing.encrypted_columns).some((c) => c.code === code && c.blindIndex)) {
      await sql`alter table ${table} drop column if exists ${ident(blindIndexColumn(code))}`.execute(trx);
    }
  }
  if (existing.identifier_column !== shape.identifierColumn) {
    await createIdentifierIndex(trx, existing.table_name, shape.identifierColumn, layout);
  }
  await trx
    .updateTable('resource_tables')
    .set({
      version_number: entry.versionNumber,
      columns: JSON.stringify(shape.columns),
      identifier_column: shape.identifierColumn,
      encrypted_columns: JSON.stringify(layout),
      updated_at: entry.now,
    })
    .where('resource_id', '=', entry.resourceId)
    .execute();
}
