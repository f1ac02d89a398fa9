/** Reads of grants, their systems and their deliveries. */
import { sql } from 'kysely';
import type { Executor } from '../../db/executor.js';

export function grantsQuery(db: Executor) {
  return db
    .selectFrom('share_grants as g')
    .innerJoin('agencies as ca', 'ca.id', 'g.consumer_agency_id')
    .innerJoin('agencies as pa', 'pa.id', 'g.provider_agency_id')
    .innerJoin('catalog_resources as r', 'r.id', 'g.resource_id')
    .innerJoin('catalog_versions as v', 'v.id', 'r.current_version_id')
    .leftJoin('share_requests as s', 's.id', 'g.request_id')
    .selectAll('g')
    .select([
      'ca.name as consumer_name',
      'pa.name as provider_name',
      'r.code as resource_code',
      'v.metadata as resource_metadata',
      's.number as request_number',
      sql<number>`(select count(*) from deliveries d where d.grant_id = g.id)`.as('deliveries_count'),
      sql<Date | null>`(select max(d.at) from deliveries d where d.grant_id = g.id)`.as('last_delivery_at'),
    ]);
}

export async function keysOfGrants(db: Executor, grantIds: readonly string[]) {
  if (grantIds.length === 0) return [];
  return db
    .selectFrom('share_grant_keys as gk')
    .innerJoin('api_keys as k', 'k.id', 'gk.api_key_id')
    .innerJoin('users as u', 'u.id', 'k.user_id')
    .select(['gk.grant_id', 'k.id', 'k.name', 'k.prefix', 'u.display_name as owner'])
    .where('gk.grant_id', 'in', grantIds)
    .orderBy('k.name')
    .execute();
}

export async function listDeliveryRows(db: Executor, grantId: string, before: number | undefined, limit: number) {
  let q = db
    .selectFrom('deliveries as d')
    .leftJoin('api_keys as k', 'k.id', 'd.api_key_id')
    .leftJoin('users as u', 'u.id', 'd.user_id')
    .selectAll('d')
    .select(['k.name as key_name', 'k.prefix as key_prefix', 'u.display_name as user_name'])
    .where('d.grant_id', '=', grantId);
  if (before !== undefined) q = q.where('d.serial', '<', before);
  return q.orderBy('d.serial', 'desc').limit(limit).execute();
}

/** Deliveries and rows per day (Asia/Shanghai) over the last 30 days, for the chart. */
export async function dailyDeliveries(db: Executor, grantId: string, since: Date) {
  const { rows } = await sql<{ day: string; deliveries: number; rows: number }>`
    select to_char((at at time zone 'Asia/Shanghai')::date, 'YYYY-MM-DD') as day,
           count(*)::int as deliveries, coalesce(sum(rows), 0)::int as rows
    from deliveries where grant_id = ${grantId} and at >= ${since}
    group by 1 order by 1`.execute(db);
  return rows;
}
