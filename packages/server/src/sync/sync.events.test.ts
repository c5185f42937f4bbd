import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '@storelink/contracts';
import {
  createTestServer,
  openEventStream,
  pairStation,
  seedStation,
  waitUntil,
  type TestServer,
} from '@storelink/testing';
import { readHeadCursor } from '../modules/changes/change-log.repository';

let t: TestServer;
let baseUrl: string;
let token: string;
let store: Store;
let stationId: string;
beforeAll(async () => {
  t = await createTestServer({ pingIntervalMs: 100 });
  const fixture = await seedStation(t, { station: 'EV1', store: 'EVSTORE' });
  stationId = fixture.stationId;
  token = (await pairStation(t.anonymous, fixture.pairingCode)).body.token;
  baseUrl = await t.server.app.listen({ port: 0, host: '127.0.0.1' });
  store = (await t.api.post<Store>('/api/v1/stores', { code: 'EVX', name: 'Loja X' })).body;
});
afterAll(() => t.close());

const head = () => readHeadCursor(t.server.database.db);

describe('live events', () => {
  it('pokes the stream with the new cursor as its id when a change commits', async () => {
    const stream = await openEventStream(baseUrl, token, { lastEventId: String(await head()) });
    try {
      expect(stream.status).toBe(200);
      await waitUntil(() => t.server.streams.isConnected(stationId), {
        what: 'the stream to register',
      });
      await t.api.patch(`/api/v1/stores/${store.id}`, { name: 'Loja X renomeada' });
      const cursor = String(await head());
      const poke = await stream.waitFor((e) => e.event === 'changes');
      expect(poke).toEqual({ event: 'changes', id: cursor, data: cursor });
    } finally {
      stream.close();
    }
  });

  it('resumes from Last-Event-ID: behind the head it is poked at once, at the head it is not', async () => {
    const current = String(await head());
    const behind = await openEventStream(baseUrl, token, { lastEventId: '0' });
    const atHead = await openEventStream(baseUrl, token, { lastEventId: current });
    try {
      expect((await behind.waitFor((e) => e.event === 'changes')).id).toBe(current);
      await atHead
        .waitFor(() => true, { timeoutMs: 300 })
        .then(
          () => expect.fail('a station at the head was poked'),
          () => undefined,
        );
      expect(atHead.events).toEqual([]);
    } finally {
      behind.close();
      atHead.close();
    }
  });

  it('sends a comment ping at the configured interval', async () => {
    const stream = await openEventStream(baseUrl, token, { lastEventId: String(await head()) });
    try {
      await waitUntil(() => stream.comments.includes('ping'), { what: 'a ping' });
    } finally {
      stream.close();
    }
  });

  it('forgets a stream when the station disconnects', async () => {
    await waitUntil(() => t.server.streams.stats().streams === 0, { what: 'earlier streams to close' });
    const stream = await openEventStream(baseUrl, token);
    await waitUntil(() => t.server.streams.isConnected(stationId), { what: 'the stream to open' });
    stream.close();
    await waitUntil(() => !t.server.streams.isConnected(stationId), { what: 'the stream to close' });
  });

  it('gives a station that does not read at most one pending poke, never a growing buffer', async () => {
    const socket = net.connect({ host: '127.0.0.1', port: Number(new URL(baseUrl).port) });
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(
      `GET /api/v1/sync/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\nLast-Event-ID: 0\r\n\r\n`,
    );
    socket.pause(); // never reads: the kernel buffers fill, then Node's
    const streams = t.server.streams;
    await waitUntil(() => streams.stats().streams >= 1, { what: 'the raw stream to open' });
    const start = (await head()) + 1;
    const pokes = 200_000; // ~9 MB of pokes: more than the loopback socket buffers absorb
    for (let i = 0; i < pokes; i += 1) {
      t.server.notifier.notify(start + i);
      // One poke per tick: coalescing within a tick must not be what keeps the buffer small.
      await new Promise((resolve) => setImmediate(resolve));
    }
    const stats = streams.stats();
    expect(stats.pendingPokes).toBeLessThanOrEqual(1);
    expect(stats.bufferedBytes).toBeLessThan(64 * 1024);

    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
    socket.resume();
    const last = String(start + pokes - 1);
    await waitUntil(() => received.includes(`id: ${last}\n`), { what: 'the newest poke after draining' });
    const delivered = received.split('event: changes').length - 1;
    expect(delivered).toBeLessThan(pokes);
    socket.destroy();
  });
});
