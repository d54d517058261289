import type { Home } from '@enlace/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';

/** The user's work queue; refreshed when they come back to it (a share may have arrived). */
export function useHome() {
  return useQuery({ queryKey: ['home'], queryFn: () => api<Home>('/api/home'), refetchOnMount: 'always' });
}
