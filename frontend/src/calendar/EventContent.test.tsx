import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import type { EventContentArg } from '@fullcalendar/core';
import { EventContent } from './EventContent';
import { renderWithProviders } from '../test/render';

/** A minimal EventContentArg: what EventContent reads of it. */
function arg(extendedProps: Record<string, unknown>, viewType = 'timeGridWeek'): EventContentArg {
  const start = new Date('2026-03-09T10:00:00Z');
  const end = new Date('2026-03-09T11:00:00Z');
  return {
    event: { extendedProps, allDay: false, start, end },
    view: { type: viewType },
    timeText: '10:00 - 11:00',
    backgroundColor: '#228be6',
  } as unknown as EventContentArg;
}

describe('EventContent', () => {
  it('draws the selection placeholder (no meeting behind it) as its time only', () => {
    // FullCalendar renders a "mirror" event while the user drags over slots to make a meeting;
    // it has no occurrence. Reading one used to throw and blank the whole window.
    renderWithProviders(<EventContent arg={arg({})} />);
    expect(screen.getByTestId('calendar-selection')).toHaveTextContent('10:00 - 11:00');
    expect(screen.queryByTestId('calendar-event')).toBeNull();
  });

  it('draws a meeting with its title and the repeat mark', () => {
    const occurrence = {
      eventId: 'e1', recurrenceId: '2026-03-09T10:00:00', title: 'Weekly review', location: 'Room 4',
      recurring: true, private: false, attendeeCount: 2,
    };
    renderWithProviders(<EventContent arg={arg({ occurrence, zoneLabel: '' })} />);
    const ev = screen.getByTestId('calendar-event');
    expect(ev).toHaveAttribute('data-event-id', 'e1');
    expect(ev).toHaveTextContent('Weekly review');
    expect(screen.getByLabelText('Repeats')).toBeInTheDocument();
  });
});
