/**
 * Backlog drain through the ingest vs. its floor (SPEC §9 B2, issue 4 "Must show" 4), without
 * faults: 10,000 sales (3 items, 1–2 payments) sent by one paired station in batches of 500
 * through `app.inject`, then the same rows bulk-inserted into a fresh database. Prints figures;
 * never asserts. `tsx bench/backlog-ingest.ts [sqlite|postgres] [sales]`.
 */
import type { MovementEnvelope, SalePayment } from '@storelink/contracts';
import {
  createTestServer,
  pairMovementStation,
  salePayload,
  seedMovementMasterData,
  SKUS,
  type TestDialect,
} from '@storelink/testing';
import { measureBacklogFloor } from './backlog-floor';

const dialect = (process.argv[2] ?? 'sqlite') as TestDialect;
const total = Number(process.argv[3] ?? 10_000);
const BATCH = 500;

const t = await createTestServer({ dialect });
try {
  await seedMovementMasterData(t);
  const station = await pairMovementStation(t, { station: 'BENCH-1' });
  const envelopes: MovementEnvelope[] = [];
  for (let i = 0; i < total; i += 1) {
    const items = [0, 1, 2].map((k) => ({
      skuCode: SKUS[(i + k) % SKUS.length] as string,
      quantity: 1 + ((i + k) % 3),
      unitPriceCents: 1990 + 500 * k,
    }));
    const sale = salePayload({ number: i + 1, items });
    const payments: SalePayment[] =
      i % 2 === 0
        ? [{ paymentTypeCode: 'CASH', amountCents: sale.totalCents }]
        : [
            { paymentTypeCode: 'PIX', amountCents: 1000 },
            { paymentTypeCode: 'CARD', amountCents: sale.totalCents - 1000 },
          ];
    envelopes.push(station.movement('sale.completed', { ...sale, payments }));
  }

  const started = performance.now();
  for (let i = 0; i < envelopes.length; i += BATCH) {
    const res = await station.send(envelopes.slice(i, i + BATCH));
    if (res.status !== 200 || res.body.results.some((r) => r.status !== 'accepted'))
      throw new Error(`batch at ${i}: ${res.status} ${JSON.stringify(res.body).slice(0, 500)}`);
  }
  const drainMs = performance.now() - started;
  const floor = await measureBacklogFloor(dialect, envelopes, {
    ...station,
    incarnation: station.incarnation,
  });

  const rate = (ms: number) => ((total / ms) * 1000).toFixed(0);
  console.log(`backlog ${dialect}: ${total} sales in batches of ${BATCH}`);
  console.log(`  ingest (app.inject): ${drainMs.toFixed(0)} ms, ${rate(drainMs)} sales/s`);
  console.log(`  floor (bulk insert): ${floor.ms.toFixed(0)} ms, ${rate(floor.ms)} sales/s`);
  console.log(`  ratio ingest/floor: ${(drainMs / floor.ms).toFixed(2)}×`);
} finally {
  await t.close();
}
