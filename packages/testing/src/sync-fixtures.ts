import type { PairResponse, Problem, StationWithPairingCode } from '@storelink/contracts';
import { createGroup } from './master-data';
import type { TestApi, TestResponse, TestServer } from './test-server';

export interface StationFixture {
  stationId: string;
  stationCode: string;
  groupCode: string;
  storeCode: string;
  priceListCode: string;
  pairingCode: string;
}

/**
 * Creates through the admin API what a station needs to pair: its store, price list and group
 * (reused when they exist) and the station, which comes back with a fresh pairing code.
 */
export async function seedStation(
  t: TestServer,
  codes: { store?: string; priceList?: string; group?: string; station: string },
  options: { integrationEnabled?: boolean; heartbeatSeconds?: number; syncIntervalSeconds?: number } = {},
): Promise<StationFixture> {
  const storeCode = codes.store ?? 'S1';
  const priceListCode = codes.priceList ?? 'PL1';
  const groupCode = codes.group ?? 'G1';
  const db = t.server.database.db;
  if (!(await db.selectFrom('stationGroups').select('id').where('code', '=', groupCode).executeTakeFirst())) {
    await createGroup(t, groupCode, {
      storeCode,
      priceListCode,
      extra: {
        ...(options.integrationEnabled === false ? { integrationEnabled: false } : {}),
        ...(options.heartbeatSeconds ? { heartbeatSeconds: options.heartbeatSeconds } : {}),
        ...(options.syncIntervalSeconds ? { syncIntervalSeconds: options.syncIntervalSeconds } : {}),
      },
    });
  }
  const res = await t.api.post<StationWithPairingCode>('/api/v1/stations', {
    code: codes.station,
    name: `Caixa ${codes.station}`,
    groupCode,
  });
  if (res.status !== 201)
    throw new Error(`station ${codes.station}: ${res.status} ${JSON.stringify(res.body)}`);
  return {
    stationId: res.body.id,
    stationCode: codes.station,
    groupCode,
    storeCode,
    priceListCode,
    pairingCode: res.body.pairingCode,
  };
}

/** Issues a new pairing code (`POST /stations/:id/pairing-code`); `expiresAt` backdates it. */
export async function issuePairingCode(t: TestServer, stationId: string, expiresAt?: Date): Promise<string> {
  const res = await t.api.post<StationWithPairingCode>(`/api/v1/stations/${stationId}/pairing-code`);
  if (res.status !== 201) throw new Error(`pairing code: ${res.status} ${JSON.stringify(res.body)}`);
  if (expiresAt) {
    await t.server.database.db
      .updateTable('stations')
      .set({ pairingCodeExpiresAt: expiresAt.toISOString() })
      .where('id', '=', stationId)
      .execute();
  }
  return res.body.pairingCode;
}

let addressCounter = 0;
/** A distinct loopback address per call, so tests never trip the pairing rate limit. */
export function nextTestAddress(): string {
  addressCounter += 1;
  return `127.10.${Math.floor(addressCounter / 250) % 250}.${(addressCounter % 250) + 1}`;
}

/** `POST /api/v1/sync/pair` through `app.inject`, from an address of its own. */
export async function pairStation(
  api: TestApi,
  code: string,
  options: { appVersion?: string; hostname?: string } = {},
): Promise<TestResponse<PairResponse & Problem>> {
  return api.request<PairResponse & Problem>({
    method: 'POST',
    url: '/api/v1/sync/pair',
    remoteAddress: nextTestAddress(),
    payload: { code, appVersion: options.appVersion ?? '1.0.0', hostname: options.hostname ?? 'test-host' },
  });
}
