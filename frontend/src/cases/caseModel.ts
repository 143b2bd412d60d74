// Pure helpers of the cases area: colours, durations, the empty form and its checks.
import type { TFunction } from 'i18next';
import type { Case, CaseInput } from '../api/careTypes';

export const PRIORITY_COLORS: Record<string, string> = { low: 'gray', normal: 'blue', high: 'orange', urgent: 'red' };
export const STATUS_COLORS: Record<string, string> = { open: 'blue', pending: 'yellow', resolved: 'teal', closed: 'gray' };

/** True for a case that is finished (resolved or closed). */
export const isDone = (c: Pick<Case, 'status'>) => c.status === 'resolved' || c.status === 'closed';

/** "45 min", "3 h 5 min", "2 d 4 h": a resolution time; '' when there is none (negative minutes). */
export function durationText(minutes: number, t: TFunction, num: (n: number) => string = String): string {
  if (!Number.isFinite(minutes) || minutes < 0) return '';
  const m = Math.floor(minutes);
  if (m < 60) return t('cases.duration.minutes', { m: num(m) });
  const h = Math.floor(m / 60);
  if (h < 24) return t('cases.duration.hours', { h: num(h), m: num(m % 60) });
  return t('cases.duration.days', { d: num(Math.floor(h / 24)), h: num(h % 24) });
}

export function emptyCaseInput(contactId = '', companyId = ''): CaseInput {
  return { subject: '', description: '', contactId, companyId, priority: 'normal', status: 'open', ownerId: '', openedAt: '' };
}

export function caseToInput(c: Case): CaseInput {
  return {
    subject: c.subject,
    description: c.description,
    contactId: c.contactId,
    companyId: c.companyId,
    priority: c.priority,
    status: c.status,
    ownerId: c.ownerId,
    openedAt: '',
  };
}
