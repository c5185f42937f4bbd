import type { Executor } from '../../db/schema';
import type { PlannedChange } from './change-plan';

const CHANGE_COUNTER = 'change_cursor';

/**
 * Appends a transaction's changes with consecutive cursors.
 *
 * Commit-safe cursor (SPEC §4.2). A reader asking for `cursor > C` must never move past a change
 * that is still being committed with a lower cursor:
 *
 *   T1: ...work... UPDATE counters (lock) → cursors 11..12 ─ commit ─┐ lock released
 *   T2: ...work...           UPDATE counters (waits) ────────────────┴→ cursors 13..15 ─ commit
 *
 * The `UPDATE … RETURNING` row lock on the counter is held until commit, so cursors are handed
 * out in commit order: any snapshot that sees T2 also sees T1, and the visible log is always a
 * prefix. The caller runs this as the last statement of the transaction, so the lock is short.
 * On SQLite the single writer gives the same order.
 *
 * Returns the last cursor written, or null when there was nothing to write.
 */
export async function appendChanges(
  db: Executor,
  changes: readonly PlannedChange[],
  now: string,
): Promise<number | null> {
  if (changes.length === 0) return null;
  const counter = await db
    .updateTable('counters')
    .set((eb) => ({ value: eb('value', '+', changes.length) }))
    .where('name', '=', CHANGE_COUNTER)
    .returning('value')
    .executeTakeFirstOrThrow();
  const last = Number(counter.value);
  const first = last - changes.length + 1;
  const rows = changes.map((change, i) => ({
    cursor: first + i,
    txCursor: first,
    entity: change.entity,
    entityKey: change.key,
    op: change.op,
    scopeKind: change.scope.kind,
    scopeKey: change.scope.key,
    data: change.data === null || change.data === undefined ? null : JSON.stringify(change.data),
    createdAt: now,
  }));
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('changeLog')
      .values(rows.slice(i, i + 500))
      .execute();
  }
  return last;
}

/** The newest committed cursor. */
export async function readHeadCursor(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('counters')
    .select('value')
    .where('name', '=', CHANGE_COUNTER)
    .executeTakeFirstOrThrow();
  return Number(row.value);
}
