import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { ContactMeetings, meetingHref } from './ContactMeetings';
import { renderWithProviders } from '../test/render';
import * as calendarApi from '../api/calendar';

vi.mock('../api/calendar', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api/calendar')>()),
  contactTimeline: vi.fn(),
}));
const api = vi.mocked(calendarApi);

const item = (eventId: string, start: string, title: string, notes = '') => ({ kind: 'meeting', eventId, recurrenceId: '', title, start, end: '', location: '', notes });

beforeEach(() => vi.clearAllMocks());

describe('ContactMeetings', () => {
  it('lists the meetings newest first with notes as text, each opening the meeting', async () => {
    api.contactTimeline.mockResolvedValue([
      item('old', '2026-01-05T09:00:00Z', 'Kick-off'),
      item('new', '2026-03-05T09:00:00Z', 'Review', 'Line 1\n<b>Line 2</b>'),
      { ...item('rec', '2026-02-05T09:00:00Z', 'Weekly'), recurrenceId: '2026-02-05T10:00:00' },
    ]);
    renderWithProviders(<ContactMeetings contactId="c1" />);
    await waitFor(() => expect(screen.getAllByTestId('contact-meeting')).toHaveLength(3));
    expect(api.contactTimeline).toHaveBeenCalledWith('c1');
    expect(screen.getAllByTestId('contact-meeting-title').map((a) => a.textContent)).toEqual(['Review', 'Weekly', 'Kick-off']);
    expect(screen.getByTestId('contact-meeting-notes').textContent).toBe('Line 1\n<b>Line 2</b>');
    expect(screen.getAllByTestId('contact-meeting-title')[1]).toHaveAttribute(
      'href',
      '#/calendar?event=rec&rid=2026-02-05T10%3A00%3A00&at=2026-02-05T09%3A00%3A00Z',
    );
  });

  it('says when there are none', async () => {
    api.contactTimeline.mockResolvedValue([]);
    renderWithProviders(<ContactMeetings contactId="c1" />);
    expect(await screen.findByTestId('contact-meetings-empty')).toBeInTheDocument();
    expect(meetingHref({ eventId: 'e', recurrenceId: '', start: '' })).toBe('#/calendar?event=e');
  });
});
