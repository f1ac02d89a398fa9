/**
 * Helpers for the tests over every registered route (access-matrix, csrf, injection tests):
 * a URL for a route pattern, and a probe app on a harness's services that answers at once when a
 * request gets past a chosen hook, so a test can tell which check refused it without running handlers.
 */
import type { ApiRoute } from '../src/http/access.js';
import { buildApp } from '../src/http/app.js';
import type { App } from '../src/http/types.js';
import { testLogStream, type Harness } from './harness.js';

/** A made-up id: valid as a UUID, matching nothing. */
export const MADE_UP_ID = '00000000-0000-4000-8000-000000000000';

/** The route's URL with every path parameter filled in. */
export function urlOf(route: Pick<ApiRoute, 'url'>, value = MADE_UP_ID): string {
  return route.url.replace(/:[A-Za-z_]+/g, value);
}

/** The response header a probe sets on requests that got past its hook. */
export const PROBE_MARK = 'x-test-probe-reached';

/**
 * An app on the harness's services (same database, same sessions) with one more hook, added after
 * every hook of the app: a request that reaches it is answered 204 with PROBE_MARK, so handlers
 * never run and nothing changes.
 */
export async function probeApp(h: Harness, after: 'onRequest' | 'preValidation'): Promise<App> {
  const app = await buildApp({ config: h.config, services: h.services, logStream: testLogStream() });
  app.addHook(after, async (_request, reply) => reply.header(PROBE_MARK, '1').status(204).send());
  await app.ready();
  return app;
}

/** The code of an error body (the one error shape), if the body is one. */
export function codeOf(body: string): string | undefined {
  try {
    return (JSON.parse(body) as { code?: string }).code;
  } catch {
    return undefined;
  }
}
