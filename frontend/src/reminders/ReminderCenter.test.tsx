import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ReminderCenter } from './ReminderCenter';
import { reminderHref } from './ReminderNotice';
import { renderWithProviders } from '../test/render';
import { raw } from '../api/bindings';
import * as remindersApi from '../api/reminders';
import * as calendarApi from '../api/calendar';
import type { ActiveReminder } from '../api/calendarTypes';

vi.mock('../api/reminders', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api/reminders')>()),
  activeReminders: vi.fn(),
  snoozeReminder: vi.fn(),
  dismissReminder: vi.fn(),
}));
vi.mock('../api/calendar', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api/calendar')>()),
  getUserZone: vi.fn(),
}));
const api = vi.mocked(remindersApi);
const cal = vi.mocked(calendarApi);

const meeting: ActiveReminder = {
  id: 'r1',
  kind: 'event',
  itemId: 'ev1',
  recurrenceId: '2026-03-09T09:00:00',
  title: 'Review <script>',
  start: new Date(Date.now() + 15 * 60_000).toISOString(),
  at: new Date().toISOString(),
  location: 'Room 1',
};

type W = { runtime?: unknown };
let handlers: Record<string, (...data: unknown[]) => void> = {};

beforeEach(() => {
  vi.clearAllMocks();
  handlers = {};
  api.snoozeReminder.mockResolvedValue();
  api.dismissReminder.mockResolvedValue();
  cal.getUserZone.mockResolvedValue('UTC');
  // A runtime is there, and subscriptions are caught so the test can emit events.
  (window as unknown as W).runtime = { EventsOnMultiple: () => () => {} };
  vi.spyOn(raw.runtime, 'eventsOn').mockImplementation((name: string, cb: (...data: unknown[]) => void) => {
    handlers[name] = cb;
    return () => delete handlers[name];
  });
});

afterEach(() => {
  delete (window as unknown as W).runtime;
});

describe('ReminderCenter', () => {
  it('shows the active reminders at start, and dismisses one', async () => {
    api.activeReminders.mockResolvedValue([meeting]);
    renderWithProviders(<ReminderCenter />);
    const notice = await screen.findByTestId('reminder-notice');
    expect(within(notice).getByTestId('reminder-open')).toHaveTextContent('Review <script>');
    expect(within(notice).getByTestId('reminder-open')).toHaveAttribute('href', reminderHref(meeting));
    expect(within(notice).getByTestId('reminder-when')).toHaveTextContent(/Starts .* in 15 minutes/);
    fireEvent.click(within(notice).getByTestId('reminder-dismiss'));
    await waitFor(() => expect(api.dismissReminder).toHaveBeenCalledWith('r1'));
    await waitFor(() => expect(screen.queryByTestId('reminder-notice')).toBeNull());
  });

  it('shows a reminder:due event and snoozes it for the chosen time', async () => {
    api.activeReminders.mockResolvedValue([]);
    renderWithProviders(<ReminderCenter />);
    await waitFor(() => expect(handlers['reminder:due']).toBeTypeOf('function'));
    act(() => handlers['reminder:due']({ ...meeting, id: 'r2', kind: 'task', title: 'Call Ada', location: null }));
    const notice = await screen.findByTestId('reminder-notice');
    expect(notice).toHaveAttribute('data-kind', 'task');
    expect(within(notice).getByTestId('reminder-when')).toHaveTextContent(/^Due /);
    fireEvent.click(within(notice).getByTestId('reminder-snooze'));
    fireEvent.click(await screen.findByTestId('reminder-snooze-10'));
    await waitFor(() => expect(api.snoozeReminder).toHaveBeenCalledWith('r2', 10));
    await waitFor(() => expect(screen.queryByTestId('reminder-notice')).toBeNull());
  });

  it('shows a reminder once even when it arrives twice, and keeps it when the call fails', async () => {
    api.activeReminders.mockResolvedValue([meeting]);
    api.dismissReminder.mockRejectedValue(new Error(JSON.stringify({ code: 'not_found', message: 'gone' })));
    renderWithProviders(<ReminderCenter />);
    await screen.findByTestId('reminder-notice');
    await waitFor(() => expect(handlers['reminder:due']).toBeTypeOf('function'));
    act(() => handlers['reminder:due'](meeting));
    await waitFor(() => expect(screen.getAllByTestId('reminder-notice')).toHaveLength(1));
    fireEvent.click(screen.getByTestId('reminder-dismiss'));
    expect(await screen.findByTestId('error-notification')).toBeInTheDocument();
    expect(screen.getByTestId('reminder-notice')).toBeInTheDocument();
  });

  it('links a task reminder to the task and a meeting reminder to its occurrence', () => {
    expect(reminderHref({ ...meeting, kind: 'task', itemId: 't1' })).toBe('#/tasks?id=t1');
    expect(reminderHref(meeting)).toBe(`#/calendar?event=ev1&rid=2026-03-09T09%3A00%3A00&at=${encodeURIComponent(meeting.start)}`);
  });
});
