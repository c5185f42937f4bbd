import { isListedOrAll } from '../db/code-lists';
import { SNAPSHOT_BATCH, type SyncRecord } from './snapshot-source';

/**
 * Keyset batches of records restricted to some stores (sellers, operators): `fetch(after)`
 * returns up to SNAPSHOT_BATCH active rows ordered by code, prefiltered in SQL; only those whose
 * `storeCodes` is empty or names the station's store are yielded.
 */
export async function* readStoreScopedInBatches<R extends { code: string; storeCodes: string }>(
  fetch: (after: string | undefined) => Promise<R[]>,
  storeCode: string,
  toData: (row: R) => unknown,
): AsyncIterable<SyncRecord[]> {
  let after: string | undefined;
  for (;;) {
    const rows = await fetch(after);
    const records = rows
      .filter((row) => isListedOrAll(row.storeCodes, storeCode))
      .map((row) => ({ key: row.code, data: toData(row) }));
    if (records.length > 0) yield records;
    const last = rows[rows.length - 1];
    if (rows.length < SNAPSHOT_BATCH || last === undefined) return;
    after = last.code;
  }
}
