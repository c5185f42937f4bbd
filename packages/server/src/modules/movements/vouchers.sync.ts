import type { SyncVoucher } from '@storelink/contracts';
import type { Executor, Row } from '../../db/schema';
import type { Visible } from '../changes/change-plan';
import { readInBatches, SNAPSHOT_BATCH, type SnapshotSource } from '../../sync/snapshot-source';

type VoucherFields = Pick<
  Row<'vouchers'>,
  'storeCode' | 'code' | 'amountCents' | 'balanceCents' | 'status' | 'stationCode' | 'issuedAt'
>;

/**
 * A voucher as the store's stations hold it (change-log `data` of entity `voucher`, key = code,
 * store scope): `{code, storeCode, amountCents, balanceCents, status: 'open', issuedAt, issuedBy}`.
 */
export function toSyncVoucher(v: VoucherFields): SyncVoucher {
  return {
    code: v.code,
    storeCode: v.storeCode,
    amountCents: Number(v.amountCents),
    balanceCents: Number(v.balanceCents),
    status: 'open',
    issuedAt: v.issuedAt,
    issuedBy: v.stationCode,
  };
}

/**
 * Stations of the voucher's store see it while it can be spent: open with a balance. Spent in
 * full or cancelled, it leaves them as a `delete` (planChanges).
 */
export function visibleVoucher(v: VoucherFields): Visible {
  return {
    data: toSyncVoucher(v),
    scopes: [{ kind: 'store', key: v.storeCode }],
    active: v.status === 'open' && Number(v.balanceCents) > 0,
  };
}

function listOpenVouchers(db: Executor, storeCode: string, after: string | undefined) {
  let q = db
    .selectFrom('vouchers')
    .selectAll()
    .where('storeCode', '=', storeCode)
    .where('status', '=', 'open')
    .where('balanceCents', '>', 0)
    .orderBy('code')
    .limit(SNAPSHOT_BATCH);
  if (after !== undefined) q = q.where('code', '>', after);
  return q.execute();
}

/** The open vouchers of the station's store (SPEC §4.2 "open vouchers of the store"). */
export const voucherSnapshotSource: SnapshotSource = {
  entity: 'voucher',
  read(db, scope) {
    return readInBatches(
      (after) => listOpenVouchers(db, scope.storeCode, after),
      (row) => row.code,
      (row) => ({ key: row.code, data: toSyncVoucher(row) }),
    );
  },
};
