import { useI18n } from '../i18n/i18n';

export type DiffState = 'added' | 'removed' | 'changed' | 'same';

export interface DiffRow {
  field: string;
  before: unknown;
  after: unknown;
  state: DiffState;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Field-by-field comparison of an audit entry's `before` and `after` (either may be absent). */
export function diffRecords(before: unknown, after: unknown): DiffRow[] {
  const old = isRecord(before) ? before : {};
  const now = isRecord(after) ? after : {};
  const fields = [...new Set([...Object.keys(now), ...Object.keys(old)])];
  return fields.map((field) => {
    const inOld = field in old;
    const inNow = field in now;
    const state: DiffState = !inOld
      ? 'added'
      : !inNow
        ? 'removed'
        : JSON.stringify(old[field]) === JSON.stringify(now[field])
          ? 'same'
          : 'changed';
    return { field, before: old[field], after: now[field], state };
  });
}

function show(value: unknown): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Before/after of one audit entry, changed fields highlighted; station events show their details. */
export function AuditDiff({ before, after, details }: { before: unknown; after: unknown; details: unknown }) {
  const { t } = useI18n();
  const rows = diffRecords(before, after);
  return (
    <div className="audit-diff">
      {rows.length ? (
        <table className="data diff" data-testid="audit-diff">
          <thead>
            <tr>
              <th>{t('audit.field')}</th>
              <th>{t('audit.before')}</th>
              <th>{t('audit.after')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.field} className={`diff-${row.state}`}>
                <th scope="row">{row.field}</th>
                <td>
                  <code>{show(row.before)}</code>
                </td>
                <td>
                  <code>{show(row.after)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {details !== undefined && details !== null ? (
        <>
          <h3>{t('audit.details')}</h3>
          <pre>{JSON.stringify(details, null, 2)}</pre>
        </>
      ) : null}
    </div>
  );
}
