/**
 * Request validation with two Ajv instances: query strings and path parameters arrive as text and
 * are coerced to the declared types; JSON bodies are validated as sent, because coercion would
 * silently turn a `null` into `""` (or `"1"` into 1) in a body.
 *
 * Validators and response serializers are compiled when a route is first used, not at start-up:
 * compiling the schemas of every route up front held ≈ 40 MB of the served process for routes
 * most deployments call rarely (issue 7: the open download's server stays under 200 MB).
 * Every route's schemas are still compiled by a test (validation.test.ts), so a bad schema
 * fails CI, not a first request.
 */
import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler, FastifySchemaValidationError, FastifySerializerCompiler } from 'fastify';
import fastJson from 'fast-json-stringify';

function makeAjv(options: Options): Ajv {
  const ajv = new Ajv({ allErrors: false, removeAdditional: false, useDefaults: true, strict: false, ...options });
  addFormats.default(ajv);
  return ajv;
}

type Validate = ((data: unknown) => boolean) & { errors?: FastifySchemaValidationError[] | null };

/** A validator that compiles its schema on the first call and keeps Ajv's `errors` where Fastify reads them. */
function lazyValidator(compile: () => Validate): Validate {
  let compiled: Validate | null = null;
  const validate: Validate = (data) => {
    compiled ??= compile();
    const valid = compiled(data);
    validate.errors = compiled.errors;
    return valid;
  };
  return validate;
}

export interface SchemaCompilers {
  readonly validator: FastifySchemaCompiler<unknown>;
  readonly serializer: FastifySerializerCompiler<unknown>;
  /** Compiles at once (for the test over every route). */
  readonly eager: { validate(schema: object, httpPart: string): Validate; serialize(schema: object): (data: unknown) => string };
}

function makeCompilers(): SchemaCompilers {
  const forText = makeAjv({ coerceTypes: 'array' });
  const forJson = makeAjv({ coerceTypes: false });
  const validate = (schema: object, httpPart: string) => (httpPart === 'body' ? forJson : forText).compile(schema) as Validate;
  const serialize = (schema: object): ((data: unknown) => string) => fastJson(schema);
  return {
    validator: ({ schema, httpPart }) => lazyValidator(() => validate(schema as object, httpPart ?? 'body')),
    serializer: ({ schema }) => {
      let compiled: ((data: unknown) => string) | null = null;
      return (data) => (compiled ??= serialize(schema as object))(data);
    },
    eager: { validate, serialize },
  };
}

let shared: SchemaCompilers | null = null;

/**
 * The process's compilers: one pair of Ajv instances for every app and plugin scope (each instance
 * with its formats costs memory, and compiled schemas are cached per instance).
 */
export function schemaCompilers(): SchemaCompilers {
  return (shared ??= makeCompilers());
}

/** For multipart routes: the body is read by the handler (its schema documents it), validation skips it. */
export function validatorSkippingBody(): FastifySchemaCompiler<unknown> {
  const { validator } = schemaCompilers();
  return (req) => (req.httpPart === 'body' ? () => true : validator(req));
}
