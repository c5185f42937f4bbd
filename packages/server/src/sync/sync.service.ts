import {
  PROTOCOL_VERSION,
  type ChangesPage,
  type HelloRequest,
  type HelloResponse,
  type PairRequest,
  type PairResponse,
  type PendingCommand,
  type SyncEntity,
} from '@storelink/contracts';
import { isVersionAtLeast } from '@storelink/domain';
import { fromFlag } from '../db/rows';
import { runWrite, type WriteDeps } from '../db/write';
import { AppError, invalid } from '../http/app-error';
import type { AuthenticatedStation } from '../http/access';
import { hashToken, newToken } from '../modules/auth/tokens';
import { toStationGroup } from '../modules/station-groups/station-groups.service';
import { hashPairingCode, normalizePairingCode } from '../modules/stations/stations.pairing-code';
import { recordStationChange, toStation } from '../modules/stations/stations.service';
import { readHeadCursor } from '../modules/changes/change-log.repository';
import { GLOBAL, type Scope } from '../modules/changes/change-plan';
import type { StationScope } from './snapshot-source';
import * as repo from './sync.repository';
import { acknowledgeResyncs } from '../modules/station-commands/station-commands.repository';

/** A station's scope (SPEC §4.2), resolved from its token's station and that station's group. */
export interface StationContext {
  station: repo.StationRow;
  group: repo.StationGroupRow;
  scope: StationScope;
  /** The change-log scopes it reads: global, its store, its group, itself, its price list. */
  scopes: Scope[];
}

/** Delivers (and marks delivered) a station's pending commands; none until commands exist. */
export type TakePendingCommands = (stationId: string) => Promise<PendingCommand[]>;

export interface SyncDeps extends WriteDeps {
  takePendingCommands: TakePendingCommands;
}

export function scopesOf(scope: StationScope): Scope[] {
  return [
    GLOBAL,
    { kind: 'store', key: scope.storeCode },
    { kind: 'group', key: scope.groupCode },
    { kind: 'station', key: scope.stationCode },
    { kind: 'priceList', key: scope.priceListCode },
  ];
}

function versionUnsupported(appVersion: string, minimum: string): AppError {
  return new AppError(
    'station_version_unsupported',
    `This station runs version ${appVersion}; the back office requires ${minimum} or newer. Upgrade the station; it keeps selling offline meanwhile.`,
    { extra: { minStationVersion: minimum } },
  );
}

function integrationDisabled(groupCode: string): AppError {
  return new AppError(
    'integration_disabled',
    `The integration is switched off for station group ${groupCode}. Turn integrationEnabled on in the back office to sync; the station keeps selling offline meanwhile.`,
  );
}

export function createSyncService(deps: SyncDeps) {
  const { db } = deps;

  async function loadStationAndGroup(stationId: string) {
    const station = await repo.findStationById(db, stationId);
    if (!station)
      throw new AppError('unauthorized', 'The station token is not valid. Pair the station again.');
    const group = await repo.findGroupByCode(db, station.groupCode);
    if (!group) throw new AppError('unavailable', `Station group ${station.groupCode} is missing.`);
    return { station, group };
  }

  return {
    /**
     * The station behind a bearer token: only the current token of an active station. An
     * inactive station is refused with `station_inactive` rather than `unauthorized`, so it can
     * show why it cannot sync.
     */
    async authenticate(token: string): Promise<AuthenticatedStation | undefined> {
      const row = await repo.findStationByTokenHash(db, hashToken(token));
      if (!row) return undefined;
      if (!fromFlag(row.active)) {
        throw new AppError(
          'station_inactive',
          `Station ${row.code} is deactivated. Reactivate it in the back office; it keeps selling offline meanwhile.`,
        );
      }
      return { id: row.id, code: row.code, groupCode: row.groupCode, incarnation: row.incarnation };
    },

    /**
     * Exchanges a single-use pairing code for a new token. Bumps the incarnation and replaces the
     * token hash (the old token stops working), clears the code. The conditional update makes a
     * code usable exactly once even when two stations race with it.
     */
    async pair(input: PairRequest): Promise<PairResponse> {
      const normalized = normalizePairingCode(input.code);
      const codeHash = normalized === undefined ? undefined : hashPairingCode(normalized);
      const found =
        codeHash === undefined ? undefined : await repo.findStationByPairingCodeHash(db, codeHash);
      const nowIso = deps.now().toISOString();
      if (!codeHash || !found || !found.pairingCodeExpiresAt || found.pairingCodeExpiresAt <= nowIso) {
        throw new AppError(
          'pairing_code_invalid',
          'This pairing code is wrong, already used or expired. Issue a new code for the station in the back office.',
        );
      }
      if (!fromFlag(found.active)) {
        throw new AppError(
          'station_inactive',
          `Station ${found.code} is deactivated and cannot pair. Reactivate it in the back office first.`,
        );
      }
      const token = newToken();
      const actor = { kind: 'station' as const, name: found.code, id: found.id };
      return runWrite(deps, actor, async (w) => {
        const incarnation = found.incarnation + 1;
        const patch = {
          incarnation,
          tokenHash: hashToken(token),
          pairingCodeHash: null,
          pairingCodeExpiresAt: null,
          pairedAt: w.at,
          hostname: input.hostname,
          appVersion: input.appVersion,
          updatedAt: w.at,
        };
        const updated = await w.tx
          .updateTable('stations')
          .set(patch)
          .where('id', '=', found.id)
          .where('pairingCodeHash', '=', codeHash)
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) !== 1) {
          throw new AppError(
            'pairing_code_invalid',
            'This pairing code was just used. Issue a new code for the station in the back office.',
          );
        }
        await repo.startIncarnation(w.tx, found.id, incarnation);
        const merged = { ...found, ...patch };
        w.audit({
          action: 'station.pair',
          entity: 'station',
          entityId: found.id,
          stationId: found.id,
          before: toStation(found),
          after: toStation(merged),
        });
        recordStationChange(w, found, merged);
        return {
          stationId: found.id,
          stationCode: found.code,
          token,
          incarnation,
          serverTime: w.at,
        };
      });
    },

    /**
     * Records the station's report for monitoring (even when refusing it, so the fleet view shows
     * the version of a station it turns away), then answers or refuses: 426 below the minimum
     * version, 403 when the group's integration is off.
     */
    async hello(auth: AuthenticatedStation, input: HelloRequest): Promise<HelloResponse> {
      if (input.protocolVersion !== PROTOCOL_VERSION) {
        throw invalid([
          {
            path: 'protocolVersion',
            message: `this server speaks sync protocol ${PROTOCOL_VERSION}, not ${input.protocolVersion}`,
          },
        ]);
      }
      const now = deps.now();
      const { station, group } = await loadStationAndGroup(auth.id);
      if (input.incarnation !== station.incarnation) {
        throw invalid([
          {
            path: 'incarnation',
            message: `this token belongs to incarnation ${station.incarnation}; pair the station again`,
          },
        ]);
      }
      const minStationVersion = await repo.readMinStationVersion(db);
      const refusal = !isVersionAtLeast(input.appVersion, minStationVersion)
        ? versionUnsupported(input.appVersion, minStationVersion)
        : !fromFlag(group.integrationEnabled)
          ? integrationDisabled(group.code)
          : undefined;
      const lastSeq = await repo.readLastSeq(db, station.id, station.incarnation);
      await db.transaction().execute(async (tx) => {
        await repo.saveStationReport(tx, {
          stationId: station.id,
          reportedAt: now.toISOString(),
          appVersion: input.appVersion,
          protocolVersion: input.protocolVersion,
          incarnation: input.incarnation,
          lastSeq: input.lastSeq,
          cursor: input.cursor,
          outboxDepth: input.outbox.depth,
          outboxOldestAt: input.outbox.oldestAt,
          dbSizeBytes: input.dbSizeBytes,
          stationClock: input.clock,
          clockSkewMs: now.getTime() - Date.parse(input.clock),
          refusalCode: refusal?.code ?? null,
        });
        // Operational fields only: not part of what stations sync, so no change-log entry.
        await repo.updateStation(tx, station.id, {
          lastSeenAt: now.toISOString(),
          appVersion: input.appVersion,
        });
      });
      if (refusal) throw refusal;
      const commands = await deps.takePendingCommands(station.id);
      return {
        serverTime: now.toISOString(),
        station: toStation({ ...station, lastSeenAt: now.toISOString(), appVersion: input.appVersion }),
        group: toStationGroup(group),
        minStationVersion,
        expectedSeq: lastSeq + 1,
        commands,
      };
    },

    /**
     * The scope a sync read runs in. Refuses a station whose recorded version is below the minimum
     * (426) or whose group has the integration off (403): the data stays where it is.
     */
    async loadContext(auth: AuthenticatedStation): Promise<StationContext> {
      const { station, group } = await loadStationAndGroup(auth.id);
      const minStationVersion = await repo.readMinStationVersion(db);
      const appVersion = station.appVersion ?? '0.0.0';
      if (!isVersionAtLeast(appVersion, minStationVersion))
        throw versionUnsupported(appVersion, minStationVersion);
      if (!fromFlag(group.integrationEnabled)) throw integrationDisabled(group.code);
      const scope: StationScope = {
        stationCode: station.code,
        groupCode: group.code,
        storeCode: group.storeCode,
        priceListCode: group.priceListCode,
      };
      return { station, group, scope, scopes: scopesOf(scope) };
    },

    /** One page of the station's changes after `after` (SPEC §4.2). See `readChangesPage`. */
    async changes(context: StationContext, after: number, limit: number): Promise<ChangesPage> {
      const page = await readChangesPage(db, context.scopes, after, limit);
      return {
        changes: page.changes.map((c) => ({
          cursor: String(c.cursor),
          entity: c.entity as SyncEntity,
          key: c.entityKey,
          op: c.op,
          data: c.data === null ? null : (JSON.parse(c.data) as unknown),
        })),
        cursor: String(page.cursor),
        hasMore: page.hasMore,
      };
    },

    /** A snapshot of the station's scope is under way: its pending `resync` commands are done. */
    async acknowledgeSnapshot(context: StationContext): Promise<void> {
      await acknowledgeResyncs(db, context.station.id, deps.now().toISOString());
    },

    /** Prunes changes older than `settings.changeRetentionDays`; returns the rows deleted. */
    async pruneChanges(): Promise<number> {
      const days = await repo.readRetentionDays(db);
      const cutoff = new Date(deps.now().getTime() - days * 86_400_000).toISOString();
      return db.transaction().execute((tx) => repo.pruneChangeLog(tx, cutoff));
    },
  };
}

export type SyncService = ReturnType<typeof createSyncService>;

export interface RawChangesPage {
  changes: repo.ChangeRow[];
  cursor: number;
  hasMore: boolean;
}

/**
 * A page of in-scope changes that ends on a transaction boundary:
 *
 *   log:   …after] [tx 11: 11 12 13] [tx 14: 14] [tx 15: 15 16] … head
 *   limit 4 → in scope 11 12 13 14 15 → the 5th row starts tx 15: the page is 11–14, cursor 14
 *
 * - Fewer than `limit` in-scope rows up to the head: all of them, and `cursor` = head, so the
 *   station moves past out-of-scope changes too (`hasMore` false).
 * - Otherwise the page stops before the transaction of row `limit + 1`; `cursor` is the last
 *   cursor before that transaction. One transaction bigger than `limit` goes out whole.
 * - `after` below the retention floor, or beyond the head (a restored server), is 410
 *   `cursor_expired`: the station must take a new snapshot. The floor is read after the rows, so
 *   a prune racing with this read is always noticed.
 */
export async function readChangesPage(
  db: WriteDeps['db'],
  scopes: readonly Scope[],
  after: number,
  limit: number,
): Promise<RawChangesPage> {
  const head = await readHeadCursor(db);
  if (after > head) {
    throw new AppError(
      'cursor_expired',
      `Cursor ${after} is ahead of this server (head ${head}); the server was restored. Take a new snapshot.`,
    );
  }
  const rows = await repo.readScopedChanges(db, scopes, after, head, limit + 1);
  const floor = await repo.readChangeFloor(db);
  if (after < floor) {
    throw new AppError(
      'cursor_expired',
      `Cursor ${after} is older than the retained changes (from ${floor + 1}). Take a new snapshot.`,
    );
  }
  if (rows.length <= limit) return { changes: rows, cursor: head, hasMore: false };
  const boundary = (rows[limit] as repo.ChangeRow).txCursor;
  const page = rows.slice(0, limit).filter((r) => r.txCursor < boundary);
  if (page.length > 0) return { changes: page, cursor: boundary - 1, hasMore: true };
  const whole = await repo.readScopedTransaction(db, scopes, boundary);
  return { changes: whole, cursor: await repo.readTransactionEnd(db, boundary), hasMore: true };
}
