import {
  StationCreate,
  StationGroupCreate,
  StationGroupUpdate,
  StationUpdate,
  StoreCreate,
  StoreUpdate,
} from '@storelink/contracts';
import { active, activeColumn, code, codeColumn, name, nameColumn, type ResourceDef } from './resource-def';

/* Where the stations are: stores, station groups, stations. */

export const stores: ResourceDef = {
  key: 'stores',
  apiPath: '/stores',
  title: 'resource.stores',
  singular: 'resource.store',
  description: 'resource.stores.description',
  createSchema: StoreCreate,
  updateSchema: StoreUpdate,
  columns: [
    codeColumn,
    nameColumn,
    { name: 'taxId', label: 'field.taxId', kind: 'text' },
    { name: 'timezone', label: 'field.timezone', kind: 'text' },
    activeColumn,
  ],
  fields: [
    code,
    name,
    { name: 'taxId', label: 'field.taxId', kind: 'text', hint: 'hint.taxId' },
    {
      name: 'timezone',
      label: 'field.timezone',
      kind: 'text',
      defaultValue: 'America/Sao_Paulo',
      hint: 'hint.timezone',
    },
    active,
  ],
};

export const stationGroups: ResourceDef = {
  key: 'station-groups',
  apiPath: '/station-groups',
  title: 'resource.stationGroups',
  singular: 'resource.stationGroup',
  description: 'resource.stationGroups.description',
  createSchema: StationGroupCreate,
  updateSchema: StationGroupUpdate,
  columns: [
    codeColumn,
    nameColumn,
    { name: 'storeCode', label: 'field.storeCode', kind: 'text' },
    { name: 'priceListCode', label: 'field.priceListCode', kind: 'text' },
    { name: 'integrationEnabled', label: 'field.integrationEnabled', kind: 'yesNo' },
    activeColumn,
  ],
  fields: [
    code,
    name,
    { name: 'storeCode', label: 'field.storeCode', kind: 'text', reference: 'stores' },
    { name: 'priceListCode', label: 'field.priceListCode', kind: 'text', reference: 'price-lists' },
    {
      name: 'integrationEnabled',
      label: 'field.integrationEnabled',
      kind: 'checkbox',
      defaultValue: true,
      hint: 'hint.integrationEnabled',
    },
    {
      name: 'syncIntervalSeconds',
      label: 'field.syncIntervalSeconds',
      kind: 'integer',
      defaultValue: '60',
    },
    { name: 'heartbeatSeconds', label: 'field.heartbeatSeconds', kind: 'integer', defaultValue: '30' },
    {
      name: 'offlineAlertMinutes',
      label: 'field.offlineAlertMinutes',
      kind: 'integer',
      defaultValue: '15',
    },
    { name: 'maxCashierDiscountBp', label: 'field.maxCashierDiscountBp', kind: 'bp', defaultValue: '0,00' },
    {
      name: 'paymentTypeCodes',
      label: 'field.paymentTypeCodes',
      kind: 'codes',
      reference: 'payment-types',
      hint: 'hint.emptyMeansAll',
    },
    {
      name: 'financialReasonCodes',
      label: 'field.financialReasonCodes',
      kind: 'codes',
      reference: 'financial-reasons',
      hint: 'hint.emptyMeansAll',
    },
    { name: 'cancelRequiresSupervisor', label: 'field.cancelRequiresSupervisor', kind: 'checkbox' },
    active,
  ],
};

export const stations: ResourceDef = {
  key: 'stations',
  apiPath: '/stations',
  title: 'resource.stations',
  singular: 'resource.station',
  description: 'resource.stations.description',
  createSchema: StationCreate,
  updateSchema: StationUpdate,
  columns: [
    codeColumn,
    nameColumn,
    { name: 'groupCode', label: 'field.groupCode', kind: 'text' },
    { name: 'appVersion', label: 'field.appVersion', kind: 'text' },
    { name: 'lastSeenAt', label: 'field.lastSeenAt', kind: 'dateTime' },
    activeColumn,
  ],
  fields: [
    code,
    name,
    {
      name: 'groupCode',
      label: 'field.groupCode',
      kind: 'text',
      reference: 'station-groups',
      hint: 'hint.groupCode',
    },
    active,
  ],
};
