/**
 * Demo page views of the open portal (issue 7 item 1): for each open resource of the demo catalog,
 * some views on each of the last 14 China days, so the resource pages and the home page show
 * use. Deterministic (from the resource code) and idempotent (existing days are kept).
 */
import { shanghaiDateOf } from '@gongshu/domain';
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Clock } from '../../context.js';
import type { Database } from '../../db/schema.js';
import { IS_OPEN, OPEN_FROM } from '../ckan/open-resources.repository.js';

const DAYS = 14;

export async function seedDemoOpenPortal(deps: { db: Kysely<Database>; clock: Clock }): Promise<{ views: number }> {
  const { db, clock } = deps;
  const open = await sql<{ resource_id: string; code: string }>`select s.resource_id, s.code from ${OPEN_FROM} where ${IS_OPEN}`.execute(
    db,
  );
  const now = clock().getTime();
  const rows = open.rows.flatMap((r) => {
    const seed = createHash('sha256').update(r.code).digest();
    return Array.from({ length: DAYS }, (_, i) => ({
      resource_id: r.resource_id,
      day: shanghaiDateOf(new Date(now - (i + 1) * 86_400_000)),
      views: 1 + ((seed[i] ?? 0) % 23),
    }));
  });
  if (rows.length === 0) return { views: 0 };
  await db
    .insertInto('resource_views')
    .values(rows)
    .onConflict((oc) => oc.columns(['resource_id', 'day']).doNothing())
    .execute();
  return { views: rows.reduce((n, r) => n + r.views, 0) };
}
