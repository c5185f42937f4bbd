import type {
  PageOf,
  Station,
  StationCreate,
  StationListQuery,
  StationUpdate,
  StationWithPairingCode,
} from '@storelink/contracts';
import { newId } from '../../db/ids';
import { decodeCursor, toPage } from '../../db/paging';
import { checkReferences } from '../../db/references';
import { fromFlag, toFlag, withoutNulls } from '../../db/rows';
import { runWrite, type Actor, type WriteContext, type WriteDeps } from '../../db/write';
import { conflict, notFound } from '../../http/app-error';
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
  async function load(w: WriteContext, id: string) {
    const row = await repo.findStationById(w.tx, id);
    if (!row) throw notFound('station', id);
    return row;
  }

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
    async list(query: StationListQuery): Promise<PageOf<Station>> {
      const limit = query.limit ?? 50;
      const rows = await repo.listStations(deps.db, { ...query, limit }, decodeCursor(query.cursor));
      return toPage(rows, limit, (r) => r.code, toStation);
    },

    async get(id: string): Promise<Station> {
      const row = await repo.findStationById(deps.db, id);
      if (!row) throw notFound('station', id);
      return toStation(row);
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
        const row = await load(w, id);
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
        const before = await load(w, id);
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
      return runWrite(deps, actor, async (w) => {
        const before = await load(w, id);
        if (!fromFlag(before.active)) return toStation(before);
        return write(w, before, { active: 0 }, 'station.deactivate');
      });
    },
  };
}

export type StationsService = ReturnType<typeof createStationsService>;
