/**
 * B1 bootstrap (SPEC §9): a fresh station takes 100,000 SKUs (one barcode and one price each).
 *
 *   npm run bench -- bootstrap [--skus 100000] [--runs 3]
 *
 * The server is a real `storelink server` process on SQLite, seeded straight into its database
 * (the seeding is not measured). Each run pairs a brand-new station data directory in this process
 * (`pairStation`: pair, hello, snapshot streamed, parsed, loaded into shadow tables, checked,
 * indexed and swapped in) and times it from the first request to the catalog being committed.
 *
 * The floor, measured in the same run, is what no sync protocol can beat: ONE bulk read of the same
 * rows (product, SKU, barcode, price, joined) from the server's database, plus ONE bulk insert of
 * them into a fresh SQLite (one table, one transaction, synchronous=FULL), with nothing in between.
 * Runs alternate bootstrap and floor, and the medians are compared.
 */
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { openDatabase } from '@storelink/server';
import { pairStation } from '@storelink/station';
import { loginAdmin, startServerProcess } from '@storelink/testing';
import { argument, machine, median, ms, scratchDir } from './bench-support';

const SKUS = argument('skus', 100_000);
const RUNS = argument('runs', 3);

async function seed(dataDir: string): Promise<void> {
  const handle = await openDatabase({ dataDir });
  await handle.close();
  const db = new SqliteDatabase(path.join(dataDir, 'storelink.db'));
  db.pragma('journal_mode = WAL');
  const at = new Date().toISOString();
  db.prepare(
    `insert into price_lists (id, code, name, active, created_at, updated_at) values (?, 'BENCH-PL', 'Bench', 1, ?, ?)`,
  ).run('01900000-0000-7000-8000-00000000aaaa', at, at);
  const product = db.prepare(
    `insert into products (id, code, name, brand, category, active, created_at, updated_at) values (?, ?, ?, 'Marca', 'Camisetas', 1, ?, ?)`,
  );
  const sku = db.prepare(
    `insert into skus (id, code, product_code, color, size, active, created_at, updated_at) values (?, ?, ?, 'azul', 'M', 1, ?, ?)`,
  );
  const barcode = db.prepare('insert into barcodes (barcode, sku_code) values (?, ?)');
  const price = db.prepare(
    `insert into prices (price_list_code, sku_code, price_cents, updated_at) values ('BENCH-PL', ?, ?, ?)`,
  );
  const hex = (n: number) => n.toString(16).padStart(12, '0');
  db.transaction(() => {
    for (let i = 0; i < SKUS; i += 1) {
      const code = `P${String(i).padStart(7, '0')}`;
      product.run(`01900000-0000-7000-8000-${hex(i)}`, code, `Camiseta básica ${i}`, at, at);
      sku.run(`01900000-0000-7000-9000-${hex(i)}`, `${code}-M`, code, at, at);
      barcode.run(`789${String(i).padStart(10, '0')}`, `${code}-M`);
      price.run(`${code}-M`, 1000 + (i % 9000), at);
    }
  })();
  db.close();
}

/** The floor: one joined read from the server's database and one bulk insert into SQLite. */
function measureFloor(
  serverDbFile: string,
  target: string,
): { readMs: number; insertMs: number; rows: number } {
  const source = new SqliteDatabase(serverDbFile, { readonly: true });
  const t0 = performance.now();
  const rows = source
    .prepare(
      `select p.code, p.name, s.code, s.color, s.size, b.barcode, pr.price_cents
       from products p join skus s on s.product_code = p.code
       join barcodes b on b.sku_code = s.code
       join prices pr on pr.sku_code = s.code and pr.price_list_code = 'BENCH-PL'`,
    )
    .raw()
    .all() as unknown[][];
  const t1 = performance.now();
  source.close();
  const db = new SqliteDatabase(target);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(
    'create table skus (product_code text, name text, sku_code text, color text, size text, barcode text, price_cents integer)',
  );
  const insert = db.prepare('insert into skus values (?, ?, ?, ?, ?, ?, ?)');
  const t2 = performance.now();
  db.transaction(() => {
    for (const row of rows) insert.run(...row);
  })();
  const t3 = performance.now();
  db.close();
  return { readMs: t1 - t0, insertMs: t3 - t2, rows: rows.length };
}

export async function runBootstrap(): Promise<string[]> {
  const serverDir = scratchDir('bootstrap-server');
  const stationsDir = scratchDir('bootstrap-stations');
  const lines: string[] = [];
  try {
    process.stdout.write(`Seeding ${SKUS} SKUs...\n`);
    await seed(serverDir.dir);
    const server = await startServerProcess({ dataDir: serverDir.dir });
    try {
      const admin = await loginAdmin(server.url);
      await admin.post('/api/v1/stores', { code: 'BENCH-S', name: 'Bench' });
      await admin.post('/api/v1/station-groups', {
        code: 'BENCH-G',
        name: 'Bench',
        storeCode: 'BENCH-S',
        priceListCode: 'BENCH-PL',
      });
      const bootstrapMs: number[] = [];
      const floorMs: number[] = [];
      const readMs: number[] = [];
      const insertMs: number[] = [];
      let records = 0;
      for (let run = 1; run <= RUNS; run += 1) {
        const station = await admin.post<{ pairingCode: string }>('/api/v1/stations', {
          code: `BENCH-${run}`,
          name: 'Bench',
          groupCode: 'BENCH-G',
        });
        const dataDir = path.join(stationsDir.dir, `station-${run}`);
        const t0 = performance.now();
        const outcome = await pairStation({ serverUrl: server.url, code: station.body.pairingCode, dataDir });
        const elapsed = performance.now() - t0;
        if (outcome.kind !== 'ready') throw new Error('the bench station was refused');
        records = outcome.snapshot.rows;
        bootstrapMs.push(elapsed);
        const floor = measureFloor(
          path.join(serverDir.dir, 'storelink.db'),
          path.join(stationsDir.dir, `floor-${run}.db`),
        );
        if (floor.rows !== SKUS) throw new Error(`the floor read ${floor.rows} rows, expected ${SKUS}`);
        floorMs.push(floor.readMs + floor.insertMs);
        readMs.push(floor.readMs);
        insertMs.push(floor.insertMs);
        process.stdout.write(
          `  run ${run}: bootstrap ${ms(elapsed)}, floor ${ms(floor.readMs + floor.insertMs)} (read ${ms(floor.readMs)} + insert ${ms(floor.insertMs)})\n`,
        );
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
      const b = median(bootstrapMs);
      const f = median(floorMs);
      lines.push(
        `B1 bootstrap: ${SKUS} SKUs (1 barcode + 1 price each; ${records} catalog records), server on SQLite, ${RUNS} runs, medians`,
        `  bootstrap (pair + hello + snapshot to committed catalog): ${ms(b)}  (${Math.round((SKUS / b) * 1000)} SKUs/s)`,
        `  floor (1 bulk read ${ms(median(readMs))} + 1 bulk insert ${ms(median(insertMs))}):    ${ms(f)}`,
        `  ratio bootstrap / floor: ${(b / f).toFixed(2)}×   (goal ≤ 2×)`,
        `  machine: ${machine()}`,
      );
    } finally {
      await server.stop();
    }
  } finally {
    serverDir.cleanup();
    stationsDir.cleanup();
  }
  return lines;
}
