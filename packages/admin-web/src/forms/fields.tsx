import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import { useCodes } from '../api/use-codes';
import {
  emptyRow,
  type FieldDef,
  type FieldValue,
  type RowColumn,
  type RowValues,
  type RowsField,
  type ScalarField,
  type SelectField,
} from './form-model';
import type { FieldErrors } from './field-errors';

/** A DOM id for a field path (`skus[0].code` → `f-skus-0-code`). */
export function inputId(path: string): string {
  return `f-${path.replace(/[^A-Za-z0-9]+/g, '-')}`;
}

function ErrorList({ messages, id }: { messages: string[] | undefined; id: string }) {
  if (!messages?.length) return null;
  return (
    <ul className="field-error" id={id} role="alert">
      {messages.map((message) => (
        <li key={message}>{message}</li>
      ))}
    </ul>
  );
}

interface FieldProps {
  field: FieldDef;
  value: FieldValue | undefined;
  errors: FieldErrors;
  /** Codes cannot change after creation; write-locked fields show but do not edit. */
  isLocked: boolean;
  onChange: (value: FieldValue) => void;
}

function inputMode(kind: ScalarField['kind']): 'numeric' | 'decimal' | undefined {
  if (kind === 'integer') return 'numeric';
  if (kind === 'money' || kind === 'bp') return 'decimal';
  return undefined;
}

function Frame({
  field,
  errors,
  children,
  suffix,
}: {
  field: FieldDef;
  errors: FieldErrors;
  children: ReactNode;
  suffix?: ReactNode;
}) {
  const { t } = useI18n();
  const id = inputId(field.name);
  return (
    <div className={`field field-${field.kind}${errors[field.name]?.length ? ' has-error' : ''}`}>
      <label htmlFor={id}>
        {t(field.label)}
        {field.kind === 'money' ? <span className="unit"> (R$)</span> : null}
        {field.kind === 'bp' ? <span className="unit"> (%)</span> : null}
      </label>
      {children}
      {suffix}
      {field.hint ? <small className="hint">{t(field.hint)}</small> : null}
      <ErrorList messages={errors[field.name]} id={`${id}-error`} />
    </div>
  );
}

function CodeChips({
  field,
  value,
  onChange,
}: {
  field: ScalarField;
  value: string;
  onChange: (v: string) => void;
}) {
  const options = useCodes(field.reference);
  if (!options.length) return null;
  const chosen = new Set(value.split(/[\s,;]+/).filter(Boolean));
  return (
    <div className="chips">
      {options.slice(0, 40).map((option) => (
        <button
          type="button"
          key={option.code}
          className={chosen.has(option.code) ? 'chip chosen' : 'chip'}
          title={option.name}
          onClick={() => {
            const next = new Set(chosen);
            if (next.has(option.code)) next.delete(option.code);
            else next.add(option.code);
            onChange([...next].join(', '));
          }}
        >
          {option.code}
        </button>
      ))}
    </div>
  );
}

function ReferenceList({ field }: { field: ScalarField }) {
  const options = useCodes(field.reference);
  return (
    <datalist id={`${inputId(field.name)}-options`}>
      {options.map((option) => (
        <option key={option.code} value={option.code}>
          {option.name}
        </option>
      ))}
    </datalist>
  );
}

function ScalarInput({ field, value, errors, isLocked, onChange }: FieldProps & { field: ScalarField }) {
  const id = inputId(field.name);
  const described = errors[field.name]?.length ? `${id}-error` : undefined;
  if (field.kind === 'checkbox') {
    return (
      <div className={`field field-checkbox${errors[field.name]?.length ? ' has-error' : ''}`}>
        <CheckboxLabel field={field} value={value === true} isLocked={isLocked} onChange={onChange} />
        <ErrorList messages={errors[field.name]} id={`${id}-error`} />
      </div>
    );
  }
  const text = typeof value === 'string' ? value : '';
  const isSingleReference = field.reference !== undefined && field.kind !== 'codes';
  return (
    <Frame
      field={field}
      errors={errors}
      suffix={
        field.kind === 'codes' && field.reference && !isLocked ? (
          <CodeChips field={field} value={text} onChange={onChange} />
        ) : isSingleReference ? (
          <ReferenceList field={field} />
        ) : null
      }
    >
      <input
        id={id}
        name={field.name}
        type={field.kind === 'secret' ? 'password' : 'text'}
        autoComplete={field.kind === 'secret' ? 'new-password' : 'off'}
        inputMode={inputMode(field.kind)}
        value={text}
        placeholder={field.placeholder}
        disabled={isLocked}
        aria-invalid={described ? true : undefined}
        aria-describedby={described}
        list={isSingleReference ? `${id}-options` : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
    </Frame>
  );
}

function CheckboxLabel({
  field,
  value,
  isLocked,
  onChange,
}: {
  field: ScalarField;
  value: boolean;
  isLocked: boolean;
  onChange: (value: boolean) => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <label className="checkbox" htmlFor={inputId(field.name)}>
        <input
          id={inputId(field.name)}
          name={field.name}
          type="checkbox"
          checked={value}
          disabled={isLocked}
          onChange={(event) => onChange(event.target.checked)}
        />
        {t(field.label)}
      </label>
      {field.hint ? <small className="hint">{t(field.hint)}</small> : null}
    </>
  );
}

function SelectInput({ field, value, errors, isLocked, onChange }: FieldProps & { field: SelectField }) {
  const { t } = useI18n();
  return (
    <Frame field={field} errors={errors}>
      <select
        id={inputId(field.name)}
        name={field.name}
        value={typeof value === 'string' ? value : ''}
        disabled={isLocked}
        onChange={(event) => onChange(event.target.value)}
      >
        {field.options.map((option) => (
          <option key={option.value} value={option.value}>
            {t(option.label)}
          </option>
        ))}
      </select>
    </Frame>
  );
}

function RowCell({
  column,
  path,
  row,
  isLocked,
  errors,
  onChange,
}: {
  column: RowColumn;
  path: string;
  row: RowValues;
  isLocked: boolean;
  errors: FieldErrors;
  onChange: (value: string | boolean) => void;
}) {
  const { t } = useI18n();
  const id = inputId(path);
  const value = row[column.name];
  const locked = isLocked || (column.lockedWhenSaved === true && row.__saved === true);
  return (
    <td className={errors[path]?.length ? 'has-error' : undefined}>
      {column.kind === 'checkbox' ? (
        <input
          id={id}
          name={path}
          type="checkbox"
          aria-label={t(column.label)}
          checked={value === true}
          disabled={isLocked}
          onChange={(event) => onChange(event.target.checked)}
        />
      ) : (
        <input
          id={id}
          name={path}
          aria-label={t(column.label)}
          inputMode={column.kind === 'integer' ? 'numeric' : column.kind === 'bp' ? 'decimal' : undefined}
          value={typeof value === 'string' ? value : ''}
          disabled={locked}
          aria-invalid={errors[path]?.length ? true : undefined}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
      <ErrorList messages={errors[path]} id={`${id}-error`} />
    </td>
  );
}

function RowsInput({ field, value, errors, isLocked, onChange }: FieldProps & { field: RowsField }) {
  const { t } = useI18n();
  const rows = Array.isArray(value) ? value : [];
  const update = (index: number, column: string, cell: string | boolean) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, [column]: cell } : row)));
  return (
    <fieldset
      className={`field field-rows${errors[field.name]?.length ? ' has-error' : ''}`}
      id={inputId(field.name)}
    >
      <legend>{t(field.label)}</legend>
      {field.hint ? <small className="hint">{t(field.hint)}</small> : null}
      <table className="rows">
        <thead>
          <tr>
            {field.columns.map((column) => (
              <th key={column.name}>
                {t(column.label)}
                {column.kind === 'bp' ? <span className="unit"> (%)</span> : null}
              </th>
            ))}
            <th aria-label={t('common.actions')} />
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index} data-row={index}>
              {field.columns.map((column) => (
                <RowCell
                  key={column.name}
                  column={column}
                  path={`${field.name}[${index}].${column.name}`}
                  row={row}
                  isLocked={isLocked}
                  errors={errors}
                  onChange={(cell) => update(index, column.name, cell)}
                />
              ))}
              <td>
                {!isLocked && !row.__saved ? (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => onChange(rows.filter((_row, i) => i !== index))}
                  >
                    {t('action.remove')}
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!isLocked ? (
        <button type="button" className="secondary" onClick={() => onChange([...rows, emptyRow(field)])}>
          {t(field.addLabel)}
        </button>
      ) : null}
      <ErrorList messages={errors[field.name]} id={`${inputId(field.name)}-error`} />
    </fieldset>
  );
}

/** One form field of any kind, with its label, hint and the errors placed on it. */
export function FieldInput(props: FieldProps) {
  const { field } = props;
  switch (field.kind) {
    case 'select':
      return <SelectInput {...props} field={field} />;
    case 'rows':
      return <RowsInput {...props} field={field} />;
    case 'text':
    case 'code':
    case 'secret':
    case 'integer':
    case 'money':
    case 'bp':
    case 'codes':
    case 'checkbox':
      return <ScalarInput {...props} field={field} />;
  }
}
