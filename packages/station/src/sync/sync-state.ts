import type { SnapshotState } from '@storelink/contracts';
import type { StationDb } from '../db/database';

/** The one row of `sync_state`: where the catalog stands and how the last exchange went. */
export interface SyncState {
  cursor: number | null;
  dataAsOf: string | null;
  lastContactAt: string | null;
  snapshotState: SnapshotState;
  snapshotLoaded: number;
  snapshotTotal: number;
  snapshotChecksum: string | null;
  catalogGeneration: number;
  /** Set by a `resync` command, a 410, or before the first snapshot; cleared by a swap. */
  needsSnapshot: boolean;
  lastError: string | null;
  lastErrorCode: string | null;
  lastErrorAt: string | null;
  minStationVersion: string | null;
  versionCompatible: boolean;
  heartbeatSeconds: number;
  syncIntervalSeconds: number;
}

interface SyncStateRow {
  cursor: number | null;
  data_as_of: string | null;
  last_contact_at: string | null;
  snapshot_state: SnapshotState;
  snapshot_loaded: number;
  snapshot_total: number;
  snapshot_checksum: string | null;
  catalog_generation: number;
  needs_snapshot: number;
  last_error: string | null;
  last_error_code: string | null;
  last_error_at: string | null;
  min_station_version: string | null;
  version_compatible: number;
  heartbeat_seconds: number;
  sync_interval_seconds: number;
}

const columns: Record<keyof SyncState, string> = {
  cursor: 'cursor',
  dataAsOf: 'data_as_of',
  lastContactAt: 'last_contact_at',
  snapshotState: 'snapshot_state',
  snapshotLoaded: 'snapshot_loaded',
  snapshotTotal: 'snapshot_total',
  snapshotChecksum: 'snapshot_checksum',
  catalogGeneration: 'catalog_generation',
  needsSnapshot: 'needs_snapshot',
  lastError: 'last_error',
  lastErrorCode: 'last_error_code',
  lastErrorAt: 'last_error_at',
  minStationVersion: 'min_station_version',
  versionCompatible: 'version_compatible',
  heartbeatSeconds: 'heartbeat_seconds',
  syncIntervalSeconds: 'sync_interval_seconds',
};

export function readSyncState(db: StationDb): SyncState {
  const r = db.prepare('select * from sync_state where id = 1').get() as SyncStateRow;
  return {
    cursor: r.cursor,
    dataAsOf: r.data_as_of,
    lastContactAt: r.last_contact_at,
    snapshotState: r.snapshot_state,
    snapshotLoaded: r.snapshot_loaded,
    snapshotTotal: r.snapshot_total,
    snapshotChecksum: r.snapshot_checksum,
    catalogGeneration: r.catalog_generation,
    needsSnapshot: r.needs_snapshot === 1,
    lastError: r.last_error,
    lastErrorCode: r.last_error_code,
    lastErrorAt: r.last_error_at,
    minStationVersion: r.min_station_version,
    versionCompatible: r.version_compatible === 1,
    heartbeatSeconds: r.heartbeat_seconds,
    syncIntervalSeconds: r.sync_interval_seconds,
  };
}

/** Updates the given fields of the sync state (booleans stored as 0/1). */
export function updateSyncState(db: StationDb, patch: Partial<SyncState>): void {
  const entries = Object.entries(patch) as [keyof SyncState, unknown][];
  if (entries.length === 0) return;
  const sets = entries.map(([key]) => `${columns[key]} = @${key}`).join(', ');
  const values = Object.fromEntries(
    entries.map(([key, value]) => [key, typeof value === 'boolean' ? (value ? 1 : 0) : value]),
  );
  db.prepare(`update sync_state set ${sets} where id = 1`).run(values);
}

/**
 * After a crash mid-snapshot the state still says `loading`: the previous catalog is intact (the
 * swap never happened), so it is `ready` again if there was one, and a new snapshot is due.
 */
export function recoverInterruptedSnapshot(db: StationDb): void {
  const state = readSyncState(db);
  if (state.snapshotState !== 'loading') return;
  updateSyncState(db, {
    snapshotState: state.cursor === null ? 'none' : 'ready',
    snapshotLoaded: 0,
    snapshotTotal: 0,
    needsSnapshot: true,
  });
}
