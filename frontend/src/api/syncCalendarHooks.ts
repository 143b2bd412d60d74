// Hooks for the calendars of sync accounts (SyncService: ServerCalendars, AddCalendars,
// SetCalendar). Kept apart from hooks.ts because they refresh the calendar area's queries too.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { calendarKeys } from './calendarHooks';
import { queryKeys } from './hooks';
import { addCalendars, serverCalendars, setCalendar } from './sync';
import type { Account, CalendarCollection } from './types';

export const syncCalendarKeys = {
  /** Outside ['sync']: asking the server again on every sync:status event would be wasteful. */
  server: (accountId: string) => ['serverCalendars', accountId] as const,
};

/** The calendars on an account's server (asks the server; only while `enabled`). */
export function useServerCalendars(accountId: string, enabled: boolean) {
  return useQuery({
    queryKey: syncCalendarKeys.server(accountId),
    queryFn: () => serverCalendars(accountId),
    enabled: enabled && accountId !== '',
    // Each opening of the dialog asks the server afresh.
    staleTime: 0,
    gcTime: 0,
  });
}

/** Adds calendars of the server to an account; the account list and the local calendars refresh. */
export function useAddCalendars() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { accountId: string; calendars: CalendarCollection[] }) => addCalendars(v.accountId, v.calendars),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: queryKeys.sync });
      void qc.invalidateQueries({ queryKey: calendarKeys.calendar });
      void qc.invalidateQueries({ queryKey: calendarKeys.tasks });
    },
  });
}

/** Turns syncing of an account's calendar on or off; shown at once, undone on failure. */
export function useSetCalendar() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; enabled: boolean }) => setCalendar(v.id, v.enabled),
    onMutate: async (v) => {
      await qc.cancelQueries({ queryKey: queryKeys.accounts });
      const before = qc.getQueryData<Account[]>(queryKeys.accounts);
      qc.setQueryData<Account[]>(queryKeys.accounts, (old) =>
        old?.map((a) => ({ ...a, calendars: a.calendars.map((c) => (c.id === v.id ? { ...c, enabled: v.enabled } : c)) })),
      );
      return { before };
    },
    onError: (_e, _v, ctx) => {
      if (ctx?.before) qc.setQueryData(queryKeys.accounts, ctx.before);
    },
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: queryKeys.accounts });
      void qc.invalidateQueries({ queryKey: calendarKeys.calendar });
      void qc.invalidateQueries({ queryKey: calendarKeys.tasks });
    },
  });
}
