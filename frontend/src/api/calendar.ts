import { invoke } from './backend';
import { raw } from './bindings';
import * as n from './calendarNormalize';
import type {
  CalendarEvent,
  CalendarInfo,
  CalendarInput,
  EventDelete,
  EventInput,
  EventUpdate,
  MoveRequest,
  Occurrence,
  OccurrenceQuery,
  TimelineItem,
} from './calendarTypes';

const S = 'CalendarService';

export async function listCalendars(): Promise<CalendarInfo[]> {
  return n.list(await invoke<unknown>(S, 'Calendars', () => raw.calendar.calendars()), n.calendarInfo);
}

export async function createCalendar(input: CalendarInput): Promise<CalendarInfo> {
  return n.calendarInfo(await invoke<unknown>(S, 'CreateCalendar', () => raw.calendar.createCalendar(input)));
}

/** Renames or recolours a calendar. */
export async function updateCalendar(id: string, input: CalendarInput): Promise<CalendarInfo> {
  return n.calendarInfo(await invoke<unknown>(S, 'UpdateCalendar', () => raw.calendar.updateCalendar(id, input)));
}

/** Refused with calendar_not_empty while the calendar holds meetings or tasks. */
export async function deleteCalendar(id: string): Promise<void> {
  await invoke<unknown>(S, 'DeleteCalendar', () => raw.calendar.deleteCalendar(id));
}

/** The occurrences overlapping [from, to) (instants), of the given calendars ([] for all). */
export async function listOccurrences(q: OccurrenceQuery): Promise<Occurrence[]> {
  const query: OccurrenceQuery = { from: q.from, to: q.to, calendarIds: [...q.calendarIds] };
  return n.list(await invoke<unknown>(S, 'Occurrences', () => raw.calendar.occurrences(query)), n.occurrence);
}

export async function getEvent(id: string): Promise<CalendarEvent> {
  return n.calendarEvent(await invoke<unknown>(S, 'Event', () => raw.calendar.event(id)));
}

/** Fails with event_invalid_time (end before start), rrule_invalid or zone_unknown. */
export async function createEvent(input: EventInput): Promise<CalendarEvent> {
  return n.calendarEvent(await invoke<unknown>(S, 'CreateEvent', () => raw.calendar.createEvent(input)));
}

/** `version` must be the one the edit started from, else version_conflict. */
export async function updateEvent(u: EventUpdate): Promise<CalendarEvent> {
  return n.calendarEvent(await invoke<unknown>(S, 'UpdateEvent', () => raw.calendar.updateEvent(u)));
}

/** Drag and resize: start/end are instants; the backend keeps the meeting's zone (all-day stays dates). */
export async function moveOccurrence(m: MoveRequest): Promise<CalendarEvent> {
  return n.calendarEvent(await invoke<unknown>(S, 'MoveOccurrence', () => raw.calendar.moveOccurrence(m)));
}

/** Deletes the meeting (scope "all"), one occurrence ("this") or the rest of the series ("following"). */
export async function deleteEvent(d: EventDelete): Promise<void> {
  await invoke<unknown>(S, 'DeleteEvent', () => raw.calendar.deleteEvent(d));
}

export async function restoreEvent(id: string): Promise<void> {
  await invoke<unknown>(S, 'RestoreEvent', () => raw.calendar.restoreEvent(id));
}

/** The meetings a contact attends or organises, newest first. */
export async function contactTimeline(contactId: string): Promise<TimelineItem[]> {
  return n.list(await invoke<unknown>(S, 'ContactTimeline', () => raw.calendar.contactTimeline(contactId)), n.timelineItem);
}

/** IANA zone names for the zone picker. */
export async function listZones(): Promise<string[]> {
  return n.strings(await invoke<unknown>(S, 'Zones', () => raw.calendar.zones()));
}

/** The user's zone (setting time_zone): IANA name. */
export async function getUserZone(): Promise<string> {
  const v = await invoke<unknown>(S, 'UserZone', () => raw.calendar.userZone());
  return typeof v === 'string' && v ? v : 'UTC';
}

/** Fails with zone_unknown. */
export async function setUserZone(zone: string): Promise<void> {
  await invoke<unknown>(S, 'SetUserZone', () => raw.calendar.setUserZone(zone));
}
