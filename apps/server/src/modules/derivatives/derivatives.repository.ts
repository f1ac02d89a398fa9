/**
 * Reads and writes of de-identified derivatives (R18.4): the source resource with its data table,
 * the derivative rows, the equivalence-class histogram over the transformed quasi-identifiers and
 * the materialized table. Table and column names are validated identifiers, always quoted.
 */
import type { FieldSpec, FieldTreatment, ResourceMetadata } from '@gongshu/domain';
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../db/executor.js';
import { qualified } from '../aggregation/data-tables.js';
import { storedLayout, type EncryptedColumn } from '../encryption/encryption-layout.js';
import { treatmentSql } from './derivative-sql.js';

export interface SourceRow {
  id: string;
  code: string | null;
  providerAgencyId: string;
  providerName: string;
  metadata: ResourceMetadata;
  versionNumber: number;
  versionState: string;
  tableName: string | null;
  tableVersion: number | null;
  lastBatchId: string | null;
  lastLoadedAt: Date | null;
  rowCount: number;
  /** Encrypted columns of the source table (R29.1): SQL reads a decrypted temporary copy (encryption/clear-copy.ts). */
  layout: EncryptedColumn[];
}

function sourcesQuery(db: Executor) {
  return db
    .selectFrom('catalog_resources as r')
    .innerJoin('catalog_versions as v', 'v.id', 'r.current_version_id')
    .innerJoin('agencies as a', 'a.id', 'r.provider_agency_id')
    .leftJoin('resource_tables as t', 't.resource_id', 'r.id')
    .select([
      'r.id',
      'r.code',
      'r.provider_agency_id',
      'a.name as provider_name',
      'v.metadata',
      'v.number',
      'v.state',
      't.table_name',
      't.version_number',
      't.last_batch_id',
      't.last_loaded_at',
      't.row_count',
      't.encrypted_columns',
    ]);
}

type RawSource = Awaited<ReturnType<ReturnType<typeof sourcesQuery>['executeTakeFirstOrThrow']>>;

function toSource(r: RawSource): SourceRow {
  return {
    id: r.id,
    code: r.code,
    providerAgencyId: r.provider_agency_id,
    providerName: r.provider_name,
    metadata: r.metadata as ResourceMetadata,
    versionNumber: r.number,
    versionState: r.state,
    tableName: r.table_name,
    tableVersion: r.version_number,
    lastBatchId: r.last_batch_id,
    lastLoadedAt: r.last_loaded_at,
    rowCount: Number(r.row_count ?? 0),
    layout: storedLayout(r.encrypted_columns),
  };
}

export async function findSource(db: Executor, resourceId: string): Promise<SourceRow | null> {
  const row = await sourcesQuery(db).where('r.id', '=', resourceId).executeTakeFirst();
  return row ? toSource(row) : null;
}

/** Published resources with loaded data (open type is filtered by the caller from the metadata). */
export async function listLoadedSources(db: Executor, agencyId: string | null): Promise<SourceRow[]> {
  let q = sourcesQuery(db).where('v.state', '=', 'published').where('t.last_batch_id', 'is not', null);
  if (agencyId) q = q.where('r.provider_agency_id', '=', agencyId);
  return (await q.orderBy('r.code').execute()).map(toSource);
}

export function derivativesQuery(db: Executor) {
  return db
    .selectFrom('open_derivatives as d')
    .innerJoin('catalog_resources as r', 'r.id', 'd.resource_id')
    .innerJoin('agencies as a', 'a.id', 'r.provider_agency_id')
    .leftJoin('users as cu', 'cu.id', 'd.created_by_user_id')
    .leftJoin('users as pu', 'pu.id', 'd.published_by_user_id')
    .selectAll('d')
    .select([
      'r.provider_agency_id',
      'a.name as provider_name',
      'cu.display_name as created_by_name',
      'pu.display_name as published_by_name',
    ]);
}
export type DerivativeRowFull = Awaited<ReturnType<ReturnType<typeof derivativesQuery>['executeTakeFirstOrThrow']>>;

export async function lockDerivative(trx: Executor, id: string) {
  return trx.selectFrom('open_derivatives').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/**
 * Holds off loads of the source table until the transaction ends (a load's merge takes an access
 * exclusive lock), so the data read and the batch id read belong together.
 */
export async function lockSourceTable(trx: Executor, table: string): Promise<void> {
  await sql`lock table ${qualified(table)} in share mode`.execute(trx);
}

export async function currentBatch(trx: Executor, resourceId: string) {
  return trx
    .selectFrom('resource_tables')
    .select(['last_batch_id', 'last_loaded_at', 'version_number', 'row_count'])
    .where('resource_id', '=', resourceId)
    .executeTakeFirst();
}

export interface PlannedField {
  readonly field: FieldSpec;
  readonly treatment: FieldTreatment;
}

function expressionOf(p: PlannedField) {
  const expr = treatmentSql(p.field.code, p.field.dataType, p.treatment);
  if (!expr) throw new Error(`field ${p.field.code} is dropped`);
  return expr;
}

/**
 * How many equivalence classes have each size: rows grouped by their transformed
 * quasi-identifiers, then the groups counted by size — all in the database.
 */
export async function classSizeHistogram(trx: Executor, source: RawBuilder<unknown>, quasi: readonly PlannedField[]) {
  const keys = sql.join(quasi.map(expressionOf));
  const result = await sql<{ size: number; classes: number }>`
    select size::int as size, count(*)::int as classes
    from (select count(*) as size from ${source} group by ${keys}) c
    group by size order by size`.execute(trx);
  return result.rows.map((r) => ({ size: Number(r.size), classes: Number(r.classes) }));
}

/** Creates the derivative's table (one text column per kept field, named by its code) and fills it. */
export async function materialize(
  trx: Executor,
  source: RawBuilder<unknown>,
  target: string,
  kept: readonly PlannedField[],
): Promise<number> {
  await sql`drop table if exists ${qualified(target)}`.execute(trx);
  const columns = sql.join(kept.map((p) => sql`${sql.id(p.field.code)} text`));
  await sql`create table ${qualified(target)} (${columns})`.execute(trx);
  const names = sql.join(kept.map((p) => sql.id(p.field.code)));
  const values = sql.join(kept.map(expressionOf));
  const inserted = await sql`insert into ${qualified(target)} (${names}) select ${values} from ${source}`.execute(trx);
  return Number(inserted.numAffectedRows ?? 0n);
}

/** The first rows of the source through the plan's expressions (what publication would write). */
export async function sampleRows(trx: Executor, source: RawBuilder<unknown>, kept: readonly PlannedField[], limit: number) {
  const values = sql.join(kept.map((p) => sql`${expressionOf(p)} as ${sql.id(p.field.code)}`));
  const result = await sql<Record<string, string | null>>`select ${values} from ${source} limit ${sql.lit(limit)}`.execute(trx);
  return result.rows;
}

export async function dropMaterialized(trx: Executor, table: string): Promise<void> {
  await sql`drop table if exists ${qualified(table)}`.execute(trx);
}
