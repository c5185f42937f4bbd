import type { SnapshotSource } from './snapshot-source';
import { financialReasonSnapshotSource } from '../modules/financial-reasons/financial-reasons.sync';
import { paymentConditionSnapshotSource } from '../modules/payment-conditions/payment-conditions.sync';
import { paymentTypeSnapshotSource } from '../modules/payment-types/payment-types.sync';
import { storeSnapshotSource } from '../modules/stores/stores.sync';

/** Every entity a snapshot carries, in the order it streams them. */
export const snapshotSources: SnapshotSource[] = [
  storeSnapshotSource,
  paymentTypeSnapshotSource,
  paymentConditionSnapshotSource,
  financialReasonSnapshotSource,
];
