import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HelloResponse, StationCommand, StationGroup } from '@storelink/contracts';
import {
  createGroup,
  createTestServer,
  openEventStream,
  pairStation,
  seedStation,
  waitUntil,
  type TestServer,
} from '@storelink/testing';

let t: TestServer;
let baseUrl: string;
beforeAll(async () => {
  t = await createTestServer();
  baseUrl = await t.server.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => t.close());

const helloBody = (incarnation = 1) => ({
  appVersion: '1.0.0',
  protocolVersion: 1,
  incarnation,
  lastSeq: 0,
  cursor: null,
  outbox: { depth: 0, oldestAt: null },
  dbSizeBytes: 0,
  clock: new Date().toISOString(),
});

async function paired(code: string, group = `G-${code}`) {
  const fixture = await seedStation(t, { station: code, group });
  const token = (await pairStation(t.anonymous, fixture.pairingCode)).body.token;
  return { fixture, token, station: t.anonymous.as(token) };
}

describe('station commands', () => {
  it('hands pending commands to the next hello once, one per type, and a resync stays until a snapshot', async () => {
    const { fixture, station } = await paired('C1');
    const first = await t.api.post<StationCommand>(`/api/v1/stations/${fixture.stationId}/commands`, {
      type: 'resync',
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ stationId: fixture.stationId, type: 'resync', delivered: false });
    await t.api.post(`/api/v1/stations/${fixture.stationId}/commands`, { type: 'resync' });
    await t.api.post(`/api/v1/stations/${fixture.stationId}/commands`, { type: 'send-now' });

    const hello = await station.post<HelloResponse>('/api/v1/sync/hello', helloBody());
    expect(hello.body.commands.map((c) => c.type)).toEqual(['resync', 'send-now']);
    expect(hello.body.commands[0]?.issuedAt).toBe(first.body.issuedAt);
    const again = await station.post<HelloResponse>('/api/v1/sync/hello', helloBody());
    expect(again.body.commands).toEqual([]);

    const pending = () =>
      t.server.database.db
        .selectFrom('stationCommands')
        .select(['type'])
        .where('stationId', '=', fixture.stationId)
        .where('acknowledgedAt', 'is', null)
        .execute();
    expect((await pending()).map((c) => c.type)).toEqual(['resync', 'resync']);
    expect((await station.get('/api/v1/sync/snapshot')).status).toBe(200);
    expect(await pending()).toEqual([]);
  });

  it('pushes a command to a live stream at once and says it was delivered', async () => {
    const { fixture, token } = await paired('C2');
    const stream = await openEventStream(baseUrl, token);
    try {
      await waitUntil(() => t.server.streams.isConnected(fixture.stationId), { what: 'the stream' });
      const res = await t.api.post<StationCommand>(`/api/v1/stations/${fixture.stationId}/commands`, {
        type: 'send-now',
      });
      expect(res.body.delivered).toBe(true);
      const event = await stream.waitFor((e) => e.event === 'command');
      expect(JSON.parse(event.data)).toEqual({ type: 'send-now', issuedAt: res.body.issuedAt });
    } finally {
      stream.close();
    }
  });

  it('sends a resync to a moved station’s live stream', async () => {
    const { fixture, token } = await paired('C3');
    await createGroup(t, 'G-C3-NEW');
    const stream = await openEventStream(baseUrl, token);
    try {
      await waitUntil(() => t.server.streams.isConnected(fixture.stationId), { what: 'the stream' });
      const moved = await t.api.patch(`/api/v1/stations/${fixture.stationId}`, { groupCode: 'G-C3-NEW' });
      expect(moved.status).toBe(200);
      const event = await stream.waitFor((e) => e.event === 'command');
      expect(JSON.parse(event.data)).toMatchObject({ type: 'resync' });
    } finally {
      stream.close();
    }
  });

  it('sends a resync to every station of a group whose price list changes', async () => {
    const { fixture, station } = await paired('C4', 'G-C4');
    const group = (await t.api.get<{ items: StationGroup[] }>('/api/v1/station-groups?q=G-C4')).body.items[0];
    await createGroup(t, 'G-OTHER-PL', { priceListCode: 'PL-NEW' });
    await t.api.patch(`/api/v1/station-groups/${group?.id ?? ''}`, { priceListCode: 'PL-NEW' });
    const hello = await station.post<HelloResponse>('/api/v1/sync/hello', helloBody());
    expect(hello.body.commands.map((c) => c.type)).toEqual(['resync']);
    expect(hello.body.group.priceListCode).toBe('PL-NEW');
    expect(fixture.groupCode).toBe('G-C4');
  });

  it('refuses a command for an unknown station and an unknown type', async () => {
    const missing = await t.api.post('/api/v1/stations/01890000-0000-7000-8000-000000000000/commands', {
      type: 'resync',
    });
    expect(missing.status).toBe(404);
    const { fixture } = await paired('C5');
    const bad = await t.api.post(`/api/v1/stations/${fixture.stationId}/commands`, { type: 'reboot' });
    expect(bad.status).toBe(400);
  });
});
