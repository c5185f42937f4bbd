/**
 * Server ingest of a drained backlog (SPEC §9 B2, server side; issue 4 "Must show" 4):
 *
 *   npm run bench -- ingest [--sales 10000] [--runs 3] [--promotions 200]
 *
 * One paired station sends 10,000 sales (3 items, 1–2 payments) in batches of 500 through
 * `app.inject` (routing, validation, hashing, judging, re-pricing, projections, ERP cursor: all
 * but the socket), on SQLite and, when DATABASE_URL is set, on PostgreSQL. The floor, measured in
 * the same run, bulk-inserts exactly the rows the ingest writes for them (movement, sale, items,
 * payments) into a fresh database, in the same batches (backlog-floor.ts); runs alternate and the
 * medians are compared. `--promotions` creates that many active promotions (one in twenty on the
 * sold SKUs), the sales are priced with them as a station would, and the server re-prices each.
 */
import type { MovementEnvelope, Promotion, SalePayment } from '@storelink/contracts';
import { priceCart } from '@storelink/domain';
import { readHeadCursor } from '@storelink/server';
import {
  createTestServer,
  pairMovementStation,
  salePayload,
  seedMovementMasterData,
  SKUS,
  type TestDialect,
} from '@storelink/testing';
import { argument, machine, median, ms } from './bench-support';
import { measureBacklogFloor } from './backlog-floor';

const BATCH = 500;

interface Run {
  drainMs: number;
  floorMs: number;
  divergences: number;
}

/** One run: a fresh server drains the backlog, then a fresh database takes the floor. */
async function drain(dialect: TestDialect, total: number, promotions: number): Promise<Run> {
  const t = await createTestServer({ dialect });
  try {
    await seedMovementMasterData(t);
    // One in twenty promotions targets the sold SKUs; the others other categories (a real chain's mix).
    const created: Promotion[] = [];
    for (let p = 0; p < promotions; p += 1) {
      const res = await t.api.post<Promotion>('/api/v1/promotions', {
        code: `BENCH-P${p}`,
        name: `Promo ${p}`,
        kind: 'percent_off',
        percentBp: 500 + (p % 10) * 100,
        target:
          p % 20 === 0
            ? { skuCodes: [SKUS[(p / 20) % SKUS.length]], productCodes: [], categories: [] }
            : { skuCodes: [], productCodes: [], categories: [`other-${p}`] },
      });
      if (res.status !== 201) throw new Error(`promotion ${p}: ${JSON.stringify(res.body)}`);
      created.push(res.body);
    }
    const station = await pairMovementStation(t, { station: 'BENCH-1' });
    const catalogCursor = String(await readHeadCursor(t.server.database.db));
    const envelopes: MovementEnvelope[] = [];
    for (let i = 0; i < total; i += 1) {
      const items = [0, 1, 2].map((k) => ({
        skuCode: SKUS[(i + k) % SKUS.length] as string,
        quantity: 1 + ((i + k) % 3),
        unitPriceCents: 1990 + 500 * k,
      }));
      const occurredAt = new Date().toISOString();
      // Priced as the station would, with the same engine and promotions.
      const priced = priceCart({
        lines: items.map((item, k) => ({ ...item, lineNo: k + 1, productCode: 'P-1', category: 'shirts' })),
        promotions: created,
        groupCode: station.groupCode,
        paymentTypeCodes: [],
        at: occurredAt,
        timezone: 'America/Sao_Paulo',
      });
      const sale = salePayload({
        number: i + 1,
        catalogCursor,
        items: priced.lines.map((l) => ({ ...l, promotionCodes: l.promotionCodes })),
      });
      const payments: SalePayment[] =
        i % 2 === 0
          ? [{ paymentTypeCode: 'CASH', amountCents: sale.totalCents }]
          : [
              { paymentTypeCode: 'PIX', amountCents: 1000 },
              { paymentTypeCode: 'CARD', amountCents: sale.totalCents - 1000 },
            ];
      envelopes.push(station.movement('sale.completed', { ...sale, payments }, { occurredAt }));
    }

    const started = performance.now();
    for (let i = 0; i < envelopes.length; i += BATCH) {
      const res = await station.send(envelopes.slice(i, i + BATCH));
      if (res.status !== 200 || res.body.results.some((r) => r.status !== 'accepted'))
        throw new Error(`batch at ${i}: ${res.status} ${JSON.stringify(res.body).slice(0, 500)}`);
    }
    const drainMs = performance.now() - started;
    const noted = await t.server.database.db
      .selectFrom('movements')
      .select('id')
      .where('notes', 'is not', null)
      .execute();
    const floor = await measureBacklogFloor(dialect, envelopes, station, BATCH);
    return { drainMs, floorMs: floor.ms, divergences: noted.length };
  } finally {
    await t.close();
  }
}

/** Runs alternate drain and floor; medians are compared, as for bootstrap. */
async function measure(
  dialect: TestDialect,
  total: number,
  promotions: number,
  runs: number,
): Promise<string[]> {
  const results: Run[] = [];
  for (let i = 0; i < runs; i += 1) results.push(await drain(dialect, total, promotions));
  const drainMs = median(results.map((r) => r.drainMs));
  const floorMs = median(results.map((r) => r.floorMs));
  const rate = (elapsed: number) => `${((total / elapsed) * 1000).toFixed(0)} sales/s`;
  return [
    `${dialect}: ${total} sales in batches of ${BATCH}${promotions > 0 ? `, ${promotions} promotions` : ''}, median of ${runs}`,
    `  ingest (app.inject)  ${ms(drainMs)}  ${rate(drainMs)}`,
    `  floor (bulk insert)  ${ms(floorMs)}  ${rate(floorMs)}`,
    `  ratio                ${(drainMs / floorMs).toFixed(2)} × floor (goal ≤ 3 ×)`,
    `  price divergences    ${Math.max(...results.map((r) => r.divergences))} (the station priced with the same engine)`,
  ];
}

export async function runIngestBacklog(): Promise<string[]> {
  const total = argument('sales', 10_000);
  const runs = argument('runs', 3);
  const promotions = process.argv.includes('--promotions') ? argument('promotions', 200) : 0;
  const lines = [`ingest backlog — ${machine()}`, ...(await measure('sqlite', total, promotions, runs))];
  if (process.env.DATABASE_URL) lines.push(...(await measure('postgres', total, promotions, runs)));
  else lines.push('postgres: skipped (set DATABASE_URL)');
  return lines;
}
