import type { FinancialReasonListQuery } from '@storelink/contracts';
import type { Executor, Row } from '../../db/schema';
import { listActiveByCode, listByCode } from '../../db/listing';

export type FinancialReasonRow = Row<'financialReasons'>;

export async function findFinancialReasonById(
  db: Executor,
  id: string,
): Promise<FinancialReasonRow | undefined> {
  return db.selectFrom('financialReasons').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findFinancialReasonByCode(
  db: Executor,
  code: string,
): Promise<FinancialReasonRow | undefined> {
  return db.selectFrom('financialReasons').selectAll().where('code', '=', code).executeTakeFirst();
}

/** One page plus one row, ordered by code, after the cursor's code. */
export async function listFinancialReasons(
  db: Executor,
  query: FinancialReasonListQuery & { limit: number },
  after: string | undefined,
): Promise<FinancialReasonRow[]> {
  return listByCode(db, 'financialReasons', query, after, { kind: query.kind });
}

export async function insertFinancialReason(db: Executor, row: FinancialReasonRow): Promise<void> {
  await db.insertInto('financialReasons').values(row).execute();
}

export async function updateFinancialReason(
  db: Executor,
  id: string,
  patch: Partial<FinancialReasonRow>,
): Promise<void> {
  await db.updateTable('financialReasons').set(patch).where('id', '=', id).execute();
}

export async function listActiveFinancialReasons(
  db: Executor,
  after: string | undefined,
  limit: number,
): Promise<FinancialReasonRow[]> {
  return listActiveByCode(db, 'financialReasons', after, limit);
}
