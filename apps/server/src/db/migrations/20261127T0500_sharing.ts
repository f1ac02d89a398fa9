/**
 * Sharing between agencies (R7.1, R13–R17, R29.1): share requests and their history, rejections
 * and consultations (R16.1, R16.2), grants with the agency systems allowed to call, and every
 * delivery through the one exit (R17.2, R29.1).
 */
import { sql, type Kysely } from 'kysely';
import { comment } from './comment.js';

const ROUTES = sql`('unconditional', 'conditional', 'demand', 'upper_level')`;
const STATES = sql`('formal_review', 'provider_review', 'provider_answer', 'escalated', 'granted', 'answered', 'rejected', 'consultation', 'closed', 'withdrawn')`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create sequence share_request_number_seq`.execute(db);
  await sql`create sequence share_grant_number_seq`.execute(db);

  await db.schema
    .createTable('share_requests')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('route', 'text', (c) => c.notNull().check(sql`route in ${ROUTES}`))
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ${STATES}`))
    .addColumn('requester_agency_id', 'uuid', (c) => c.notNull().references('agencies.id').onDelete('restrict'))
    .addColumn('filed_by_user_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('filed_by_bureau', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('resource_id', 'uuid', (c) => c.references('catalog_resources.id').onDelete('restrict'))
    .addColumn('provider_agency_id', 'uuid', (c) => c.references('agencies.id').onDelete('restrict'))
    .addColumn('upper_level', 'text', (c) => c.check(sql`upper_level in ('national', 'provincial', 'zaozhuang')`))
    .addColumn('data_description', 'text')
    .addColumn('fields', 'jsonb', (c) => c.notNull())
    .addColumn('scenario', 'text', (c) => c.notNull())
    .addColumn('legal_duty', 'text', (c) => c.notNull())
    .addColumn('period_from', 'date', (c) => c.notNull())
    .addColumn('period_to', 'date', (c) => c.notNull())
    .addColumn('commitments', 'jsonb', (c) => c.notNull())
    .addColumn('api_key_ids', 'jsonb', (c) => c.notNull())
    .addColumn('approved_fields', 'jsonb')
    .addColumn('approved_period_to', 'date')
    .addColumn('rejection', 'jsonb')
    .addColumn('answer', 'jsonb')
    .addColumn('upper_reference', 'text')
    .addColumn('grant_id', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('closed_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('share_requests_requester_idx').on('share_requests').columns(['requester_agency_id', 'created_at']).execute();
  await db.schema.createIndex('share_requests_provider_idx').on('share_requests').columns(['provider_agency_id', 'state']).execute();
  await db.schema.createIndex('share_requests_state_idx').on('share_requests').columns(['state', 'created_at']).execute();
  await comment(db, 'share_requests', 'Requests of agencies for shared data, routed by share type and level (R14.1–R15.2, R17.1)', {
    id: 'Primary key',
    number: 'Request number shown to people: GX + year + sequence',
    route: 'unconditional (R14.1), conditional (R14.2), demand for data not yet shared (R14.3), upper_level node (R15.1)',
    state: 'formal_review, provider_review, provider_answer, escalated, granted, answered, rejected, consultation, closed, withdrawn',
    requester_agency_id: 'The agency that needs the data (a town when the bureau files for it, R15.2)',
    filed_by_user_id: 'Who filed the request',
    filed_by_bureau: 'The bureau filed on behalf of a town or street (R15.2)',
    resource_id: 'The catalog entry asked for (null for a demand outside the catalog or upper-level data)',
    provider_agency_id: 'The agency that provides the data (null for upper-level data)',
    upper_level: 'For R15.1: national, provincial or zaozhuang node',
    data_description: 'What data is needed, for demands and upper-level requests',
    fields: 'Field codes asked for (all the entry’s fields, or chosen ones)',
    scenario: 'The use scenario (R17.1)',
    legal_duty: 'The legal duty the data serves (R17.1)',
    period_from: 'First day of the period of use',
    period_to: 'Last day of the period of use',
    commitments: 'The R17.1/R17.2 commitments made: authenticity, compliance, security, own duties only, no onward provision',
    api_key_ids: 'API keys of the requester’s systems that the grant should allow',
    approved_fields: 'Fields the provider approved (may be fewer than asked), for conditional requests',
    approved_period_to: 'End of the period the provider approved, if shorter',
    rejection: 'The rejection: by whom, every reason with its legal basis (R16.1), when',
    answer: 'The provider’s answer to a demand (R14.3): whether and how it will share',
    upper_reference: 'Reference of the request at the upper-level node (R15.1)',
    grant_id: 'The grant the request produced',
    created_at: 'When the request was filed',
    updated_at: 'When it last changed',
    closed_at: 'When it reached a final state',
  });

  await db.schema
    .createTable('share_request_events')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('seq', 'bigint', (c) => c.notNull().unique().generatedAlwaysAsIdentity())
    .addColumn('request_id', 'uuid', (c) => c.notNull().references('share_requests.id').onDelete('cascade'))
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor_user_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('actor_agency_id', 'uuid', (c) => c.references('agencies.id').onDelete('set null'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('share_request_events_request_idx').on('share_request_events').columns(['request_id', 'seq']).execute();
  await comment(db, 'share_request_events', 'The history of each share request, shown as its timeline', {
    id: 'Primary key',
    seq: 'Order of the events (several may share a time)',
    request_id: 'The request',
    at: 'When',
    actor_user_id: 'Who acted (null for the system)',
    actor_label: 'Name shown for the actor',
    actor_agency_id: 'The actor’s agency',
    action:
      'filed, formal_approve, formal_reject, provider_approve, provider_reject, provider_answer, upper_result, open_consultation, consultation_note, consultation_outcome, withdraw',
    from_state: 'State before',
    to_state: 'State after',
    note: 'Comment given with the action',
  });

  await db.schema
    .createTable('share_consultations')
    .addColumn('request_id', 'uuid', (c) => c.primaryKey().references('share_requests.id').onDelete('cascade'))
    .addColumn('opened_by_user_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('opened_at', 'timestamptz', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('participants', 'jsonb', (c) => c.notNull())
    .addColumn('entries', 'jsonb', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.check(sql`outcome in ('grant', 'close')`))
    .addColumn('outcome_note', 'text')
    .addColumn('decided_by_user_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', 'timestamptz')
    .execute();
  await comment(db, 'share_consultations', 'Consultations the bureau opens when a rejection’s reasons are insufficient (R16.2)', {
    request_id: 'The rejected request',
    opened_by_user_id: 'The bureau reviewer who opened it',
    opened_at: 'When',
    reason: 'Why the rejection’s reasons were found insufficient',
    participants: 'Agency ids taking part (the bureau, the requester, the provider, others)',
    entries: 'The record of the discussion: at, author, agency, text',
    outcome: 'grant (the data is shared) or close (the rejection stands)',
    outcome_note: 'The decision and its grounds',
    decided_by_user_id: 'Who recorded the outcome',
    decided_at: 'When',
  });

  await db.schema
    .createTable('share_grants')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('request_id', 'uuid', (c) => c.references('share_requests.id').onDelete('restrict'))
    .addColumn('consumer_agency_id', 'uuid', (c) => c.notNull().references('agencies.id').onDelete('restrict'))
    .addColumn('provider_agency_id', 'uuid', (c) => c.notNull().references('agencies.id').onDelete('restrict'))
    .addColumn('resource_id', 'uuid', (c) => c.notNull().references('catalog_resources.id').onDelete('restrict'))
    .addColumn('fields', 'jsonb', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'timestamptz', (c) => c.notNull())
    .addColumn('valid_to', 'timestamptz', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('active', 'suspended', 'revoked')`))
    .addColumn('state_reason', 'text')
    .addColumn('state_changed_at', 'timestamptz')
    .addColumn('expiry_notified_at', 'timestamptz')
    .addColumn('watermark_key', 'text', (c) => c.notNull())
    .addColumn('citation', 'text', (c) => c.notNull())
    .addColumn('created_by_user_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('share_grants_consumer_idx').on('share_grants').columns(['consumer_agency_id', 'state']).execute();
  await db.schema.createIndex('share_grants_resource_idx').on('share_grants').columns(['resource_id']).execute();
  await comment(db, 'share_grants', 'Grants: who may fetch which fields of a resource, for what, until when (R14–R17, R23.1)', {
    id: 'Primary key',
    number: 'Grant number shown to people: SQ + year + sequence',
    request_id: 'The request that produced the grant',
    consumer_agency_id: 'The agency allowed to fetch',
    provider_agency_id: 'The agency that provides the data',
    resource_id: 'The resource',
    fields: 'Field codes granted; nothing else leaves the exit',
    purpose: 'The use the data is granted for (R17.2)',
    valid_from: 'Start of the period',
    valid_to: 'End of the period (the grant expires then; notice is given beforehand)',
    state: 'active, suspended (misuse, reversible) or revoked (final); expiry is valid_to',
    state_reason: 'Why it was suspended, revoked or reinstated',
    state_changed_at: 'When the state last changed',
    expiry_notified_at: 'When the consumer was told that the grant is about to expire',
    watermark_key: 'Per-grant secret keying the fingerprints of its bulk extracts (never shown)',
    citation: 'The citation line to give with the data (R23.1)',
    created_by_user_id: 'Who decided the grant',
    created_at: 'When it was granted',
  });

  await db.schema
    .createTable('share_grant_keys')
    .addColumn('grant_id', 'uuid', (c) => c.notNull().references('share_grants.id').onDelete('cascade'))
    .addColumn('api_key_id', 'uuid', (c) => c.notNull().references('api_keys.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('share_grant_keys_pk', ['grant_id', 'api_key_id'])
    .execute();
  await comment(db, 'share_grant_keys', 'The agency systems (API keys) allowed to call under a grant', {
    grant_id: 'The grant',
    api_key_id: 'An API key of the consumer agency',
  });

  await db.schema
    .createTable('deliveries')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('serial', 'bigint', (c) => c.notNull().unique().generatedAlwaysAsIdentity())
    .addColumn('grant_id', 'uuid', (c) => c.notNull().references('share_grants.id').onDelete('restrict'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('lookup', 'query', 'extract')`))
    .addColumn('format', 'text')
    .addColumn('via', 'text', (c) => c.notNull())
    .addColumn('api_key_id', 'uuid', (c) => c.references('api_keys.id').onDelete('set null'))
    .addColumn('user_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('rows', 'integer', (c) => c.notNull())
    .addColumn('fields', 'jsonb', (c) => c.notNull())
    .addColumn('parameters', 'jsonb', (c) => c.notNull())
    .addColumn('fingerprint', 'text')
    .addColumn('request_id', 'text')
    .execute();
  await db.schema.createIndex('deliveries_grant_idx').on('deliveries').columns(['grant_id', 'at']).execute();
  await comment(db, 'deliveries', 'Every delivery of data through the one exit (R7.1, R17.2, R29.1)', {
    id: 'Delivery id, given to the caller as provenance',
    serial: 'Short number embedded in bulk-extract fingerprints',
    grant_id: 'The grant it was delivered under',
    kind: 'lookup by identifier, filtered query, or bulk extract',
    format: 'json, csv, xlsx (extracts)',
    via: 'api_key or session',
    api_key_id: 'The agency system that called',
    user_id: 'The user (owner of the key, or signed in)',
    at: 'When',
    rows: 'Rows delivered',
    fields: 'Fields delivered',
    parameters: 'Filter and paging (identifiers looked up are stored as keyed hashes, never in clear)',
    fingerprint: 'The fingerprint embedded in a bulk extract',
    request_id: 'The HTTP request id',
  });
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['deliveries', 'share_grant_keys', 'share_grants', 'share_consultations', 'share_request_events', 'share_requests']) {
    await db.schema.dropTable(table).execute();
  }
  await sql`drop sequence share_grant_number_seq`.execute(db);
  await sql`drop sequence share_request_number_seq`.execute(db);
}
