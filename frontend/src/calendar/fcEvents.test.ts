// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { moveRequest, occurrenceKey, textOn, toFcEvent, type OccurrenceProps } from './fcEvents';
import { occurrence } from '../test/calendarFixtures';

describe('toFcEvent', () => {
  it('places timed meetings by instant and labels a foreign zone', () => {
    const fc = toFcEvent(occurrence(), 'America/New_York');
    expect(fc).toMatchObject({ id: 'ev1|2026-03-09T09:00:00', start: '2026-03-09T08:00:00Z', end: '2026-03-09T09:00:00Z', allDay: false });
    expect((fc.extendedProps as OccurrenceProps).zoneLabel).toBe('09:00 Europe/Berlin');
    expect((toFcEvent(occurrence(), 'Europe/Berlin').extendedProps as OccurrenceProps).zoneLabel).toBeNull();
  });

  it('places all-day meetings by date, whatever the instants say', () => {
    const o = occurrence({ allDay: true, start: '2026-03-08T23:00:00Z', end: '2026-03-09T23:00:00Z', startLocal: '2026-03-09', endLocal: '2026-03-10' });
    expect(toFcEvent(o, 'Asia/Tokyo')).toMatchObject({ start: '2026-03-09', end: '2026-03-10', allDay: true });
  });

  it('marks free, tentative and cancelled meetings, and falls back to a default colour', () => {
    expect(toFcEvent(occurrence({ busy: 'free' }), 'UTC').classNames).toContain('fb-event-free');
    expect(toFcEvent(occurrence({ busy: 'tentative' }), 'UTC').classNames).toContain('fb-event-tentative');
    expect(toFcEvent(occurrence({ status: 'cancelled' }), 'UTC').classNames).toContain('fb-event-cancelled');
    expect(toFcEvent(occurrence({ color: 'red;background:url(x)' }), 'UTC').backgroundColor).toBe('#228be6');
  });

  it('picks readable text on light and dark colours', () => {
    expect(textOn('#ffe066')).toBe('#1a1b1e');
    expect(textOn('#1864ab')).toBe('#fff');
    expect(occurrenceKey({ eventId: 'a', recurrenceId: '' })).toBe('a|');
  });
});

describe('moveRequest', () => {
  it('sends the dropped instants of a timed occurrence with its scope', () => {
    const m = moveRequest(occurrence(), { allDay: false, startStr: '2026-03-10T15:00:00.000+01:00', endStr: '2026-03-10T16:30:00+01:00' }, 'this', 'Europe/Berlin');
    expect(m).toEqual({
      id: 'ev1',
      version: 4,
      scope: 'this',
      recurrenceId: '2026-03-09T09:00:00',
      start: '2026-03-10T15:00:00+01:00',
      end: '2026-03-10T16:30:00+01:00',
    });
  });

  it('keeps the length when FullCalendar drops the end', () => {
    const m = moveRequest(occurrence(), { allDay: false, startStr: '2026-03-10T15:00:00Z', endStr: '' }, 'all', 'UTC');
    expect([m.start, m.end]).toEqual(['2026-03-10T15:00:00Z', '2026-03-10T16:00:00Z']);
  });

  it('sends an all-day move as midnights in the user zone, so the dates stay', () => {
    const o = occurrence({ allDay: true, recurring: false, recurrenceId: '', startLocal: '2026-03-09', endLocal: '2026-03-11' });
    const m = moveRequest(o, { allDay: true, startStr: '2026-03-12', endStr: '' }, 'all', 'Asia/Dhaka');
    expect([m.start, m.end]).toEqual(['2026-03-12T00:00:00+06:00', '2026-03-14T00:00:00+06:00']);
    const resized = moveRequest(o, { allDay: true, startStr: '2026-03-09', endStr: '2026-03-13' }, 'all', 'UTC');
    expect([resized.start, resized.end]).toEqual(['2026-03-09T00:00:00Z', '2026-03-13T00:00:00Z']);
  });
});
