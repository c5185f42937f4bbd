/**
 * Splits a long list for `IN (…)` lists and multi-row inserts: SQLite and PostgreSQL both cap the
 * number of parameters of one statement (32,766 and 65,535), and a batch may exceed that.
 */
export function chunksOf<T>(items: readonly T[], size = 500): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
