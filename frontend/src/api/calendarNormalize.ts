import type {
  ActiveReminder,
  Attendee,
  CalendarEvent,
  CalendarInfo,
  EventOverride,
  Occurrence,
  Reminder,
  Task,
  TimelineItem,
} from './calendarTypes';

// Go encodes nil slices as null and may omit empty values; the UI relies on arrays and strings.
// A malformed item never throws: it becomes an empty value.

const str = (v: unknown): string => (typeof v === 'string' ? v : v == null ? '' : String(v));
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const bool = (v: unknown): boolean => v === true;
const arr = <T>(v: unknown, f: (x: unknown) => T): T[] => (Array.isArray(v) ? v.map(f) : []);
const obj = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : {};

export function calendarInfo(v: unknown): CalendarInfo {
  const o = obj(v);
  return {
    id: str(o.id),
    name: str(o.name),
    color: str(o.color),
    isDefault: bool(o.isDefault),
    collectionId: str(o.collectionId),
    accountName: str(o.accountName),
  };
}

export function occurrence(v: unknown): Occurrence {
  const o = obj(v);
  return {
    eventId: str(o.eventId),
    calendarId: str(o.calendarId),
    color: str(o.color),
    title: str(o.title),
    location: str(o.location),
    start: str(o.start),
    end: str(o.end),
    allDay: bool(o.allDay),
    startLocal: str(o.startLocal),
    endLocal: str(o.endLocal),
    timeZone: str(o.timeZone),
    recurring: bool(o.recurring),
    recurrenceId: str(o.recurrenceId),
    busy: str(o.busy) || 'busy',
    private: bool(o.private),
    status: str(o.status),
    attendeeCount: num(o.attendeeCount),
    version: num(o.version),
  };
}

export function attendee(v: unknown): Attendee {
  const o = obj(v);
  return {
    email: str(o.email),
    name: str(o.name),
    role: str(o.role) || 'required',
    status: str(o.status) || 'needs-action',
    contactId: str(o.contactId),
  };
}

export function reminder(v: unknown): Reminder {
  return { minutesBefore: num(obj(v).minutesBefore) };
}

export function eventOverride(v: unknown): EventOverride {
  const o = obj(v);
  return {
    recurrenceId: str(o.recurrenceId),
    start: str(o.start),
    end: str(o.end),
    title: str(o.title),
    location: str(o.location),
    notes: str(o.notes),
    cancelled: bool(o.cancelled),
  };
}

export function calendarEvent(v: unknown): CalendarEvent {
  const o = obj(v);
  return {
    id: str(o.id),
    calendarId: str(o.calendarId),
    version: num(o.version),
    uid: str(o.uid),
    title: str(o.title),
    location: str(o.location),
    notes: str(o.notes),
    start: str(o.start),
    end: str(o.end),
    allDay: bool(o.allDay),
    timeZone: str(o.timeZone),
    rrule: str(o.rrule),
    exDates: arr(o.exDates, str),
    attendees: arr(o.attendees, attendee),
    organizer: attendee(o.organizer),
    reminders: arr(o.reminders, reminder),
    busy: str(o.busy) || 'busy',
    private: bool(o.private),
    categories: arr(o.categories, str),
    status: str(o.status),
    overrides: arr(o.overrides, eventOverride),
    originalTzid: str(o.originalTzid),
    createdAt: str(o.createdAt),
    updatedAt: str(o.updatedAt),
  };
}

export function timelineItem(v: unknown): TimelineItem {
  const o = obj(v);
  return {
    kind: str(o.kind) || 'meeting',
    eventId: str(o.eventId),
    recurrenceId: str(o.recurrenceId),
    title: str(o.title),
    start: str(o.start),
    end: str(o.end),
    location: str(o.location),
    notes: str(o.notes),
  };
}

export function task(v: unknown): Task {
  const o = obj(v);
  return {
    id: str(o.id),
    calendarId: str(o.calendarId),
    version: num(o.version),
    title: str(o.title),
    notes: str(o.notes),
    due: str(o.due),
    start: str(o.start),
    timeZone: str(o.timeZone),
    dueAt: str(o.dueAt),
    allDay: bool(o.allDay),
    priority: num(o.priority),
    status: str(o.status) || 'needs-action',
    percentComplete: num(o.percentComplete),
    completedAt: str(o.completedAt),
    rrule: str(o.rrule),
    reminders: arr(o.reminders, reminder),
    categories: arr(o.categories, str),
    contactId: str(o.contactId),
    contactName: str(o.contactName),
    companyId: str(o.companyId),
    companyName: str(o.companyName),
    dealId: str(o.dealId),
    overdue: bool(o.overdue),
  };
}

export function activeReminder(v: unknown): ActiveReminder {
  const o = obj(v);
  return {
    id: str(o.id),
    kind: str(o.kind),
    itemId: str(o.itemId),
    recurrenceId: str(o.recurrenceId),
    title: str(o.title),
    start: str(o.start),
    at: str(o.at),
    location: str(o.location),
  };
}

export function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

export const list = <T>(v: unknown, f: (x: unknown) => T): T[] => arr(v, f);
