import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '@storelink/testing';
import { openDatabase, type DatabaseHandle } from '../../db/database';
import { appendChanges } from './change-log.repository';
import { GLOBAL } from './change-plan';

/**
 * The commit-order trap (SPEC §4.2): on PostgreSQL a transaction can take a lower number and
 * commit after one with a higher number. A reader that has moved past the higher number never
 * sees the lower one. These tests run on a real PostgreSQL with overlapping transactions.
 */
let testDb: TestDatabase;
let handle: DatabaseHandle;

beforeAll(async () => {
  testDb = await createTestDatabase('postgres');
  handle = await openDatabase({ databaseUrl: testDb.databaseUrl, poolSize: 12 });
});
afterAll(async () => {
  await handle.close();
  await testDb.drop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Reads like a station does: everything after its cursor, then moves its cursor to the last seen. */
function startReader(read: (after: number) => Promise<number[]>) {
  const seen: number[] = [];
  let cursor = 0;
  let stop = false;
  let holes = 0;
  const done = (async () => {
    while (!stop) {
      const page = await read(cursor);
      for (const c of page) {
        if (c !== cursor + 1) holes += 1;
        seen.push(c);
        cursor = c;
      }
      await sleep(2);
    }
    for (let page = await read(cursor); page.length > 0; page = await read(cursor)) {
      for (const c of page) {
        if (c !== cursor + 1) holes += 1;
        seen.push(c);
        cursor = c;
      }
    }
  })();
  return {
    seen,
    get holes() {
      return holes;
    },
    async finish() {
      stop = true;
      await done;
    },
  };
}

describe('change-log cursor on PostgreSQL', () => {
  it('never lets a reader skip a change under 40 overlapping writers', async () => {
    const readChanges = async (after: number) =>
      (
        await handle.db
          .selectFrom('changeLog')
          .select('cursor')
          .where('cursor', '>', after)
          .orderBy('cursor')
          .execute()
      ).map((r) => Number(r.cursor));
    const reader = startReader(readChanges);

    const writers = Array.from({ length: 40 }, (_, i) =>
      handle.db.transaction().execute(async (tx) => {
        // Work of varying length before the change is appended, then a pause after it while the
        // cursor lock is held: the window in which a naive sequence would commit out of order.
        await sql`select pg_sleep(${(i % 7) * 0.01})`.execute(tx);
        const n = 1 + (i % 3);
        const changes = Array.from({ length: n }, (_, k) => ({
          entity: 'store' as const,
          key: `S${i}-${k}`,
          op: 'upsert' as const,
          scope: GLOBAL,
          data: { i, k },
        }));
        await appendChanges(tx, changes, new Date().toISOString());
        await sql`select pg_sleep(${((i * 13) % 5) * 0.01})`.execute(tx);
      }),
    );
    await Promise.all(writers);
    await reader.finish();

    const expected = Array.from({ length: 40 }, (_, i) => 1 + (i % 3)).reduce((a, b) => a + b, 0);
    expect(reader.holes).toBe(0);
    expect(reader.seen).toEqual(Array.from({ length: expected }, (_, i) => i + 1));
  });

  it('control: a plain sequence taken early does commit out of order, and the reader skips it', async () => {
    await sql`create table naive_log (cursor bigserial primary key, note text)`.execute(handle.db);
    const readNaive = async (after: number) =>
      (
        await sql<{
          cursor: string;
        }>`select cursor from naive_log where cursor > ${after} order by cursor`.execute(handle.db)
      ).rows.map((r) => Number(r.cursor));
    const reader = startReader(readNaive);
    const slow = handle.db.transaction().execute(async (tx) => {
      await sql`insert into naive_log (note) values ('slow')`.execute(tx);
      await sql`select pg_sleep(0.3)`.execute(tx);
    });
    await sleep(50);
    await sql`insert into naive_log (note) values ('fast')`.execute(handle.db);
    await slow;
    await reader.finish();
    expect(reader.holes).toBeGreaterThan(0);
  });
});
