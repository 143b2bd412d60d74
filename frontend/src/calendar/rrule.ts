import { DateTime } from 'luxon';
import { DATE_FORMAT, datePart, isValidZone, naive } from './time';

// The meeting editor's "Repeat" section as form values, to and from an RFC 5545 RRULE.
// fromRRule only accepts what the form can show without changing its meaning; any other rule
// (BYSETPOS, several monthly days, an hourly rule…) gives null and the editor shows it as text
// and keeps it.

export type Freq = 'none' | 'daily' | 'weekly' | 'monthly' | 'yearly';
export type Weekday = 'MO' | 'TU' | 'WE' | 'TH' | 'FR' | 'SA' | 'SU';
export type Ends = 'never' | 'until' | 'count';
/** Monthly on the start's day of the month, or on its weekday ("the second Tuesday"). */
export type MonthlyBy = 'day' | 'weekday';

export const WEEKDAYS: readonly Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

export interface RepeatForm {
  freq: Freq;
  /** Every N days/weeks/months/years (≥ 1). */
  interval: number;
  /** Weekly: the days, at least one. */
  byDay: Weekday[];
  monthlyBy: MonthlyBy;
  /** Monthly by weekday: 1–4, or -1 for the last. */
  nth: number;
  ends: Ends;
  /** The last day (inclusive), "YYYY-MM-DD", read in the meeting's zone. */
  until: string;
  count: number;
  /** WKST as received (kept, it changes multi-week rules); '' when none. */
  wkst: string;
}

/** What the rule is read against: the meeting's first start and zone. */
export interface RepeatContext {
  /** Wall clock or date of the first occurrence. */
  start: string;
  allDay: boolean;
  /** '' = floating. */
  timeZone: string;
}

/** The weekday code of a date or wall clock, or null. */
export function weekdayOf(start: string): Weekday | null {
  const dt = naive(datePart(start));
  return dt ? WEEKDAYS[dt.weekday - 1] : null;
}

/** The ordinal of the start's weekday in its month: 1–4, or -1 when in the month's last seven days and the fifth. */
export function nthOf(start: string): number {
  const dt = naive(datePart(start));
  if (!dt) return 1;
  const n = Math.ceil(dt.day / 7);
  return n >= 5 ? -1 : n;
}

/** The ordinals a start can be named by: its week number (1–4), and -1 when it is in the month's last week. */
function ordinalsOf(start: string): number[] {
  const dt = naive(datePart(start));
  if (!dt) return [];
  const out: number[] = [];
  const n = Math.ceil(dt.day / 7);
  if (n <= 4) out.push(n);
  if (dt.day + 7 > (dt.daysInMonth ?? 31)) out.push(-1);
  return out;
}

/** The form of a meeting that does not repeat (the defaults shown when "Repeat" is switched on). */
export function defaultRepeat(ctx: RepeatContext): RepeatForm {
  const day = weekdayOf(ctx.start);
  const start = naive(datePart(ctx.start));
  return {
    freq: 'none',
    interval: 1,
    byDay: day ? [day] : ['MO'],
    monthlyBy: 'day',
    nth: nthOf(ctx.start),
    ends: 'never',
    until: start ? start.plus({ months: 3 }).toFormat(DATE_FORMAT) : '',
    count: 10,
    wkst: '',
  };
}

const FREQ_NAMES: Record<Exclude<Freq, 'none'>, string> = {
  daily: 'DAILY',
  weekly: 'WEEKLY',
  monthly: 'MONTHLY',
  yearly: 'YEARLY',
};

/** The UNTIL value for the last day: a date (all-day), a floating end of day, or that day's end in the zone as UTC. */
export function untilValue(until: string, ctx: RepeatContext): string {
  const compact = until.replace(/-/g, '');
  if (ctx.allDay) return compact;
  if (ctx.timeZone === '') return `${compact}T235959`;
  const zone = isValidZone(ctx.timeZone) ? ctx.timeZone : 'UTC';
  const end = DateTime.fromISO(`${until}T23:59:59`, { zone });
  if (!end.isValid) return `${compact}T235959Z`;
  return end.toUTC().toFormat("yyyyMMdd'T'HHmmss'Z'");
}

/** The day (in the meeting's zone) an UNTIL value falls on, "YYYY-MM-DD"; null when unreadable. */
export function untilDate(value: string, ctx: RepeatContext): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/.exec(value);
  if (!m) return null;
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  if (!naive(date)) return null;
  if (m[4] === undefined || m[7] !== 'Z') return date;
  const utc = DateTime.fromISO(`${date}T${m[4]}:${m[5]}:${m[6]}`, { zone: 'utc' });
  if (!utc.isValid) return null;
  const zone = isValidZone(ctx.timeZone) ? ctx.timeZone : 'UTC';
  return utc.setZone(zone).toFormat(DATE_FORMAT);
}

/** The RRULE for the form ('' when it does not repeat). */
export function toRRule(form: RepeatForm, ctx: RepeatContext): string {
  if (form.freq === 'none') return '';
  const parts = [`FREQ=${FREQ_NAMES[form.freq]}`];
  const interval = Math.max(1, Math.trunc(form.interval) || 1);
  if (interval > 1) parts.push(`INTERVAL=${interval}`);
  if (form.freq === 'weekly') {
    const days = WEEKDAYS.filter((d) => form.byDay.includes(d));
    const fallback = weekdayOf(ctx.start);
    parts.push(`BYDAY=${(days.length ? days : fallback ? [fallback] : ['MO']).join(',')}`);
  }
  if (form.freq === 'monthly' && form.monthlyBy === 'weekday') {
    const day = weekdayOf(ctx.start) ?? 'MO';
    const allowed = ordinalsOf(ctx.start);
    const nth = allowed.includes(form.nth) ? form.nth : nthOf(ctx.start);
    parts.push(`BYDAY=${nth}${day}`);
  }
  if (form.ends === 'count') parts.push(`COUNT=${Math.max(1, Math.trunc(form.count) || 1)}`);
  if (form.ends === 'until' && form.until) parts.push(`UNTIL=${untilValue(form.until, ctx)}`);
  if (form.wkst) parts.push(`WKST=${form.wkst}`);
  return parts.join(';');
}

const FREQ_OF: Record<string, Exclude<Freq, 'none'>> = {
  DAILY: 'daily',
  WEEKLY: 'weekly',
  MONTHLY: 'monthly',
  YEARLY: 'yearly',
};

const positiveInt = (v: string): number | null => (/^[1-9]\d{0,5}$/.test(v) ? Number(v) : null);

/**
 * The form for an RRULE: defaults for '' (no repeat), null when the rule says something the form
 * cannot (then the editor keeps the rule as it is).
 */
export function fromRRule(rrule: string, ctx: RepeatContext): RepeatForm | null {
  const form = defaultRepeat(ctx);
  const text = rrule.trim().replace(/^RRULE:/i, '');
  if (text === '') return form;

  const parts = new Map<string, string>();
  for (const part of text.split(';')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    if (eq <= 0) return null;
    const key = part.slice(0, eq).trim().toUpperCase();
    if (parts.has(key)) return null;
    parts.set(key, part.slice(eq + 1).trim().toUpperCase());
  }

  const freq = FREQ_OF[parts.get('FREQ') ?? ''];
  if (!freq) return null;
  form.freq = freq;
  const startDay = naive(datePart(ctx.start));

  for (const [key, value] of parts) {
    switch (key) {
      case 'FREQ':
        break;
      case 'INTERVAL': {
        const n = positiveInt(value);
        if (n === null) return null;
        form.interval = n;
        break;
      }
      case 'COUNT': {
        const n = positiveInt(value);
        if (n === null || parts.has('UNTIL')) return null;
        form.ends = 'count';
        form.count = n;
        break;
      }
      case 'UNTIL': {
        const d = untilDate(value, ctx);
        if (d === null) return null;
        form.ends = 'until';
        form.until = d;
        break;
      }
      case 'WKST':
        if (!(WEEKDAYS as readonly string[]).includes(value)) return null;
        form.wkst = value;
        break;
      case 'BYDAY': {
        const items = value.split(',');
        if (freq === 'weekly') {
          if (!items.every((d) => (WEEKDAYS as readonly string[]).includes(d))) return null;
          form.byDay = WEEKDAYS.filter((d) => items.includes(d));
        } else if (freq === 'monthly') {
          const m = items.length === 1 ? /^([+-]?\d)(MO|TU|WE|TH|FR|SA|SU)$/.exec(items[0]) : null;
          if (!m) return null;
          const nth = Number(m[1]);
          if (startDay && (m[2] !== weekdayOf(ctx.start) || !ordinalsOf(ctx.start).includes(nth))) return null;
          form.monthlyBy = 'weekday';
          form.nth = nth;
        } else {
          return null;
        }
        break;
      }
      case 'BYMONTHDAY':
        if (freq !== 'monthly' && freq !== 'yearly') return null;
        if (!startDay || value !== String(startDay.day)) return null;
        break;
      case 'BYMONTH':
        if (freq !== 'yearly' || !startDay || value !== String(startDay.month)) return null;
        break;
      default:
        return null;
    }
  }
  if (freq === 'monthly' && parts.has('BYDAY') && parts.has('BYMONTHDAY')) return null;
  return form;
}

/** The i18n key of what is wrong with the form, or null. */
export function repeatError(form: RepeatForm, ctx: RepeatContext): string | null {
  if (form.freq === 'none') return null;
  if (!Number.isInteger(form.interval) || form.interval < 1) return 'calendar.repeat.errors.interval';
  if (form.freq === 'weekly' && form.byDay.length === 0) return 'calendar.repeat.errors.days';
  if (form.ends === 'count' && (!Number.isInteger(form.count) || form.count < 1)) return 'calendar.repeat.errors.count';
  if (form.ends === 'until') {
    if (!naive(form.until)) return 'calendar.repeat.errors.until';
    if (form.until < datePart(ctx.start)) return 'calendar.repeat.errors.untilBeforeStart';
  }
  return null;
}
