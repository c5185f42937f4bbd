import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '@storelink/contracts';
import {
  createFaultProxy,
  createTestServer,
  createTestStation,
  fetchServerCatalog,
  seedStation,
  serverUrlOf,
  stationToken,
  waitUntil,
  type FaultProxy,
  type TestServer,
  type TestStation,
} from '@storelink/testing';
import { readRecord } from '../catalog/catalog.repository';

let clock: Date | undefined;
let t: TestServer;
let serverUrl: string;
let proxy: FaultProxy;
const stations: TestStation[] = [];
beforeAll(async () => {
  t = await createTestServer({ now: () => clock ?? new Date() });
  serverUrl = await serverUrlOf(t);
  proxy = await createFaultProxy(Number(new URL(serverUrl).port));
});
afterAll(async () => {
  for (const s of stations) await s.destroy();
  await proxy.close();
  await t.close();
});

async function newStation(
  code: string,
  options: { via?: string; heartbeatSeconds?: number; integrationEnabled?: boolean } = {},
) {
  const fixture = await seedStation(
    t,
    { station: code, store: `ST-${code}`, group: `G-${code}` },
    {
      heartbeatSeconds: options.heartbeatSeconds ?? 1,
      syncIntervalSeconds: 1,
      ...(options.integrationEnabled === false ? { integrationEnabled: false } : {}),
    },
  );
  const station = await createTestStation(options.via ?? serverUrl, fixture.pairingCode);
  stations.push(station);
  const store = (await t.api.get<{ items: Store[] }>(`/api/v1/stores?q=ST-${code}`)).body.items[0] as Store;
  return { fixture, station, store };
}

const head = async () =>
  String(
    (
      await t.server.database.db
        .selectFrom('counters')
        .select('value')
        .where('name', '=', 'change_cursor')
        .executeTakeFirstOrThrow()
    ).value,
  );

async function expectConverged(station: TestStation) {
  const server = await fetchServerCatalog(serverUrl, stationToken(station.dataDir));
  await waitUntil(async () => (await station.catalog()).cursor === server.cursor, {
    what: 'the station to reach the server cursor',
  });
  expect((await station.catalog()).checksum).toBe(server.checksum);
}

describe('station sync engine', () => {
  it('pairs, loads the snapshot with a checksum equal to the server’s, and goes online', async () => {
    const { station } = await newStation('E1');
    expect(station.paired.kind).toBe('ready');
    await expectConverged(station);
    const status = await waitUntil(async () => {
      const s = await station.status();
      return s.online ? s : undefined;
    });
    expect(status).toMatchObject({
      stationCode: 'E1',
      snapshot: { state: 'ready', percent: 100 },
      lastError: null,
    });
    expect(status.dataAsOf).not.toBeNull();
    expect(status.outbox).toEqual({ depth: 0, oldestAt: null });
    expect(status.version).toEqual({ app: '0.1.0', minRequired: '0.0.0', compatible: true });
  });

  it('keeps its token in an owner-only identity file', async () => {
    const { station } = await newStation('E2');
    const mode = fs.statSync(path.join(station.dataDir, 'identity.json')).mode & 0o777;
    expect(mode).toBe(0o600);
    expect(stationToken(station.dataDir)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('applies a change pushed live, and its checksum still equals the server’s', async () => {
    const { station, store } = await newStation('E3');
    await waitUntil(() => station.running?.engine.streaming, { what: 'the live stream' });
    await t.api.patch(`/api/v1/stores/${store.id}`, { name: 'Loja renomeada ao vivo' });
    const target = await head();
    await waitUntil(async () => (await station.catalog()).cursor === target, {
      what: 'the change to arrive',
    });
    const db = station.running?.db;
    expect(db && readRecord<Store>(db, 'store', store.code)?.name).toBe('Loja renomeada ao vivo');
    await expectConverged(station);
  });

  it('keeps serving while the server is unreachable, says why, and catches up when it returns', async () => {
    const { station, store } = await newStation('E4', { via: proxy.url });
    await waitUntil(() => station.running?.engine.streaming, { what: 'the live stream' });
    proxy.block();
    await t.api.patch(`/api/v1/stores/${store.id}`, { name: 'Mudou durante a queda' });
    const offline = await waitUntil(
      async () => {
        const s = await station.status();
        return !s.online && s.lastError ? s : undefined;
      },
      { what: 'the station to notice the outage' },
    );
    expect(offline.lastError).toMatch(/Cannot reach the server/);
    expect((await station.lookup('q=anything')).items).toEqual([]);
    proxy.unblock();
    await expectConverged(station);
    const back = await waitUntil(async () => {
      const s = await station.status();
      return s.online && s.lastError === null ? s : undefined;
    });
    expect(back.online).toBe(true);
  });

  it('resumes from its own cursor after a restart, without a new snapshot', async () => {
    const { station, store } = await newStation('E5');
    const before = await station.catalog();
    await station.stop();
    await t.api.patch(`/api/v1/stores/${store.id}`, { name: 'Mudou com a estação parada' });
    const generation = () =>
      (station.running?.db.prepare('select catalog_generation as g from sync_state').get() as { g: number })
        .g;
    await station.start();
    const g = generation();
    await expectConverged(station);
    expect(generation()).toBe(g);
    expect((await station.catalog()).cursor).not.toBe(before.cursor);
  });

  it('on a version below the minimum keeps serving, shows the reason, and syncs again once allowed', async () => {
    const { station, store } = await newStation('E6');
    await t.server.database.db.updateTable('settings').set({ minStationVersion: '9.0.0' }).execute();
    try {
      station.running?.engine.request('hello');
      const refused = await waitUntil(
        async () => {
          const s = await station.status();
          return s.version.compatible ? undefined : s;
        },
        { what: 'the refusal' },
      );
      expect(refused.version).toEqual({ app: '0.1.0', minRequired: '9.0.0', compatible: false });
      expect(refused.lastError).toContain('9.0.0');
      expect(refused.online).toBe(false);
      expect((await station.lookup('q=x')).items).toEqual([]);
      await t.api.patch(`/api/v1/stores/${store.id}`, { name: 'Depois da versão' });
    } finally {
      await t.server.database.db.updateTable('settings').set({ minStationVersion: '0.0.0' }).execute();
    }
    await waitUntil(async () => (await station.status()).version.compatible, {
      what: 'the station to be allowed again',
    });
    await expectConverged(station);
  });

  it('shows integration_disabled in words and keeps serving', async () => {
    const fixture = await seedStation(t, { station: 'E7', group: 'G-E7-OFF' }, { integrationEnabled: false });
    const station = await createTestStation(serverUrl, fixture.pairingCode);
    stations.push(station);
    expect(station.paired.kind).toBe('refused');
    const status = await waitUntil(async () => {
      const s = await station.status();
      return s.lastError ? s : undefined;
    });
    expect(status.lastError).toMatch(/integration is switched off/i);
    expect(status.snapshot.state).toBe('none');
    expect((await station.lookup('barcode=123')).items).toEqual([]);
  });

  it('re-snapshots on 410 cursor_expired and keeps its outbox untouched', async () => {
    const { station, store } = await newStation('E8');
    const db = station.running?.db;
    if (!db) throw new Error('not running');
    db.prepare(
      `insert into outbox (id, incarnation, seq, type, occurred_at, schema_version, payload, payload_hash, created_at)
       values ('m1', 1, 1, 'sale.completed', '2026-11-28T10:00:00.000Z', 1, '{}', 'h', '2026-11-28T10:00:00.000Z')`,
    ).run();
    const generationBefore = (
      db.prepare('select catalog_generation as g from sync_state').get() as { g: number }
    ).g;
    await station.stop();
    clock = new Date(Date.now() - 200 * 86_400_000);
    await t.api.patch(`/api/v1/stores/${store.id}`, { name: 'Mudança antiga' });
    clock = undefined;
    await t.api.patch(`/api/v1/stores/${store.id}`, { name: 'Mudança nova' });
    expect(await t.server.sync.pruneChanges()).toBeGreaterThan(0);
    const running = await station.start();
    await expectConverged(station);
    expect(readRecord<Store>(running.db, 'store', store.code)?.name).toBe('Mudança nova');
    const generationAfter = (
      running.db.prepare('select catalog_generation as g from sync_state').get() as { g: number }
    ).g;
    expect(generationAfter).toBeGreaterThan(generationBefore);
    expect(running.db.prepare('select id from outbox').all()).toEqual([{ id: 'm1' }]);
    expect((await station.status()).outbox.depth).toBe(1);
  });
});
