import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { callApi } from '../api/api-client';
import type { ResourceDef } from './resources';

/** A master-data record as lists and forms hold it: the contract shape, loosely typed. */
export interface Listed {
  id: string;
  code: string;
  active: boolean;
  [field: string]: unknown;
}

/** Drops every cached list, record and suggestion of a resource after a write. */
export function invalidateResource(queryClient: QueryClient, key: string) {
  void queryClient.invalidateQueries({ queryKey: ['list', key] });
  void queryClient.invalidateQueries({ queryKey: ['record', key] });
  void queryClient.invalidateQueries({ queryKey: ['codes', key] });
}

/** The active/inactive switch of a row or record: DELETE deactivates, PATCH reactivates. */
export function useActivation(resource: ResourceDef) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, activate }: { id: string; activate: boolean }) =>
      activate
        ? callApi<Listed>('PATCH', `${resource.apiPath}/${id}`, { active: true })
        : callApi<Listed>('DELETE', `${resource.apiPath}/${id}`),
    onSuccess: () => invalidateResource(queryClient, resource.key),
  });
}
