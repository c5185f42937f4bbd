import type { MovementEnvelope } from '@storelink/contracts';
import { buildFloorBatches, openDatabase, writeFloorBatches } from '@storelink/server';
import { createTestDatabase, type TestDialect } from '@storelink/testing';

export interface FloorResult {
  dialect: TestDialect;
  sales: number;
  ms: number;
  salesPerSecond: number;
}

/**
 * The floor of the backlog benchmark (B2): the same rows the ingest books for `envelopes`
 * (movement, sale, items, payments), bulk-inserted into a fresh, migrated database of `dialect`
 * in batches of `batchSize`, one transaction each. Only the writes are timed.
 */
export async function measureBacklogFloor(
  dialect: TestDialect,
  envelopes: readonly MovementEnvelope[],
  origin: {
    stationId: string;
    stationCode: string;
    storeCode: string;
    groupCode: string;
    incarnation: number;
  },
  batchSize = 500,
): Promise<FloorResult> {
  const database = await createTestDatabase(dialect);
  const handle = await openDatabase({ databaseUrl: database.databaseUrl, dataDir: database.dataDir });
  try {
    const batches = buildFloorBatches(envelopes, { ...origin, timezone: 'America/Sao_Paulo' }, batchSize);
    const ms = await writeFloorBatches(handle.db, batches);
    return { dialect, sales: envelopes.length, ms, salesPerSecond: (envelopes.length / ms) * 1000 };
  } finally {
    await handle.close();
    await database.drop();
  }
}
