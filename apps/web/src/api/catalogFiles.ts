/**
 * "Excel in, Excel out" for the catalog (R10.1): the fill-in template and the export are plain
 * downloads (the session cookie goes along); the import is a multipart upload with progress (upload.ts).
 */
import { ApiError, routes, type RouteOutput } from '@gongshu/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from './queryKeys';
import { postFile } from './upload';

export type CatalogImportResult = RouteOutput<typeof routes.importCatalog>;
export type CatalogImportError = CatalogImportResult['errors'][number];
export type ExportFormat = 'xlsx' | 'csv' | 'json';

export const TEMPLATE_URL = routes.downloadCatalogTemplate.url;

export function exportUrl(format: ExportFormat): string {
  return `${routes.exportCatalog.url}?format=${format}`;
}

export interface ImportInput {
  readonly file: File;
  /** Save the valid resources even when other rows have errors. */
  readonly saveValidAsDrafts: boolean;
  /** Upload progress, 0–100. */
  readonly onProgress?: (percent: number) => void;
}

function uploadCatalog({ file, saveValidAsDrafts, onProgress }: ImportInput): Promise<CatalogImportResult> {
  return postFile<CatalogImportResult>({
    url: `${routes.importCatalog.url}?saveValidAsDrafts=${String(saveValidAsDrafts)}`,
    file,
    onProgress,
  });
}

/** Imports a filled template as drafts of my agency, in one transaction. */
export function useImportCatalog() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: uploadCatalog,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.catalog }),
  });
}

/** The errors of a refused import (400 CATALOG_IMPORT_INVALID lists them all in details.errors). */
export function importErrorsOf(error: unknown): readonly CatalogImportError[] {
  if (!(error instanceof ApiError)) return [];
  const errors = error.body.details?.errors;
  return Array.isArray(errors) ? (errors as CatalogImportError[]) : [];
}
