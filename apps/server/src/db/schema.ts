/**
 * Table types for Kysely, one interface per table of the migrations. Kept by hand next to the
 * migrations; the schema report test (schema.test.ts) fails when a column is missing here.
 */
import type { MaskKind } from '@gongshu/domain';
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
  /** The third-party service provider whose staff the account belongs to (R30.1). */
  service_provider_id: ColumnType<string | null, string | null | undefined, string | null>;
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

export interface CatalogClassesTable {
  code: string;
  name: string;
  level: number;
  parent_code: string | null;
}

export interface CatalogSequencesTable {
  classification_code: string;
  last_value: number;
}

export interface CatalogResourcesTable {
  id: Generated<string>;
  code: string | null;
  provider_agency_id: string;
  current_version_id: string | null;
  first_published_at: Timestamp | null;
  last_published_at: Timestamp | null;
  created_at: Timestamp;
}

export interface CatalogVersionsTable {
  id: Generated<string>;
  resource_id: string;
  number: number;
  kind: string;
  state: string;
  metadata: ColumnType<unknown, string, string>;
  justification: string | null;
  overlaps: ColumnType<unknown, string | undefined, string>;
  change_reason: string | null;
  law_change_date: DateColumn | null;
  filing_due_on: DateColumn | null;
  filed_late: boolean | null;
  downgrades: ColumnType<string[], string[] | undefined, string[]>;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  submitted_by: string | null;
  submitted_at: Timestamp | null;
  reviewed_by: string | null;
  reviewed_at: Timestamp | null;
  review_comment: string | null;
  return_reasons: ColumnType<unknown, string | undefined, string>;
  downgrade_decided_by: string | null;
  downgrade_decided_at: Timestamp | null;
  published_at: Timestamp | null;
}

export interface CatalogSearchTable {
  resource_id: string;
  code: string;
  name: string;
  name_en: string | null;
  summary: string;
  keywords: ColumnType<string[], string[], string[]>;
  provider_agency_id: string;
  provider_name: string;
  sector: string | null;
  classification_code: string;
  class_top: string;
  share_type: string;
  open_type: string;
  format_category: string;
  update_frequency: string;
  security_level: number;
  field_count: number;
  published_at: Timestamp;
  search_vector: ColumnType<string, unknown, unknown>;
}

export interface ResourceTablesTable {
  resource_id: string;
  table_name: string;
  version_number: number;
  columns: ColumnType<unknown, string, string>;
  identifier_column: string | null;
  row_count: ColumnType<number, number | undefined, number>;
  last_batch_id: string | null;
  last_loaded_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  overdue_notified_at: Timestamp | null;
  /** Encryption layout (R29.1): [{code, blindIndex}] (modules/encryption/encryption-layout.ts). */
  encrypted_columns: ColumnType<unknown, string | undefined, string>;
}

export interface QualitySettingsTable {
  resource_id: string;
  owner_user_id: string | null;
  rules: ColumnType<unknown, string, string>;
  policy: string;
  threshold: ColumnType<string, number | string, number | string>;
  updated_at: Timestamp;
}

export interface LoadBatchesTable {
  id: Generated<string>;
  resource_id: string;
  mode: string;
  channel: string;
  format: string;
  encoding: string | null;
  file_name: string | null;
  file_path: string | null;
  idempotency_key: string | null;
  state: string;
  rows_read: ColumnType<number, number | undefined, number>;
  rows_loaded: ColumnType<number, number | undefined, number>;
  rows_quarantined: ColumnType<number, number | undefined, number>;
  bytes_total: number | null;
  bytes_read: ColumnType<number, number | undefined, number>;
  message: ColumnType<unknown, string | null, string | null>;
  actor_user_id: string | null;
  created_at: Timestamp;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
  owner: string | null;
}

export interface DataProblemsTable {
  id: Generated<string>;
  resource_id: string;
  batch_id: string | null;
  source: string;
  row_number: number | null;
  problems: ColumnType<unknown, string, string>;
  raw: ColumnType<unknown, string | null, string | null>;
  record_key: string | null;
  description: string | null;
  reporter_user_id: string | null;
  state: string;
  resolution: string | null;
  fixed_batch_id: string | null;
  fixed_at: Timestamp | null;
  fixed_by: string | null;
  confirmed_at: Timestamp | null;
  confirmed_by: string | null;
  created_at: Timestamp;
}

export interface QualityScoresTable {
  id: Generated<string>;
  resource_id: string;
  batch_id: string | null;
  computed_at: Timestamp;
  completeness: number;
  validity: number;
  uniqueness: number;
  timeliness: number;
  score: number;
  overdue: boolean;
}

export interface ShareRequestsTable {
  id: Generated<string>;
  number: string;
  route: string;
  state: string;
  requester_agency_id: string;
  filed_by_user_id: string | null;
  filed_by_bureau: boolean;
  resource_id: string | null;
  provider_agency_id: string | null;
  upper_level: string | null;
  data_description: string | null;
  fields: ColumnType<string[], string, string>;
  scenario: string;
  legal_duty: string;
  period_from: ColumnType<string, string, string>;
  period_to: ColumnType<string, string, string>;
  commitments: ColumnType<Record<string, boolean>, string, string>;
  api_key_ids: ColumnType<string[], string, string>;
  approved_fields: ColumnType<string[] | null, string | null, string | null>;
  approved_period_to: ColumnType<string | null, string | null, string | null>;
  rejection: ColumnType<unknown, string | null, string | null>;
  answer: ColumnType<unknown, string | null, string | null>;
  upper_reference: string | null;
  grant_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  closed_at: Timestamp | null;
}

export interface ShareRequestEventsTable {
  id: Generated<string>;
  seq: ColumnType<number, never, never>;
  request_id: string;
  at: Timestamp;
  actor_user_id: string | null;
  actor_label: string;
  actor_agency_id: string | null;
  action: string;
  from_state: string | null;
  to_state: string;
  note: string | null;
}

export interface ShareConsultationsTable {
  request_id: string;
  opened_by_user_id: string | null;
  opened_at: Timestamp;
  reason: string;
  participants: ColumnType<string[], string, string>;
  entries: ColumnType<unknown[], string, string>;
  outcome: string | null;
  outcome_note: string | null;
  decided_by_user_id: string | null;
  decided_at: Timestamp | null;
}

export interface ShareGrantsTable {
  id: Generated<string>;
  number: string;
  request_id: string | null;
  consumer_agency_id: string;
  provider_agency_id: string;
  resource_id: string;
  fields: ColumnType<string[], string, string>;
  purpose: string;
  valid_from: Timestamp;
  valid_to: Timestamp;
  state: string;
  state_reason: string | null;
  state_changed_at: Timestamp | null;
  expiry_notified_at: Timestamp | null;
  watermark_key: string;
  citation: string;
  created_by_user_id: string | null;
  created_at: Timestamp;
  /** Per-field mask overrides chosen at approval (R29.1): {code: MaskKind}. */
  field_masks: ColumnType<Record<string, MaskKind>, string | undefined, string>;
}

export interface ShareGrantKeysTable {
  grant_id: string;
  api_key_id: string;
}

export interface DeliveriesTable {
  id: string;
  serial: ColumnType<number, never, never>;
  grant_id: string | null;
  channel: ColumnType<'share' | 'open', 'share' | 'open' | undefined, 'share' | 'open'>;
  resource_id: string | null;
  open_grant_id: string | null;
  derivative_id: string | null;
  kind: string;
  format: string | null;
  via: string;
  api_key_id: string | null;
  user_id: string | null;
  at: Timestamp;
  rows: number;
  fields: ColumnType<string[], string, string>;
  parameters: ColumnType<unknown, string, string>;
  fingerprint: string | null;
  request_id: string | null;
  completed_at: Timestamp | null;
}

type Json<T> = ColumnType<T, string, string>;
type NullableJson<T> = ColumnType<T | null, string | null, string | null>;

export interface OpenApplicationsTable {
  id: Generated<string>;
  number: string;
  route: 'conditional' | 'demand';
  state: string;
  applicant_user_id: string;
  resource_id: string | null;
  provider_agency_id: string | null;
  title: string;
  data_description: string | null;
  fields: Json<string[]>;
  purpose: string;
  measures: string | null;
  period_from: DateColumn | null;
  period_to: DateColumn | null;
  commitments: Json<Record<string, boolean>>;
  approved_fields: NullableJson<string[]>;
  approved_period_to: DateColumn | null;
  rejection: NullableJson<unknown>;
  answer: NullableJson<unknown>;
  grant_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  closed_at: Timestamp | null;
}

export interface OpenApplicationEventsTable {
  id: Generated<string>;
  seq: ColumnType<number, never, never>;
  application_id: string;
  at: Timestamp;
  actor_user_id: string | null;
  actor_label: string;
  action: string;
  from_state: string | null;
  to_state: string;
  note: string | null;
}

export interface OpenGrantsTable {
  id: Generated<string>;
  number: string;
  application_id: string;
  user_id: string;
  resource_id: string;
  provider_agency_id: string;
  fields: Json<string[]>;
  purpose: string;
  valid_from: Timestamp;
  valid_to: Timestamp;
  state: 'active' | 'suspended' | 'revoked';
  state_reason: string | null;
  state_changed_at: Timestamp | null;
  suspended_for_report: ColumnType<boolean, boolean | undefined, boolean>;
  report_every_months: number;
  watermark_key: string;
  citation: string;
  created_by_user_id: string | null;
  created_at: Timestamp;
  /** Per-field mask overrides chosen at approval (R29.1): {code: MaskKind}. */
  field_masks: ColumnType<Record<string, MaskKind>, string | undefined, string>;
}

export interface OpenUsageReportsTable {
  id: Generated<string>;
  grant_id: string;
  due_on: DateColumn;
  reminded_at: Timestamp | null;
  submitted_at: Timestamp | null;
  overdue_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  submitted_by_user_id: string | null;
  built: string | null;
  outcome: string | null;
  links: NullableJson<string[]>;
  protection: string | null;
}

export interface OpenObjectionsTable {
  id: Generated<string>;
  number: string;
  resource_id: string;
  provider_agency_id: string;
  user_id: string | null;
  kind: 'error' | 'omission' | 'infringement' | 'suggestion';
  field_code: string | null;
  description: string;
  state: 'open' | 'answered';
  answer: string | null;
  answer_action: 'corrected' | 'will_correct' | 'no_change' | 'removed' | null;
  answered_by_user_id: string | null;
  answered_at: Timestamp | null;
  created_at: Timestamp;
}

export interface ShowcaseItemsTable {
  id: Generated<string>;
  user_id: string | null;
  kind: 'application' | 'research' | 'article' | 'scenario';
  title: string;
  summary: string;
  url: string | null;
  author: string;
  resource_ids: Json<string[]>;
  state: 'pending' | 'approved' | 'rejected' | 'withdrawn';
  moderation_note: string | null;
  moderated_by_user_id: string | null;
  moderated_at: Timestamp | null;
  created_at: Timestamp;
}

export interface OpenDerivativesTable {
  id: Generated<string>;
  resource_id: string;
  name: string;
  description: string | null;
  transforms: Json<unknown>;
  quasi_identifiers: Json<string[]>;
  k: number;
  basis: 'k_anonymity' | 'consent';
  consent: NullableJson<unknown>;
  check_result: NullableJson<unknown>;
  checked_at: Timestamp | null;
  state: 'draft' | 'published' | 'withdrawn';
  table_name: string | null;
  rows: number | null;
  created_by_user_id: string | null;
  created_at: Timestamp;
  published_by_user_id: string | null;
  published_at: Timestamp | null;
}

export interface ApiKeyDailyUsageTable {
  api_key_id: string;
  day: DateColumn;
  calls: number;
}

export interface ResourceViewsTable {
  resource_id: string;
  day: DateColumn;
  views: number;
}

/** Open-channel use per resource, kept by a trigger on deliveries (portal counts). */
export interface OpenUsageCountsTable {
  resource_id: string;
  of_derivative: boolean;
  downloads: number;
  api_calls: number;
}

/** Third-party service providers and their security and confidentiality agreements (R30.1). */
export interface ServiceProvidersTable {
  id: Generated<string>;
  agency_id: string;
  name: string;
  credit_code: string;
  agreement_number: string;
  service_scope: string;
  systems: ColumnType<string[], string, string>;
  contact_name: string | null;
  contact_phone: string | null;
  /** Dates are 'YYYY-MM-DD' strings (db/connect.ts). */
  agreement_signed_on: string;
  no_retention: boolean;
  no_use: boolean;
  no_onward_transfer: boolean;
  valid_from: string;
  valid_to: string;
  state: 'active' | 'ended' | 'terminated';
  end_reason: string | null;
  ended_on: string | null;
  expiry_notified_for: string | null;
  created_by_user_id: string | null;
  created_at: Timestamp;
  updated_by_user_id: string | null;
  updated_at: Timestamp;
}
export type ServiceProviderRow = Selectable<ServiceProvidersTable>;

/** The latest correlation check of a share request (R31.1). */
export interface CorrelationChecksTable {
  share_request_id: string;
  applies: boolean;
  risk: ColumnType<unknown, string, string>;
  stage: 'filed' | 'approval';
  checked_at: Timestamp;
}

/** Security assessments of data correlation before a share grant (R31.1). */
export interface CorrelationAssessmentsTable {
  id: Generated<string>;
  share_request_id: string;
  assessor_user_id: string;
  agency_id: string | null;
  risk: ColumnType<unknown, string, string>;
  conclusion: 'permit' | 'permit_with_conditions' | 'refuse';
  opinion: string;
  measures: string | null;
  basis: string;
  assessed_at: Timestamp;
}

/** Unusual access raised by the periodic sweep over the deliveries (R29.1, issue 8 item 4). */
export interface AccessAlertsTable {
  id: Generated<string>;
  kind: 'spike' | 'first_heavy' | 'off_hours';
  subject_type: 'api_key' | 'user' | 'share_grant' | 'open_grant';
  subject_id: string;
  subject_label: string;
  agency_id: string | null;
  window_kind: 'hour' | 'day';
  window_start: Timestamp;
  window_end: Timestamp;
  /** bigint: read as a number (counts of records stay far below 2^53). */
  observed: ColumnType<number, number, number>;
  baseline: number | null;
  factor: number;
  floor: number;
  raised_at: Timestamp;
  state: ColumnType<'open' | 'acknowledged' | 'closed', 'open' | 'acknowledged' | 'closed' | undefined, 'open' | 'acknowledged' | 'closed'>;
  acknowledged_by: string | null;
  acknowledged_at: Timestamp | null;
  note: string | null;
  closed_by: string | null;
  closed_at: Timestamp | null;
  close_note: string | null;
}
export type AccessAlertRow = Selectable<AccessAlertsTable>;

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
  catalog_classes: CatalogClassesTable;
  catalog_sequences: CatalogSequencesTable;
  catalog_resources: CatalogResourcesTable;
  catalog_versions: CatalogVersionsTable;
  catalog_search: CatalogSearchTable;
  resource_tables: ResourceTablesTable;
  quality_settings: QualitySettingsTable;
  load_batches: LoadBatchesTable;
  data_problems: DataProblemsTable;
  quality_scores: QualityScoresTable;
  share_requests: ShareRequestsTable;
  share_request_events: ShareRequestEventsTable;
  share_consultations: ShareConsultationsTable;
  share_grants: ShareGrantsTable;
  share_grant_keys: ShareGrantKeysTable;
  correlation_checks: CorrelationChecksTable;
  correlation_assessments: CorrelationAssessmentsTable;
  deliveries: DeliveriesTable;
  open_applications: OpenApplicationsTable;
  open_application_events: OpenApplicationEventsTable;
  open_grants: OpenGrantsTable;
  open_usage_reports: OpenUsageReportsTable;
  open_objections: OpenObjectionsTable;
  showcase_items: ShowcaseItemsTable;
  open_derivatives: OpenDerivativesTable;
  api_key_daily_usage: ApiKeyDailyUsageTable;
  resource_views: ResourceViewsTable;
  open_usage_counts: OpenUsageCountsTable;
  access_alerts: AccessAlertsTable;
  service_providers: ServiceProvidersTable;
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
export type CatalogVersionRow = Selectable<CatalogVersionsTable>;
export type CatalogResourceRow = Selectable<CatalogResourcesTable>;
export type LoadBatchRow = Selectable<LoadBatchesTable>;
export type ResourceTableRow = Selectable<ResourceTablesTable>;
export type ShareRequestRow = Selectable<ShareRequestsTable>;
export type ShareGrantRow = Selectable<ShareGrantsTable>;
export type DeliveryRow = Selectable<DeliveriesTable>;
