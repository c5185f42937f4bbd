import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CatalogSummary } from '@storelink/contracts';
import { runStorelinkToEnd, startStationProcess, type StationProcess } from '../processes';
import { fetchServerCatalog, stationToken } from '../test-station';
import { waitUntil } from '../wait';

/** A fresh, empty data directory for a station process; the test removes it in `afterAll`. */
export function makeStationDataDir(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `storelink-e2e-${name}-`));
}

/** Removes data directories after a run; a directory never created is skipped. */
export function removeDataDirs(dirs: readonly (string | undefined)[]): void {
  for (const dir of dirs) if (dir) fs.rmSync(dir, { recursive: true, force: true });
}

/** `storelink station pair` run to its end: its exit code and everything it printed. */
export function pairStationProcess(
  serverUrl: string,
  pairingCode: string,
  dataDir: string,
): Promise<{ code: number | string; output: string }> {
  return runStorelinkToEnd([
    'station',
    'pair',
    '--server',
    serverUrl,
    '--code',
    pairingCode,
    '--data-dir',
    dataDir,
  ]);
}

/** Pairs a station with `serverUrl` and starts it; a refused pairing fails the setup with its output. */
export async function pairAndStartStation(
  serverUrl: string,
  pairingCode: string,
  dataDir: string,
): Promise<StationProcess> {
  const paired = await pairStationProcess(serverUrl, pairingCode, dataDir);
  if (paired.code !== 0) throw new Error(paired.output);
  return startStationProcess(dataDir);
}

/** GETs a path of the station's local API and reads its JSON. */
export async function readLocal<T>(station: StationProcess | undefined, url: string): Promise<T> {
  if (!station) throw new Error('the station is not running');
  const res = await fetch(`${station.url}${url}`);
  return (await res.json()) as T;
}

/**
 * Waits until the station's catalog reached the cursor of a fresh server snapshot of its scope,
 * and answers both, so the test can compare their checksums.
 */
export async function waitForServerCursor(
  station: StationProcess | undefined,
  serverUrl: string,
  dataDir: string,
  timeoutMs: number,
): Promise<{ expected: { cursor: string; checksum: string }; reached: CatalogSummary }> {
  const expected = await fetchServerCatalog(serverUrl, stationToken(dataDir));
  const reached = await waitUntil(
    async () => {
      const catalog = await readLocal<CatalogSummary>(station, '/local/v1/catalog');
      return catalog.cursor === expected.cursor ? catalog : undefined;
    },
    { what: `the station to reach cursor ${expected.cursor}`, timeoutMs },
  );
  return { expected, reached };
}
