import type { TSchema } from 'typebox';
import { Value } from 'typebox/value';

/**
 * Field errors keyed by the API's path notation (`name`, `skus[0].barcodes`, `target.skuCodes`),
 * the same notation the server uses in `errors[].path`, so local and server errors land on the
 * same fields.
 */
export type FieldErrors = Record<string, string[]>;

/** How a schema rule is put into words; the dictionary supplies the language. */
export interface RuleWords {
  required(): string;
  minLength(limit: number): string;
  maxLength(limit: number): string;
  pattern(): string;
  minimum(limit: number): string;
  maximum(limit: number): string;
  minItems(limit: number): string;
  maxItems(limit: number): string;
  uniqueItems(): string;
  type(): string;
  format(format: string): string;
  oneOf(): string;
}

/** "/skus/0/code" → "skus[0].code". */
export function toApiPath(instancePath: string): string {
  return instancePath
    .replace(/^\//, '')
    .replace(/\/(\d+)(?=\/|$)/g, '[$1]')
    .replace(/\//g, '.');
}

function join(base: string, property: string): string {
  return base ? `${base}.${property}` : property;
}

export function addError(errors: FieldErrors, path: string, message: string): void {
  const list = (errors[path] ??= []);
  if (!list.includes(message)) list.push(message);
}

function num(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}

/**
 * Checks a request body against the very schema the API registers for that route (from
 * `@storelink/contracts`), and words each failure for the field it belongs to. An empty
 * answer means the API's schema validation will accept the body too.
 */
export function validateAgainst(schema: TSchema, body: unknown, words: RuleWords): FieldErrors {
  const errors: FieldErrors = {};
  for (const error of Value.Errors(schema, body)) {
    const path = toApiPath(error.instancePath);
    const params = error.params as Record<string, unknown>;
    // Widened to string: the default branch below handles every keyword not worded here.
    const keyword: string = error.keyword;
    switch (keyword) {
      case 'required': {
        const missing = Array.isArray(params.requiredProperties) ? params.requiredProperties : [];
        for (const property of missing) addError(errors, join(path, String(property)), words.required());
        break;
      }
      case 'minLength':
        addError(
          errors,
          path,
          num(params.limit) === 1 ? words.required() : words.minLength(num(params.limit)),
        );
        break;
      case 'maxLength':
        addError(errors, path, words.maxLength(num(params.limit)));
        break;
      case 'pattern':
        addError(errors, path, words.pattern());
        break;
      case 'minimum':
        addError(errors, path, words.minimum(num(params.limit)));
        break;
      case 'maximum':
        addError(errors, path, words.maximum(num(params.limit)));
        break;
      case 'minItems':
        addError(errors, path, words.minItems(num(params.limit)));
        break;
      case 'maxItems':
        addError(errors, path, words.maxItems(num(params.limit)));
        break;
      case 'uniqueItems':
        addError(errors, path, words.uniqueItems());
        break;
      case 'type':
        addError(errors, path, words.type());
        break;
      case 'format':
        addError(errors, path, words.format(String(params.format)));
        break;
      case 'anyOf':
      case 'oneOf':
      case 'enum':
      case 'const':
        addError(errors, path, words.oneOf());
        break;
      default:
        // `boolean` (a refused extra field) and composite keywords repeat a failure already
        // reported on a more precise keyword; anything else is still shown, in the schema's words.
        if (keyword !== 'boolean' && keyword !== 'additionalProperties') {
          addError(errors, path, error.message);
        }
    }
  }
  return errors;
}

/**
 * Puts each error on the most specific field shown in the form: an error on `skus[0].barcodes[1]`
 * goes to the `skus[0].barcodes` input when there is one, else to `skus`. Errors that match no
 * field are returned in `unplaced`, to be shown at the top of the form.
 */
export function placeErrors(
  errors: FieldErrors,
  fieldPaths: readonly string[],
): { byField: FieldErrors; unplaced: string[] } {
  const byField: FieldErrors = {};
  const unplaced: string[] = [];
  for (const [path, messages] of Object.entries(errors)) {
    let best: string | undefined;
    for (const field of fieldPaths) {
      const matches = path === field || path.startsWith(`${field}.`) || path.startsWith(`${field}[`);
      if (matches && (best === undefined || field.length > best.length)) best = field;
    }
    for (const message of messages) {
      if (best === undefined) unplaced.push(path && path !== 'body' ? `${path}: ${message}` : message);
      else addError(byField, best, message);
    }
  }
  return { byField, unplaced };
}
