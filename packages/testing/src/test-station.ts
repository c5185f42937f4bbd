import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { CatalogSummary, SkuLookupResult, StationStatus } from '@storelink/contracts';
import { pairStation, runStation, type PairOutcome, type RunningStation } from '@storelink/station';
import type { TestServer } from './test-server';

/** The server's base URL, listening on an ephemeral port of 127.0.0.1 (started on first use). */
export async function serverUrlOf(t: TestServer): Promise<string> {
  const server = t.server.app.server;
  if (!server.listening) return t.server.app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export interface TestStation {
  dataDir: string;
  paired: PairOutcome;
  running: RunningStation | undefined;
  /** Starts (or restarts) the agent in-process on an ephemeral port. */
  start(): Promise<RunningStation>;
  stop(): Promise<void>;
  status(): Promise<StationStatus>;
  lookup(query: string): Promise<SkuLookupResult>;
  catalog(): Promise<CatalogSummary>;
  /** Stops the agent and deletes its data directory. */
  destroy(): Promise<void>;
}

/**
 * An in-process station paired with `serverUrl` (the server itself, or a fault proxy in front of
 * it), with its own data directory. Fast back-off so tests recover in well under a second.
 */
export async function createTestStation(
  serverUrl: string,
  pairingCode: string,
  options: { start?: boolean; appVersion?: string } = {},
): Promise<TestStation> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'storelink-station-'));
  const paired = await pairStation({
    serverUrl,
    code: pairingCode,
    dataDir,
    hostname: 'test-register',
    ...(options.appVersion ? { appVersion: options.appVersion } : {}),
  });
  const local = async <T>(url: string): Promise<T> => {
    if (!station.running) throw new Error('the station is not running');
    const res = await fetch(`${station.running.url}${url}`);
    return (await res.json()) as T;
  };
  const station: TestStation = {
    dataDir,
    paired,
    running: undefined,
    async start() {
      if (station.running) return station.running;
      station.running = await runStation({
        dataDir,
        port: 0,
        backoff: { baseMs: 50, maxMs: 400 },
        ...(options.appVersion ? { appVersion: options.appVersion } : {}),
      });
      return station.running;
    },
    async stop() {
      const running = station.running;
      station.running = undefined;
      await running?.close();
    },
    status: () => local<StationStatus>('/local/v1/status'),
    lookup: (query) => local<SkuLookupResult>(`/local/v1/skus?${query}`),
    catalog: () => local<CatalogSummary>('/local/v1/catalog'),
    async destroy() {
      await station.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  if (options.start !== false) await station.start();
  return station;
}

/**
 * The server's view of a station's catalog: a fresh snapshot of its scope, reduced to the header
 * cursor, the end line's checksum and the row count. What the station must converge to.
 */
export async function fetchServerCatalog(
  serverUrl: string,
  token: string,
): Promise<{ cursor: string; checksum: string; rows: number }> {
  const res = await fetch(`${serverUrl}/api/v1/sync/snapshot`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!res.ok) throw new Error(`snapshot answered ${res.status}: ${await res.text()}`);
  const lines = (await res.text()).split('\n').filter(Boolean);
  const header = JSON.parse(lines[0] ?? '{}') as { cursor: string };
  const end = JSON.parse(lines[lines.length - 1] ?? '{}') as { checksum: string };
  return { cursor: header.cursor, checksum: end.checksum, rows: lines.length - 2 };
}

/** The token a station's data directory holds. */
export function stationToken(dataDir: string): string {
  const identity = JSON.parse(fs.readFileSync(path.join(dataDir, 'identity.json'), 'utf8')) as {
    token: string;
  };
  return identity.token;
}
