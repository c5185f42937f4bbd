import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HelloResponse, Problem } from '@storelink/contracts';
import { createTestServer, pairStation, seedStation, type TestServer } from '@storelink/testing';

let t: TestServer;
beforeAll(async () => {
  t = await createTestServer();
});
afterAll(() => t.close());

const helloBody = (overrides: Record<string, unknown> = {}) => ({
  appVersion: '1.4.0',
  protocolVersion: 1,
  incarnation: 1,
  lastSeq: 0,
  cursor: '17',
  outbox: { depth: 3, oldestAt: '2026-11-28T10:00:00.000Z' },
  dbSizeBytes: 123_456,
  clock: new Date(Date.now() - 90_000).toISOString(),
  ...overrides,
});

async function pairedStation(code: string, options: { integrationEnabled?: boolean } = {}) {
  const fixture = await seedStation(t, { station: code, group: `G-${code}` }, options);
  const paired = await pairStation(t.anonymous, fixture.pairingCode);
  return { fixture, station: t.anonymous.as(paired.body.token) };
}

async function setMinVersion(version: string) {
  await t.server.database.db.updateTable('settings').set({ minStationVersion: version }).execute();
}

describe('hello', () => {
  it('answers the station, its group, the minimum version, expectedSeq 1 and no commands', async () => {
    const { fixture, station } = await pairedStation('H1');
    const res = await station.post<HelloResponse>('/api/v1/sync/hello', helloBody());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      station: { id: fixture.stationId, code: 'H1', incarnation: 1, appVersion: '1.4.0' },
      group: { code: 'G-H1', storeCode: 'S1', heartbeatSeconds: 30, syncIntervalSeconds: 60 },
      minStationVersion: '0.0.0',
      expectedSeq: 1,
      commands: [],
    });
    expect(Date.parse(res.body.serverTime)).toBeGreaterThan(0);
  });

  it('records the report for monitoring: version, cursor, outbox, database size and clock skew', async () => {
    const { fixture, station } = await pairedStation('H2');
    await station.post('/api/v1/sync/hello', helloBody());
    const report = await t.server.database.db
      .selectFrom('stationReports')
      .selectAll()
      .where('stationId', '=', fixture.stationId)
      .executeTakeFirstOrThrow();
    expect(report).toMatchObject({
      appVersion: '1.4.0',
      cursor: '17',
      outboxDepth: 3,
      outboxOldestAt: '2026-11-28T10:00:00.000Z',
      refusalCode: null,
    });
    expect(Number(report.dbSizeBytes)).toBe(123_456);
    expect(Number(report.clockSkewMs)).toBeGreaterThanOrEqual(89_000);
    const row = await t.server.database.db
      .selectFrom('stations')
      .select(['lastSeenAt'])
      .where('id', '=', fixture.stationId)
      .executeTakeFirstOrThrow();
    expect(row.lastSeenAt).toBe(report.reportedAt);
  });

  it('refuses a version below the minimum with 426, naming the minimum, and still records the report', async () => {
    const { fixture, station } = await pairedStation('H3');
    await setMinVersion('2.0.0');
    try {
      const res = await station.post<Problem>('/api/v1/sync/hello', helloBody({ appVersion: '1.9.9' }));
      expect(res.status).toBe(426);
      expect(res.body).toMatchObject({ code: 'station_version_unsupported', minStationVersion: '2.0.0' });
      expect(res.body.detail).toContain('2.0.0');
      const report = await t.server.database.db
        .selectFrom('stationReports')
        .selectAll()
        .where('stationId', '=', fixture.stationId)
        .executeTakeFirstOrThrow();
      expect(report).toMatchObject({ appVersion: '1.9.9', refusalCode: 'station_version_unsupported' });
      // The recorded version also keeps it from reading data.
      const changes = await station.get<Problem>('/api/v1/sync/changes?after=0');
      expect(changes.status).toBe(426);
      expect((await station.post('/api/v1/sync/hello', helloBody({ appVersion: '2.0.0' }))).status).toBe(200);
    } finally {
      await setMinVersion('0.0.0');
    }
  });

  it('refuses a group with the integration off with 403 integration_disabled, on every sync read', async () => {
    const { station } = await pairedStation('H4', { integrationEnabled: false });
    const res = await station.post<Problem>('/api/v1/sync/hello', helloBody());
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('integration_disabled');
    expect((await station.get<Problem>('/api/v1/sync/snapshot')).body.code).toBe('integration_disabled');
    expect((await station.get<Problem>('/api/v1/sync/changes?after=0')).body.code).toBe(
      'integration_disabled',
    );
  });

  it('refuses a deactivated station with 403 station_inactive', async () => {
    const { fixture, station } = await pairedStation('H5');
    await t.server.database.db
      .updateTable('stations')
      .set({ active: 0 })
      .where('id', '=', fixture.stationId)
      .execute();
    const res = await station.post<Problem>('/api/v1/sync/hello', helloBody());
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('station_inactive');
    expect((await station.get<Problem>('/api/v1/sync/changes?after=0')).body.code).toBe('station_inactive');
  });

  it('refuses an incarnation other than the token’s and another protocol version, naming the field', async () => {
    const { station } = await pairedStation('H6');
    const wrong = await station.post<Problem>('/api/v1/sync/hello', helloBody({ incarnation: 7 }));
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors?.[0]?.path).toBe('incarnation');
    const protocol = await station.post<Problem>('/api/v1/sync/hello', helloBody({ protocolVersion: 2 }));
    expect(protocol.body.errors?.[0]?.path).toBe('protocolVersion');
  });
});
