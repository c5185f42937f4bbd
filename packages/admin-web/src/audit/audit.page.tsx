import { Fragment, useState, type FormEvent } from 'react';
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { AuditQuery, type AuditEntry, type AuditVerifyResult } from '@storelink/contracts';
import { callApi, fetchPage } from '../api/api-client';
import { validateAgainst, type FieldErrors } from '../forms/field-errors';
import { inputId } from '../forms/fields';
import { ProblemBanner } from '../forms/problem-banner';
import { ruleWords } from '../forms/resource-form';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages.pt-BR';
import { formatDateTime } from '../master-data/cells';
import { AuditDiff } from './audit-diff';

const PAGE_SIZE = 50;

interface Filters {
  from: string;
  to: string;
  actor: string;
  action: string;
  stationId: string;
}

const empty: Filters = { from: '', to: '', actor: '', action: '', stationId: '' };
const filterFields: { name: keyof Filters; label: MessageKey; type: string }[] = [
  { name: 'from', label: 'audit.from', type: 'date' },
  { name: 'to', label: 'audit.to', type: 'date' },
  { name: 'actor', label: 'audit.actor', type: 'text' },
  { name: 'action', label: 'audit.action', type: 'text' },
  { name: 'stationId', label: 'audit.stationId', type: 'text' },
];

function withoutEmpty(filters: Filters): Partial<Filters> {
  const query: Partial<Filters> = {};
  for (const name of Object.keys(filters) as (keyof Filters)[]) {
    const value = filters[name].trim();
    if (value !== '') query[name] = value;
  }
  return query;
}

/**
 * Auditoria: who did what, when and where, newest first; admin changes with before/after, and
 * the station events uploaded as movements. "Verificar cadeia" re-checks the hash chains.
 */
export function AuditPage() {
  const { t, language } = useI18n();
  const [draft, setDraft] = useState<Filters>(empty);
  const [filters, setFilters] = useState<Partial<Filters>>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const [open, setOpen] = useState<string | undefined>(undefined);

  const entries = useInfiniteQuery({
    queryKey: ['audit', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      fetchPage<AuditEntry>('/audit', { ...filters, limit: PAGE_SIZE, cursor: pageParam }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const verify = useMutation({ mutationFn: () => callApi<AuditVerifyResult>('GET', '/audit/verify') });
  const items = entries.data?.pages.flatMap((page) => page.items) ?? [];

  function apply(event: FormEvent) {
    event.preventDefault();
    const query = withoutEmpty(draft);
    const found = validateAgainst(AuditQuery, query, ruleWords(t));
    setErrors(found);
    if (Object.keys(found).length === 0) setFilters(query);
  }

  return (
    <section>
      <div className="page-head">
        <h1>{t('nav.audit')}</h1>
        <div className="page-actions">
          <button
            type="button"
            className="primary"
            disabled={verify.isPending}
            onClick={() => verify.mutate()}
          >
            {verify.isPending ? t('audit.verifying') : t('audit.verify')}
          </button>
        </div>
      </div>
      <p className="muted">{t('audit.intro')}</p>
      {verify.data ? <VerifyResult result={verify.data} /> : null}
      <ProblemBanner error={verify.error} />

      <form className="filters" onSubmit={apply} noValidate>
        {filterFields.map((field) => (
          <div key={field.name} className={`field inline${errors[field.name] ? ' has-error' : ''}`}>
            <label htmlFor={inputId(`audit-${field.name}`)}>{t(field.label)}</label>
            <input
              id={inputId(`audit-${field.name}`)}
              name={field.name}
              type={field.type}
              value={draft[field.name]}
              onChange={(event) => setDraft({ ...draft, [field.name]: event.target.value })}
            />
            {errors[field.name] ? (
              <ul className="field-error" role="alert">
                {errors[field.name]?.map((message) => (
                  <li key={message}>{message}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ))}
        <button type="submit" className="secondary">
          {t('audit.filter')}
        </button>
        <button
          type="button"
          className="link-button"
          onClick={() => {
            setDraft(empty);
            setErrors({});
            setFilters({});
          }}
        >
          {t('audit.clear')}
        </button>
      </form>

      <ProblemBanner error={entries.error} />
      <table className="data" data-testid="audit-table">
        <thead>
          <tr>
            <th>{t('audit.at')}</th>
            <th>{t('audit.actor')}</th>
            <th>{t('audit.action')}</th>
            <th>{t('audit.entity')}</th>
            <th>{t('audit.chain')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {items.map((entry) => (
            <Fragment key={entry.id}>
              <tr data-action={entry.action}>
                <td>{formatDateTime(entry.at, language)}</td>
                <td>{entry.actor}</td>
                <td>
                  <code>{entry.action}</code>
                </td>
                <td>{entry.entity ?? '—'}</td>
                <td>
                  {entry.chain} #{entry.seq}
                </td>
                <td>
                  <button
                    type="button"
                    className="link-button"
                    aria-expanded={open === entry.id}
                    onClick={() => setOpen(open === entry.id ? undefined : entry.id)}
                  >
                    {open === entry.id ? t('audit.hide') : t('audit.show')}
                  </button>
                </td>
              </tr>
              {open === entry.id ? (
                <tr className="detail-row">
                  <td colSpan={6}>
                    <AuditDiff before={entry.before} after={entry.after} details={entry.details} />
                  </td>
                </tr>
              ) : null}
            </Fragment>
          ))}
        </tbody>
      </table>
      {entries.isPending ? <p className="loading">{t('common.loading')}</p> : null}
      {entries.isSuccess && items.length === 0 ? <p className="empty">{t('audit.empty')}</p> : null}
      {entries.hasNextPage ? (
        <button type="button" className="secondary load-more" onClick={() => void entries.fetchNextPage()}>
          {t('list.loadMore')}
        </button>
      ) : null}
    </section>
  );
}

function VerifyResult({ result }: { result: AuditVerifyResult }) {
  const { t } = useI18n();
  if (result.ok) {
    return (
      <p className="notice ok" role="status" data-testid="verify-result">
        {t('audit.verifyOk', { checked: result.checked })}
      </p>
    );
  }
  const broken = result.brokenAt;
  return (
    <div className="form-error" role="alert" data-testid="verify-result">
      <strong>{t('audit.verifyBroken', { checked: result.checked })}</strong>
      {broken ? (
        <p>
          {t('audit.brokenAt', {
            chain: broken.chain,
            seq: broken.seq,
            id: broken.id,
            reason: broken.reason,
          })}
        </p>
      ) : null}
    </div>
  );
}
