/**
 * B3 propagation (SPEC §9): one price change at a time reaching 50 live stations.
 *
 *   npm run bench -- propagation [--stations 50] [--changes 200] [--hosts 5]
 *
 * A real `storelink server` process on SQLite. The stations are real sync agents, each with its
 * own data directory, SQLite database, live event stream and local API, hosted 10 to a process
 * (5 processes for 50 stations: 50 Node processes would not fit two cores). Each price change is
 * a `PUT /price-lists/:id/prices/:skuCode`; its commit time is taken when the answer arrives (the
 * server answers after commit, so this slightly under-counts). A station's time is taken right
 * after it commits the page holding the change. The next change starts once all 50 have it.
 * Heartbeats and polling are set to 10 minutes, so only the live path (poke → pull → apply) counts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import http from 'node:http';
import type { PairResponse } from '@storelink/contracts';
import { writeIdentity } from '@storelink/station';
import { loginAdmin, startServerProcess, waitUntil } from '@storelink/testing';
import { argument, machine, median, ms, percentile, scratchDir } from './bench-support';

const STATIONS = argument('stations', 50);
const CHANGES = argument('changes', 200);
const HOSTS = argument('hosts', 5);
const HOST_SCRIPT = fileURLToPath(new URL('./station-host.ts', import.meta.url));

const now = () => performance.timeOrigin + performance.now();

export async function runPropagation(): Promise<string[]> {
  const serverDir = scratchDir('propagation-server');
  const stationsDir = scratchDir('propagation-stations');
  const hosts: ChildProcess[] = [];
  const server = await startServerProcess({ dataDir: serverDir.dir });
  try {
    const admin = await loginAdmin(server.url);
    await admin.post('/api/v1/stores', { code: 'P-S', name: 'Propagation' });
    const priceList = (await admin.post<{ id: string }>('/api/v1/price-lists', { code: 'P-PL', name: 'P' }))
      .body;
    await admin.post('/api/v1/station-groups', {
      code: 'P-G',
      name: 'P',
      storeCode: 'P-S',
      priceListCode: 'P-PL',
      heartbeatSeconds: 600,
      syncIntervalSeconds: 600,
    });
    for (let i = 0; i < 5; i += 1) {
      await admin.post('/api/v1/products', {
        code: `PP${i}`,
        name: `Produto ${i}`,
        skus: [{ code: `PP${i}-U`, barcodes: [`78900${i}`] }],
      });
    }
    await admin.put(
      `/api/v1/price-lists/${priceList.id}/prices`,
      [0, 1, 2, 3, 4].map((i) => ({ skuCode: `PP${i}-U`, priceCents: 100 })),
    );

    process.stdout.write(`Pairing ${STATIONS} stations...\n`);
    const dirs: string[] = [];
    for (let i = 0; i < STATIONS; i += 1) {
      const station = await admin.post<{ pairingCode: string }>('/api/v1/stations', {
        code: `P${i}`,
        name: `Caixa ${i}`,
        groupCode: 'P-G',
      });
      const dataDir = path.join(stationsDir.dir, `s${i}`);
      // Pairing allows 10 attempts a minute per address: each batch of 10 comes from its own
      // loopback address. The agent takes its first snapshot when it starts.
      const pair = await pairFrom(`127.0.1.${1 + Math.floor(i / 10)}`, server.url, station.body.pairingCode);
      writeIdentity(dataDir, {
        serverUrl: server.url,
        stationId: pair.stationId,
        stationCode: pair.stationCode,
        token: pair.token,
        incarnation: pair.incarnation,
        pairedAt: pair.serverTime,
      });
      dirs.push(dataDir);
    }

    const ready = new Set<number>();
    const applied: { station: number; at: number }[] = [];
    const perHost = Math.ceil(STATIONS / HOSTS);
    for (let h = 0; h < HOSTS; h += 1) {
      const slice = dirs.slice(h * perHost, (h + 1) * perHost);
      if (slice.length === 0) continue;
      const child = spawn(process.execPath, ['--import', 'tsx', HOST_SCRIPT, String(h * perHost), ...slice], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      hosts.push(child);
      let buffer = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        let nl: number;
        while ((nl = buffer.indexOf('\n')) >= 0) {
          const [kind, index, , at] = buffer.slice(0, nl).split(' ');
          buffer = buffer.slice(nl + 1);
          if (kind === 'ready') ready.add(Number(index));
          else if (kind === 'applied') applied.push({ station: Number(index), at: Number(at) });
        }
      });
    }
    await waitUntil(() => ready.size === STATIONS, { timeoutMs: 120_000, what: `${STATIONS} live stations` });
    process.stdout.write(`${STATIONS} stations live in ${hosts.length} processes; ${CHANGES} changes...\n`);

    const latencies: number[] = [];
    const slowest: number[] = [];
    for (let c = 0; c < CHANGES; c += 1) {
      const from = applied.length;
      const res = await fetch(`${server.url}/api/v1/price-lists/${priceList.id}/prices/PP${c % 5}-U`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', authorization: admin.authorization },
        body: JSON.stringify({ priceCents: 200 + c }),
      });
      const committedAt = now();
      if (!res.ok) throw new Error(`price change ${c}: ${res.status} ${await res.text()}`);
      await waitUntil(() => new Set(applied.slice(from).map((a) => a.station)).size === STATIONS, {
        timeoutMs: 30_000,
        intervalMs: 1,
        what: `change ${c} at every station`,
      });
      const firstByStation = new Map<number, number>();
      for (const a of applied.slice(from))
        if (!firstByStation.has(a.station)) firstByStation.set(a.station, a.at);
      const these = [...firstByStation.values()].map((at) => at - committedAt);
      latencies.push(...these);
      slowest.push(Math.max(...these));
    }
    return [
      `B3 propagation: ${CHANGES} price changes, one at a time, to ${STATIONS} live stations (${hosts.length} processes × ${perHost} agents, own SQLite each), server on SQLite`,
      `  server commit → station commit, all ${latencies.length} deliveries:  p50 ${ms(percentile(latencies, 50))}   p99 ${ms(percentile(latencies, 99))}   max ${ms(Math.max(...latencies))}   (goal p99 ≤ 100 ms)`,
      `  time until the LAST of the ${STATIONS} stations has a change:  median ${ms(median(slowest))}   p99 ${ms(percentile(slowest, 99))}`,
      `  machine: ${machine()}`,
    ];
  } finally {
    for (const child of hosts) child.kill('SIGTERM');
    await Promise.all(
      hosts.map(
        (child) =>
          new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve))),
      ),
    );
    await server.stop();
    serverDir.cleanup();
    stationsDir.cleanup();
  }
}

function pairFrom(localAddress: string, serverUrl: string, code: string): Promise<PairResponse> {
  const body = JSON.stringify({ code, appVersion: '0.1.0', hostname: 'bench' });
  const url = new URL('/api/v1/sync/pair', serverUrl);
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        localAddress,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () =>
          res.statusCode === 200
            ? resolve(JSON.parse(text) as PairResponse)
            : reject(new Error(`pair: ${res.statusCode} ${text}`)),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
