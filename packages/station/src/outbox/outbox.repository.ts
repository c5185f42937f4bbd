import type { OutboxState } from '@storelink/contracts';
import type { StationDb } from '../db/database';

/**
 * The outbox's pending part (SPEC §4.3): movements not yet acknowledged by the server. The
 * movements issue writes and drains it; the sync engine reports its depth and oldest age in
 * `hello` and `status`. A snapshot never touches it.
 */
export function readOutboxState(db: StationDb): OutboxState {
  const row = db
    .prepare('select count(*) as depth, min(occurred_at) as oldestAt from outbox where acked_at is null')
    .get() as { depth: number; oldestAt: string | null };
  return { depth: row.depth, oldestAt: row.oldestAt };
}

/** The highest seq written for this incarnation (sent or not); 0 before the first movement. */
export function readLastSeq(db: StationDb, incarnation: number): number {
  const row = db.prepare('select max(seq) as seq from outbox where incarnation = ?').get(incarnation) as {
    seq: number | null;
  };
  return row.seq ?? 0;
}
