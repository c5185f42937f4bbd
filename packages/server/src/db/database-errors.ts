import type { ErrorCode } from '@storelink/contracts';
import type { FieldError } from '../http/app-error';

interface Translated {
  code: ErrorCode;
  detail: string;
  errors?: FieldError[];
}

/**
 * Maps constraint violations that a race let through the service checks (two writers creating
 * the same code at once) to the same answer the service would have given.
 */
export function translateDatabaseError(error: unknown): Translated | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as { code?: unknown; message?: unknown; constraint?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  const message = typeof e.message === 'string' ? e.message : '';
  if (code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return { code: 'conflict', detail: 'A record with the same code already exists. Use another code.' };
  }
  if (code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
    return {
      code: 'validation_failed',
      detail: 'A referenced record does not exist. Check the codes you sent.',
    };
  }
  if (
    code === '57P01' ||
    code === 'ECONNREFUSED' ||
    code === '08006' ||
    code === '08001' ||
    /Connection terminated/.test(message)
  ) {
    return { code: 'unavailable', detail: 'The database is not reachable right now. Try again in a moment.' };
  }
  return undefined;
}
