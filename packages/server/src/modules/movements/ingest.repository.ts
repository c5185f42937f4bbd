import { sql } from 'kysely';
import type { Dialect } from '../../db/database';
import type { Executor, Row } from '../../db/schema';

/**
 * Reads of the ingest: reference data and the booked records a batch refers to. Every read takes
 * a whole list of keys at once (one round trip per table and batch, never one per movement).
 * `lock` adds `FOR UPDATE` on PostgreSQL, in key order, so two stations of a store that touch
 * the same voucher or sale book one after the other; SQLite has a single writer anyway.
 */

const IN_CHUNK = 500;

/** Runs `read` over `keys` in chunks small enough for any driver's parameter limit. */
async function inChunks<K, R>(keys: readonly K[], read: (chunk: K[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < keys.length; i += IN_CHUNK) out.push(...(await read(keys.slice(i, i + IN_CHUNK))));
  return out;
}

export function readPaymentTypes(db: Executor) {
  return db
    .selectFrom('paymentTypes')
    .select(['code', 'kind', 'givesChange', 'allowsInstallments'])
    .execute();
}

export function readPaymentConditions(db: Executor) {
  return db
    .selectFrom('paymentConditions')
    .select([
      'code',
      'paymentTypeCodes',
      'installments',
      'firstDueDays',
      'intervalDays',
      'surchargeBp',
      'minInstallmentCents',
    ])
    .execute();
}

export function readFinancialReasons(db: Executor) {
  return db.selectFrom('financialReasons').select(['code', 'kind']).execute();
}

/** SKUs with what pricing needs of their product (inactive ones too: the sale happened). */
export function readSkus(db: Executor, codes: readonly string[]) {
  return inChunks(codes, (chunk) =>
    db
      .selectFrom('skus')
      .innerJoin('products', 'products.code', 'skus.productCode')
      .select(['skus.code as code', 'skus.productCode as productCode', 'products.category as category'])
      .where('skus.code', 'in', chunk)
      .execute(),
  );
}

export async function readExistingCodes(
  db: Executor,
  table: 'sellers' | 'operators',
  codes: readonly string[],
): Promise<Set<string>> {
  const rows = await inChunks(codes, (chunk) =>
    db.selectFrom(table).select('code').where('code', 'in', chunk).execute(),
  );
  return new Set(rows.map((r) => r.code));
}

export function readGroups(db: Executor, codes: readonly string[]) {
  return inChunks(codes, (chunk) =>
    db
      .selectFrom('stationGroups')
      .select(['code', 'storeCode', 'paymentTypeCodes'])
      .where('code', 'in', chunk)
      .execute(),
  );
}

export function readStores(db: Executor, codes: readonly string[]) {
  return inChunks(codes, (chunk) =>
    db.selectFrom('stores').select(['code', 'timezone']).where('code', 'in', chunk).execute(),
  );
}

/**
 * Locks the station incarnation's sequence row and returns its `lastSeq`: the first statement of
 * every batch, so two batches of one station run one after the other on PostgreSQL (the second
 * waits for the first to commit, then reads its `lastSeq`). Creates the row if pairing did not.
 */
export async function lockLastSeq(db: Executor, stationId: string, incarnation: number): Promise<number> {
  const lock = () =>
    db
      .updateTable('stationSequences')
      .set((eb) => ({ lastSeq: eb.ref('lastSeq') }))
      .where('stationId', '=', stationId)
      .where('incarnation', '=', incarnation)
      .returning('lastSeq')
      .executeTakeFirst();
  let row = await lock();
  if (!row) {
    await db
      .insertInto('stationSequences')
      .values({ stationId, incarnation, lastSeq: 0 })
      .onConflict((oc) => oc.columns(['stationId', 'incarnation']).doNothing())
      .execute();
    row = await lock();
  }
  return Number(row?.lastSeq ?? 0);
}

export async function saveLastSeq(db: Executor, stationId: string, incarnation: number, lastSeq: number) {
  await db
    .updateTable('stationSequences')
    .set({ lastSeq })
    .where('stationId', '=', stationId)
    .where('incarnation', '=', incarnation)
    .execute();
}

/** The stored movements of a station incarnation at these seqs (a resent batch). */
export function readMovementsBySeqs(
  db: Executor,
  stationId: string,
  incarnation: number,
  seqs: readonly number[],
) {
  return inChunks(seqs, (chunk) =>
    db
      .selectFrom('movements')
      .select(['id', 'seq', 'type', 'receivedHash'])
      .where('stationId', '=', stationId)
      .where('incarnation', '=', incarnation)
      .where('seq', 'in', chunk)
      .execute(),
  );
}

/** `settings.integrationLogLevel`: `all` logs every movement, `errors` only what was not booked. */
export async function readIntegrationLogLevel(db: Executor): Promise<'errors' | 'all'> {
  const row = await db.selectFrom('settings').select('integrationLogLevel').executeTakeFirst();
  return row?.integrationLogLevel ?? 'errors';
}

/** `movementId|payloadHash` of the duplicate_mismatch errors already recorded for these movements. */
export async function readMismatchKeys(db: Executor, movementIds: readonly string[]): Promise<Set<string>> {
  const rows = await inChunks(movementIds, (chunk) =>
    db
      .selectFrom('integrationErrors')
      .select(['movementId', 'payloadHash'])
      .where('movementId', 'in', chunk)
      .where('code', '=', 'duplicate_mismatch')
      .execute(),
  );
  return new Set(rows.map((r) => `${r.movementId}|${r.payloadHash}`));
}

/** Movements already stored under these ids (a restored register resending, or a clash). */
export function readMovementsByIds(db: Executor, ids: readonly string[]) {
  return inChunks(ids, (chunk) =>
    db
      .selectFrom('movements')
      .select(['id', 'stationId', 'stationCode', 'seq', 'type', 'receivedHash'])
      .where('id', 'in', chunk)
      .execute(),
  );
}

export type SaleState = Pick<
  Row<'sales'>,
  'id' | 'movementId' | 'storeCode' | 'cancelled' | 'cancelMovementId'
>;

export function readSales(db: Executor, dialect: Dialect, ids: readonly string[]): Promise<SaleState[]> {
  const sorted = [...ids].sort();
  return inChunks(sorted, (chunk) => {
    let q = db
      .selectFrom('sales')
      .select(['id', 'movementId', 'storeCode', 'cancelled', 'cancelMovementId'])
      .where('id', 'in', chunk)
      .orderBy('id');
    if (dialect === 'postgres') q = q.forUpdate();
    return q.execute();
  });
}

export type ExchangeState = Pick<
  Row<'exchanges'>,
  'id' | 'movementId' | 'storeCode' | 'cancelled' | 'cancelMovementId' | 'voucherCode'
>;

export function readExchanges(
  db: Executor,
  dialect: Dialect,
  ids: readonly string[],
): Promise<ExchangeState[]> {
  const sorted = [...ids].sort();
  return inChunks(sorted, (chunk) => {
    let q = db
      .selectFrom('exchanges')
      .select(['id', 'movementId', 'storeCode', 'cancelled', 'cancelMovementId', 'voucherCode'])
      .where('id', 'in', chunk)
      .orderBy('id');
    if (dialect === 'postgres') q = q.forUpdate();
    return q.execute();
  });
}

export type VoucherRow = Row<'vouchers'>;

/** Vouchers by `(storeCode, code)`, locked in key order on PostgreSQL. */
export function readVouchers(
  db: Executor,
  dialect: Dialect,
  keys: readonly { storeCode: string; code: string }[],
): Promise<VoucherRow[]> {
  const sorted = [...keys].sort((a, b) =>
    a.storeCode === b.storeCode ? cmp(a.code, b.code) : cmp(a.storeCode, b.storeCode),
  );
  return inChunks(sorted, (chunk) => {
    let q = db
      .selectFrom('vouchers')
      .selectAll()
      .where((eb) =>
        eb.or(chunk.map((k) => eb.and([eb('storeCode', '=', k.storeCode), eb('code', '=', k.code)]))),
      )
      .orderBy('storeCode')
      .orderBy('code');
    if (dialect === 'postgres') q = q.forUpdate();
    return q.execute();
  });
}

/** Live (not reversed) voucher redemptions of these sales. */
export function readRedemptionsOfSales(db: Executor, saleIds: readonly string[]) {
  return inChunks(saleIds, (chunk) =>
    db
      .selectFrom('voucherRedemptions')
      .selectAll()
      .where('saleId', 'in', chunk)
      .where('cancelled', '=', 0)
      .execute(),
  );
}

export function readCashSessions(db: Executor, ids: readonly string[]) {
  return inChunks(ids, (chunk) =>
    db
      .selectFrom('cashSessions')
      .select(['id', 'openMovementId', 'closeMovementId'])
      .where('id', 'in', chunk)
      .execute(),
  );
}

/**
 * Pending movements waiting for any of `keys`, or with one of `ids`, oldest first, locked on
 * PostgreSQL (two transactions must not resolve the same one). The literal status lets both
 * databases use the partial index `movements_pending`.
 */
export async function readPending(
  db: Executor,
  dialect: Dialect,
  keys: readonly string[],
  ids: readonly string[] = [],
): Promise<Row<'movements'>[]> {
  const byKey = await inChunks(keys, (chunk) => {
    let q = db
      .selectFrom('movements')
      .selectAll()
      .where(sql<boolean>`status = 'pending_reference'`)
      .where('waitingFor', 'in', chunk)
      .orderBy('id');
    if (dialect === 'postgres') q = q.forUpdate();
    return q.execute();
  });
  const seen = new Set(byKey.map((r) => r.id));
  const rest = ids.filter((id) => !seen.has(id));
  const byId = await inChunks(rest, (chunk) => {
    let q = db
      .selectFrom('movements')
      .selectAll()
      .where(sql<boolean>`status = 'pending_reference'`)
      .where('id', 'in', chunk)
      .orderBy('id');
    if (dialect === 'postgres') q = q.forUpdate();
    return q.execute();
  });
  return [...byKey, ...byId].sort((a, b) => cmp(a.receivedAt, b.receivedAt) || cmp(a.id, b.id));
}

/** Whether any movement waits for a reference: the common answer, no, skips the lookups. */
export async function hasAnyPending(db: Executor): Promise<boolean> {
  const row = await db
    .selectFrom('movements')
    .select('id')
    .where(sql<boolean>`status = 'pending_reference'`)
    .where('waitingFor', 'is not', null)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
