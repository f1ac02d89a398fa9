/**
 * Request validation with two Ajv instances: query strings and path parameters arrive as text and
 * are coerced to the declared types; JSON bodies are validated as sent, because coercion would
 * silently turn a `null` into `""` (or `"1"` into 1) in a body.
 */
import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

function makeAjv(options: Options): Ajv {
  const ajv = new Ajv({ allErrors: false, removeAdditional: false, useDefaults: true, strict: false, ...options });
  addFormats.default(ajv);
  return ajv;
}

export function validatorCompiler(): FastifySchemaCompiler<unknown> {
  const forText = makeAjv({ coerceTypes: 'array' });
  const forJson = makeAjv({ coerceTypes: false });
  return ({ schema, httpPart }) => (httpPart === 'body' ? forJson : forText).compile(schema as object);
}
