import type { ResourceDef } from './resource-def';
import { priceLists, products, promotions } from './resources.catalog';
import { financialReasons, operators, paymentConditions, paymentTypes, sellers } from './resources.payments';
import { stationGroups, stations, stores } from './resources.places';

export type { ColumnDef, ColumnKind, FieldProblem, ResourceDef, ResourceKey } from './resource-def';

/** Every master-data resource of SPEC §5.1, in the order the console lists them. */
export const resources: readonly ResourceDef[] = [
  stores,
  stationGroups,
  stations,
  products,
  priceLists,
  sellers,
  operators,
  paymentTypes,
  paymentConditions,
  financialReasons,
  promotions,
];

export function findResource(key: string | undefined): ResourceDef | undefined {
  return resources.find((resource) => resource.key === key);
}
