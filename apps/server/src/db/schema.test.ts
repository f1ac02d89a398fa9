/**
 * The schema documents itself (house style): every table and column of ours carries a COMMENT,
 * and the hand-written Kysely types list exactly the columns the migrations create.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/harness.js';
import type { Db } from './connect.js';

/** Columns per table as declared in schema.ts; kept in step by this test. */
const DECLARED: Record<string, string[]> = {
  agencies: [
    'id',
    'code',
    'name',
    'short_name',
    'kind',
    'level',
    'parent_id',
    'division_code',
    'credit_code',
    'sector',
    'sector_authority_of',
    'security_duty',
    'responsible_person_name',
    'responsible_person_title',
    'responsible_person_phone',
    'active',
    'created_at',
    'updated_at',
  ],
  users: [
    'id',
    'username',
    'display_name',
    'password_hash',
    'agency_id',
    'roles',
    'public_kind',
    'identity_number',
    'contact_name',
    'phone',
    'email',
    'disabled',
    'failed_logins',
    'locked_until',
    'last_login_at',
    'password_changed_at',
    'created_at',
    'updated_at',
  ],
  sessions: ['id', 'token_hash', 'user_id', 'created_at', 'last_seen_at', 'expires_at', 'ended_at', 'ip', 'user_agent'],
  api_keys: ['id', 'user_id', 'name', 'prefix', 'key_hash', 'created_at', 'expires_at', 'revoked_at', 'last_used_at'],
  audit_log: [
    'seq',
    'at',
    'actor_user_id',
    'actor_label',
    'actor_agency_id',
    'via',
    'action',
    'subject_type',
    'subject_id',
    'outcome',
    'request_id',
    'ip',
    'details',
    'hash_alg',
    'prev_hash',
    'hash',
  ],
  platform_meta: ['key', 'value', 'updated_at'],
  calendar_years: ['year', 'source', 'holidays_on_weekdays', 'makeup_workdays', 'updated_at', 'updated_by'],
  rule_sets: ['id', 'code', 'title', 'source', 'valid_from', 'valid_to', 'document', 'loaded_at', 'loaded_by'],
  deadlines: [
    'id',
    'subject_type',
    'subject_id',
    'step',
    'title',
    'link',
    'rule_set_id',
    'article',
    'requirement',
    'responsible_agency_id',
    'working_days',
    'started_at',
    'received_on',
    'due_on',
    'due_at',
    'provisional',
    'state',
    'met_at',
    'overdue_at',
    'reminded_at',
    'escalated_at',
    'cancelled_at',
    'created_at',
  ],
  notifications: ['id', 'user_id', 'kind', 'title_zh', 'title_en', 'body_zh', 'body_en', 'link', 'deadline_id', 'created_at', 'read_at'],
  catalog_classes: ['code', 'name', 'level', 'parent_code'],
  catalog_sequences: ['classification_code', 'last_value'],
  catalog_resources: ['id', 'code', 'provider_agency_id', 'current_version_id', 'first_published_at', 'last_published_at', 'created_at'],
  catalog_versions: [
    'id',
    'resource_id',
    'number',
    'kind',
    'state',
    'metadata',
    'justification',
    'overlaps',
    'change_reason',
    'law_change_date',
    'filing_due_on',
    'filed_late',
    'downgrades',
    'created_by',
    'created_at',
    'updated_at',
    'submitted_by',
    'submitted_at',
    'reviewed_by',
    'reviewed_at',
    'review_comment',
    'return_reasons',
    'downgrade_decided_by',
    'downgrade_decided_at',
    'published_at',
  ],
  catalog_search: [
    'resource_id',
    'code',
    'name',
    'name_en',
    'summary',
    'keywords',
    'provider_agency_id',
    'provider_name',
    'sector',
    'classification_code',
    'class_top',
    'share_type',
    'open_type',
    'format_category',
    'update_frequency',
    'security_level',
    'field_count',
    'published_at',
    'search_vector',
  ],
  resource_tables: [
    'resource_id',
    'table_name',
    'version_number',
    'columns',
    'identifier_column',
    'row_count',
    'last_batch_id',
    'last_loaded_at',
    'created_at',
    'updated_at',
    'overdue_notified_at',
  ],
  quality_settings: ['resource_id', 'owner_user_id', 'rules', 'policy', 'threshold', 'updated_at'],
  load_batches: [
    'id',
    'resource_id',
    'mode',
    'channel',
    'format',
    'encoding',
    'file_name',
    'file_path',
    'idempotency_key',
    'state',
    'rows_read',
    'rows_loaded',
    'rows_quarantined',
    'bytes_total',
    'bytes_read',
    'message',
    'actor_user_id',
    'created_at',
    'started_at',
    'finished_at',
  ],
  data_problems: [
    'id',
    'resource_id',
    'batch_id',
    'source',
    'row_number',
    'problems',
    'raw',
    'record_key',
    'description',
    'reporter_user_id',
    'state',
    'resolution',
    'fixed_batch_id',
    'fixed_at',
    'fixed_by',
    'confirmed_at',
    'confirmed_by',
    'created_at',
  ],
  quality_scores: [
    'id',
    'resource_id',
    'batch_id',
    'computed_at',
    'completeness',
    'validity',
    'uniqueness',
    'timeliness',
    'score',
    'overdue',
  ],
  rectification_orders: [
    'id',
    'agency_id',
    'title',
    'reason',
    'requirement',
    'term_working_days',
    'state',
    'round',
    'issued_by',
    'issued_at',
    'report',
    'reported_by',
    'reported_at',
    'review_comment',
    'closed_by',
    'closed_at',
  ],
};

let db: Db;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db.close());

const ownTables = sql<{ table_name: string }>`
  select c.relname as table_name from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where n.nspname = 'public' and c.relkind = 'r' and c.relname not like 'schema_migrations%'`;

describe('database schema', () => {
  it('has a comment on every table and column', async () => {
    const missing = await sql<{ what: string }>`
      select c.relname || coalesce('.' || a.attname, '') as what
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      left join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      where n.nspname = 'public' and c.relkind = 'r' and c.relname not like 'schema_migrations%'
        and (obj_description(c.oid, 'pg_class') is null
             or (a.attname is not null and col_description(c.oid, a.attnum) is null))
      order by 1`.execute(db.kysely);
    expect(missing.rows.map((r) => r.what)).toEqual([]);
  });

  it('matches the Kysely table types', async () => {
    const tables = (await ownTables.execute(db.kysely)).rows.map((r) => r.table_name).sort();
    expect(tables).toEqual(Object.keys(DECLARED).sort());
    for (const [table, columns] of Object.entries(DECLARED)) {
      const actual = await sql<{ column_name: string }>`
        select column_name from information_schema.columns where table_schema = 'public' and table_name = ${table} order by ordinal_position`.execute(
        db.kysely,
      );
      expect(
        actual.rows.map((r) => r.column_name),
        table,
      ).toEqual(columns);
    }
  });

  it('returns int8 as numbers on both drivers', async () => {
    const row = await sql<{ n: number }>`select 9007199254740::int8 as n`.execute(db.kysely);
    expect(row.rows[0]?.n).toBe(9007199254740);
  });

  it('refuses roles that do not exist', async () => {
    await expect(sql`update users set roles = array['superuser'] where username = 'admin'`.execute(db.kysely)).rejects.toThrow();
  });
});
