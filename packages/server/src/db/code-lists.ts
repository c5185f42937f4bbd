import { sql, type Expression, type SqlBool } from 'kysely';
import { codesFromText } from './rows';

/**
 * Lists of codes are stored as JSON text (`["SP01","RJ01"]`) on both dialects. These helpers
 * find the rows whose list names a code, or is empty where empty means "all" (SPEC §12.1).
 *
 * The SQL half is a cheap prefilter: the list's text contains `"code"`. It may let a few extra
 * rows through (SQLite's LIKE ignores case), never miss one; the JS half then decides exactly.
 */
export function mayListCode(column: string, code: string): Expression<SqlBool> {
  const escaped = JSON.stringify(code).replace(/[\\%_]/g, (c) => `\\${c}`);
  return sql<SqlBool>`${sql.ref(column)} like ${`%${escaped}%`} escape '\\'`;
}

/** Prefilter for lists where empty means "all": empty, or may name the code. */
export function mayListCodeOrAll(column: string, code: string): Expression<SqlBool> {
  return sql<SqlBool>`(${sql.ref(column)} = '[]' or ${mayListCode(column, code)})`;
}

/** Whether the stored list names the code exactly. */
export function isListed(listText: string, code: string): boolean {
  return codesFromText(listText).includes(code);
}

/** Whether the stored list is empty (all) or names the code exactly. */
export function isListedOrAll(listText: string, code: string): boolean {
  const codes = codesFromText(listText);
  return codes.length === 0 || codes.includes(code);
}
