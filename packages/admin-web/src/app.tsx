import { lazy } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ApiError } from './api/api-client';
import { LoginPage } from './auth/login.page';
import { RequireSession, SessionProvider } from './auth/session';
import { I18nProvider } from './i18n/i18n';
import { AppShell } from './layout/app-shell';
import { ComingSoonPage, NotFoundPage } from './pages/coming-soon.page';

// Each area is its own chunk: the login and the shell load first, the rest when opened.
const MasterDataPage = lazy(() =>
  import('./master-data/master-data.page').then((m) => ({ default: m.MasterDataPage })),
);
const ResourceListPage = lazy(() =>
  import('./master-data/resource-list.page').then((m) => ({ default: m.ResourceListPage })),
);
const ResourceEditPage = lazy(() =>
  import('./master-data/resource-edit.page').then((m) => ({ default: m.ResourceEditPage })),
);
const ProductImportPage = lazy(() =>
  import('./master-data/product-import.page').then((m) => ({ default: m.ProductImportPage })),
);
const AuditPage = lazy(() => import('./audit/audit.page').then((m) => ({ default: m.AuditPage })));
const SettingsPage = lazy(() =>
  import('./settings/settings.page').then((m) => ({ default: m.SettingsPage })),
);
const UsersPage = lazy(() => import('./settings/users.page').then((m) => ({ default: m.UsersPage })));

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // A 4xx will not change by asking again; a network failure or 503 may.
        retry: (count, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
        refetchOnWindowFocus: false,
      },
    },
  });
}

/** Routes of the console. Monitoring, station query, errors and summaries have their places ready. */
export function App({ queryClient }: { queryClient: QueryClient }) {
  return (
    <I18nProvider>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <SessionProvider>
            <Routes>
              <Route path="/login" element={<LoginPage />} />
              <Route element={<RequireSession />}>
                <Route element={<AppShell />}>
                  <Route
                    index
                    element={<ComingSoonPage title="nav.monitoring" description="comingSoon.monitoring" />}
                  />
                  <Route
                    path="stations/*"
                    element={<ComingSoonPage title="nav.stations" description="comingSoon.stations" />}
                  />
                  <Route
                    path="integration-errors/*"
                    element={
                      <ComingSoonPage
                        title="nav.integrationErrors"
                        description="comingSoon.integrationErrors"
                      />
                    }
                  />
                  <Route
                    path="sales-summary/*"
                    element={
                      <ComingSoonPage title="nav.salesSummary" description="comingSoon.salesSummary" />
                    }
                  />
                  <Route path="audit" element={<AuditPage />} />
                  <Route path="master-data" element={<MasterDataPage />} />
                  <Route path="master-data/products/import" element={<ProductImportPage />} />
                  <Route path="master-data/:resource" element={<ResourceListPage />} />
                  <Route path="master-data/:resource/:id" element={<ResourceEditPage />} />
                  <Route path="settings" element={<SettingsPage />} />
                  <Route path="settings/users" element={<UsersPage />} />
                  <Route path="*" element={<NotFoundPage />} />
                </Route>
              </Route>
            </Routes>
          </SessionProvider>
        </BrowserRouter>
      </QueryClientProvider>
    </I18nProvider>
  );
}
