// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { defaultRepeat, fromRRule, nthOf, repeatError, toRRule, untilDate, untilValue, type RepeatContext, type RepeatForm } from './rrule';

// Monday 2 March 2026, 09:00 in Berlin (UTC+1 until 29 March).
const berlin: RepeatContext = { start: '2026-03-02T09:00:00', allDay: false, timeZone: 'Europe/Berlin' };
const allDay: RepeatContext = { start: '2026-03-02', allDay: true, timeZone: '' };
const floating: RepeatContext = { start: '2026-03-02T09:00:00', allDay: false, timeZone: '' };

function form(patch: Partial<RepeatForm>, ctx = berlin): RepeatForm {
  return { ...defaultRepeat(ctx), ...patch };
}

describe('toRRule', () => {
  it('gives no rule for a meeting that does not repeat', () => {
    expect(toRRule(form({ freq: 'none' }), berlin)).toBe('');
  });

  it.each([
    [{ freq: 'daily' }, 'FREQ=DAILY'],
    [{ freq: 'daily', interval: 3 }, 'FREQ=DAILY;INTERVAL=3'],
    [{ freq: 'weekly', byDay: ['FR', 'MO', 'WE'] }, 'FREQ=WEEKLY;BYDAY=MO,WE,FR'],
    [{ freq: 'weekly', interval: 2, byDay: [] }, 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO'],
    [{ freq: 'monthly' }, 'FREQ=MONTHLY'],
    [{ freq: 'monthly', monthlyBy: 'weekday' }, 'FREQ=MONTHLY;BYDAY=1MO'],
    [{ freq: 'yearly', ends: 'count', count: 5 }, 'FREQ=YEARLY;COUNT=5'],
    [{ freq: 'weekly', byDay: ['MO'], wkst: 'SU', interval: 2 }, 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;WKST=SU'],
  ] as [Partial<RepeatForm>, string][])('%j → %s', (patch, rule) => {
    expect(toRRule(form(patch), berlin)).toBe(rule);
  });

  it('ends a timed series at the end of the last day in the meeting zone, as UTC', () => {
    // 31 March 23:59:59 in Berlin is summer time (UTC+2).
    expect(toRRule(form({ freq: 'daily', ends: 'until', until: '2026-03-31' }), berlin)).toBe('FREQ=DAILY;UNTIL=20260331T215959Z');
    expect(toRRule(form({ freq: 'daily', ends: 'until', until: '2026-03-20' }), berlin)).toBe('FREQ=DAILY;UNTIL=20260320T225959Z');
  });

  it('ends an all-day series with a date, and a floating one with a floating time', () => {
    expect(toRRule(form({ freq: 'weekly', byDay: ['MO'], ends: 'until', until: '2026-06-01' }, allDay), allDay)).toBe(
      'FREQ=WEEKLY;BYDAY=MO;UNTIL=20260601',
    );
    expect(untilValue('2026-06-01', floating)).toBe('20260601T235959');
  });

  it('names the last weekday of the month as -1', () => {
    const lastFriday: RepeatContext = { start: '2026-03-27T10:00:00', allDay: false, timeZone: 'UTC' };
    expect(nthOf('2026-03-30')).toBe(-1);
    expect(toRRule(form({ freq: 'monthly', monthlyBy: 'weekday', nth: -1 }, lastFriday), lastFriday)).toBe('FREQ=MONTHLY;BYDAY=-1FR');
    // The fourth Friday is also the last one in March 2026: both names are allowed, the form's wins.
    expect(toRRule(form({ freq: 'monthly', monthlyBy: 'weekday', nth: 4 }, lastFriday), lastFriday)).toBe('FREQ=MONTHLY;BYDAY=4FR');
    // An ordinal the start cannot have is replaced by the start's own.
    expect(toRRule(form({ freq: 'monthly', monthlyBy: 'weekday', nth: 2 }, lastFriday), lastFriday)).toBe('FREQ=MONTHLY;BYDAY=4FR');
  });
});

describe('fromRRule', () => {
  it('reads every rule the form writes back to the same form', () => {
    const forms: Partial<RepeatForm>[] = [
      { freq: 'daily', interval: 2 },
      { freq: 'weekly', byDay: ['MO', 'TH'], ends: 'count', count: 8 },
      { freq: 'monthly', monthlyBy: 'weekday', nth: 1 },
      { freq: 'monthly', ends: 'until', until: '2026-12-31' },
      { freq: 'yearly', interval: 2 },
    ];
    for (const patch of forms) {
      const f = form(patch);
      const rule = toRRule(f, berlin);
      const back = fromRRule(rule, berlin);
      expect(back, rule).not.toBeNull();
      expect(toRRule(back as RepeatForm, berlin), rule).toBe(rule);
      expect(back?.freq).toBe(f.freq);
      if (f.ends !== 'never') expect(back?.ends).toBe(f.ends);
    }
  });

  it('gives the defaults for no rule', () => {
    expect(fromRRule('', berlin)).toEqual(defaultRepeat(berlin));
    expect(defaultRepeat(berlin)).toMatchObject({ freq: 'none', byDay: ['MO'], until: '2026-06-02' });
  });

  it('reads what Outlook and others write', () => {
    expect(fromRRule('RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,WE;WKST=SU', berlin)).toMatchObject({
      freq: 'weekly',
      interval: 1,
      byDay: ['MO', 'WE'],
      wkst: 'SU',
    });
    // UNTIL at 08:00 UTC on the last day is that day in Berlin.
    expect(fromRRule('FREQ=DAILY;UNTIL=20260315T080000Z', berlin)).toMatchObject({ ends: 'until', until: '2026-03-15' });
    // Monthly on the start's day of the month, named or not.
    expect(fromRRule('FREQ=MONTHLY;BYMONTHDAY=2', berlin)).toMatchObject({ freq: 'monthly', monthlyBy: 'day' });
    expect(fromRRule('FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=2', berlin)).toMatchObject({ freq: 'yearly' });
    expect(fromRRule('freq=weekly;byday=mo', berlin)).toMatchObject({ freq: 'weekly', byDay: ['MO'] });
  });

  it.each([
    'FREQ=HOURLY',
    'FREQ=MONTHLY;BYDAY=MO,TU',
    'FREQ=MONTHLY;BYDAY=2TU', // the start is the first Monday
    'FREQ=MONTHLY;BYMONTHDAY=15',
    'FREQ=MONTHLY;BYSETPOS=-1;BYDAY=MO,TU,WE,TH,FR',
    'FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR',
    'FREQ=WEEKLY;BYDAY=1MO',
    'FREQ=YEARLY;BYMONTH=4',
    'FREQ=DAILY;COUNT=3;UNTIL=20260401',
    'FREQ=DAILY;COUNT=0',
    'FREQ=DAILY;INTERVAL=x',
    'FREQ=DAILY;UNTIL=tomorrow',
    'FREQ=DAILY;FREQ=WEEKLY',
    'INTERVAL=2',
    'garbage',
  ])('keeps %s as text (null)', (rule) => {
    expect(fromRRule(rule, berlin)).toBeNull();
  });
});

describe('untilDate', () => {
  it('reads dates, floating and UTC times', () => {
    expect(untilDate('20260401', berlin)).toBe('2026-04-01');
    expect(untilDate('20260401T235959', berlin)).toBe('2026-04-01');
    // 23:30 UTC on 1 April is already 2 April in Berlin.
    expect(untilDate('20260401T233000Z', berlin)).toBe('2026-04-02');
    expect(untilDate('20261301', berlin)).toBeNull();
  });
});

describe('repeatError', () => {
  it('checks the interval, the days, the count and the last day', () => {
    expect(repeatError(form({ freq: 'none', interval: 0 }), berlin)).toBeNull();
    expect(repeatError(form({ freq: 'daily', interval: 0 }), berlin)).toBe('calendar.repeat.errors.interval');
    expect(repeatError(form({ freq: 'weekly', byDay: [] }), berlin)).toBe('calendar.repeat.errors.days');
    expect(repeatError(form({ freq: 'daily', ends: 'count', count: 0 }), berlin)).toBe('calendar.repeat.errors.count');
    expect(repeatError(form({ freq: 'daily', ends: 'until', until: '2026-03-01' }), berlin)).toBe('calendar.repeat.errors.untilBeforeStart');
    expect(repeatError(form({ freq: 'daily', ends: 'until', until: '' }), berlin)).toBe('calendar.repeat.errors.until');
    expect(repeatError(form({ freq: 'daily', ends: 'until', until: '2026-03-02' }), berlin)).toBeNull();
  });
});
