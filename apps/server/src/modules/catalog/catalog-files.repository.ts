import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ExportEntry } from './catalog-workbook.js';
import { metadataOf } from './catalog.repository.js';

const BATCH = 200;

/**
 * The published catalog in resource-code order, read in batches (keyset on the code) so that an
 * export streams without holding the whole catalog. With `openOnly`, entries not opened in any
 * way are left out (R19), as in search.
 */
export async function* publishedEntries(db: Kysely<Database>, scope: { openOnly: boolean }): AsyncGenerator<ExportEntry> {
  let after: string | null = null;
  for (;;) {
    let query = db
      .selectFrom('catalog_resources as r')
      .innerJoin('catalog_versions as v', 'v.id', 'r.current_version_id')
      .innerJoin('agencies as a', 'a.id', 'r.provider_agency_id')
      .select(['r.code', 'a.id as provider_id', 'a.name as provider_name', 'v.metadata', 'v.justification', 'v.published_at'])
      .where('v.state', '=', 'published')
      .where('r.code', 'is not', null)
      .orderBy('r.code')
      .limit(BATCH);
    if (scope.openOnly) query = query.where(sql<string>`v.metadata->'open'->>'type'`, '<>', 'none');
    if (after !== null) query = query.where('r.code', '>', after);
    const rows = await query.execute();
    for (const row of rows) {
      yield {
        code: row.code ?? '',
        provider: { id: row.provider_id, name: row.provider_name },
        publishedAt: row.published_at ?? new Date(0),
        metadata: metadataOf(row),
        justification: row.justification,
      };
    }
    const last = rows.at(-1);
    if (rows.length < BATCH || !last) return;
    after = last.code;
  }
}

/** The city's name as the node knows it (for file names). */
export async function cityName(db: Kysely<Database>): Promise<string> {
  const row = await db.selectFrom('platform_meta').select('value').where('key', '=', 'city_name').executeTakeFirst();
  return typeof row?.value === 'string' ? row.value : '';
}
