import { createHash, randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { StorelinkServer } from '@storelink/server';
import type { PairResponse, Problem } from '@storelink/contracts';
import type { TestApi, TestResponse } from './test-server';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A fresh pairing code: 8 characters of Crockford base32, as the back office issues them. */
export function newPairingCode(): string {
  let code = '';
  for (let i = 0; i < 8; i += 1) code += CROCKFORD[randomInt(32)];
  return code;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export interface StationFixture {
  stationId: string;
  stationCode: string;
  groupCode: string;
  storeCode: string;
  priceListCode: string;
  pairingCode: string;
}

type AnyDb = Kysely<Record<string, Record<string, unknown>>>;

function dbOf(server: StorelinkServer): AnyDb {
  return server.database.db as unknown as AnyDb;
}

let counter = 0;
function uuid(): string {
  counter += 1;
  const hex = `${Date.now().toString(16).padStart(12, '0')}${counter.toString(16).padStart(4, '0')}`;
  const rand = Array.from({ length: 16 }, () => randomInt(16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${hex.slice(13, 16)}-8${rand.slice(0, 3)}-${rand.slice(3, 15)}`;
}

/**
 * Creates, straight in the database, what a station needs to pair: a store, a price list, a group
 * and an unpaired station with a fresh pairing code. Reuses records that already exist by code.
 * Nothing here goes through the change log: these are the "before" state of a test.
 */
export async function seedStation(
  server: StorelinkServer,
  codes: { store?: string; priceList?: string; group?: string; station: string },
  options: { integrationEnabled?: boolean; heartbeatSeconds?: number; syncIntervalSeconds?: number } = {},
): Promise<StationFixture> {
  const db = dbOf(server);
  const at = new Date().toISOString();
  const storeCode = codes.store ?? 'S1';
  const priceListCode = codes.priceList ?? 'PL1';
  const groupCode = codes.group ?? 'G1';
  const audited = { createdAt: at, updatedAt: at };
  await db
    .insertInto('stores')
    .values({
      id: uuid(),
      code: storeCode,
      name: `Store ${storeCode}`,
      timezone: 'America/Sao_Paulo',
      active: 1,
      ...audited,
    })
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  await db
    .insertInto('priceLists')
    .values({ id: uuid(), code: priceListCode, name: `List ${priceListCode}`, active: 1, ...audited })
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  await db
    .insertInto('stationGroups')
    .values({
      id: uuid(),
      code: groupCode,
      name: `Group ${groupCode}`,
      storeCode,
      priceListCode,
      integrationEnabled: options.integrationEnabled === false ? 0 : 1,
      syncIntervalSeconds: options.syncIntervalSeconds ?? 60,
      heartbeatSeconds: options.heartbeatSeconds ?? 30,
      offlineAlertMinutes: 15,
      maxCashierDiscountBp: 0,
      paymentTypeCodes: '[]',
      financialReasonCodes: '[]',
      cancelRequiresSupervisor: 0,
      active: 1,
      ...audited,
    })
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  const pairingCode = newPairingCode();
  const stationId = uuid();
  await db
    .insertInto('stations')
    .values({
      id: stationId,
      code: codes.station,
      name: `Station ${codes.station}`,
      groupCode,
      active: 1,
      incarnation: 0,
      pairingCodeHash: sha256(pairingCode),
      pairingCodeExpiresAt: new Date(Date.now() + 24 * 3600_000).toISOString(),
      ...audited,
    })
    .execute();
  return { stationId, stationCode: codes.station, groupCode, storeCode, priceListCode, pairingCode };
}

/** Issues a new pairing code for a station (as `POST /stations/:id/pairing-code` does). */
export async function issuePairingCode(
  server: StorelinkServer,
  stationId: string,
  expiresAt?: Date,
): Promise<string> {
  const code = newPairingCode();
  await dbOf(server)
    .updateTable('stations')
    .set({
      pairingCodeHash: sha256(code),
      pairingCodeExpiresAt: (expiresAt ?? new Date(Date.now() + 24 * 3600_000)).toISOString(),
    })
    .where('id', '=', stationId)
    .execute();
  return code;
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
