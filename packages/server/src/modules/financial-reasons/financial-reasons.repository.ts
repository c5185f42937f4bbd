import type { FinancialReasonListQuery } from '@storelink/contracts';
import type { Executor, Row } from '../../db/schema';
import { containsText } from '../../db/paging';

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
) {
  let q = db
    .selectFrom('financialReasons')
    .selectAll()
    .orderBy('code')
    .limit(query.limit + 1);
  if (after !== undefined) q = q.where('code', '>', after);
  if (query.active !== undefined) q = q.where('active', '=', query.active ? 1 : 0);
  if (query.kind !== undefined) q = q.where('kind', '=', query.kind);
  if (query.q) {
    const text = query.q;
    q = q.where((eb) => eb.or([containsText('code', text), containsText('name', text)]));
  }
  return q.execute();
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
  let q = db.selectFrom('financialReasons').selectAll().where('active', '=', 1).orderBy('code').limit(limit);
  if (after !== undefined) q = q.where('code', '>', after);
  return q.execute();
}
