import { sql, type Expression, type SqlBool } from 'kysely';
import type { ListQuery } from '@storelink/contracts';
import type { Database, Executor, Flag, Row } from './schema';
import { containsText } from './paging';

/** Master-data tables keyed by a unique `code`, with a `name` and an `active` flag. */
export type CodeKeyedTable = {
  [T in keyof Database]: Database[T] extends { code: string; name: string; active: Flag } ? T : never;
}[keyof Database];

/** Equality filters of a list (`?kind=`, `?groupCode=`): a filter whose value is undefined is left out. */
export type ListFilters<T extends CodeKeyedTable> = { [C in keyof Row<T>]?: Row<T>[C] | undefined };

/*
 * Every code-keyed table has `code`, `name` and `active`, so Kysely is shown one of them
 * (`table as 'stores'`) to type the query, and the rows come back as those of `table` (`select *`).
 * `asRowsOf` is where that is said; it is this file's only other cast.
 */
function asRowsOf<T extends CodeKeyedTable>(rows: Row<'stores'>[]): Row<T>[] {
  return rows as unknown as Row<T>[];
}

/**
 * One page plus one row of an admin list (SPEC §12.1), ordered by code, after the cursor's code:
 * `active` keeps active or inactive records, `q` searches code or name (case-insensitive), and each
 * of `filters` must equal its column. `toPage` then tells from the extra row whether more follow.
 */
export async function listByCode<T extends CodeKeyedTable>(
  db: Executor,
  table: T,
  query: ListQuery & { limit: number },
  after: string | undefined,
  filters: ListFilters<T> = {},
): Promise<Row<T>[]> {
  let q = db
    .selectFrom(table as 'stores')
    .selectAll()
    .orderBy('code')
    .limit(query.limit + 1);
  if (after !== undefined) q = q.where('code', '>', after);
  if (query.active !== undefined) q = q.where('active', '=', query.active ? 1 : 0);
  for (const [column, value] of Object.entries(filters)) {
    if (value !== undefined) q = q.where(sql.ref(column), '=', value);
  }
  if (query.q) {
    const text = query.q;
    q = q.where((eb) => eb.or([containsText('code', text), containsText('name', text)]));
  }
  return asRowsOf<T>(await q.execute());
}

/**
 * Active records after `after`, by code, at most `limit`: one batch of a station snapshot. `also`
 * narrows them further (a prefilter such as `mayListCodeOrAll`).
 */
export async function listActiveByCode<T extends CodeKeyedTable>(
  db: Executor,
  table: T,
  after: string | undefined,
  limit: number,
  also?: Expression<SqlBool>,
): Promise<Row<T>[]> {
  let q = db
    .selectFrom(table as 'stores')
    .selectAll()
    .where('active', '=', 1)
    .orderBy('code')
    .limit(limit);
  if (also !== undefined) q = q.where(also);
  if (after !== undefined) q = q.where('code', '>', after);
  return asRowsOf<T>(await q.execute());
}
