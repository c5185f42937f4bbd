import { Type, type Static } from 'typebox';
import { Cents, Code, IsoDateTime } from '../common';

/**
 * A voucher as the store's stations hold it (entity `voucher`, key = its code, store scope), so
 * any station of the store can redeem it offline (SPEC §4.2, §4.3). Only open vouchers with a
 * balance reach stations: a fully used or cancelled voucher arrives as a `delete`.
 */
export const SyncVoucher = Type.Object({
  code: Code,
  storeCode: Code,
  amountCents: Cents,
  balanceCents: Cents,
  status: Type.Literal('open'),
  issuedAt: IsoDateTime,
  /** The station whose exchange issued it. */
  issuedBy: Code,
});
export type SyncVoucher = Static<typeof SyncVoucher>;
