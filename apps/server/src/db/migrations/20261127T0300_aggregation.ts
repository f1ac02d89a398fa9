/**
 * Aggregation and data quality (R11.1, R11.2, R12.1, R12.2): the typed table of every published
 * resource lives in schema resource_data; loads are batches with their outcome; problem rows and
 * consumers' reports form one queue; quality rules and scores per resource.
 */
import { sql, type Kysely } from 'kysely';
import { comment } from './comment.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create schema if not exists resource_data`.execute(db);
  await sql`comment on schema resource_data is 'One typed table per published resource (like CKAN DataStore, but typed), loaded through the node'`.execute(
    db,
  );

  await db.schema
    .createTable('resource_tables')
    .addColumn('resource_id', 'uuid', (c) => c.primaryKey().references('catalog_resources.id').onDelete('restrict'))
    .addColumn('table_name', 'text', (c) => c.notNull().unique())
    .addColumn('version_number', 'integer', (c) => c.notNull())
    .addColumn('columns', 'jsonb', (c) => c.notNull())
    .addColumn('identifier_column', 'text')
    .addColumn('row_count', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('last_batch_id', 'uuid')
    .addColumn('last_loaded_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await comment(db, 'resource_tables', 'The data table of each published resource and its shape (R11.1)', {
    resource_id: 'The resource',
    table_name: 'Table name in schema resource_data (r_ + resource code)',
    version_number: 'The catalog version whose fields define the columns',
    columns: 'Field code → column type, in field order',
    identifier_column: 'The indexed identifier column (citizen ID, credit code or other code), if any',
    row_count: 'Rows after the last load',
    last_batch_id: 'The last successful load',
    last_loaded_at: 'When data was last loaded (timeliness, R11.1)',
    created_at: 'When the table was created',
    updated_at: 'When the table shape or data last changed',
  });

  await db.schema
    .createTable('quality_settings')
    .addColumn('resource_id', 'uuid', (c) => c.primaryKey().references('catalog_resources.id').onDelete('restrict'))
    .addColumn('owner_user_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('rules', 'jsonb', (c) => c.notNull())
    .addColumn('policy', 'text', (c) => c.notNull().check(sql`policy in ('reject', 'quarantine')`))
    .addColumn('threshold', 'numeric', (c) => c.notNull().check(sql`threshold >= 0 and threshold <= 1`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await comment(db, 'quality_settings', 'Data-quality owner, rules and load policy of a resource (R12.1)', {
    resource_id: 'The resource',
    owner_user_id: 'The data-quality owner (R12.1)',
    rules: 'Quality rules: not null, unique, patterns, allowed values, ranges, references, freshness column',
    policy: 'reject: refuse the whole load when the error rate exceeds the threshold; quarantine: load good rows and keep bad ones',
    threshold: 'Error rate (0–1) above which a load is rejected under the reject policy',
    updated_at: 'When the settings last changed',
  });

  await db.schema
    .createTable('load_batches')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('resource_id', 'uuid', (c) => c.notNull().references('catalog_resources.id').onDelete('restrict'))
    .addColumn('mode', 'text', (c) => c.notNull().check(sql`mode in ('replace', 'append', 'upsert')`))
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('upload', 'cli', 'api')`))
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('encoding', 'text')
    .addColumn('file_name', 'text')
    .addColumn('file_path', 'text')
    .addColumn('idempotency_key', 'text')
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('queued', 'running', 'loaded', 'rejected', 'failed')`))
    .addColumn('rows_read', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_loaded', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_quarantined', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('bytes_total', 'bigint')
    .addColumn('bytes_read', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('message', 'jsonb')
    .addColumn('actor_user_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('started_at', 'timestamptz')
    .addColumn('finished_at', 'timestamptz')
    .execute();
  await sql`create unique index load_batches_idempotency_idx on load_batches (resource_id, idempotency_key) where idempotency_key is not null`.execute(
    db,
  );
  await db.schema.createIndex('load_batches_resource_idx').on('load_batches').columns(['resource_id', 'created_at']).execute();
  await comment(db, 'load_batches', 'Every load of data into a resource: how, how much, and its outcome (R11.1, R12.2)', {
    id: 'Primary key; also the _batch_id of the rows it loaded',
    resource_id: 'The resource loaded',
    mode: 'replace, append or upsert (by the identifier column)',
    channel: 'upload (web), cli, or api (push by an agency system)',
    format: 'csv, xlsx or jsonl',
    encoding: 'utf-8, utf-8-bom or gb18030 (detected or declared)',
    file_name: 'Name of the uploaded file',
    file_path: 'Where an uploaded file waits to be processed (deleted afterwards)',
    idempotency_key: 'Push API: the same key loads once',
    state: 'queued, running, loaded, rejected (too many errors), failed (unreadable input or interrupted)',
    rows_read: 'Data rows read so far',
    rows_loaded: 'Rows that passed validation and were loaded',
    rows_quarantined: 'Rows kept aside with their problems (R12.2)',
    bytes_total: 'Size of the input, for progress',
    bytes_read: 'Bytes read so far, for progress',
    message: 'Why a load was rejected or failed {zh, en, code, row, column}',
    actor_user_id: 'Who loaded',
    created_at: 'When the load was requested',
    started_at: 'When processing began',
    finished_at: 'When it ended',
  });

  await db.schema
    .createTable('data_problems')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('resource_id', 'uuid', (c) => c.notNull().references('catalog_resources.id').onDelete('restrict'))
    .addColumn('batch_id', 'uuid', (c) => c.references('load_batches.id').onDelete('restrict'))
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('load', 'report')`))
    .addColumn('row_number', 'integer')
    .addColumn('problems', 'jsonb', (c) => c.notNull())
    .addColumn('raw', 'jsonb')
    .addColumn('record_key', 'text')
    .addColumn('description', 'text')
    .addColumn('reporter_user_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('open', 'fixed', 'confirmed', 'dismissed')`))
    .addColumn('resolution', 'text')
    .addColumn('fixed_batch_id', 'uuid', (c) => c.references('load_batches.id').onDelete('restrict'))
    .addColumn('fixed_at', 'timestamptz')
    .addColumn('fixed_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('confirmed_at', 'timestamptz')
    .addColumn('confirmed_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('data_problems_resource_idx').on('data_problems').columns(['resource_id', 'state']).execute();
  await db.schema.createIndex('data_problems_batch_idx').on('data_problems').columns(['batch_id', 'row_number']).execute();
  await comment(
    db,
    'data_problems',
    'Problem data (R12.2): rows refused or quarantined by a load, and problems reported by consumers, tracked until fixed and confirmed',
    {
      id: 'Primary key',
      resource_id: 'The resource',
      batch_id: 'The load that found it (source load)',
      source: 'load (validation) or report (a consumer)',
      row_number: 'Row of the source file (header is row 1)',
      problems: 'Each problem: column, rule, message {zh, en}, requirement',
      raw: 'The row as it was read, to correct and reload',
      record_key: 'For reports: the identifier of the record concerned',
      description: 'For reports: what the consumer found',
      reporter_user_id: 'For reports: who reported',
      state: 'open, fixed (the provider corrected it), confirmed (checked), dismissed',
      resolution: 'How it was handled',
      fixed_batch_id: 'The load that carried the correction',
      fixed_at: 'When it was marked fixed',
      fixed_by: 'Who fixed it',
      confirmed_at: 'When the fix was confirmed',
      confirmed_by: 'Who confirmed it',
      created_at: 'When the problem was recorded',
    },
  );

  await db.schema
    .createTable('quality_scores')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('resource_id', 'uuid', (c) => c.notNull().references('catalog_resources.id').onDelete('restrict'))
    .addColumn('batch_id', 'uuid', (c) => c.references('load_batches.id').onDelete('restrict'))
    .addColumn('computed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('completeness', 'double precision', (c) => c.notNull())
    .addColumn('validity', 'double precision', (c) => c.notNull())
    .addColumn('uniqueness', 'double precision', (c) => c.notNull())
    .addColumn('timeliness', 'double precision', (c) => c.notNull())
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('overdue', 'boolean', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('quality_scores_resource_idx').on('quality_scores').columns(['resource_id', 'computed_at']).execute();
  await comment(db, 'quality_scores', 'History of each resource’s quality score (R11.1, R12.1)', {
    id: 'Primary key',
    resource_id: 'The resource',
    batch_id: 'The load after which it was computed, if any',
    computed_at: 'When it was computed',
    completeness: 'Share of filled values in required and other fields (0–1)',
    validity: 'Share of rows of the last load that passed validation (0–1)',
    uniqueness: 'Share of distinct identifier values (0–1)',
    timeliness: '1 when the data is within its update frequency, falling to 0 at twice the allowed age',
    score: 'Weighted overall score (0–100)',
    overdue: 'The data is older than its update frequency allows (R11.1)',
  });
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['quality_scores', 'data_problems', 'load_batches', 'quality_settings', 'resource_tables'])
    await db.schema.dropTable(table).execute();
  await sql`drop schema resource_data cascade`.execute(db);
}
