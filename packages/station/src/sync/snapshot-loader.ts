import { syncEntities, type SnapshotHeader, type SyncEntity } from '@storelink/contracts';
import { CatalogChecksum } from '@storelink/domain/catalog-checksum';
import type { StationDb } from '../db/database';
import { CatalogWriter } from '../catalog/catalog.repository';
import {
  createShadowTables,
  dropShadowTables,
  indexShadowTables,
  swapInShadowTables,
} from '../catalog/catalog-schema';
import { faultPoint } from '../faults';
import { readSyncState, updateSyncState } from './sync-state';
import { serverDateOf, ServerUnreachable, type ServerClient } from './server-client';

/** The snapshot arrived whole but does not add up: wrong checksum, counts or layout. */
export class SnapshotInvalid extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SnapshotInvalid';
  }
}

export interface SnapshotProgress {
  loaded: number;
  total: number;
}

export interface SnapshotResult {
  cursor: number;
  rows: number;
  checksum: string;
}

/** Rows per shadow-table transaction: big enough to amortise commits, small enough not to stall sales. */
const BATCH_ROWS = 4000;

interface ParsedRow {
  type: 'row';
  entity: SyncEntity;
  key: string;
  data: unknown;
}

/**
 * Replaces the catalog with a fresh snapshot (SPEC §4.2), without ever exposing a half-loaded one:
 *
 *   stream NDJSON ─▶ parse ─▶ shadow tables (`*_next`, no indexes, batches of 4000 rows)
 *                 ─▶ end line: checksum and counts must match what was loaded
 *                 ─▶ build indexes ─▶ ONE transaction: drop live, rename shadow, set cursor
 *
 * Sales go on meanwhile: each batch is a short synchronous transaction, and the live catalog keeps
 * serving until the swap. Shadow batches commit with `synchronous=OFF` (losing one in a power cut
 * only means starting the snapshot again); the swap commits with FULL. Anything that goes wrong
 * (a cut stream, a bad checksum, a crash) leaves the previous catalog as it was; the next attempt
 * drops the leftover shadow tables and starts over. The outbox is never touched.
 */
export async function loadSnapshot(
  db: StationDb,
  client: ServerClient,
  options: { signal: AbortSignal; onProgress?: (progress: SnapshotProgress) => void },
): Promise<SnapshotResult> {
  const res = await client.snapshot(options.signal);
  const serverDate = serverDateOf(res) ?? new Date().toISOString();
  const generation = readSyncState(db).catalogGeneration + 1;
  createShadowTables(db);
  const writer = new CatalogWriter(db, 'load');
  updateSyncState(db, { snapshotState: 'loading', snapshotLoaded: 0, snapshotTotal: 0 });

  const checksum = new CatalogChecksum();
  let header: SnapshotHeader | undefined;
  let endChecksum: string | undefined;
  let total = 0;
  let loaded = 0;
  const loadedByEntity = Object.fromEntries(syncEntities.map((e) => [e, 0])) as Record<SyncEntity, number>;
  let batch: { row: ParsedRow; dataJson: string }[] = [];

  const flush = () => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    db.pragma('synchronous = OFF');
    try {
      db.transaction(() => {
        for (const { row, dataJson } of rows) writer.upsert(row.entity, row.key, dataJson, row.data);
        loaded += rows.length;
        updateSyncState(db, { snapshotLoaded: loaded });
      })();
    } finally {
      db.pragma('synchronous = FULL');
    }
    options.onProgress?.({ loaded, total });
    faultPoint('mid-snapshot-load');
  };

  const handleLine = (line: string) => {
    if (line.length === 0) return;
    if (endChecksum !== undefined) throw new SnapshotInvalid('the snapshot goes on after its end line');
    const parsed = JSON.parse(line) as { type?: string };
    if (!header) {
      if (parsed.type !== 'header')
        throw new SnapshotInvalid('the snapshot does not start with a header line');
      header = parsed as SnapshotHeader;
      total = Object.values(header.counts).reduce((a, b) => a + b, 0);
      updateSyncState(db, { snapshotTotal: total });
      options.onProgress?.({ loaded: 0, total });
      return;
    }
    if (parsed.type === 'end') {
      endChecksum = String((parsed as { checksum?: unknown }).checksum);
      return;
    }
    if (parsed.type !== 'row')
      throw new SnapshotInvalid(`unexpected snapshot line of type ${String(parsed.type)}`);
    const row = parsed as ParsedRow;
    if (!(syncEntities as readonly string[]).includes(row.entity))
      throw new SnapshotInvalid(`unknown entity ${String(row.entity)}`);
    const dataJson = dataTextOf(line, row);
    checksum.add(row.entity, row.key, dataJson);
    loadedByEntity[row.entity] += 1;
    batch.push({ row, dataJson });
    if (batch.length >= BATCH_ROWS) flush();
  };

  try {
    await readLines(res, client.serverUrl, handleLine);
    flush();
    if (!header) throw new ServerUnreachable(client.serverUrl, new Error('the snapshot stream was empty'));
    if (endChecksum === undefined)
      throw new ServerUnreachable(client.serverUrl, new Error('the snapshot stream was cut short'));
    if (endChecksum !== checksum.hex())
      throw new SnapshotInvalid(
        `snapshot checksum mismatch: the server sent ${endChecksum}, the rows make ${checksum.hex()}`,
      );
    for (const entity of syncEntities) {
      if (loadedByEntity[entity] !== header.counts[entity])
        throw new SnapshotInvalid(
          `snapshot count mismatch for ${entity}: header ${header.counts[entity]}, rows ${loadedByEntity[entity]}`,
        );
    }
    db.pragma('synchronous = OFF');
    try {
      db.transaction(() => indexShadowTables(db, generation))();
    } finally {
      db.pragma('synchronous = FULL');
    }
    faultPoint('before-snapshot-swap');
    const cursor = Number(header.cursor);
    db.transaction(() => {
      swapInShadowTables(db);
      updateSyncState(db, {
        cursor,
        dataAsOf: serverDate,
        snapshotState: 'ready',
        snapshotLoaded: loaded,
        snapshotTotal: total,
        snapshotChecksum: endChecksum ?? null,
        catalogGeneration: generation,
        needsSnapshot: false,
      });
    })();
    return { cursor, rows: loaded, checksum: checksum.hex() };
  } catch (error) {
    dropShadowTables(db);
    const state = readSyncState(db);
    updateSyncState(db, {
      snapshotState: state.cursor === null ? 'none' : 'ready',
      snapshotLoaded: 0,
      snapshotTotal: 0,
      needsSnapshot: true,
    });
    throw error;
  }
}

/**
 * The row's `data` exactly as the server wrote it (the checksum covers that text). The server
 * writes `{"type":"row","entity":…,"key":…,"data":…}` with `data` last; when a line has that
 * layout the text is sliced out, otherwise it is serialised again (identical for JSON the server
 * produced with JSON.stringify, only slower).
 */
function dataTextOf(line: string, row: ParsedRow): string {
  const prefix = `{"type":"row","entity":${JSON.stringify(row.entity)},"key":${JSON.stringify(row.key)},"data":`;
  if (line.startsWith(prefix) && line.endsWith('}')) return line.slice(prefix.length, -1);
  return JSON.stringify(row.data);
}

/** Splits the body into lines as it arrives and calls `onLine` for each. */
async function readLines(res: Response, serverUrl: string, onLine: (line: string) => void): Promise<void> {
  if (!res.body) throw new ServerUnreachable(serverUrl, new Error('the snapshot answer had no body'));
  const decoder = new TextDecoder();
  let pending = '';
  const reader = res.body.getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      pending += decoder.decode(value, { stream: true });
      let start = 0;
      for (let nl = pending.indexOf('\n'); nl !== -1; nl = pending.indexOf('\n', start)) {
        onLine(pending.slice(start, nl));
        start = nl + 1;
      }
      pending = pending.slice(start);
    }
  } catch (error) {
    if (error instanceof SnapshotInvalid || error instanceof SyntaxError) throw error;
    throw new ServerUnreachable(serverUrl, error);
  }
  pending += decoder.decode();
  // Every line ends with a newline: anything after the last one is a line cut in half.
  if (pending.length > 0)
    throw new ServerUnreachable(serverUrl, new Error('the snapshot stream was cut short'));
}
