import type { Activity, ActivityInput, ActivityKind } from '../api';
import { DEFAULT_MINUTES } from './kinds';

/** What the log form edits; `when` is a datetime-local value ("2026-11-23T14:05"). */
export interface LogValues {
  kind: ActivityKind;
  when: string;
  durationMinutes: number | '';
  outcome: string;
  subject: string;
  body: string;
}

/** What the form is about: the record it was opened on. */
export interface LogTarget {
  contactId?: string;
  companyId?: string;
  leadId?: string;
  dealId?: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A Date as a datetime-local value in the machine's zone. */
export function localInputValue(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A new entry of `kind`, now. */
export function newValues(kind: ActivityKind, now: Date): LogValues {
  return { kind, when: localInputValue(now), durationMinutes: DEFAULT_MINUTES[kind] || '', outcome: '', subject: '', body: '' };
}

/** The form's values for an existing entry. */
export function valuesOf(a: Activity): LogValues {
  const d = new Date(a.occurredAt);
  return {
    kind: a.kind,
    when: Number.isNaN(d.getTime()) ? '' : localInputValue(d),
    durationMinutes: a.durationMinutes || '',
    outcome: a.outcome,
    subject: a.subject,
    body: a.body,
  };
}

export type LogProblem = 'when' | 'text' | 'duration' | null;

/** What stops the form from saving, checked before a round trip (the backend checks again). */
export function problem(v: LogValues): LogProblem {
  if (!v.when || Number.isNaN(new Date(v.when).getTime())) return 'when';
  if (v.durationMinutes !== '' && (!Number.isInteger(v.durationMinutes) || v.durationMinutes < 0)) return 'duration';
  if (!v.subject.trim() && !v.body.trim()) return 'text';
  return null;
}

/**
 * The input the backend gets. An edit keeps the links of the entry it edits; a new one gets the
 * target's. ownerId '' lets the backend use the local user.
 */
export function toInput(v: LogValues, target: LogTarget, editing?: Activity): ActivityInput {
  const links = editing
    ? { contactId: editing.contactId, companyId: editing.companyId, leadId: editing.leadId, dealId: editing.dealId }
    : { contactId: target.contactId ?? '', companyId: target.companyId ?? '', leadId: target.leadId ?? '', dealId: target.dealId ?? '' };
  return {
    kind: v.kind,
    occurredAt: new Date(v.when).toISOString(),
    durationMinutes: v.durationMinutes === '' ? 0 : v.durationMinutes,
    outcome: v.outcome,
    subject: v.subject,
    body: v.body,
    ...links,
    ownerId: editing?.ownerId ?? '',
  };
}
