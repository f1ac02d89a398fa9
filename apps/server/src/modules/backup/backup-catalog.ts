/**
 * What a backup reads from the database's own catalog: the tables of the platform (schema public)
 * and the per-resource data tables (schema resource_data, created on publication), their columns,
 * keys, indexes and constraints, and the sequences. The same queries describe the target of a
 * restore, so both sides are compared on the same terms.
 */
import type { ManifestColumn, ManifestTable } from './backup-manifest.js';
import { qualifiedName, quoteIdent, type Session } from './backup-session.js';

export const SCHEMAS = ['public', 'resource_data'] as const;
const IN_SCHEMAS = `n.nspname in (${SCHEMAS.map((s) => `'${s}'`).join(', ')})`;

export interface TableInfo {
  readonly schema: string;
  readonly name: string;
  readonly columns: ManifestColumn[];
  readonly primaryKey: string[];
}

interface ColumnRow {
  schema: string;
  table: string;
  name: string;
  type: string;
  not_null: boolean;
  default: string | null;
  collatable: boolean;
  pk_position: number | null;
}

/** Tables (not partitions: they are read through their parent) with their columns, in a stable order. */
export async function listTables(session: Session): Promise<TableInfo[]> {
  const rows = await session.query<ColumnRow>(`
    select n.nspname as schema, c.relname as table, a.attname as name,
           format_type(a.atttypid, a.atttypmod) as type, a.attnotnull as not_null,
           pg_get_expr(d.adbin, d.adrelid) as default, a.attcollation <> 0 as collatable,
           (select array_position(i.indkey::int2[], a.attnum) from pg_index i
             where i.indrelid = c.oid and i.indisprimary) as pk_position
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
      left join pg_attrdef d on d.adrelid = c.oid and d.adnum = a.attnum
     where ${IN_SCHEMAS} and c.relkind in ('r', 'p') and not c.relispartition
     order by n.nspname collate "C", c.relname collate "C", a.attnum`);
  const tables = new Map<string, TableInfo & { keys: { name: string; at: number }[] }>();
  for (const r of rows) {
    const key = `${r.schema}.${r.table}`;
    let t = tables.get(key);
    if (!t) {
      t = { schema: r.schema, name: r.table, columns: [], primaryKey: [], keys: [] };
      tables.set(key, t);
    }
    t.columns.push({ name: r.name, type: r.type, notNull: r.not_null, default: r.default, collatable: r.collatable });
    if (r.pk_position !== null) t.keys.push({ name: r.name, at: r.pk_position });
  }
  return [...tables.values()].map(({ keys, ...t }) => ({
    ...t,
    primaryKey: keys.sort((a, b) => a.at - b.at).map((k) => k.name),
  }));
}

/** The COPY source of a table: its columns, in primary key order (text compared byte-wise), or physical order without one. */
export function copySource(table: Pick<ManifestTable, 'schema' | 'name' | 'columns' | 'primaryKey'>): string {
  const cols = table.columns.map((c) => quoteIdent(c.name)).join(', ');
  const ref = qualifiedName(table.schema, table.name);
  if (table.primaryKey.length === 0) return `${ref} (${cols})`;
  const order = table.primaryKey
    .map((k) => {
      const collatable = table.columns.find((c) => c.name === k)?.collatable;
      return `${quoteIdent(k)}${collatable ? ' collate "C"' : ''}`;
    })
    .join(', ');
  return `(select ${cols} from ${ref} order by ${order})`;
}

/** Indexes not made by a constraint, and the constraints (not-null ones are column properties) of a table. */
export async function tableDdl(session: Session, schema: string, name: string): Promise<NonNullable<ManifestTable['ddl']>> {
  const oid = `'${qualifiedName(schema, name).replaceAll("'", "''")}'::regclass`;
  const indexes = await session.query<{ def: string }>(`
    select pg_get_indexdef(i.indexrelid) as def from pg_index i
     where i.indrelid = ${oid}
       and not exists (select 1 from pg_constraint k where k.conrelid = i.indrelid and k.conindid = i.indexrelid and k.contype in ('p', 'u', 'x'))
     order by i.indexrelid::regclass::text collate "C"`);
  const constraints = await session.query<{ name: string; definition: string }>(`
    select conname as name, pg_get_constraintdef(oid) as definition from pg_constraint
     where conrelid = ${oid} and contype in ('p', 'u', 'c', 'x', 'f')
     order by contype = 'f', conname collate "C"`);
  return { indexes: indexes.map((i) => i.def), constraints };
}

export interface ForeignKey {
  readonly schema: string;
  readonly table: string;
  readonly name: string;
  readonly definition: string;
}

export async function listForeignKeys(session: Session): Promise<ForeignKey[]> {
  return session.query<ForeignKey>(`
    select n.nspname as schema, c.relname as table, k.conname as name, pg_get_constraintdef(k.oid) as definition
      from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
     where k.contype = 'f' and ${IN_SCHEMAS}
     order by n.nspname, c.relname, k.conname`);
}

export async function listSequences(session: Session): Promise<{ schema: string; name: string }[]> {
  return session.query<{ schema: string; name: string }>(`
    select n.nspname as schema, c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where ${IN_SCHEMAS} and c.relkind = 'S' order by n.nspname collate "C", c.relname collate "C"`);
}

export async function readSequence(session: Session, schema: string, name: string): Promise<{ lastValue: string; isCalled: boolean }> {
  const [row] = await session.query<{ last_value: string; is_called: boolean }>(
    `select last_value::text as last_value, is_called from ${qualifiedName(schema, name)}`,
  );
  if (!row) throw new Error(`sequence ${schema}.${name} has no state`);
  return { lastValue: row.last_value, isCalled: row.is_called };
}

/** Objects of the platform in the database: relations in both schemas and functions and types in public. */
export async function countObjects(session: Session): Promise<number> {
  const [row] = await session.query<{ n: number }>(`
    select (select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
             where ${IN_SCHEMAS} and c.relkind in ('r', 'p', 'S', 'v', 'm', 'f')
               and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype = 'e'))
         + (select count(*) from pg_proc p where p.pronamespace = 'public'::regnamespace
             and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e'))
         + (select count(*) from pg_namespace where nspname = 'resource_data')::int as n`);
  return Number(row?.n ?? 0);
}

/**
 * Empties the platform's part of the database for `restore --force`: schema resource_data, and
 * every table, view, sequence, function and type in public (the schema itself stays: its owner
 * may not be ours). DDL is transactional: a failed restore brings all of it back.
 */
export async function dropEverything(session: Session): Promise<void> {
  await session.query('drop schema if exists resource_data cascade');
  const relations = await session.query<{ name: string; relkind: string }>(`
    select c.relname as name, c.relkind from pg_class c
     where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm', 'f', 'S')
       and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype = 'e')
     order by c.relkind = 'S'`);
  const kinds: Record<string, string> = { r: 'table', p: 'table', v: 'view', m: 'materialized view', f: 'foreign table', S: 'sequence' };
  for (const r of relations) await session.query(`drop ${kinds[r.relkind]} if exists ${qualifiedName('public', r.name)} cascade`);
  const routines = await session.query<{ sig: string; prokind: string }>(`
    select p.oid::regprocedure::text as sig, p.prokind from pg_proc p
     where p.pronamespace = 'public'::regnamespace
       and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')`);
  for (const r of routines) {
    await session.query(
      `drop ${r.prokind === 'p' ? 'procedure' : r.prokind === 'a' ? 'aggregate' : 'function'} if exists ${r.sig} cascade`,
    );
  }
  const types = await session.query<{ name: string }>(`
    select t.oid::regtype::text as name from pg_type t
     where t.typnamespace = 'public'::regnamespace and t.typtype in ('e', 'd')
       and not exists (select 1 from pg_depend d where d.objid = t.oid and d.deptype = 'e')`);
  for (const t of types) await session.query(`drop type if exists ${t.name} cascade`);
}
