export {
  runStation,
  readAgentInfo,
  StationNotPaired,
  type RunningStation,
  type RunStationOptions,
  type AgentInfo,
} from './agent';
export { pairStation, type PairOptions, type PairOutcome } from './pair';
export { readIdentity, writeIdentity, identityPath, type StationIdentity } from './identity';
export { openStationDatabase, type StationDb } from './db/database';
export { readOfflineStatus } from './status';
export { SyncHttpError, ServerUnreachable } from './sync/server-client';
export { SnapshotInvalid, type SnapshotProgress } from './sync/snapshot-loader';
export { STATION_APP_VERSION, DEFAULT_LOCAL_PORT, DEFAULT_DATA_DIR } from './version';
