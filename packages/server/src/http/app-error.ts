import { errorCatalog, type ErrorCode } from '@storelink/contracts';

export interface FieldError {
  path: string;
  message: string;
}

/**
 * A broken rule or invariant, thrown from services and rendered once, by the error handler, as
 * `application/problem+json`. `detail` is written for the person who has to act on it.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly detail: string;
  readonly errors: FieldError[] | undefined;
  readonly extra: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    detail: string,
    options: { errors?: FieldError[]; extra?: Record<string, unknown> } = {},
  ) {
    super(`${code}: ${detail}`);
    this.name = 'AppError';
    this.code = code;
    this.detail = detail;
    this.errors = options.errors;
    this.extra = options.extra;
  }

  get status(): number {
    return errorCatalog[this.code].status;
  }
}

/** A validation failure on named fields. */
export function invalid(errors: FieldError[], detail?: string): AppError {
  const first = errors[0];
  return new AppError(
    'validation_failed',
    detail ??
      (errors.length === 1 && first
        ? `${first.path}: ${first.message}`
        : 'Some fields are not valid; see errors.'),
    { errors },
  );
}

export function notFound(what: string, key: string): AppError {
  return new AppError('not_found', `No ${what} ${key} exists. Check the id or code.`);
}

/** What `lookup` found, or `not_found` naming `what` was asked for by `key`. */
export async function requireFound<T>(lookup: Promise<T | undefined>, what: string, key: string): Promise<T> {
  const found = await lookup;
  if (found === undefined) throw notFound(what, key);
  return found;
}

export function conflict(detail: string): AppError {
  return new AppError('conflict', detail);
}
