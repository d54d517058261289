import type { FileLimits } from '@enlace/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';

/** What the server accepts (its size limit is configured): stated in the field before choosing. */
export function useFileLimits() {
  return useQuery({
    queryKey: ['files', 'limits'],
    queryFn: () => api<FileLimits>('/api/files/limits'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
