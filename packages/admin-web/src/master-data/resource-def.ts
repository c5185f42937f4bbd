import type { TSchema } from 'typebox';
import type { MessageKey } from '../i18n/messages.pt-BR';
import type { FieldDef, SelectOption } from '../forms/form-model';

/** How a list column shows a record's value. */
export type ColumnKind = 'text' | 'yesNo' | 'codes' | 'cents' | 'bp' | 'dateTime' | 'option' | 'count';

export interface ColumnDef {
  name: string;
  label: MessageKey;
  kind: ColumnKind;
  options?: readonly SelectOption[];
}

export type ResourceKey =
  | 'stores'
  | 'station-groups'
  | 'stations'
  | 'products'
  | 'price-lists'
  | 'sellers'
  | 'operators'
  | 'payment-types'
  | 'payment-conditions'
  | 'financial-reasons'
  | 'promotions';

/**
 * One master-data resource of SPEC §5.1 as the console shows it: where its API lives, the
 * contract schemas its forms are checked against (the same constants the server registers),
 * its list columns and its form fields.
 */
export interface ResourceDef {
  key: ResourceKey;
  apiPath: string;
  title: MessageKey;
  singular: MessageKey;
  description: MessageKey;
  createSchema: TSchema;
  updateSchema: TSchema;
  columns: readonly ColumnDef[];
  fields: readonly FieldDef[];
  /** Rules beyond the schema that the API applies too, from the shared domain code. */
  check?: (body: Record<string, unknown>, record: Record<string, unknown> | undefined) => FieldProblem[];
}

export interface FieldProblem {
  path: string;
  message: string;
}

/* Fields and columns every resource has. */
export const code: FieldDef = { name: 'code', label: 'field.code', kind: 'code', hint: 'hint.code' };
export const name: FieldDef = { name: 'name', label: 'field.name', kind: 'text' };
export const active: FieldDef = {
  name: 'active',
  label: 'field.active',
  kind: 'checkbox',
  defaultValue: true,
};
export const codeColumn: ColumnDef = { name: 'code', label: 'field.code', kind: 'text' };
export const nameColumn: ColumnDef = { name: 'name', label: 'field.name', kind: 'text' };
export const activeColumn: ColumnDef = { name: 'active', label: 'field.active', kind: 'yesNo' };
