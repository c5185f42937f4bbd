import type {
  PageOf,
  StationGroup,
  StationGroupCreate,
  StationGroupListQuery,
  StationGroupUpdate,
} from '@storelink/contracts';
import { newId } from '../../db/ids';
import { decodeCursor, toPage } from '../../db/paging';
import { checkReferences, type ReferenceField } from '../../db/references';
import { codesFromText, fromFlag, toFlag, toJsonText } from '../../db/rows';
import { runWrite, type Actor, type WriteContext, type WriteDeps } from '../../db/write';
import { conflict, notFound } from '../../http/app-error';
import type { Visible } from '../changes/change-plan';
import { enqueueStationCommand } from '../station-commands/station-commands.repository';
import * as repo from './station-groups.repository';

/** Defaults of unset fields (SPEC §5.1, §12.1; docs/decisions/0010). */
export const STATION_GROUP_DEFAULTS = {
  integrationEnabled: true,
  syncIntervalSeconds: 60,
  heartbeatSeconds: 30,
  offlineAlertMinutes: 15,
  maxCashierDiscountBp: 0,
  cancelRequiresSupervisor: true,
} as const;

/** How many station codes a refusal names before it says "and N more". */
const NAMED_STATIONS = 5;

export function toStationGroup(row: repo.StationGroupRow): StationGroup {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    storeCode: row.storeCode,
    priceListCode: row.priceListCode,
    integrationEnabled: fromFlag(row.integrationEnabled),
    syncIntervalSeconds: row.syncIntervalSeconds,
    heartbeatSeconds: row.heartbeatSeconds,
    offlineAlertMinutes: row.offlineAlertMinutes,
    maxCashierDiscountBp: row.maxCashierDiscountBp,
    paymentTypeCodes: codesFromText(row.paymentTypeCodes),
    financialReasonCodes: codesFromText(row.financialReasonCodes),
    cancelRequiresSupervisor: fromFlag(row.cancelRequiresSupervisor),
    active: fromFlag(row.active),
  };
}

/** A group is visible to its own stations only. */
function visible(group: StationGroup): Visible {
  return { data: group, scopes: [{ kind: 'group', key: group.code }], active: group.active };
}

/**
 * The references of a group's body. The store and price list must be active while the group is
 * (docs/decisions/0011); payment types and reasons need only exist, since the group merely
 * narrows what its stations may use.
 */
function referencesOf(
  fields: Partial<
    Pick<StationGroup, 'storeCode' | 'priceListCode' | 'paymentTypeCodes' | 'financialReasonCodes'>
  >,
  isActive: boolean,
): ReferenceField[] {
  const out: ReferenceField[] = [];
  if (fields.storeCode !== undefined) {
    out.push({
      table: 'stores',
      noun: 'store',
      path: 'storeCode',
      codes: fields.storeCode,
      mustBeActive: isActive,
    });
  }
  if (fields.priceListCode !== undefined) {
    out.push({
      table: 'priceLists',
      noun: 'price list',
      path: 'priceListCode',
      codes: fields.priceListCode,
      mustBeActive: isActive,
    });
  }
  if (fields.paymentTypeCodes !== undefined) {
    out.push({
      table: 'paymentTypes',
      noun: 'payment type',
      path: 'paymentTypeCodes',
      codes: fields.paymentTypeCodes,
    });
  }
  if (fields.financialReasonCodes !== undefined) {
    out.push({
      table: 'financialReasons',
      noun: 'financial reason',
      path: 'financialReasonCodes',
      codes: fields.financialReasonCodes,
    });
  }
  return out;
}

export function createStationGroupsService(deps: WriteDeps) {
  async function load(w: WriteContext, id: string) {
    const row = await repo.findStationGroupById(w.tx, id);
    if (!row) throw notFound('station group', id);
    return row;
  }

  async function refuseIfStationsActive(w: WriteContext, group: repo.StationGroupRow): Promise<void> {
    const codes = await repo.listActiveStationCodesOfGroup(w.tx, group.code, NAMED_STATIONS + 1);
    if (codes.length === 0) return;
    const named =
      codes.length > NAMED_STATIONS
        ? `${codes.slice(0, NAMED_STATIONS).join(', ')} and more`
        : codes.join(', ');
    throw conflict(
      `Station group ${group.code} still has active stations (${named}). ` +
        'Move them to another group or deactivate them first.',
    );
  }

  async function write(
    w: WriteContext,
    before: repo.StationGroupRow,
    patch: Partial<repo.StationGroupRow>,
    action: string,
  ) {
    if (patch.active === 0 && before.active === 1) await refuseIfStationsActive(w, before);
    await repo.updateStationGroup(w.tx, before.id, { ...patch, updatedAt: w.at });
    const merged = { ...before, ...patch };
    const after = toStationGroup(merged);
    const old = toStationGroup(before);

    // The store and price list decide a station's whole catalog: its stations start over from a
    // snapshot rather than patch prices and sellers change by change (SPEC §4.2).
    let resyncStations = 0;
    if (merged.storeCode !== before.storeCode || merged.priceListCode !== before.priceListCode) {
      const stationIds = await repo.listStationIdsOfGroup(w.tx, before.code);
      for (const stationId of stationIds) {
        await enqueueStationCommand(w.tx, stationId, 'resync', w.at);
        w.wakeStation(stationId);
      }
      resyncStations = stationIds.length;
    }
    w.audit({
      action,
      entity: 'stationGroup',
      entityId: before.id,
      before: old,
      after,
      ...(resyncStations > 0 ? { details: { resyncStations } } : {}),
    });
    w.recordChange({ entity: 'stationGroup', key: before.code, before: visible(old), after: visible(after) });
    return after;
  }

  return {
    async list(query: StationGroupListQuery): Promise<PageOf<StationGroup>> {
      const limit = query.limit ?? 50;
      const rows = await repo.listStationGroups(deps.db, { ...query, limit }, decodeCursor(query.cursor));
      return toPage(rows, limit, (r) => r.code, toStationGroup);
    },

    async get(id: string): Promise<StationGroup> {
      const row = await repo.findStationGroupById(deps.db, id);
      if (!row) throw notFound('station group', id);
      return toStationGroup(row);
    },

    create(actor: Actor, input: StationGroupCreate): Promise<StationGroup> {
      return runWrite(deps, actor, async (w) => {
        if (await repo.findStationGroupByCode(w.tx, input.code)) {
          throw conflict(
            `A station group with code ${input.code} already exists. Use another code or update that group.`,
          );
        }
        const isActive = input.active ?? true;
        await checkReferences(w.tx, referencesOf(input, isActive));
        const d = STATION_GROUP_DEFAULTS;
        const row: repo.StationGroupRow = {
          id: newId(),
          code: input.code,
          name: input.name,
          storeCode: input.storeCode,
          priceListCode: input.priceListCode,
          integrationEnabled: toFlag(input.integrationEnabled ?? d.integrationEnabled),
          syncIntervalSeconds: input.syncIntervalSeconds ?? d.syncIntervalSeconds,
          heartbeatSeconds: input.heartbeatSeconds ?? d.heartbeatSeconds,
          offlineAlertMinutes: input.offlineAlertMinutes ?? d.offlineAlertMinutes,
          maxCashierDiscountBp: input.maxCashierDiscountBp ?? d.maxCashierDiscountBp,
          paymentTypeCodes: toJsonText(input.paymentTypeCodes ?? []),
          financialReasonCodes: toJsonText(input.financialReasonCodes ?? []),
          cancelRequiresSupervisor: toFlag(input.cancelRequiresSupervisor ?? d.cancelRequiresSupervisor),
          active: toFlag(isActive),
          createdAt: w.at,
          updatedAt: w.at,
        };
        await repo.insertStationGroup(w.tx, row);
        const group = toStationGroup(row);
        w.audit({ action: 'stationGroup.create', entity: 'stationGroup', entityId: row.id, after: group });
        w.recordChange({ entity: 'stationGroup', key: row.code, before: null, after: visible(group) });
        return group;
      });
    },

    update(actor: Actor, id: string, input: StationGroupUpdate): Promise<StationGroup> {
      return runWrite(deps, actor, async (w) => {
        const before = await load(w, id);
        const isActive = input.active ?? fromFlag(before.active);
        const isReactivated = isActive && !fromFlag(before.active);
        // A reactivated group must again hang from an active store and price list.
        await checkReferences(
          w.tx,
          referencesOf(
            {
              ...input,
              ...(isReactivated ? { storeCode: input.storeCode ?? before.storeCode } : {}),
              ...(isReactivated ? { priceListCode: input.priceListCode ?? before.priceListCode } : {}),
            },
            isActive,
          ),
        );
        const patch: Partial<repo.StationGroupRow> = {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.storeCode !== undefined ? { storeCode: input.storeCode } : {}),
          ...(input.priceListCode !== undefined ? { priceListCode: input.priceListCode } : {}),
          ...(input.integrationEnabled !== undefined
            ? { integrationEnabled: toFlag(input.integrationEnabled) }
            : {}),
          ...(input.syncIntervalSeconds !== undefined
            ? { syncIntervalSeconds: input.syncIntervalSeconds }
            : {}),
          ...(input.heartbeatSeconds !== undefined ? { heartbeatSeconds: input.heartbeatSeconds } : {}),
          ...(input.offlineAlertMinutes !== undefined
            ? { offlineAlertMinutes: input.offlineAlertMinutes }
            : {}),
          ...(input.maxCashierDiscountBp !== undefined
            ? { maxCashierDiscountBp: input.maxCashierDiscountBp }
            : {}),
          ...(input.paymentTypeCodes !== undefined
            ? { paymentTypeCodes: toJsonText(input.paymentTypeCodes) }
            : {}),
          ...(input.financialReasonCodes !== undefined
            ? { financialReasonCodes: toJsonText(input.financialReasonCodes) }
            : {}),
          ...(input.cancelRequiresSupervisor !== undefined
            ? { cancelRequiresSupervisor: toFlag(input.cancelRequiresSupervisor) }
            : {}),
          ...(input.active !== undefined ? { active: toFlag(input.active) } : {}),
        };
        return write(w, before, patch, 'stationGroup.update');
      });
    },

    /** Idempotent: deactivating an inactive group answers it unchanged. */
    deactivate(actor: Actor, id: string): Promise<StationGroup> {
      return runWrite(deps, actor, async (w) => {
        const before = await load(w, id);
        if (!fromFlag(before.active)) return toStationGroup(before);
        return write(w, before, { active: 0 }, 'stationGroup.deactivate');
      });
    },
  };
}

export type StationGroupsService = ReturnType<typeof createStationGroupsService>;
