/**
 * The CKAN Action API routes (issue 7 item 10) in their own plugin scope, whose error handler
 * answers in CKAN's envelope and statuses instead of ours: 404 Not Found Error, 409 Validation
 * Error, 403 Authorization Error, 400 with a JSON string for a malformed request or an unknown
 * action, as CKAN's api view does. Public routes: CKAN clients and harvesters call anonymously.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { routes, type CkanActionName, type CkanErrorBody } from '@gongshu/contracts';
import { DomainError } from '@gongshu/domain';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { RequestContext } from '../../context.js';
import { isDataException } from '../../http/errors.http.js';
import type { App } from '../../http/types.js';
import { retryAfter } from '../open-data/open-data.routes.js';
import { CKAN_ERRORS, CkanError, invalid } from './ckan-error.js';
import type { CkanService } from './ckan.service.js';

type Data = Record<string, unknown>;

/** A scalar parameter as text (the schemas have already checked its type); empty is absent. */
const scalar = (v: unknown): string | undefined =>
  (typeof v === 'string' && v !== '') || typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
const text = (v: unknown): string | undefined => scalar(v);
const int = (v: unknown): number | undefined => (scalar(v) === undefined ? undefined : Number(v));
const bool = (v: unknown): boolean | undefined => (scalar(v) === undefined ? undefined : scalar(v)?.toLowerCase() === 'true');

/** A list parameter: a JSON list (CKAN's way in a query string), a list in a JSON body, or one name. */
function list(data: Data, param: string): string[] | undefined {
  const v = data[param];
  if (Array.isArray(v)) return v.map((x) => scalar(x) ?? '');
  const raw = scalar(v)?.trim();
  if (!raw) return undefined;
  if (!raw.startsWith('[')) return [raw];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    invalid(param, 'Not a JSON list of strings');
  }
  if (!Array.isArray(parsed) || !parsed.every((x) => typeof x === 'string')) invalid(param, 'Not a JSON list of strings');
  return parsed;
}

/** An object parameter: a JSON object in a query string, or an object in a JSON body. */
function objectParam(data: Data, param: string): Record<string, unknown> | undefined {
  const v = data[param];
  if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  const raw = scalar(v)?.trim();
  if (!raw) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    invalid(param, 'Not a JSON object');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) invalid(param, 'Not a JSON object');
  return parsed as Record<string, unknown>;
}

function handlers(ckan: CkanService): Record<CkanActionName, (d: Data, ctx: RequestContext) => Promise<unknown>> {
  const paging = (d: Data) => ({ limit: int(d.limit), offset: int(d.offset) });
  return {
    package_search: (d) =>
      ckan.package_search({
        q: text(d.q),
        fq: text(d.fq),
        fq_list: list(d, 'fq_list'),
        sort: text(d.sort),
        rows: int(d.rows),
        start: int(d.start),
        facet: bool(d.facet),
        'facet.field': list(d, 'facet.field'),
        'facet.limit': int(d['facet.limit']),
        'facet.mincount': int(d['facet.mincount']),
      }),
    package_show: (d) => ckan.package_show({ id: text(d.id) }),
    package_list: (d) => ckan.package_list(paging(d)),
    current_package_list_with_resources: (d) => ckan.current_package_list_with_resources({ ...paging(d), page: int(d.page) }),
    organization_list: (d) =>
      ckan.organization_list({ ...paging(d), all_fields: bool(d.all_fields), sort: text(d.sort), names: list(d, 'organizations') }),
    organization_show: (d) => ckan.organization_show({ id: text(d.id), include_datasets: bool(d.include_datasets) }),
    group_list: (d) => ckan.group_list({ ...paging(d), all_fields: bool(d.all_fields), sort: text(d.sort), names: list(d, 'groups') }),
    group_show: (d) => ckan.group_show({ id: text(d.id), include_datasets: bool(d.include_datasets) }),
    tag_list: (d) => ckan.tag_list({ query: text(d.query), all_fields: bool(d.all_fields) }),
    resource_show: (d) => ckan.resource_show({ id: text(d.id) }),
    status_show: () => ckan.status_show(),
    datastore_search: (d, ctx) =>
      ckan.datastore_search(ctx, {
        resource_id: text(d.resource_id),
        q: text(d.q),
        filters: objectParam(d, 'filters'),
        fields: list(d, 'fields'),
        limit: int(d.limit),
        offset: int(d.offset),
        records_format: text(d.records_format),
      }),
    help_show: (d) => ckan.help_show({ name: text(d.name) }),
  };
}

/** Write actions, which CKAN refuses to a visitor with an Authorization Error. */
const WRITE_ACTION = /(_create|_update|_patch|_delete|_purge|_upsert|_invite|_revise)$|^bulk_/;

function actionOf(request: FastifyRequest): string {
  const params = request.params as { action?: unknown } | undefined;
  if (typeof params?.action === 'string') return params.action;
  return (request.routeOptions.url ?? request.url).split('?')[0]?.split('/').pop() ?? '';
}

/** CKAN's answer to a malformed request: status 400 and a JSON string. */
function badRequest(reply: FastifyReply, detail: string, status = 400) {
  return reply
    .status(status)
    .type('application/json; charset=utf-8')
    .send(JSON.stringify(`Bad request - ${detail}`));
}

export function registerCkanRoutes(app: App, ckan: CkanService): void {
  const actions = handlers(ckan);
  const helpOf = (action: string) => ckan.help(action as CkanActionName);
  const failure = (request: FastifyRequest, error: CkanErrorBody['error']): CkanErrorBody => ({
    help: helpOf(actionOf(request)),
    success: false,
    error,
  });

  void app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<TypeBoxTypeProvider>();

    // Public data for anyone, including scripts on other sites (no credentials are honoured).
    scope.addHook('onSend', async (_request, reply) => {
      void reply.header('access-control-allow-origin', '*');
    });

    scope.setErrorHandler(async (error: FastifyError, request, reply) => {
      if (error instanceof CkanError) {
        const kind = CKAN_ERRORS[error.kind];
        const fields = Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [k, [...v]]));
        return reply.status(kind.status).send(failure(request, { ...fields, __type: kind.type, message: error.message }));
      }
      if (error.validation) {
        const first = error.validation[0];
        // A body that is not a JSON object: CKAN's "needs to be a dictionary" bad request.
        if (error.validationContext === 'body' && (first?.instancePath ?? '') === '' && first?.keyword === 'type')
          return badRequest(reply, 'JSON Error: Request data JSON needs to be a dictionary');
        const fields: Record<string, string[]> = {};
        for (const v of error.validation) {
          const param =
            v.instancePath.replace(/^\//, '').split('/')[0] ||
            (typeof v.params.missingProperty === 'string' ? v.params.missingProperty : 'request');
          (fields[param] ??= []).push(v.message ?? 'Invalid value');
        }
        const message = `Validation error: ${Object.entries(fields)
          .map(([k, v]) => `${k}: ${v.join('; ')}`)
          .join(', ')}`;
        return reply.status(409).send(failure(request, { ...fields, __type: 'Validation Error', message }));
      }
      if (error instanceof DomainError && error.code === 'OPEN_NOT_AVAILABLE') {
        return reply.status(404).send(failure(request, { __type: 'Not Found Error', message: 'Not found: Resource was not found.' }));
      }
      if (error instanceof DomainError && (error.code === 'VALIDATION_FAILED' || error.code === 'EXIT_NO_DATA')) {
        const param = error.refusal.field?.split('.')[0] ?? 'request';
        const message = error.refusal.message.en;
        return reply
          .status(409)
          .send(failure(request, { [param]: [message], __type: 'Validation Error', message: `Validation error: ${message}` }));
      }
      if (error instanceof DomainError && (error.code === 'OPEN_RATE_LIMITED' || error.code === 'OPEN_QUOTA_EXCEEDED')) {
        // The open API's limits (R19.1): 429 with Retry-After, as a CKAN behind a rate limiter answers.
        retryAfter(reply, error);
        return reply.status(429).send(failure(request, { __type: 'Rate Limit Error', message: error.refusal.message.en }));
      }
      if (error instanceof DomainError) {
        // A bad API key or CSRF token on a public API, or data the caller may not have: CKAN's Authorization Error.
        return reply
          .status(403)
          .send(failure(request, { __type: 'Authorization Error', message: `Access denied: ${error.refusal.message.en}` }));
      }
      if (isDataException(error)) {
        // A value the database cannot take (a NUL character, a number out of range): the caller's.
        const message = 'Validation error: a value cannot be used (a NUL character or a number out of range)';
        return reply.status(409).send(failure(request, { __type: 'Validation Error', message }));
      }
      const status = error.statusCode ?? 500;
      if (status === 401 || status === 403) {
        // A missing or bad CSRF token on a session's POST, from the CSRF plugin.
        return reply.status(403).send(failure(request, { __type: 'Authorization Error', message: `Access denied: ${error.message}` }));
      }
      if (status >= 400 && status < 500) return badRequest(reply, `JSON Error: ${error.message}`, status);
      request.log.error({ err: error }, 'unexpected error in the CKAN API');
      return reply.status(500).send(failure(request, { __type: 'Internal Server Error', message: 'Internal Server Error' }));
    });

    for (const name of Object.keys(routes.ckanActions) as CkanActionName[]) {
      const { get, post } = routes.ckanActions[name];
      const answer = async (data: unknown, ctx: RequestContext) => ({
        help: ckan.help(name),
        success: true as const,
        result: await actions[name]((data ?? {}) as Data, ctx),
      });
      // Registered without the type provider: each action's result type is its own, checked by its contract's schema.
      plugin.get(get.url, { schema: get.schema, config: { access: 'public' } }, async (request) => answer(request.query, request.ctx));
      plugin.post(post.url, { schema: post.schema, config: { access: 'public' } }, async (request) => answer(request.body, request.ctx));
    }

    // Any other action: an unknown one is a bad request; a write action is refused, as CKAN refuses a visitor.
    const other = async (request: FastifyRequest<{ Params: { action: string } }>, reply: FastifyReply) => {
      const action = request.params.action;
      if (WRITE_ACTION.test(action) && request.method === 'POST') {
        return reply.status(403).send(
          failure(request, {
            __type: 'Authorization Error',
            message: `Access denied: Action ${action} requires an authorized user; this node's CKAN API is read-only (catalog entries are published through the node's review, R10.2)`,
          }),
        );
      }
      if (WRITE_ACTION.test(action)) return badRequest(reply, 'JSON Error: Invalid request. Please use POST method for your request');
      return badRequest(reply, `Action name not known: ${action}`);
    };
    const { ckanOtherActionGet: otherGet, ckanOtherActionPost: otherPost } = routes;
    scope.get(otherGet.url, { schema: otherGet.schema, config: { access: 'public' } }, other);
    scope.post(otherPost.url, { schema: otherPost.schema, config: { access: 'public' } }, other);
  });
}
