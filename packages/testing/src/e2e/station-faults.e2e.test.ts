import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogSummary, Product, SkuLookupResult, StationWithPairingCode } from '@storelink/contracts';
import { openStationDatabase } from '@storelink/station';
import { createFaultProxy, type FaultProxy } from '../fault-proxy';
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
 * "Bad input and faults" with real processes: the server dies (kill -9) in the middle of a
 * snapshot and in the middle of a change page, and the station is killed (kill -9) in the middle
 * of applying a page and of loading a snapshot. Each time the station keeps a consistent catalog
 * and converges once things are back. The station talks to the server through a fault proxy that
 * holds a response at a chosen byte, so the kill lands mid-stream every time.
 */
let server: ServerProcess & { dataDir: string };
let proxy: FaultProxy;
let admin: AdminClient;
let station: StationProcess | undefined;
let chain: Chain;
let products: Product[];
let created: StationWithPairingCode;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'storelink-e2e-faults-'));

beforeAll(async () => {
  server = await startServerProcess();
  proxy = await createFaultProxy(server.port);
  admin = await loginAdmin(server.url);
  // Long timers: only pokes and commands make this station pull, so each fault hits the request
  // the test means.
  chain = await createChain(admin, 'F', { heartbeatSeconds: 600, syncIntervalSeconds: 600 });
  products = await createProducts(admin, 'F', 30);
  await setPrices(
    admin,
    chain.priceList,
    products.map((p, i) => ({ skuCode: `${p.code}-M`, priceCents: 100 + i })),
  );
  created = await createStation(admin, 'FX01', chain.group.code);
  const paired = await runStorelinkToEnd([
    'station',
    'pair',
    '--server',
    proxy.url,
    '--code',
    created.pairingCode,
    '--data-dir',
    dataDir,
  ]);
  if (paired.code !== 0) throw new Error(paired.output);
  station = await startStationProcess(dataDir);
});

afterAll(async () => {
  await station?.stop();
  await server?.stop();
  await proxy?.close();
  for (const dir of [dataDir, server?.dataDir]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function local<T>(url: string): Promise<T> {
  if (!station) throw new Error('the station is not running');
  return (await (await fetch(`${station.url}${url}`)).json()) as T;
}
const catalog = () => local<CatalogSummary>('/local/v1/catalog');
const priceAt = async (i: number) =>
  (await local<SkuLookupResult>(`/local/v1/skus?barcode=${barcodeOf('F', i)}`)).items[0]?.priceCents;

async function converge(): Promise<CatalogSummary> {
  const expected = await fetchServerCatalog(server.url, stationToken(dataDir));
  const reached = await waitUntil(
    async () => {
      const c = await catalog();
      return c.cursor === expected.cursor ? c : undefined;
    },
    { what: `cursor ${expected.cursor}`, timeoutMs: 30_000 },
  );
  expect(reached.checksum).toBe(expected.checksum);
  return reached;
}

/** Fails instead of hanging when a fault never triggers. */
async function within<T>(promise: Promise<T>, what: string, timeoutMs = 20_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), timeoutMs);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function restartServer(): Promise<void> {
  server = await startServerProcess({ dataDir: server.dataDir, port: server.port });
  admin = await loginAdmin(server.url);
}

/** Reads the station's database directly (the agent is dead): its cursor and some prices. */
function readStationDatabase(skus: string[]) {
  const db = openStationDatabase(dataDir);
  try {
    const cursor = (db.prepare('select cursor from sync_state').get() as { cursor: number }).cursor;
    const prices = skus.map(
      (sku) =>
        (
          db.prepare('select price_cents as p from prices where sku_code = ?').get(sku) as
            { p: number } | undefined
        )?.p,
    );
    const shadows = db.prepare("select count(*) as n from sqlite_master where name like '%_next'").get() as {
      n: number;
    };
    return { cursor, prices, shadowTables: shadows.n };
  } finally {
    db.close();
  }
}

describe('faults', () => {
  it('a server killed mid-snapshot leaves the previous catalog; the snapshot restarts cleanly later', async () => {
    const before = await converge();
    // The snapshot comes gzipped (a few KB here): 700 bytes is past the headers, mid-rows.
    const held = proxy.holdResponse('/api/v1/sync/snapshot', 700);
    expectOk(await admin.post(`/api/v1/stations/${created.id}/commands`, { type: 'resync' }), 'resync');
    await within(held, 'the snapshot to be held');
    await server.kill();
    await waitUntil(async () => (await local<{ lastError: string | null }>('/local/v1/status')).lastError, {
      what: 'the station to notice the cut',
      timeoutMs: 20_000,
    });
    const during = await catalog();
    expect(during).toEqual(before);
    expect(await priceAt(1)).toBe(100);
    await restartServer();
    await converge();
  });

  it('a server killed mid-page leaves the catalog before the page; it is applied whole later', async () => {
    const before = await converge();
    const held = proxy.holdResponse('/api/v1/sync/changes', 400);
    const skus = products.slice(0, 10).map((p) => `${p.code}-M`);
    await setPrices(
      admin,
      chain.priceList,
      skus.map((skuCode) => ({ skuCode, priceCents: 5000 })),
    );
    await held;
    await server.kill();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await catalog()).cursor).toBe(before.cursor);
    expect(await Promise.all([1, 5, 10].map(priceAt))).toEqual([100, 104, 109]);
    await restartServer();
    await converge();
    expect(await Promise.all([1, 5, 10].map(priceAt))).toEqual([5000, 5000, 5000]);
  });

  it('a station killed mid-apply restarts consistent: all of the page or none of it', async () => {
    const before = await converge();
    await station?.stop();
    station = await startStationProcess(dataDir, { env: { STORELINK_FAULT: 'mid-apply' } });
    await waitUntil(async () => (await local<{ online: boolean }>('/local/v1/status')).online, {
      what: 'online',
    });
    const skus = products.slice(10, 20).map((p) => `${p.code}-M`);
    await setPrices(
      admin,
      chain.priceList,
      skus.map((skuCode) => ({ skuCode, priceCents: 7777 })),
    );
    expect(await station.exited).toBe('SIGKILL');
    const after = readStationDatabase(skus);
    expect(String(after.cursor)).toBe(before.cursor);
    expect(after.prices).toEqual(skus.map((_, i) => 110 + i));

    station = await startStationProcess(dataDir);
    await converge();
    expect(await priceAt(11)).toBe(7777);
  });

  it('a station killed mid-snapshot-load keeps its previous catalog and loads a new one on restart', async () => {
    const before = await converge();
    await station?.stop();
    station = await startStationProcess(dataDir, { env: { STORELINK_FAULT: 'mid-snapshot-load' } });
    await waitUntil(async () => (await local<{ online: boolean }>('/local/v1/status')).online, {
      what: 'online',
    });
    expectOk(await admin.post(`/api/v1/stations/${created.id}/commands`, { type: 'resync' }), 'resync');
    expect(await station.exited).toBe('SIGKILL');
    const after = readStationDatabase(['F1-M']);
    expect(String(after.cursor)).toBe(before.cursor);
    expect(after.prices).toEqual([5000]);
    expect(after.shadowTables).toBeGreaterThan(0);

    station = await startStationProcess(dataDir);
    await converge();
  });
});
