import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import type { LoginResponse, UserRole } from '@storelink/contracts';
import { callApi, clearToken, readToken, saveToken, setUnauthorizedHandler } from '../api/api-client';
import { useI18n } from '../i18n/i18n';

export interface Me {
  username: string;
  role: UserRole;
}

interface Session {
  me: Me | undefined;
  hasToken: boolean;
  login: (username: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
  /** admin and operator write master data; an auditor only reads (SPEC §5). */
  canWrite: boolean;
  isAdmin: boolean;
}

const SessionContext = createContext<Session | undefined>(undefined);
const FLASH_KEY = 'storelink.flash';

/** Why the login page is shown, set when a session ends by itself (a 401). */
export function takeLoginFlash(): string | null {
  const flash = sessionStorage.getItem(FLASH_KEY);
  sessionStorage.removeItem(FLASH_KEY);
  return flash;
}

/**
 * Who is logged in, from `GET /auth/me`. Any 401 from the API ends the session and returns to
 * the login page with a message, keeping where the operator was so login can bring them back.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const [hasToken, setHasToken] = useState(() => readToken() !== null);
  const [me, setMe] = useState<Me | undefined>(undefined);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      sessionStorage.setItem(FLASH_KEY, 'expired');
      setHasToken(false);
      setMe(undefined);
      queryClient.clear();
      void navigate('/login', { state: { from: window.location.pathname + window.location.search } });
    });
  }, [navigate, queryClient]);

  useEffect(() => {
    if (!hasToken || me) return;
    callApi<Me>('GET', '/auth/me').then(setMe, () => undefined);
  }, [hasToken, me, location.key]);

  const login = useCallback(async (username: string, password: string) => {
    const session = await callApi<LoginResponse>('POST', '/auth/login', { username, password });
    saveToken(session.token);
    setMe(session.user);
    setHasToken(true);
  }, []);

  const logout = useCallback(async () => {
    try {
      await callApi('POST', '/auth/logout');
    } finally {
      clearToken();
      setHasToken(false);
      setMe(undefined);
      queryClient.clear();
      void navigate('/login');
    }
  }, [navigate, queryClient]);

  const value = useMemo<Session>(
    () => ({
      me,
      hasToken,
      login,
      logout,
      canWrite: me?.role === 'admin' || me?.role === 'operator',
      isAdmin: me?.role === 'admin',
    }),
    [me, hasToken, login, logout],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const context = useContext(SessionContext);
  if (!context) throw new Error('useSession must be used inside <SessionProvider>.');
  return context;
}

/** Routes behind the login: no token → login page; token being checked → a short wait. */
export function RequireSession() {
  const { hasToken, me } = useSession();
  const location = useLocation();
  const { t } = useI18n();
  if (!hasToken)
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (!me) return <p className="loading">{t('common.loading')}</p>;
  return <Outlet />;
}
