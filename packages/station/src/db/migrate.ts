import type SqliteDatabase from 'better-sqlite3';
import * as catalog from './migrations/0001-catalog-sync-outbox';

export interface StationMigration {
  name: string;
  up(db: SqliteDatabase.Database): void;
}

/**
 * Forward-only migrations of the station database, in order. Each runs in its own transaction.
 * Never edit one that has shipped: add a new file `<nnnn>-<intent>.ts` and list it here.
 */
export const stationMigrations: StationMigration[] = [{ name: '0001-catalog-sync-outbox', up: catalog.up }];

/** Applies the migrations not yet applied; returns their names. */
export function migrateStationDatabase(db: SqliteDatabase.Database): string[] {
  db.exec(`create table if not exists schema_migrations (name text primary key, applied_at text not null)`);
  const applied = new Set(
    (db.prepare('select name from schema_migrations').all() as { name: string }[]).map((r) => r.name),
  );
  const known = new Set(stationMigrations.map((m) => m.name));
  const unknown = [...applied].filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new Error(
      `station database was migrated by a newer version (${unknown.join(', ')}); run that version or a newer one`,
    );
  }
  const ran: string[] = [];
  for (const migration of stationMigrations) {
    if (applied.has(migration.name)) continue;
    db.transaction(() => {
      migration.up(db);
      db.prepare('insert into schema_migrations (name, applied_at) values (?, ?)').run(
        migration.name,
        new Date().toISOString(),
      );
    })();
    ran.push(migration.name);
  }
  return ran;
}
