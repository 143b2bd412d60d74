import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { CalendarPage } from './CalendarPage';
import { renderWithProviders } from '../test/render';
import { calendarInfo, occurrence } from '../test/calendarFixtures';
import * as calendarApi from '../api/calendar';

vi.mock('../api/calendar', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api/calendar')>()),
  listCalendars: vi.fn(),
  listOccurrences: vi.fn(),
  getUserZone: vi.fn(),
  updateCalendar: vi.fn(),
  deleteCalendar: vi.fn(),
}));
const api = vi.mocked(calendarApi);

/** Today at 09:00 in UTC, so the agenda (two weeks from today) shows it. */
function todayAt(h: number): string {
  const d = new Date();
  d.setUTCHours(h, 0, 0, 0);
  return d.toISOString().replace('.000Z', 'Z');
}

beforeEach(() => {
  vi.clearAllMocks();
  localStorage.setItem('fieldbook.calendar.view', 'agenda');
  localStorage.removeItem('fieldbook.calendar.hidden');
  api.getUserZone.mockResolvedValue('UTC');
  api.listCalendars.mockResolvedValue([calendarInfo(), calendarInfo({ id: 'cal2', name: 'Visits', color: '#12b886', isDefault: false, accountName: 'office' })]);
  const start = todayAt(9);
  const end = todayAt(10);
  api.listOccurrences.mockResolvedValue([
    occurrence({ start, end, startLocal: `${start.slice(0, 10)}T10:00:00`, endLocal: `${end.slice(0, 10)}T11:00:00`, title: 'Berlin call <b>' }),
    occurrence({ eventId: 'ev2', calendarId: 'cal2', recurring: false, recurrenceId: '', title: 'Visit', start, end, timeZone: 'UTC', startLocal: start.slice(0, 19), endLocal: end.slice(0, 19) }),
  ]);
  api.deleteCalendar.mockRejectedValue(new Error(JSON.stringify({ code: 'calendar_not_empty', message: 'has events' })));
});

describe('CalendarPage', () => {
  it('shows the meetings of the visible calendars in the user zone, with a foreign zone labelled', async () => {
    renderWithProviders(<CalendarPage />);
    await waitFor(() => expect(screen.getAllByTestId('calendar-event')).toHaveLength(2));
    const q = api.listOccurrences.mock.calls[0][0];
    expect(q.calendarIds).toEqual([]);
    expect(Date.parse(q.to) - Date.parse(q.from)).toBe(14 * 86_400_000);
    const berlin = screen.getAllByTestId('calendar-event').find((e) => e.getAttribute('data-event-id') === 'ev1');
    expect(berlin).toHaveTextContent('Berlin call <b>');
    expect(within(berlin as HTMLElement).getByTestId('event-zone')).toHaveTextContent('10:00 Europe/Berlin');
    expect(screen.getByTestId('calendar-user-zone')).toHaveTextContent('UTC');

    // Hiding a calendar hides its meetings, and is remembered.
    const visits = screen.getAllByTestId('calendar-row').find((r) => r.getAttribute('data-name') === 'Visits') as HTMLElement;
    fireEvent.click(within(visits).getByTestId('calendar-visible'));
    await waitFor(() => expect(screen.getAllByTestId('calendar-event')).toHaveLength(1));
    expect(JSON.parse(localStorage.getItem('fieldbook.calendar.hidden') ?? '[]')).toEqual(['cal2']);
  });

  it('reports a calendar that cannot be deleted while it has meetings', async () => {
    renderWithProviders(<CalendarPage />);
    await screen.findAllByTestId('calendar-row');
    fireEvent.click(screen.getAllByTestId('calendar-menu')[0]);
    fireEvent.click(await screen.findByTestId('calendar-delete'));
    await waitFor(() => expect(api.deleteCalendar).toHaveBeenCalledWith('cal1'));
    expect(await screen.findByTestId('error-notification')).toHaveTextContent('This calendar still has meetings or tasks');
  });
});
