/**
 * "Excel in, Excel out" (R10.1): the fill-in template, the import of a filled template as drafts
 * (all in one transaction, through the catalog service), and the export of the published catalog
 * as xlsx, csv or json. CSV and JSON stream row by row (decision 7).
 */
import { Readable } from 'node:stream';
import type { RouteOutput, routes } from '@gongshu/contracts';
import { fail, shanghaiDateOf } from '@gongshu/domain';
import type { Kysely } from 'kysely';
import type { Clock, RequestContext } from '../../context.js';
import type { Database } from '../../db/schema.js';
import type { CatalogService } from './catalog.service.js';
import { cityName, publishedEntries } from './catalog-files.repository.js';
import {
  buildCatalogWorkbook,
  catalogCsvHeader,
  catalogCsvLine,
  parseCatalogWorkbook,
  readCatalogWorkbook,
  type ExportEntry,
  type ParsedCatalog,
} from './catalog-workbook.js';

export type ExportFormat = 'xlsx' | 'csv' | 'json';
type CatalogImportResult = RouteOutput<typeof routes.importCatalog>;

/** Public users see only entries that are open in some way (R19): the same rule as search. */
function openOnly(ctx: RequestContext): boolean {
  return ctx.actor.kind !== 'user' || ctx.actor.roles.every((r) => r === 'public_user');
}

async function* csvChunks(entries: AsyncIterable<ExportEntry>): AsyncGenerator<string> {
  yield catalogCsvHeader();
  for await (const entry of entries) yield catalogCsvLine(entry, shanghaiDateOf(entry.publishedAt));
}

async function* jsonChunks(entries: AsyncIterable<ExportEntry>): AsyncGenerator<string> {
  yield '[';
  let first = true;
  for await (const e of entries) {
    const item = { code: e.code, provider: e.provider, publishedAt: e.publishedAt.toISOString(), metadata: e.metadata };
    yield `${first ? '\n' : ',\n'}${JSON.stringify(item)}`;
    first = false;
  }
  yield '\n]\n';
}

export function createCatalogFilesService(deps: { db: Kysely<Database>; catalog: CatalogService; clock: Clock }) {
  const { db, catalog, clock } = deps;

  return {
    /** The empty template, with the node's classification codes in its drop-downs. */
    async template(): Promise<Buffer> {
      const workbook = await buildCatalogWorkbook({ classifications: await catalog.classifications() });
      return Buffer.from(await workbook.xlsx.writeBuffer());
    },

    /**
     * Imports a filled template as drafts of the actor's agency. With errors nothing is saved
     * unless `saveValidAsDrafts`; then the valid resources are saved, in one transaction, and the
     * errors of the others are returned. Resources involving state secrets are errors (R2.2).
     */
    async importFile(ctx: RequestContext, bytes: Buffer, options: { saveValidAsDrafts: boolean }): Promise<CatalogImportResult> {
      const read = await readCatalogWorkbook(bytes);
      const { entries, errors }: ParsedCatalog =
        'error' in read ? { entries: [], errors: [read.error] } : parseCatalogWorkbook(read.workbook, await catalog.classifications());
      if (errors.length > 0 && (!options.saveValidAsDrafts || entries.length === 0)) {
        fail('CATALOG_IMPORT_INVALID', { details: { errors } });
      }
      const created = await catalog.createDrafts(
        ctx,
        entries.map((e) => ({ metadata: e.metadata, justification: e.justification })),
      );
      return {
        created: created.map((v, i) => ({ row: entries[i]?.row ?? 0, id: v.id, resourceId: v.resourceId, name: v.metadata.name })),
        errors,
      };
    },

    /** The published catalog in the template layout (re-importable as drafts). */
    async exportWorkbook(ctx: RequestContext): Promise<Buffer> {
      const entries: ExportEntry[] = [];
      for await (const entry of publishedEntries(db, { openOnly: openOnly(ctx) })) entries.push(entry);
      const workbook = await buildCatalogWorkbook({ entries, classifications: await catalog.classifications() });
      return Buffer.from(await workbook.xlsx.writeBuffer());
    },

    /** The published catalog as a stream of CSV (with a BOM) or JSON text. */
    exportStream(ctx: RequestContext, format: 'csv' | 'json'): Readable {
      const entries = publishedEntries(db, { openOnly: openOnly(ctx) });
      return Readable.from(format === 'csv' ? csvChunks(entries) : jsonChunks(entries));
    },

    /** A dated file name, e.g. 滕州市公共数据目录-2026-11-27.csv, and its ASCII fallback. */
    async exportFileName(format: ExportFormat): Promise<{ name: string; ascii: string }> {
      const date = shanghaiDateOf(clock());
      return { name: `${await cityName(db)}公共数据目录-${date}.${format}`, ascii: `public-data-catalog-${date}.${format}` };
    },
  };
}

export type CatalogFilesService = ReturnType<typeof createCatalogFilesService>;
