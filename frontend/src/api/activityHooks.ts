import { useEffect } from 'react';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { deleteActivity, logActivity, logEmail, restoreActivity, timelinePage, updateActivity } from './activities';
import type { ActivityInput, ActivityKind, TimelineRequest, TimelineScope } from './activityTypes';
import { onEvent } from './events';

export const activityKeys = {
  all: ['activities'] as const,
  timeline: (scope: TimelineScope, kinds: ActivityKind[], ownerId: string, limit: number) =>
    ['activities', 'timeline', scope, [...kinds].sort(), ownerId, limit] as const,
};

/** The request for one page of a scope's timeline. */
export function timelineRequest(scope: TimelineScope, kinds: ActivityKind[], ownerId: string, before: string, limit: number): TimelineRequest {
  const s = scope as Partial<Record<'contactId' | 'companyId' | 'leadId' | 'dealId', string>>;
  return {
    contactId: s.contactId ?? '',
    companyId: s.companyId ?? '',
    leadId: s.leadId ?? '',
    dealId: s.dealId ?? '',
    kinds,
    ownerId,
    before,
    limit,
  };
}

/** Refreshes timelines when activities (or the names shown beside them) change. */
export function useActivityEvents(): void {
  const qc = useQueryClient();
  useEffect(() => {
    const refresh = () => void qc.invalidateQueries({ queryKey: activityKeys.all });
    const offs = [onEvent('activities:changed', refresh), onEvent('contacts:changed', refresh), onEvent('companies:changed', refresh)];
    return () => offs.forEach((off) => off());
  }, [qc]);
}

/** A timeline, newest first, in keyset pages of `limit` (fetchNextPage loads the next). */
export function useTimeline(scope: TimelineScope, kinds: ActivityKind[], ownerId = '', limit = 30) {
  useActivityEvents();
  return useInfiniteQuery({
    queryKey: activityKeys.timeline(scope, kinds, ownerId, limit),
    queryFn: ({ pageParam }) => timelinePage(timelineRequest(scope, kinds, ownerId, pageParam, limit)),
    initialPageParam: '',
    getNextPageParam: (last) => (last.next ? last.next : undefined),
  });
}

function useInvalidating<A, R>(fn: (a: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (a: A) => fn(a), onSuccess: () => void qc.invalidateQueries({ queryKey: activityKeys.all }) });
}

export function useLogActivity() {
  return useInvalidating(logActivity);
}

export function useUpdateActivity() {
  return useInvalidating((a: { id: string; version: number; input: ActivityInput }) => updateActivity(a.id, a.version, a.input));
}

export function useDeleteActivity() {
  return useInvalidating(deleteActivity);
}

export function useRestoreActivity() {
  return useInvalidating(restoreActivity);
}

export function useLogEmail() {
  return useInvalidating((a: { contactId: string; fileName: string; dataBase64: string }) => logEmail(a.contactId, a.fileName, a.dataBase64));
}
