import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { migrateStationDatabase } from './migrate';

export type StationDb = SqliteDatabase.Database;

export const DATABASE_FILE = 'station.db';

/**
 * Opens the station's contingency database in `dataDir` and brings it to the latest schema.
 *
 * WAL lets the local API read while the sync engine writes; `synchronous=FULL` makes every commit
 * (a sale and its outbox row, a change page and its cursor) survive a power cut, not just a crash
 * (SPEC §4.3). The snapshot loader relaxes it only around shadow-table batches, whose loss is
 * harmless (see snapshot-loader.ts).
 */
export function openStationDatabase(dataDir: string): StationDb {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const db = new SqliteDatabase(path.join(dataDir, DATABASE_FILE));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  try {
    migrateStationDatabase(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/** The database's size on disk (pages in use), reported in `hello`. */
export function readDatabaseSizeBytes(db: StationDb): number {
  const pages = Number(db.pragma('page_count', { simple: true }));
  const pageSize = Number(db.pragma('page_size', { simple: true }));
  return pages * pageSize;
}
