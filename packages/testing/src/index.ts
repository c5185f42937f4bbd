export * from './test-database';
export * from './test-server';
export * from './master-data';
export * from './sync-fixtures';
export * from './wait';
export * from './event-stream';
export * from './fault-proxy';
export * from './test-station';
