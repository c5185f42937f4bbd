import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { ErpFeedPage, MovementEnvelope } from '@storelink/contracts';
import {
  createTestServer,
  pairMovementStation,
  salePayload,
  seedMovementMasterData,
  voucherExchangePayload,
  type TestServer,
} from '@storelink/testing';
import { reserveErpCursors } from './erp-feed.repository';

/**
 * The commit-order trap (SPEC §4.4) on a real PostgreSQL: ingest transactions overlap, and a
 * reader that moved past a cursor must never see a lower one commit later. Run on PostgreSQL
 * whatever the suite's dialect, like change-log.concurrency.test.ts.
 */
let t: TestServer;
beforeAll(async () => {
  t = await createTestServer({ dialect: 'postgres' });
  await seedMovementMasterData(t);
});
afterAll(() => t.close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Reads the feed like an ERP: after its cursor, then moves its cursor to the last item read. */
function startReader(read: (after: number) => Promise<number[]>, from: number) {
  const seen: number[] = [];
  let cursor = from;
  let stop = false;
  let holes = 0;
  const take = (page: number[]) => {
    for (const c of page) {
      if (c !== cursor + 1) holes += 1;
      seen.push(c);
      cursor = c;
    }
  };
  const done = (async () => {
    while (!stop) {
      take(await read(cursor));
      await sleep(2);
    }
    for (let page = await read(cursor); page.length > 0; page = await read(cursor)) take(page);
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

const readFeed = async (after: number): Promise<number[]> => {
  const res = await t.api.get<ErpFeedPage>(`/api/v1/erp/movements?after=${after}&limit=1000`);
  if (res.status !== 200) throw new Error(`feed after ${after}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.items.map((i) => Number(i.cursor));
};

describe('ERP feed cursor on PostgreSQL', () => {
  it('never lets a reader skip a movement under 40 overlapping transactions holding cursors', async () => {
    const station = await pairMovementStation(t, { station: 'CC-RAW' });
    const db = t.server.database.db;
    const before = Number((await readFeed(0)).at(-1) ?? 0);
    const reader = startReader(readFeed, before);
    const writers = Array.from({ length: 40 }, (_, i) =>
      db.transaction().execute(async (tx) => {
        // Work before the cursor is taken, then a pause while its lock is held: the window in which
        // a cursor taken from a plain sequence would commit out of order.
        await sql`select pg_sleep(${(i % 7) * 0.01})`.execute(tx);
        const first = await reserveErpCursors(tx, 1);
        await tx
          .insertInto('movements')
          .values({
            id: crypto.randomUUID(),
            stationId: station.stationId,
            stationCode: station.stationCode,
            storeCode: station.storeCode,
            groupCode: station.groupCode,
            incarnation: 99,
            seq: i + 1,
            type: 'cash_session.opened',
            occurredAt: new Date().toISOString(),
            occurredAtSent: null,
            receivedAt: new Date().toISOString(),
            operatorCode: 'OP1',
            schemaVersion: 1,
            payload: '{}',
            payloadHash: '0',
            receivedHash: '0',
            status: 'accepted',
            errorCode: null,
            errorDetail: null,
            waitingFor: null,
            saleId: null,
            totalCents: null,
            cancelled: 0,
            notes: null,
            erpCursor: first,
          })
          .execute();
        await sql`select pg_sleep(${((i * 13) % 5) * 0.01})`.execute(tx);
      }),
    );
    await Promise.all(writers);
    await reader.finish();
    expect(reader.holes).toBe(0);
    expect(reader.seen).toEqual(Array.from({ length: 40 }, (_, i) => before + i + 1));
  });

  it('serves every movement of 12 stations ingesting at once exactly once, in cursor order', async () => {
    const stations = await Promise.all(
      Array.from({ length: 12 }, (_, i) => pairMovementStation(t, { station: `CC-${i}` })),
    );
    const start = Number((await readFeed(0)).at(-1) ?? 0);
    const reader = startReader(readFeed, start);
    await Promise.all(
      stations.map(async (s) => {
        for (let batch = 0; batch < 4; batch += 1) {
          const movements: MovementEnvelope[] = Array.from({ length: 25 }, () =>
            s.movement('sale.completed', salePayload()),
          );
          const res = await s.send(movements);
          expect(res.body.results.every((r) => r.status === 'accepted')).toBe(true);
        }
      }),
    );
    await reader.finish();
    expect(reader.holes).toBe(0);
    expect(reader.seen).toEqual(Array.from({ length: 12 * 100 }, (_, i) => start + i + 1));
  });

  it('resolves references between stations whose transactions cross, leaving nothing pending', async () => {
    const sellers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => pairMovementStation(t, { station: `CC-SELL-${i}`, store: 'S-CC' })),
    );
    const changers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => pairMovementStation(t, { station: `CC-XCH-${i}`, store: 'S-CC' })),
    );
    const exchanges: string[] = [];
    for (let round = 0; round < 5; round += 1) {
      await Promise.all(
        sellers.flatMap((seller, i) => {
          const changer = changers[i];
          if (!changer) return [];
          const sale = salePayload();
          const exchange = changer.movement(
            'exchange.completed',
            voucherExchangePayload({ voucherCode: `CC-${round}-${i}`, originalSaleId: sale.saleId }),
          );
          exchanges.push(exchange.id);
          return [seller.send([seller.movement('sale.completed', sale)]), changer.send([exchange])];
        }),
      );
    }
    const rows = await t.server.database.db
      .selectFrom('movements')
      .select('status')
      .where('id', 'in', exchanges)
      .execute();
    expect(rows.map((r) => r.status)).toEqual(exchanges.map(() => 'accepted'));
  });
});
