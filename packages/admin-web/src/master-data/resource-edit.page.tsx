import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { StationWithPairingCode } from '@storelink/contracts';
import { callApi } from '../api/api-client';
import { useSession } from '../auth/session';
import { ProblemBanner } from '../forms/problem-banner';
import { ResourceForm } from '../forms/resource-form';
import { useI18n } from '../i18n/i18n';
import { NotFoundPage } from '../pages/coming-soon.page';
import { PriceListPrices } from './price-list-prices';
import { findResource, type ResourceDef } from './resources';
import { invalidateResource, useActivation, type Listed } from './resource-queries';
import { StationPairing, type PairingCode } from './station-pairing';

type Saved = Listed;

interface EditState {
  created?: boolean;
  pairing?: PairingCode;
}

/** `/master-data/:resource/new` creates; `/master-data/:resource/:id` shows and edits. */
export function ResourceEditPage() {
  const params = useParams();
  const resource = findResource(params.resource);
  if (!resource || !params.id) return <NotFoundPage />;
  if (params.id === 'new') return <CreateRecord key={`${resource.key}-new`} resource={resource} />;
  return <EditRecord key={`${resource.key}-${params.id}`} resource={resource} id={params.id} />;
}

function Breadcrumb({ resource }: { resource: ResourceDef }) {
  const { t } = useI18n();
  return (
    <p className="breadcrumb">
      <Link to="/master-data">{t('nav.masterData')}</Link> /{' '}
      <Link to={`/master-data/${resource.key}`}>{t(resource.title)}</Link> /
    </p>
  );
}

function CreateRecord({ resource }: { resource: ResourceDef }) {
  const { t } = useI18n();
  const { canWrite } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return (
    <section>
      <Breadcrumb resource={resource} />
      <h1>
        {t('action.new')}: {t(resource.singular)}
      </h1>
      <ResourceForm
        fields={resource.fields}
        schema={resource.createSchema}
        mode="create"
        {...(resource.check ? { check: resource.check } : {})}
        isReadOnly={!canWrite}
        submitLabel="action.create"
        onSubmit={(body) => callApi<Saved>('POST', resource.apiPath, body)}
        onSaved={(result) => {
          const saved = result as Saved;
          invalidateResource(queryClient, resource.key);
          queryClient.setQueryData(['record', resource.key, saved.id], saved);
          const state: EditState = { created: true };
          if (resource.key === 'stations') {
            const station = saved as unknown as StationWithPairingCode;
            state.pairing = { code: station.pairingCode, expiresAt: station.pairingCodeExpiresAt };
          }
          void navigate(`/master-data/${resource.key}/${saved.id}`, { replace: true, state });
        }}
      />
    </section>
  );
}

function EditRecord({ resource, id }: { resource: ResourceDef; id: string }) {
  const { t } = useI18n();
  const { canWrite } = useSession();
  const queryClient = useQueryClient();
  const state = (useLocation().state as EditState | null) ?? {};
  const activation = useActivation(resource);
  const record = useQuery({
    queryKey: ['record', resource.key, id],
    queryFn: () => callApi<Saved>('GET', `${resource.apiPath}/${id}`),
  });
  const data = record.data;

  return (
    <section>
      <Breadcrumb resource={resource} />
      <div className="page-head">
        <h1>
          {t(resource.singular)} {data ? <code>{data.code}</code> : null}{' '}
          {data && !data.active ? <span className="badge badge-off">{t('common.inactive')}</span> : null}
        </h1>
        {canWrite && data ? (
          <div className="page-actions">
            <button
              type="button"
              className={data.active ? 'secondary danger' : 'secondary'}
              disabled={activation.isPending}
              onClick={() =>
                activation.mutate(
                  { id, activate: !data.active },
                  { onSuccess: (saved) => queryClient.setQueryData(['record', resource.key, id], saved) },
                )
              }
            >
              {data.active ? t('action.deactivate') : t('action.reactivate')}
            </button>
          </div>
        ) : null}
      </div>
      {state.created ? (
        <p className="notice" role="status">
          {t('form.created')}
        </p>
      ) : null}
      <ProblemBanner error={record.error ?? activation.error} />
      {record.isPending ? <p className="loading">{t('common.loading')}</p> : null}
      {data ? (
        <>
          {resource.key === 'stations' ? <StationPairing station={data} initial={state.pairing} /> : null}
          <ResourceForm
            key={data.active ? 'active' : 'inactive'}
            fields={resource.fields}
            schema={resource.updateSchema}
            mode="edit"
            record={data}
            {...(resource.check ? { check: resource.check } : {})}
            isReadOnly={!canWrite}
            submitLabel="action.save"
            onSubmit={(body) => callApi<Saved>('PATCH', `${resource.apiPath}/${id}`, body)}
            onSaved={(saved) => {
              queryClient.setQueryData(['record', resource.key, id], saved);
              invalidateResource(queryClient, resource.key);
            }}
          />
          {resource.key === 'price-lists' ? <PriceListPrices priceListId={id} /> : null}
        </>
      ) : null}
    </section>
  );
}
