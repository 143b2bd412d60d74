import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { MeetingEditor } from './MeetingEditor';
import { renderWithProviders } from '../test/render';
import { calendarInfo, weeklyEvent } from '../test/calendarFixtures';
import * as calendar from '../api/calendar';

vi.mock('../api/calendar', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api/calendar')>()),
  getEvent: vi.fn(),
  listZones: vi.fn(),
  createEvent: vi.fn(),
  updateEvent: vi.fn(),
  deleteEvent: vi.fn(),
  restoreEvent: vi.fn(),
}));
const api = vi.mocked(calendar);

beforeEach(() => {
  vi.clearAllMocks();
  api.listZones.mockResolvedValue(['Europe/Berlin', 'UTC']);
  api.updateEvent.mockImplementation(async (u) => ({ ...weeklyEvent(), version: 5, ...u.input }));
  api.createEvent.mockImplementation(async (input) => ({ ...weeklyEvent(), id: 'new', ...input }));
  api.deleteEvent.mockResolvedValue();
  api.restoreEvent.mockResolvedValue();
});

const rid = '2026-03-09T09:00:00';

describe('MeetingEditor', () => {
  it('asks the scope when an occurrence is saved, and moves the whole series for "all"', async () => {
    api.getEvent.mockResolvedValue(weeklyEvent());
    const onClose = vi.fn();
    renderWithProviders(
      <MeetingEditor target={{ kind: 'edit', eventId: 'ev1', recurrenceId: rid }} userZone="Europe/Berlin" calendars={[calendarInfo()]} onClose={onClose} />,
    );
    const title = await screen.findByTestId('meeting-title');
    expect(title).toHaveValue('Weekly review');
    expect(screen.getByTestId('meeting-start-date')).toHaveValue('Mon, 9 Mar 2026');
    fireEvent.change(title, { target: { value: 'Weekly review (new room)' } });
    fireEvent.change(screen.getByTestId('meeting-start-time'), { target: { value: '10:00' } });
    expect(screen.getByTestId('meeting-end-time')).toHaveValue('11:00');
    fireEvent.click(screen.getByTestId('meeting-save'));
    fireEvent.click(await screen.findByTestId('scope-all'));
    await waitFor(() => expect(api.updateEvent).toHaveBeenCalledTimes(1));
    const u = api.updateEvent.mock.calls[0][0];
    expect(u).toMatchObject({ id: 'ev1', version: 4, scope: 'all', recurrenceId: rid });
    expect(u.input).toMatchObject({
      title: 'Weekly review (new room)',
      start: '2026-03-02T10:00:00',
      end: '2026-03-02T11:00:00',
      rrule: 'FREQ=WEEKLY;BYDAY=MO',
      exDates: ['2026-03-16T09:00:00'],
      timeZone: 'Europe/Berlin',
    });
    await waitFor(() => expect(onClose).toHaveBeenCalled());
  });

  it('sends only this occurrence with its own times for "this"', async () => {
    api.getEvent.mockResolvedValue(weeklyEvent());
    renderWithProviders(
      <MeetingEditor target={{ kind: 'edit', eventId: 'ev1', recurrenceId: rid }} userZone="Europe/Berlin" calendars={[calendarInfo()]} onClose={() => {}} />,
    );
    fireEvent.change(await screen.findByTestId('meeting-location'), { target: { value: 'Room 9' } });
    fireEvent.click(screen.getByTestId('meeting-save'));
    fireEvent.click(await screen.findByTestId('scope-this'));
    await waitFor(() => expect(api.updateEvent).toHaveBeenCalledTimes(1));
    expect(api.updateEvent.mock.calls[0][0]).toMatchObject({
      scope: 'this',
      recurrenceId: rid,
      input: { location: 'Room 9', start: '2026-03-09T09:00:00', end: '2026-03-09T10:00:00' },
    });
  });

  it('does not save when the scope question is cancelled', async () => {
    api.getEvent.mockResolvedValue(weeklyEvent());
    const onClose = vi.fn();
    renderWithProviders(
      <MeetingEditor target={{ kind: 'edit', eventId: 'ev1', recurrenceId: rid }} userZone="Europe/Berlin" calendars={[calendarInfo()]} onClose={onClose} />,
    );
    await screen.findByTestId('meeting-title');
    fireEvent.click(screen.getByTestId('meeting-save'));
    fireEvent.click(await screen.findByTestId('scope-cancel'));
    await waitFor(() => expect(screen.queryByTestId('scope-dialog')).toBeNull());
    expect(api.updateEvent).not.toHaveBeenCalled();
    expect(onClose).not.toHaveBeenCalled();
  });

  it('shows a rule it cannot edit as text and sends it back unchanged', async () => {
    const rule = 'FREQ=MONTHLY;BYSETPOS=-1;BYDAY=MO,TU,WE,TH,FR';
    api.getEvent.mockResolvedValue(weeklyEvent({ rrule: rule, title: '<b>Close</b>' }));
    renderWithProviders(
      <MeetingEditor target={{ kind: 'edit', eventId: 'ev1', recurrenceId: '' }} userZone="Europe/Berlin" calendars={[calendarInfo()]} onClose={() => {}} />,
    );
    expect(await screen.findByTestId('repeat-rrule')).toHaveTextContent(rule);
    expect(screen.getByTestId('meeting-title')).toHaveValue('<b>Close</b>');
    fireEvent.click(screen.getByTestId('meeting-save'));
    await waitFor(() => expect(api.updateEvent).toHaveBeenCalledTimes(1));
    // Opened as the series (no occurrence): no scope question.
    expect(api.updateEvent.mock.calls[0][0]).toMatchObject({ scope: 'all', recurrenceId: '', input: { rrule: rule } });
  });

  it('creates a new meeting in the default calendar and refuses an end before the start', async () => {
    const onClose = vi.fn();
    renderWithProviders(
      <MeetingEditor
        target={{ kind: 'new', start: '2026-03-02T14:00:00', end: '2026-03-02T15:00:00', allDay: false }}
        userZone="Asia/Dhaka"
        calendars={[calendarInfo({ id: 'a', isDefault: false }), calendarInfo({ id: 'b', isDefault: true, name: 'Home' })]}
        onClose={onClose}
      />,
    );
    fireEvent.change(await screen.findByTestId('meeting-title'), { target: { value: 'Visit' } });
    fireEvent.change(screen.getByTestId('meeting-end-time'), { target: { value: '13:00' } });
    fireEvent.click(screen.getByTestId('meeting-save'));
    expect(await screen.findByTestId('meeting-time-error')).toHaveTextContent('The end is before the start.');
    expect(api.createEvent).not.toHaveBeenCalled();
    fireEvent.change(screen.getByTestId('meeting-end-time'), { target: { value: '15:30' } });
    fireEvent.click(screen.getByTestId('meeting-save'));
    await waitFor(() => expect(api.createEvent).toHaveBeenCalledTimes(1));
    expect(api.createEvent.mock.calls[0][0]).toMatchObject({
      calendarId: 'b',
      title: 'Visit',
      start: '2026-03-02T14:00:00',
      end: '2026-03-02T15:30:00',
      timeZone: 'Asia/Dhaka',
      rrule: '',
      reminders: [{ minutesBefore: 15 }],
    });
    await waitFor(() => expect(onClose).toHaveBeenCalled());
  });

  it('deletes a single meeting and offers undo through the notification', async () => {
    api.getEvent.mockResolvedValue(weeklyEvent({ rrule: '', exDates: [] }));
    renderWithProviders(
      <MeetingEditor target={{ kind: 'edit', eventId: 'ev1', recurrenceId: '' }} userZone="Europe/Berlin" calendars={[calendarInfo()]} onClose={() => {}} />,
    );
    fireEvent.click(await screen.findByTestId('meeting-delete'));
    await waitFor(() => expect(api.deleteEvent).toHaveBeenCalledWith({ id: 'ev1', version: 4, scope: 'all', recurrenceId: '' }));
    fireEvent.click(await screen.findByTestId('event-undo'));
    await waitFor(() => expect(api.restoreEvent).toHaveBeenCalledWith('ev1'));
  });
});
