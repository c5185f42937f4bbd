export * from './test-database';
export * from './test-server';
export * from './master-data';
export * from './api-session';
