import { sql, type Expression, type SqlBool } from 'kysely';
import type { PageOf } from '@storelink/contracts';
import { invalid } from '../http/app-error';

/**
 * Keyset pagination. The cursor is opaque to clients: the sort key of the last item, base64url.
 * Lists are ordered by `code`, which is unique, so a page never repeats or skips an item even
 * while records are added.
 */
export function encodeCursor(key: string): string {
  return Buffer.from(key, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!key || encodeCursor(key) !== cursor) {
    throw invalid([
      { path: 'cursor', message: 'is not a cursor this server gave out; start from the first page' },
    ]);
  }
  return key;
}

/** Rows were fetched with `limit + 1`: the extra row only tells that another page exists. */
export function toPage<R, T>(
  rows: R[],
  limit: number,
  keyOf: (row: R) => string,
  map: (row: R) => T,
): PageOf<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map(map),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null,
  };
}

/**
 * Answers a list request (SPEC §12.1): `fetch` reads `limit + 1` rows (50 unless asked) after the
 * cursor's code, and one page of them is mapped to the wire. A cursor this server did not give out
 * is refused with `validation_failed` before anything is read.
 */
export async function readPage<Q extends { limit?: number; cursor?: string }, R extends { code: string }, T>(
  query: Q,
  fetch: (query: Q & { limit: number }, after: string | undefined) => Promise<R[]>,
  map: (row: R) => T,
): Promise<PageOf<T>> {
  const limit = query.limit ?? 50;
  const rows = await fetch({ ...query, limit }, decodeCursor(query.cursor));
  return toPage(rows, limit, (r) => r.code, map);
}

/** Case-insensitive "contains" on a column, with LIKE wildcards in the search text escaped. */
export function containsText(column: string, text: string): Expression<SqlBool> {
  const escaped = text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
  return sql<SqlBool>`lower(${sql.ref(column)}) like ${`%${escaped}%`} escape '\\'`;
}
