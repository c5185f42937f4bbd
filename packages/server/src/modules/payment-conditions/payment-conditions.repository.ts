import type { ListQuery } from '@storelink/contracts';
import type { Executor, Row } from '../../db/schema';
import { containsText } from '../../db/paging';

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
) {
  let q = db
    .selectFrom('paymentConditions')
    .selectAll()
    .orderBy('code')
    .limit(query.limit + 1);
  if (after !== undefined) q = q.where('code', '>', after);
  if (query.active !== undefined) q = q.where('active', '=', query.active ? 1 : 0);
  if (query.q) {
    const text = query.q;
    q = q.where((eb) => eb.or([containsText('code', text), containsText('name', text)]));
  }
  return q.execute();
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
  let q = db.selectFrom('paymentConditions').selectAll().where('active', '=', 1).orderBy('code').limit(limit);
  if (after !== undefined) q = q.where('code', '>', after);
  return q.execute();
}
