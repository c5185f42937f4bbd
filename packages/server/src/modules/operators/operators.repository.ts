import type { OperatorListQuery } from '@storelink/contracts';
import type { Executor, Row } from '../../db/schema';
import { mayListCodeOrAll } from '../../db/code-lists';
import { listActiveByCode, listByCode } from '../../db/listing';

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
): Promise<OperatorRow[]> {
  return listByCode(db, 'operators', query, after, { role: query.role });
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
  return listActiveByCode(db, 'operators', after, limit, mayListCodeOrAll('storeCodes', storeCode));
}
