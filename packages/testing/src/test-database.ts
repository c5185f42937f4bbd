import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export type TestDialect = 'sqlite' | 'postgres';

/** The dialect of this test run: PostgreSQL when DATABASE_URL is set (`npm run test:pg`). */
export function testDialect(): TestDialect {
  return process.env.DATABASE_URL ? 'postgres' : 'sqlite';
}

export interface TestDatabase {
  dialect: TestDialect;
  databaseUrl?: string;
  dataDir?: string;
  drop(): Promise<void>;
}

/**
 * A fresh, empty database with a unique name, so test files and parallel runs never collide:
 * a new PostgreSQL database next to DATABASE_URL's, or a SQLite file in a new temp directory.
 */
export async function createTestDatabase(dialect: TestDialect = testDialect()): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'storelink-test-'));
    return {
      dialect,
      dataDir,
      drop: () => Promise.resolve(fs.rmSync(dataDir, { recursive: true, force: true })),
    };
  }
  const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `storelink_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await withAdminClient(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    dialect,
    databaseUrl: url.toString(),
    drop: () =>
      withAdminClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
}

async function withAdminClient(url: string, work: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
