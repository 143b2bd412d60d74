import { DateTime } from 'luxon';
import { datePart, isValidZone, timePart, wallClockOf } from './time';

/** The parts of an occurrence (or a meeting) the zone label needs. */
export interface ZonedTimes {
  allDay: boolean;
  /** The meeting's zone ('' = floating). */
  timeZone: string;
  /** The start instant (RFC 3339). */
  start: string;
  /** The start as a wall clock in the meeting's zone. */
  startLocal: string;
}

/**
 * The meeting's own time and zone, "09:00 Europe/Berlin", to show beside the time in the user's
 * zone — or null when it would say nothing new: an all-day or floating meeting, a meeting in
 * the user's zone, or one whose zone shows the same clock time (Europe/Paris for a user in
 * Europe/Berlin). A zone known only by its TZID text is named as received.
 */
export function meetingZoneLabel(o: ZonedTimes, userZone: string): string | null {
  if (o.allDay || !o.timeZone || o.timeZone === userZone) return null;
  const own = timePart(o.startLocal);
  if (!own) return null;
  const mine = wallClockOf(o.start, userZone);
  if (mine && datePart(mine) === datePart(o.startLocal) && timePart(mine) === own) return null;
  return `${own} ${o.timeZone}`;
}

/** "UTC+01:00" (or "UTC") for a zone at an instant; '' for a zone the browser does not know. */
export function zoneOffset(zone: string, at: Date = new Date()): string {
  if (!isValidZone(zone)) return '';
  const dt = DateTime.fromJSDate(at).setZone(zone);
  return dt.offset === 0 ? 'UTC' : `UTC${dt.toFormat('ZZ')}`;
}
