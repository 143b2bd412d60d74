import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { raw } from './bindings';
import { resetBackendWait } from './backend';
import { createEvent, getEvent, listCalendars, listOccurrences, moveOccurrence, getUserZone, contactTimeline } from './calendar';
import { completeTask, listTasks } from './tasks';
import { activeReminders, snoozeReminder } from './reminders';
import { ApiError } from './errors';
import { inputFromForm, meetingFormFromEvent } from '../calendar/meetingForm';
import { weeklyEvent } from '../test/calendarFixtures';

// ./bindings is replaced by a stub in src/test/setup.ts; these tests drive that stub.
type W = { go?: unknown };

function bind(methods: Record<string, Record<string, unknown>>) {
  (window as unknown as W).go = { app: methods };
}

beforeEach(() => resetBackendWait());
afterEach(() => {
  delete (window as unknown as W).go;
});

describe('calendar wrappers', () => {
  it('fills in what Go leaves out of a meeting (nil slices, empty organizer, default busy)', async () => {
    bind({ CalendarService: { Event: () => {} } });
    raw.calendar.event = vi.fn().mockResolvedValue({
      id: 'e1',
      version: 2,
      title: 'Review',
      start: '2026-03-02T09:00:00',
      end: '2026-03-02T10:00:00',
      timeZone: 'Europe/Berlin',
      exDates: null,
      attendees: null,
      organizer: null,
      reminders: [{ minutesBefore: 10 }, null],
      categories: null,
      overrides: [{ recurrenceId: '2026-03-09T09:00:00', cancelled: true }],
    });
    const e = await getEvent('e1');
    expect(raw.calendar.event).toHaveBeenCalledWith('e1');
    expect(e).toMatchObject({ exDates: [], attendees: [], categories: [], busy: 'busy', allDay: false, private: false });
    expect(e.organizer).toEqual({ email: '', name: '', role: 'required', status: 'needs-action', contactId: '' });
    expect(e.reminders).toEqual([{ minutesBefore: 10 }, { minutesBefore: 0 }]);
    expect(e.overrides[0]).toMatchObject({ recurrenceId: '2026-03-09T09:00:00', cancelled: true, title: '', start: '' });
  });

  it('lists calendars and occurrences, skipping nothing and crashing on nothing', async () => {
    bind({ CalendarService: { Calendars: () => {}, Occurrences: () => {} } });
    raw.calendar.calendars = vi.fn().mockResolvedValue([{ id: 'c', name: 'Work', color: '#ff0000', isDefault: true }, 'junk']);
    raw.calendar.occurrences = vi.fn().mockResolvedValue(null);
    const cals = await listCalendars();
    expect(cals[0]).toEqual({ id: 'c', name: 'Work', color: '#ff0000', isDefault: true, collectionId: '', accountName: '' });
    expect(cals[1].id).toBe('');
    const ids = ['c'];
    expect(await listOccurrences({ from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z', calendarIds: ids })).toEqual([]);
    expect(raw.calendar.occurrences).toHaveBeenCalledWith({ from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z', calendarIds: ['c'] });
  });

  it('sends the editor input as the contract names it', async () => {
    bind({ CalendarService: { CreateEvent: () => {} } });
    raw.calendar.createEvent = vi.fn().mockResolvedValue({ id: 'new' });
    const input = inputFromForm(meetingFormFromEvent(weeklyEvent()));
    await createEvent(input);
    const sent = vi.mocked(raw.calendar.createEvent).mock.calls[0][0];
    expect(Object.keys(sent).sort()).toEqual(
      ['allDay', 'attendees', 'busy', 'calendarId', 'categories', 'end', 'exDates', 'location', 'notes', 'private', 'reminders', 'rrule', 'start', 'status', 'timeZone', 'title'].sort(),
    );
  });

  it('turns a refused move into an ApiError with its code', async () => {
    bind({ CalendarService: { MoveOccurrence: () => {} } });
    raw.calendar.moveOccurrence = vi.fn().mockRejectedValue(new Error(JSON.stringify({ code: 'version_conflict', message: 'stale' })));
    const err = await moveOccurrence({ id: 'e', version: 1, scope: 'this', recurrenceId: 'r', start: 's', end: 'e' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'version_conflict' });
  });

  it('falls back to UTC for an empty user zone, and maps the timeline', async () => {
    bind({ CalendarService: { UserZone: () => {}, ContactTimeline: () => {} } });
    raw.calendar.userZone = vi.fn().mockResolvedValue('');
    raw.calendar.contactTimeline = vi.fn().mockResolvedValue([{ eventId: 'e', title: 'Visit', start: '2026-03-02T08:00:00Z', notes: null }]);
    expect(await getUserZone()).toBe('UTC');
    expect(await contactTimeline('c1')).toEqual([
      { kind: 'meeting', eventId: 'e', recurrenceId: '', title: 'Visit', start: '2026-03-02T08:00:00Z', end: '', location: '', notes: '' },
    ]);
  });

  it('reports a missing backend as backend_unavailable', async () => {
    vi.useFakeTimers();
    const p = listCalendars().catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(5000);
    vi.useRealTimers();
    expect(await p).toMatchObject({ code: 'backend_unavailable' });
  });
});

describe('tasks and reminders wrappers', () => {
  it('sends the list (and the contact only when given) and maps tasks', async () => {
    bind({ TasksService: { Tasks: () => {}, CompleteTask: () => {} } });
    raw.tasks.tasks = vi.fn().mockResolvedValue([{ id: 't', title: 'Call', overdue: true, reminders: null, status: '' }]);
    const [t] = await listTasks({ list: 'overdue' });
    expect(raw.tasks.tasks).toHaveBeenCalledWith({ list: 'overdue' });
    expect(t).toMatchObject({ id: 't', overdue: true, reminders: [], status: 'needs-action', dueAt: '' });
    await listTasks({ list: 'all', contactId: 'c9' });
    expect(raw.tasks.tasks).toHaveBeenLastCalledWith({ list: 'all', contactId: 'c9' });
    raw.tasks.completeTask = vi.fn().mockResolvedValue({ id: 't', status: 'completed' });
    expect((await completeTask('t', 3, true)).status).toBe('completed');
    expect(raw.tasks.completeTask).toHaveBeenCalledWith('t', 3, true);
  });

  it('maps active reminders and snoozes by whole minutes', async () => {
    bind({ RemindersService: { Active: () => {}, Snooze: () => {} } });
    raw.reminders.active = vi.fn().mockResolvedValue([{ id: 'r', kind: 'task', itemId: 't', title: 'Call', at: '2026-03-02T13:45:00Z' }]);
    raw.reminders.snooze = vi.fn().mockResolvedValue(null);
    expect(await activeReminders()).toEqual([
      { id: 'r', kind: 'task', itemId: 't', recurrenceId: '', title: 'Call', start: '', at: '2026-03-02T13:45:00Z', location: '' },
    ]);
    await snoozeReminder('r', 7.6);
    expect(raw.reminders.snooze).toHaveBeenCalledWith('r', 7);
  });
});
