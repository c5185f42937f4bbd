import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import {
  CamelCasePlugin,
  Kysely,
  Migrator,
  PostgresDialect,
  SqliteDialect,
  type MigrationProvider,
} from 'kysely';
import type { Database, Db, Executor } from './schema';
import { migrations } from './migrations/index';

export type Dialect = 'sqlite' | 'postgres';

export interface DatabaseOptions {
  /** A `postgres://` URL selects PostgreSQL; otherwise SQLite in `dataDir`. */
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  /** PostgreSQL pool size per server node. */
  poolSize?: number;
}

export interface DatabaseHandle {
  db: Db;
  dialect: Dialect;
  /** Where the data lives, for logs: a file path or the URL without its password. */
  location: string;
  /** PostgreSQL only: where to open the node's one LISTEN connection. */
  connectionString?: string;
  /**
   * Runs `work` against ONE committed state of the database, read-only, for as long as it takes
   * (a snapshot streaming to a slow station), without ever blocking writers:
   * - PostgreSQL: a `REPEATABLE READ READ ONLY` transaction on one pooled connection;
   * - SQLite: a separate read-only connection in a read transaction (WAL readers never block the
   *   writer on the main connection).
   * Writes inside `work` fail. The transaction ends (rolled back) when `work` settles.
   */
  readConsistent<T>(work: (db: Executor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

// int8 (COUNT, SUM over bigint) and numeric come back as strings by default; our cents and cursors
// stay far below 2^53, so numbers are exact.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

const staticMigrations: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};

/** Opens the database and brings its schema to the latest migration. */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  const handle = options.databaseUrl
    ? openPostgres(options.databaseUrl, options.poolSize ?? 10)
    : openSqlite(options.dataDir);
  try {
    await migrateToLatest(handle.db);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}

export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: staticMigrations });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(
      `database migration ${failed} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`,
      { cause: error },
    );
  }
  return (results ?? []).map((r) => r.migrationName);
}

function openSqlite(dataDir: string | undefined): DatabaseHandle {
  const file = dataDir === ':memory:' ? ':memory:' : path.join(dataDir ?? './storelink-data', 'storelink.db');
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  // WAL lets readers run beside the writer; FULL makes every commit survive a power cut.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: sqlite }),
    plugins: [new CamelCasePlugin()],
  });
  return {
    db,
    dialect: 'sqlite',
    location: file,
    readConsistent: (work) => (file === ':memory:' ? db.transaction().execute(work) : readSqlite(file, work)),
    close: () => db.destroy(),
  };
}

async function readSqlite<T>(file: string, work: (db: Executor) => Promise<T>): Promise<T> {
  const reader = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  reader.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: reader }),
    plugins: [new CamelCasePlugin()],
  });
  try {
    // The read transaction's snapshot is taken by its first SELECT and held until it ends.
    return await db.transaction().execute(work);
  } finally {
    await db.destroy();
  }
}

function openPostgres(url: string, poolSize: number): DatabaseHandle {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client that loses its server (a PostgreSQL restart) must not crash the process.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new CamelCasePlugin()],
  });
  return {
    db,
    dialect: 'postgres',
    location: redactUrl(url),
    connectionString: url,
    readConsistent: (work) =>
      db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(work),
    close: () => db.destroy(),
  };
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres';
  }
}
