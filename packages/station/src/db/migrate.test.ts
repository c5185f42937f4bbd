import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStationDatabase } from './database';
import { stationMigrations } from './migrate';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storelink-migrate-'));
  dirs.push(dir);
  return dir;
}

describe('station database migrations', () => {
  it('migrates an empty database to the latest schema in WAL with synchronous=FULL, and a second open changes nothing', () => {
    const dir = tempDir();
    const db = openStationDatabase(dir);
    const tables = (
      db.prepare("select name from sqlite_master where type = 'table' order by name").all() as {
        name: string;
      }[]
    ).map((r) => r.name);
    expect(tables).toEqual(
      expect.arrayContaining([
        'barcodes',
        'catalog_records',
        'outbox',
        'prices',
        'schema_migrations',
        'skus',
        'sync_state',
      ]),
    );
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.prepare('select snapshot_state, needs_snapshot from sync_state').get()).toEqual({
      snapshot_state: 'none',
      needs_snapshot: 1,
    });
    db.close();
    const again = openStationDatabase(dir);
    const applied = again.prepare('select name from schema_migrations').all() as { name: string }[];
    expect(applied.map((r) => r.name)).toEqual(stationMigrations.map((m) => m.name));
    again.close();
  });

  it('refuses a database migrated by a newer version, naming the migration', () => {
    const dir = tempDir();
    const db = openStationDatabase(dir);
    db.prepare('insert into schema_migrations (name, applied_at) values (?, ?)').run('9999-future', 'now');
    db.close();
    expect(() => openStationDatabase(dir)).toThrow(/9999-future/);
  });
});
