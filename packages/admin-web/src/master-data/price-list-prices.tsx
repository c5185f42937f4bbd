import { useState, type FormEvent } from 'react';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { Price, type Price as PriceRow } from '@storelink/contracts';
import { ApiError, callApi, fetchPage } from '../api/api-client';
import { useSession } from '../auth/session';
import { validateAgainst, type FieldErrors } from '../forms/field-errors';
import { inputId } from '../forms/fields';
import { ProblemBanner } from '../forms/problem-banner';
import { apiFieldErrors, ruleWords } from '../forms/resource-form';
import { formatCents, formatCentsInput, parseCents } from '../format/money';
import { useI18n } from '../i18n/i18n';

const PAGE_SIZE = 50;

/**
 * The prices of one price list: search by SKU code prefix, "load more", and set one price
 * (`PUT /price-lists/:id/prices/:skuCode`). Bulk price files go through the API or the CLI.
 */
export function PriceListPrices({ priceListId }: { priceListId: string }) {
  const { t } = useI18n();
  const { canWrite } = useSession();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [skuCode, setSkuCode] = useState('');
  const [price, setPrice] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(undefined);
  const [saved, setSaved] = useState<string | undefined>(undefined);
  const [isBusy, setBusy] = useState(false);

  const prices = useInfiniteQuery({
    queryKey: ['prices', priceListId, q],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      fetchPage<PriceRow>(`/price-lists/${priceListId}/prices`, { limit: PAGE_SIZE, q, cursor: pageParam }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = prices.data?.pages.flatMap((page) => page.items) ?? [];

  async function setOne(event: FormEvent) {
    event.preventDefault();
    setSaved(undefined);
    const words = ruleWords(t);
    const priceCents = parseCents(price);
    const local: FieldErrors = validateAgainst(
      Price,
      { skuCode: skuCode.trim(), priceCents: priceCents ?? 0 },
      words,
    );
    if (priceCents === undefined) local.priceCents = [price.trim() === '' ? words.required() : words.money()];
    if (Object.keys(local).length) {
      setErrors(local);
      setFailure(new Error(t('form.fixFields')));
      return;
    }
    setBusy(true);
    try {
      const code = skuCode.trim();
      await callApi('PUT', `/price-lists/${priceListId}/prices/${encodeURIComponent(code)}`, { priceCents });
      setErrors({});
      setFailure(undefined);
      setSaved(t('prices.saved', { sku: code, price: formatCents(priceCents ?? 0) }));
      setSkuCode('');
      setPrice('');
      void queryClient.invalidateQueries({ queryKey: ['prices', priceListId] });
    } catch (error) {
      const fieldErrors = error instanceof ApiError ? apiFieldErrors(error, 'edit', {}) : {};
      // The SKU travels in the path: a 404 for it belongs next to the SKU field.
      if (error instanceof ApiError && error.problem.code === 'not_found')
        fieldErrors.skuCode = [error.problem.detail];
      setErrors(fieldErrors);
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="card prices">
      <h2>{t('prices.title')}</h2>
      {canWrite ? (
        <form
          className="filters"
          noValidate
          onSubmit={(event) => void setOne(event)}
          aria-label={t('prices.setOne')}
        >
          <div className={`field inline${errors.skuCode ? ' has-error' : ''}`}>
            <label htmlFor={inputId('skuCode')}>{t('field.skuCode')}</label>
            <input
              id={inputId('skuCode')}
              name="skuCode"
              value={skuCode}
              onChange={(e) => setSkuCode(e.target.value)}
            />
            {errors.skuCode ? (
              <ul className="field-error" id={`${inputId('skuCode')}-error`} role="alert">
                {errors.skuCode.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            ) : null}
          </div>
          <div className={`field inline${errors.priceCents ? ' has-error' : ''}`}>
            <label htmlFor={inputId('priceCents')}>
              {t('field.priceCents')} <span className="unit">(R$)</span>
            </label>
            <input
              id={inputId('priceCents')}
              name="priceCents"
              inputMode="decimal"
              placeholder="0,00"
              value={price}
              onChange={(e) => setPrice(e.target.value)}
            />
            {errors.priceCents ? (
              <ul className="field-error" id={`${inputId('priceCents')}-error`} role="alert">
                {errors.priceCents.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            ) : null}
          </div>
          <button type="submit" className="primary" disabled={isBusy}>
            {t('prices.setOne')}
          </button>
        </form>
      ) : null}
      {failure ? <ProblemBanner error={failure} showDetail={!errors.skuCode && !errors.priceCents} /> : null}
      {saved ? (
        <p className="notice" role="status">
          {saved}
        </p>
      ) : null}
      <form
        className="filters"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setQ(search.trim());
        }}
      >
        <label className="field inline">
          <span>{t('prices.search')}</span>
          <input
            name="priceSearch"
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </label>
        <button type="submit" className="secondary">
          {t('list.searchButton')}
        </button>
      </form>
      <ProblemBanner error={prices.error} />
      <table className="data" data-testid="prices-table">
        <thead>
          <tr>
            <th>{t('field.skuCode')}</th>
            <th className="number">{t('field.priceCents')}</th>
            {canWrite ? <th>{t('common.actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.skuCode} data-code={item.skuCode}>
              <td>{item.skuCode}</td>
              <td className="number">{formatCents(item.priceCents)}</td>
              {canWrite ? (
                <td>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => {
                      setSkuCode(item.skuCode);
                      setPrice(formatCentsInput(item.priceCents));
                    }}
                  >
                    {t('action.edit')}
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {prices.isSuccess && items.length === 0 ? <p className="empty">{t('prices.empty')}</p> : null}
      {prices.hasNextPage ? (
        <button type="button" className="secondary load-more" onClick={() => void prices.fetchNextPage()}>
          {t('list.loadMore')}
        </button>
      ) : null}
    </div>
  );
}
