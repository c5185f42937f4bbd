import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import type { TSchema } from 'typebox';
import { ApiError } from '../api/api-client';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages.pt-BR';
import { addError, placeErrors, validateAgainst, type FieldErrors, type RuleWords } from './field-errors';
import { FieldInput } from './fields';
import {
  buildBody,
  fieldPaths,
  isShown,
  toFormValues,
  type ConversionWords,
  type FieldDef,
  type FieldValue,
  type FormMode,
  type FormValues,
} from './form-model';
import { ProblemBanner } from './problem-banner';

type Translate = ReturnType<typeof useI18n>['t'];

export function ruleWords(t: Translate): RuleWords & ConversionWords {
  return {
    required: () => t('rule.required'),
    minLength: (limit) => t('rule.minLength', { limit }),
    maxLength: (limit) => t('rule.maxLength', { limit }),
    pattern: () => t('rule.pattern'),
    minimum: (limit) => t('rule.minimum', { limit }),
    maximum: (limit) => t('rule.maximum', { limit }),
    minItems: (limit) => t('rule.minItems', { limit }),
    maxItems: (limit) => t('rule.maxItems', { limit }),
    uniqueItems: () => t('rule.uniqueItems'),
    type: () => t('rule.type'),
    format: (format) => t('rule.format', { format }),
    oneOf: () => t('rule.oneOf'),
    integer: () => t('rule.integer'),
    money: () => t('rule.money'),
    percent: () => t('rule.percent'),
  };
}

/**
 * The API's refusal, placed: `errors[].path` onto the matching field; a duplicate `code` on
 * create (a 409 whose detail names the typed code, docs/decisions/0061) onto the code field.
 */
export function apiFieldErrors(error: ApiError, mode: FormMode, values: FormValues): FieldErrors {
  const errors: FieldErrors = {};
  for (const item of error.problem.errors ?? []) addError(errors, item.path, item.message);
  const code = typeof values.code === 'string' ? values.code.trim() : '';
  if (
    error.problem.code === 'conflict' &&
    mode === 'create' &&
    code !== '' &&
    new RegExp(`(^|[^A-Za-z0-9._-])${code.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^A-Za-z0-9._-]|$)`).test(
      error.problem.detail,
    )
  ) {
    addError(errors, 'code', error.problem.detail);
  }
  return errors;
}

export interface ResourceFormProps {
  fields: readonly FieldDef[];
  /** The contract schema the API registers for this write (create or update). */
  schema: TSchema;
  mode: FormMode;
  record?: Record<string, unknown>;
  isReadOnly: boolean;
  submitLabel: MessageKey;
  onSubmit: (body: Record<string, unknown>) => Promise<unknown>;
  onSaved?: (result: unknown) => void;
  /** Rules beyond the schema that the API also applies (shared domain code). */
  check?: (
    body: Record<string, unknown>,
    record: Record<string, unknown> | undefined,
  ) => { path: string; message: string }[];
  children?: ReactNode;
}

interface Failure {
  error: unknown;
  unplaced: string[];
}

/**
 * A form for one record, checked before sending with the same contract schema the API
 * validates with, and showing the API's own refusal next to the fields it names.
 */
export function ResourceForm(props: ResourceFormProps) {
  const { fields, schema, mode, record, isReadOnly } = props;
  const { t } = useI18n();
  const initial = useMemo(() => toFormValues(fields, record), [fields, record]);
  const [values, setValues] = useState<FormValues>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<Failure | undefined>(undefined);
  const [notice, setNotice] = useState<MessageKey | undefined>(undefined);
  const [isBusy, setBusy] = useState(false);

  const change = (name: string, value: FieldValue) => {
    setValues((current) => ({ ...current, [name]: value }));
    setNotice(undefined);
  };

  function show(all: FieldErrors, error: unknown) {
    const { byField, unplaced } = placeErrors(all, fieldPaths(fields, values, mode));
    setErrors(byField);
    setFailure({ error, unplaced });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setNotice(undefined);
    const words = ruleWords(t);
    const { body, errors: conversion } = buildBody(fields, values, { mode, initial, words });
    const schemaErrors = validateAgainst(schema, body, words);
    for (const path of Object.keys(conversion)) delete schemaErrors[path];
    if (Object.keys(schemaErrors).length === 0 && Object.keys(conversion).length === 0) {
      for (const problem of props.check?.(body, record) ?? [])
        addError(schemaErrors, problem.path, problem.message);
    }
    const local = { ...schemaErrors, ...conversion };
    if (Object.keys(local).length > 0) {
      show(local, new Error(t('form.fixFields')));
      return;
    }
    if (mode === 'edit' && Object.keys(body).length === 0) {
      setErrors({});
      setFailure(undefined);
      setNotice('form.nothingChanged');
      return;
    }
    setBusy(true);
    try {
      const result = await props.onSubmit(body);
      setErrors({});
      setFailure(undefined);
      setNotice('form.saved');
      props.onSaved?.(result);
    } catch (error) {
      if (error instanceof ApiError) show(apiFieldErrors(error, mode, values), error);
      else show({}, error);
    } finally {
      setBusy(false);
    }
  }

  const hasFieldErrors = Object.keys(errors).length > 0;
  return (
    <form className="resource-form" noValidate onSubmit={(event) => void submit(event)}>
      {failure ? (
        <ProblemBanner
          error={failure.error}
          extra={failure.unplaced}
          showDetail={!(failure.error instanceof ApiError) || !hasFieldErrors}
        />
      ) : null}
      {notice ? (
        <p className="notice" role="status">
          {t(notice)}
        </p>
      ) : null}
      <fieldset className="fields" disabled={isReadOnly}>
        {fields
          .filter((field) => isShown(field, mode, values))
          .map((field) => (
            <FieldInput
              key={field.name}
              field={field}
              value={values[field.name]}
              errors={errors}
              isLocked={isReadOnly || (mode === 'edit' && field.kind === 'code')}
              onChange={(value) => change(field.name, value)}
            />
          ))}
      </fieldset>
      {props.children}
      {!isReadOnly ? (
        <div className="form-actions">
          <button type="submit" className="primary" disabled={isBusy}>
            {isBusy ? t('form.saving') : t(props.submitLabel)}
          </button>
        </div>
      ) : null}
    </form>
  );
}
