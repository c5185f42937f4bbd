import { Type, type Static } from 'typebox';
import { Bp, Code, CodeList, Id, ListQuery, Name, Seconds, Strict } from '../common';

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

const settable = {
  name: Name,
  storeCode: Code,
  priceListCode: Code,
  integrationEnabled: Type.Boolean(),
  syncIntervalSeconds: Seconds,
  heartbeatSeconds: Seconds,
  offlineAlertMinutes: Minutes,
  maxCashierDiscountBp: Bp,
  paymentTypeCodes: CodeList,
  financialReasonCodes: CodeList,
  cancelRequiresSupervisor: Type.Boolean(),
  active: Type.Boolean(),
};

export const StationGroupCreate = Strict({
  code: Code,
  name: settable.name,
  storeCode: settable.storeCode,
  priceListCode: settable.priceListCode,
  integrationEnabled: Type.Optional(settable.integrationEnabled),
  syncIntervalSeconds: Type.Optional(settable.syncIntervalSeconds),
  heartbeatSeconds: Type.Optional(settable.heartbeatSeconds),
  offlineAlertMinutes: Type.Optional(settable.offlineAlertMinutes),
  maxCashierDiscountBp: Type.Optional(settable.maxCashierDiscountBp),
  paymentTypeCodes: Type.Optional(settable.paymentTypeCodes),
  financialReasonCodes: Type.Optional(settable.financialReasonCodes),
  cancelRequiresSupervisor: Type.Optional(settable.cancelRequiresSupervisor),
  active: Type.Optional(settable.active),
});
export type StationGroupCreate = Static<typeof StationGroupCreate>;

export const StationGroupUpdate = Strict({
  name: Type.Optional(settable.name),
  storeCode: Type.Optional(settable.storeCode),
  priceListCode: Type.Optional(settable.priceListCode),
  integrationEnabled: Type.Optional(settable.integrationEnabled),
  syncIntervalSeconds: Type.Optional(settable.syncIntervalSeconds),
  heartbeatSeconds: Type.Optional(settable.heartbeatSeconds),
  offlineAlertMinutes: Type.Optional(settable.offlineAlertMinutes),
  maxCashierDiscountBp: Type.Optional(settable.maxCashierDiscountBp),
  paymentTypeCodes: Type.Optional(settable.paymentTypeCodes),
  financialReasonCodes: Type.Optional(settable.financialReasonCodes),
  cancelRequiresSupervisor: Type.Optional(settable.cancelRequiresSupervisor),
  active: Type.Optional(settable.active),
});
export type StationGroupUpdate = Static<typeof StationGroupUpdate>;

/** `GET /station-groups`: the common list query, plus the groups of one store or price list. */
export const StationGroupListQuery = Strict({
  ...ListQuery.properties,
  storeCode: Type.Optional(Code),
  priceListCode: Type.Optional(Code),
});
export type StationGroupListQuery = Static<typeof StationGroupListQuery>;
