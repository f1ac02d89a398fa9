/**
 * Third-party service providers (R30.1): the register of companies an agency contracts to build,
 * run or maintain its systems, with their security and confidentiality agreement (signed, and
 * committing the provider not to retain, use or pass on data), its period of validity and state.
 * Accounts of the provider's staff link to their provider: outside the agreement they cannot act.
 */
import { sql, type Kysely } from 'kysely';
import { comment } from './comment.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('service_providers')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('agency_id', 'uuid', (c) => c.notNull().references('agencies.id').onDelete('restrict'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('credit_code', 'text', (c) => c.notNull())
    .addColumn('agreement_number', 'text', (c) => c.notNull())
    .addColumn('service_scope', 'text', (c) => c.notNull())
    .addColumn('systems', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('contact_name', 'text')
    .addColumn('contact_phone', 'text')
    .addColumn('agreement_signed_on', 'date', (c) => c.notNull())
    .addColumn('no_retention', 'boolean', (c) => c.notNull().check(sql`no_retention`))
    .addColumn('no_use', 'boolean', (c) => c.notNull().check(sql`no_use`))
    .addColumn('no_onward_transfer', 'boolean', (c) => c.notNull().check(sql`no_onward_transfer`))
    .addColumn('valid_from', 'date', (c) => c.notNull())
    .addColumn('valid_to', 'date', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('active', 'ended', 'terminated')`))
    .addColumn('end_reason', 'text')
    .addColumn('ended_on', 'date')
    .addColumn('expiry_notified_for', 'date')
    .addColumn('created_by_user_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_by_user_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addCheckConstraint('service_providers_period_check', sql`valid_to >= valid_from`)
    .addCheckConstraint('service_providers_end_reason_check', sql`state = 'active' or (end_reason is not null and ended_on is not null)`)
    .addUniqueConstraint('service_providers_agreement_unique', ['agency_id', 'agreement_number'])
    .execute();
  await db.schema.createIndex('service_providers_agency_idx').on('service_providers').columns(['agency_id', 'state']).execute();
  await db.schema.createIndex('service_providers_valid_to_idx').on('service_providers').columns(['state', 'valid_to']).execute();
  await comment(db, 'service_providers', 'Third-party service providers and their security and confidentiality agreements (R30.1)', {
    id: 'Primary key',
    agency_id: 'The contracting agency',
    name: 'The provider (company name as registered)',
    credit_code: 'Its unified social credit code (GB 32100, validated)',
    agreement_number: 'Number of the service contract or agreement, unique per agency',
    service_scope: 'What the provider does for the agency (building, operating, maintaining …)',
    systems: 'The systems or resources the service covers (list of names; may be empty)',
    contact_name: 'The provider’s contact person',
    contact_phone: 'The contact person’s phone',
    agreement_signed_on: 'When the security and confidentiality agreement was signed (R30.1)',
    no_retention: 'The agreement commits the provider not to retain data (R30.1); must be true',
    no_use: 'The agreement commits the provider not to use data for itself (R30.1); must be true',
    no_onward_transfer: 'The agreement commits the provider not to pass data on (R30.1); must be true',
    valid_from: 'First day the agreement is in force (China date)',
    valid_to: 'Last day the agreement is in force (China date)',
    state:
      'active (in force from valid_from to valid_to), ended (ended early by agreement) or terminated (ended early for cause, e.g. a breach)',
    end_reason: 'Why the agreement was ended early',
    ended_on: 'The China date it was ended early',
    expiry_notified_for: 'The valid_to the stewards and bureau were told about (one notice per lapse)',
    created_by_user_id: 'Who registered the provider',
    created_at: 'When it was registered',
    updated_by_user_id: 'Who changed it last',
    updated_at: 'When it last changed',
  });

  await db.schema
    .alterTable('users')
    .addColumn('service_provider_id', 'uuid', (c) => c.references('service_providers.id').onDelete('restrict'))
    .execute();
  await db.schema.createIndex('users_service_provider_idx').on('users').column('service_provider_id').execute();
  await sql`comment on column users.service_provider_id is ${sql.lit(
    'The third-party service provider whose staff the account belongs to: it acts only while the agreement is in force (R30.1)',
  )}`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('service_provider_id').execute();
  await db.schema.dropTable('service_providers').execute();
}
