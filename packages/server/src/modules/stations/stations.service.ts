import type {
  PageOf,
  Station,
  StationCreate,
  StationListQuery,
  StationUpdate,
  StationWithPairingCode,
} from '@storelink/contracts';
import { newId } from '../../db/ids';
import { readPage } from '../../db/paging';
import { checkReferences } from '../../db/references';
import { fromFlag, toFlag, withoutNulls } from '../../db/rows';
import type { Executor } from '../../db/schema';
import { deactivateOnce, runWrite, type Actor, type WriteContext, type WriteDeps } from '../../db/write';
import { conflict, requireFound } from '../../http/app-error';
import type { Visible } from '../changes/change-plan';
import { enqueueStationCommand } from '../station-commands/station-commands.repository';
import { issuePairingCode, type IssuedPairingCode } from './stations.pairing-code';
import * as repo from './stations.repository';

/** The admin view of a station. Never carries the token or pairing-code hashes. */
export function toStation(row: repo.StationRow): Station {
  return withoutNulls({
    id: row.id,
    code: row.code,
    name: row.name,
    groupCode: row.groupCode,
    active: fromFlag(row.active),
    hostname: row.hostname,
    appVersion: row.appVersion,
    incarnation: row.incarnation,
    pairedAt: row.pairedAt,
    lastSeenAt: row.lastSeenAt,
  });
}

/**
 * The station record as the station itself receives it (snapshot and changes): the `Station`
 * shape without what the station reports about itself on every `hello` (hostname, appVersion,
 * lastSeenAt). Those change with each heartbeat; carrying them would either flood the change log
 * or let a snapshot disagree with the changes (docs/decisions/0013).
 */
export function toStationSyncData(row: repo.StationRow): Station {
  const { hostname: _h, appVersion: _v, lastSeenAt: _s, ...synced } = toStation(row);
  return synced;
}

/** A station sees its own record only. */
function visible(row: repo.StationRow): Visible {
  return {
    data: toStationSyncData(row),
    scopes: [{ kind: 'station', key: row.code }],
    active: fromFlag(row.active),
  };
}

/**
 * Records what the station must learn about a write to its row. Anyone who changes a synced
 * field of a station (pairing bumps `incarnation` and `pairedAt`) calls this in the same write.
 */
export function recordStationChange(
  w: WriteContext,
  before: repo.StationRow | null,
  after: repo.StationRow,
): void {
  w.recordChange({
    entity: 'station',
    key: after.code,
    before: before ? visible(before) : null,
    after: visible(after),
  });
}

function withPairingCode(station: Station, issued: IssuedPairingCode): StationWithPairingCode {
  return { ...station, pairingCode: issued.code, pairingCodeExpiresAt: issued.expiresAt };
}

export function createStationsService(deps: WriteDeps) {
  const load = (db: Executor, id: string) => requireFound(repo.findStationById(db, id), 'station', id);

  async function write(
    w: WriteContext,
    before: repo.StationRow,
    patch: Partial<repo.StationRow>,
    action: string,
  ) {
    await repo.updateStation(w.tx, before.id, { ...patch, updatedAt: w.at });
    const merged = { ...before, ...patch };
    const isMove = merged.groupCode !== before.groupCode;
    let details: Record<string, unknown> | undefined;
    if (isMove) {
      // Another group may mean another store and price list: the station starts over from a
      // snapshot, keeping its outbox (SPEC §4.2).
      const command = await enqueueStationCommand(w.tx, before.id, 'resync', w.at);
      w.wakeStation(before.id);
      details = {
        fromGroupCode: before.groupCode,
        toGroupCode: merged.groupCode,
        resyncCommandId: command.id,
      };
    }
    w.audit({
      action: isMove ? 'station.move' : action,
      entity: 'station',
      entityId: before.id,
      before: toStation(before),
      after: toStation(merged),
      ...(details ? { details } : {}),
    });
    recordStationChange(w, before, merged);
    return toStation(merged);
  }

  return {
    list(query: StationListQuery): Promise<PageOf<Station>> {
      return readPage(query, (page, after) => repo.listStations(deps.db, page, after), toStation);
    },

    async get(id: string): Promise<Station> {
      return toStation(await load(deps.db, id));
    },

    /** Creates a never-paired station (incarnation 0) and answers it with its first pairing code. */
    create(actor: Actor, input: StationCreate): Promise<StationWithPairingCode> {
      return runWrite(deps, actor, async (w) => {
        if (await repo.findStationByCode(w.tx, input.code)) {
          throw conflict(
            `A station with code ${input.code} already exists. Use another code or update that station.`,
          );
        }
        const isActive = input.active ?? true;
        await checkReferences(w.tx, [
          {
            table: 'stationGroups',
            noun: 'station group',
            path: 'groupCode',
            codes: input.groupCode,
            mustBeActive: isActive,
          },
        ]);
        const issued = issuePairingCode(w.at);
        const row: repo.StationRow = {
          id: newId(),
          code: input.code,
          name: input.name,
          groupCode: input.groupCode,
          active: toFlag(isActive),
          hostname: null,
          appVersion: null,
          incarnation: 0,
          pairedAt: null,
          lastSeenAt: null,
          tokenHash: null,
          pairingCodeHash: issued.hash,
          pairingCodeExpiresAt: issued.expiresAt,
          createdAt: w.at,
          updatedAt: w.at,
        };
        await repo.insertStation(w.tx, row);
        const station = toStation(row);
        w.audit({
          action: 'station.create',
          entity: 'station',
          entityId: row.id,
          after: station,
          details: { pairingCodeExpiresAt: issued.expiresAt },
        });
        recordStationChange(w, null, row);
        return withPairingCode(station, issued);
      });
    },

    /**
     * Replaces the station's pairing code with a new one. The station itself is untouched: its
     * incarnation and token stay until the new code is used (SPEC §12.2).
     */
    issuePairingCode(actor: Actor, id: string): Promise<StationWithPairingCode> {
      return runWrite(deps, actor, async (w) => {
        const row = await load(w.tx, id);
        const issued = issuePairingCode(w.at);
        await repo.updateStation(w.tx, id, {
          pairingCodeHash: issued.hash,
          pairingCodeExpiresAt: issued.expiresAt,
          updatedAt: w.at,
        });
        w.audit({
          action: 'station.pairingCode',
          entity: 'station',
          entityId: id,
          details: { pairingCodeExpiresAt: issued.expiresAt },
        });
        return withPairingCode(toStation(row), issued);
      });
    },

    /** A different `groupCode` moves the station: audited as `station.move`, with a `resync` command. */
    update(actor: Actor, id: string, input: StationUpdate): Promise<Station> {
      return runWrite(deps, actor, async (w) => {
        const before = await load(w.tx, id);
        const isActive = input.active ?? fromFlag(before.active);
        const isReactivated = isActive && !fromFlag(before.active);
        if (input.groupCode !== undefined || isReactivated) {
          // An active station must sit in an active group (docs/decisions/0011).
          await checkReferences(w.tx, [
            {
              table: 'stationGroups',
              noun: 'station group',
              path: 'groupCode',
              codes: input.groupCode ?? before.groupCode,
              mustBeActive: isActive,
            },
          ]);
        }
        const patch: Partial<repo.StationRow> = {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.groupCode !== undefined ? { groupCode: input.groupCode } : {}),
          ...(input.active !== undefined ? { active: toFlag(input.active) } : {}),
        };
        return write(w, before, patch, 'station.update');
      });
    },

    /** Idempotent: deactivating an inactive station answers it unchanged. */
    deactivate(actor: Actor, id: string): Promise<Station> {
      return deactivateOnce(deps, actor, {
        load: (w) => load(w.tx, id),
        toWire: toStation,
        deactivate: (w, before) => write(w, before, { active: 0 }, 'station.deactivate'),
      });
    },
  };
}

export type StationsService = ReturnType<typeof createStationsService>;
