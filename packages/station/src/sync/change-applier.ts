import type { ChangesPage } from '@storelink/contracts';
import type { StationDb } from '../db/database';
import { CatalogWriter } from '../catalog/catalog.repository';
import { faultPoint } from '../faults';
import { readSyncState, updateSyncState } from './sync-state';

export interface ApplyResult {
  applied: number;
  cursor: number | null;
}

/**
 * Applies one page of changes and moves the cursor, in ONE transaction (SPEC §4.2): after a crash
 * the catalog is either before the page or after it, never in between, and applying the same page
 * again is harmless (upserts replace, deletes of missing records do nothing, and a page at or
 * behind the stored cursor is skipped). `serverDate` becomes `dataAsOf` once the page reaches the
 * server's head (`hasMore` false): the catalog was current at that moment.
 */
export class ChangeApplier {
  private readonly writer: CatalogWriter;

  constructor(private readonly db: StationDb) {
    this.writer = new CatalogWriter(db, 'apply');
  }

  /** `contactAt` (station clock) is recorded as the last contact in the same transaction. */
  apply(page: ChangesPage, serverDate: string | undefined, contactAt: string): ApplyResult {
    return this.db.transaction((): ApplyResult => {
      const state = readSyncState(this.db);
      const target = Number(page.cursor);
      if (state.cursor === null || target < state.cursor) {
        updateSyncState(this.db, { lastContactAt: contactAt });
        return { applied: 0, cursor: state.cursor };
      }
      const half = Math.floor(page.changes.length / 2);
      page.changes.forEach((change, i) => {
        if (i === half && i > 0) faultPoint('mid-apply');
        if (change.op === 'upsert')
          this.writer.upsert(change.entity, change.key, JSON.stringify(change.data), change.data);
        else this.writer.delete(change.entity, change.key);
      });
      updateSyncState(this.db, {
        cursor: target,
        lastContactAt: contactAt,
        ...(page.hasMore || serverDate === undefined ? {} : { dataAsOf: serverDate }),
      });
      return { applied: page.changes.length, cursor: target };
    })();
  }
}
