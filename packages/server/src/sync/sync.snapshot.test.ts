import { gunzipSync } from 'node:zlib';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Problem, SnapshotHeader, SnapshotRow, Store } from '@storelink/contracts';
import { CatalogChecksum } from '@storelink/domain/catalog-checksum';
import {
  createTestServer,
  pairStation,
  seedStation,
  type TestApi,
  type TestServer,
} from '@storelink/testing';
import { readHeadCursor } from '../modules/changes/change-log.repository';
import { writeSnapshot } from './snapshot';
import { snapshotSources } from './snapshot-sources';

let t: TestServer;
let station: TestApi;
beforeAll(async () => {
  t = await createTestServer();
  const fixture = await seedStation(t, { station: 'SNAP1', store: 'SNAPSTORE' });
  station = t.anonymous.as((await pairStation(t.anonymous, fixture.pairingCode)).body.token);
});
afterAll(() => t.close());

function parseSnapshot(text: string) {
  const lines = text.split('\n').filter(Boolean);
  const parsed = lines.map((l) => JSON.parse(l) as { type: string });
  const header = parsed[0] as SnapshotHeader;
  const rows = parsed.slice(1, -1) as SnapshotRow[];
  const end = parsed[parsed.length - 1] as { type: 'end'; checksum: string };
  const checksum = new CatalogChecksum();
  for (const row of rows) checksum.add(row.entity, row.key, JSON.stringify(row.data));
  return { header, rows, end, computed: checksum.hex(), lines };
}

describe('snapshot', () => {
  it('streams NDJSON: header with cursor and counts of every entity, the rows, an end line with the checksum', async () => {
    const res = await station.get<string>('/api/v1/sync/snapshot');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/x-ndjson/);
    const { header, rows, end, computed } = parseSnapshot(res.body);
    expect(header.type).toBe('header');
    expect(header.cursor).toBe(String(await readHeadCursor(t.server.database.db)));
    expect(Object.keys(header.counts).sort()).toEqual(
      [
        'store',
        'stationGroup',
        'station',
        'settings',
        'product',
        'price',
        'seller',
        'operator',
        'paymentType',
        'paymentCondition',
        'financialReason',
        'promotion',
        'voucher',
      ].sort(),
    );
    expect(header.counts.voucher).toBe(0);
    const stores = rows.filter((r) => r.entity === 'store');
    expect(stores).toHaveLength(header.counts.store);
    expect(stores.map((r) => r.key)).toEqual(['SNAPSTORE']);
    expect(end).toEqual({ type: 'end', checksum: computed });
  });

  it('sends only the station’s own store, never another store', async () => {
    await t.api.post('/api/v1/stores', { code: 'OTHER', name: 'Outra loja' });
    const { rows } = parseSnapshot((await station.get<string>('/api/v1/sync/snapshot')).body);
    expect(rows.map((r) => r.key)).not.toContain('OTHER');
  });

  it('gzips the stream when asked', async () => {
    const res = await station.request<string>({
      method: 'GET',
      url: '/api/v1/sync/snapshot',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(res.headers['content-encoding']).toBe('gzip');
    const raw = (
      await t.server.app.inject({
        method: 'GET',
        url: '/api/v1/sync/snapshot',
        headers: { 'accept-encoding': 'gzip', authorization: `Bearer ${station.token ?? ''}` },
      })
    ).rawPayload;
    const { end, computed } = parseSnapshot(gunzipSync(raw).toString('utf8'));
    expect(end.checksum).toBe(computed);
  });

  it('reads one consistent state while writers go on: a write during the stream is not in it', async () => {
    const store = (await t.api.get<{ items: Store[] }>('/api/v1/stores?q=SNAPSTORE')).body.items[0] as Store;
    const chunks: string[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    // A receiver that takes the header and then stalls: the read transaction stays open.
    const out = new Writable({
      highWaterMark: 1,
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(chunk.toString());
        if (chunks.length === 1) void gate.then(() => callback());
        else callback();
      },
    });
    const scope = { stationCode: 'SNAP1', groupCode: 'G1', storeCode: 'SNAPSTORE', priceListCode: 'PL1' };
    const streaming = writeSnapshot(t.server.database, snapshotSources, scope, out);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const renamed = await t.api.patch(`/api/v1/stores/${store.id}`, { name: 'Renamed during snapshot' });
    expect(renamed.status).toBe(200);
    release();
    const result = await streaming;
    const { header, rows } = parseSnapshot(chunks.join(''));
    expect(rows.find((r) => r.key === 'SNAPSTORE')?.data).toMatchObject({ name: store.name });
    expect(Number(header.cursor)).toBe(result.cursor);
    expect(await readHeadCursor(t.server.database.db)).toBeGreaterThan(result.cursor);
  });

  it('refuses query parameters it does not know', async () => {
    const res = await station.get<Problem>('/api/v1/sync/snapshot?all=1');
    expect(res.status).toBe(400);
  });
});
