import { Type, type Static } from 'typebox';
import { Bp, Code, CodeList, Id, ListQuery, Name, Seconds, Strict, StrictPartial } from '../common';

const Minutes = Type.Integer({ minimum: 1, maximum: 10_080 });

export const StationGroup = Type.Object({
  id: Id,
  code: Code,
  name: Name,
  storeCode: Code,
  priceListCode: Code,
  integrationEnabled: Type.Boolean(),
  syncIntervalSeconds: Seconds,
  heartbeatSeconds: Seconds,
  offlineAlertMinutes: Minutes,
  maxCashierDiscountBp: Bp,
  /** Empty means every payment type is allowed. */
  paymentTypeCodes: CodeList,
  /** Empty means every financial reason is allowed. */
  financialReasonCodes: CodeList,
  /** Whether a sale cancellation needs a supervisor's PIN. */
  cancelRequiresSupervisor: Type.Boolean(),
  active: Type.Boolean(),
});
export type StationGroup = Static<typeof StationGroup>;

/** What a group's body sets, as on create. */
const stationGroupFields = {
  name: Name,
  storeCode: Code,
  priceListCode: Code,
  integrationEnabled: Type.Optional(Type.Boolean()),
  syncIntervalSeconds: Type.Optional(Seconds),
  heartbeatSeconds: Type.Optional(Seconds),
  offlineAlertMinutes: Type.Optional(Minutes),
  maxCashierDiscountBp: Type.Optional(Bp),
  paymentTypeCodes: Type.Optional(CodeList),
  financialReasonCodes: Type.Optional(CodeList),
  cancelRequiresSupervisor: Type.Optional(Type.Boolean()),
  active: Type.Optional(Type.Boolean()),
};

export const StationGroupCreate = Strict({ code: Code, ...stationGroupFields });
export type StationGroupCreate = Static<typeof StationGroupCreate>;

export const StationGroupUpdate = StrictPartial(stationGroupFields);
export type StationGroupUpdate = Static<typeof StationGroupUpdate>;

/** `GET /station-groups`: the common list query, plus the groups of one store or price list. */
export const StationGroupListQuery = Strict({
  ...ListQuery.properties,
  storeCode: Type.Optional(Code),
  priceListCode: Type.Optional(Code),
});
export type StationGroupListQuery = Static<typeof StationGroupListQuery>;
