import type { Executor, Row } from '../../db/schema';
import { newId } from '../../db/ids';

/**
 * Storage of commands for stations (SPEC §4.1 `hello.commands[]`, §4.2 `event: command`).
 *
 * This module only keeps them. A command is enqueued in the caller's transaction (so a station
 * move and its `resync` commit together) and stays pending until the station acknowledges it.
 * Delivery (SSE, `hello`) and `POST /stations/:id/commands` are built on top of these functions:
 * they set `deliveredAt` when a command is handed out and `acknowledgedAt` once the station has
 * acted on it. Enqueuing never merges with an earlier pending command of the same type; the
 * delivering side may collapse duplicates, which are harmless (a second resync is only slower).
 */
export type StationCommandRow = Row<'stationCommands'>;
export type StationCommandKind = StationCommandRow['type'];

export interface EnqueuedCommand {
  id: string;
  stationId: string;
  type: StationCommandKind;
  issuedAt: string;
}

export async function enqueueStationCommand(
  db: Executor,
  stationId: string,
  type: StationCommandKind,
  at: string,
): Promise<EnqueuedCommand> {
  const command: EnqueuedCommand = { id: newId(), stationId, type, issuedAt: at };
  await db
    .insertInto('stationCommands')
    .values({ ...command, deliveredAt: null, acknowledgedAt: null })
    .execute();
  return command;
}

/** Commands the station has not acknowledged yet, oldest first. */
export async function listPendingCommands(db: Executor, stationId: string): Promise<StationCommandRow[]> {
  return db
    .selectFrom('stationCommands')
    .selectAll()
    .where('stationId', '=', stationId)
    .where('acknowledgedAt', 'is', null)
    .orderBy('issuedAt')
    .orderBy('id')
    .execute();
}

/** How long a handed-out command waits for its acknowledgement before it is handed out again. */
export const REDELIVER_AFTER_MS = 2 * 60 * 1000;

/**
 * Hands out a station's commands: the pending ones never delivered, or delivered more than
 * `REDELIVER_AFTER_MS` ago without an acknowledgement (the answer carrying them may have been
 * lost). Marks them delivered; a `send-now` is acknowledged by its delivery (it only hurries a
 * send the scheduler does anyway). Oldest first, one per type.
 */
export async function deliverPendingCommands(
  db: Executor,
  stationId: string,
  at: Date,
): Promise<StationCommandRow[]> {
  const redeliverBefore = new Date(at.getTime() - REDELIVER_AFTER_MS).toISOString();
  const due = (await listPendingCommands(db, stationId)).filter(
    (c) => c.deliveredAt === null || c.deliveredAt < redeliverBefore,
  );
  if (due.length === 0) return [];
  const now = at.toISOString();
  await db
    .updateTable('stationCommands')
    .set({ deliveredAt: now })
    .where(
      'id',
      'in',
      due.map((c) => c.id),
    )
    .execute();
  await db
    .updateTable('stationCommands')
    .set({ acknowledgedAt: now })
    .where('stationId', '=', stationId)
    .where('type', '=', 'send-now')
    .where('acknowledgedAt', 'is', null)
    .where('deliveredAt', 'is not', null)
    .execute();
  const seen = new Set<string>();
  return due.filter((c) => (seen.has(c.type) ? false : (seen.add(c.type), true)));
}

/** The station started a snapshot: every `resync` issued before `at` is done. */
export async function acknowledgeResyncs(db: Executor, stationId: string, at: string): Promise<void> {
  await db
    .updateTable('stationCommands')
    .set({ acknowledgedAt: at })
    .where('stationId', '=', stationId)
    .where('type', '=', 'resync')
    .where('acknowledgedAt', 'is', null)
    .where('issuedAt', '<=', at)
    .execute();
}

export async function findCommand(db: Executor, id: string): Promise<StationCommandRow | undefined> {
  return db.selectFrom('stationCommands').selectAll().where('id', '=', id).executeTakeFirst();
}
