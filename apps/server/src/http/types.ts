import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { UserActor } from '@gongshu/domain';
import type { FastifyRequest } from 'fastify';
import { signedInUser } from '../context.js';

/** The Fastify instance with TypeBox inference of request and reply types. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** The signed-in actor of a request on a route whose access already required one. */
export function userOf(request: FastifyRequest): UserActor {
  return signedInUser(request.ctx);
}
