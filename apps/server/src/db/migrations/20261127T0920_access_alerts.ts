/**
 * Audit for the security supervisors (R29.1, issue 8 item 4): the audit trail searchable by the
 * resource and the grant an entry names (in its subject or its details), deliveries readable by
 * time (the unusual-access sweep), and the alerts that sweep raises.
 */
import { sql, type Kysely } from 'kysely';
import { comment } from './comment.js';

/**
 * The resource and the grant an audit entry names in its details (exit and open deliveries name
 * resourceId and openGrantId; workflow entries name resource). The search (audit.repository.ts)
 * uses these very expressions, so that these indexes serve it.
 */
export const AUDIT_RESOURCE_REF = `coalesce(details->>'resourceId', details->>'resource')`;
export const AUDIT_GRANT_REF = `coalesce(details->>'grantId', details->>'openGrantId')`;

export async function up(db: Kysely<unknown>): Promise<void> {
  // Partial: most entries name neither, and the index then costs their writes nothing.
  await sql`create index audit_log_resource_ref_idx on audit_log ((${sql.raw(AUDIT_RESOURCE_REF)}), seq)
    where ${sql.raw(AUDIT_RESOURCE_REF)} is not null`.execute(db);
  await sql`create index audit_log_grant_ref_idx on audit_log ((${sql.raw(AUDIT_GRANT_REF)}), seq)
    where ${sql.raw(AUDIT_GRANT_REF)} is not null`.execute(db);
  // The sweep reads today's deliveries by time.
  await sql`create index deliveries_at_idx on deliveries (at)`.execute(db);

  await db.schema
    .createTable('access_alerts')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('spike', 'first_heavy', 'off_hours')`))
    .addColumn('subject_type', 'text', (c) => c.notNull().check(sql`subject_type in ('api_key', 'user', 'share_grant', 'open_grant')`))
    .addColumn('subject_id', 'uuid', (c) => c.notNull())
    .addColumn('subject_label', 'text', (c) => c.notNull())
    .addColumn('agency_id', 'uuid', (c) => c.references('agencies.id').onDelete('restrict'))
    .addColumn('window_kind', 'text', (c) => c.notNull().check(sql`window_kind in ('hour', 'day')`))
    .addColumn('window_start', 'timestamptz', (c) => c.notNull())
    .addColumn('window_end', 'timestamptz', (c) => c.notNull())
    .addColumn('observed', 'bigint', (c) => c.notNull())
    .addColumn('baseline', 'double precision')
    .addColumn('factor', 'double precision', (c) => c.notNull())
    .addColumn('floor', 'integer', (c) => c.notNull())
    .addColumn('raised_at', 'timestamptz', (c) => c.notNull())
    .addColumn('state', 'text', (c) =>
      c
        .notNull()
        .defaultTo('open')
        .check(sql`state in ('open', 'acknowledged', 'closed')`),
    )
    .addColumn('acknowledged_by', 'uuid', (c) => c.references('users.id').onDelete('restrict'))
    .addColumn('acknowledged_at', 'timestamptz')
    .addColumn('note', 'text')
    .addColumn('closed_by', 'uuid', (c) => c.references('users.id').onDelete('restrict'))
    .addColumn('closed_at', 'timestamptz')
    .addColumn('close_note', 'text')
    .addUniqueConstraint('access_alerts_once_per_window', ['kind', 'subject_type', 'subject_id', 'window_kind', 'window_start'])
    .execute();
  await db.schema.createIndex('access_alerts_state_idx').on('access_alerts').columns(['state', 'raised_at']).execute();
  await db.schema.createIndex('access_alerts_agency_idx').on('access_alerts').columns(['agency_id', 'raised_at']).execute();
  await comment(
    db,
    'access_alerts',
    'Unusual access raised by the periodic sweep over the deliveries of the exit, for the security supervisors (R29.1)',
    {
      id: 'Identifier',
      kind: 'spike (far above its own baseline), first_heavy (heavy use with no history), off_hours (bulk access at night)',
      subject_type: 'api_key, user, share_grant or open_grant: whose deliveries were counted',
      subject_id: 'The key, user or grant',
      subject_label: 'Its name when raised: key name and prefix, username, grant number',
      agency_id: 'The agency concerned: of the key owner or user, the consumer of a share grant, the provider of an open grant',
      window_kind: 'hour (a clock hour) or day (a China calendar day)',
      window_start: 'Start of the window counted; one alert per kind, subject and window',
      window_end: 'End of the window (exclusive)',
      observed: 'Records delivered to the subject in the window when raised',
      baseline: 'Median records per day (per busiest hour for an hour window) over the baseline days before; null when not compared',
      factor: 'The factor over the baseline that raises a spike, as configured when raised',
      floor: 'The absolute number of records the observed count had to reach, as configured when raised',
      raised_at: 'When the sweep raised it',
      state: 'open, acknowledged or closed',
      acknowledged_by: 'The supervisor who acknowledged it',
      acknowledged_at: 'When it was acknowledged',
      note: 'The note given when acknowledging',
      closed_by: 'The supervisor who closed it',
      closed_at: 'When it was closed',
      close_note: 'The note given when closing',
    },
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('access_alerts').execute();
  await sql`drop index deliveries_at_idx`.execute(db);
  await sql`drop index audit_log_grant_ref_idx`.execute(db);
  await sql`drop index audit_log_resource_ref_idx`.execute(db);
}
