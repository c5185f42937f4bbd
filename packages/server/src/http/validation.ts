import type { FastifyInstance } from 'fastify';
import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';

function createAjv(options: Options): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false, ...options });
  addFormats(ajv);
  return ajv;
}

/**
 * Bodies are validated strictly: no type coercion, no defaults and no silent removal of unknown
 * fields, so `"5"` for a number or a misspelt field is refused (SPEC §10). Query strings and path
 * parameters arrive as text, so they are coerced to the declared types and take their defaults.
 */
export function registerValidation(app: FastifyInstance): void {
  const bodyAjv = createAjv({ coerceTypes: false, useDefaults: false, removeAdditional: false });
  const urlAjv = createAjv({ coerceTypes: true, useDefaults: true, removeAdditional: false });
  app.setValidatorCompiler(({ schema, httpPart }) =>
    httpPart === 'body' ? bodyAjv.compile(schema) : urlAjv.compile(schema),
  );
}
