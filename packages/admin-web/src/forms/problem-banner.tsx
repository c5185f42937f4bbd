import { ApiError } from '../api/api-client';
import { describeErrorCode, useI18n } from '../i18n/i18n';

/**
 * A failed call at the top of a page or form: the error code in plain words, then the API's
 * own `detail` (what was wrong and what to do), and any messages no field could take.
 */
export function ProblemBanner({
  error,
  extra = [],
  showDetail = true,
}: {
  error: unknown;
  extra?: readonly string[];
  showDetail?: boolean;
}) {
  const { language } = useI18n();
  if (!error && !extra.length) return null;
  const problem = error instanceof ApiError ? error.problem : undefined;
  const words = problem ? describeErrorCode(language, problem.code) : undefined;
  const detail = problem ? problem.detail : error instanceof Error ? error.message : undefined;
  return (
    <div className="form-error" role="alert" data-code={problem?.code}>
      {words ? <strong>{words}</strong> : null}
      {showDetail && detail ? <p className="detail">{detail}</p> : null}
      {extra.length ? (
        <ul>
          {extra.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
