import type { Task, TaskInput, TaskList } from '../api/calendarTypes';
import { datePart, joinWall, timePart, wallClockOf } from '../calendar/time';

export const TASK_LISTS: readonly TaskList[] = ['today', 'overdue', 'upcoming', 'all', 'done'];

export type PriorityLevel = 'high' | 'medium' | 'low' | 'none';
export const PRIORITY_LEVELS: readonly PriorityLevel[] = ['high', 'medium', 'low', 'none'];

/** iCalendar priority (0 none, 1–4 high, 5 medium, 6–9 low) as a level. */
export function priorityLevel(p: number): PriorityLevel {
  if (p >= 1 && p <= 4) return 'high';
  if (p === 5) return 'medium';
  if (p >= 6 && p <= 9) return 'low';
  return 'none';
}

/** The iCalendar priority of a level; the previous value stays when it already has that level. */
export function priorityValue(level: PriorityLevel, previous = 0): number {
  if (priorityLevel(previous) === level) return previous;
  return { high: 1, medium: 5, low: 9, none: 0 }[level];
}

export const isDone = (t: Pick<Task, 'status'>) => t.status === 'completed' || t.status === 'cancelled';

export interface TaskFormValues {
  calendarId: string;
  title: string;
  notes: string;
  /** "YYYY-MM-DD" or '' for no due date. */
  dueDate: string;
  /** "HH:mm" or '' for a due date without a time. */
  dueTime: string;
  /** The task's zone (kept as received; new timed tasks get the user's zone). */
  timeZone: string;
  priority: number;
  status: string;
  /** Minutes before the due time; null for no reminder. */
  reminder: number | null;
  contactId: string;
  contactName: string;
  companyId: string;
  companyName: string;
  /** Kept as received (the editor does not change them). */
  start: string;
  percentComplete: number;
  rrule: string;
  categories: string[];
  dealId: string;
}

/** The reminder choices of the task editor (minutes before the due time). */
export const TASK_REMINDER_CHOICES = [0, 5, 10, 15, 30, 60, 1440] as const;

export function emptyTaskForm(calendarId: string, userZone: string): TaskFormValues {
  return {
    calendarId,
    title: '',
    notes: '',
    dueDate: '',
    dueTime: '',
    timeZone: userZone,
    priority: 0,
    status: 'needs-action',
    reminder: null,
    contactId: '',
    contactName: '',
    companyId: '',
    companyName: '',
    start: '',
    percentComplete: 0,
    rrule: '',
    categories: [],
    dealId: '',
  };
}

export function taskFormFromTask(t: Task, userZone: string): TaskFormValues {
  return {
    calendarId: t.calendarId,
    title: t.title,
    notes: t.notes,
    dueDate: datePart(t.due),
    dueTime: t.due.length > 10 ? timePart(t.due) : '',
    timeZone: t.timeZone || (t.due.length > 10 ? '' : userZone),
    priority: t.priority,
    status: t.status || 'needs-action',
    reminder: t.reminders.length ? t.reminders[0].minutesBefore : null,
    contactId: t.contactId,
    contactName: t.contactName,
    companyId: t.companyId,
    companyName: t.companyName,
    start: t.start,
    percentComplete: t.percentComplete,
    rrule: t.rrule,
    categories: [...t.categories],
    dealId: t.dealId,
  };
}

/** The TaskInput of the form: a date due is all-day (no zone), a timed one is read in the task's zone. */
export function inputFromTaskForm(v: TaskFormValues, userZone: string, others: number[] = []): TaskInput {
  const timed = v.dueDate !== '' && v.dueTime !== '';
  const due = v.dueDate === '' ? '' : timed ? joinWall(v.dueDate, v.dueTime) : v.dueDate;
  const reminders = v.reminder === null || due === '' ? [] : [v.reminder, ...others.filter((m) => m !== v.reminder)];
  return {
    calendarId: v.calendarId,
    title: v.title.trim(),
    notes: v.notes,
    due,
    start: v.start,
    timeZone: timed ? v.timeZone || userZone : '',
    priority: v.priority,
    status: v.status,
    percentComplete: v.status === 'completed' ? 100 : v.percentComplete,
    rrule: v.rrule,
    reminders: reminders.map((m) => ({ minutesBefore: m })),
    categories: v.categories,
    contactId: v.contactId,
    companyId: v.companyId,
    dealId: v.dealId,
  };
}

/** A task made by the quick-add row: a title and, optionally, a due date. */
export function quickTaskInput(title: string, dueDate: string, calendarId: string, userZone: string): TaskInput {
  return inputFromTaskForm({ ...emptyTaskForm(calendarId, userZone), title, dueDate }, userZone);
}

/** The due date a quick-added task gets in a list: today in "today", none elsewhere. */
export function quickDueDefault(list: TaskList, userZone: string, now: Date = new Date()): string {
  return list === 'today' ? datePart(wallClockOf(now, userZone)) : '';
}

/** How a due date reads: relative day ("today", "tomorrow", "yesterday") or a date, with the time when it has one. */
export interface DueText {
  /** 'today' | 'tomorrow' | 'yesterday' | '' (then `date` is the formatted date). */
  day: '' | 'today' | 'tomorrow' | 'yesterday';
  date: string;
  time: string;
}

/** The due date of a task as the user's zone sees it. */
export function dueText(t: Pick<Task, 'due' | 'dueAt' | 'allDay'>, userZone: string, lng: string, now: Date = new Date()): DueText | null {
  if (!t.due) return null;
  const timed = !t.allDay && t.due.length > 10;
  const local = timed && t.dueAt ? wallClockOf(t.dueAt, userZone) || t.due : t.due;
  const day = datePart(local);
  const today = datePart(wallClockOf(now, userZone));
  const offset = Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  const rel = offset === 0 ? 'today' : offset === 1 ? 'tomorrow' : offset === -1 ? 'yesterday' : '';
  const sameYear = day.slice(0, 4) === today.slice(0, 4);
  const date = rel
    ? ''
    : new Intl.DateTimeFormat(lng, { weekday: 'short', day: 'numeric', month: 'short', year: sameYear ? undefined : 'numeric', timeZone: 'UTC' }).format(
        new Date(`${day}T00:00:00Z`),
      );
  return { day: rel, date, time: timed ? timePart(local) : '' };
}

export interface TaskKey {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export type TaskAction = 'new' | 'open' | 'complete' | 'next' | 'previous' | 'delete';

/**
 * N (or Ctrl+N): new task; Enter: open the selected task; Space: complete it; ↑/↓: select;
 * Delete: delete it. Nothing while a dialog is open; single keys only outside text fields.
 */
export function taskShortcut(e: TaskKey, ctx: { modalOpen: boolean; editable: boolean; ownsKey: boolean; hasSelection: boolean }): TaskAction | null {
  if (ctx.modalOpen) return null;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (e.ctrlKey || e.metaKey) return !e.altKey && !e.shiftKey && key === 'n' ? 'new' : null;
  if (e.altKey || ctx.editable) return null;
  if (key === 'n' && !e.shiftKey) return 'new';
  if (key === 'ArrowDown') return 'next';
  if (key === 'ArrowUp') return 'previous';
  if (!ctx.hasSelection || ctx.ownsKey) return null;
  if (key === 'Enter') return 'open';
  if (key === ' ') return 'complete';
  if (key === 'Delete') return 'delete';
  return null;
}
