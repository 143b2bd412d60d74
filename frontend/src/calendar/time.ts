import { DateTime, IANAZone } from 'luxon';

// Wall clocks, dates and instants of meetings and tasks (see src/api/calendarTypes.ts):
// a wall clock "2026-03-02T09:00:00" is read in a zone; a date "2026-03-02" is all-day; an
// instant is RFC 3339. Naive arithmetic on wall clocks and dates is done in UTC so no zone's
// daylight-saving change bends it.

export const WALL_FORMAT = "yyyy-MM-dd'T'HH:mm:ss";
export const DATE_FORMAT = 'yyyy-MM-dd';

/** True for a zone name the browser (and so luxon) knows. */
export function isValidZone(zone: string): boolean {
  return zone !== '' && IANAZone.isValidZone(zone);
}

/** The zone to read a wall clock in: the record's, else the user's (floating), else UTC. */
export function effectiveZone(zone: string, userZone: string): string {
  if (isValidZone(zone)) return zone;
  if (isValidZone(userZone)) return userZone;
  return 'UTC';
}

/** The wall clock of an instant in a zone ("2026-03-02T09:00:00"); '' when unreadable. */
export function wallClockOf(instant: string | Date, zone: string): string {
  const dt = typeof instant === 'string' ? DateTime.fromISO(instant, { setZone: true }) : DateTime.fromJSDate(instant);
  if (!dt.isValid) return '';
  const z = dt.setZone(isValidZone(zone) ? zone : 'UTC');
  return z.toFormat(WALL_FORMAT);
}

/** The instant (RFC 3339 with the zone's offset) of a wall clock or date read in a zone; '' when unreadable. */
export function instantOf(wall: string, zone: string): string {
  const dt = DateTime.fromISO(wall, { zone: isValidZone(zone) ? zone : 'UTC' });
  return dt.isValid ? (dt.toISO({ suppressMilliseconds: true }) ?? '') : '';
}

/** A wall clock or date as a naive UTC DateTime (for arithmetic), or null. */
export function naive(wall: string): DateTime | null {
  if (!wall) return null;
  const dt = DateTime.fromISO(wall, { zone: 'utc' });
  return dt.isValid ? dt : null;
}

/** The date part of a wall clock or date ("2026-03-02"). */
export function datePart(wall: string): string {
  return wall.slice(0, 10);
}

/** "HH:mm" of a wall clock; '' for a date. */
export function timePart(wall: string): string {
  return wall.length >= 16 ? wall.slice(11, 16) : '';
}

/** Joins a date and "HH:mm" (or "HH:mm:ss") into a wall clock. */
export function joinWall(date: string, time: string): string {
  const t = time.length === 5 ? `${time}:00` : time || '00:00:00';
  return `${date}T${t}`;
}

/** Minutes from a to b (naive wall clocks or dates). */
export function minutesBetween(a: string, b: string): number {
  const x = naive(a);
  const y = naive(b);
  if (!x || !y) return 0;
  return Math.round(y.diff(x, 'minutes').minutes);
}

/** Adds minutes to a wall clock, or (whole) days to a date, keeping its form. */
export function addMinutes(wall: string, minutes: number): string {
  const dt = naive(wall);
  if (!dt) return wall;
  if (wall.length === 10) return dt.plus({ days: Math.round(minutes / 1440) }).toFormat(DATE_FORMAT);
  return dt.plus({ minutes }).toFormat(WALL_FORMAT);
}

export function addDays(date: string, days: number): string {
  const dt = naive(date);
  return dt ? dt.plus({ days }).toFormat(DATE_FORMAT) : date;
}

/** The user's zone as the browser sees it (for a start before the backend answered). */
export function browserZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}
