import { formatBp, formatCents } from '../format/money';
import { useI18n } from '../i18n/i18n';
import type { ColumnDef } from './resources';

export function formatDateTime(value: string, language: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime())
    ? value
    : date.toLocaleString(language, { dateStyle: 'short', timeStyle: 'medium' });
}

/** One list cell, shown by the column's kind. */
export function Cell({ column, record }: { column: ColumnDef; record: Record<string, unknown> }) {
  const { t, language } = useI18n();
  const value = record[column.name];
  switch (column.kind) {
    case 'yesNo':
      if (column.name === 'active') {
        return (
          <span className={value === true ? 'badge badge-ok' : 'badge badge-off'}>
            {value === true ? t('common.active') : t('common.inactive')}
          </span>
        );
      }
      return <>{value === true ? t('common.yes') : t('common.no')}</>;
    case 'codes':
      return <>{Array.isArray(value) && value.length ? value.join(', ') : t('common.all')}</>;
    case 'cents':
      return <>{typeof value === 'number' ? formatCents(value) : '—'}</>;
    case 'bp':
      return <>{typeof value === 'number' ? formatBp(value, language) : '—'}</>;
    case 'dateTime':
      return <>{typeof value === 'string' ? formatDateTime(value, language) : '—'}</>;
    case 'option': {
      const option = column.options?.find((o) => o.value === value);
      return <>{option ? t(option.label) : typeof value === 'string' ? value : '—'}</>;
    }
    case 'count':
      return <>{Array.isArray(value) ? value.length : 0}</>;
    case 'text':
      return <>{typeof value === 'string' || typeof value === 'number' ? String(value) || '—' : '—'}</>;
  }
}
