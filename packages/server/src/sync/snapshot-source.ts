import type { SyncEntity } from '@storelink/contracts';
import type { Executor } from '../db/schema';

/** What decides a station's catalog: its own code, its group, the group's store and price list. */
export interface StationScope {
  stationCode: string;
  groupCode: string;
  storeCode: string;
  priceListCode: string;
}

/** One record as stations see it: the same `data` the change log carries for it. */
export interface SyncRecord {
  key: string;
  data: unknown;
}

/**
 * Where the snapshot reads one entity from. Each master-data module provides one next to its
 * service, built from the same `toX` function its writes put in the change log, so a snapshot row
 * and a change of the same record carry identical JSON (the catalog checksum relies on it).
 * `read` yields active records visible in the scope, in batches, inside the caller's transaction.
 */
export interface SnapshotSource {
  entity: SyncEntity;
  read(db: Executor, scope: StationScope): AsyncIterable<SyncRecord[]>;
  /**
   * How many records `read` yields for the scope, for the header's `counts` (the station's
   * progress bar). Without it the snapshot counts by reading the source twice.
   */
  count?(db: Executor, scope: StationScope): Promise<number>;
}

export const SNAPSHOT_BATCH = 5000;

/** Keyset batches: `fetch(after)` returns up to SNAPSHOT_BATCH rows ordered by key after `after`. */
export async function* readInBatches<R>(
  fetch: (after: string | undefined) => Promise<R[]>,
  keyOf: (row: R) => string,
  toRecord: (row: R) => SyncRecord,
): AsyncIterable<SyncRecord[]> {
  let after: string | undefined;
  for (;;) {
    const rows = await fetch(after);
    if (rows.length === 0) return;
    yield rows.map(toRecord);
    if (rows.length < SNAPSHOT_BATCH) return;
    after = keyOf(rows[rows.length - 1] as R);
  }
}
