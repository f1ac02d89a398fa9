/**
 * Reads of the open channel: the open resource with its data table, the caller's open grant, a
 * published derivative, and the small reads of the query API and the preview (the bulk reads are
 * the exit's block reads, exit-queries.ts). Column names are field codes (validated identifiers of
 * the catalog) and always quoted; values are always parameters.
 */
import type { MaskKind } from '@gongshu/domain';
import { CompiledQuery } from 'kysely';
import type { Executor } from '../../db/executor.js';
import { DATA_SCHEMA } from '../aggregation/data-tables.js';
import { storedLayout, type EncryptedColumn } from '../encryption/encryption-layout.js';
import { findOpenResource, nodeIdentity, type OpenResource } from '../ckan/open-resources.repository.js';

export const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
const tableRef = (table: string) => `${quote(DATA_SCHEMA)}.${quote(table)}`;

export interface OpenTable {
  readonly name: string;
  readonly identifierColumn: string | null;
  readonly loaded: boolean;
  /** Columns encrypted at rest (R29.1; a level-3 resource opened under conditions): decrypted in Node, never COPYed. */
  readonly layout: readonly EncryptedColumn[];
}

/** An open resource (published, open type unconditional or conditional) with its data table; undefined otherwise. */
export async function loadOpenSource(
  db: Executor,
  resourceId: string,
): Promise<{ resource: OpenResource; table: OpenTable | null; cityName: string } | undefined> {
  const resource = await findOpenResource(db, { id: resourceId });
  if (!resource) return undefined;
  const [table, node] = await Promise.all([
    db
      .selectFrom('resource_tables')
      .select(['table_name', 'identifier_column', 'last_loaded_at', 'encrypted_columns'])
      .where('resource_id', '=', resourceId)
      .executeTakeFirst(),
    nodeIdentity(db),
  ]);
  return {
    resource,
    table: table
      ? {
          name: table.table_name,
          identifierColumn: table.identifier_column,
          loaded: table.last_loaded_at !== null,
          layout: storedLayout(table.encrypted_columns),
        }
      : null,
    cityName: node.cityName,
  };
}

export interface OpenGrantRow {
  readonly id: string;
  readonly number: string;
  readonly fields: readonly string[];
  readonly state: 'active' | 'suspended' | 'revoked';
  readonly validFrom: Date;
  readonly validTo: Date;
  /** Per-field mask overrides chosen at approval (R29.1); {} = the fields' defaults. */
  readonly masks: Readonly<Record<string, MaskKind>>;
}

/** The caller's open grants of the resource, newest period first (indexed by user and state). */
export async function findOpenGrants(db: Executor, userId: string, resourceId: string): Promise<OpenGrantRow[]> {
  const rows = await db
    .selectFrom('open_grants')
    .select(['id', 'number', 'fields', 'state', 'valid_from', 'valid_to', 'field_masks'])
    .where('user_id', '=', userId)
    .where('resource_id', '=', resourceId)
    .orderBy('valid_to', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    fields: r.fields,
    state: r.state,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    masks: r.field_masks,
  }));
}

export interface DerivativeField {
  readonly code: string;
  readonly name: string;
  readonly action: 'keep' | 'drop' | 'generalize' | 'mask';
}

export interface PublishedDerivative {
  readonly id: string;
  readonly name: string;
  readonly resourceId: string;
  readonly tableName: string;
  readonly fields: readonly DerivativeField[];
  readonly provider: string;
  readonly resourceCode: string | null;
  readonly version: number;
  readonly cityName: string;
}

/** A published derivative with its materialized table (state published, table named); undefined otherwise. */
export async function findPublishedDerivative(db: Executor, id: string): Promise<PublishedDerivative | undefined> {
  const row = await db
    .selectFrom('open_derivatives as d')
    .innerJoin('catalog_resources as r', 'r.id', 'd.resource_id')
    .innerJoin('agencies as a', 'a.id', 'r.provider_agency_id')
    .leftJoin('catalog_versions as v', 'v.id', 'r.current_version_id')
    .select(['d.id', 'd.name', 'd.resource_id', 'd.table_name', 'd.transforms', 'a.name as provider', 'r.code', 'v.number'])
    .where('d.id', '=', id)
    .where('d.state', '=', 'published')
    .executeTakeFirst();
  if (!row?.table_name) return undefined;
  const transforms = row.transforms as { fields?: DerivativeField[] } | null;
  const fields = (transforms?.fields ?? []).filter((f) => f.action !== 'drop' && /^[a-z][a-z0-9_]{0,62}$/.test(f.code));
  const node = await nodeIdentity(db);
  return {
    id: row.id,
    name: row.name,
    resourceId: row.resource_id,
    tableName: row.table_name,
    fields,
    provider: row.provider,
    resourceCode: row.code,
    version: row.number ?? 1,
    cityName: node.cityName,
  };
}

export interface Where {
  readonly text: string;
  readonly params: readonly unknown[];
}

/** A page of rows (limit/offset) and, when asked, the total under the same condition. */
export async function readPage(
  db: Executor,
  input: { table: string; codes: readonly string[]; orderBy: string | null; where: Where; limit: number; offset: number; total: boolean },
): Promise<{ rows: Record<string, unknown>[]; total: number | null }> {
  const from = `from ${tableRef(input.table)} ${input.where.text}`;
  const n = input.where.params.length;
  const order = input.orderBy ? `order by ${quote(input.orderBy)}, ctid` : 'order by ctid';
  const [page, count] = await Promise.all([
    db.executeQuery<Record<string, unknown>>(
      CompiledQuery.raw(`select ${input.codes.map(quote).join(', ')} ${from} ${order} limit $${n + 1} offset $${n + 2}`, [
        ...input.where.params,
        input.limit,
        input.offset,
      ]),
    ),
    input.total
      ? db.executeQuery<{ n: number | string }>(CompiledQuery.raw(`select count(*)::bigint as n ${from}`, [...input.where.params]))
      : Promise.resolve(null),
  ]);
  return { rows: page.rows, total: count ? Number(count.rows[0]?.n ?? 0) : null };
}
