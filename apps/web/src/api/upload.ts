/**
 * Multipart file uploads with progress. fetch cannot report how much of a request body has been
 * sent, so uploads go through XMLHttpRequest, with the session cookie and the CSRF header, and
 * refusals become the same ApiError the JSON client throws.
 */
import { ApiError, type ApiErrorBody } from '@gongshu/contracts';
import { csrfHeaders } from './client';

/** Turns an error response of an upload into the ApiError the rest of the app reads. */
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

export interface PostFileInput {
  /** The URL with its query string. */
  readonly url: string;
  readonly file: File;
  /** Upload progress, 0–100. */
  readonly onProgress?: (percent: number) => void;
}

/** Posts one file as the multipart field `file` and resolves with the JSON answer. */
export function postFile<T>({ url, file, onProgress }: PostFileInput): Promise<T> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', url);
    request.withCredentials = true;
    request.setRequestHeader('accept', 'application/json');
    for (const [name, value] of Object.entries(csrfHeaders())) request.setRequestHeader(name, value);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.(Math.round((event.loaded / event.total) * 100));
    };
    request.onload = () => {
      if (request.status >= 200 && request.status < 300) {
        onProgress?.(100);
        resolve(JSON.parse(request.responseText) as T);
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
