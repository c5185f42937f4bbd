import type { Executor } from './schema';
import { invalid, type FieldError } from '../http/app-error';

/** Tables whose records other records name by `code`. */
export type ReferencedTable =
  'stores' | 'priceLists' | 'stationGroups' | 'paymentTypes' | 'financialReasons' | 'skus' | 'products';

/** One field of a body that names other records by code: a single code, or a list of codes. */
export interface ReferenceField {
  table: ReferencedTable;
  /** The record kind, in words, for messages: "store", "payment type". */
  noun: string;
  /** The body field: `storeCode`, or `paymentTypeCodes` (errors then say `paymentTypeCodes[2]`). */
  path: string;
  codes: string | readonly string[];
  /**
   * When true, the referenced record must also be active. Used where an active record must hang
   * from active parents (store ← station group ← station), see docs/decisions/0011.
   */
  mustBeActive?: boolean;
}

/** Which of `codes` exist in `table`, mapped to whether each is active. */
async function readReferencedCodes(
  db: Executor,
  table: ReferencedTable,
  codes: readonly string[],
): Promise<Map<string, boolean>> {
  if (codes.length === 0) return new Map();
  // Every referenced table has `code` and `active`; one table type keeps Kysely's typing simple.
  const rows = await db
    .selectFrom(table as 'stores')
    .select(['code', 'active'])
    .where('code', 'in', [...codes])
    .execute();
  return new Map(rows.map((r) => [r.code, r.active === 1]));
}

/** One error per bad code of a body, in the order of `fields` and of each list. */
export async function findReferenceErrors(
  db: Executor,
  fields: readonly ReferenceField[],
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  for (const field of fields) {
    const list = typeof field.codes === 'string' ? [field.codes] : field.codes;
    const found = await readReferencedCodes(db, field.table, list);
    list.forEach((code, i) => {
      const path = typeof field.codes === 'string' ? field.path : `${field.path}[${i}]`;
      const active = found.get(code);
      if (active === undefined) errors.push({ path, message: `no ${field.noun} has code ${code}` });
      else if (field.mustBeActive && !active) {
        errors.push({
          path,
          message: `${field.noun} ${code} is inactive; reactivate it first or choose an active one`,
        });
      }
    });
  }
  return errors;
}

/**
 * Checks every reference of a body and throws one `validation_failed` naming each bad field
 * (docs/decisions/0002), so the console can show all of them at once.
 */
export async function checkReferences(db: Executor, fields: readonly ReferenceField[]): Promise<void> {
  const errors = await findReferenceErrors(db, fields);
  if (errors.length > 0) throw invalid(errors);
}

/** The `storeCodes` of a seller or operator, when the body gives them: each must name a store. */
export async function checkStoreCodes(
  db: Executor,
  storeCodes: readonly string[] | undefined,
): Promise<void> {
  if (storeCodes === undefined) return;
  await checkReferences(db, [{ table: 'stores', noun: 'store', path: 'storeCodes', codes: storeCodes }]);
}
