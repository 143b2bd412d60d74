// @vitest-environment node
import { describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { describeRRule, formatRange, formatWall, readableCalendarValue } from './calendarValues';
import { fieldName } from './values';

const t = i18n.getFixedT('en');
const read = (entity: string, field: string, json: string) => readableCalendarValue(entity, field, json, t, 'en');
/** The value's text as the inbox shows it (labels, texts and notes, in order). */
function text(v: ReturnType<typeof read>): string {
  switch (v.kind) {
    case 'empty':
      return '(empty)';
    case 'text':
      return v.text;
    case 'rows':
      return v.rows.map((r) => [r.label ? `${r.label}: ${r.text}` : r.text, r.note].filter(Boolean).join(' / ')).join(' | ');
    default:
      return JSON.stringify(v);
  }
}
const norm = (s: string) => s.replace(/\s+/g, ' ');

describe('formatWall and formatRange', () => {
  it('reads wall clocks as they are, in no zone of the machine', () => {
    expect(norm(formatWall('2026-03-29T02:30:00', 'en'))).toBe('Mar 29, 2026, 2:30 AM');
    expect(formatWall('2026-03-29', 'en')).toBe('Mar 29, 2026');
    expect(formatWall('not a date', 'en')).toBe('not a date');
  });

  it('formats in the language (Bengali digits)', () => {
    expect(formatWall('2026-03-02', 'bn')).toMatch(/[০-৯]/);
    const bn = i18n.getFixedT('bn');
    const status = readableCalendarValue('task', 'status', JSON.stringify({ status: 'in-process', percentComplete: 40 }), bn, 'bn');
    expect(status).toEqual({ kind: 'rows', rows: [{ text: 'চলছে' }, { text: '৪০% সম্পন্ন' }] });
  });

  it('shows an all-day end (exclusive) as the last day, and one day as one date', () => {
    expect(formatRange('2026-03-03', '2026-03-05', true, 'en')).toBe('Mar 3, 2026 – Mar 4, 2026');
    expect(formatRange('2026-03-03', '2026-03-04', true, 'en')).toBe('Mar 3, 2026');
    expect(formatRange('2026-03-03', '', true, 'en')).toBe('Mar 3, 2026');
  });

  it('shows only the end time on the same day, the whole end otherwise', () => {
    expect(norm(formatRange('2026-03-02T09:00:00', '2026-03-02T10:30:00', false, 'en'))).toBe('Mar 2, 2026, 9:00 AM – 10:30 AM');
    expect(norm(formatRange('2026-03-02T22:00:00', '2026-03-03T01:00:00', false, 'en'))).toBe(
      'Mar 2, 2026, 10:00 PM – Mar 3, 2026, 1:00 AM',
    );
  });
});

describe('describeRRule', () => {
  it('puts the common rules in words', () => {
    expect(describeRRule('FREQ=DAILY', t, 'en')).toBe('Daily');
    expect(describeRRule('RRULE:FREQ=WEEKLY;BYDAY=TU,TH', t, 'en')).toBe('Weekly, Tue, Thu');
    expect(describeRRule('FREQ=MONTHLY;BYDAY=2TU;UNTIL=20261231T235959Z', t, 'en')).toBe('Monthly, the second Tuesday, until Dec 31, 2026');
    expect(describeRRule('FREQ=YEARLY;INTERVAL=3;COUNT=1', t, 'en')).toBe('Every 3 years, 1 time');
  });

  it('gives up on what it cannot read (the rule is then shown as it is)', () => {
    expect(describeRRule('FREQ=HOURLY', t, 'en')).toBe('');
    expect(text(read('event', 'rrule', '"FREQ=SECONDLY;INTERVAL=5"'))).toBe('FREQ=SECONDLY;INTERVAL=5');
    expect(text(read('event', 'rrule', '"FREQ=DAILY;COUNT=3"'))).toBe('Daily, 3 times / FREQ=DAILY;COUNT=3');
  });
});

describe('readableCalendarValue', () => {
  it('shows a meeting time with its zone, a floating one as such', () => {
    expect(norm(text(read('event', 'when', JSON.stringify({ start: '2026-06-01T09:00:00', end: '2026-06-01T09:30:00', timeZone: 'Asia/Dhaka' }))))).toBe(
      'Jun 1, 2026, 9:00 AM – 9:30 AM | Time zone: Asia/Dhaka',
    );
    expect(text(read('event', 'when', JSON.stringify({ start: '2026-06-01T09:00:00', end: '2026-06-01T10:00:00' })))).toContain(
      'Time zone: Floating time (no zone)',
    );
    expect(text(read('event', 'when', '{}'))).toBe('(empty)');
  });

  it('reads defaults the way the app does: busy, confirmed, to do, not repeating', () => {
    expect(text(read('event', 'busy', '""'))).toBe('Busy');
    expect(text(read('event', 'busy', '"tentative"'))).toBe('Tentative');
    expect(text(read('event', 'status', '""'))).toBe('Confirmed');
    expect(text(read('event', 'status', '"cancelled"'))).toBe('Cancelled');
    expect(text(read('task', 'status', '{}'))).toBe('To do');
    expect(text(read('event', 'rrule', '""'))).toBe('Does not repeat');
    expect(text(read('event', 'private', 'true'))).toBe('Private');
    expect(text(read('event', 'private', 'false'))).toBe('Not private');
  });

  it('lists dates, categories, the organizer and reminders', () => {
    expect(norm(text(read('event', 'exDates', JSON.stringify(['2026-03-09T09:00:00', '2026-03-16T09:00:00']))))).toBe(
      'Mar 9, 2026, 9:00 AM | Mar 16, 2026, 9:00 AM',
    );
    expect(text(read('event', 'categories', JSON.stringify(['Board', 'Q1'])))).toBe('Board | Q1');
    expect(text(read('event', 'organizer', JSON.stringify({ Email: 'boss@example.com', Name: 'The Boss', Role: '', Status: '' })))).toBe(
      'The Boss <boss@example.com>',
    );
    expect(text(read('event', 'organizer', JSON.stringify({ Email: '', Name: '' })))).toBe('(empty)');
    expect(text(read('task', 'reminders', JSON.stringify([{ MinutesBefore: 0 }, { MinutesBefore: 90 }])))).toBe(
      'At the start | 90 minutes before',
    );
  });

  it('never shows raw JSON, even for a field it does not know', () => {
    const v = text(read('event', 'xFuture', JSON.stringify({ mode: 'online', seats: 12 })));
    expect(v).toBe('mode: online | seats: 12');
    expect(text(read('event', 'xList', JSON.stringify([{ a: 'one', b: 2 }, 'two'])))).toBe('one · 2 | two');
  });

  it('shows text that is not JSON as it is, and empty text as empty', () => {
    expect(text(read('event', 'title', 'plain words'))).toBe('plain words');
    expect(text(read('event', 'title', '   '))).toBe('(empty)');
    expect(text(read('event', 'notes', '"line 1\\nline 2"'))).toBe('line 1\nline 2');
  });
});

describe('fieldName', () => {
  it('names a field by the kind of its record', () => {
    expect(fieldName(t, 'title')).toBe('Job title');
    expect(fieldName(t, 'title', 'event')).toBe('Title');
    expect(fieldName(t, 'when', 'event')).toBe('Date and time');
    expect(fieldName(t, 'when', 'task')).toBe('Start and due date');
    expect(fieldName(t, 'overrides', 'event')).toBe('Changed occurrences');
    expect(fieldName(t, 'exDates', 'event')).toBe('Skipped occurrences');
    expect(fieldName(t, 'somethingNew', 'task')).toBe('somethingNew');
  });

  it('is translated into Bengali', () => {
    expect(fieldName(i18n.getFixedT('bn'), 'when', 'event')).toBe('তারিখ ও সময়');
  });
});
