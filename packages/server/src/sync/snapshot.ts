import type { Writable } from 'node:stream';
import { syncEntities, type SnapshotHeader, type SyncEntity } from '@storelink/contracts';
import { CatalogChecksum } from '@storelink/domain/catalog-checksum';
import type { DatabaseHandle } from '../db/database';
import type { Executor } from '../db/schema';
import { readHeadCursor } from '../modules/changes/change-log.repository';
import type { SnapshotSource, StationScope } from './snapshot-source';

/** The receiver went away mid-snapshot; the read transaction is abandoned. */
export class SnapshotAborted extends Error {
  constructor() {
    super('the snapshot receiver went away');
    this.name = 'SnapshotAborted';
  }
}

/**
 * Writes a station's snapshot as NDJSON (SPEC §4.2) into `out`, read at ONE consistent cursor:
 *
 *   {"type":"header","cursor":"42","counts":{"store":1,"product":…}}
 *   {"type":"row","entity":"store","key":"SP01","data":{…}}      one line per record
 *   {"type":"end","checksum":"…"}                                 CatalogChecksum of the rows
 *
 * The head cursor, the counts and every row come from the same read-only transaction
 * (`readConsistent`), so the catalog equals the server's state at exactly `cursor`: changes after
 * it are what the station pulls next. Rows go out a batch at a time and the writer waits for
 * `out` to drain before reading on, so a slow station holds one batch in memory, never the whole
 * catalog. `onHeader` runs once the header is written, so the caller can still answer with an
 * error status when the database fails before that. If `out` is closed early the transaction is
 * abandoned with `SnapshotAborted`.
 */
export async function writeSnapshot(
  database: DatabaseHandle,
  sources: readonly SnapshotSource[],
  scope: StationScope,
  out: Writable,
  onHeader: () => void = () => undefined,
): Promise<{ cursor: number; rows: number; checksum: string }> {
  return database.readConsistent(async (db) => {
    const cursor = await readHeadCursor(db);
    const counts = Object.fromEntries(syncEntities.map((e) => [e, 0])) as Record<SyncEntity, number>;
    for (const source of sources) counts[source.entity] += await countSource(db, source, scope);
    const header: SnapshotHeader = { type: 'header', cursor: String(cursor), counts };
    await write(out, JSON.stringify(header) + '\n');
    onHeader();

    const checksum = new CatalogChecksum();
    for (const source of sources) {
      const prefix = `{"type":"row","entity":"${source.entity}","key":`;
      for await (const batch of source.read(db, scope)) {
        let chunk = '';
        for (const record of batch) {
          const data = JSON.stringify(record.data);
          checksum.add(source.entity, record.key, data);
          chunk += `${prefix}${JSON.stringify(record.key)},"data":${data}}\n`;
        }
        await write(out, chunk);
      }
    }
    await write(out, JSON.stringify({ type: 'end', checksum: checksum.hex() }) + '\n');
    return { cursor, rows: checksum.count, checksum: checksum.hex() };
  });
}

async function countSource(db: Executor, source: SnapshotSource, scope: StationScope): Promise<number> {
  if (source.count) return source.count(db, scope);
  let n = 0;
  for await (const batch of source.read(db, scope)) n += batch.length;
  return n;
}

/** Writes honouring back-pressure; fails fast once the receiver is gone. */
async function write(out: Writable, chunk: string): Promise<void> {
  if (out.destroyed || out.writableEnded) throw new SnapshotAborted();
  if (out.write(chunk)) return;
  await new Promise<void>((resolve, reject) => {
    const settle = (error?: Error) => {
      out.off('drain', onDrain);
      out.off('close', onClose);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => settle();
    const onClose = () => settle(new SnapshotAborted());
    out.on('drain', onDrain);
    out.on('close', onClose);
  });
}
