/**
 * "Excel in, Excel out" for the catalog (R10.1): the fill-in template, the import of a filled
 * template as drafts, and the export of the published catalog. The file bodies are binary or
 * streamed, so their schemas only describe them; the import's answer and errors are typed.
 */
import { Type, type Static } from 'typebox';
import { DateTime, Uuid, protectedErrors } from '../common.js';
import { defineRoute } from '../route.js';
import { ResourceMetadata } from './catalog.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const binary = { type: 'string', format: 'binary' } as const;

/** A file download: its media types (errors stay JSON) and its Content-Disposition header. */
function fileResponse(description: string, content: Record<string, { schema: unknown }>) {
  return Type.Unsafe<unknown>({
    description,
    headers: {
      'content-disposition': { type: 'string', description: 'attachment; filename="<ASCII name>"; filename*=UTF-8\'\'<UTF-8 name>' },
    },
    content,
  });
}

/** One problem of an imported file, located like a spreadsheet user would look for it. */
export const CatalogImportError = Type.Object({
  sheet: Type.String({ description: 'Sheet name, e.g. 资源 or 信息项' }),
  row: Type.Integer({ description: 'Row number as Excel shows it; 0 for the whole file or sheet' }),
  column: Type.String({ description: 'Column header without the required mark, e.g. 长度; empty for the whole row or sheet' }),
  code: Type.String({ description: 'Stable error code, e.g. CATALOG_SHARE_CONDITIONS_REQUIRED' }),
  message: Type.Object({ zh: Type.String(), en: Type.String() }),
  requirement: Type.Optional(Type.String({ description: 'Requirement id, e.g. R13.1' })),
});
export type CatalogImportError = Static<typeof CatalogImportError>;

export const CatalogImportResult = Type.Object({
  created: Type.Array(
    Type.Object({
      row: Type.Integer({ description: 'Row of the resource in the 资源 sheet' }),
      id: Uuid,
      resourceId: Uuid,
      name: Type.String(),
    }),
    { description: 'The drafts saved, in one transaction' },
  ),
  errors: Type.Array(CatalogImportError, { description: 'Rows left out (only with saveValidAsDrafts=true)' }),
});
export type CatalogImportResult = Static<typeof CatalogImportResult>;

/** One entry of the JSON export. */
export const CatalogExportEntry = Type.Object({
  code: Type.String({ description: 'Resource code' }),
  provider: Type.Object({ id: Uuid, name: Type.String() }),
  publishedAt: DateTime,
  metadata: ResourceMetadata,
});
export type CatalogExportEntry = Static<typeof CatalogExportEntry>;

export const downloadCatalogTemplate = defineRoute({
  method: 'GET',
  url: '/api/catalog/template.xlsx',
  schema: {
    tags: ['catalog'],
    summary: 'The catalog fill-in template (.xlsx): instructions, resources, fields and allowed values with drop-down lists',
    response: {
      200: fileResponse('The template as an .xlsx file (目录填报模板.xlsx)', { [XLSX]: { schema: binary } }),
      ...protectedErrors,
    },
  },
});

export const importCatalog = defineRoute({
  method: 'POST',
  url: '/api/catalog/import',
  schema: {
    tags: ['catalog'],
    summary: 'Import a filled template as drafts of my agency, all in one transaction (R10.1)',
    description:
      'multipart/form-data with one `file` field (.xlsx, at most 10 MB). When the file has errors nothing is saved and the answer is ' +
      '400 CATALOG_IMPORT_INVALID with every error in `details.errors`; with saveValidAsDrafts=true the valid resources are saved ' +
      'and the errors of the others are listed. Resources involving state secrets are never saved (R2.2).',
    consumes: ['multipart/form-data'],
    querystring: Type.Object({
      saveValidAsDrafts: Type.Optional(
        Type.Boolean({ default: false, description: 'Save the valid resources even when other rows have errors' }),
      ),
    }),
    body: Type.Object({ file: Type.Unsafe<unknown>({ ...binary, description: 'The filled template (.xlsx)' }) }, { required: ['file'] }),
    response: { 200: CatalogImportResult, ...protectedErrors },
  },
});

export const exportCatalog = defineRoute({
  method: 'GET',
  url: '/api/catalog/export',
  schema: {
    tags: ['catalog'],
    summary: 'Download the published catalog as xlsx (template layout, re-importable), csv or json',
    description: 'Public users get only the entries that are open in some way (R19), as in search.',
    querystring: Type.Object({ format: Type.Optional(Type.Enum(['xlsx', 'csv', 'json'], { default: 'xlsx' })) }),
    response: {
      200: fileResponse('The published catalog; the file name is dated, e.g. 滕州市公共数据目录-2026-11-27.csv', {
        [XLSX]: { schema: { ...binary, description: 'The template layout with 资源代码 and 提供单位: imports again as drafts' } },
        'text/csv': {
          schema: { type: 'string', description: 'UTF-8 with a byte-order mark; one row per resource, field names joined by 、' },
        },
        'application/json': { schema: Type.Array(CatalogExportEntry) },
      }),
      ...protectedErrors,
    },
  },
});
