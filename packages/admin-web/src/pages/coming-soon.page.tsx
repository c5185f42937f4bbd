import { Link } from 'react-router';
import type { MessageKey } from '../i18n/messages.pt-BR';
import { useI18n } from '../i18n/i18n';

/**
 * An area whose API is not there yet (monitoring, station query, integration errors, sale
 * summary): the route and navigation exist so the screen drops in without touching the shell.
 */
export function ComingSoonPage({ title, description }: { title: MessageKey; description: MessageKey }) {
  const { t } = useI18n();
  return (
    <section>
      <h1>{t(title)}</h1>
      <div className="card">
        <p>{t(description)}</p>
        <p className="muted">{t('comingSoon.note')}</p>
        <p>
          <Link to="/master-data">{t('comingSoon.goMasterData')}</Link> ·{' '}
          <Link to="/audit">{t('comingSoon.goAudit')}</Link>
        </p>
      </div>
    </section>
  );
}

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <section>
      <h1>{t('notFound.title')}</h1>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </section>
  );
}
