import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { PRODUCT_IMPORT_CSV_HEADER, type ImportResult } from '@storelink/contracts';
import { uploadWithProgress } from '../api/api-client';
import { useSession } from '../auth/session';
import { ProblemBanner } from '../forms/problem-banner';
import { useI18n } from '../i18n/i18n';

type Phase = 'idle' | 'uploading' | 'processing' | 'done' | 'failed';

/** CSV by default; `.ndjson`/`.jsonl` files are one product resource per line (SPEC §12.4). */
export function contentTypeOf(fileName: string): string {
  return /\.(ndjson|jsonl)$/i.test(fileName) ? 'application/x-ndjson' : 'text/csv';
}

/**
 * Product import: the file is uploaded with a progress bar, then the server upserts by code and
 * answers `{received, upserted, failed, errors[]}`; good rows are kept and each bad row is
 * listed with its line, code and detail.
 */
export function ProductImportPage() {
  const { t } = useI18n();
  const { canWrite } = useSession();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | undefined>(undefined);
  const [phase, setPhase] = useState<Phase>('idle');
  const [fraction, setFraction] = useState(0);
  const [result, setResult] = useState<ImportResult | undefined>(undefined);
  const [failure, setFailure] = useState<unknown>(undefined);

  async function upload(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    setPhase('uploading');
    setFraction(0);
    setResult(undefined);
    setFailure(undefined);
    try {
      const answer = await uploadWithProgress<ImportResult>(
        '/products/import',
        file,
        contentTypeOf(file.name),
        (sent) => {
          setFraction(sent);
          if (sent >= 1) setPhase('processing');
        },
      );
      setResult(answer);
      setPhase('done');
      void queryClient.invalidateQueries({ queryKey: ['list', 'products'] });
      void queryClient.invalidateQueries({ queryKey: ['codes', 'products'] });
    } catch (error) {
      setFailure(error);
      setPhase('failed');
    }
  }

  const percent = Math.round(fraction * 100);
  return (
    <section>
      <p className="breadcrumb">
        <Link to="/master-data">{t('nav.masterData')}</Link> /{' '}
        <Link to="/master-data/products">{t('resource.products')}</Link> /
      </p>
      <h1>{t('import.title')}</h1>
      <p className="muted">{t('import.intro')}</p>
      <pre className="csv-header">{PRODUCT_IMPORT_CSV_HEADER.join(',')}</pre>
      <p className="muted">{t('import.barcodesHint')}</p>
      {canWrite ? (
        <form className="card" onSubmit={(event) => void upload(event)}>
          <label className="field">
            <span>{t('import.file')}</span>
            <input
              name="file"
              type="file"
              accept=".csv,.ndjson,.jsonl,text/csv,application/x-ndjson"
              onChange={(event) => setFile(event.target.files?.[0])}
            />
          </label>
          <button
            type="submit"
            className="primary"
            disabled={!file || phase === 'uploading' || phase === 'processing'}
          >
            {t('import.send')}
          </button>
        </form>
      ) : (
        <p className="notice">{t('common.readOnly')}</p>
      )}
      {phase === 'uploading' || phase === 'processing' || phase === 'done' ? (
        <div className="progress-block" aria-live="polite">
          <progress max={100} value={percent} aria-label={t('import.progress')} />
          <span data-testid="import-phase">
            {phase === 'uploading'
              ? t('import.uploading', { percent })
              : phase === 'processing'
                ? t('import.processing')
                : t('import.done')}
          </span>
        </div>
      ) : null}
      <ProblemBanner error={failure} />
      {result ? <ImportReport result={result} /> : null}
    </section>
  );
}

function ImportReport({ result }: { result: ImportResult }) {
  const { t } = useI18n();
  return (
    <div className="card" data-testid="import-result">
      <dl className="facts">
        <dt>{t('import.received')}</dt>
        <dd>{result.received}</dd>
        <dt>{t('import.upserted')}</dt>
        <dd>{result.upserted}</dd>
        <dt>{t('import.failed')}</dt>
        <dd className={result.failed ? 'danger' : undefined}>{result.failed}</dd>
      </dl>
      {result.errors.length ? (
        <>
          <h2>{t('import.errors')}</h2>
          {result.failed > result.errors.length ? (
            <p className="muted">{t('import.errorsTruncated', { shown: result.errors.length })}</p>
          ) : null}
          <table className="data" data-testid="import-errors">
            <thead>
              <tr>
                <th className="number">{t('import.line')}</th>
                <th>{t('import.code')}</th>
                <th>{t('import.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {result.errors.map((error) => (
                <tr key={`${error.line}-${error.code}`}>
                  <td className="number">{error.line}</td>
                  <td>
                    <code>{error.code}</code>
                  </td>
                  <td>{error.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : (
        <p className="notice">{t('import.noErrors')}</p>
      )}
    </div>
  );
}
