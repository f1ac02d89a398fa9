/**
 * Open data for citizens and companies (R18.4–R23.1): the open channel of the one exit, conditional
 * applications and demands with their grants (R19.2–R19.4), usage reports (R20.1), objections
 * (R20.2), the reuse showcase (R22.1), de-identified derivatives (R18.4), per-key daily usage
 * (quotas of the open API) and page views.
 */
import { sql, type Kysely } from 'kysely';
import { comment } from './comment.js';

const APPLICATION_STATES = sql`('formal_review', 'provider_review', 'provider_answer', 'granted', 'answered', 'rejected', 'withdrawn')`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create sequence open_application_number_seq`.execute(db);
  await sql`create sequence open_grant_number_seq`.execute(db);
  await sql`create sequence open_objection_number_seq`.execute(db);

  await db.schema
    .createTable('open_applications')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('route', 'text', (c) => c.notNull().check(sql`route in ('conditional', 'demand')`))
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ${APPLICATION_STATES}`))
    .addColumn('applicant_user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('restrict'))
    .addColumn('resource_id', 'uuid', (c) => c.references('catalog_resources.id').onDelete('restrict'))
    .addColumn('provider_agency_id', 'uuid', (c) => c.references('agencies.id').onDelete('restrict'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('data_description', 'text')
    .addColumn('fields', 'jsonb', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('measures', 'text')
    .addColumn('period_from', 'date')
    .addColumn('period_to', 'date')
    .addColumn('commitments', 'jsonb', (c) => c.notNull())
    .addColumn('approved_fields', 'jsonb')
    .addColumn('approved_period_to', 'date')
    .addColumn('rejection', 'jsonb')
    .addColumn('answer', 'jsonb')
    .addColumn('grant_id', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('closed_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('open_applications_applicant_idx')
    .on('open_applications')
    .columns(['applicant_user_id', 'created_at'])
    .execute();
  await db.schema.createIndex('open_applications_provider_idx').on('open_applications').columns(['provider_agency_id', 'state']).execute();
  await db.schema.createIndex('open_applications_route_idx').on('open_applications').columns(['route', 'state', 'created_at']).execute();
  await comment(db, 'open_applications', 'Applications for conditional open data (R19.2) and demands for data not yet open (R19.3)', {
    id: 'Primary key',
    number: 'Number shown to people: KF + year + sequence',
    route: 'conditional (R19.2) or demand (R19.3)',
    state: 'formal_review, provider_review, provider_answer, granted, answered, rejected, withdrawn',
    applicant_user_id: 'The citizen or organization that applied',
    resource_id: 'The catalog entry asked for (null for a demand for data outside the catalog)',
    provider_agency_id: 'The agency that provides (or would provide) the data',
    title: 'Short title shown in lists (the resource name, or the demand’s own title)',
    data_description: 'For demands: what data is needed and why',
    fields: 'Field codes asked for',
    purpose: 'The purpose of use (R19.2)',
    measures: 'The protective measures the applicant takes (R19.2, R20.1)',
    period_from: 'First day of the period of use (conditional applications)',
    period_to: 'Last day of the period of use',
    commitments: 'Commitments made: lawful use, protection, usage reports, citation',
    approved_fields: 'Fields the provider approved (may be fewer than asked)',
    approved_period_to: 'End of the period the provider approved, if shorter',
    rejection: 'The rejection: by whom, every reason with its legal basis, when; shown on the portal (R19.4)',
    answer: 'The provider’s answer to a demand (R19.3): whether, when and how the data will be opened; public',
    grant_id: 'The open grant the application produced',
    created_at: 'When it was filed',
    updated_at: 'When it last changed',
    closed_at: 'When it reached a final state',
  });

  await db.schema
    .createTable('open_application_events')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('seq', 'bigint', (c) => c.notNull().unique().generatedAlwaysAsIdentity())
    .addColumn('application_id', 'uuid', (c) => c.notNull().references('open_applications.id').onDelete('cascade'))
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor_user_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('open_application_events_idx').on('open_application_events').columns(['application_id', 'seq']).execute();
  await comment(db, 'open_application_events', 'The history of each open-data application or demand, shown as its timeline', {
    id: 'Primary key',
    seq: 'Order of the events',
    application_id: 'The application',
    at: 'When',
    actor_user_id: 'Who acted (null for the system)',
    actor_label: 'Name shown for the actor',
    action: 'filed, formal_approve, formal_reject, provider_approve, provider_reject, provider_answer, withdraw',
    from_state: 'State before',
    to_state: 'State after',
    note: 'Comment given with the action',
  });

  await db.schema
    .createTable('open_grants')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('application_id', 'uuid', (c) => c.notNull().references('open_applications.id').onDelete('restrict'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('restrict'))
    .addColumn('resource_id', 'uuid', (c) => c.notNull().references('catalog_resources.id').onDelete('restrict'))
    .addColumn('provider_agency_id', 'uuid', (c) => c.notNull().references('agencies.id').onDelete('restrict'))
    .addColumn('fields', 'jsonb', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'timestamptz', (c) => c.notNull())
    .addColumn('valid_to', 'timestamptz', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('active', 'suspended', 'revoked')`))
    .addColumn('state_reason', 'text')
    .addColumn('state_changed_at', 'timestamptz')
    .addColumn('suspended_for_report', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('report_every_months', 'integer', (c) => c.notNull().check(sql`report_every_months between 1 and 12`))
    .addColumn('watermark_key', 'text', (c) => c.notNull())
    .addColumn('citation', 'text', (c) => c.notNull())
    .addColumn('created_by_user_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('open_grants_user_idx').on('open_grants').columns(['user_id', 'state']).execute();
  await db.schema.createIndex('open_grants_resource_idx').on('open_grants').columns(['resource_id']).execute();
  await comment(db, 'open_grants', 'Grants of conditional open data to a citizen or organization (R19.2, R20.1, R23.1)', {
    id: 'Primary key',
    number: 'Number shown to people: KG + year + sequence',
    application_id: 'The application that produced it',
    user_id: 'The holder (the applicant); their API keys call under it',
    resource_id: 'The resource',
    provider_agency_id: 'The agency that provides the data',
    fields: 'Field codes granted; nothing else leaves the exit',
    purpose: 'The purpose the data is granted for',
    valid_from: 'Start of the period',
    valid_to: 'End of the period',
    state: 'active, suspended (an overdue usage report or misuse, reversible) or revoked (final)',
    state_reason: 'Why it was suspended, revoked or restored',
    state_changed_at: 'When the state last changed',
    suspended_for_report: 'Suspended because a usage report is overdue past the grace period (restored when it arrives, R20.1)',
    report_every_months: 'How often the holder reports their use (R20.1)',
    watermark_key: 'Per-grant secret keying the fingerprints of its downloads (never shown)',
    citation: 'The citation line to give with the data (R23.1)',
    created_by_user_id: 'Who decided the grant',
    created_at: 'When it was granted',
  });

  await db.schema
    .createTable('open_usage_reports')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('grant_id', 'uuid', (c) => c.notNull().references('open_grants.id').onDelete('cascade'))
    .addColumn('due_on', 'date', (c) => c.notNull())
    .addColumn('reminded_at', 'timestamptz')
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('submitted_by_user_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('built', 'text')
    .addColumn('outcome', 'text')
    .addColumn('links', 'jsonb')
    .addColumn('protection', 'text')
    .addUniqueConstraint('open_usage_reports_due_unique', ['grant_id', 'due_on'])
    .execute();
  await comment(db, 'open_usage_reports', 'Usage reports of open-grant holders, one row per due date (R20.1)', {
    id: 'Primary key',
    grant_id: 'The open grant',
    due_on: 'When the report is due',
    reminded_at: 'When the holder was reminded that it is due',
    submitted_at: 'When it was submitted (null: outstanding)',
    submitted_by_user_id: 'Who submitted it',
    built: 'What was built with the data',
    outcome: 'With what result',
    links: 'Links to what was built',
    protection: 'How the data was protected during the period (R20.1)',
  });

  await db.schema
    .createTable('open_objections')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('resource_id', 'uuid', (c) => c.notNull().references('catalog_resources.id').onDelete('restrict'))
    .addColumn('provider_agency_id', 'uuid', (c) => c.notNull().references('agencies.id').onDelete('restrict'))
    .addColumn('user_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('error', 'omission', 'infringement', 'suggestion')`))
    .addColumn('field_code', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('open', 'answered')`))
    .addColumn('answer', 'text')
    .addColumn('answer_action', 'text', (c) => c.check(sql`answer_action in ('corrected', 'will_correct', 'no_change', 'removed')`))
    .addColumn('answered_by_user_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('answered_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('open_objections_resource_idx').on('open_objections').columns(['resource_id', 'created_at']).execute();
  await db.schema.createIndex('open_objections_provider_idx').on('open_objections').columns(['provider_agency_id', 'state']).execute();
  await comment(
    db,
    'open_objections',
    'Objections and suggestions on open resources: error, omission, infringement (R20.2); answers are public',
    {
      id: 'Primary key',
      number: 'Number shown to people: YY + year + sequence',
      resource_id: 'The resource objected to',
      provider_agency_id: 'The agency that must answer',
      user_id: 'Who raised it',
      kind: 'error, omission, infringement or suggestion',
      field_code: 'The field concerned, if one',
      description: 'What is wrong',
      state: 'open or answered',
      answer: 'The provider’s answer (public)',
      answer_action: 'What the provider did: corrected, will_correct, no_change, removed',
      answered_by_user_id: 'Who answered',
      answered_at: 'When',
      created_at: 'When it was raised',
    },
  );

  await db.schema
    .createTable('showcase_items')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('user_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('application', 'research', 'article', 'scenario')`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('resource_ids', 'jsonb', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('pending', 'approved', 'rejected', 'withdrawn')`))
    .addColumn('moderation_note', 'text')
    .addColumn('moderated_by_user_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('moderated_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('showcase_items_state_idx').on('showcase_items').columns(['state', 'created_at']).execute();
  await comment(db, 'showcase_items', 'Applications, research and articles built on open data, moderated by the bureau (R22.1)', {
    id: 'Primary key',
    user_id: 'Who submitted it',
    kind: 'application, research, article or scenario',
    title: 'Title',
    summary: 'What it is and what it does with the data',
    url: 'Where to see it',
    author: 'Author or organization shown',
    resource_ids: 'The open resources it uses',
    state: 'pending, approved (shown), rejected, withdrawn',
    moderation_note: 'The bureau’s reason when rejecting',
    moderated_by_user_id: 'Who moderated',
    moderated_at: 'When',
    created_at: 'When it was submitted',
  });

  await db.schema
    .createTable('open_derivatives')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('resource_id', 'uuid', (c) => c.notNull().references('catalog_resources.id').onDelete('restrict'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('transforms', 'jsonb', (c) => c.notNull())
    .addColumn('quasi_identifiers', 'jsonb', (c) => c.notNull())
    .addColumn('k', 'integer', (c) => c.notNull().check(sql`k >= 2`))
    .addColumn('basis', 'text', (c) => c.notNull().check(sql`basis in ('k_anonymity', 'consent')`))
    .addColumn('consent', 'jsonb')
    .addColumn('check_result', 'jsonb')
    .addColumn('checked_at', 'timestamptz')
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('draft', 'published', 'withdrawn')`))
    .addColumn('table_name', 'text')
    .addColumn('rows', 'integer')
    .addColumn('created_by_user_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('published_by_user_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('published_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('open_derivatives_resource_idx').on('open_derivatives').columns(['resource_id', 'state']).execute();
  await comment(db, 'open_derivatives', 'De-identified derivatives that open data of open type none (R18.4)', {
    id: 'Primary key',
    resource_id: 'The source resource (open type none)',
    name: 'Name of the derivative shown on the portal',
    description: 'What it contains and how it was de-identified',
    transforms: 'Per field: keep, drop, generalize (with its rule) or mask',
    quasi_identifiers: 'Field codes treated as quasi-identifiers in the k-anonymity check',
    k: 'The k the check requires (default 5)',
    basis: 'k_anonymity (the check passed) or consent (recorded consent of the right holder)',
    consent: 'The recorded consent: right holder, document reference, recorded by, when',
    check_result: 'The stored result of the last k-anonymity check: passed, smallest class, classes below k, rows',
    checked_at: 'When the check ran',
    state: 'draft, published (open, unconditional), withdrawn',
    table_name: 'The materialized de-identified table in schema resource_data',
    rows: 'Rows in the published table',
    created_by_user_id: 'Who defined it',
    created_at: 'When',
    published_by_user_id: 'Who published it',
    published_at: 'When',
  });

  // The open channel of the one exit: deliveries to the public, with or without an open grant.
  await db.schema
    .alterTable('deliveries')
    .alterColumn('grant_id', (c) => c.dropNotNull())
    .execute();
  await db.schema
    .alterTable('deliveries')
    .addColumn('channel', 'text', (c) =>
      c
        .notNull()
        .defaultTo('share')
        .check(sql`channel in ('share', 'open')`),
    )
    .addColumn('resource_id', 'uuid', (c) => c.references('catalog_resources.id').onDelete('restrict'))
    .addColumn('open_grant_id', 'uuid', (c) => c.references('open_grants.id').onDelete('restrict'))
    .addColumn('derivative_id', 'uuid', (c) => c.references('open_derivatives.id').onDelete('restrict'))
    .execute();
  await sql`alter table deliveries add constraint deliveries_channel_parties_check check (
    (channel = 'share' and grant_id is not null and open_grant_id is null)
    or (channel = 'open' and grant_id is null and resource_id is not null))`.execute(db);
  await sql`create index deliveries_open_resource_idx on deliveries (resource_id, kind) where channel = 'open'`.execute(db);
  await sql`create index deliveries_api_key_idx on deliveries (api_key_id, at) where api_key_id is not null`.execute(db);
  await comment(db, 'deliveries', 'Every delivery of data through the one exit (R7.1, R17.2, R29.1)', {
    grant_id: 'The share grant it was delivered under (share channel)',
    channel: 'share (to an agency under a share grant) or open (to the public, R19.1, R19.2)',
    resource_id: 'The open resource delivered (open channel)',
    open_grant_id: 'The open grant it was delivered under (conditional open data)',
    derivative_id: 'The de-identified derivative delivered (R18.4)',
  });

  await db.schema
    .createTable('api_key_daily_usage')
    .addColumn('api_key_id', 'uuid', (c) => c.notNull().references('api_keys.id').onDelete('cascade'))
    .addColumn('day', 'date', (c) => c.notNull())
    .addColumn('calls', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('api_key_daily_usage_pk', ['api_key_id', 'day'])
    .execute();
  await comment(db, 'api_key_daily_usage', 'Calls of the open-data API per key and China day, for daily quotas', {
    api_key_id: 'The API key',
    day: 'The day (Asia/Shanghai)',
    calls: 'Calls counted that day',
  });

  await db.schema
    .createTable('resource_views')
    .addColumn('resource_id', 'uuid', (c) => c.notNull().references('catalog_resources.id').onDelete('cascade'))
    .addColumn('day', 'date', (c) => c.notNull())
    .addColumn('views', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('resource_views_pk', ['resource_id', 'day'])
    .execute();
  await comment(db, 'resource_views', 'Views of resource pages on the open portal per day (counts shown on the page)', {
    resource_id: 'The resource',
    day: 'The day (Asia/Shanghai)',
    views: 'Page views that day',
  });
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('resource_views').execute();
  await db.schema.dropTable('api_key_daily_usage').execute();
  await sql`drop index deliveries_api_key_idx`.execute(db);
  await sql`drop index deliveries_open_resource_idx`.execute(db);
  await sql`alter table deliveries drop constraint deliveries_channel_parties_check`.execute(db);
  await sql`delete from deliveries where channel = 'open'`.execute(db);
  for (const column of ['derivative_id', 'open_grant_id', 'resource_id', 'channel']) {
    await db.schema.alterTable('deliveries').dropColumn(column).execute();
  }
  await db.schema
    .alterTable('deliveries')
    .alterColumn('grant_id', (c) => c.setNotNull())
    .execute();
  for (const table of [
    'open_derivatives',
    'showcase_items',
    'open_objections',
    'open_usage_reports',
    'open_grants',
    'open_application_events',
    'open_applications',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  for (const seq of ['open_objection_number_seq', 'open_grant_number_seq', 'open_application_number_seq']) {
    await sql`drop sequence ${sql.raw(seq)}`.execute(db);
  }
}
