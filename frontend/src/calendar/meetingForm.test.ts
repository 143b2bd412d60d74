// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  inputForScope,
  inputFromForm,
  meetingFormFromEvent,
  newMeetingForm,
  occurrenceTimes,
  shiftEnd,
  validateMeeting,
} from './meetingForm';
import { weeklyEvent } from '../test/calendarFixtures';

describe('meeting form', () => {
  it('round-trips a meeting through the form unchanged', () => {
    const e = weeklyEvent();
    const input = inputFromForm(meetingFormFromEvent(e), e);
    expect(input).toEqual({
      calendarId: 'cal1',
      title: 'Weekly review',
      location: 'Room 1',
      notes: 'Agenda',
      start: '2026-03-02T09:00:00',
      end: '2026-03-02T10:00:00',
      allDay: false,
      timeZone: 'Europe/Berlin',
      rrule: 'FREQ=WEEKLY;BYDAY=MO',
      exDates: ['2026-03-16T09:00:00'],
      attendees: e.attendees,
      reminders: [{ minutesBefore: 15 }],
      busy: 'busy',
      private: false,
      categories: ['Sales'],
      status: 'confirmed',
    });
  });

  it('keeps a rule it cannot show, byte for byte, unless the repeat section is edited', () => {
    const e = weeklyEvent({ rrule: 'FREQ=MONTHLY;BYSETPOS=-1;BYDAY=MO,TU,WE,TH,FR' });
    const v = meetingFormFromEvent(e);
    expect(v.rruleCustom).toBe(true);
    expect(inputFromForm({ ...v, title: 'New title' }, e).rrule).toBe(e.rrule);
    expect(inputFromForm({ ...v, repeatEdited: true, repeat: { ...v.repeat, freq: 'daily' } }, e).rrule).toBe('FREQ=DAILY');
  });

  it('shows an all-day end date inclusive and stores it exclusive', () => {
    const e = weeklyEvent({ allDay: true, start: '2026-03-02', end: '2026-03-04', timeZone: '', rrule: '' });
    const v = meetingFormFromEvent(e);
    expect([v.startDate, v.endDate]).toEqual(['2026-03-02', '2026-03-03']);
    const input = inputFromForm(v, e);
    expect([input.start, input.end, input.timeZone]).toEqual(['2026-03-02', '2026-03-04', '']);
  });

  it('starts a new meeting from a selected range', () => {
    const timed = newMeetingForm('2026-03-02T14:00:00', '2026-03-02T14:30:00', false, 'Asia/Dhaka', 'cal2');
    expect(timed).toMatchObject({ startDate: '2026-03-02', startTime: '14:00', endTime: '14:30', timeZone: 'Asia/Dhaka', calendarId: 'cal2' });
    const day = newMeetingForm('2026-03-02', '2026-03-03', true, 'Asia/Dhaka', 'cal2');
    expect([day.startDate, day.endDate]).toEqual(['2026-03-02', '2026-03-02']);
    expect(inputFromForm({ ...day, title: 'Fair' })).toMatchObject({ start: '2026-03-02', end: '2026-03-03', allDay: true });
  });

  it('opens one occurrence with its own times and changes', () => {
    const e = weeklyEvent({
      overrides: [
        {
          recurrenceId: '2026-03-23T09:00:00',
          start: '2026-03-23T11:00:00',
          end: '2026-03-23T12:30:00',
          title: 'Moved review',
          location: 'Room 2',
          notes: 'Moved',
          cancelled: false,
        },
      ],
    });
    expect(occurrenceTimes(e, '2026-03-09T09:00:00')).toEqual({ start: '2026-03-09T09:00:00', end: '2026-03-09T10:00:00' });
    const v = meetingFormFromEvent(e, '2026-03-23T09:00:00');
    expect(v).toMatchObject({ title: 'Moved review', location: 'Room 2', startTime: '11:00', endTime: '12:30', startDate: '2026-03-23' });
  });

  it('validates title and times', () => {
    const v = newMeetingForm('2026-03-02T14:00:00', '2026-03-02T15:00:00', false, 'UTC', 'cal1');
    expect(validateMeeting(v)).toEqual({ title: 'calendar.editor.errors.title' });
    expect(validateMeeting({ ...v, title: 'x', endTime: '13:00' })).toEqual({ end: 'errors.event_invalid_time' });
    expect(validateMeeting({ ...v, title: 'x', endTime: '14:00' })).toEqual({});
    expect(validateMeeting({ ...v, title: 'x', repeatEdited: true, repeat: { ...v.repeat, freq: 'weekly', byDay: [] } })).toEqual({
      repeat: 'calendar.repeat.errors.days',
    });
  });

  it('keeps the length when the start moves', () => {
    const v = newMeetingForm('2026-03-02T23:00:00', '2026-03-03T00:30:00', false, 'UTC', 'cal1');
    expect(shiftEnd(v, '2026-03-05', '10:00')).toEqual({ endDate: '2026-03-05', endTime: '11:30' });
    const d = newMeetingForm('2026-03-02', '2026-03-05', true, 'UTC', 'cal1');
    expect(shiftEnd(d, '2026-03-10', '')).toMatchObject({ endDate: '2026-03-12' });
  });
});

describe('inputForScope', () => {
  const e = weeklyEvent();
  const occ = { start: '2026-03-09T09:00:00', end: '2026-03-09T10:00:00' };
  const edited = { ...inputFromForm(meetingFormFromEvent(e, occ.start), e), start: '2026-03-09T10:30:00', end: '2026-03-09T12:00:00' };

  it('sends the occurrence times for this and following', () => {
    expect(inputForScope(edited, e, occ, 'this')).toBe(edited);
    expect(inputForScope(edited, e, occ, 'following')).toBe(edited);
  });

  it('moves the whole series by as much as the occurrence moved, with its new length', () => {
    const all = inputForScope(edited, e, occ, 'all');
    expect([all.start, all.end]).toEqual(['2026-03-02T10:30:00', '2026-03-02T12:00:00']);
  });

  it('keeps the series start when only the title changed', () => {
    const titled = { ...inputFromForm(meetingFormFromEvent(e, occ.start), e), title: 'Renamed' };
    const all = inputForScope(titled, e, occ, 'all');
    expect([all.start, all.end, all.title]).toEqual(['2026-03-02T09:00:00', '2026-03-02T10:00:00', 'Renamed']);
  });
});
