import { Suspense } from 'react';
import { NavLink, Outlet } from 'react-router';
import type { MessageKey } from '../i18n/messages.pt-BR';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../auth/session';
import { LanguageSwitch } from './language-switch';

interface NavEntry {
  to: string;
  label: MessageKey;
  end?: boolean;
}

/** The console's areas (issue 7). Monitoring, stations, errors and summaries fill in later. */
export const navigation: readonly NavEntry[] = [
  { to: '/', label: 'nav.monitoring', end: true },
  { to: '/stations', label: 'nav.stations' },
  { to: '/integration-errors', label: 'nav.integrationErrors' },
  { to: '/sales-summary', label: 'nav.salesSummary' },
  { to: '/audit', label: 'nav.audit' },
  { to: '/master-data', label: 'nav.masterData' },
  { to: '/settings', label: 'nav.settings' },
];

export function AppShell() {
  const { t } = useI18n();
  const { me, logout } = useSession();
  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">
          storelink <span className="muted">· {t('app.backOffice')}</span>
        </span>
        <div className="topbar-right">
          <LanguageSwitch />
          {me ? (
            <span className="who" data-testid="who">
              {me.username} <span className={`role role-${me.role}`}>{t(`option.userRole.${me.role}`)}</span>
            </span>
          ) : null}
          <button type="button" className="link-button" onClick={() => void logout()}>
            {t('app.logout')}
          </button>
        </div>
      </header>
      <nav className="sidebar" aria-label={t('app.navigation')}>
        <ul>
          {navigation.map((entry) => (
            <li key={entry.to}>
              <NavLink to={entry.to} end={entry.end ?? false}>
                {t(entry.label)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content">
        <Suspense fallback={<p className="loading">{t('common.loading')}</p>}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
