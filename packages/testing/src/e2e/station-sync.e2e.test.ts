import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CatalogSummary,
  Product,
  SkuLookupResult,
  StationStatus,
  StationWithPairingCode,
} from '@storelink/contracts';
import {
  loginAdmin,
  runStorelinkToEnd,
  startServerProcess,
  startStationProcess,
  type AdminClient,
  type ServerProcess,
  type StationProcess,
} from '../processes';
import { fetchServerCatalog, stationToken } from '../test-station';
import { waitUntil } from '../wait';
import {
  barcodeOf,
  createChain,
  createProducts,
  createStation,
  expectOk,
  setPrices,
  type Chain,
} from './e2e-world';

/**
 * SPEC "Must show" 1 and 2, with a real `storelink server` and a real `storelink station`:
 * pair, snapshot, lookup by barcode, a live price change, a deactivated SKU, a group move with a
 * new snapshot, a server restart the station rides out, and a revoked token; after each step the
 * station's catalog checksum equals a fresh server snapshot of its scope.
 */
let server: ServerProcess & { dataDir: string };
let admin: AdminClient;
let station: StationProcess | undefined;
let a: Chain;
let b: Chain;
let products: Product[];
let created: StationWithPairingCode;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'storelink-e2e-station-'));
const otherDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'storelink-e2e-station2-'));

beforeAll(async () => {
  server = await startServerProcess();
  admin = await loginAdmin(server.url);
  a = await createChain(admin, 'A');
  b = await createChain(admin, 'B');
  products = await createProducts(admin, 'E', 5);
  await setPrices(
    admin,
    a.priceList,
    products.map((p, i) => ({ skuCode: `${p.code}-M`, priceCents: 1000 + i + 1 })),
  );
  await setPrices(
    admin,
    b.priceList,
    products.map((p, i) => ({ skuCode: `${p.code}-M`, priceCents: 2000 + i + 1 })),
  );
  created = await createStation(admin, 'CX01', a.group.code);
});

afterAll(async () => {
  await station?.stop();
  await server?.stop();
  for (const dir of [dataDir, otherDataDir, server?.dataDir])
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function local<T>(url: string): Promise<T> {
  if (!station) throw new Error('the station is not running');
  const res = await fetch(`${station.url}${url}`);
  return (await res.json()) as T;
}
const lookup = (barcode: string) => local<SkuLookupResult>(`/local/v1/skus?barcode=${barcode}`);
const status = () => local<StationStatus>('/local/v1/status');

/** Waits until the station reached the server's cursor, then compares checksums. */
async function expectSameCatalogAsServer(): Promise<void> {
  const expected = await fetchServerCatalog(server.url, stationToken(dataDir));
  const reached = await waitUntil(
    async () => {
      const catalog = await local<CatalogSummary>('/local/v1/catalog');
      return catalog.cursor === expected.cursor ? catalog : undefined;
    },
    { what: `the station to reach cursor ${expected.cursor}`, timeoutMs: 20_000 },
  );
  expect(reached.checksum).toBe(expected.checksum);
}

describe('a station and a back office, as real processes', () => {
  it('refuses a bad pairing code with a clear message and a non-zero exit, and stores nothing', async () => {
    const res = await runStorelinkToEnd([
      'station',
      'pair',
      '--server',
      server.url,
      '--code',
      'ZZZZZZZZ',
      '--data-dir',
      dataDir,
    ]);
    expect(res.code).toBe(1);
    expect(res.output).toMatch(/pairing failed: .*wrong, already used or expired.*pairing_code_invalid/);
    expect(fs.existsSync(path.join(dataDir, 'identity.json'))).toBe(false);
  });

  it('pairs, loads the snapshot, looks a SKU up by barcode, with the server’s checksum', async () => {
    const res = await runStorelinkToEnd([
      'station',
      'pair',
      '--server',
      server.url,
      '--code',
      created.pairingCode,
      '--data-dir',
      dataDir,
    ]);
    expect(res.code, res.output).toBe(0);
    expect(res.output).toMatch(/Station CX01 paired .*incarnation 1/);
    expect(res.output).toMatch(/Catalog ready: \d+ record/);
    station = await startStationProcess(dataDir);
    const found = await lookup(barcodeOf('E', 1));
    expect(found.items).toEqual([
      {
        skuCode: 'E1-M',
        productCode: 'E1',
        name: 'Camiseta E 1',
        color: 'azul',
        size: 'M',
        barcodes: [barcodeOf('E', 1)],
        priceCents: 1001,
        active: true,
      },
    ]);
    await waitUntil(async () => (await status()).online, { what: 'the station to go online' });
    await expectSameCatalogAsServer();
  });

  it('shows a price changed in the back office, live', async () => {
    expectOk(
      await admin.put(`/api/v1/price-lists/${a.priceList.id}/prices/E2-M`, { priceCents: 1234 }),
      'price',
    );
    await waitUntil(async () => (await lookup(barcodeOf('E', 2))).items[0]?.priceCents === 1234, {
      what: 'the new price at the station',
    });
    await expectSameCatalogAsServer();
  });

  it('drops a deactivated SKU from the lookups', async () => {
    const product = products[2] as Product;
    expectOk(
      await admin.patch(`/api/v1/products/${product.id}`, { skus: [{ code: 'E3-M', active: false }] }),
      'sku',
    );
    await waitUntil(async () => (await lookup(barcodeOf('E', 3))).items.length === 0, {
      what: 'the SKU to go',
    });
    expect((await local<SkuLookupResult>('/local/v1/skus?q=E3')).items).toEqual([]);
    await expectSameCatalogAsServer();
  });

  it('moves to another group: a resync, a new snapshot of the new store and price list', async () => {
    const before = await local<CatalogSummary>('/local/v1/catalog');
    expectOk(await admin.patch(`/api/v1/stations/${created.id}`, { groupCode: b.group.code }), 'move');
    await waitUntil(async () => (await lookup(barcodeOf('E', 1))).items[0]?.priceCents === 2001, {
      what: 'the prices of the new group',
    });
    await expectSameCatalogAsServer();
    const after = await local<CatalogSummary>('/local/v1/catalog');
    expect(after.checksum).not.toBe(before.checksum);
    expect(after.counts.store).toBe(1);
  });

  it('keeps serving lookups while the server is down, and catches up once it is back', async () => {
    await server.stop();
    expect((await lookup(barcodeOf('E', 1))).items[0]?.priceCents).toBe(2001);
    const offline = await waitUntil(
      async () => {
        const s = await status();
        return s.online ? undefined : s;
      },
      { what: 'the station to notice', timeoutMs: 20_000 },
    );
    expect(offline.lastError).toMatch(/Cannot reach the server/);
    expect((await lookup(barcodeOf('E', 4))).items).toHaveLength(1);

    server = await startServerProcess({ dataDir: server.dataDir, port: server.port });
    admin = await loginAdmin(server.url);
    expectOk(
      await admin.put(`/api/v1/price-lists/${b.priceList.id}/prices/E4-M`, { priceCents: 4444 }),
      'price',
    );
    await waitUntil(async () => (await lookup(barcodeOf('E', 4))).items[0]?.priceCents === 4444, {
      what: 'the station to catch up',
      timeoutMs: 20_000,
    });
    await waitUntil(async () => (await status()).online, { what: 'online again' });
    await expectSameCatalogAsServer();
  });

  it('refuses the old token once the station is paired again elsewhere; the old one says so and keeps serving', async () => {
    const code = expectOk(
      await admin.post<StationWithPairingCode>(`/api/v1/stations/${created.id}/pairing-code`),
      'code',
    ).pairingCode;
    const res = await runStorelinkToEnd([
      'station',
      'pair',
      '--server',
      server.url,
      '--code',
      code,
      '--data-dir',
      otherDataDir,
    ]);
    expect(res.code, res.output).toBe(0);
    expect(res.output).toMatch(/incarnation 2/);
    const refused = await waitUntil(
      async () => {
        const s = await status();
        return s.lastError?.includes('Pair the station again') ? s : undefined;
      },
      { what: 'the old station to be refused', timeoutMs: 20_000 },
    );
    expect(refused.online).toBe(false);
    expect((await lookup(barcodeOf('E', 1))).items).toHaveLength(1);
    const cli = await runStorelinkToEnd(['station', 'status', '--data-dir', dataDir]);
    expect(cli.code).toBe(0);
    expect(cli.output).toMatch(/Last error:\s+The station token is not valid/);
  });
});
