/**
 * Routes of the open channel (R19.1, R19.2, R23.1). Downloads, the preview and derivatives are
 * public: the service decides (unconditional for anyone, conditional under the caller's grant).
 * The query API needs a signed-in user or an API key; an anonymous caller learns how to get a key.
 * Every answer carries the citation line in a header, percent-encoded UTF-8 (header values are
 * Latin-1; decodeURIComponent gives the line back), besides the body or file.
 */
import { routes } from '@gongshu/contracts';
import { DomainError, refuse } from '@gongshu/domain';
import type { FastifyReply } from 'fastify';
import type { App } from '../../http/types.js';
import { KEY_REQUIRED, type OpenDataService, type OpenFile } from './open-data.service.js';

export const CITATION_HEADER = 'x-gongshu-citation';

/** A 429 of the open limits carries Retry-After (seconds), from the refusal's details. */
export function retryAfter(reply: FastifyReply, error: unknown): void {
  if (error instanceof DomainError && (error.code === 'OPEN_RATE_LIMITED' || error.code === 'OPEN_QUOTA_EXCEEDED')) {
    const seconds = error.refusal.details?.retryAfterSeconds;
    if (typeof seconds === 'number') void reply.header('retry-after', String(seconds));
  }
}

function sendFile(reply: FastifyReply, file: OpenFile) {
  return reply
    .header(
      'content-disposition',
      `attachment; filename="${file.fileName.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    )
    .header(CITATION_HEADER, encodeURIComponent(file.citation))
    .header('x-gongshu-delivery', file.deliveryId)
    .header('cache-control', 'no-store')
    .header('access-control-allow-origin', '*')
    .header('access-control-expose-headers', `${CITATION_HEADER}, x-gongshu-delivery, content-disposition`)
    .type(file.contentType)
    .send(file.stream);
}

export function registerOpenDataRoutes(app: App, open: OpenDataService): void {
  const r = routes;
  app.get(r.openDownload.url, { schema: r.openDownload.schema, config: { access: 'public' } }, async (request, reply) => {
    const file = await open.download(request.ctx, request.params.id, request.query.format ?? 'csv', request.query.fields);
    return sendFile(reply, file);
  });
  app.get(
    r.openRecords.url,
    {
      schema: r.openRecords.schema,
      config: { access: 'authenticated' },
      // Before the access check: an anonymous caller is told how to get a key, not only to sign in.
      onRequest: async (request) => {
        if (request.ctx.actor.kind !== 'user' && !request.sessionExpired)
          throw new DomainError(refuse('AUTH_REQUIRED', { message: KEY_REQUIRED }));
      },
    },
    async (request, reply) => {
      try {
        const result = await open.records(request.ctx, request.params.id, request.query);
        void reply.header(CITATION_HEADER, encodeURIComponent(result.citation)).header('cache-control', 'no-store');
        return result;
      } catch (error) {
        retryAfter(reply, error);
        throw error;
      }
    },
  );
  app.get(r.openPreview.url, { schema: r.openPreview.schema, config: { access: 'public' } }, async (request, reply) => {
    const result = await open.preview(request.ctx, request.params.id);
    void reply.header(CITATION_HEADER, encodeURIComponent(result.citation));
    return result;
  });
  app.get(
    r.openDerivativeDownload.url,
    { schema: r.openDerivativeDownload.schema, config: { access: 'public' } },
    async (request, reply) => {
      const file = await open.derivativeDownload(request.ctx, request.params.id, request.query.format ?? 'csv');
      return sendFile(reply, file);
    },
  );
}
