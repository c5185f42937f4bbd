import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SkuLookupResult, StationCommand, StationWithPairingCode } from '@storelink/contracts';
import { createTestDatabase, type TestDatabase } from '../test-database';
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
 * Two server processes on one PostgreSQL (SPEC §2): the station streams from node B while the
 * back office writes through node A. A's commit NOTIFYs; B's one listening connection hears it and
 * pokes the station. Commands cross nodes the same way.
 */
let database: TestDatabase;
let nodeA: ServerProcess;
let nodeB: ServerProcess;
let adminA: AdminClient;
let station: StationProcess | undefined;
let chain: Chain;
let created: StationWithPairingCode;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'storelink-e2e-nodes-'));

beforeAll(async () => {
  database = await createTestDatabase('postgres');
  const databaseUrl = database.databaseUrl as string;
  // One after the other: the first start runs the migrations.
  nodeA = await startServerProcess({ databaseUrl });
  nodeB = await startServerProcess({ databaseUrl });
  adminA = await loginAdmin(nodeA.url);
  chain = await createChain(adminA, 'N', { heartbeatSeconds: 600, syncIntervalSeconds: 600 });
  const products = await createProducts(adminA, 'N', 3);
  await setPrices(
    adminA,
    chain.priceList,
    products.map((p) => ({ skuCode: `${p.code}-M`, priceCents: 990 })),
  );
  created = await createStation(adminA, 'NX01', chain.group.code);
  const paired = await runStorelinkToEnd([
    'station',
    'pair',
    '--server',
    nodeB.url,
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
  await nodeA?.stop();
  await nodeB?.stop();
  await database?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const lookup = async (barcode: string) =>
  (await (await fetch(`${station?.url ?? ''}/local/v1/skus?barcode=${barcode}`)).json()) as SkuLookupResult;

describe('two server nodes on one PostgreSQL', () => {
  it('a price written through node A reaches a station streaming from node B', async () => {
    await waitUntil(async () => (await lookup(barcodeOf('N', 1))).items[0]?.priceCents === 990, {
      what: 'the catalog',
    });
    expectOk(
      await adminA.put(`/api/v1/price-lists/${chain.priceList.id}/prices/N1-M`, { priceCents: 1990 }),
      'price',
    );
    // Heartbeat and polling are 10 minutes away: only B's poke can bring it this fast.
    await waitUntil(async () => (await lookup(barcodeOf('N', 1))).items[0]?.priceCents === 1990, {
      what: 'the price through node B',
      timeoutMs: 10_000,
    });
    const fromA = await fetchServerCatalog(nodeA.url, stationToken(dataDir));
    const local = (await (await fetch(`${station?.url ?? ''}/local/v1/catalog`)).json()) as {
      checksum: string;
      cursor: string;
    };
    expect(local).toMatchObject({ cursor: fromA.cursor, checksum: fromA.checksum });
  });

  it('a command issued through node A is delivered by node B’s live stream at once', async () => {
    const res = await adminA.post<StationCommand>(`/api/v1/stations/${created.id}/commands`, {
      type: 'send-now',
    });
    expect(res.status).toBe(201);
    expect(res.body.delivered).toBe(true);
    const resync = await adminA.post<StationCommand>(`/api/v1/stations/${created.id}/commands`, {
      type: 'resync',
    });
    expect(resync.body.delivered).toBe(true);
  });
});
