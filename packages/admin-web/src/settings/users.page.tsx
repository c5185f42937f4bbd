import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { UserCreate, UserUpdate, type User } from '@storelink/contracts';
import { callApi } from '../api/api-client';
import { useSession } from '../auth/session';
import type { FieldDef } from '../forms/form-model';
import { ProblemBanner } from '../forms/problem-banner';
import { ResourceForm } from '../forms/resource-form';
import { useI18n } from '../i18n/i18n';
import { userRoleOptions } from '../master-data/options';
import { SettingsTabs } from './settings-tabs';

const fields: readonly FieldDef[] = [
  { name: 'username', label: 'field.username', kind: 'code' },
  { name: 'password', label: 'field.password', kind: 'secret', hint: 'hint.password' },
  {
    name: 'role',
    label: 'field.userRole',
    kind: 'select',
    options: userRoleOptions,
    defaultValue: 'operator',
  },
  { name: 'active', label: 'field.active', kind: 'checkbox', only: 'edit' },
];

/** Back-office users (`/users`, admin only): create, change role or password, deactivate. */
export function UsersPage() {
  const { t } = useI18n();
  const { isAdmin } = useSession();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<User | 'new' | undefined>(undefined);
  const users = useQuery({
    queryKey: ['users'],
    enabled: isAdmin,
    queryFn: () => callApi<{ items: User[] }>('GET', '/users'),
  });

  if (!isAdmin) {
    return (
      <section>
        <h1>{t('nav.settings')}</h1>
        <SettingsTabs />
        <p className="notice">{t('users.adminOnly')}</p>
      </section>
    );
  }

  const saved = () => {
    setEditing(undefined);
    void queryClient.invalidateQueries({ queryKey: ['users'] });
  };

  return (
    <section>
      <h1>{t('nav.settings')}</h1>
      <SettingsTabs />
      <div className="page-head">
        <h2>{t('settings.users')}</h2>
        <button type="button" className="primary" onClick={() => setEditing('new')}>
          {t('users.new')}
        </button>
      </div>
      {editing ? (
        <div className="card">
          <h3>{editing === 'new' ? t('users.new') : t('users.edit', { username: editing.username })}</h3>
          <ResourceForm
            key={editing === 'new' ? 'new' : editing.id}
            fields={fields}
            schema={editing === 'new' ? UserCreate : UserUpdate}
            mode={editing === 'new' ? 'create' : 'edit'}
            {...(editing === 'new' ? {} : { record: editing })}
            isReadOnly={false}
            submitLabel={editing === 'new' ? 'action.create' : 'action.save'}
            onSubmit={(body) =>
              editing === 'new'
                ? callApi<User>('POST', '/users', body)
                : callApi<User>('PATCH', `/users/${editing.id}`, body)
            }
            onSaved={saved}
          >
            <button type="button" className="link-button" onClick={() => setEditing(undefined)}>
              {t('action.cancel')}
            </button>
          </ResourceForm>
        </div>
      ) : null}
      <ProblemBanner error={users.error} />
      <table className="data" data-testid="users-table">
        <thead>
          <tr>
            <th>{t('field.username')}</th>
            <th>{t('field.userRole')}</th>
            <th>{t('field.active')}</th>
            <th>{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {(users.data?.items ?? []).map((user) => (
            <tr key={user.id} data-code={user.username}>
              <td>{user.username}</td>
              <td>{t(`option.userRole.${user.role}`)}</td>
              <td>
                <span className={user.active ? 'badge badge-ok' : 'badge badge-off'}>
                  {user.active ? t('common.active') : t('common.inactive')}
                </span>
              </td>
              <td>
                <button type="button" className="link-button" onClick={() => setEditing(user)}>
                  {t('action.edit')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
