import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StationWithPairingCode } from '@storelink/contracts';
import { createGroup, createTestServer, type TestServer } from '@storelink/testing';
import { enqueueStationCommand, listPendingCommands } from './station-commands.repository';

let t: TestServer;
let station: StationWithPairingCode;
beforeAll(async () => {
  t = await createTestServer();
  await createGroup(t, 'CMD');
  station = (
    await t.api.post<StationWithPairingCode>('/api/v1/stations', {
      code: 'CMD-01',
      name: 'Caixa',
      groupCode: 'CMD',
    })
  ).body;
});
afterAll(() => t.close());

describe('station commands storage', () => {
  it('keeps commands pending, oldest first, until they are acknowledged', async () => {
    const db = t.server.database.db;
    const resync = await enqueueStationCommand(db, station.id, 'resync', '2026-11-28T12:00:00.000Z');
    const sendNow = await enqueueStationCommand(db, station.id, 'send-now', '2026-11-28T12:00:05.000Z');
    expect(resync).toEqual({
      id: expect.any(String),
      stationId: station.id,
      type: 'resync',
      issuedAt: '2026-11-28T12:00:00.000Z',
    });
    expect((await listPendingCommands(db, station.id)).map((c) => c.id)).toEqual([resync.id, sendNow.id]);

    await db
      .updateTable('stationCommands')
      .set({ acknowledgedAt: '2026-11-28T12:01:00.000Z' })
      .where('id', '=', resync.id)
      .execute();
    const pending = await listPendingCommands(db, station.id);
    expect(pending).toEqual([{ ...sendNow, deliveredAt: null, acknowledgedAt: null }]);
  });

  it('refuses a command for a station that does not exist', async () => {
    await expect(
      enqueueStationCommand(
        t.server.database.db,
        '01890000-0000-7000-8000-000000000000',
        'resync',
        new Date().toISOString(),
      ),
    ).rejects.toThrow();
  });
});
