export { buildServer, API_PREFIX, type ServerOptions, type StorelinkServer } from './app';
export { startServer, type StartOptions, type RunningServer } from './main';
export { openDatabase, migrateToLatest, type DatabaseHandle, type Dialect } from './db/database';
export type { Services } from './services';
export { buildFloorBatches, writeFloorBatches, type FloorBatch } from './modules/movements/backlog-floor';
export { readHeadCursor } from './modules/changes/change-log.repository';
