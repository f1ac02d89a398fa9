/**
 * A route contract: method, URL and TypeBox schemas, shared by the server (which registers and
 * validates it) and the typed client (which calls it).
 */
import type { Static, TSchema } from 'typebox';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteSchema {
  readonly tags?: readonly string[];
  readonly summary?: string;
  readonly description?: string;
  readonly body?: TSchema;
  readonly querystring?: TSchema;
  readonly params?: TSchema;
  readonly response: Readonly<Record<number, TSchema>>;
}

export interface RouteContract {
  readonly method: HttpMethod;
  readonly url: string;
  readonly schema: RouteSchema;
}

export function defineRoute<const C extends RouteContract>(contract: C): C {
  return contract;
}

type StaticOf<S> = S extends TSchema ? Static<S> : never;

/** What a caller passes: only the parts the route declares. */
export type RouteInput<C extends RouteContract> = (C['schema'] extends { body: infer B } ? { body: StaticOf<B> } : unknown) &
  (C['schema'] extends { querystring: infer Q } ? { query: StaticOf<Q> } : unknown) &
  (C['schema'] extends { params: infer P } ? { params: StaticOf<P> } : unknown);

/** What the route answers on success (200 or 201; 204 answers undefined). */
export type RouteOutput<C extends RouteContract> = C['schema']['response'] extends { 200: infer R }
  ? StaticOf<R>
  : C['schema']['response'] extends { 201: infer R }
    ? StaticOf<R>
    : undefined;
