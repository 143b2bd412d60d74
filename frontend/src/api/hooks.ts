import { useEffect } from 'react';
import {
  QueryClient,
  useMutation,
  useQueries,
  useQuery,
  useQueryClient,
  type QueryKey,
} from '@tanstack/react-query';
import {
  createContact,
  deleteContact,
  getContact,
  listContacts,
  restoreContact,
  updateContact,
} from './contacts';
import { onEvent } from './events';
import { getSettings, setLanguage } from './settings';
import { getStatus } from './status';
import type { Contact, ContactInput, ContactPage, Language } from './types';

/** Rows per List call while scrolling. */
export const PAGE_SIZE = 100;

export const queryKeys = {
  contacts: ['contacts'] as const,
  contactPages: ['contacts', 'page'] as const,
  contactPage: (query: string, page: number) => ['contacts', 'page', query, page] as const,
  contact: (id: string) => ['contacts', 'detail', id] as const,
  settings: ['settings'] as const,
  status: ['status'] as const,
};

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // The backend is a local process: a failed call will not succeed on retry, and
        // freshness is driven by backend events, not by window focus.
        retry: false,
        refetchOnWindowFocus: false,
        staleTime: 30_000,
      },
      mutations: { retry: false },
    },
  });
}

/** Invalidates cached data when the backend says something changed. Mount once, near the root. */
export function useBackendEvents(): void {
  const qc = useQueryClient();
  useEffect(() => {
    const offContacts = onEvent('contacts:changed', () => {
      void qc.invalidateQueries({ queryKey: queryKeys.contacts });
      void qc.invalidateQueries({ queryKey: queryKeys.status });
    });
    const offStatus = onEvent('status:changed', () => {
      void qc.invalidateQueries({ queryKey: queryKeys.status });
    });
    return () => {
      offContacts();
      offStatus();
    };
  }, [qc]);
}

/**
 * One query per page index of the (virtualised) contact list, keyed by the search text.
 * While a page loads after the search text changed, the page with the same index from the
 * previous search stays visible (no flash of placeholders while typing).
 */
export function useContactPages(query: string, pages: number[]) {
  return useQueries({
    queries: pages.map((page) => ({
      queryKey: queryKeys.contactPage(query, page),
      queryFn: () => listContacts({ query, offset: page * PAGE_SIZE, limit: PAGE_SIZE }),
      placeholderData: (previous: ContactPage | undefined, previousQuery?: { queryKey: QueryKey }) =>
        previousQuery && previousQuery.queryKey[3] === page ? previous : undefined,
      gcTime: 60_000,
    })),
  });
}

export function useContact(id: string | null) {
  return useQuery({
    queryKey: queryKeys.contact(id ?? ''),
    queryFn: () => getContact(id as string),
    enabled: id !== null && id !== '',
  });
}

function useInvalidateAfterWrite() {
  const qc = useQueryClient();
  return (c: Contact) => {
    qc.setQueryData(queryKeys.contact(c.id), c);
    void qc.invalidateQueries({ queryKey: queryKeys.contactPages });
    void qc.invalidateQueries({ queryKey: queryKeys.status });
  };
}

export function useCreateContact() {
  const after = useInvalidateAfterWrite();
  return useMutation({ mutationFn: (input: ContactInput) => createContact(input), onSuccess: after });
}

export function useUpdateContact() {
  const after = useInvalidateAfterWrite();
  return useMutation({
    mutationFn: (v: { id: string; version: number; input: ContactInput }) => updateContact(v.id, v.version, v.input),
    onSuccess: after,
  });
}

export function useDeleteContact() {
  const after = useInvalidateAfterWrite();
  return useMutation({ mutationFn: (id: string) => deleteContact(id), onSuccess: after });
}

export function useRestoreContact() {
  const after = useInvalidateAfterWrite();
  return useMutation({ mutationFn: (id: string) => restoreContact(id), onSuccess: after });
}

export function useSettings() {
  return useQuery({ queryKey: queryKeys.settings, queryFn: getSettings, staleTime: Infinity });
}

export function useSetLanguage() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (lang: Language) => setLanguage(lang),
    onSuccess: (s) => qc.setQueryData(queryKeys.settings, s),
  });
}

export function useStatus() {
  return useQuery({ queryKey: queryKeys.status, queryFn: getStatus });
}
