import type { Executor } from '../../db/schema';

const ERP_COUNTER = 'erp_cursor';

/**
 * Reserves `count` consecutive ERP feed cursors and returns the first.
 *
 * Commit-safe like the change log (change-log.repository.ts): the `UPDATE … RETURNING` row lock on
 * the counter is held until the transaction commits, so cursors are handed out in commit order
 * and a reader reading `erp_cursor > C` never skips a movement that commits later with a lower
 * cursor. The ingest takes it after writing its projections, just before its movement rows and
 * the change log, so the lock is held only for the end of the transaction.
 */
export async function reserveErpCursors(db: Executor, count: number): Promise<number> {
  const row = await db
    .updateTable('counters')
    .set((eb) => ({ value: eb('value', '+', count) }))
    .where('name', '=', ERP_COUNTER)
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value) - count + 1;
}

/** Accepted movements after `after`, in cursor order, at most `limit`. */
export function readErpPage(db: Executor, after: number, limit: number) {
  return db
    .selectFrom('movements')
    .select([
      'erpCursor',
      'stationCode',
      'receivedAt',
      'id',
      'seq',
      'type',
      'occurredAt',
      'occurredAtSent',
      'operatorCode',
      'schemaVersion',
      'payload',
      'payloadHash',
    ])
    .where('erpCursor', '>', after)
    .orderBy('erpCursor')
    .limit(limit)
    .execute();
}
