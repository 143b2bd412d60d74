// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { meetingZoneLabel, zoneOffset } from './zoneLabel';
import { effectiveZone, instantOf, wallClockOf } from './time';

const berlinNine = { allDay: false, timeZone: 'Europe/Berlin', start: '2026-03-02T08:00:00Z', startLocal: '2026-03-02T09:00:00' };

describe('meetingZoneLabel', () => {
  it('names the meeting zone and its clock time when the user is elsewhere', () => {
    expect(meetingZoneLabel(berlinNine, 'America/New_York')).toBe('09:00 Europe/Berlin');
    expect(meetingZoneLabel(berlinNine, 'UTC')).toBe('09:00 Europe/Berlin');
  });

  it('says nothing in the meeting zone, or in one showing the same clock time', () => {
    expect(meetingZoneLabel(berlinNine, 'Europe/Berlin')).toBeNull();
    expect(meetingZoneLabel(berlinNine, 'Europe/Paris')).toBeNull();
  });

  it('says nothing for all-day and floating meetings', () => {
    expect(meetingZoneLabel({ ...berlinNine, allDay: true, startLocal: '2026-03-02' }, 'UTC')).toBeNull();
    expect(meetingZoneLabel({ ...berlinNine, timeZone: '' }, 'UTC')).toBeNull();
  });

  it('names a zone known only by its TZID text as received', () => {
    const outlook = { ...berlinNine, timeZone: 'W. Europe Standard Time (custom)' };
    expect(meetingZoneLabel(outlook, 'Asia/Dhaka')).toBe('09:00 W. Europe Standard Time (custom)');
  });

  it('shows the label when only the date differs (Tokyo morning is the previous evening in New York)', () => {
    const tokyo = { allDay: false, timeZone: 'Asia/Tokyo', start: '2026-03-02T00:00:00Z', startLocal: '2026-03-02T09:00:00' };
    expect(meetingZoneLabel(tokyo, 'America/New_York')).toBe('09:00 Asia/Tokyo');
  });
});

describe('zone arithmetic', () => {
  it('converts wall clocks and instants both ways across a DST change', () => {
    expect(instantOf('2026-03-28T09:00:00', 'Europe/Berlin')).toBe('2026-03-28T09:00:00+01:00');
    expect(instantOf('2026-03-30T09:00:00', 'Europe/Berlin')).toBe('2026-03-30T09:00:00+02:00');
    expect(wallClockOf('2026-03-30T07:00:00Z', 'Europe/Berlin')).toBe('2026-03-30T09:00:00');
    expect(wallClockOf('not a time', 'Europe/Berlin')).toBe('');
  });

  it('reads floating and unknown zones in the user zone', () => {
    expect(effectiveZone('', 'Asia/Dhaka')).toBe('Asia/Dhaka');
    expect(effectiveZone('W. Europe Standard Time', 'Asia/Dhaka')).toBe('Asia/Dhaka');
    expect(effectiveZone('Europe/Berlin', 'Asia/Dhaka')).toBe('Europe/Berlin');
    expect(effectiveZone('', 'nowhere')).toBe('UTC');
  });

  it('gives the UTC offset of a zone', () => {
    expect(zoneOffset('Asia/Dhaka')).toBe('UTC+06:00');
    expect(zoneOffset('UTC')).toBe('UTC');
    expect(zoneOffset('Europe/Berlin', new Date('2026-07-01T00:00:00Z'))).toBe('UTC+02:00');
    expect(zoneOffset('Not/AZone')).toBe('');
  });
});
