import { useEffect } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  contactTimeline,
  createCalendar,
  createEvent,
  deleteCalendar,
  deleteEvent,
  getEvent,
  getUserZone,
  listCalendars,
  listOccurrences,
  listZones,
  moveOccurrence,
  restoreEvent,
  setUserZone,
  updateCalendar,
  updateEvent,
} from './calendar';
import { completeTask, createTask, deleteTask, listTasks, restoreTask, updateTask } from './tasks';
import { onEvent } from './events';
import { queryKeys } from './hooks';
import type {
  CalendarInput,
  EventDelete,
  EventInput,
  EventUpdate,
  MoveRequest,
  Task,
  TaskInput,
  TaskList,
} from './calendarTypes';

export const calendarKeys = {
  calendar: ['calendar'] as const,
  calendars: ['calendar', 'calendars'] as const,
  occurrencesAll: ['calendar', 'occurrences'] as const,
  occurrences: (from: string, to: string, ids: string[]) => ['calendar', 'occurrences', from, to, ids.join(',')] as const,
  eventsAll: ['calendar', 'event'] as const,
  event: (id: string) => ['calendar', 'event', id] as const,
  timelineAll: ['calendar', 'timeline'] as const,
  timeline: (contactId: string) => ['calendar', 'timeline', contactId] as const,
  zones: ['calendarZones'] as const,
  userZone: ['userZone'] as const,
  tasks: ['tasks'] as const,
  taskList: (list: TaskList, contactId: string) => ['tasks', 'list', list, contactId] as const,
};

/** Refreshes meetings and tasks when the backend says they changed. Mount once, near the root. */
export function useCalendarEvents(): void {
  const qc = useQueryClient();
  useEffect(() => {
    const offCalendar = onEvent('calendar:changed', () => {
      void qc.invalidateQueries({ queryKey: calendarKeys.calendar });
      void qc.invalidateQueries({ queryKey: queryKeys.sync });
    });
    const offTasks = onEvent('tasks:changed', () => {
      void qc.invalidateQueries({ queryKey: calendarKeys.tasks });
      void qc.invalidateQueries({ queryKey: queryKeys.sync });
    });
    // A contact's e-mails decide which meetings are on its timeline, and its name shows on tasks.
    const offContacts = onEvent('contacts:changed', () => {
      void qc.invalidateQueries({ queryKey: calendarKeys.timelineAll });
      void qc.invalidateQueries({ queryKey: calendarKeys.tasks });
    });
    return () => {
      offCalendar();
      offTasks();
      offContacts();
    };
  }, [qc]);
}

export function useCalendars() {
  return useQuery({ queryKey: calendarKeys.calendars, queryFn: listCalendars });
}

/** Occurrences in [from, to) of the given calendars; the previous window stays shown while the next loads. */
export function useOccurrences(from: string, to: string, calendarIds: string[], enabled = true) {
  return useQuery({
    queryKey: calendarKeys.occurrences(from, to, calendarIds),
    queryFn: () => listOccurrences({ from, to, calendarIds }),
    enabled: enabled && from !== '' && to !== '',
    placeholderData: keepPreviousData,
  });
}

export function useEvent(id: string | null) {
  return useQuery({ queryKey: calendarKeys.event(id ?? ''), queryFn: () => getEvent(id as string), enabled: !!id });
}

export function useContactTimeline(contactId: string | null) {
  return useQuery({
    queryKey: calendarKeys.timeline(contactId ?? ''),
    queryFn: () => contactTimeline(contactId as string),
    enabled: !!contactId,
  });
}

export function useZones() {
  return useQuery({ queryKey: calendarKeys.zones, queryFn: listZones, staleTime: Infinity });
}

export function useUserZone() {
  return useQuery({ queryKey: calendarKeys.userZone, queryFn: getUserZone, staleTime: Infinity });
}

export function useSetUserZone() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (zone: string) => setUserZone(zone),
    onSuccess: (_v, zone) => {
      qc.setQueryData(calendarKeys.userZone, zone);
      void qc.invalidateQueries({ queryKey: calendarKeys.calendar });
      void qc.invalidateQueries({ queryKey: calendarKeys.tasks });
    },
  });
}

function useAfterCalendarWrite() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: calendarKeys.calendar });
    void qc.invalidateQueries({ queryKey: calendarKeys.tasks });
    void qc.invalidateQueries({ queryKey: queryKeys.sync });
  };
}

export function useCreateCalendar() {
  const after = useAfterCalendarWrite();
  return useMutation({ mutationFn: (input: CalendarInput) => createCalendar(input), onSuccess: after });
}

export function useUpdateCalendar() {
  const after = useAfterCalendarWrite();
  return useMutation({
    mutationFn: (v: { id: string; input: CalendarInput }) => updateCalendar(v.id, v.input),
    onSuccess: after,
  });
}

export function useDeleteCalendar() {
  const after = useAfterCalendarWrite();
  return useMutation({ mutationFn: (id: string) => deleteCalendar(id), onSuccess: after });
}

function useAfterEventWrite() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: calendarKeys.occurrencesAll });
    void qc.invalidateQueries({ queryKey: calendarKeys.eventsAll });
    void qc.invalidateQueries({ queryKey: calendarKeys.timelineAll });
    void qc.invalidateQueries({ queryKey: queryKeys.sync });
    void qc.invalidateQueries({ queryKey: queryKeys.status });
  };
}

export function useCreateEvent() {
  const after = useAfterEventWrite();
  return useMutation({ mutationFn: (input: EventInput) => createEvent(input), onSuccess: after });
}

export function useUpdateEvent() {
  const after = useAfterEventWrite();
  return useMutation({ mutationFn: (u: EventUpdate) => updateEvent(u), onSuccess: after });
}

export function useMoveOccurrence() {
  const after = useAfterEventWrite();
  return useMutation({ mutationFn: (m: MoveRequest) => moveOccurrence(m), onSuccess: after });
}

export function useDeleteEvent() {
  const after = useAfterEventWrite();
  return useMutation({ mutationFn: (d: EventDelete) => deleteEvent(d), onSuccess: after });
}

export function useRestoreEvent() {
  const after = useAfterEventWrite();
  return useMutation({ mutationFn: (id: string) => restoreEvent(id), onSuccess: after });
}

// ---- Tasks ----

export function useTasks(list: TaskList, contactId = '') {
  return useQuery({
    queryKey: calendarKeys.taskList(list, contactId),
    queryFn: () => listTasks({ list, contactId: contactId || undefined }),
    placeholderData: keepPreviousData,
  });
}

function useAfterTaskWrite() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: calendarKeys.tasks });
    void qc.invalidateQueries({ queryKey: queryKeys.sync });
    void qc.invalidateQueries({ queryKey: queryKeys.status });
  };
}

export function useCreateTask() {
  const after = useAfterTaskWrite();
  return useMutation({ mutationFn: (input: TaskInput) => createTask(input), onSuccess: after });
}

export function useUpdateTask() {
  const after = useAfterTaskWrite();
  return useMutation({
    mutationFn: (v: { id: string; version: number; input: TaskInput }) => updateTask(v.id, v.version, v.input),
    onSuccess: after,
  });
}

/** Ticks a task at once in every cached list; the lists refresh when the call returns (or fails). */
export function useCompleteTask() {
  const qc = useQueryClient();
  const after = useAfterTaskWrite();
  return useMutation({
    mutationFn: (v: { id: string; version: number; done: boolean }) => completeTask(v.id, v.version, v.done),
    onMutate: async (v) => {
      await qc.cancelQueries({ queryKey: calendarKeys.tasks });
      const before = qc.getQueriesData<Task[]>({ queryKey: calendarKeys.tasks });
      qc.setQueriesData<Task[]>({ queryKey: calendarKeys.tasks }, (old) =>
        old?.map((t) =>
          t.id === v.id ? { ...t, status: v.done ? 'completed' : 'needs-action', overdue: v.done ? false : t.overdue } : t,
        ),
      );
      return { before };
    },
    onError: (_e, _v, ctx) => {
      for (const [key, data] of ctx?.before ?? []) qc.setQueryData(key, data);
    },
    onSettled: after,
  });
}

export function useDeleteTask() {
  const after = useAfterTaskWrite();
  return useMutation({
    mutationFn: (v: { id: string; version: number }) => deleteTask(v.id, v.version),
    onSuccess: after,
  });
}

export function useRestoreTask() {
  const after = useAfterTaskWrite();
  return useMutation({ mutationFn: (id: string) => restoreTask(id), onSuccess: after });
}
