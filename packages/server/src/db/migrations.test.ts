import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '@storelink/testing';
import { openDatabase } from './database';
import { migrations } from './migrations/index';

const opened: { close(): Promise<void> }[] = [];
const databases: TestDatabase[] = [];
afterEach(async () => {
  for (const handle of opened.splice(0)) await handle.close();
  for (const db of databases.splice(0)) await db.drop();
});

describe.each(['sqlite', 'postgres'] as const)('migrations on %s', (dialect) => {
  it('migrates an empty database to the latest schema, and a second start changes nothing', async () => {
    const empty = await createTestDatabase(dialect);
    databases.push(empty);
    const first = await openDatabase({ databaseUrl: empty.databaseUrl, dataDir: empty.dataDir });
    opened.push(first);
    const applied = await first.db
      .selectFrom('kysely_migration' as never)
      .select(sql<string>`name`.as('name'))
      .execute();
    expect(applied.map((r) => r.name)).toEqual(Object.keys(migrations));
    const settings = await first.db.selectFrom('settings').selectAll().executeTakeFirstOrThrow();
    expect(settings).toMatchObject({ minStationVersion: '0.0.0', changeRetentionDays: 90 });
    await first.close();
    opened.pop();

    const second = await openDatabase({ databaseUrl: empty.databaseUrl, dataDir: empty.dataDir });
    opened.push(second);
    const again = await second.db
      .selectFrom('kysely_migration' as never)
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(again.n)).toBe(Object.keys(migrations).length);
  });
});
