// A stand-in for the Go services, for looking at the UI in a plain browser (frontend/harness,
// screenshots). Never imported by the app itself. It installs window.go.app.<Service>.<Method>
// and window.runtime like the Wails runtime does; data lives in memory and is made relative to
// today, so the calendar always has something to show.
import { DateTime } from 'luxon';
import type { CalendarEvent, CalendarInfo, Occurrence, Task } from '../api/calendarTypes';

type Fn = (...args: unknown[]) => Promise<unknown>;

const USER_ZONE = 'Europe/London';
const now = DateTime.now().setZone(USER_ZONE);
const monday = now.startOf('week');
const day = (offset: number) => monday.plus({ days: offset }).toFormat('yyyy-MM-dd');
const wall = (offset: number, time: string) => `${day(offset)}T${time}:00`;

const calendars: CalendarInfo[] = [
  { id: 'work', name: 'Work', color: '#228be6', isDefault: true, collectionId: 'col1', accountName: 'office.example.com' },
  { id: 'sales', name: 'Customer visits', color: '#12b886', isDefault: false, collectionId: '', accountName: '' },
  { id: 'personal', name: 'Personal', color: '#fd7e14', isDefault: false, collectionId: '', accountName: '' },
];

const person = (email: string, name: string, status = 'accepted', contactId = '') => ({ email, name, role: 'required', status, contactId });

function event(id: string, patch: Partial<CalendarEvent>): CalendarEvent {
  return {
    id,
    calendarId: 'work',
    version: 1,
    uid: `${id}@fieldbook`,
    title: '',
    location: '',
    notes: '',
    start: '',
    end: '',
    allDay: false,
    timeZone: USER_ZONE,
    rrule: '',
    exDates: [],
    attendees: [],
    organizer: person('me@example.com', 'Sam Field'),
    reminders: [{ minutesBefore: 15 }],
    busy: 'busy',
    private: false,
    categories: [],
    status: 'confirmed',
    overrides: [],
    originalTzid: '',
    createdAt: now.toISO() ?? '',
    updatedAt: now.toISO() ?? '',
    ...patch,
  };
}

const events: CalendarEvent[] = [
  event('standup', {
    title: 'Sales stand-up',
    location: 'Teams',
    start: wall(-7, '09:00'),
    end: wall(-7, '09:30'),
    rrule: 'FREQ=WEEKLY;BYDAY=MO,WE,FR',
    attendees: [person('ada@example.com', 'Ada Lovelace', 'accepted', 'c1'), person('grace@example.com', 'Grace Hopper', 'tentative', 'c2')],
  }),
  event('berlin', {
    title: 'Quarterly review with Müller GmbH',
    location: 'Müller GmbH, Berlin',
    start: wall(1, '14:00'),
    end: wall(1, '15:30'),
    timeZone: 'Europe/Berlin',
    originalTzid: 'W. Europe Standard Time',
    calendarId: 'sales',
    notes: 'Bring the new price list.\nAsk about the Hamburg site.',
    attendees: [person('k.mueller@mueller.example', 'Klaus Müller', 'accepted', 'c3')],
    categories: ['Key account'],
  }),
  event('ny', {
    title: 'Call: Acme Inc (New York)',
    start: wall(2, '10:00'),
    end: wall(2, '11:00'),
    timeZone: 'America/New_York',
    calendarId: 'sales',
    attendees: [person('jo@acme.example', 'Jo Acme', 'needs-action')],
  }),
  event('fair', { title: 'Trade fair', start: day(3), end: day(5), allDay: true, timeZone: '', calendarId: 'work', busy: 'oof' }),
  event('lunch', { title: 'Lunch with Grace', location: 'Dishoom', start: wall(3, '12:30'), end: wall(3, '13:30'), busy: 'tentative', calendarId: 'personal', private: true }),
  event('visit', { title: 'Visit: Northwind depot', location: 'Leeds', start: wall(4, '10:00'), end: wall(4, '12:00'), calendarId: 'sales' }),
  event('planning', { title: 'Pipeline planning', start: wall(0, '15:00'), end: wall(0, '16:00'), busy: 'free' }),
  event('dentist', { title: 'Dentist', start: wall(9, '08:30'), end: wall(9, '09:15'), calendarId: 'personal' }),
  event('offsite', { title: 'Team offsite', start: day(15), end: day(16), allDay: true }),
];

const tasks: Task[] = [
  mkTask('t1', 'Send Müller the revised quote', wall(0, '17:00'), 1, 'c3', 'Klaus Müller', true),
  mkTask('t2', 'Call Ada about renewal', day(Math.max(0, now.weekday - 1)), 5, 'c1', 'Ada Lovelace', false),
  mkTask('t3', 'Prepare trade fair samples', day(now.weekday + 1), 9, '', '', false),
  mkTask('t4', 'Expense report', day(now.weekday - 3), 0, '', '', true),
  mkTask('t5', 'Follow up with Jo (Acme)', day(now.weekday + 6), 1, '', '', false),
];

function mkTask(id: string, title: string, due: string, priority: number, contactId: string, contactName: string, overdue: boolean): Task {
  const timed = due.length > 10;
  return {
    id,
    calendarId: 'work',
    version: 1,
    title,
    notes: '',
    due,
    start: '',
    timeZone: timed ? USER_ZONE : '',
    dueAt: timed ? (DateTime.fromISO(due, { zone: USER_ZONE }).toUTC().toISO() ?? '') : '',
    allDay: !timed,
    priority,
    status: 'needs-action',
    percentComplete: 0,
    completedAt: '',
    rrule: '',
    reminders: [],
    categories: [],
    contactId,
    contactName,
    companyId: '',
    companyName: '',
    dealId: '',
    overdue,
  };
}

const WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** Occurrences of the mock events overlapping [from, to): weekly rules expanded naively. */
function occurrences(q: { from: string; to: string }): Occurrence[] {
  const from = DateTime.fromISO(q.from);
  const to = DateTime.fromISO(q.to);
  const out: Occurrence[] = [];
  for (const e of events) {
    const zone = e.allDay ? USER_ZONE : e.timeZone || USER_ZONE;
    const first = DateTime.fromISO(e.start, { zone });
    const length = DateTime.fromISO(e.end, { zone }).diff(first);
    const starts: DateTime[] = [];
    if (e.rrule.startsWith('FREQ=WEEKLY')) {
      const days = /BYDAY=([A-Z,]+)/.exec(e.rrule)?.[1].split(',') ?? [WEEKDAY_CODES[first.weekday - 1]];
      for (let d = first; d < to; d = d.plus({ days: 1 })) if (days.includes(WEEKDAY_CODES[d.weekday - 1])) starts.push(d);
    } else {
      starts.push(first);
    }
    for (const s of starts) {
      const end = s.plus(length);
      if (end <= from || s >= to) continue;
      const rid = e.rrule ? s.toFormat(e.allDay ? 'yyyy-MM-dd' : "yyyy-MM-dd'T'HH:mm:ss") : '';
      out.push({
        eventId: e.id,
        calendarId: e.calendarId,
        color: calendars.find((c) => c.id === e.calendarId)?.color ?? '#228be6',
        title: e.title,
        location: e.location,
        start: s.toUTC().toISO({ suppressMilliseconds: true }) ?? '',
        end: end.toUTC().toISO({ suppressMilliseconds: true }) ?? '',
        allDay: e.allDay,
        startLocal: e.allDay ? s.toFormat('yyyy-MM-dd') : s.toFormat("yyyy-MM-dd'T'HH:mm:ss"),
        endLocal: e.allDay ? end.toFormat('yyyy-MM-dd') : end.toFormat("yyyy-MM-dd'T'HH:mm:ss"),
        timeZone: e.allDay ? '' : e.timeZone,
        recurring: !!e.rrule,
        recurrenceId: rid,
        busy: e.busy,
        private: e.private,
        status: e.status,
        attendeeCount: e.attendees.length,
        version: e.version,
      });
    }
  }
  return out;
}

const contacts = [
  { id: 'c1', displayName: 'Ada Lovelace', company: 'Analytical Engines Ltd', title: 'Buyer', email: 'ada@example.com', phone: '', tags: [] },
  { id: 'c2', displayName: 'Grace Hopper', company: 'Navy Systems', title: '', email: 'grace@example.com', phone: '', tags: [] },
  { id: 'c3', displayName: 'Klaus Müller', company: 'Müller GmbH', title: 'CEO', email: 'k.mueller@mueller.example', phone: '', tags: [] },
];

const syncAccount = {
  id: 'a1', name: 'ada@dav.example.com', url: 'https://dav.example.com/', username: 'ada', certFingerprint: '',
  lastSyncAt: now.minus({ minutes: 4 }).toUTC().toISO(), lastError: '',
  addressBooks: [{ id: 'b1', href: '/dav/addressbooks/ada/contacts/', name: 'Contacts', description: '', enabled: true, isDefault: true }],
  calendars: [
    { id: 'k1', href: '/dav/calendars/ada/work/', name: 'Work', description: '', color: '#1E88E5', events: true, tasks: true, enabled: true },
    { id: 'k2', href: '/dav/calendars/ada/errands/', name: 'Errands', description: '', color: '', events: false, tasks: true, enabled: false },
  ],
};

const syncConflicts = [
  {
    id: 'x1', contactId: '', contactName: '', field: 'when', createdAt: now.minus({ hours: 1 }).toUTC().toISO(),
    base: JSON.stringify({ start: '2026-03-02T09:00:00', end: '2026-03-02T10:00:00', timeZone: 'Europe/Berlin' }),
    mine: JSON.stringify({ start: '2026-03-02T11:00:00', end: '2026-03-02T12:00:00', timeZone: 'Europe/Berlin' }),
    theirs: JSON.stringify({ start: '2026-03-03T09:00:00', end: '2026-03-03T10:30:00', timeZone: 'W. Europe Standard Time' }),
    entity: 'event', itemId: 'berlin', title: 'Quarterly review with Müller GmbH',
  },
  {
    id: 'x2', contactId: '', contactName: '', field: 'status', createdAt: now.minus({ hours: 1 }).toUTC().toISO(),
    base: JSON.stringify({ status: 'needs-action' }),
    mine: JSON.stringify({ status: 'completed', percentComplete: 100, completedAt: now.toUTC().toISO() }),
    theirs: JSON.stringify({ status: 'in-process', percentComplete: 50 }),
    entity: 'task', itemId: 't1', title: 'Send the offer to Ada',
  },
];

const impl: Record<string, Record<string, Fn>> = {
  SettingsService: { Get: async () => ({ language: new URLSearchParams(location.search).get('lang') ?? 'en', phoneRegion: 'GB' }) },
  StatusService: { Status: async () => ({ version: 'dev', databasePath: '/tmp/mock.db', contacts: contacts.length, pendingChanges: 2 }) },
  ContactsService: {
    Get: async (id) => {
      const c = contacts.find((x) => x.id === id) ?? contacts[0];
      const [givenName, familyName] = c.displayName.split(' ');
      return { ...c, givenName, familyName, emails: [{ label: 'work', value: c.email }], notes: '', createdAt: now.toISO(), updatedAt: now.toISO() };
    },
    List: async (req) => {
      const q = String((req as { query?: string }).query ?? '').toLowerCase();
      const items = contacts.filter((c) => !q || c.displayName.toLowerCase().includes(q) || c.email.includes(q));
      return { items, total: items.length, offset: 0 };
    },
  },
  CalendarService: {
    Calendars: async () => calendars,
    Occurrences: async (q) => occurrences(q as { from: string; to: string }),
    Event: async (id) => events.find((e) => e.id === id) ?? Promise.reject(JSON.stringify({ code: 'not_found', message: 'no such event' })),
    Zones: async () => Intl.supportedValuesOf('timeZone'),
    UserZone: async () => USER_ZONE,
    ContactTimeline: async () =>
      events
        .filter((e) => e.attendees.length)
        .map((e) => ({
          kind: 'meeting',
          eventId: e.id,
          recurrenceId: '',
          title: e.title,
          start: DateTime.fromISO(e.start, { zone: e.timeZone || USER_ZONE }).toUTC().toISO(),
          end: '',
          location: e.location,
          notes: e.notes,
        })),
    MoveOccurrence: async (m) => events.find((e) => e.id === (m as { id: string }).id),
    CreateEvent: async (input) => {
      const e = event(`new${events.length}`, input as Partial<CalendarEvent>);
      events.push(e);
      return e;
    },
  },
  TasksService: {
    Tasks: async (q) => {
      const list = (q as { list: string }).list;
      const today = now.toFormat('yyyy-MM-dd');
      return tasks.filter((t) => {
        const d = t.due.slice(0, 10);
        if (list === 'done') return t.status === 'completed';
        if (t.status === 'completed') return false;
        if (list === 'today') return d === today || t.overdue;
        if (list === 'overdue') return t.overdue;
        if (list === 'upcoming') return d > today;
        return true;
      });
    },
    CompleteTask: async (id, _v, done) => {
      const t = tasks.find((x) => x.id === id);
      if (t) t.status = done ? 'completed' : 'needs-action';
      return t;
    },
  },
  RemindersService: {
    Active: async () => [
      {
        id: 'r1',
        kind: 'event',
        itemId: 'berlin',
        recurrenceId: '',
        title: 'Quarterly review with Müller GmbH',
        start: now.plus({ minutes: 15 }).toUTC().toISO(),
        at: now.toUTC().toISO(),
        location: 'Müller GmbH, Berlin',
      },
    ],
  },
  SyncService: {
    Status: async () => ({ accounts: 1, running: false, online: true, lastSyncAt: now.minus({ minutes: 4 }).toUTC().toISO(), pending: 2, conflicts: syncConflicts.length }),
    Accounts: async () => [syncAccount],
    Discover: async () => ({
      url: 'https://dav.example.com/',
      addressBooks: syncAccount.addressBooks.map((b) => ({ ...b, id: '' })),
      calendars: syncAccount.calendars.map((c) => ({ ...c, id: '', enabled: true })),
    }),
    ServerCalendars: async () => [
      ...syncAccount.calendars,
      { id: '', href: '/dav/calendars/ada/holidays/', name: 'Holidays', description: 'Public holidays', color: '#FB8C00', events: true, tasks: false, enabled: false },
    ],
    Conflicts: async () => syncConflicts,
    Outbox: async () => [
      { seq: 11, entity: 'event', entityId: 'berlin', title: 'Quarterly review with Müller GmbH', op: 'update', fields: ['when', 'attendees'], createdAt: now.minus({ minutes: 3 }).toUTC().toISO(), state: 'pending', attempts: 0, lastError: '' },
      { seq: 12, entity: 'task', entityId: 't1', title: 'Send the offer to Ada', op: 'create', fields: [], createdAt: now.minus({ minutes: 2 }).toUTC().toISO(), state: 'failed', attempts: 2, lastError: 'HTTP 412 Precondition Failed' },
    ],
  },
  ImportExportService: {
    PreviewImport: async () => ({
      format: 'ics', encoding: 'utf-8', warnings: [], events: 2, tasks: 1,
      items: [
        { kind: 'event', line: 4, title: 'Weekly sync', start: '2026-03-02T09:00:00', timeZone: 'Europe/Berlin', allDay: false, recurring: true, skip: '', problems: [] },
        { kind: 'event', line: 30, title: 'Offsite', start: '2026-03-10', timeZone: '', allDay: true, recurring: false, skip: '', problems: ['ATTACH dropped'] },
        { kind: 'task', line: 52, title: 'Send minutes', start: '2026-03-03T17:00:00', timeZone: 'Europe/Berlin', allDay: false, recurring: false, skip: '', problems: [] },
      ],
    }),
  },
};

const unknown: Fn = async () => null;

/** Installs the mock as window.go / window.runtime. */
export function installMockBackend(): void {
  const go = new Proxy(
    {},
    { get: (_t, service: string) => new Proxy({}, { get: (_s, method: string) => impl[service]?.[method] ?? unknown }) },
  );
  const w = window as unknown as { go: unknown; runtime: unknown };
  w.go = { app: go };
  w.runtime = { EventsOnMultiple: () => () => {}, EventsOff: () => {}, BrowserOpenURL: () => {} };
}
