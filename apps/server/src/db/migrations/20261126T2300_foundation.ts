/**
 * Foundation: agencies (R5.1, R6.1, R27.1), users and roles (R6.1, R8.1), sessions and API keys,
 * the hash-chained audit log (R29.1), and platform metadata.
 */
import { sql, type Kysely } from 'kysely';
import { comment } from './comment.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('agencies')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('short_name', 'text')
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('bureau', 'department', 'town', 'institution', 'enterprise', 'operator')`),
    )
    .addColumn('level', 'text', (c) => c.notNull().check(sql`level in ('city', 'town')`))
    .addColumn('parent_id', 'uuid', (c) => c.references('agencies.id').onDelete('restrict'))
    .addColumn('division_code', 'text', (c) => c.notNull().check(sql`division_code ~ '^[0-9]{6}([0-9]{3})?$'`))
    .addColumn('credit_code', 'text', (c) => c.unique())
    .addColumn('sector', 'text')
    .addColumn('sector_authority_of', 'text', (c) => c.unique())
    .addColumn('security_duty', 'text', (c) => c.check(sql`security_duty in ('cyberspace', 'public_security', 'secrecy')`))
    .addColumn('responsible_person_name', 'text', (c) => c.notNull())
    .addColumn('responsible_person_title', 'text', (c) => c.notNull())
    .addColumn('responsible_person_phone', 'text')
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('agencies_parent_idx').on('agencies').column('parent_id').execute();
  await comment(
    db,
    'agencies',
    '公共管理和服务机构 (agencies) as a hierarchy (R5.1) with their sector (R6.1) and first responsible person (R27.1)',
    {
      id: 'Primary key',
      code: 'Short stable code used in URLs, imports and resource codes',
      name: 'Full official name (unique)',
      short_name: 'Short name shown in lists',
      kind: 'bureau | department | town | institution | enterprise | operator (R5.1)',
      level: 'city or town; towns and streets (镇、街道) file sharing needs through the bureau (R15.2)',
      parent_id: 'The agency above this one in the hierarchy (R5.1); null for the top',
      division_code: 'Administrative division code: 6 digits, or 9 for a town or street',
      credit_code: 'Unified social credit code of the agency (GB 32100), when known',
      sector: 'The sector the agency belongs to; that sector authority oversees it (R6.1)',
      sector_authority_of: 'The sector this agency is the authority of, one of the ten of R6.1',
      security_duty: 'cyberspace | public_security | secrecy: the security supervisors of R6.1',
      responsible_person_name: 'First responsible person (第一责任人, R27.1)',
      responsible_person_title: 'Title of the first responsible person (R27.1)',
      responsible_person_phone: 'Office phone of the first responsible person',
      active: 'False once the agency is dissolved; kept for history',
      created_at: 'When the row was created',
      updated_at: 'When the row last changed',
    },
  );

  await db.schema
    .createTable('users')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('agency_id', 'uuid', (c) => c.references('agencies.id').onDelete('restrict'))
    .addColumn('roles', sql`text[]`, (c) =>
      c
        .notNull()
        .defaultTo(sql`'{}'::text[]`)
        .check(
          sql`roles <@ array['bureau_admin', 'bureau_reviewer', 'steward', 'agency_staff', 'sector_supervisor', 'security_supervisor', 'operator', 'public_user']::text[]`,
        ),
    )
    .addColumn('public_kind', 'text', (c) => c.check(sql`public_kind in ('citizen', 'organization')`))
    .addColumn('identity_number', 'text')
    .addColumn('contact_name', 'text')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('disabled', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'timestamptz')
    .addColumn('last_login_at', 'timestamptz')
    .addColumn('password_changed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index users_username_key on users (lower(username))`.execute(db);
  await db.schema.createIndex('users_agency_idx').on('users').column('agency_id').execute();
  await sql`create unique index users_identity_key on users (public_kind, identity_number) where identity_number is not null`.execute(db);
  await comment(db, 'users', 'Accounts: agency people with roles (R6.1) and registered public users', {
    id: 'Primary key',
    username: 'Sign-in name, unique without regard to case',
    display_name: 'Name shown in the interface',
    password_hash: 'argon2id hash (PHC string); never the password',
    agency_id: 'The agency the user works for; null for public users',
    roles:
      'Roles held: bureau_admin, bureau_reviewer, steward (数据专员, R8.1), agency_staff, sector_supervisor, security_supervisor, operator, public_user',
    public_kind: 'For public users: citizen (by citizen ID number) or organization (by credit code)',
    identity_number: 'Citizen ID number (GB 11643) or unified social credit code (GB 32100) of a public user; personal data',
    contact_name: 'Contact person of an organization registered as a public user',
    phone: 'Contact phone; personal data',
    email: 'Contact e-mail; personal data',
    disabled: 'A disabled account cannot sign in or use its API keys',
    failed_logins: 'Consecutive failed sign-ins since the last success',
    locked_until: 'Sign-in refused until this time after too many failures',
    last_login_at: 'Last successful sign-in',
    password_changed_at: 'When the password was last set',
    created_at: 'When the row was created',
    updated_at: 'When the row last changed',
  });

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ended_at', 'timestamptz')
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();
  await comment(db, 'sessions', 'Browser sessions: the cookie holds a random token, the table only its hash', {
    id: 'Primary key',
    token_hash: 'SHA-256 of the session token in the cookie',
    user_id: 'The signed-in user',
    created_at: 'Sign-in time',
    last_seen_at: 'Last request; the session ends after the idle timeout',
    expires_at: 'Absolute expiry whatever the activity',
    ended_at: 'Set on logout or revocation',
    ip: 'Client address at sign-in',
    user_agent: 'Browser at sign-in',
  });

  await db.schema
    .createTable('api_keys')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('last_used_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('api_keys_user_idx').on('api_keys').column('user_id').execute();
  await comment(db, 'api_keys', 'API keys of agency systems and open-data users: shown once, stored hashed, revocable, expiring', {
    id: 'Primary key',
    user_id: 'The account the key acts as',
    name: 'What the key is for, named by its owner',
    prefix: 'First characters of the key, to recognise it in lists',
    key_hash: 'SHA-256 of the whole key; the key itself is never stored',
    created_at: 'When the key was issued',
    expires_at: 'The key stops working at this time',
    revoked_at: 'Set when the owner or an administrator revokes the key',
    last_used_at: 'Last successful use',
  });

  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor_user_id', 'uuid')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('actor_agency_id', 'uuid')
    .addColumn('via', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome in ('ok', 'denied', 'failed')`))
    .addColumn('request_id', 'text')
    .addColumn('ip', 'text')
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('hash_alg', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_at_idx').on('audit_log').column('at').execute();
  await db.schema.createIndex('audit_log_actor_idx').on('audit_log').columns(['actor_user_id', 'at']).execute();
  await db.schema.createIndex('audit_log_subject_idx').on('audit_log').columns(['subject_type', 'subject_id']).execute();
  await comment(
    db,
    'audit_log',
    'Append-only, hash-chained audit trail of every state change and data access (R29.1); verified by gongshu audit verify',
    {
      seq: 'Position in the chain, gap-free in commit order of the chain lock',
      at: 'When the action happened',
      actor_user_id: 'The user who acted; null for anonymous visitors and the system',
      actor_label: 'Username, "anonymous" or "system" at the time of the action',
      actor_agency_id: 'The agency of the actor at the time of the action',
      via: 'session | api_key | cli | system | anonymous',
      action: 'What was done, e.g. auth.login, user.create, agency.update',
      subject_type: 'Kind of object acted on',
      subject_id: 'Identifier of the object acted on',
      outcome: 'ok, denied (refused by a rule) or failed',
      request_id: 'HTTP request id, to join with the logs',
      ip: 'Client address',
      details: 'What changed or was accessed (never passwords or tokens)',
      hash_alg: 'sm3 or sha256',
      prev_hash: 'Hash of the previous entry (64 zeros for the first)',
      hash: 'Hash over prev_hash and the canonical JSON of this entry',
    },
  );

  // Append-only (R29.1): the database itself refuses to change or delete audit entries.
  await sql`
    create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only (R29.1)';
    end $$`.execute(db);
  await sql`create trigger audit_log_no_update before update or delete on audit_log for each statement execute function audit_log_append_only()`.execute(
    db,
  );
  await sql`create trigger audit_log_no_truncate before truncate on audit_log for each statement execute function audit_log_append_only()`.execute(
    db,
  );

  await db.schema
    .createTable('platform_meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'jsonb', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await comment(db, 'platform_meta', 'Facts about this installation, e.g. when the demo city was seeded', {
    key: 'Name of the fact',
    value: 'Its value',
    updated_at: 'When it was last set',
  });
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table platform_meta, audit_log cascade`.execute(db);
  await sql`drop function audit_log_append_only()`.execute(db);
  for (const table of ['api_keys', 'sessions', 'users', 'agencies']) {
    await db.schema.dropTable(table).execute();
  }
}
