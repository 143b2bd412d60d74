import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { PAGE_SIZE, queryKeys, toApiError, useContactPages, type ContactPage, type ContactSummary } from '../api';

export const ROW_HEIGHT = 62;

/**
 * Data and virtualisation of the contact list: the total comes from ContactPage.total, and the
 * rows are fetched in pages of PAGE_SIZE as they scroll into view (one query per page index,
 * keyed by the search text).
 */
export function useContactList(query: string) {
  const qc = useQueryClient();
  const scrollRef = useRef<HTMLDivElement | null>(null);
  // The total from the latest page answer; kept while a new search loads.
  const [total, setTotal] = useState(0);
  const totalRef = useRef(0);
  totalRef.current = total;

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });

  const items = virtualizer.getVirtualItems();
  const firstIndex = items.length ? items[0].index : 0;
  const lastIndex = items.length ? items[items.length - 1].index : 0;
  const firstPage = Math.floor(firstIndex / PAGE_SIZE);
  const lastPage = Math.floor(lastIndex / PAGE_SIZE);
  const pages = useMemo(() => {
    const out: number[] = [];
    for (let p = firstPage; p <= lastPage; p++) out.push(p);
    return out;
  }, [firstPage, lastPage]);

  const results = useContactPages(query, pages);

  // Pages on screen, including a previous search's page while the new one loads.
  const shown = new Map<number, ContactPage>();
  let fresh: ContactPage | undefined;
  let placeholder: ContactPage | undefined;
  results.forEach((r, i) => {
    if (!r.data) return;
    shown.set(pages[i], r.data);
    if (r.isPlaceholderData) placeholder ??= r.data;
    else fresh ??= r.data;
  });
  const answeredTotal = (fresh ?? placeholder)?.total;
  if (answeredTotal !== undefined && answeredTotal !== total) {
    // Adjusting state while rendering: React re-renders at once with the new count.
    setTotal(answeredTotal);
  }
  const hasData = fresh !== undefined || placeholder !== undefined;

  const error = results.find((r) => r.isError && !r.data)?.error;
  const isLoading = !hasData && !error;
  const isFetching = results.some((r) => r.isFetching);
  const isStale = !fresh && placeholder !== undefined; // showing the previous search's rows

  const pageData = (page: number): ContactPage | undefined =>
    shown.get(page) ?? qc.getQueryData<ContactPage>(queryKeys.contactPage(query, page));

  const rowAt = (index: number): ContactSummary | undefined => {
    const page = Math.floor(index / PAGE_SIZE);
    return pageData(page)?.items[index - page * PAGE_SIZE];
  };

  /** Index of a contact among the loaded rows, or -1. */
  const indexOf = (id: string): number => {
      const seen = new Set<number>();
      const check = (page: number, data: ContactPage | undefined) => {
        if (!data || seen.has(page)) return -1;
        seen.add(page);
        const i = data.items.findIndex((c) => c.id === id);
        return i >= 0 ? page * PAGE_SIZE + i : -1;
      };
      for (const [page, data] of shown) {
        const i = check(page, data);
        if (i >= 0) return i;
      }
      for (const [key, data] of qc.getQueriesData<ContactPage>({ queryKey: ['contacts', 'page', query] })) {
        const i = check(Number(key[3]), data);
        if (i >= 0) return i;
      }
      return -1;
  };

  // A new search starts at the top.
  useEffect(() => {
    virtualizer.scrollToOffset(0);
  }, [query, virtualizer]);

  const scrollToIndex = useCallback(
    (index: number) => {
      if (index >= 0 && index < totalRef.current) virtualizer.scrollToIndex(index, { align: 'auto' });
    },
    [virtualizer],
  );

  return {
    scrollRef,
    virtualizer,
    items,
    total,
    hasData,
    isLoading,
    isFetching,
    isStale,
    error: error ? toApiError(error) : undefined,
    rowAt,
    indexOf,
    scrollToIndex,
    refetch: () => qc.invalidateQueries({ queryKey: queryKeys.contactPages }),
  };
}

export type ContactListState = ReturnType<typeof useContactList>;
