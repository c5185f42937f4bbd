import type { Executor, Row } from '../../db/schema';

export interface MovementFilter {
  stationId: string;
  /** Inclusive lower bound on `occurred_at` (normalised instant). */
  from: string | undefined;
  /** Exclusive upper bound. */
  to: string | undefined;
  type: string | undefined;
  status: 'accepted' | 'quarantined' | 'pending_reference' | 'cancelled' | undefined;
  /** Keyset: the last item's `[occurredAt, incarnation, seq]`. */
  after: [string, number, number] | undefined;
  limit: number;
}

/** A station's movements, oldest first (ties in station order), one page plus one row (index `movements_station_occurred`). */
export function listStationMovements(db: Executor, f: MovementFilter) {
  let q = db
    .selectFrom('movements')
    .select([
      'id',
      'seq',
      'incarnation',
      'type',
      'status',
      'occurredAt',
      'receivedAt',
      'saleId',
      'totalCents',
      'errorCode',
      'cancelled',
      'notes',
    ])
    .where('stationId', '=', f.stationId)
    .orderBy('occurredAt')
    .orderBy('incarnation')
    .orderBy('seq')
    .limit(f.limit + 1);
  if (f.from !== undefined) q = q.where('occurredAt', '>=', f.from);
  if (f.to !== undefined) q = q.where('occurredAt', '<', f.to);
  if (f.type !== undefined) q = q.where('type', '=', f.type);
  if (f.status === 'cancelled') q = q.where('cancelled', '=', 1);
  else if (f.status !== undefined) q = q.where('status', '=', f.status);
  if (f.after) {
    const [at, incarnation, seq] = f.after;
    q = q.where((eb) =>
      eb.or([
        eb('occurredAt', '>', at),
        eb.and([eb('occurredAt', '=', at), eb('incarnation', '>', incarnation)]),
        eb.and([eb('occurredAt', '=', at), eb('incarnation', '=', incarnation), eb('seq', '>', seq)]),
      ]),
    );
  }
  return q.execute();
}

export function findStationMovement(db: Executor, stationId: string, id: string) {
  return db
    .selectFrom('movements')
    .selectAll()
    .where('id', '=', id)
    .where('stationId', '=', stationId)
    .executeTakeFirst();
}

/** The newest integration error of a movement (an open one first). */
export async function findErrorIdOfMovement(db: Executor, movementId: string): Promise<string | undefined> {
  const rows = await db
    .selectFrom('integrationErrors')
    .select(['id', 'status'])
    .where('movementId', '=', movementId)
    .orderBy('id', 'desc')
    .execute();
  return (rows.find((r) => r.status === 'open') ?? rows[0])?.id;
}

export function findStationStore(db: Executor, stationId: string) {
  return db
    .selectFrom('stations')
    .innerJoin('stationGroups', 'stationGroups.code', 'stations.groupCode')
    .innerJoin('stores', 'stores.code', 'stationGroups.storeCode')
    .select(['stations.id as id', 'stores.code as storeCode', 'stores.timezone as timezone'])
    .where('stations.id', '=', stationId)
    .executeTakeFirst();
}

export async function readSaleProjection(db: Executor, saleId: string) {
  const sale = await db.selectFrom('sales').selectAll().where('id', '=', saleId).executeTakeFirst();
  if (!sale) return null;
  const items = await db
    .selectFrom('saleItems')
    .selectAll()
    .where('saleId', '=', saleId)
    .orderBy('lineNo')
    .execute();
  const payments = await db
    .selectFrom('salePayments')
    .selectAll()
    .where('saleId', '=', saleId)
    .orderBy('n')
    .execute();
  return { sale, items, payments };
}

export async function readExchangeProjection(db: Executor, exchangeId: string) {
  const exchange = await db
    .selectFrom('exchanges')
    .selectAll()
    .where('id', '=', exchangeId)
    .executeTakeFirst();
  if (!exchange) return null;
  const items = await db
    .selectFrom('exchangeItems')
    .selectAll()
    .where('exchangeId', '=', exchangeId)
    .orderBy('n')
    .execute();
  const voucher =
    exchange.voucherCode === null
      ? undefined
      : await db
          .selectFrom('vouchers')
          .selectAll()
          .where('storeCode', '=', exchange.storeCode)
          .where('code', '=', exchange.voucherCode)
          .executeTakeFirst();
  return { exchange, items, voucher: voucher ?? null };
}

export function readCashSession(db: Executor, id: string): Promise<Row<'cashSessions'> | undefined> {
  return db.selectFrom('cashSessions').selectAll().where('id', '=', id).executeTakeFirst();
}

export function readCashMovement(db: Executor, id: string): Promise<Row<'cashMovements'> | undefined> {
  return db.selectFrom('cashMovements').selectAll().where('id', '=', id).executeTakeFirst();
}
