import type { OperatorListQuery } from '@storelink/contracts';
import type { Executor, Row } from '../../db/schema';
import { mayListCodeOrAll } from '../../db/code-lists';
import { containsText } from '../../db/paging';

export type OperatorRow = Row<'operators'>;

export async function findOperatorById(db: Executor, id: string): Promise<OperatorRow | undefined> {
  return db.selectFrom('operators').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findOperatorByCode(db: Executor, code: string): Promise<OperatorRow | undefined> {
  return db.selectFrom('operators').selectAll().where('code', '=', code).executeTakeFirst();
}

/** One page plus one row, ordered by code, after the cursor's code. */
export async function listOperators(
  db: Executor,
  query: OperatorListQuery & { limit: number },
  after: string | undefined,
) {
  let q = db
    .selectFrom('operators')
    .selectAll()
    .orderBy('code')
    .limit(query.limit + 1);
  if (after !== undefined) q = q.where('code', '>', after);
  if (query.active !== undefined) q = q.where('active', '=', query.active ? 1 : 0);
  if (query.role !== undefined) q = q.where('role', '=', query.role);
  if (query.q) {
    const text = query.q;
    q = q.where((eb) => eb.or([containsText('code', text), containsText('name', text)]));
  }
  return q.execute();
}

export async function insertOperator(db: Executor, row: OperatorRow): Promise<void> {
  await db.insertInto('operators').values(row).execute();
}

export async function updateOperator(db: Executor, id: string, patch: Partial<OperatorRow>): Promise<void> {
  await db.updateTable('operators').set(patch).where('id', '=', id).execute();
}

/** Active operators that may work in the store (prefiltered; see `mayListCodeOrAll`), by code. */
export async function listActiveOperatorsMaybeInStore(
  db: Executor,
  storeCode: string,
  after: string | undefined,
  limit: number,
): Promise<OperatorRow[]> {
  let q = db
    .selectFrom('operators')
    .selectAll()
    .where('active', '=', 1)
    .where(mayListCodeOrAll('storeCodes', storeCode))
    .orderBy('code')
    .limit(limit);
  if (after !== undefined) q = q.where('code', '>', after);
  return q.execute();
}
