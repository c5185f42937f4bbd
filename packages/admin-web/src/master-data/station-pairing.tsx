import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { StationWithPairingCode } from '@storelink/contracts';
import { callApi } from '../api/api-client';
import { useSession } from '../auth/session';
import { ProblemBanner } from '../forms/problem-banner';
import { useI18n } from '../i18n/i18n';
import { formatDateTime } from './cells';

export interface PairingCode {
  code: string;
  expiresAt: string;
}

/**
 * A station's pairing state: the one-time code right after creating the station or issuing a
 * new one (the server keeps only its hash, so it is shown once), and when the station last paired.
 */
export function StationPairing({
  station,
  initial,
}: {
  station: Record<string, unknown>;
  initial?: PairingCode | undefined;
}) {
  const { t, language } = useI18n();
  const { canWrite } = useSession();
  const [pairing, setPairing] = useState<PairingCode | undefined>(initial);
  const issue = useMutation({
    mutationFn: () => callApi<StationWithPairingCode>('POST', `/stations/${String(station.id)}/pairing-code`),
    onSuccess: (answer) => setPairing({ code: answer.pairingCode, expiresAt: answer.pairingCodeExpiresAt }),
  });
  const text = (name: string) => {
    const value = station[name];
    return typeof value === 'string' ? value : undefined;
  };
  const pairedAt = text('pairedAt');
  const lastSeenAt = text('lastSeenAt');

  return (
    <div className="card pairing">
      <h2>{t('station.pairing')}</h2>
      {pairing ? (
        <div className="pairing-code" role="status">
          <span>{t('station.pairingCode')}</span>
          <code data-testid="pairing-code">{pairing.code}</code>
          <small>{t('station.pairingExpires', { when: formatDateTime(pairing.expiresAt, language) })}</small>
          <small className="muted">{t('station.pairingHowTo', { code: pairing.code })}</small>
        </div>
      ) : (
        <p className="muted">{t('station.pairingHidden')}</p>
      )}
      <dl className="facts">
        <dt>{t('field.incarnation')}</dt>
        <dd>{typeof station.incarnation === 'number' ? station.incarnation : 0}</dd>
        <dt>{t('field.pairedAt')}</dt>
        <dd>{pairedAt ? formatDateTime(pairedAt, language) : t('station.neverPaired')}</dd>
        <dt>{t('field.lastSeenAt')}</dt>
        <dd>{lastSeenAt ? formatDateTime(lastSeenAt, language) : '—'}</dd>
        <dt>{t('field.hostname')}</dt>
        <dd>{text('hostname') ?? '—'}</dd>
        <dt>{t('field.appVersion')}</dt>
        <dd>{text('appVersion') ?? '—'}</dd>
      </dl>
      <ProblemBanner error={issue.error} />
      {canWrite ? (
        <button type="button" className="secondary" disabled={issue.isPending} onClick={() => issue.mutate()}>
          {t('station.issueCode')}
        </button>
      ) : null}
    </div>
  );
}
