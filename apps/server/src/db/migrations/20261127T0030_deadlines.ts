/**
 * The clock of the regulation: the official holiday calendar as data (R37.1), versioned rule sets
 * (R37.1), deadlines as rows (decision 4), in-app notifications, and rectification orders (R35.1),
 * the first workflow that runs on deadlines.
 */
import { sql, type Kysely } from 'kysely';
import { comment } from './comment.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('calendar_years')
    .addColumn('year', 'integer', (c) => c.primaryKey().check(sql`year between 1949 and 2200`))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('holidays_on_weekdays', sql`date[]`, (c) => c.notNull())
    .addColumn('makeup_workdays', sql`date[]`, (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await comment(
    db,
    'calendar_years',
    'Official State Council holiday arrangements per year (工作日计算, R37.1); a year absent here is unpublished',
    {
      year: 'Calendar year',
      source: 'The notice the arrangements come from, e.g. 国务院办公厅关于2026年部分节假日安排的通知',
      holidays_on_weekdays: 'Monday–Friday dates that are days off',
      makeup_workdays: 'Saturday/Sunday dates that are working days (调休)',
      updated_at: 'When the year was imported or last edited',
      updated_by: 'The bureau administrator who imported or edited it; null for the shipped data',
    },
  );

  await db.schema
    .createTable('rule_sets')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'date', (c) => c.notNull())
    .addColumn('valid_to', 'date', (c) => c.notNull())
    .addColumn('document', 'jsonb', (c) => c.notNull())
    .addColumn('loaded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('loaded_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addCheckConstraint('rule_sets_validity', sql`valid_to >= valid_from`)
    .execute();
  await comment(
    db,
    'rule_sets',
    'Versioned rule sets: the time limits and categories of a regulation text with its validity period (R37.1)',
    {
      id: 'Primary key',
      code: 'Stable code, e.g. tengzhou-2025',
      title: 'Title of the regulation',
      source: 'Where the text comes from',
      valid_from: 'First day in force',
      valid_to: 'Last day in force',
      document: 'The whole rule set (limits by step, categories), as validated by domain parseRuleSet',
      loaded_at: 'When it was loaded',
      loaded_by: 'Who loaded it; null for the shipped rule set',
    },
  );

  await db.schema
    .createTable('deadlines')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('rule_set_id', 'uuid', (c) => c.notNull().references('rule_sets.id').onDelete('restrict'))
    .addColumn('article', 'text')
    .addColumn('requirement', 'text', (c) => c.notNull())
    .addColumn('responsible_agency_id', 'uuid', (c) => c.notNull().references('agencies.id').onDelete('restrict'))
    .addColumn('working_days', 'integer', (c) => c.notNull().check(sql`working_days >= 0`))
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('received_on', 'date', (c) => c.notNull())
    .addColumn('due_on', 'date', (c) => c.notNull())
    .addColumn('due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('provisional', 'boolean', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('open', 'met', 'overdue', 'cancelled')`))
    .addColumn('met_at', 'timestamptz')
    .addColumn('overdue_at', 'timestamptz')
    .addColumn('reminded_at', 'timestamptz')
    .addColumn('escalated_at', 'timestamptz')
    .addColumn('cancelled_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('deadlines_open_due_idx').on('deadlines').columns(['state', 'due_at']).execute();
  await db.schema.createIndex('deadlines_agency_idx').on('deadlines').columns(['responsible_agency_id', 'state']).execute();
  await db.schema.createIndex('deadlines_subject_idx').on('deadlines').columns(['subject_type', 'subject_id']).execute();
  await comment(
    db,
    'deadlines',
    'Every working-day deadline as a row (decision 4): one step of a workflow item, its due time, state and history',
    {
      id: 'Primary key',
      subject_type: 'Kind of workflow item, e.g. rectification_order, share_request',
      subject_id: 'Identifier of the workflow item',
      step: 'The step, a key of the rule set limits, e.g. share.conditional.provider_review',
      title: 'What the item is about, shown in pending lists and notifications',
      link: 'Path of the item in the web app',
      rule_set_id: 'The rule set that produced the limit (R37.1)',
      article: 'Article of the regulation, e.g. 第十四条; null for a platform default',
      requirement: 'Requirement id, e.g. R14.2',
      responsible_agency_id: 'Who must act: the bureau (its agency row) or an agency',
      working_days: 'The limit in working days',
      started_at: 'When the step started (filing time)',
      received_on: 'China date the step counts from (the filing day, or the next working day after hours)',
      due_on: 'China date of the last working day allowed',
      due_at: 'End of due_on, 23:59:59.999 Asia/Shanghai',
      provisional: 'True when the count crossed a year whose holiday arrangements were unpublished (weekdays only)',
      state: 'open, met, overdue or cancelled',
      met_at: 'When the step was done (late when after due_at)',
      overdue_at: 'When the sweeper marked it overdue',
      reminded_at: 'When the one-working-day-left reminder went out',
      escalated_at: 'When it was escalated to the bureau',
      cancelled_at: 'When the step was cancelled (e.g. the request was withdrawn)',
      created_at: 'When the row was created',
    },
  );

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title_zh', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('body_zh', 'text', (c) => c.notNull())
    .addColumn('body_en', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('deadline_id', 'uuid', (c) => c.references('deadlines.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('read_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('notifications_user_idx').on('notifications').columns(['user_id', 'created_at']).execute();
  await sql`create unique index notifications_once_idx on notifications (user_id, deadline_id, kind) where deadline_id is not null`.execute(
    db,
  );
  await comment(db, 'notifications', 'In-app notifications of each user (bell, list, mark read)', {
    id: 'Primary key',
    user_id: 'The recipient',
    kind: 'deadline.opened, deadline.due_soon, deadline.overdue, deadline.escalated, rectification.reported …',
    title_zh: 'Title in Chinese',
    title_en: 'Title in English',
    body_zh: 'Text in Chinese',
    body_en: 'Text in English',
    link: 'Path in the web app to act on it',
    deadline_id: 'The deadline it is about; one notification per user, deadline and kind',
    created_at: 'When it was sent',
    read_at: 'When the recipient marked it read',
  });

  await db.schema
    .createTable('rectification_orders')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('agency_id', 'uuid', (c) => c.notNull().references('agencies.id').onDelete('restrict'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('requirement', 'text', (c) => c.notNull())
    .addColumn('term_working_days', 'integer', (c) => c.notNull().check(sql`term_working_days between 1 and 365`))
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('open', 'reported', 'closed')`))
    .addColumn('round', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('issued_by', 'uuid', (c) => c.notNull().references('users.id').onDelete('restrict'))
    .addColumn('issued_at', 'timestamptz', (c) => c.notNull())
    .addColumn('report', 'text')
    .addColumn('reported_by', 'uuid', (c) => c.references('users.id').onDelete('restrict'))
    .addColumn('reported_at', 'timestamptz')
    .addColumn('review_comment', 'text')
    .addColumn('closed_by', 'uuid', (c) => c.references('users.id').onDelete('restrict'))
    .addColumn('closed_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('rectification_orders_agency_idx').on('rectification_orders').columns(['agency_id', 'state']).execute();
  await comment(
    db,
    'rectification_orders',
    '责令限期改正: orders to an agency that failed to collect, aggregate, share or open as required, tracked to closure (R35.1)',
    {
      id: 'Primary key',
      agency_id: 'The agency ordered to rectify',
      title: 'Short title of the order',
      reason: 'What the agency failed to do',
      requirement: 'The requirement it failed, e.g. R11.1',
      term_working_days: 'The term set by the order, in working days',
      state: 'open (awaiting the report), reported (awaiting the bureau), closed',
      round: 'Incremented each time the bureau returns a report as insufficient',
      issued_by: 'The bureau user who issued the order',
      issued_at: 'When it was issued',
      report: 'The agency’s rectification report',
      reported_by: 'The data steward who reported',
      reported_at: 'When the report was filed',
      review_comment: 'The bureau’s comment when closing or returning',
      closed_by: 'The bureau user who closed it',
      closed_at: 'When it was closed',
    },
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['rectification_orders', 'notifications', 'deadlines', 'rule_sets', 'calendar_years']) {
    await db.schema.dropTable(table).execute();
  }
}
