import type { StationCommand, StationCommandType } from '@storelink/contracts';
import { runWrite, type Actor, type WriteDeps } from '../../db/write';
import { notFound } from '../../http/app-error';
import { findStationById } from '../stations/stations.repository';
import { enqueueStationCommand, findCommand } from './station-commands.repository';

/** How long `POST /stations/:id/commands` waits to see a live stream take the command. */
export const DELIVERY_WAIT_MS = 1000;

export function createStationCommandsService(deps: WriteDeps) {
  async function waitForDelivery(id: string): Promise<boolean> {
    const deadline = Date.now() + DELIVERY_WAIT_MS;
    for (;;) {
      const row = await findCommand(deps.db, id);
      if (row?.deliveredAt) return true;
      if (Date.now() >= deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  return {
    /**
     * Queues a command for a station (SPEC §5) and wakes its live stream on whichever node holds
     * it. Answers once the stream took it, or after a second with `delivered: false`: the command
     * then waits for the station's next hello (a station that is off gets it when it returns).
     */
    async issue(actor: Actor, stationId: string, type: StationCommandType): Promise<StationCommand> {
      const command = await runWrite(deps, actor, async (w) => {
        const station = await findStationById(w.tx, stationId);
        if (!station) throw notFound('station', stationId);
        const enqueued = await enqueueStationCommand(w.tx, stationId, type, w.at);
        w.audit({
          action: 'station.command',
          entity: 'station',
          entityId: stationId,
          stationId,
          details: { type, commandId: enqueued.id },
        });
        w.wakeStation(stationId);
        return enqueued;
      });
      return { ...command, delivered: await waitForDelivery(command.id) };
    },
  };
}

export type StationCommandsService = ReturnType<typeof createStationCommandsService>;
