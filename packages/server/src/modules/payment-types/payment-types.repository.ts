import type { PaymentTypeListQuery } from '@storelink/contracts';
import type { Executor, Row } from '../../db/schema';
import { isListed, mayListCode } from '../../db/code-lists';
import { listActiveByCode, listByCode } from '../../db/listing';

export type PaymentTypeRow = Row<'paymentTypes'>;

export async function findPaymentTypeById(db: Executor, id: string): Promise<PaymentTypeRow | undefined> {
  return db.selectFrom('paymentTypes').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findPaymentTypeByCode(db: Executor, code: string): Promise<PaymentTypeRow | undefined> {
  return db.selectFrom('paymentTypes').selectAll().where('code', '=', code).executeTakeFirst();
}

/** One page plus one row, ordered by code, after the cursor's code. */
export async function listPaymentTypes(
  db: Executor,
  query: PaymentTypeListQuery & { limit: number },
  after: string | undefined,
): Promise<PaymentTypeRow[]> {
  return listByCode(db, 'paymentTypes', query, after, { kind: query.kind });
}

export async function insertPaymentType(db: Executor, row: PaymentTypeRow): Promise<void> {
  await db.insertInto('paymentTypes').values(row).execute();
}

export async function updatePaymentType(
  db: Executor,
  id: string,
  patch: Partial<PaymentTypeRow>,
): Promise<void> {
  await db.updateTable('paymentTypes').set(patch).where('id', '=', id).execute();
}

/** Codes of the active conditions with more than one installment that list the payment type. */
export async function listActiveInstallmentConditionCodesUsing(
  db: Executor,
  typeCode: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('paymentConditions')
    .select(['code', 'paymentTypeCodes'])
    .where('active', '=', 1)
    .where('installments', '>', 1)
    .where(mayListCode('paymentTypeCodes', typeCode))
    .orderBy('code')
    .execute();
  return rows.filter((r) => isListed(r.paymentTypeCodes, typeCode)).map((r) => r.code);
}

export async function listActivePaymentTypes(
  db: Executor,
  after: string | undefined,
  limit: number,
): Promise<PaymentTypeRow[]> {
  return listActiveByCode(db, 'paymentTypes', after, limit);
}
