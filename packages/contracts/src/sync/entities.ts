/**
 * Entity names of the snapshot and the change feed (SPEC §12.2). Header `counts` are keyed by
 * them, and changes use the same names.
 */
export const syncEntities = [
  'store',
  'stationGroup',
  'station',
  'settings',
  'product',
  'price',
  'seller',
  'operator',
  'paymentType',
  'paymentCondition',
  'financialReason',
  'promotion',
  'voucher',
] as const;
export type SyncEntity = (typeof syncEntities)[number];
