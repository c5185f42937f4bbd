import type { MessageKey } from '../i18n/messages.pt-BR';
import { formatBpInput, formatCentsInput, parseBp, parseCents } from '../format/money';
import { addError, type FieldErrors } from './field-errors';

/**
 * The model behind every master-data form: fields are described once (kind, label, when they
 * show), the typed text is converted to the wire shape of the contract, and an edit sends only
 * what changed (SPEC §12.1: PATCH updates only the given fields).
 */

/** Resources whose codes a field can suggest (a `<datalist>` of active codes). */
export type ReferenceKey =
  'stores' | 'station-groups' | 'price-lists' | 'payment-types' | 'financial-reasons' | 'products';

export interface SelectOption {
  value: string;
  label: MessageKey;
}

export type RowValues = Record<string, string | boolean> & { __saved?: boolean };
export type FieldValue = string | boolean | RowValues[];
export type FormValues = Record<string, FieldValue>;
export type FormMode = 'create' | 'edit';

interface FieldBase {
  /** Wire name; a dot nests (`target.skuCodes`). */
  name: string;
  label: MessageKey;
  hint?: MessageKey;
  /** Shown only when creating, or only when editing. */
  only?: FormMode;
  /** Hidden fields are not sent; on edit a hidden `nullable` field that had a value is cleared. */
  visibleWhen?: (values: FormValues) => boolean;
  /** PATCH accepts `null` to clear it. */
  nullable?: boolean;
  reference?: ReferenceKey;
  defaultValue?: string | boolean;
  placeholder?: string;
}

export type ScalarKind = 'text' | 'code' | 'secret' | 'integer' | 'money' | 'bp' | 'codes' | 'checkbox';

export interface ScalarField extends FieldBase {
  kind: ScalarKind;
}

export interface SelectField extends FieldBase {
  kind: 'select';
  options: readonly SelectOption[];
}

export interface RowColumn {
  name: string;
  label: MessageKey;
  kind: Exclude<ScalarKind, 'secret' | 'money'>;
  /** Locked once saved (a SKU's code is immutable). */
  lockedWhenSaved?: boolean;
  defaultValue?: string | boolean;
}

export interface RowsField extends FieldBase {
  kind: 'rows';
  columns: readonly RowColumn[];
  addLabel: MessageKey;
}

export type FieldDef = ScalarField | SelectField | RowsField;

/** Words for what the conversion itself refuses, before any schema rule. */
export interface ConversionWords {
  integer(): string;
  money(): string;
  percent(): string;
}

export function isShown(field: FieldDef, mode: FormMode, values: FormValues): boolean {
  if (field.only && field.only !== mode) return false;
  return field.visibleWhen ? field.visibleWhen(values) : true;
}

function readPath(record: Record<string, unknown> | undefined, name: string): unknown {
  let value: unknown = record;
  for (const part of name.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function toText(kind: ScalarKind, value: unknown, fallback: string | boolean | undefined): string | boolean {
  if (kind === 'checkbox') return typeof value === 'boolean' ? value : fallback === true;
  if (value === undefined || value === null) return typeof fallback === 'string' ? fallback : '';
  switch (kind) {
    case 'money':
      return formatCentsInput(Number(value));
    case 'bp':
      return formatBpInput(Number(value));
    case 'codes':
      return Array.isArray(value) ? value.map(String).join(', ') : '';
    case 'secret':
      return '';
    case 'text':
    case 'code':
    case 'integer':
      return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  }
}

/** The form's starting text: a record's values, or each field's default when creating. */
export function toFormValues(fields: readonly FieldDef[], record?: Record<string, unknown>): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    const value = readPath(record, field.name);
    const fallback = record ? undefined : field.defaultValue;
    if (field.kind === 'rows') {
      const rows = Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
      values[field.name] = rows.map((row) => {
        const out: RowValues = { __saved: true };
        for (const column of field.columns)
          out[column.name] = toText(column.kind, row[column.name], undefined);
        return out;
      });
    } else if (field.kind === 'select') {
      values[field.name] = typeof value === 'string' ? value : typeof fallback === 'string' ? fallback : '';
    } else {
      values[field.name] = toText(field.kind, value, fallback);
    }
  }
  return values;
}

/** A new, empty row for a rows field. */
export function emptyRow(field: RowsField): RowValues {
  const row: RowValues = {};
  for (const column of field.columns) {
    row[column.name] =
      column.kind === 'checkbox' ? column.defaultValue !== false : String(column.defaultValue ?? '');
  }
  return row;
}

function splitCodes(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((code) => code.trim())
    .filter(Boolean);
}

function convertScalar(
  kind: ScalarKind | 'select',
  value: FieldValue | undefined,
  path: string,
  errors: FieldErrors,
  words: ConversionWords,
): unknown {
  if (kind === 'checkbox') return value === true;
  const text = typeof value === 'string' ? value : '';
  if (kind === 'codes') return splitCodes(text);
  if (kind === 'secret') return text === '' ? undefined : text;
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  switch (kind) {
    case 'integer':
      if (/^-?\d{1,15}$/.test(trimmed)) return Number(trimmed);
      addError(errors, path, words.integer());
      return undefined;
    case 'money': {
      const cents = parseCents(trimmed);
      if (cents === undefined) addError(errors, path, words.money());
      return cents;
    }
    case 'bp': {
      const bp = parseBp(trimmed);
      if (bp === undefined) addError(errors, path, words.percent());
      return bp;
    }
    case 'text':
    case 'code':
    case 'select':
      return trimmed;
  }
}

function setPath(target: Record<string, unknown>, name: string, value: unknown): void {
  const parts = name.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    node = (node[part] ??= {}) as Record<string, unknown>;
  }
  node[parts[parts.length - 1] ?? name] = value;
}

function buildFull(
  fields: readonly FieldDef[],
  values: FormValues,
  mode: FormMode,
  errors: FieldErrors,
  words: ConversionWords,
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of fields) {
    if (!isShown(field, mode, values)) continue;
    // Codes are the ERP's key and never change (docs/decisions/0001): never sent on edit.
    if (mode === 'edit' && field.kind === 'code') continue;
    let value: unknown;
    if (field.kind === 'rows') {
      const rows = (values[field.name] as RowValues[] | undefined) ?? [];
      value = rows.map((row, index) => {
        const out: Record<string, unknown> = {};
        for (const column of field.columns) {
          const converted = convertScalar(
            column.kind,
            row[column.name],
            `${field.name}[${index}].${column.name}`,
            errors,
            words,
          );
          if (converted !== undefined) out[column.name] = converted;
        }
        return out;
      });
    } else {
      value = convertScalar(field.kind, values[field.name], field.name, errors, words);
    }
    if (value !== undefined) setPath(body, field.name, value);
  }
  return body;
}

/**
 * The request body for the form: everything given when creating; on edit only the top-level
 * fields whose value changed, with `null` for a cleared nullable field. Conversion failures
 * (an amount that is not an amount) come back in `errors`, keyed like the API's paths.
 */
export function buildBody(
  fields: readonly FieldDef[],
  values: FormValues,
  options: { mode: FormMode; initial?: FormValues; words: ConversionWords },
): { body: Record<string, unknown>; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const current = buildFull(fields, values, options.mode, errors, options.words);
  if (options.mode === 'create' || !options.initial) return { body: current, errors };

  const base = buildFull(fields, options.initial, 'edit', {}, options.words);
  const body: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(current), ...Object.keys(base)])) {
    if (key in current) {
      if (JSON.stringify(current[key]) !== JSON.stringify(base[key])) body[key] = current[key];
      continue;
    }
    const field = fields.find((f) => f.name === key);
    if (!field || field.kind === 'secret') continue;
    // Emptied: clear it when the API allows; otherwise send the empty text so the schema says why.
    if (field.nullable) body[key] = null;
    else if (field.kind === 'text') body[key] = '';
  }
  return { body, errors };
}

/** Every path a form shows an input for, so errors can be placed on them. */
export function fieldPaths(fields: readonly FieldDef[], values: FormValues, mode: FormMode): string[] {
  const paths: string[] = [];
  for (const field of fields) {
    if (!isShown(field, mode, values)) continue;
    paths.push(field.name);
    if (field.kind === 'rows') {
      const rows = (values[field.name] as RowValues[] | undefined) ?? [];
      rows.forEach((_row, index) => {
        for (const column of field.columns) paths.push(`${field.name}[${index}].${column.name}`);
      });
    }
  }
  return paths;
}
