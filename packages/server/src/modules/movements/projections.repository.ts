import type { Database, Executor, Row } from '../../db/schema';
import type { WritePlan } from './ingest.plan';

/** Bound parameters per statement, under SQLite's 32766 and PostgreSQL's 65535. */
const PARAMETERS_PER_STATEMENT = 30_000;

type Table = keyof Database;

/**
 * Multi-row inserts, as few statements as the drivers' parameter limits allow: the backlog
 * benchmark holds the ingest to 3× a raw bulk insert of the same rows.
 */
export async function insertRows<T extends Table>(
  db: Executor,
  table: T,
  rows: readonly Row<T>[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0] as object).length;
  const perStatement = Math.max(1, Math.floor(PARAMETERS_PER_STATEMENT / columns));
  for (let i = 0; i < rows.length; i += perStatement) {
    // Kysely cannot relate a generic table name to its row type; the rows are typed by the caller.
    await db
      .insertInto(table)
      .values(rows.slice(i, i + perStatement) as never)
      .execute();
  }
}

/**
 * Writes the projections of a plan (everything but the movements and integration errors, which
 * the ingest writes after taking its ERP cursors). Cancellations of records planned in the same
 * transaction are merged into their rows; the others become updates.
 */
export async function writeProjections(db: Executor, plan: WritePlan): Promise<void> {
  const saleCancels = new Map(plan.saleCancels);
  for (const sale of plan.sales) {
    const cancel = saleCancels.get(sale.id);
    if (!cancel) continue;
    Object.assign(sale, { cancelled: 1, ...cancel });
    saleCancels.delete(sale.id);
  }
  const exchangeCancels = new Map(plan.exchangeCancels);
  for (const exchange of plan.exchanges) {
    const cancel = exchangeCancels.get(exchange.id);
    if (!cancel) continue;
    Object.assign(exchange, { cancelled: 1, ...cancel });
    exchangeCancels.delete(exchange.id);
  }

  await insertRows(db, 'sales', plan.sales);
  await insertRows(db, 'saleItems', plan.saleItems);
  await insertRows(db, 'salePayments', plan.salePayments);
  await insertRows(db, 'exchanges', plan.exchanges);
  await insertRows(db, 'exchangeItems', plan.exchangeItems);
  await insertRows(db, 'voucherRedemptions', plan.redemptions);
  await insertRows(db, 'cashMovements', plan.cashMovements);
  await insertRows(db, 'vouchers', plan.vouchersNew);

  for (const [id, cancel] of saleCancels)
    await db
      .updateTable('sales')
      .set({ cancelled: 1, ...cancel })
      .where('id', '=', id)
      .execute();
  for (const [id, cancel] of exchangeCancels)
    await db
      .updateTable('exchanges')
      .set({ cancelled: 1, ...cancel })
      .where('id', '=', id)
      .execute();
  if (plan.redemptionCancels.length > 0) {
    await db
      .updateTable('voucherRedemptions')
      .set({ cancelled: 1 })
      .where('id', 'in', plan.redemptionCancels)
      .execute();
  }
  for (const v of plan.voucherUpdates) {
    await db
      .updateTable('vouchers')
      .set({ balanceCents: v.balanceCents, status: v.status, updatedAt: v.updatedAt })
      .where('storeCode', '=', v.storeCode)
      .where('code', '=', v.code)
      .execute();
  }

  const newSessions: Row<'cashSessions'>[] = [];
  for (const { inDb, row } of plan.sessions.values()) {
    if (inDb) {
      const { id, ...patch } = row;
      await db.updateTable('cashSessions').set(patch).where('id', '=', id).execute();
    } else {
      newSessions.push({
        stationId: '',
        stationCode: '',
        storeCode: '',
        operatorCode: null,
        openedAt: null,
        openingFloatCents: null,
        openMovementId: null,
        closedAt: null,
        closedBy: null,
        declared: null,
        summary: null,
        closeMovementId: null,
        ...row,
      });
    }
  }
  await insertRows(db, 'cashSessions', newSessions);
}

/** Inserts new movements, marking those whose sale this transaction cancelled. */
export async function insertMovements(
  db: Executor,
  rows: Row<'movements'>[],
  cancelledSaleMovements: ReadonlySet<string>,
): Promise<void> {
  const stored: string[] = [];
  const planned = new Set(rows.map((r) => r.id));
  for (const row of rows) if (cancelledSaleMovements.has(row.id)) row.cancelled = 1;
  for (const id of cancelledSaleMovements) if (!planned.has(id)) stored.push(id);
  await insertRows(db, 'movements', rows);
  if (stored.length > 0)
    await db.updateTable('movements').set({ cancelled: 1 }).where('id', 'in', stored).execute();
}

export async function updateMovements(
  db: Executor,
  updates: ReadonlyMap<string, Partial<Row<'movements'>>>,
): Promise<void> {
  for (const [id, patch] of updates)
    await db.updateTable('movements').set(patch).where('id', '=', id).execute();
}

export async function writeIntegrationErrors(db: Executor, plan: WritePlan): Promise<void> {
  await insertRows(db, 'integrationErrors', plan.errorsNew);
  for (const [id, patch] of plan.errorUpdates)
    await db.updateTable('integrationErrors').set(patch).where('id', '=', id).execute();
}
