import type { FastifyInstance } from 'fastify';
import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { TSchema } from 'typebox';
import type { FieldError } from './app-error';
import { toFieldErrors } from './problem';

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

/** The body validator's options, for schemas checked outside a route (rows of a streamed import). */
const rowAjv = createAjv({ coerceTypes: false, useDefaults: false, removeAdditional: false });

export type RowCheck<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/**
 * Compiles a contract schema once, with exactly the rules a route body gets, for values that do
 * not arrive as a route body: each row of a streamed import is checked against the same schema as
 * the single-record route, and its errors read the same.
 */
export function compileRowValidator<T>(schema: TSchema): (value: unknown) => RowCheck<T> {
  const validate = rowAjv.compile(schema);
  return (value) =>
    validate(value)
      ? { ok: true, value: value as T }
      : { ok: false, errors: toFieldErrors(validate.errors ?? []) };
}
