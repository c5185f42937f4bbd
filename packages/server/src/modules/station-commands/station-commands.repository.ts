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
