/**
 * Correlation assessment (R31.1): the latest correlation check of each share request (would its
 * grant let the consumer join level 3+ data on a person identifier?) and the security
 * assessments recorded before such a grant is made. Assessments are never edited: a new one
 * supersedes the last.
 */
import { sql, type Kysely } from 'kysely';
import { comment } from './comment.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('correlation_checks')
    .addColumn('share_request_id', 'uuid', (c) => c.primaryKey().references('share_requests.id').onDelete('cascade'))
    .addColumn('applies', 'boolean', (c) => c.notNull())
    .addColumn('risk', 'jsonb', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull().check(sql`stage in ('filed', 'approval')`))
    .addColumn('checked_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('correlation_checks_applies_idx').on('correlation_checks').columns(['applies', 'checked_at']).execute();
  await comment(
    db,
    'correlation_checks',
    'The latest correlation check of a share request (R31.1), made when it is filed and again at approval',
    {
      share_request_id: 'The share request checked',
      applies: 'Whether granting would join level 3+ data on the same person identifier, so an assessment is required',
      risk: 'The check as the reviewer reads it: identifier role, joinable resources with their grants and level 3+ fields, reason (zh/en)',
      stage: 'filed (when the request was filed) or approval (re-checked at the final approval, grants may have changed)',
      checked_at: 'When the check was made',
    },
  );

  await db.schema
    .createTable('correlation_assessments')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('share_request_id', 'uuid', (c) => c.notNull().references('share_requests.id').onDelete('restrict'))
    .addColumn('assessor_user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('restrict'))
    .addColumn('agency_id', 'uuid', (c) => c.references('agencies.id').onDelete('restrict'))
    .addColumn('risk', 'jsonb', (c) => c.notNull())
    .addColumn('conclusion', 'text', (c) => c.notNull().check(sql`conclusion in ('permit', 'permit_with_conditions', 'refuse')`))
    .addColumn('opinion', 'text', (c) => c.notNull())
    .addColumn('measures', 'text')
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('assessed_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('correlation_assessments_request_idx')
    .on('correlation_assessments')
    .columns(['share_request_id', 'assessed_at'])
    .execute();
  await comment(
    db,
    'correlation_assessments',
    'Security assessments of data correlation before a share grant is made (R31.1); the latest one per request counts',
    {
      id: 'Primary key',
      share_request_id: 'The share request assessed',
      assessor_user_id: 'Who recorded the assessment (a security supervisor or a bureau administrator)',
      agency_id: 'The assessor’s agency at the time',
      risk: 'Snapshot of the correlation check assessed: identifier, joinable resources, level 3+ fields, reason',
      conclusion: 'permit, permit_with_conditions or refuse (a refusal rejects the request with the assessment as its reason)',
      opinion: 'The assessment’s findings; the reason the requester sees when it refuses',
      measures: 'Security measures and conditions of use; required for permit_with_conditions and shown on the grant',
      basis: 'The basis of the assessment (laws, standards, assessment report reference)',
      assessed_at: 'When the assessment was recorded',
    },
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('correlation_assessments').execute();
  await db.schema.dropTable('correlation_checks').execute();
}
