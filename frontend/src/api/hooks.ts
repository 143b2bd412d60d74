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
import * as n from './normalize';
import {
  addAccountWithCalendars,
  discover,
  getSyncStatus,
  listAccounts,
  listConflicts,
  listOutbox,
  removeAccount,
  resolveConflict,
  setAddressBook,
  setSyncSettings,
  syncNow,
} from './sync';
import type {
  Account,
  AccountInput,
  AddressBook,
  CalendarCollection,
  Conflict,
  ConflictChoice,
  ConflictPolicy,
  Contact,
  ContactInput,
  ContactPage,
  Language,
  SyncProgress,
  SyncStatus,
} from './types';

/** Rows per List call while scrolling. */
export const PAGE_SIZE = 100;

export const queryKeys = {
  contacts: ['contacts'] as const,
  contactPages: ['contacts', 'page'] as const,
  contactPage: (query: string, page: number) => ['contacts', 'page', query, page] as const,
  contact: (id: string) => ['contacts', 'detail', id] as const,
  settings: ['settings'] as const,
  status: ['status'] as const,
  sync: ['sync'] as const,
  syncStatus: ['sync', 'status'] as const,
  accounts: ['sync', 'accounts'] as const,
  outbox: ['sync', 'outbox'] as const,
  conflicts: ['sync', 'conflicts'] as const,
  /** The live position of a running sync (from sync:progress); outside ['sync'] so refetches keep it. */
  syncProgress: ['syncProgress'] as const,
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
      // A local change adds to the outbox; a sync changes conflicts.
      void qc.invalidateQueries({ queryKey: queryKeys.sync });
    });
    const offStatus = onEvent('status:changed', () => {
      void qc.invalidateQueries({ queryKey: queryKeys.status });
      void qc.invalidateQueries({ queryKey: queryKeys.syncStatus });
    });
    const offProgress = onEvent('sync:progress', (payload: unknown) => {
      qc.setQueryData<SyncProgress | null>(queryKeys.syncProgress, n.syncProgress(payload));
    });
    const offSyncStatus = onEvent('sync:status', () => {
      // Started, finished, settings or accounts changed: the live position starts over.
      qc.setQueryData<SyncProgress | null>(queryKeys.syncProgress, null);
      void qc.invalidateQueries({ queryKey: queryKeys.sync });
    });
    return () => {
      offContacts();
      offStatus();
      offProgress();
      offSyncStatus();
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

// ---- Sync ----

export function useSyncStatus() {
  return useQuery({ queryKey: queryKeys.syncStatus, queryFn: getSyncStatus });
}

/** The position of the running sync: the last sync:progress event, else what Status() reported. */
export function useSyncProgress(status: SyncStatus | undefined): SyncProgress | undefined {
  const qc = useQueryClient();
  const live = useQuery<SyncProgress | null>({
    queryKey: queryKeys.syncProgress,
    queryFn: () => qc.getQueryData<SyncProgress | null>(queryKeys.syncProgress) ?? null,
    initialData: null,
    staleTime: Infinity,
    gcTime: Infinity,
  });
  if (!status?.running) return undefined;
  return live.data ?? status.progress;
}

export function useAccounts() {
  return useQuery({ queryKey: queryKeys.accounts, queryFn: listAccounts });
}

export function useOutbox() {
  return useQuery({ queryKey: queryKeys.outbox, queryFn: listOutbox });
}

export function useConflicts() {
  return useQuery({ queryKey: queryKeys.conflicts, queryFn: listConflicts });
}

export function useDiscover() {
  return useMutation({ mutationFn: (input: AccountInput) => discover(input) });
}

/** Adds an account with the chosen address books and calendars (AddAccountWithCalendars). */
export function useAddAccount() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { input: AccountInput; books: AddressBook[]; calendars?: CalendarCollection[]; defaultHref: string }) =>
      addAccountWithCalendars(v.input, v.books, v.calendars ?? [], v.defaultHref),
    onSuccess: (_a, v) => {
      void qc.invalidateQueries({ queryKey: queryKeys.sync });
      // Each calendar added gets a local calendar.
      if (v.calendars?.length) void qc.invalidateQueries({ queryKey: ['calendar'] });
    },
  });
}

export function useRemoveAccount() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => removeAccount(id),
    onSuccess: (_v, id) => {
      qc.setQueryData<Account[]>(queryKeys.accounts, (old) => old?.filter((a) => a.id !== id));
      void qc.invalidateQueries({ queryKey: queryKeys.sync });
    },
  });
}

/** Turns an address book on or off, or makes it the default; shown at once, undone on failure. */
export function useSetAddressBook() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; enabled: boolean; isDefault: boolean }) => setAddressBook(v.id, v.enabled, v.isDefault),
    onMutate: async (v) => {
      await qc.cancelQueries({ queryKey: queryKeys.accounts });
      const before = qc.getQueryData<Account[]>(queryKeys.accounts);
      qc.setQueryData<Account[]>(queryKeys.accounts, (old) =>
        old?.map((a) => ({
          ...a,
          addressBooks: a.addressBooks.map((b) =>
            b.id === v.id
              ? { ...b, enabled: v.enabled, isDefault: v.isDefault }
              : v.isDefault
                ? { ...b, isDefault: false }
                : b,
          ),
        })),
      );
      return { before };
    },
    onError: (_e, _v, ctx) => {
      if (ctx?.before) qc.setQueryData(queryKeys.accounts, ctx.before);
    },
    onSettled: () => void qc.invalidateQueries({ queryKey: queryKeys.accounts }),
  });
}

export function useSyncNow() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => syncNow(),
    onSuccess: () => {
      // SyncNow returns at once; show it running until sync:status says otherwise.
      qc.setQueryData<SyncProgress | null>(queryKeys.syncProgress, null);
      qc.setQueryData<SyncStatus>(queryKeys.syncStatus, (old) => (old ? { ...old, running: true } : old));
    },
    onError: () => void qc.invalidateQueries({ queryKey: queryKeys.syncStatus }),
  });
}

export function useSetSyncSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { intervalMinutes: number; policy: ConflictPolicy }) => setSyncSettings(v.intervalMinutes, v.policy),
    onSuccess: (s) => qc.setQueryData(queryKeys.syncStatus, s),
  });
}

/** Applies the choice; the conflict leaves the list at once and comes back if the call fails. */
export function useResolveConflict() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; choice: ConflictChoice }) => resolveConflict(v.id, v.choice),
    onMutate: async (v) => {
      await qc.cancelQueries({ queryKey: queryKeys.conflicts });
      const before = qc.getQueryData<Conflict[]>(queryKeys.conflicts);
      qc.setQueryData<Conflict[]>(queryKeys.conflicts, (old) => old?.filter((c) => c.id !== v.id));
      return { before };
    },
    onError: (_e, _v, ctx) => {
      if (ctx?.before) qc.setQueryData(queryKeys.conflicts, ctx.before);
    },
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: queryKeys.sync });
      void qc.invalidateQueries({ queryKey: queryKeys.contacts });
      void qc.invalidateQueries({ queryKey: queryKeys.status });
    },
  });
}
