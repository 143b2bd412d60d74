// The search box's query hook (kept apart from search.ts so tests can replace searchAll).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { searchAll } from './search';

export const searchKeys = { all: ['search'] as const, text: (text: string) => ['search', text] as const };

/**
 * The hits for text (already debounced by the caller). Each text is its own query, so an answer
 * that arrives late for an older text is never shown for a newer one; the previous hits stay on
 * screen (isPlaceholderData) until the new ones arrive.
 */
export function useSearch(text: string) {
  const q = text.trim();
  return useQuery({
    queryKey: searchKeys.text(q),
    queryFn: () => searchAll(q),
    enabled: q !== '',
    placeholderData: keepPreviousData,
    staleTime: 5_000,
    gcTime: 30_000,
  });
}
