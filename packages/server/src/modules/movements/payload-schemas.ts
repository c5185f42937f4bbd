import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { movementPayloadSchemas, type MovementType } from '@storelink/contracts';

/**
 * The movement payload schemas (contracts), compiled once per process with the same strictness as
 * request bodies: no coercion, no defaults, unknown fields refused.
 */
const ajv = new Ajv({ allErrors: true, strict: false, coerceTypes: false, useDefaults: false });
addFormats(ajv);

const validators = Object.fromEntries(
  Object.entries(movementPayloadSchemas).map(([type, schema]) => [type, ajv.compile(schema)]),
) as Record<MovementType, ValidateFunction>;

/** Null when `payload` matches its type's schema, else what is wrong, in words. */
export function checkPayloadSchema(type: MovementType, payload: unknown): string | null {
  const validate = validators[type];
  if (validate(payload)) return null;
  return describe(validate.errors ?? []);
}

function describe(errors: readonly ErrorObject[]): string {
  const parts = errors.slice(0, 5).map((e) => {
    const path = `payload${e.instancePath.replace(/\//g, '.')}`;
    if (e.keyword === 'additionalProperties')
      return `${path}: unknown field ${String((e.params as { additionalProperty?: string }).additionalProperty)}`;
    if (e.keyword === 'required')
      return `${path}: missing field ${String((e.params as { missingProperty?: string }).missingProperty)}`;
    return `${path}: ${e.message ?? 'is not valid'}`;
  });
  const more = errors.length > 5 ? ` (and ${errors.length - 5} more)` : '';
  return `The payload does not match its movement schema: ${parts.join('; ')}${more}.`;
}
