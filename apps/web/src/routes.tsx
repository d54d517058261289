import { CAPABILITIES, can, type Permission, type SessionStage } from '@enlace/shared';
import { Center, Loader } from '@mantine/core';
import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { AppLayout } from './components/AppLayout';
import { useMe, useSession } from './features/auth/auth.queries';
import { BUILT_CAPABILITIES } from './navigation';
import { AgenciesPage } from './pages/admin/AgenciesPage';
import { AuditPage } from './pages/admin/AuditPage';
import { CountriesPage } from './pages/admin/CountriesPage';
import { UsersPage } from './pages/admin/UsersPage';
import { VocabulariesPage } from './pages/admin/VocabulariesPage';
import { CapabilityPage } from './pages/CapabilityPage';
import { ExchangeInboxPage } from './pages/exchange/ExchangeInboxPage';
import { HandlingRequestsPage } from './pages/exchange/HandlingRequestsPage';
import { NewExchangePage } from './pages/exchange/NewExchangePage';
import { ThreadPage } from './pages/exchange/ThreadPage';
import { ChangePasswordPage } from './pages/ChangePasswordPage';
import { CaseDetailPage } from './pages/cases/CaseDetailPage';
import { CasesPage } from './pages/cases/CasesPage';
import { AuthorisationsPage } from './pages/directory/AuthorisationsPage';
import { DirectoryPage } from './pages/directory/DirectoryPage';
import { HomePage } from './pages/HomePage';
import { IncidentDetailPage } from './pages/incidents/IncidentDetailPage';
import { IncidentFormPage } from './pages/incidents/IncidentFormPage';
import { IncidentImportPage } from './pages/incidents/IncidentImportPage';
import { IncidentsPage } from './pages/incidents/IncidentsPage';
import { MfaPage } from './pages/MfaPage';
import { NoAccessPage } from './pages/NoAccessPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { NotificationsPage } from './pages/NotificationsPage';
import { ProfilePage } from './pages/ProfilePage';
import { CentresPage } from './pages/registry/CentresPage';
import { PersonPage } from './pages/registry/PersonPage';
import { RegistrySearchPage } from './pages/registry/RegistrySearchPage';
import { ReleaseChecksPage } from './pages/registry/ReleaseChecksPage';
import { StayPage } from './pages/registry/StayPage';
import { CrisisPage } from './pages/registry/CrisisPage';
import { SharesPage } from './pages/registry/SharesPage';
import { SignInPage } from './pages/SignInPage';
import { DuplicatesPage } from './pages/registry/DuplicatesPage';
import { DatabasesPage } from './pages/stats/DatabasesPage';
import { BelongingsDiscrepanciesPage } from './pages/registry/BelongingsDiscrepanciesPage';
import { BelongingsPage } from './pages/registry/BelongingsPage';

// The dashboard (echarts) and the map (Leaflet, world boundaries) are the heaviest screens: they
// load when first opened, not with the application.
const DashboardPage = lazy(() => import('./pages/stats/DashboardPage'));
const MapPage = lazy(() => import('./pages/stats/MapPage'));
// A centre's page and the regional view draw charts and data tables of the statistics (echarts).
const CentrePage = lazy(() => import('./pages/registry/CentrePage'));
const RegionalPage = lazy(() => import('./pages/registry/RegionalPage'));

function Lazy({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Suspense
      fallback={
        <Center py="xl">
          <Loader aria-label={t('a11y.loading')} />
        </Center>
      }
    >
      {children}
    </Suspense>
  );
}

/** The screen of a sign-in's next step: the second factor, or a password to choose. */
function pendingStepPath(stage: SessionStage): string {
  return stage === 'password_change_required' ? '/change-password' : '/mfa';
}

/** The application proper: only for a fully signed-in session. */
function RequireSignedIn({ children }: { children: ReactNode }) {
  const { data: session } = useSession();
  const location = useLocation();
  if (session?.stage === 'signed_in' && session.user) return children;
  if (session?.stage) return <Navigate to={pendingStepPath(session.stage)} replace />;
  return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;
}

/** Sign-in: a signed-in user goes on to where they were heading, or home. */
function RequireSignedOut({ children }: { children: ReactNode }) {
  const { data: session } = useSession();
  const location = useLocation();
  const from = (location.state as { from?: unknown } | null)?.from;
  if (session?.stage === 'signed_in') {
    return <Navigate to={typeof from === 'string' && from.startsWith('/') ? from : '/'} replace />;
  }
  if (session?.stage) return <Navigate to={pendingStepPath(session.stage)} replace />;
  return children;
}

function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const me = useMe();
  return can(me.role, permission) ? children : <NoAccessPage />;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route
        path="/sign-in"
        element={
          <RequireSignedOut>
            <SignInPage />
          </RequireSignedOut>
        }
      />
      <Route path="/mfa" element={<MfaPage />} />
      <Route path="/change-password" element={<ChangePasswordPage />} />
      <Route
        element={
          <RequireSignedIn>
            <AppLayout />
          </RequireSignedIn>
        }
      >
        <Route index element={<HomePage />} />
        <Route path="profile" element={<ProfilePage />} />
        <Route path="notifications" element={<NotificationsPage />} />
        {CAPABILITIES.filter((c) => !BUILT_CAPABILITIES.has(c.key)).map((c) => (
          <Route key={c.key} path={c.path} element={<CapabilityPage key={c.key} capability={c} />} />
        ))}
        <Route
          path="directory"
          element={
            <RequirePermission permission="directory.read">
              <DirectoryPage />
            </RequirePermission>
          }
        />
        <Route
          path="directory/authorisations"
          element={
            <RequirePermission permission="directory.manage">
              <AuthorisationsPage />
            </RequirePermission>
          }
        />
        <Route
          path="registry/duplicates"
          element={
            <RequirePermission permission="registry.read">
              <DuplicatesPage />
            </RequirePermission>
          }
        />
        <Route path="incidents" element={<IncidentsPage />} />
        <Route path="incidents/new" element={<IncidentFormPage key="create" mode="create" />} />
        <Route path="incidents/import" element={<IncidentImportPage />} />
        <Route
          path="incidents/:id"
          element={
            <RequirePermission permission="incidents.read">
              <IncidentDetailPage />
            </RequirePermission>
          }
        />
        <Route path="incidents/:id/edit" element={<IncidentFormPage key="correction" mode="correction" />} />
        <Route
          path="incidents/:id/follow-up"
          element={<IncidentFormPage key="follow_up" mode="follow_up" />}
        />
        <Route
          path="registry/shares"
          element={
            <RequirePermission permission="registry.read">
              <SharesPage />
            </RequirePermission>
          }
        />
        <Route path="cases" element={<CasesPage />} />
        <Route
          path="cases/:id"
          element={
            <RequirePermission permission="cases.read">
              <CaseDetailPage />
            </RequirePermission>
          }
        />
        <Route
          path="stats"
          element={
            <RequirePermission permission="stats.read">
              <Lazy>
                <DashboardPage />
              </Lazy>
            </RequirePermission>
          }
        />
        <Route
          path="stats/map"
          element={
            <RequirePermission permission="stats.read">
              <Lazy>
                <MapPage />
              </Lazy>
            </RequirePermission>
          }
        />
        <Route
          path="stats/databases"
          element={
            <RequirePermission permission="stats.read">
              <DatabasesPage />
            </RequirePermission>
          }
        />
        <Route
          path="exchange"
          element={
            <RequirePermission permission="exchange.use">
              <ExchangeInboxPage />
            </RequirePermission>
          }
        />
        <Route
          path="exchange/new"
          element={
            <RequirePermission permission="exchange.use">
              <NewExchangePage />
            </RequirePermission>
          }
        />
        <Route
          path="exchange/requests"
          element={
            <RequirePermission permission="exchange.use">
              <HandlingRequestsPage />
            </RequirePermission>
          }
        />
        <Route
          path="exchange/:id"
          element={
            <RequirePermission permission="exchange.use">
              <ThreadPage />
            </RequirePermission>
          }
        />
        <Route path="registry" element={<RegistrySearchPage />} />
        <Route path="registry/persons/:id" element={<PersonPage />} />
        <Route path="registry/stays/:id" element={<StayPage />} />
        <Route path="registry/centres" element={<CentresPage />} />
        <Route
          path="registry/centres/:id"
          element={
            <Lazy>
              <CentrePage />
            </Lazy>
          }
        />
        <Route path="registry/release-checks" element={<ReleaseChecksPage />} />
        <Route
          path="registry/regional"
          element={
            <Lazy>
              <RegionalPage />
            </Lazy>
          }
        />
        <Route
          path="admin/users"
          element={
            <RequirePermission permission="users.read">
              <UsersPage />
            </RequirePermission>
          }
        />
        <Route
          path="admin/agencies"
          element={
            <RequirePermission permission="agencies.manage">
              <AgenciesPage />
            </RequirePermission>
          }
        />
        <Route
          path="admin/countries"
          element={
            <RequirePermission permission="countries.read">
              <CountriesPage />
            </RequirePermission>
          }
        />
        <Route
          path="admin/vocabularies"
          element={
            <RequirePermission permission="vocabularies.manage">
              <VocabulariesPage />
            </RequirePermission>
          }
        />
        <Route
          path="admin/audit"
          element={
            <RequirePermission permission="audit.read">
              <AuditPage />
            </RequirePermission>
          }
        />
        <Route
          path="registry/crisis"
          element={
            <RequirePermission permission="registry.read">
              <CrisisPage />
            </RequirePermission>
          }
        />
        <Route
          path="registry/stays/:id/belongings"
          element={
            <RequirePermission permission="registry.read">
              <BelongingsPage />
            </RequirePermission>
          }
        />
        <Route
          path="registry/belongings/discrepancies"
          element={
            <RequirePermission permission="registry.supervise">
              <BelongingsDiscrepanciesPage />
            </RequirePermission>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
