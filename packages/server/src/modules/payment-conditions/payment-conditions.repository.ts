import type { ListQuery } from '@storelink/contracts';
import type { Executor, Row } from '../../db/schema';
import { listActiveByCode, listByCode } from '../../db/listing';

export type PaymentConditionRow = Row<'paymentConditions'>;

export async function findPaymentConditionById(
  db: Executor,
  id: string,
): Promise<PaymentConditionRow | undefined> {
  return db.selectFrom('paymentConditions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findPaymentConditionByCode(
  db: Executor,
  code: string,
): Promise<PaymentConditionRow | undefined> {
  return db.selectFrom('paymentConditions').selectAll().where('code', '=', code).executeTakeFirst();
}

/** One page plus one row, ordered by code, after the cursor's code. */
export async function listPaymentConditions(
  db: Executor,
  query: ListQuery & { limit: number },
  after: string | undefined,
): Promise<PaymentConditionRow[]> {
  return listByCode(db, 'paymentConditions', query, after);
}

export async function insertPaymentCondition(db: Executor, row: PaymentConditionRow): Promise<void> {
  await db.insertInto('paymentConditions').values(row).execute();
}

export async function updatePaymentCondition(
  db: Executor,
  id: string,
  patch: Partial<PaymentConditionRow>,
): Promise<void> {
  await db.updateTable('paymentConditions').set(patch).where('id', '=', id).execute();
}

/** For each existing payment type among `codes`, whether it allows installments. */
export async function readAllowsInstallments(
  db: Executor,
  codes: readonly string[],
): Promise<Map<string, boolean>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectFrom('paymentTypes')
    .select(['code', 'allowsInstallments'])
    .where('code', 'in', [...codes])
    .execute();
  return new Map(rows.map((r) => [r.code, r.allowsInstallments === 1]));
}

export async function listActivePaymentConditions(
  db: Executor,
  after: string | undefined,
  limit: number,
): Promise<PaymentConditionRow[]> {
  return listActiveByCode(db, 'paymentConditions', after, limit);
}
