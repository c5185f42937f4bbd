import { NavLink } from 'react-router';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n/i18n';

/** Settings and users; the users tab is for admins only (users are admin-only in the API). */
export function SettingsTabs() {
  const { t } = useI18n();
  const { isAdmin } = useSession();
  return (
    <nav className="tabs" aria-label={t('nav.settings')}>
      <NavLink to="/settings" end>
        {t('settings.parameters')}
      </NavLink>
      {isAdmin ? <NavLink to="/settings/users">{t('settings.users')}</NavLink> : null}
    </nav>
  );
}
