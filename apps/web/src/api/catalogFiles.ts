/**
 * "Excel in, Excel out" for the catalog (R10.1): the fill-in template and the export are plain
 * downloads (the session cookie goes along); the import is a multipart upload with progress, so it
 * goes through XMLHttpRequest rather than the JSON client.
 */
import { ApiError, routes, type ApiErrorBody, type RouteOutput } from '@gongshu/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { csrfHeaders } from './client';
import { queryKeys } from './queryKeys';

export type CatalogImportResult = RouteOutput<typeof routes.importCatalog>;
export type CatalogImportError = CatalogImportResult['errors'][number];
export type ExportFormat = 'xlsx' | 'csv' | 'json';

export const TEMPLATE_URL = routes.downloadCatalogTemplate.url;

export function exportUrl(format: ExportFormat): string {
  return `${routes.exportCatalog.url}?format=${format}`;
}

/** Turns an error response of the upload into the ApiError the rest of the app reads. */
function uploadError(status: number, text: string): ApiError {
  let body: Partial<ApiErrorBody> = {};
  try {
    body = JSON.parse(text) as Partial<ApiErrorBody>;
  } catch {
    // A proxy's HTML error page: the status says enough.
  }
  return new ApiError(status, {
    statusCode: status,
    code: body.code ?? `HTTP_${status}`,
    message: body.message ?? { zh: `请求失败（${status}）`, en: `Request failed (${status})` },
    requestId: body.requestId ?? '',
    ...(body.requirement ? { requirement: body.requirement } : {}),
    ...(body.field ? { field: body.field } : {}),
    ...(body.details ? { details: body.details } : {}),
  });
}

export interface ImportInput {
  readonly file: File;
  /** Save the valid resources even when other rows have errors. */
  readonly saveValidAsDrafts: boolean;
  /** Upload progress, 0–100. */
  readonly onProgress?: (percent: number) => void;
}

function uploadCatalog({ file, saveValidAsDrafts, onProgress }: ImportInput): Promise<CatalogImportResult> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `${routes.importCatalog.url}?saveValidAsDrafts=${String(saveValidAsDrafts)}`);
    request.withCredentials = true;
    request.setRequestHeader('accept', 'application/json');
    for (const [name, value] of Object.entries(csrfHeaders())) request.setRequestHeader(name, value);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.(Math.round((event.loaded / event.total) * 100));
    };
    request.onload = () => {
      if (request.status >= 200 && request.status < 300) {
        onProgress?.(100);
        resolve(JSON.parse(request.responseText) as CatalogImportResult);
      } else {
        reject(uploadError(request.status, request.responseText));
      }
    };
    // Like fetch, a failure to reach the server is a TypeError (errorText words it as such).
    request.onerror = () => reject(new TypeError('network error'));
    const data = new FormData();
    data.append('file', file);
    request.send(data);
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
