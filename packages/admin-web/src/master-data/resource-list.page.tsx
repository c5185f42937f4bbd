import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useInfiniteQuery } from '@tanstack/react-query';
import { fetchPage } from '../api/api-client';
import { useSession } from '../auth/session';
import { ProblemBanner } from '../forms/problem-banner';
import { useI18n } from '../i18n/i18n';
import { NotFoundPage } from '../pages/coming-soon.page';
import { Cell } from './cells';
import { findResource, type ResourceDef } from './resources';
import { useActivation, type Listed } from './resource-queries';

type ActiveFilter = '' | 'true' | 'false';
const PAGE_SIZE = 50;

/** Master data list: search by code or name, active filter, "load more" by cursor. */
export function ResourceListPage() {
  const resource = findResource(useParams().resource);
  if (!resource) return <NotFoundPage />;
  return <ResourceList key={resource.key} resource={resource} />;
}

function ResourceList({ resource }: { resource: ResourceDef }) {
  const { t } = useI18n();
  const { canWrite } = useSession();
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [active, setActive] = useState<ActiveFilter>('');
  const [confirming, setConfirming] = useState<string | undefined>(undefined);
  const activation = useActivation(resource);

  const list = useInfiniteQuery({
    queryKey: ['list', resource.key, q, active],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      fetchPage<Listed>(resource.apiPath, { limit: PAGE_SIZE, q, active, cursor: pageParam }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];

  function applySearch(event: FormEvent) {
    event.preventDefault();
    setQ(search.trim());
  }

  return (
    <section>
      <p className="breadcrumb">
        <Link to="/master-data">{t('nav.masterData')}</Link> /
      </p>
      <div className="page-head">
        <h1>{t(resource.title)}</h1>
        <div className="page-actions">
          {canWrite && resource.key === 'products' ? (
            <Link className="button secondary" to="/master-data/products/import">
              {t('action.importCsv')}
            </Link>
          ) : null}
          {canWrite ? (
            <Link className="button primary" to={`/master-data/${resource.key}/new`}>
              {t('action.new')}
            </Link>
          ) : null}
        </div>
      </div>
      <p className="muted">{t(resource.description)}</p>

      <form className="filters" role="search" onSubmit={applySearch}>
        <label className="field inline">
          <span>{t('list.search')}</span>
          <input
            name="q"
            type="search"
            value={search}
            placeholder={t('list.searchPlaceholder')}
            onChange={(event) => setSearch(event.target.value)}
          />
        </label>
        <label className="field inline">
          <span>{t('list.status')}</span>
          <select
            name="active"
            value={active}
            onChange={(event) => setActive(event.target.value as ActiveFilter)}
          >
            <option value="">{t('list.all')}</option>
            <option value="true">{t('list.activeOnly')}</option>
            <option value="false">{t('list.inactiveOnly')}</option>
          </select>
        </label>
        <button type="submit" className="secondary">
          {t('list.searchButton')}
        </button>
      </form>

      <ProblemBanner error={list.error ?? activation.error} />

      <table className="data" data-testid="resource-table">
        <thead>
          <tr>
            {resource.columns.map((column) => (
              <th key={column.name}>{t(column.label)}</th>
            ))}
            <th>{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id} data-code={item.code}>
              {resource.columns.map((column) => (
                <td key={column.name}>
                  <Cell column={column} record={item} />
                </td>
              ))}
              <td className="row-actions">
                <Link to={`/master-data/${resource.key}/${item.id}`}>
                  {canWrite ? t('action.edit') : t('action.view')}
                </Link>
                {canWrite && item.active && confirming !== item.id ? (
                  <button type="button" className="link-button danger" onClick={() => setConfirming(item.id)}>
                    {t('action.deactivate')}
                  </button>
                ) : null}
                {canWrite && item.active && confirming === item.id ? (
                  <button
                    type="button"
                    className="link-button danger"
                    onClick={() => {
                      setConfirming(undefined);
                      activation.mutate({ id: item.id, activate: false });
                    }}
                  >
                    {t('action.confirmDeactivate')}
                  </button>
                ) : null}
                {canWrite && !item.active ? (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => activation.mutate({ id: item.id, activate: true })}
                  >
                    {t('action.reactivate')}
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.isPending ? <p className="loading">{t('common.loading')}</p> : null}
      {list.isSuccess && items.length === 0 ? <p className="empty">{t('list.empty')}</p> : null}
      {list.hasNextPage ? (
        <button
          type="button"
          className="secondary load-more"
          disabled={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        >
          {list.isFetchingNextPage ? t('common.loading') : t('list.loadMore')}
        </button>
      ) : null}
    </section>
  );
}
