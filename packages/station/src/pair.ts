import os from 'node:os';
import { PROTOCOL_VERSION, type PairResponse } from '@storelink/contracts';
import { openStationDatabase, readDatabaseSizeBytes } from './db/database';
import { writeIdentity, type StationIdentity } from './identity';
import { readLastSeq, readOutboxState } from './outbox/outbox.repository';
import { ServerClient, SyncHttpError } from './sync/server-client';
import { loadSnapshot, type SnapshotProgress, type SnapshotResult } from './sync/snapshot-loader';
import { readSyncState, updateSyncState } from './sync/sync-state';
import { STATION_APP_VERSION } from './version';

export interface PairOptions {
  serverUrl: string;
  code: string;
  dataDir: string;
  hostname?: string;
  appVersion?: string;
  onProgress?: (progress: SnapshotProgress) => void;
}

export type PairOutcome =
  | { kind: 'ready'; pair: PairResponse; snapshot: SnapshotResult }
  /** Paired, but the server refuses to sync it now (version, integration switched off). */
  | { kind: 'refused'; pair: PairResponse; error: SyncHttpError };

/**
 * Pairs this data directory with the server (SPEC §4.1) and loads the first catalog:
 * exchanges the one-time code for a token, stores the identity (0600), says hello, and takes a
 * snapshot with progress. Pairing again (a replaced register) gets a new incarnation and a new
 * snapshot; the outbox stays. A failure after pairing leaves the station paired: `station run`
 * finishes the job.
 */
export async function pairStation(options: PairOptions): Promise<PairOutcome> {
  const appVersion = options.appVersion ?? STATION_APP_VERSION;
  const pair = await ServerClient.pair(options.serverUrl, {
    code: options.code,
    appVersion,
    hostname: options.hostname ?? os.hostname(),
  });
  const identity: StationIdentity = {
    serverUrl: options.serverUrl,
    stationId: pair.stationId,
    stationCode: pair.stationCode,
    token: pair.token,
    incarnation: pair.incarnation,
    pairedAt: pair.serverTime,
  };
  const db = openStationDatabase(options.dataDir);
  try {
    updateSyncState(db, { needsSnapshot: true });
    writeIdentity(options.dataDir, identity);
    const client = new ServerClient(options.serverUrl, pair.token);
    try {
      const hello = await client.hello({
        appVersion,
        protocolVersion: PROTOCOL_VERSION,
        incarnation: pair.incarnation,
        lastSeq: readLastSeq(db, pair.incarnation),
        cursor: null,
        outbox: readOutboxState(db),
        dbSizeBytes: readDatabaseSizeBytes(db),
        clock: new Date().toISOString(),
      });
      updateSyncState(db, {
        minStationVersion: hello.minStationVersion,
        versionCompatible: true,
        heartbeatSeconds: hello.group.heartbeatSeconds,
        syncIntervalSeconds: hello.group.syncIntervalSeconds,
        lastContactAt: new Date().toISOString(),
        lastError: null,
        lastErrorCode: null,
        lastErrorAt: null,
      });
    } catch (error) {
      if (error instanceof SyncHttpError && error.isRefusal) {
        updateSyncState(db, {
          lastError: error.detail,
          lastErrorCode: error.code,
          lastErrorAt: new Date().toISOString(),
          ...(error.code === 'station_version_unsupported' ? { versionCompatible: false } : {}),
        });
        return { kind: 'refused', pair, error };
      }
      throw error;
    }
    const snapshot = await loadSnapshot(db, client, {
      signal: new AbortController().signal,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    if (readSyncState(db).cursor === null) throw new Error('the snapshot did not set a cursor');
    return { kind: 'ready', pair, snapshot };
  } finally {
    db.close();
  }
}
