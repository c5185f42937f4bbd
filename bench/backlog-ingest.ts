/**
 * Server ingest of a drained backlog (SPEC §9 B2, server side; issue 4 "Must show" 4):
 *
 *   npm run bench -- ingest [--sales 10000] [--promotions 0]
 *
 * One paired station sends 10,000 sales (3 items, 1–2 payments) in batches of 500 through
 * `app.inject` (routing, validation, hashing, judging, re-pricing, projections, ERP cursor: all
 * but the socket), on SQLite and, when DATABASE_URL is set, on PostgreSQL. The floor, measured in
 * the same run, bulk-inserts exactly the rows the ingest writes for them (movement, sale, items,
 * payments) into a fresh database, in the same batches (backlog-floor.ts). `--promotions` creates
 * that many active promotions, so every sale is re-priced by the engine.
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
import { argument, machine, ms } from './bench-support';
import { measureBacklogFloor } from './backlog-floor';

const BATCH = 500;

async function drain(dialect: TestDialect, total: number, promotions: number): Promise<string[]> {
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
    const rate = (elapsed: number) => `${((total / elapsed) * 1000).toFixed(0)} sales/s`;
    return [
      `${dialect}: ${total} sales in batches of ${BATCH}${promotions > 0 ? `, ${promotions} promotions` : ''}`,
      `  ingest (app.inject)  ${ms(drainMs)}  ${rate(drainMs)}`,
      `  floor (bulk insert)  ${ms(floor.ms)}  ${rate(floor.ms)}`,
      `  ratio                ${(drainMs / floor.ms).toFixed(2)} × floor (goal ≤ 3 ×)`,
      `  price divergences    ${noted.length} (the station priced with the same engine)`,
    ];
  } finally {
    await t.close();
  }
}

export async function runIngestBacklog(): Promise<string[]> {
  const total = argument('sales', 10_000);
  const promotions = process.argv.includes('--promotions') ? argument('promotions', 200) : 0;
  const lines = [`ingest backlog — ${machine()}`, ...(await drain('sqlite', total, promotions))];
  if (process.env.DATABASE_URL) lines.push(...(await drain('postgres', total, promotions)));
  else lines.push('postgres: skipped (set DATABASE_URL)');
  return lines;
}
