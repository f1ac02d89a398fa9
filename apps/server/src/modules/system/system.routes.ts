import { routes } from '@gongshu/contracts';
import { sql, type Kysely } from 'kysely';
import type { DatabaseKind } from '../../db/connect.js';
import type { Database } from '../../db/schema.js';
import type { App } from '../../http/types.js';

export function registerSystemRoutes(app: App, db: Kysely<Database>, kind: DatabaseKind): void {
  const { health, portalSummary } = routes;

  app.get(health.url, { schema: health.schema, config: { access: 'public' } }, async () => {
    await sql`select 1`.execute(db);
    return { status: 'ok' as const, database: kind };
  });

  app.get(portalSummary.url, { schema: portalSummary.schema, config: { access: 'public' } }, async () => {
    const counts = await db
      .selectFrom('agencies')
      .select([
        sql<number>`count(*)::int`.as('agencies'),
        sql<number>`count(*) filter (where kind = 'department')::int`.as('departments'),
        sql<number>`count(*) filter (where kind = 'town')::int`.as('towns'),
      ])
      .where('active', '=', true)
      .executeTakeFirstOrThrow();
    const publicUsers = await db
      .selectFrom('users')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('public_kind', 'is not', null)
      .executeTakeFirstOrThrow();
    const sectors = await db
      .selectFrom('agencies')
      .select(['sector', sql<number>`count(*)::int`.as('agencies')])
      .where('sector', 'is not', null)
      .where('active', '=', true)
      .groupBy('sector')
      .orderBy('sector')
      .execute();
    const city = await db.selectFrom('platform_meta').select('value').where('key', '=', 'city_name').executeTakeFirst();
    return {
      cityName: typeof city?.value === 'string' ? city.value : '',
      ...counts,
      publicUsers: publicUsers.n,
      sectors: sectors.map((s) => ({ sector: s.sector ?? '', agencies: s.agencies })),
    };
  });
}
