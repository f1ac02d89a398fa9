import { routes } from '@gongshu/contracts';
import { sql, type Kysely } from 'kysely';
import type { DatabaseKind } from '../../db/connect.js';
import type { Database } from '../../db/schema.js';
import type { App } from '../../http/types.js';

export function registerSystemRoutes(app: App, db: Kysely<Database>, kind: DatabaseKind): void {
  const { health } = routes;

  app.get(health.url, { schema: health.schema, config: { access: 'public' } }, async () => {
    await sql`select 1`.execute(db);
    return { status: 'ok' as const, database: kind };
  });
}
