import type { Station, StationGroup } from '@storelink/contracts';
import { codesFromText, fromFlag, withoutNulls } from '../db/rows';
import type { StationGroupRow, StationRow } from './sync.repository';
import type { Visible } from '../modules/changes/change-plan';

/** The admin shape of a station, as `hello` answers it. */
export function toStationRecord(row: StationRow): Station {
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

export function toStationGroupRecord(row: StationGroupRow): StationGroup {
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

/**
 * How a station sees its own record: only to itself, and without the operational fields that
 * every heartbeat changes (`lastSeenAt`, `appVersion`), which never go through the change log.
 */
export function visibleStation(station: Station): Visible {
  const { lastSeenAt: _seen, appVersion: _version, ...data } = station;
  return { data, scopes: [{ kind: 'station', key: station.code }], active: station.active };
}
