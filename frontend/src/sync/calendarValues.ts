// Pure helpers of the sync page for meetings and tasks: the names of their fields (as the journal
// and the conflict inbox name them, see sync/caldav's Schema() and the services' ChangedFields)
// and their conflict values (JSON) made readable.
import type { TFunction } from 'i18next';
import { addDays, datePart, naive, timePart } from '../calendar/time';
import { reminderLabel } from '../calendar/reminderLabel';
import { priorityLevel } from '../tasks/taskModel';
import type { ReadableValue } from './values';

/** The translation key of a meeting's or task's field. */
export const CALENDAR_FIELD_LABEL_KEYS: Record<string, string> = {
  title: 'sync.fields.title',
  location: 'sync.fields.location',
  notes: 'sync.fields.notes',
  when: 'sync.fields.when',
  start: 'sync.fields.start',
  end: 'sync.fields.end',
  due: 'sync.fields.due',
  allDay: 'sync.fields.allDay',
  timeZone: 'sync.fields.timeZone',
  rrule: 'sync.fields.rrule',
  exDates: 'sync.fields.exDates',
  rDates: 'sync.fields.rDates',
  attendees: 'sync.fields.attendees',
  organizer: 'sync.fields.organizer',
  reminders: 'sync.fields.reminders',
  busy: 'sync.fields.busy',
  private: 'sync.fields.private',
  categories: 'sync.fields.categories',
  status: 'sync.fields.status',
  priority: 'sync.fields.priority',
  percentComplete: 'sync.fields.percentComplete',
  completedAt: 'sync.fields.completedAt',
  overrides: 'sync.fields.overrides',
  recurrenceId: 'sync.fields.recurrenceId',
  calendarId: 'sync.fields.calendarId',
  contactId: 'sync.fields.contactId',
  companyId: 'sync.fields.companyId',
  dealId: 'sync.fields.dealId',
};

/** A task's times are its start and due date: "when" reads differently there. */
const TASK_FIELD_LABEL_KEYS: Record<string, string> = { when: 'sync.fields.taskWhen' };

/** True for the records of a calendar (meetings and tasks). */
export const isCalendarEntity = (entity: string) => entity === 'event' || entity === 'task';

/** The translated name of a meeting's or task's field; an unknown name is shown as it is. */
export function calendarFieldName(t: (k: string) => string, field: string, entity: string): string {
  const key = (entity === 'task' ? TASK_FIELD_LABEL_KEYS[field] : undefined) ?? CALENDAR_FIELD_LABEL_KEYS[field];
  return key ? t(key) : field;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const s = (v: unknown): string => (typeof v === 'string' ? v : v == null ? '' : String(v));

/** A property of a Go struct marshalled without tags ("Email") or with them ("email"). */
function get(o: Obj, name: string): unknown {
  if (name in o) return o[name];
  const lower = name[0].toLowerCase() + name.slice(1);
  if (lower in o) return o[lower];
  const upper = name[0].toUpperCase() + name.slice(1);
  return o[upper];
}

const numbers = new Map<string, Intl.NumberFormat>();
/** A number in the language's digits. */
function num(n: number, lng: string): string {
  let f = numbers.get(lng);
  if (!f) {
    f = new Intl.NumberFormat(lng);
    numbers.set(lng, f);
  }
  return f.format(n);
}

const cache = new Map<string, Intl.DateTimeFormat>();
function fmt(lng: string, kind: 'date' | 'dateTime' | 'time' | 'instant'): Intl.DateTimeFormat {
  const key = `${kind}|${lng}`;
  let f = cache.get(key);
  if (!f) {
    const opts: Intl.DateTimeFormatOptions =
      kind === 'date'
        ? { dateStyle: 'medium' }
        : kind === 'time'
          ? { timeStyle: 'short' }
          : { dateStyle: 'medium', timeStyle: 'short' };
    // Wall clocks are read as naive UTC values: no zone of the browser bends them.
    f = new Intl.DateTimeFormat(lng, kind === 'instant' ? opts : { ...opts, timeZone: 'UTC' });
    cache.set(key, f);
  }
  return f;
}

/** A wall clock ("2026-03-02T09:00:00") or a date ("2026-03-02") in the language; other text as it is. */
export function formatWall(wall: string, lng: string): string {
  const dt = naive(wall);
  if (!dt) return wall;
  return fmt(lng, wall.length <= 10 ? 'date' : 'dateTime').format(dt.toJSDate());
}

function formatTime(wall: string, lng: string): string {
  const dt = naive(wall);
  return dt ? fmt(lng, 'time').format(dt.toJSDate()) : wall;
}

/**
 * A meeting's times: "2 Mar 2026, 09:00 – 10:00", "2 Mar 2026 – 4 Mar 2026" for an all-day
 * meeting (whose end is exclusive, as in iCalendar).
 */
export function formatRange(start: string, end: string, allDay: boolean, lng: string): string {
  if (!start) return end ? formatWall(end, lng) : '';
  if (allDay || start.length <= 10) {
    const last = end && end.length <= 10 && end > datePart(start) ? addDays(end, -1) : '';
    return last && last !== datePart(start)
      ? `${formatWall(datePart(start), lng)} – ${formatWall(last, lng)}`
      : formatWall(datePart(start), lng);
  }
  if (!end) return formatWall(start, lng);
  if (datePart(end) === datePart(start) && timePart(end)) return `${formatWall(start, lng)} – ${formatTime(end, lng)}`;
  return `${formatWall(start, lng)} – ${formatWall(end, lng)}`;
}

type Row = { label?: string; text: string; note?: string };
const rows = (r: Row[]): ReadableValue => (r.length === 0 ? { kind: 'empty' } : { kind: 'rows', rows: r });

function zoneRow(t: TFunction, zone: string): Row {
  return { label: t('sync.fields.timeZone'), text: zone || t('sync.values.floating') };
}

function eventWhen(o: Obj, t: TFunction, lng: string): ReadableValue {
  const start = s(get(o, 'start'));
  const end = s(get(o, 'end'));
  const allDay = get(o, 'allDay') === true;
  if (!start && !end) return { kind: 'empty' };
  const range = formatRange(start, end, allDay, lng);
  if (allDay || start.length <= 10) return rows([{ text: t('sync.values.allDayRange', { range }) }]);
  return rows([{ text: range }, zoneRow(t, s(get(o, 'timeZone')))]);
}

function taskWhen(o: Obj, t: TFunction, lng: string): ReadableValue {
  const due = s(get(o, 'due'));
  const start = s(get(o, 'start'));
  const out: Row[] = [];
  if (due) out.push({ label: t('sync.fields.due'), text: formatWall(due, lng) });
  if (start) out.push({ label: t('sync.fields.start'), text: formatWall(start, lng) });
  if (out.length > 0 && (due.length > 10 || start.length > 10)) out.push(zoneRow(t, s(get(o, 'timeZone'))));
  return rows(out);
}

const WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const FREQS: Record<string, string> = { DAILY: 'daily', WEEKLY: 'weekly', MONTHLY: 'monthly', YEARLY: 'yearly' };

/** "20260401T000000Z" / "20260401" (an RRULE's UNTIL) as a date in the language. */
function untilText(v: string, lng: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})/.exec(v);
  return m ? formatWall(`${m[1]}-${m[2]}-${m[3]}`, lng) : v;
}

/** A repeat rule in words ("Every 2 weeks, Mon, Wed, 10 times"); '' when it cannot be read. */
export function describeRRule(rule: string, t: TFunction, lng: string): string {
  const parts = new Map<string, string>();
  for (const p of rule.trim().replace(/^RRULE:/i, '').split(';')) {
    const eq = p.indexOf('=');
    if (eq > 0) parts.set(p.slice(0, eq).trim().toUpperCase(), p.slice(eq + 1).trim().toUpperCase());
  }
  const freq = FREQS[parts.get('FREQ') ?? ''];
  if (!freq) return '';
  const interval = Number(parts.get('INTERVAL') ?? '1');
  const out: string[] = [];
  out.push(
    Number.isInteger(interval) && interval > 1
      ? `${t('calendar.repeat.every')} ${num(interval, lng)} ${t(`calendar.repeat.unit.${freq}`, { count: interval })}`
      : t(`calendar.repeat.freq.${freq}`),
  );
  const byDay = parts.get('BYDAY');
  if (byDay) {
    const days = byDay.split(',').map((d) => {
      const m = /^([+-]?\d)?(MO|TU|WE|TH|FR|SA|SU)$/.exec(d);
      if (!m || !WEEKDAY_CODES.includes(m[2])) return d;
      if (!m[1]) return t(`calendar.weekdays.short.${m[2]}`);
      const nth = String(Number(m[1]));
      return ['1', '2', '3', '4', '-1'].includes(nth)
        ? t('calendar.repeat.monthlyWeekday', { nth: t(`calendar.repeat.nth.${nth}`), day: t(`calendar.weekdays.long.${m[2]}`) })
        : d;
    });
    out.push(days.join(', '));
  }
  const count = Number(parts.get('COUNT'));
  if (Number.isInteger(count) && count > 0) out.push(`${num(count, lng)} ${t('calendar.repeat.times', { count })}`);
  const until = parts.get('UNTIL');
  if (until) out.push(t('sync.values.until', { date: untilText(until, lng) }));
  return out.join(', ');
}

function attendeeRow(a: Obj, t: TFunction): Row | null {
  const email = s(get(a, 'Email'));
  const name = s(get(a, 'Name'));
  if (!email && !name) return null;
  const text = name && email ? `${name} <${email}>` : name || email;
  const status = s(get(a, 'Status')) || 'needs-action';
  const role = s(get(a, 'Role')) || 'required';
  const note = [
    t(`calendar.attendees.status.${status}`, { defaultValue: status }),
    t(`calendar.attendees.roles.${role}`, { defaultValue: role }),
  ].join(' · ');
  return { text, note };
}

function overrideRow(o: Obj, t: TFunction, lng: string): Row {
  const rid = s(get(o, 'RecurrenceID'));
  const f = isObj(get(o, 'Fields')) ? (get(o, 'Fields') as Obj) : {};
  const when = formatRange(s(get(f, 'Start')), s(get(f, 'End')), get(f, 'AllDay') === true, lng);
  const cancelled = s(get(f, 'Status')) === 'cancelled';
  const note = [s(get(f, 'Title')), s(get(f, 'Location'))].filter(Boolean).join(' · ');
  return {
    label: t('sync.values.occurrence', { date: rid ? formatWall(rid, lng) : '—' }),
    text: cancelled ? t('sync.values.eventStatus.cancelled') : when || '—',
    note: note || undefined,
  };
}

/** Anything else: text as it is, lists as rows, objects as "key: value" rows — never raw JSON. */
function generic(v: unknown): ReadableValue {
  if (v == null || v === '') return { kind: 'empty' };
  if (typeof v !== 'object') return { kind: 'text', text: s(v) };
  if (Array.isArray(v)) {
    if (v.length === 0) return { kind: 'empty' };
    return rows(v.map((x) => (isObj(x) ? { text: objText(x) } : { text: s(x) })));
  }
  const entries = Object.entries(v).filter(([, x]) => x !== '' && x != null);
  return rows(entries.map(([k, x]) => ({ label: k, text: isObj(x) || Array.isArray(x) ? JSON.stringify(x) : s(x) })));
}

function objText(o: Obj): string {
  return Object.values(o)
    .filter((x) => x !== '' && x != null && typeof x !== 'object')
    .map(s)
    .join(' · ');
}

/**
 * Reads one side of a meeting's or task's conflict (the field's value as JSON text) for the
 * inbox, in the language `lng`. Text that is not JSON is shown as it is.
 */
export function readableCalendarValue(entity: string, field: string, json: string, t: TFunction, lng: string): ReadableValue {
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch {
    return json.trim() ? { kind: 'text', text: json } : { kind: 'empty' };
  }
  switch (field) {
    case 'title':
    case 'location':
    case 'notes':
      return typeof v === 'string' && v.trim() !== '' ? { kind: 'text', text: v } : v == null || v === '' ? { kind: 'empty' } : generic(v);
    case 'when':
      if (!isObj(v)) return generic(v);
      return entity === 'task' ? taskWhen(v, t, lng) : eventWhen(v, t, lng);
    case 'rrule': {
      const rule = s(v).trim();
      if (!rule) return { kind: 'text', text: t('calendar.repeat.freq.none') };
      const words = describeRRule(rule, t, lng);
      return rows(words ? [{ text: words, note: rule }] : [{ text: rule }]);
    }
    case 'exDates':
    case 'rDates':
    case 'recurrenceId': {
      const list = Array.isArray(v) ? v.map(s) : v ? [s(v)] : [];
      return rows(list.filter(Boolean).map((d) => ({ text: formatWall(d, lng) })));
    }
    case 'attendees':
      if (!Array.isArray(v)) return generic(v);
      return rows(v.filter(isObj).map((a) => attendeeRow(a, t)).filter((r): r is Row => r !== null));
    case 'organizer': {
      if (!isObj(v)) return generic(v);
      const r = attendeeRow(v, t);
      return r ? rows([{ text: r.text }]) : { kind: 'empty' };
    }
    case 'reminders':
      if (!Array.isArray(v)) return generic(v);
      return rows(
        v.filter(isObj).map((r) => {
          const m = Number(get(r, 'MinutesBefore'));
          return { text: reminderLabel(Number.isFinite(m) ? m : 0, t) };
        }),
      );
    case 'busy': {
      const b = s(v) || 'busy';
      return { kind: 'text', text: t(`calendar.busy.${b}`, { defaultValue: b }) };
    }
    case 'private':
      return { kind: 'text', text: v === true ? t('sync.values.private') : t('sync.values.notPrivate') };
    case 'categories':
      if (!Array.isArray(v)) return generic(v);
      return rows(v.map(s).filter(Boolean).map((c) => ({ text: c })));
    case 'priority': {
      const p = Number(v);
      return { kind: 'text', text: t(`tasks.priority.${priorityLevel(Number.isFinite(p) ? p : 0)}`) };
    }
    case 'status': {
      if (entity === 'task' || isObj(v)) {
        const o = isObj(v) ? v : { status: s(v) };
        const st = s(get(o, 'status')) || 'needs-action';
        const out: Row[] = [{ text: t(`tasks.status.${st}`, { defaultValue: st }) }];
        const pct = Number(get(o, 'percentComplete'));
        if (Number.isFinite(pct) && pct > 0) out.push({ text: t('sync.values.percent', { percent: num(pct, lng) }) });
        const done = s(get(o, 'completedAt'));
        if (done) {
          const d = new Date(done);
          out.push({ text: t('sync.values.completedAt', { when: Number.isNaN(d.getTime()) ? done : fmt(lng, 'instant').format(d) }) });
        }
        return rows(out);
      }
      const st = s(v) || 'confirmed';
      return { kind: 'text', text: t(`sync.values.eventStatus.${st}`, { defaultValue: st }) };
    }
    case 'overrides':
      if (!Array.isArray(v)) return generic(v);
      return rows(v.filter(isObj).map((o) => overrideRow(o, t, lng)));
    default:
      return generic(v);
  }
}
