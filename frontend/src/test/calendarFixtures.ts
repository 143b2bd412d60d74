import type { CalendarEvent, CalendarInfo, Occurrence, Task } from '../api/calendarTypes';

export function calendarInfo(patch: Partial<CalendarInfo> = {}): CalendarInfo {
  return { id: 'cal1', name: 'Work', color: '#228be6', isDefault: true, collectionId: '', accountName: '', ...patch };
}

/** A weekly Monday 09:00–10:00 Berlin meeting from 2 March 2026. */
export function weeklyEvent(patch: Partial<CalendarEvent> = {}): CalendarEvent {
  return {
    id: 'ev1',
    calendarId: 'cal1',
    version: 4,
    uid: 'uid-1',
    title: 'Weekly review',
    location: 'Room 1',
    notes: 'Agenda',
    start: '2026-03-02T09:00:00',
    end: '2026-03-02T10:00:00',
    allDay: false,
    timeZone: 'Europe/Berlin',
    rrule: 'FREQ=WEEKLY;BYDAY=MO',
    exDates: ['2026-03-16T09:00:00'],
    attendees: [{ email: 'ada@example.com', name: 'Ada', role: 'required', status: 'accepted', contactId: 'c1' }],
    organizer: { email: 'me@example.com', name: 'Me', role: 'chair', status: 'accepted', contactId: '' },
    reminders: [{ minutesBefore: 15 }],
    busy: 'busy',
    private: false,
    categories: ['Sales'],
    status: 'confirmed',
    overrides: [],
    originalTzid: '',
    createdAt: '2026-02-01T10:00:00Z',
    updatedAt: '2026-02-01T10:00:00Z',
    ...patch,
  };
}

export function occurrence(patch: Partial<Occurrence> = {}): Occurrence {
  return {
    eventId: 'ev1',
    calendarId: 'cal1',
    color: '#228be6',
    title: 'Weekly review',
    location: 'Room 1',
    start: '2026-03-09T08:00:00Z',
    end: '2026-03-09T09:00:00Z',
    allDay: false,
    startLocal: '2026-03-09T09:00:00',
    endLocal: '2026-03-09T10:00:00',
    timeZone: 'Europe/Berlin',
    recurring: true,
    recurrenceId: '2026-03-09T09:00:00',
    busy: 'busy',
    private: false,
    status: 'confirmed',
    attendeeCount: 1,
    version: 4,
    ...patch,
  };
}

export function task(patch: Partial<Task> = {}): Task {
  return {
    id: 't1',
    calendarId: 'cal1',
    version: 2,
    title: 'Call Ada back',
    notes: '',
    due: '2026-03-02T15:00:00',
    start: '',
    timeZone: 'Europe/Berlin',
    dueAt: '2026-03-02T14:00:00Z',
    allDay: false,
    priority: 1,
    status: 'needs-action',
    percentComplete: 0,
    completedAt: '',
    rrule: '',
    reminders: [],
    categories: [],
    contactId: 'c1',
    contactName: 'Ada Lovelace',
    companyId: '',
    companyName: '',
    dealId: '',
    overdue: false,
    ...patch,
  };
}
