import { useQuery, useQueryClient } from '@tanstack/react-query';
import { SettingsUpdate, type Settings } from '@storelink/contracts';
import { callApi } from '../api/api-client';
import { useSession } from '../auth/session';
import type { FieldDef } from '../forms/form-model';
import { ProblemBanner } from '../forms/problem-banner';
import { ResourceForm } from '../forms/resource-form';
import { useI18n } from '../i18n/i18n';
import { logLevelOptions } from '../master-data/options';
import { SettingsTabs } from './settings-tabs';

const fields: readonly FieldDef[] = [
  {
    name: 'minStationVersion',
    label: 'field.minStationVersion',
    kind: 'text',
    hint: 'hint.minStationVersion',
  },
  {
    name: 'changeRetentionDays',
    label: 'field.changeRetentionDays',
    kind: 'integer',
    hint: 'hint.changeRetentionDays',
  },
  {
    name: 'integrationLogLevel',
    label: 'field.integrationLogLevel',
    kind: 'select',
    options: logLevelOptions,
  },
];

/** The settings singleton (`GET`/`PATCH /settings`); only an admin may change it. */
export function SettingsPage() {
  const { t } = useI18n();
  const { isAdmin } = useSession();
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: ['settings'], queryFn: () => callApi<Settings>('GET', '/settings') });
  return (
    <section>
      <h1>{t('nav.settings')}</h1>
      <SettingsTabs />
      <p className="muted">{t('settings.intro')}</p>
      {!isAdmin ? <p className="notice">{t('settings.adminOnly')}</p> : null}
      <ProblemBanner error={settings.error} />
      {settings.isPending ? <p className="loading">{t('common.loading')}</p> : null}
      {settings.data ? (
        <ResourceForm
          fields={fields}
          schema={SettingsUpdate}
          mode="edit"
          record={settings.data}
          isReadOnly={!isAdmin}
          submitLabel="action.save"
          onSubmit={(body) => callApi<Settings>('PATCH', '/settings', body)}
          onSaved={(saved) => queryClient.setQueryData(['settings'], saved)}
        />
      ) : null}
    </section>
  );
}
