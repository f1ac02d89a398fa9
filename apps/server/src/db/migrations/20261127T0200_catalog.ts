/**
 * The public data catalog (R10.1–R10.3): the classification tree, resources with every version
 * of their metadata and its review, resource-code sequences, and the search table of published
 * entries (R9.1 overlaps and review records live on the version).
 */
import { sql, type Kysely } from 'kysely';
import { comment } from './comment.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('catalog_classes')
    .addColumn('code', 'text', (c) => c.primaryKey().check(sql`code ~ '^[0-9]+$'`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull().check(sql`level between 1 and 4`))
    .addColumn('parent_code', 'text', (c) => c.references('catalog_classes.code').onDelete('restrict'))
    .execute();
  await comment(
    db,
    'catalog_classes',
    'Classification of catalog entries: 类 / 项 / 目 / 细目 (national catalog compilation guide, GB/T 21063)',
    {
      code: 'Digits: 1 for 类, +2 for 项, +3 for 目, +3 for 细目; a child starts with its parent’s code',
      name: 'Name of the class',
      level: '1 类, 2 项, 3 目, 4 细目',
      parent_code: 'The class above; null for a 类',
    },
  );

  await db.schema
    .createTable('catalog_sequences')
    .addColumn('classification_code', 'text', (c) => c.primaryKey().references('catalog_classes.code').onDelete('restrict'))
    .addColumn('last_value', 'integer', (c) => c.notNull())
    .execute();
  await comment(db, 'catalog_sequences', 'Last sequence number given per classification, for resource codes (classification/sequence)', {
    classification_code: 'The classification',
    last_value: 'The last sequence number used',
  });

  await db.schema
    .createTable('catalog_resources')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('code', 'text', (c) => c.unique())
    .addColumn('provider_agency_id', 'uuid', (c) => c.notNull().references('agencies.id').onDelete('restrict'))
    .addColumn('current_version_id', 'uuid')
    .addColumn('first_published_at', 'timestamptz')
    .addColumn('last_published_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('catalog_resources_provider_idx').on('catalog_resources').column('provider_agency_id').execute();
  await comment(
    db,
    'catalog_resources',
    '目录条目: one public data resource of a provider agency (R10.1); its metadata lives in versions',
    {
      id: 'Primary key',
      code: 'Resource code: classification code + "/" + six-digit sequence, given at first publication',
      provider_agency_id: 'The providing agency (R10.1)',
      current_version_id: 'The published version in force; null until first publication',
      first_published_at: 'When the resource was first published through the node (R10.2)',
      last_published_at: 'When its latest version was published',
      created_at: 'When the first draft was created',
    },
  );

  await db.schema
    .createTable('catalog_versions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('resource_id', 'uuid', (c) => c.notNull().references('catalog_resources.id').onDelete('restrict'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('initial', 'change')`))
    .addColumn('state', 'text', (c) =>
      c.notNull().check(sql`state in ('draft', 'submitted', 'downgrade_review', 'returned', 'published', 'superseded', 'withdrawn')`),
    )
    .addColumn('metadata', 'jsonb', (c) => c.notNull())
    .addColumn('justification', 'text')
    .addColumn('overlaps', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('change_reason', 'text')
    .addColumn('law_change_date', 'date')
    .addColumn('filing_due_on', 'date')
    .addColumn('filed_late', 'boolean')
    .addColumn('downgrades', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('created_by', 'uuid', (c) => c.notNull().references('users.id').onDelete('restrict'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('submitted_by', 'uuid', (c) => c.references('users.id').onDelete('restrict'))
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('reviewed_by', 'uuid', (c) => c.references('users.id').onDelete('restrict'))
    .addColumn('reviewed_at', 'timestamptz')
    .addColumn('review_comment', 'text')
    .addColumn('return_reasons', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('downgrade_decided_by', 'uuid', (c) => c.references('users.id').onDelete('restrict'))
    .addColumn('downgrade_decided_at', 'timestamptz')
    .addColumn('published_at', 'timestamptz')
    .addUniqueConstraint('catalog_versions_number_key', ['resource_id', 'number'])
    .execute();
  await sql`create unique index catalog_versions_one_open_idx on catalog_versions (resource_id) where state in ('draft', 'submitted', 'downgrade_review', 'returned')`.execute(
    db,
  );
  await db.schema.createIndex('catalog_versions_state_idx').on('catalog_versions').column('state').execute();
  await sql`alter table catalog_resources add constraint catalog_resources_current_version_fk foreign key (current_version_id) references catalog_versions (id)`.execute(
    db,
  );
  await comment(
    db,
    'catalog_versions',
    'Every version of a catalog entry: the draft, its review and publication; old versions stay visible (R10.3)',
    {
      id: 'Primary key',
      resource_id: 'The resource',
      number: '1, 2, 3 … per resource',
      kind: 'initial (first registration) or change (change request, R10.3)',
      state: 'draft, submitted (formal review), downgrade_review (R18.3), returned, published, superseded, withdrawn',
      metadata: 'The metadata as the steward described it (domain ResourceMetadata)',
      justification: 'Why fields that overlap shared data are collected again (R9.1)',
      overlaps: 'Fields overlapping published resources, computed at submission (R9.1)',
      change_reason: 'For a change: the law, regulation or duty change that caused it (R10.3)',
      law_change_date: 'For a change: the date of that law or duty change (R10.3)',
      filing_due_on: 'Last day to file the change: 15 working days after the law change (R10.3)',
      filed_late: 'True when the change was submitted after filing_due_on (R10.3)',
      downgrades: 'Attributes the change lowers (share, open): needs the bureau’s approval (R18.3)',
      created_by: 'Who created the draft',
      created_at: 'When the draft was created',
      updated_at: 'When the draft last changed',
      submitted_by: 'The data steward who submitted it (R8.1)',
      submitted_at: 'When it was submitted',
      reviewed_by: 'The bureau reviewer who decided the formal review',
      reviewed_at: 'When the formal review was decided',
      review_comment: 'The reviewer’s comment',
      return_reasons: 'All reasons of a return at once, each with its legal basis (R16.1 style)',
      downgrade_decided_by: 'The bureau administrator who decided a downgrade (R18.3)',
      downgrade_decided_at: 'When the downgrade was decided',
      published_at: 'When this version was published',
    },
  );

  await db.schema
    .createTable('catalog_search')
    .addColumn('resource_id', 'uuid', (c) => c.primaryKey().references('catalog_resources.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text')
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('keywords', sql`text[]`, (c) => c.notNull())
    .addColumn('provider_agency_id', 'uuid', (c) => c.notNull())
    .addColumn('provider_name', 'text', (c) => c.notNull())
    .addColumn('sector', 'text')
    .addColumn('classification_code', 'text', (c) => c.notNull())
    .addColumn('class_top', 'text', (c) => c.notNull())
    .addColumn('share_type', 'text', (c) => c.notNull())
    .addColumn('open_type', 'text', (c) => c.notNull())
    .addColumn('format_category', 'text', (c) => c.notNull())
    .addColumn('update_frequency', 'text', (c) => c.notNull())
    .addColumn('security_level', 'integer', (c) => c.notNull())
    .addColumn('field_count', 'integer', (c) => c.notNull())
    .addColumn('published_at', 'timestamptz', (c) => c.notNull())
    .addColumn('search_vector', sql`tsvector`, (c) => c.notNull())
    .execute();
  await sql`create index catalog_search_vector_idx on catalog_search using gin (search_vector)`.execute(db);
  await db.schema.createIndex('catalog_search_published_idx').on('catalog_search').column('published_at').execute();
  await comment(
    db,
    'catalog_search',
    'Search index of published catalog entries: segmented text (Intl.Segmenter + bigrams) and facet columns',
    {
      resource_id: 'The resource',
      code: 'Resource code',
      name: 'Name',
      name_en: 'English name',
      summary: 'Summary',
      keywords: 'Keywords',
      provider_agency_id: 'Provider agency',
      provider_name: 'Provider name',
      sector: 'Provider’s sector (R6.1)',
      classification_code: 'Classification code',
      class_top: 'The 项-level class (first three digits) for the facet',
      share_type: 'Share type',
      open_type: 'Open type',
      format_category: 'Format category',
      update_frequency: 'Update frequency',
      security_level: 'Security level 1–4',
      field_count: 'Number of fields',
      published_at: 'Last publication',
      search_vector: 'Weighted tokens: name A, keywords B, English name and summary C, field names D',
    },
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table catalog_resources drop constraint catalog_resources_current_version_fk`.execute(db);
  for (const table of ['catalog_search', 'catalog_versions', 'catalog_resources', 'catalog_sequences', 'catalog_classes']) {
    await db.schema.dropTable(table).execute();
  }
}
