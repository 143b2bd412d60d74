// DTOs of CalendarService, TasksService and RemindersService (issue 5; the shapes agreed in the
// issue's contract, JSON field names exactly). Times:
// - a "wall clock" is "2006-01-02T15:04:05" read in the record's timeZone (or the user's zone
//   when timeZone is '' — a floating time), or a date "2006-01-02" when allDay (an all-day end is
//   exclusive, as in iCalendar);
// - an "instant" is RFC 3339 ("2026-03-02T08:00:00Z" or with an offset).
//
// contract.ts checks these against the classes Wails generates from the Go DTOs.

/** A calendar (a local one, or one synced with a CalDAV collection). */
export interface CalendarInfo {
  id: string;
  name: string;
  /** "#RRGGBB" */
  color: string;
  /** New meetings and tasks go here. */
  isDefault: boolean;
  /** The server collection it syncs with; '' for a local calendar. */
  collectionId: string;
  /** The sync account's name; '' for a local calendar. */
  accountName: string;
}

export interface CalendarInput {
  name: string;
  color: string;
}

export interface OccurrenceQuery {
  /** Instants (RFC 3339): the window [from, to). */
  from: string;
  to: string;
  /** Only these calendars; [] for all. */
  calendarIds: string[];
}

/** Busy status: busy, free, tentative or out of office. */
export type BusyStatus = 'busy' | 'free' | 'tentative' | 'oof';

/** One occurrence of a meeting in a window (a single meeting has one). */
export interface Occurrence {
  eventId: string;
  calendarId: string;
  color: string;
  title: string;
  location: string;
  /** Instants. */
  start: string;
  end: string;
  allDay: boolean;
  /** Wall clock in the meeting's own zone (dates when allDay). */
  startLocal: string;
  endLocal: string;
  /** The meeting's zone: IANA name, '' when floating, or the TZID text as received. */
  timeZone: string;
  recurring: boolean;
  /** The occurrence's original start (wall clock), '' for a single meeting. */
  recurrenceId: string;
  busy: BusyStatus | string;
  private: boolean;
  /** confirmed, tentative or cancelled */
  status: string;
  attendeeCount: number;
  version: number;
}

export type AttendeeRole = 'required' | 'optional' | 'chair';
export type AttendeeStatus = 'needs-action' | 'accepted' | 'declined' | 'tentative';

export interface Attendee {
  email: string;
  name: string;
  role: AttendeeRole | string;
  status: AttendeeStatus | string;
  /** The contact with this e-mail, '' when none (filled in by Fieldbook). */
  contactId: string;
}

export interface Reminder {
  minutesBefore: number;
}

/** One occurrence of a series changed on its own. */
export interface EventOverride {
  recurrenceId: string;
  start: string;
  end: string;
  title: string;
  location: string;
  notes: string;
  cancelled: boolean;
}

/** What the meeting editor sends (CreateEvent, and UpdateEvent's input). Start/end are wall clock. */
export interface EventInput {
  calendarId: string;
  title: string;
  location: string;
  notes: string;
  start: string;
  end: string;
  allDay: boolean;
  timeZone: string;
  /** RFC 5545 RRULE value without "RRULE:", '' for a single meeting. */
  rrule: string;
  exDates: string[];
  attendees: Attendee[];
  reminders: Reminder[];
  busy: string;
  private: boolean;
  categories: string[];
  status: string;
}

/** A meeting as Event(id) returns it. */
export interface CalendarEvent extends EventInput {
  id: string;
  version: number;
  uid: string;
  organizer: Attendee;
  overrides: EventOverride[];
  /** The TZID text as received ("W. Europe Standard Time"), '' when made here. */
  originalTzid: string;
  createdAt: string;
  updatedAt: string;
}

/** Which occurrences of a series an edit, move or delete applies to. */
export type EditScope = 'all' | 'this' | 'following';

export interface EventUpdate {
  id: string;
  version: number;
  scope: EditScope;
  /** The occurrence edited ('' with scope "all" on a single meeting). */
  recurrenceId: string;
  input: EventInput;
}

/** Drag and resize: the new instants; the backend turns them into the meeting's own wall clock. */
export interface MoveRequest {
  id: string;
  version: number;
  scope: EditScope;
  recurrenceId: string;
  start: string;
  end: string;
}

export interface EventDelete {
  id: string;
  version: number;
  scope: EditScope;
  recurrenceId: string;
}

/** A meeting on a contact's timeline. */
export interface TimelineItem {
  kind: 'meeting' | string;
  eventId: string;
  recurrenceId: string;
  title: string;
  /** Instants. */
  start: string;
  end: string;
  location: string;
  notes: string;
}

// ---- Tasks ----

export type TaskList = 'today' | 'overdue' | 'upcoming' | 'all' | 'done';

export interface TaskQuery {
  list: TaskList;
  /** Only the tasks linked to this contact. */
  contactId?: string;
}

export type TaskStatus = 'needs-action' | 'in-process' | 'completed' | 'cancelled';

export interface TaskInput {
  calendarId: string;
  title: string;
  notes: string;
  /** Wall clock in timeZone, a date (all day), or '' for no due date. */
  due: string;
  start: string;
  timeZone: string;
  /** iCalendar: 0 none, 1–4 high, 5 medium, 6–9 low. */
  priority: number;
  status: TaskStatus | string;
  percentComplete: number;
  rrule: string;
  reminders: Reminder[];
  categories: string[];
  contactId: string;
  companyId: string;
  dealId: string;
}

export interface Task extends TaskInput {
  id: string;
  version: number;
  /** The due instant (RFC 3339), '' without a due time. */
  dueAt: string;
  /** Due is a date. */
  allDay: boolean;
  /** RFC 3339, '' while open. */
  completedAt: string;
  contactName: string;
  companyName: string;
  overdue: boolean;
}

// ---- Reminders ----

/** A reminder that is due (RemindersService.Active, and the "reminder:due" event's payload). */
export interface ActiveReminder {
  id: string;
  kind: 'event' | 'task' | string;
  /** The meeting's or task's id. */
  itemId: string;
  recurrenceId: string;
  title: string;
  /** When the meeting starts or the task is due (RFC 3339). */
  start: string;
  /** When the reminder is set for: the start (or due time) minus its minutes (RFC 3339). */
  at: string;
  location: string;
}
