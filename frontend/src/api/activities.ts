import { useEffect } from 'react';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { invoke } from './backend';
import { raw } from './bindings';
import { onEvent } from './events';
import {
  isActivityKind,
  type Activity,
  type ActivityInput,
  type ActivityKind,
  type EmailMeta,
  type LoggedEmail,
  type TimelinePage,
  type TimelineRequest,
  type TimelineScope,
} from './activityTypes';

const S = 'ActivitiesService';

// Go sends nil slices as null and may omit values; a malformed item never throws.
const str = (v: unknown): string => (typeof v === 'string' ? v : v == null ? '' : String(v));
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const obj = (v: unknown): Record<string, unknown> => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : {});
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.map(str) : []);

export function toEmailMeta(v: unknown): EmailMeta | null {
  if (v == null || typeof v !== 'object') return null;
  const o = obj(v);
  return { from: str(o.from), to: strs(o.to), cc: strs(o.cc), messageId: str(o.messageId), date: str(o.date) };
}

export function toActivity(v: unknown): Activity {
  const o = obj(v);
  return {
    id: str(o.id),
    version: num(o.version),
    kind: isActivityKind(o.kind) ? o.kind : 'note',
    occurredAt: str(o.occurredAt),
    durationMinutes: num(o.durationMinutes),
    outcome: str(o.outcome),
    subject: str(o.subject),
    body: str(o.body),
    contactId: str(o.contactId),
    companyId: str(o.companyId),
    leadId: str(o.leadId),
    dealId: str(o.dealId),
    ownerId: str(o.ownerId),
    contactName: str(o.contactName),
    companyName: str(o.companyName),
    email: toEmailMeta(o.email),
    createdAt: str(o.createdAt),
    updatedAt: str(o.updatedAt),
  };
}

export function toTimelinePage(v: unknown): TimelinePage {
  const o = obj(v);
  return { items: Array.isArray(o.items) ? o.items.map(toActivity) : [], next: str(o.next) };
}

/** Fails with invalid_input (no subject or text, no record, bad duration) or not_found. */
export async function logActivity(input: ActivityInput): Promise<Activity> {
  return toActivity(await invoke<unknown>(S, 'Log', () => raw.activities.log(input)));
}

/** `version` must be the one the edit started from, else version_conflict. */
export async function updateActivity(id: string, version: number, input: ActivityInput): Promise<Activity> {
  return toActivity(await invoke<unknown>(S, 'Update', () => raw.activities.update(id, version, input)));
}

export async function deleteActivity(id: string): Promise<void> {
  await invoke<unknown>(S, 'Delete', () => raw.activities.delete(id));
}

export async function restoreActivity(id: string): Promise<Activity> {
  return toActivity(await invoke<unknown>(S, 'Restore', () => raw.activities.restore(id)));
}

export async function timelinePage(req: TimelineRequest): Promise<TimelinePage> {
  return toTimelinePage(await invoke<unknown>(S, 'Timeline', () => raw.activities.timeline(req)));
}

/** Logs an .eml file (bytes in base64) on a contact; eml_invalid for anything else. */
export async function logEmail(contactId: string, fileName: string, dataBase64: string): Promise<LoggedEmail> {
  const o = obj(await invoke<unknown>(S, 'LogEmail', () => raw.activities.logEmail(contactId, fileName, dataBase64)));
  return { activity: toActivity(o.activity), alreadyLogged: o.alreadyLogged === true };
}

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
  return useMutation({ mutationFn: fn, onSuccess: () => void qc.invalidateQueries({ queryKey: activityKeys.all }) });
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
