import { Link } from 'react-router';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { resources } from './resources';

/** Cadastros: one card per master-data resource of SPEC §5.1, plus product import and settings. */
export function MasterDataPage() {
  const { t } = useI18n();
  const { canWrite } = useSession();
  return (
    <section>
      <h1>{t('nav.masterData')}</h1>
      <p className="muted">{t('masterData.intro')}</p>
      <ul className="cards">
        {resources.map((resource) => (
          <li key={resource.key} className="card">
            <h2>
              <Link to={`/master-data/${resource.key}`}>{t(resource.title)}</Link>
            </h2>
            <p className="muted">{t(resource.description)}</p>
          </li>
        ))}
        {canWrite ? (
          <li className="card">
            <h2>
              <Link to="/master-data/products/import">{t('import.title')}</Link>
            </h2>
            <p className="muted">{t('import.card')}</p>
          </li>
        ) : null}
        <li className="card">
          <h2>
            <Link to="/settings">{t('nav.settings')}</Link>
          </h2>
          <p className="muted">{t('settings.card')}</p>
        </li>
      </ul>
    </section>
  );
}
