/**
 * The typed client of the API, used by the web app and the CLI. It fills path parameters,
 * sends the CSRF token on writes, and turns error responses into ApiError.
 */
import type { ApiErrorBody } from './common.js';
import type { RouteContract, RouteInput, RouteOutput } from './route.js';

export class ApiError extends Error {
  readonly status: number;
  readonly body: ApiErrorBody;
  constructor(status: number, body: ApiErrorBody) {
    super(`${body.code}: ${body.message.en}`);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
  }
}

export interface ClientOptions {
  readonly baseUrl?: string;
  readonly fetch?: typeof fetch;
  /** Extra headers per call, e.g. x-csrf-token or an API key. */
  readonly headers?: () => Record<string, string>;
}

export type Client = <C extends RouteContract>(route: C, input?: RouteInput<C>) => Promise<RouteOutput<C>>;

function scalar(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new Error('path and query parameters must be strings, numbers or booleans');
}

/** Fills :name segments of a URL from params. */
export function fillPath(url: string, params: Record<string, unknown> = {}): string {
  return url.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === null) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(scalar(value));
  });
}

export function createClient(options: ClientOptions = {}): Client {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  return async (route, input) => {
    const parts = (input ?? {}) as { body?: unknown; query?: Record<string, unknown>; params?: Record<string, unknown> };
    let url = (options.baseUrl ?? '') + fillPath(route.url, parts.params);
    if (parts.query) {
      const search = new URLSearchParams();
      for (const [key, value] of Object.entries(parts.query)) {
        if (value !== undefined && value !== null && value !== '') search.set(key, scalar(value));
      }
      const qs = search.toString();
      if (qs) url += `?${qs}`;
    }
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers?.() };
    if (parts.body !== undefined) headers['content-type'] = 'application/json';
    const response = await doFetch(url, {
      method: route.method,
      headers,
      credentials: 'same-origin',
      ...(parts.body !== undefined ? { body: JSON.stringify(parts.body) } : {}),
    });
    if (response.status === 204) return undefined as RouteOutput<typeof route>;
    const text = await response.text();
    const data: unknown = text ? JSON.parse(text) : undefined;
    if (!response.ok) {
      const body = (data ?? {}) as Partial<ApiErrorBody>;
      throw new ApiError(response.status, {
        statusCode: response.status,
        code: body.code ?? 'HTTP_' + String(response.status),
        message: body.message ?? { zh: `请求失败（${response.status}）`, en: `Request failed (${response.status})` },
        requestId: body.requestId ?? '',
        ...(body.requirement ? { requirement: body.requirement } : {}),
        ...(body.field ? { field: body.field } : {}),
        ...(body.details ? { details: body.details } : {}),
      });
    }
    return data as RouteOutput<typeof route>;
  };
}
