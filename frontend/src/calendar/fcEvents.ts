import type { EventInput as FcEventInput } from '@fullcalendar/core';
import type { EditScope, MoveRequest, Occurrence } from '../api/calendarTypes';
import { addDays, datePart, instantOf, minutesBetween } from './time';
import { meetingZoneLabel } from './zoneLabel';

/** What each calendar entry carries for rendering and for drag and drop. */
export interface OccurrenceProps {
  occurrence: Occurrence;
  /** "09:00 Europe/Berlin" when the meeting's zone shows another clock time; null otherwise. */
  zoneLabel: string | null;
}

/** The FullCalendar id of an occurrence: the meeting's id and the occurrence's recurrence id. */
export function occurrenceKey(o: Pick<Occurrence, 'eventId' | 'recurrenceId'>): string {
  return `${o.eventId}|${o.recurrenceId}`;
}

/** A readable text colour (black or white) on a "#RRGGBB" background. */
export function textOn(color: string): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (!m) return '#fff';
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h, 16) / 255);
  const lum = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return lum > 0.6 ? '#1a1b1e' : '#fff';
}

export const DEFAULT_COLOR = '#228be6';

/**
 * An occurrence as a FullCalendar event: timed ones by their instants (FullCalendar shows them in
 * the user's zone), all-day ones by their dates, so they never shift to another day.
 */
export function toFcEvent(o: Occurrence, userZone: string): FcEventInput {
  const color = /^#[0-9a-f]{6}$/i.test(o.color) ? o.color : DEFAULT_COLOR;
  const classNames = ['fb-event'];
  if (o.busy === 'free') classNames.push('fb-event-free');
  if (o.busy === 'tentative' || o.status === 'tentative') classNames.push('fb-event-tentative');
  if (o.status === 'cancelled') classNames.push('fb-event-cancelled');
  const props: OccurrenceProps = { occurrence: o, zoneLabel: meetingZoneLabel(o, userZone) };
  return {
    id: occurrenceKey(o),
    title: o.title,
    start: o.allDay ? datePart(o.startLocal || o.start) : o.start,
    end: o.allDay ? datePart(o.endLocal || o.end) : o.end,
    allDay: o.allDay,
    backgroundColor: color,
    borderColor: color,
    textColor: textOn(color),
    classNames,
    extendedProps: props,
  };
}

/** What FullCalendar reports after a drag or a resize. */
export interface FcMove {
  allDay: boolean;
  /** FullCalendar's startStr/endStr: ISO with offset for timed events, "YYYY-MM-DD" for all-day ones. */
  startStr: string;
  /** '' when FullCalendar dropped the end (the event keeps its length). */
  endStr: string;
}

/**
 * The MoveOccurrence request for a drop or resize. Instants carry the user's zone offset, so an
 * all-day meeting moved to 3 March arrives as midnight of 3 March in the user's zone and stays on
 * that date whatever the backend reads it in.
 */
export function moveRequest(o: Occurrence, move: FcMove, scope: EditScope, userZone: string): MoveRequest {
  let start: string;
  let end: string;
  if (move.allDay) {
    const startDate = datePart(move.startStr);
    const days = Math.max(1, Math.round(minutesBetween(datePart(o.startLocal || o.start), datePart(o.endLocal || o.end)) / 1440));
    const endDate = move.endStr ? datePart(move.endStr) : addDays(startDate, days);
    start = instantOf(startDate, userZone);
    end = instantOf(endDate, userZone);
  } else {
    start = normalizeInstant(move.startStr);
    const length = Math.max(0, Date.parse(o.end) - Date.parse(o.start)) || 0;
    end = move.endStr ? normalizeInstant(move.endStr) : normalizeInstant(new Date(Date.parse(start) + length).toISOString());
  }
  return { id: o.eventId, version: o.version, scope, recurrenceId: o.recurrenceId, start, end };
}

/** An ISO instant as RFC 3339 without milliseconds ("2026-03-02T08:00:00Z", "…+01:00"). */
function normalizeInstant(s: string): string {
  return s.replace(/\.\d+(?=Z|[+-]\d{2}:\d{2}$)/, '');
}
