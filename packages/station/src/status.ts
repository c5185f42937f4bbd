import type { StationStatus } from '@storelink/contracts';
import { openStationDatabase } from './db/database';
import { readIdentity } from './identity';
import { readOutboxState } from './outbox/outbox.repository';
import { readSyncState } from './sync/sync-state';
import { STATION_APP_VERSION } from './version';

/**
 * The status as the database records it, for when the agent is not running: `online` is false
 * (nothing is syncing), everything else is what the agent last wrote. Undefined when not paired.
 */
export function readOfflineStatus(dataDir: string): StationStatus | undefined {
  const identity = readIdentity(dataDir);
  if (!identity) return undefined;
  const db = openStationDatabase(dataDir);
  try {
    const state = readSyncState(db);
    return {
      stationCode: identity.stationCode,
      online: false,
      lastContactAt: state.lastContactAt,
      cursor: state.cursor === null ? null : String(state.cursor),
      dataAsOf: state.dataAsOf,
      snapshot: { state: state.snapshotState, percent: state.snapshotState === 'ready' ? 100 : 0 },
      outbox: readOutboxState(db),
      version: {
        app: STATION_APP_VERSION,
        minRequired: state.minStationVersion,
        compatible: state.versionCompatible,
      },
      lastError: state.lastError,
    };
  } finally {
    db.close();
  }
}
