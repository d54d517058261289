import type {
  DemoAccounts,
  Locale,
  Me,
  MfaEnrolment,
  SessionItem,
  SessionStage,
  SessionView,
} from '@enlace/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from '../../api';
import { SESSION_KEY } from '../../query-client';

interface StageResult {
  stage: SessionStage;
  csrfToken: string;
}

const SESSIONS_KEY = ['auth', 'sessions'] as const;

export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: async () => {
      const view = await api<SessionView>('/api/auth/session');
      setCsrfToken(view.csrfToken);
      return view;
    },
    staleTime: 60_000,
  });
}

/** Demo mode only (the server has no such route otherwise): the demo accounts and their public password. */
export function useDemoAccounts(enabled: boolean) {
  return useQuery({
    queryKey: ['auth', 'demo-accounts'],
    queryFn: () => api<DemoAccounts>('/api/auth/demo-accounts'),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The signed-in user; only used below the signed-in gate, where the session is loaded. */
export function useMe(): Me {
  const { data } = useSession();
  if (!data?.user) throw new Error('useMe() outside the signed-in area');
  return data.user;
}

/** After a stage change the cookie and CSRF token are new: reload the session from the server. */
function useStageChange() {
  const queryClient = useQueryClient();
  return async (result: StageResult) => {
    setCsrfToken(result.csrfToken);
    await queryClient.invalidateQueries({ queryKey: SESSION_KEY });
  };
}

export function useSignIn() {
  const onStage = useStageChange();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) =>
      api<StageResult>('/api/auth/sign-in', { method: 'POST', body }),
    onSuccess: onStage,
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ ok: true }>('/api/auth/sign-out', { method: 'POST' }),
    // Whatever the answer, nothing of the previous user stays in memory.
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: SESSION_KEY });
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
    },
  });
}

export function useVerifyMfa() {
  const onStage = useStageChange();
  return useMutation({
    mutationFn: (code: string) =>
      api<StageResult>('/api/auth/mfa/verify', { method: 'POST', body: { code } }),
    onSuccess: onStage,
  });
}

export function useStartMfaEnrolment() {
  return useMutation({
    mutationFn: () => api<MfaEnrolment>('/api/auth/mfa/enrol', { method: 'POST' }),
  });
}

/**
 * Confirms enrolment. The session is not reloaded here: the recovery codes must be shown first,
 * and reloading would move a user who was still enrolling straight into the application.
 */
export function useConfirmMfaEnrolment() {
  return useMutation({
    mutationFn: (code: string) =>
      api<{ recoveryCodes: string[]; csrfToken: string }>('/api/auth/mfa/confirm', {
        method: 'POST',
        body: { code },
      }),
    onSuccess: (result) => setCsrfToken(result.csrfToken),
  });
}

export function useFinishMfaEnrolment() {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: SESSION_KEY });
    await queryClient.invalidateQueries({ queryKey: SESSIONS_KEY });
  };
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      api<StageResult>('/api/auth/password', { method: 'POST', body }),
    onSuccess: async (result) => {
      setCsrfToken(result.csrfToken);
      await queryClient.invalidateQueries({ queryKey: SESSIONS_KEY });
    },
  });
}

export function useSaveLocale() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (locale: Locale) =>
      api<{ ok: true }>('/api/auth/locale', { method: 'PUT', body: { locale } }),
    onSuccess: (_result, locale) => {
      queryClient.setQueryData<SessionView>(SESSION_KEY, (view) =>
        view?.user ? { ...view, user: { ...view.user, locale } } : view,
      );
    },
  });
}

export function useOwnSessions() {
  return useQuery({
    queryKey: SESSIONS_KEY,
    queryFn: () => api<SessionItem[]>('/api/auth/sessions'),
  });
}

export function useEndSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<{ ok: true }>(`/api/auth/sessions/${id}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SESSIONS_KEY }),
  });
}

const RECOVERY_KEY = ['auth', 'recovery-codes'] as const;

/** How many recovery codes the signed-in account has left. */
export function useRecoveryCodesLeft(enabled: boolean) {
  return useQuery({
    queryKey: RECOVERY_KEY,
    queryFn: () => api<{ left: number }>('/api/auth/mfa/recovery-codes'),
    enabled,
  });
}

/** Ten new recovery codes, on a current authenticator code; the old ones stop working. */
export function useReplaceRecoveryCodes() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) =>
      api<{ recoveryCodes: string[] }>('/api/auth/mfa/recovery-codes', { method: 'POST', body: { code } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: RECOVERY_KEY }),
  });
}
