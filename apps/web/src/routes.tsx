import { CAPABILITIES, can, type Permission } from '@enlace/shared';
import type { ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { AppLayout } from './components/AppLayout';
import { useMe, useSession } from './features/auth/auth.queries';
import { AgenciesPage } from './pages/admin/AgenciesPage';
import { CountriesPage } from './pages/admin/CountriesPage';
import { UsersPage } from './pages/admin/UsersPage';
import { CapabilityPage } from './pages/CapabilityPage';
import { HomePage } from './pages/HomePage';
import { MfaPage } from './pages/MfaPage';
import { NoAccessPage } from './pages/NoAccessPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { ProfilePage } from './pages/ProfilePage';
import { SignInPage } from './pages/SignInPage';

/** The application proper: only for a fully signed-in session. */
function RequireSignedIn({ children }: { children: ReactNode }) {
  const { data: session } = useSession();
  const location = useLocation();
  if (session?.stage === 'signed_in' && session.user) return children;
  if (session?.stage) return <Navigate to="/mfa" replace />;
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
  if (session?.stage) return <Navigate to="/mfa" replace />;
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
      <Route
        element={
          <RequireSignedIn>
            <AppLayout />
          </RequireSignedIn>
        }
      >
        <Route index element={<HomePage />} />
        <Route path="profile" element={<ProfilePage />} />
        {CAPABILITIES.map((c) => (
          <Route key={c.key} path={c.path} element={<CapabilityPage key={c.key} capability={c} />} />
        ))}
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
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
