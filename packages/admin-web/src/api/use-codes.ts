import { useQuery } from '@tanstack/react-query';
import { fetchPage } from './api-client';
import type { ReferenceKey } from '../forms/form-model';

export interface CodeOption {
  code: string;
  name: string;
}

/** At most this many suggestions; a longer list is typed, and the API checks the code. */
const SUGGESTIONS = 200;

/**
 * Active codes of a referenced resource, for suggestions next to a code field. Suggestions only:
 * the API still checks every code and names the field of a missing one.
 */
export function useCodes(reference: ReferenceKey | undefined): CodeOption[] {
  const query = useQuery({
    queryKey: ['codes', reference],
    enabled: reference !== undefined,
    staleTime: 30_000,
    queryFn: async () => {
      const page = await fetchPage<{ code: string; name: string }>(`/${reference}`, {
        active: true,
        limit: SUGGESTIONS,
      });
      return page.items.map((item) => ({ code: item.code, name: item.name }));
    },
  });
  return query.data ?? [];
}
