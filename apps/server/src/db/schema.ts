/**
 * Table types for Kysely, one interface per table of the migrations. Kept by hand next to the
 * migrations; the schema report test (schema.test.ts) fails when a column is missing here.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface AgenciesTable {
  id: Generated<string>;
  code: string;
  name: string;
  short_name: string | null;
  kind: string;
  level: string;
  parent_id: string | null;
  division_code: string;
  credit_code: string | null;
  sector: string | null;
  sector_authority_of: string | null;
  security_duty: string | null;
  responsible_person_name: string;
  responsible_person_title: string;
  responsible_person_phone: string | null;
  active: Generated<boolean>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface UsersTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  password_hash: string;
  agency_id: string | null;
  roles: ColumnType<string[], string[] | undefined, string[]>;
  public_kind: string | null;
  identity_number: string | null;
  contact_name: string | null;
  phone: string | null;
  email: string | null;
  disabled: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  last_login_at: Timestamp | null;
  password_changed_at: DefaultTimestamp;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface SessionsTable {
  id: Generated<string>;
  token_hash: string;
  user_id: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ended_at: Timestamp | null;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiKeysTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  prefix: string;
  key_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  last_used_at: Timestamp | null;
}

export interface AuditLogTable {
  seq: ColumnType<number, never, never>;
  at: Timestamp;
  actor_user_id: string | null;
  actor_label: string;
  actor_agency_id: string | null;
  via: string;
  action: string;
  subject_type: string;
  subject_id: string | null;
  outcome: string;
  request_id: string | null;
  ip: string | null;
  details: ColumnType<Record<string, unknown>, string, string>;
  hash_alg: string;
  prev_hash: string;
  hash: string;
}

export interface PlatformMetaTable {
  key: string;
  value: ColumnType<unknown, string, string>;
  updated_at: DefaultTimestamp;
}

/** A `date` column: always a 'YYYY-MM-DD' string (see connect.ts). */
type DateColumn = ColumnType<string, string, string>;

export interface CalendarYearsTable {
  year: number;
  source: string;
  /** Selected with ::text[] (see calendar.repository.ts). */
  holidays_on_weekdays: ColumnType<string[], string[], string[]>;
  makeup_workdays: ColumnType<string[], string[], string[]>;
  updated_at: DefaultTimestamp;
  updated_by: string | null;
}

export interface RuleSetsTable {
  id: Generated<string>;
  code: string;
  title: string;
  source: string;
  valid_from: DateColumn;
  valid_to: DateColumn;
  document: ColumnType<unknown, string, string>;
  loaded_at: DefaultTimestamp;
  loaded_by: string | null;
}

export interface DeadlinesTable {
  id: Generated<string>;
  subject_type: string;
  subject_id: string;
  step: string;
  title: string;
  link: string | null;
  rule_set_id: string;
  article: string | null;
  requirement: string;
  responsible_agency_id: string;
  working_days: number;
  started_at: Timestamp;
  received_on: DateColumn;
  due_on: DateColumn;
  due_at: Timestamp;
  provisional: boolean;
  state: string;
  met_at: Timestamp | null;
  overdue_at: Timestamp | null;
  reminded_at: Timestamp | null;
  escalated_at: Timestamp | null;
  cancelled_at: Timestamp | null;
  created_at: DefaultTimestamp;
}

export interface NotificationsTable {
  id: Generated<string>;
  user_id: string;
  kind: string;
  title_zh: string;
  title_en: string;
  body_zh: string;
  body_en: string;
  link: string | null;
  deadline_id: string | null;
  created_at: Timestamp;
  read_at: Timestamp | null;
}

export interface RectificationOrdersTable {
  id: Generated<string>;
  agency_id: string;
  title: string;
  reason: string;
  requirement: string;
  term_working_days: number;
  state: string;
  round: Generated<number>;
  issued_by: string;
  issued_at: Timestamp;
  report: string | null;
  reported_by: string | null;
  reported_at: Timestamp | null;
  review_comment: string | null;
  closed_by: string | null;
  closed_at: Timestamp | null;
}

export interface Database {
  agencies: AgenciesTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_keys: ApiKeysTable;
  audit_log: AuditLogTable;
  platform_meta: PlatformMetaTable;
  calendar_years: CalendarYearsTable;
  rule_sets: RuleSetsTable;
  deadlines: DeadlinesTable;
  notifications: NotificationsTable;
  rectification_orders: RectificationOrdersTable;
}

export type AgencyRow = Selectable<AgenciesTable>;
export type NewAgency = Insertable<AgenciesTable>;
export type AgencyUpdate = Updateable<AgenciesTable>;
export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type ApiKeyRow = Selectable<ApiKeysTable>;
export type AuditRow = Selectable<AuditLogTable>;
export type DeadlineRow = Selectable<DeadlinesTable>;
export type NotificationRow = Selectable<NotificationsTable>;
export type RectificationRow = Selectable<RectificationOrdersTable>;
