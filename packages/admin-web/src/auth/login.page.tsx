import { useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../api/api-client';
import { describeErrorCode, useI18n } from '../i18n/i18n';
import { LanguageSwitch } from '../layout/language-switch';
import { takeLoginFlash, useSession } from './session';

/** The first screen: username and password against `POST /auth/login`. */
export function LoginPage() {
  const { t, language } = useI18n();
  const { login, hasToken, me } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  const [flash] = useState(() => takeLoginFlash());
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [isBusy, setBusy] = useState(false);

  if (hasToken && me) return <Navigate to={from} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setBusy(true);
    try {
      await login(username, password);
      await navigate(from === '/login' ? '/' : from, { replace: true });
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 401) setError(t('login.wrong'));
      else if (failure instanceof ApiError) setError(describeErrorCode(language, failure.problem.code));
      else setError(String(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="login">
      <form className="login-card" onSubmit={(event) => void submit(event)} aria-labelledby="login-title">
        <div className="login-head">
          <h1 id="login-title">
            storelink <span className="muted">· {t('app.backOffice')}</span>
          </h1>
          <LanguageSwitch />
        </div>
        <p className="muted">{t('login.intro')}</p>
        {flash === 'expired' && !error ? (
          <p className="notice" role="status">
            {t('login.expired')}
          </p>
        ) : null}
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <label className="field">
          <span>{t('login.username')}</span>
          <input
            name="username"
            autoComplete="username"
            value={username}
            onChange={(event) => setUsername(event.target.value)}
            required
            autoFocus
          />
        </label>
        <label className="field">
          <span>{t('login.password')}</span>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            required
          />
        </label>
        <button type="submit" className="primary" disabled={isBusy}>
          {isBusy ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
    </main>
  );
}
