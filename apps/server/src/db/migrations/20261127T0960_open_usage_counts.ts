/**
 * Usage counters of the open channel (issue 7 item 1): downloads and API calls per open resource,
 * kept by a trigger on every open-channel delivery, so the portal's cards, its "most downloaded"
 * sort and its home totals read one row per resource instead of counting the exit's journal,
 * which grows with every call. Previews of the first rows are queries too but not API calls.
 * Deliveries are never updated or deleted (R29.1), so insert is the only event to count.
 */
import { sql, type Kysely } from 'kysely';
import { comment } from './comment.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('open_usage_counts')
    .addColumn('resource_id', 'uuid', (c) => c.notNull().references('catalog_resources.id').onDelete('cascade'))
    .addColumn('of_derivative', 'boolean', (c) => c.notNull())
    .addColumn('downloads', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('api_calls', 'bigint', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('open_usage_counts_pkey', ['resource_id', 'of_derivative'])
    .execute();
  await comment(db, 'open_usage_counts', 'Open-channel use per resource, kept by a trigger on deliveries (portal counts, issue 7)', {
    resource_id: 'The open resource (a derivative counts under the resource it derives from)',
    of_derivative: 'True: deliveries of de-identified derivatives of the resource (R18.4); false: of the resource itself',
    downloads: 'Files delivered (deliveries of kind extract)',
    api_calls: 'Query API answers (deliveries of kind query), previews of the first rows not counted',
  });
  await sql`
    create function open_usage_count() returns trigger language plpgsql as $$
    begin
      if new.kind = 'query' and coalesce(new.parameters @> '{"preview": true}'::jsonb, false) then
        return null;
      end if;
      insert into open_usage_counts (resource_id, of_derivative, downloads, api_calls)
      values (new.resource_id, new.derivative_id is not null,
              case when new.kind = 'extract' then 1 else 0 end, case when new.kind = 'query' then 1 else 0 end)
      on conflict (resource_id, of_derivative) do update
        set downloads = open_usage_counts.downloads + excluded.downloads,
            api_calls = open_usage_counts.api_calls + excluded.api_calls;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger deliveries_open_usage after insert on deliveries
    for each row when (new.channel = 'open' and new.resource_id is not null) execute function open_usage_count()`.execute(db);
  // Deliveries made before this migration.
  await sql`
    insert into open_usage_counts (resource_id, of_derivative, downloads, api_calls)
    select resource_id, derivative_id is not null,
      count(*) filter (where kind = 'extract'),
      count(*) filter (where kind = 'query' and not coalesce(parameters @> '{"preview": true}'::jsonb, false))
    from deliveries where channel = 'open' and resource_id is not null
    group by 1, 2`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger deliveries_open_usage on deliveries`.execute(db);
  await sql`drop function open_usage_count()`.execute(db);
  await db.schema.dropTable('open_usage_counts').execute();
}
