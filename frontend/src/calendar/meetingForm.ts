import type { Attendee, CalendarEvent, EditScope, EventInput } from '../api/calendarTypes';
import { defaultRepeat, fromRRule, repeatError, toRRule, type RepeatContext, type RepeatForm } from './rrule';
import { addDays, addMinutes, datePart, joinWall, minutesBetween, naive, timePart } from './time';

// The meeting editor's values and their mapping to and from the backend's EventInput. Dates and
// times are the meeting's own wall clock in `timeZone`. An all-day meeting's end date is shown
// inclusive (a one-day meeting ends the day it starts) and stored exclusive, as in iCalendar.

export interface MeetingFormValues {
  calendarId: string;
  title: string;
  location: string;
  notes: string;
  allDay: boolean;
  /** "YYYY-MM-DD" */
  startDate: string;
  /** "HH:mm" */
  startTime: string;
  /** Inclusive for all-day. */
  endDate: string;
  endTime: string;
  timeZone: string;
  repeat: RepeatForm;
  /** The rule as received; sent unchanged unless the repeat section was edited. */
  rrule: string;
  /** The repeat section was changed (or the rule could be shown in it and the start moved). */
  repeatEdited: boolean;
  /** The received rule cannot be shown in the repeat section (it is kept as text). */
  rruleCustom: boolean;
  attendees: Attendee[];
  /** Minutes before the start. */
  reminders: number[];
  busy: string;
  private: boolean;
  categories: string[];
  status: string;
}

/** The reminder choices of the editor (minutes before). */
export const REMINDER_CHOICES = [5, 10, 15, 30, 60, 1440] as const;

export function repeatContext(v: Pick<MeetingFormValues, 'startDate' | 'startTime' | 'allDay' | 'timeZone'>): RepeatContext {
  return { start: v.allDay ? v.startDate : joinWall(v.startDate, v.startTime), allDay: v.allDay, timeZone: v.allDay ? '' : v.timeZone };
}

/** The form for a new meeting from a start and end (wall clocks in `zone`, or dates when allDay, end exclusive). */
export function newMeetingForm(start: string, end: string, allDay: boolean, zone: string, calendarId: string): MeetingFormValues {
  const startDate = datePart(start);
  let endDate = datePart(end || start);
  if (allDay) endDate = end && end > start ? addDays(datePart(end), -1) : startDate;
  const values: MeetingFormValues = {
    calendarId,
    title: '',
    location: '',
    notes: '',
    allDay,
    startDate,
    startTime: allDay ? '09:00' : timePart(start) || '09:00',
    endDate,
    endTime: allDay ? '10:00' : timePart(end) || '10:00',
    timeZone: zone,
    repeat: defaultRepeat({ start, allDay, timeZone: zone }),
    rrule: '',
    repeatEdited: false,
    rruleCustom: false,
    attendees: [],
    reminders: [15],
    busy: 'busy',
    private: false,
    categories: [],
    status: 'confirmed',
  };
  return values;
}

/** Where one occurrence of a series starts and ends (wall clocks), and its own changes if it has them. */
export function occurrenceTimes(e: CalendarEvent, recurrenceId: string): { start: string; end: string } {
  const o = e.overrides.find((x) => x.recurrenceId === recurrenceId);
  if (o && o.start) return { start: o.start, end: o.end || o.start };
  const length = minutesBetween(e.start, e.end);
  return { start: recurrenceId, end: addMinutes(recurrenceId, length) };
}

/**
 * The form for an existing meeting. With a recurrenceId it shows that occurrence: its own start
 * and end, and its own title, location and notes when it was changed on its own.
 */
export function meetingFormFromEvent(e: CalendarEvent, recurrenceId = ''): MeetingFormValues {
  let start = e.start;
  let end = e.end;
  let title = e.title;
  let location = e.location;
  let notes = e.notes;
  if (recurrenceId && e.rrule) {
    const t = occurrenceTimes(e, recurrenceId);
    start = t.start;
    end = t.end;
    const o = e.overrides.find((x) => x.recurrenceId === recurrenceId);
    if (o) {
      title = o.title || title;
      location = o.location;
      notes = o.notes;
    }
  }
  const allDay = e.allDay;
  const ctx: RepeatContext = { start: e.start, allDay, timeZone: allDay ? '' : e.timeZone };
  const parsed = fromRRule(e.rrule, ctx);
  return {
    calendarId: e.calendarId,
    title,
    location,
    notes,
    allDay,
    startDate: datePart(start),
    startTime: allDay ? '09:00' : timePart(start) || '09:00',
    endDate: allDay ? (end && end > start ? addDays(datePart(end), -1) : datePart(start)) : datePart(end || start),
    endTime: allDay ? '10:00' : timePart(end) || timePart(start) || '10:00',
    timeZone: e.timeZone,
    repeat: parsed ?? defaultRepeat(ctx),
    rrule: e.rrule,
    repeatEdited: false,
    rruleCustom: parsed === null,
    attendees: e.attendees.map((a) => ({ ...a })),
    reminders: e.reminders.map((r) => r.minutesBefore),
    busy: e.busy || 'busy',
    private: e.private,
    categories: [...e.categories],
    status: e.status || 'confirmed',
  };
}

/** Start and end as the backend wants them: wall clocks, or dates with an exclusive end. */
export function formStartEnd(v: MeetingFormValues): { start: string; end: string } {
  if (v.allDay) return { start: v.startDate, end: addDays(v.endDate || v.startDate, 1) };
  return { start: joinWall(v.startDate, v.startTime), end: joinWall(v.endDate || v.startDate, v.endTime) };
}

/** The RRULE to send: the edited repeat section, else the rule as received. */
export function formRRule(v: MeetingFormValues): string {
  if (!v.repeatEdited) return v.rrule;
  return toRRule(v.repeat, repeatContext(v));
}

/** The EventInput of the form. exDates come from the meeting being edited (the form does not change them). */
export function inputFromForm(v: MeetingFormValues, base?: CalendarEvent): EventInput {
  const { start, end } = formStartEnd(v);
  return {
    calendarId: v.calendarId,
    title: v.title.trim(),
    location: v.location.trim(),
    notes: v.notes,
    start,
    end,
    allDay: v.allDay,
    timeZone: v.allDay ? '' : v.timeZone,
    rrule: formRRule(v),
    exDates: base ? [...base.exDates] : [],
    attendees: v.attendees.map((a) => ({ ...a, email: a.email.trim() })),
    reminders: [...new Set(v.reminders)].sort((a, b) => a - b).map((m) => ({ minutesBefore: m })),
    busy: v.busy,
    private: v.private,
    categories: v.categories.map((c) => c.trim()).filter(Boolean),
    status: v.status,
  };
}

export type MeetingField = 'title' | 'end' | 'repeat' | 'calendarId';

/** Field → i18n key of what is wrong; empty when the form can be saved. */
export function validateMeeting(v: MeetingFormValues): Partial<Record<MeetingField, string>> {
  const errors: Partial<Record<MeetingField, string>> = {};
  if (!v.title.trim()) errors.title = 'calendar.editor.errors.title';
  const { start, end } = formStartEnd(v);
  if (!naive(start) || !naive(end)) errors.end = 'calendar.editor.errors.time';
  else if (v.allDay ? end <= start : end < start) errors.end = 'errors.event_invalid_time';
  if (v.repeatEdited) {
    const r = repeatError(v.repeat, repeatContext(v));
    if (r) errors.repeat = r;
  }
  return errors;
}

/** Moves the start (date or time), keeping the meeting's length: the new end. */
export function shiftEnd(v: MeetingFormValues, startDate: string, startTime: string): { endDate: string; endTime: string } {
  if (v.allDay) {
    const days = minutesBetween(v.startDate, v.endDate) / 1440;
    return { endDate: addDays(startDate, Math.max(0, days)), endTime: v.endTime };
  }
  const length = Math.max(0, minutesBetween(joinWall(v.startDate, v.startTime), joinWall(v.endDate, v.endTime)));
  const end = addMinutes(joinWall(startDate, startTime), length);
  return { endDate: datePart(end), endTime: timePart(end) };
}

/**
 * What UpdateEvent gets for the chosen scope when an occurrence of a series was edited:
 * - "this" and "following": the edited values (the occurrence's own times);
 * - "all": the series keeps its first start, moved by as much as the occurrence was moved, with
 *   the occurrence's new length.
 */
export function inputForScope(
  edited: EventInput,
  base: CalendarEvent,
  occurrence: { start: string; end: string },
  scope: EditScope,
): EventInput {
  if (scope !== 'all' || !base.rrule || edited.allDay !== base.allDay) return edited;
  const moved = minutesBetween(occurrence.start, edited.start);
  const length = minutesBetween(edited.start, edited.end);
  const start = addMinutes(base.start, moved);
  return { ...edited, start, end: addMinutes(start, length) };
}
