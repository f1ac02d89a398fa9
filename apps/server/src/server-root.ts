/**
 * The server package's folder (apps/server), found the same way from the sources (src/*.ts, run by
 * tsx) and from the production build (dist/gongshu.mjs): both sit one level below it. Files the
 * server ships (reference-data/) and the web build (../web/dist) are found from here.
 */
import { fileURLToPath } from 'node:url';

export const SERVER_ROOT = fileURLToPath(new URL('..', import.meta.url));
