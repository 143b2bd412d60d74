// The sync page's calendar pieces (issue 5): calendars at account set-up and on an account,
// meeting and task conflicts, and meeting and task entries in the outbox.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SyncPage } from './SyncPage';
import { renderWithProviders } from '../test/render';
import { ApiError } from '../api/errors';
import * as sync from '../api/sync';
import * as events from '../api/events';
import type { Account, CalendarCollection, Conflict, OutboxEntry, SyncStatus } from '../api/types';

vi.mock('../api/sync', () => ({
  listAccounts: vi.fn(),
  discover: vi.fn(),
  addAccount: vi.fn(),
  removeAccount: vi.fn(),
  setAddressBook: vi.fn(),
  syncNow: vi.fn(),
  getSyncStatus: vi.fn(),
  setSyncSettings: vi.fn(),
  listOutbox: vi.fn(),
  listConflicts: vi.fn(),
  resolveConflict: vi.fn(),
  addAccountWithCalendars: vi.fn(),
  serverCalendars: vi.fn(),
  addCalendars: vi.fn(),
  setCalendar: vi.fn(),
}));
vi.mock('../api/events', () => ({ onEvent: vi.fn(() => () => {}), openExternal: vi.fn(() => false) }));

const api = vi.mocked(sync);
vi.mocked(events);

function status(patch: Partial<SyncStatus> = {}): SyncStatus {
  return {
    accounts: 1, running: false, online: true, lastSyncAt: '', nextSyncAt: '', lastError: '', pending: 0, conflicts: 0,
    intervalMinutes: 15, policy: 'ask', credentialStorage: 'keychain', credentialNotice: '', ...patch,
  };
}

const cal = (patch: Partial<CalendarCollection>): CalendarCollection => ({
  id: '', href: '/dav/ada/work/', name: 'Work', description: '', color: '#1E88E5', events: true, tasks: false, enabled: true, ...patch,
});

const account = (patch: Partial<Account> = {}): Account => ({
  id: 'a1', name: 'Office', url: 'https://dav.example.com/', username: 'ada', certFingerprint: '', lastSyncAt: '', lastError: '',
  addressBooks: [], calendars: [], ...patch,
});

const conflict = (patch: Partial<Conflict>): Conflict => ({
  id: 'k1', contactId: '', contactName: '', field: 'title', base: '""', mine: '""', theirs: '""', createdAt: '2026-03-01T10:00:00Z',
  entity: 'event', itemId: 'e1', title: 'Budget review', ...patch,
});

beforeEach(() => {
  vi.clearAllMocks();
  api.getSyncStatus.mockResolvedValue(status());
  api.listAccounts.mockResolvedValue([]);
  api.listOutbox.mockResolvedValue([]);
  api.listConflicts.mockResolvedValue([]);
});

function setup(hash = '#/sync') {
  window.location.hash = hash;
  const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
  return { user, ...renderWithProviders(<SyncPage />) };
}

describe('account set-up with calendars', () => {
  it('lists the server calendars with colour and contents and adds the chosen ones', async () => {
    api.getSyncStatus.mockResolvedValue(status({ accounts: 0 }));
    api.discover.mockResolvedValue({
      url: 'https://dav.example.com/',
      addressBooks: [{ id: '', href: '/dav/ada/contacts/', name: 'Contacts', description: '', enabled: true, isDefault: false }],
      calendars: [
        cal({ href: '/dav/ada/work/', name: 'Work', color: '#1E88E5', events: true }),
        cal({ href: '/dav/ada/todo/', name: 'To do', color: '', events: false, tasks: true }),
        cal({ href: '/dav/ada/both/', name: 'Team', color: '#43A047FF', events: true, tasks: true }),
      ],
    });
    api.addAccountWithCalendars.mockResolvedValue(account());
    const { user } = setup();

    await user.click(await screen.findByTestId('add-account'));
    await user.type(await screen.findByTestId('account-url-input'), 'dav.example.com');
    await user.type(screen.getByTestId('account-user-input'), 'ada');
    await user.type(screen.getByTestId('account-password-input'), 'pw');
    expect(screen.getByTestId('find-address-books')).toHaveTextContent('Find address books and calendars');
    await user.click(screen.getByTestId('find-address-books'));

    const section = await screen.findByTestId('add-account-calendars');
    const rows = within(section).getAllByTestId('discovered-calendar');
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveTextContent('Work');
    expect(within(rows[0]).getByTestId('discovered-calendar-color')).toHaveAttribute('data-color', '#1e88e5');
    expect(within(rows[0]).getByTestId('discovered-calendar-components')).toHaveAttribute('data-components', 'events');
    expect(within(rows[0]).getByTestId('discovered-calendar-components')).toHaveTextContent('Meetings');
    expect(within(rows[1]).getByTestId('discovered-calendar-components')).toHaveTextContent('Tasks');
    expect(within(rows[1]).getByTestId('discovered-calendar-components')).not.toHaveTextContent('Meetings');
    // No colour on the server: a grey swatch, named as such.
    expect(within(rows[1]).getByTestId('discovered-calendar-color')).toHaveAttribute('data-color', '');
    expect(within(rows[1]).getByTestId('discovered-calendar-color')).toHaveAttribute('aria-label', 'No colour on the server');
    expect(within(rows[2]).getByTestId('discovered-calendar-color')).toHaveAttribute('data-color', '#43a047');
    expect(within(rows[2]).getByTestId('discovered-calendar-components')).toHaveAttribute('data-components', 'events,tasks');

    const boxes = screen.getAllByTestId('discovered-calendar-checkbox');
    boxes.forEach((b) => expect(b).toBeChecked());
    await user.click(boxes[1]);
    expect(boxes[1]).not.toBeChecked();
    await user.click(screen.getByTestId('add-account-submit'));

    await waitFor(() => expect(api.addAccountWithCalendars).toHaveBeenCalledTimes(1));
    const [, books, calendars, def] = api.addAccountWithCalendars.mock.calls[0];
    expect(books.map((b) => b.href)).toEqual(['/dav/ada/contacts/']);
    expect(calendars.map((c) => [c.href, c.enabled])).toEqual([
      ['/dav/ada/work/', true],
      ['/dav/ada/both/', true],
    ]);
    expect(calendars[1]).toMatchObject({ name: 'Team', color: '#43A047FF', events: true, tasks: true });
    expect(def).toBe('/dav/ada/contacts/');
    expect(api.addAccount).not.toHaveBeenCalled();
  });

  it('sets up a server with calendars only', async () => {
    api.getSyncStatus.mockResolvedValue(status({ accounts: 0 }));
    api.discover.mockResolvedValue({ url: 'https://cal.example.com/', addressBooks: [], calendars: [cal({ href: '/c/home/' })] });
    api.addAccountWithCalendars.mockResolvedValue(account());
    const { user } = setup();
    await user.click(await screen.findByTestId('add-account'));
    await user.type(await screen.findByTestId('account-url-input'), 'cal.example.com');
    await user.click(screen.getByTestId('find-address-books'));

    await screen.findByTestId('add-account-calendars');
    expect(screen.queryAllByTestId('address-book-checkbox')).toHaveLength(0);
    const submit = screen.getByTestId('add-account-submit');
    expect(submit).toBeEnabled();
    // Nothing chosen: nothing to add.
    await user.click(screen.getByTestId('discovered-calendar-checkbox'));
    expect(submit).toBeDisabled();
    await user.click(screen.getByTestId('discovered-calendar-checkbox'));
    await user.click(submit);
    await waitFor(() => expect(api.addAccountWithCalendars).toHaveBeenCalledTimes(1));
    const [, books, calendars, def] = api.addAccountWithCalendars.mock.calls[0];
    expect(books).toEqual([]);
    expect(calendars.map((c) => c.href)).toEqual(['/c/home/']);
    expect(def).toBe('');
  });
});

describe("an account's calendars", () => {
  it('shows each calendar with its colour and contents and turns sync on and off', async () => {
    let calendars = [
      cal({ id: 'k1', href: '/w/', name: 'Work', color: '#E53935', events: true, tasks: true, enabled: true }),
      cal({ id: 'k2', href: '/t/', name: 'Errands', color: '#8E24AA', events: false, tasks: true, enabled: false }),
    ];
    api.listAccounts.mockImplementation(async () => [account({ calendars })]);
    api.setCalendar.mockImplementation(async (id, enabled) => {
      calendars = calendars.map((c) => (c.id === id ? { ...c, enabled } : c));
    });
    const { user } = setup();

    const rows = await screen.findAllByTestId('account-calendar');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveAttribute('data-calendar-id', 'k1');
    expect(within(rows[0]).getByTestId('account-calendar-name')).toHaveTextContent('Work');
    expect(within(rows[0]).getByTestId('account-calendar-color')).toHaveAttribute('data-color', '#e53935');
    expect(within(rows[0]).getByTestId('account-calendar-components')).toHaveTextContent('MeetingsTasks');
    expect(within(rows[1]).getByTestId('account-calendar-components')).toHaveTextContent('Tasks');
    expect(within(rows[1]).getByTestId('account-calendar-components')).not.toHaveTextContent('Meetings');
    const switches = screen.getAllByTestId('account-calendar-enabled');
    expect(switches[0]).toBeChecked();
    expect(switches[1]).not.toBeChecked();

    await user.click(switches[0]);
    expect(api.setCalendar).toHaveBeenCalledWith('k1', false);
    await waitFor(() => expect(screen.getAllByTestId('account-calendar-enabled')[0]).not.toBeChecked());
    await user.click(screen.getAllByTestId('account-calendar-enabled')[1]);
    expect(api.setCalendar).toHaveBeenLastCalledWith('k2', true);
  });

  it('puts the switch back when the change fails', async () => {
    api.listAccounts.mockResolvedValue([account({ calendars: [cal({ id: 'k1', enabled: true })] })]);
    api.setCalendar.mockRejectedValue(new ApiError('not_found', 'gone'));
    const { user } = setup();
    await user.click(await screen.findByTestId('account-calendar-enabled'));
    expect(await screen.findByTestId('error-notification')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('account-calendar-enabled')).toBeChecked());
  });

  it('adds more calendars from the server, those already synced shown as such', async () => {
    api.listAccounts.mockResolvedValue([account({ calendars: [cal({ id: 'k1', href: '/w/', name: 'Work' })] })]);
    api.serverCalendars.mockResolvedValue([
      cal({ id: 'k1', href: '/w/', name: 'Work', enabled: true }),
      cal({ id: '', href: '/h/', name: 'Holidays', color: '#FB8C00', enabled: false }),
      cal({ id: '', href: '/t/', name: 'Chores', events: false, tasks: true, enabled: false }),
    ]);
    api.addCalendars.mockResolvedValue(undefined);
    const { user } = setup();

    await user.click(await screen.findByTestId('add-calendars'));
    const dialog = await screen.findByTestId('add-calendars-dialog');
    await waitFor(() => expect(within(dialog).getAllByTestId('server-calendar')).toHaveLength(3));
    expect(api.serverCalendars).toHaveBeenCalledWith('a1');
    const rows = within(dialog).getAllByTestId('server-calendar');
    expect(rows[0]).toHaveAttribute('data-added', 'true');
    expect(within(rows[0]).getByTestId('server-calendar-checkbox')).toBeDisabled();
    expect(within(rows[0]).getByTestId('server-calendar-added')).toHaveTextContent('Already synced');
    expect(within(rows[1]).getByTestId('server-calendar-color')).toHaveAttribute('data-color', '#fb8c00');
    expect(within(rows[2]).getByTestId('server-calendar-components')).toHaveTextContent('Tasks');

    const submit = within(dialog).getByTestId('add-calendars-submit');
    expect(submit).toBeDisabled();
    await user.click(within(rows[2]).getByTestId('server-calendar-checkbox'));
    expect(submit).toHaveTextContent('Add 1 calendar');
    await user.click(submit);
    await waitFor(() => expect(api.addCalendars).toHaveBeenCalledTimes(1));
    const [id, calendars] = api.addCalendars.mock.calls[0];
    expect(id).toBe('a1');
    expect(calendars).toEqual([cal({ id: '', href: '/t/', name: 'Chores', events: false, tasks: true, enabled: true })]);
    await waitFor(() => expect(screen.queryByTestId('add-calendars-dialog')).not.toBeInTheDocument());
  });

  it("says why the server's calendars could not be listed", async () => {
    api.listAccounts.mockResolvedValue([account()]);
    api.serverCalendars.mockRejectedValue(new ApiError('unauthorized', 'HTTP 401'));
    const { user } = setup();
    await user.click(await screen.findByTestId('add-calendars'));
    const err = await screen.findByTestId('add-calendars-error');
    expect(err).toHaveTextContent('The server did not accept this user name and password.');
    expect(err).not.toHaveTextContent('HTTP 401');
    expect(api.addCalendars).not.toHaveBeenCalled();
  });
});

describe('meeting and task conflicts', () => {
  it('names the kind and title, labels the fields and shows the values readably', async () => {
    api.listConflicts.mockResolvedValue([
      conflict({
        id: 'k1', field: 'when',
        base: JSON.stringify({ start: '2026-03-02T09:00:00', end: '2026-03-02T10:00:00', timeZone: 'Europe/Berlin' }),
        mine: JSON.stringify({ start: '2026-03-02T11:00:00', end: '2026-03-02T12:30:00', timeZone: 'Europe/Berlin' }),
        theirs: JSON.stringify({ start: '2026-03-03', end: '2026-03-05', allDay: true }),
      }),
      conflict({
        id: 'k2', field: 'attendees',
        base: '[]',
        mine: JSON.stringify([{ Email: 'ann@example.com', Name: 'Ann Lee', Role: 'optional', Status: 'accepted', ContactID: 'c9' }]),
        theirs: JSON.stringify([{ Email: 'bob@example.com', Name: '', Role: '', Status: 'declined', ContactID: '' }]),
      }),
      conflict({
        id: 'k3', field: 'overrides', base: '[]',
        mine: JSON.stringify([{ RecurrenceID: '2026-03-09T09:00:00', Fields: { Title: 'Budget (moved)', Start: '2026-03-10T14:00:00', End: '2026-03-10T15:00:00' } }]),
        theirs: JSON.stringify([{ RecurrenceID: '2026-03-09T09:00:00', Fields: { Status: 'cancelled' } }]),
      }),
      conflict({
        id: 'k4', entity: 'task', itemId: 't7', title: 'Call Ann', field: 'status',
        base: JSON.stringify({ status: 'needs-action' }),
        mine: JSON.stringify({ status: 'completed', percentComplete: 100, completedAt: '2026-03-02T08:00:00Z' }),
        theirs: JSON.stringify({ status: 'in-process', percentComplete: 40 }),
      }),
      conflict({ id: 'k5', entity: 'task', itemId: 't8', title: '', field: 'when',
        base: '{}', mine: JSON.stringify({ due: '2026-03-06' }), theirs: JSON.stringify({ due: '2026-03-06T17:00:00', timeZone: 'Asia/Dhaka' }) }),
      conflict({ id: 'k6', field: 'rrule', base: '""', mine: '"FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;COUNT=10"', theirs: '"FREQ=MONTHLY;BYDAY=-1FR"' }),
      conflict({ id: 'k7', field: 'reminders', base: JSON.stringify([{ MinutesBefore: 15 }]), mine: '[]', theirs: JSON.stringify([{ MinutesBefore: 60 }, { MinutesBefore: 1440 }]) }),
      conflict({ id: 'k8', field: 'busy', base: '""', mine: '"oof"', theirs: '"free"' }),
      conflict({ id: 'k9', entity: 'task', itemId: 't7', title: 'Call Ann', field: 'priority', base: '0', mine: '1', theirs: '9' }),
    ]);
    setup('#/sync/conflicts');

    const rows = await screen.findAllByTestId('conflict-row');
    expect(rows).toHaveLength(9);
    const [when, attendees, overrides, taskStatus, taskWhen, rrule, reminders, busy, priority] = rows;
    for (const r of rows) {
      for (const side of ['conflict-base', 'conflict-mine', 'conflict-theirs']) expect(within(r).getByTestId(side)).not.toHaveTextContent(/[{}[\]"]/);
    }

    expect(when).toHaveAttribute('data-entity', 'event');
    expect(within(when).getByTestId('conflict-kind')).toHaveAttribute('data-kind', 'event');
    expect(within(when).getByTestId('conflict-kind')).toHaveTextContent('Meeting');
    const title = within(when).getByTestId('conflict-title');
    expect(title).toHaveTextContent('Budget review');
    expect(title).toHaveAttribute('href', '#/calendar?event=e1');
    expect(within(when).getByTestId('conflict-field')).toHaveTextContent('Date and time');
    expect(within(when).getByTestId('conflict-base')).toHaveTextContent('Mar 2, 2026, 9:00 AM – 10:00 AM');
    expect(within(when).getByTestId('conflict-base')).toHaveTextContent('Time zone: Europe/Berlin');
    expect(within(when).getByTestId('conflict-mine')).toHaveTextContent('Mar 2, 2026, 11:00 AM – 12:30 PM');
    // All day: the exclusive end shows as the last day.
    expect(within(when).getByTestId('conflict-theirs')).toHaveTextContent('Mar 3, 2026 – Mar 4, 2026 (all day)');

    expect(within(attendees).getByTestId('conflict-field')).toHaveTextContent('Attendees');
    expect(within(attendees).getByTestId('conflict-base')).toHaveTextContent('(empty)');
    expect(within(attendees).getByTestId('conflict-mine')).toHaveTextContent('Ann Lee <ann@example.com>');
    expect(within(attendees).getByTestId('conflict-mine')).toHaveTextContent('Accepted · Optional');
    expect(within(attendees).getByTestId('conflict-theirs')).toHaveTextContent('bob@example.com');
    expect(within(attendees).getByTestId('conflict-theirs')).toHaveTextContent('Declined · Required');

    expect(within(overrides).getByTestId('conflict-field')).toHaveTextContent('Changed occurrences');
    expect(within(overrides).getByTestId('conflict-mine')).toHaveTextContent('Occurrence of Mar 9, 2026, 9:00 AM');
    expect(within(overrides).getByTestId('conflict-mine')).toHaveTextContent('Mar 10, 2026, 2:00 PM – 3:00 PM');
    expect(within(overrides).getByTestId('conflict-mine')).toHaveTextContent('Budget (moved)');
    expect(within(overrides).getByTestId('conflict-theirs')).toHaveTextContent('Cancelled');

    expect(within(taskStatus).getByTestId('conflict-kind')).toHaveTextContent('Task');
    const task = within(taskStatus).getByTestId('conflict-title');
    expect(task).toHaveTextContent('Call Ann');
    expect(task).toHaveAttribute('href', '#/tasks?id=t7');
    expect(within(taskStatus).getByTestId('conflict-field')).toHaveTextContent('Status');
    expect(within(taskStatus).getByTestId('conflict-base')).toHaveTextContent('To do');
    expect(within(taskStatus).getByTestId('conflict-mine')).toHaveTextContent('Done');
    expect(within(taskStatus).getByTestId('conflict-mine')).toHaveTextContent('100% done');
    expect(within(taskStatus).getByTestId('conflict-mine')).toHaveTextContent(/Completed Mar 2, 2026/);
    expect(within(taskStatus).getByTestId('conflict-theirs')).toHaveTextContent('In progress');
    expect(within(taskStatus).getByTestId('conflict-theirs')).toHaveTextContent('40% done');

    expect(within(taskWhen).getByTestId('conflict-title')).toHaveTextContent('(no title)');
    expect(within(taskWhen).getByTestId('conflict-field')).toHaveTextContent('Start and due date');
    expect(within(taskWhen).getByTestId('conflict-base')).toHaveTextContent('(empty)');
    expect(within(taskWhen).getByTestId('conflict-mine')).toHaveTextContent('Due: Mar 6, 2026');
    expect(within(taskWhen).getByTestId('conflict-mine')).not.toHaveTextContent('Time zone');
    expect(within(taskWhen).getByTestId('conflict-theirs')).toHaveTextContent('Due: Mar 6, 2026, 5:00 PM');
    expect(within(taskWhen).getByTestId('conflict-theirs')).toHaveTextContent('Time zone: Asia/Dhaka');

    expect(within(rrule).getByTestId('conflict-field')).toHaveTextContent('Repeat');
    expect(within(rrule).getByTestId('conflict-base')).toHaveTextContent('Does not repeat');
    expect(within(rrule).getByTestId('conflict-mine')).toHaveTextContent('Every 2 weeks, Mon, Wed, 10 times');
    expect(within(rrule).getByTestId('conflict-theirs')).toHaveTextContent('Monthly, the last Friday');

    expect(within(reminders).getByTestId('conflict-base')).toHaveTextContent('15 minutes before');
    expect(within(reminders).getByTestId('conflict-mine')).toHaveTextContent('(empty)');
    expect(within(reminders).getByTestId('conflict-theirs')).toHaveTextContent('1 hour before1 day before');

    expect(within(busy).getByTestId('conflict-field')).toHaveTextContent('Show as');
    expect(within(busy).getByTestId('conflict-base')).toHaveTextContent('Busy');
    expect(within(busy).getByTestId('conflict-mine')).toHaveTextContent('Out of office');
    expect(within(busy).getByTestId('conflict-theirs')).toHaveTextContent('Free');

    expect(within(priority).getByTestId('conflict-base')).toHaveTextContent('None');
    expect(within(priority).getByTestId('conflict-mine')).toHaveTextContent('High');
    expect(within(priority).getByTestId('conflict-theirs')).toHaveTextContent('Low');
  });

  it("labels a meeting's title as Title and a contact's as Job title, and links a contact", async () => {
    api.listConflicts.mockResolvedValue([
      conflict({ id: 'k1', field: 'title', mine: '"Budget"', theirs: '"Budget 2026"' }),
      conflict({ id: 'k2', entity: 'contact', itemId: 'c1', contactId: 'c1', contactName: 'Ada Lovelace', title: 'Ada Lovelace', field: 'title', mine: '"CTO"', theirs: '"CEO"' }),
    ]);
    setup('#/sync/conflicts');
    const [meeting, contact] = await screen.findAllByTestId('conflict-row');
    expect(within(meeting).getByTestId('conflict-field')).toHaveTextContent(/^Title$/);
    expect(within(contact).getByTestId('conflict-field')).toHaveTextContent('Job title');
    expect(within(contact).getByTestId('conflict-kind')).toHaveTextContent('Contact');
    expect(within(contact).getByTestId('conflict-contact')).toHaveAttribute('href', '#/contacts?id=c1');
  });
});

describe('outbox entries of meetings and tasks', () => {
  it('shows the kind, the title (opening the record) and the fields by name', async () => {
    const entries: OutboxEntry[] = [
      { seq: 1, entity: 'event', entityId: 'e1', title: 'Budget review', op: 'update', fields: ['when', 'attendees', 'overrides'], createdAt: '2026-03-01T10:00:00Z', state: 'pending', attempts: 0, lastError: '' },
      { seq: 2, entity: 'task', entityId: 't1', title: 'Call Ann', op: 'create', fields: ['due', 'priority'], createdAt: '2026-03-01T10:01:00Z', state: 'pending', attempts: 0, lastError: '' },
      { seq: 3, entity: 'event', entityId: 'e2', title: 'Old meeting', op: 'delete', fields: [], createdAt: '2026-03-01T10:02:00Z', state: 'failed', attempts: 2, lastError: 'HTTP 412' },
      { seq: 4, entity: 'contact', entityId: 'c1', title: 'Ada Lovelace', op: 'update', fields: ['title'], createdAt: '2026-03-01T10:03:00Z', state: 'pending', attempts: 0, lastError: '' },
    ];
    api.listOutbox.mockResolvedValue(entries);
    setup('#/sync/outbox');

    const rows = await screen.findAllByTestId('outbox-row');
    expect(rows).toHaveLength(4);
    const [meeting, task, deleted, contact] = rows;
    expect(meeting).toHaveAttribute('data-entity', 'event');
    expect(within(meeting).getByTestId('outbox-kind')).toHaveTextContent('Meeting');
    expect(within(meeting).getByTestId('outbox-title')).toHaveTextContent('Budget review');
    expect(within(meeting).getByTestId('outbox-title')).toHaveAttribute('href', '#/calendar?event=e1');
    expect(meeting).toHaveTextContent('Date and time, Attendees, Changed occurrences');

    expect(within(task).getByTestId('outbox-kind')).toHaveTextContent('Task');
    expect(within(task).getByTestId('outbox-title')).toHaveAttribute('href', '#/tasks?id=t1');
    expect(task).toHaveTextContent('Due, Priority');

    // A deleted meeting cannot be opened.
    expect(within(deleted).getByTestId('outbox-title')).toHaveTextContent('Old meeting');
    expect(within(deleted).getByTestId('outbox-title')).not.toHaveAttribute('href');

    expect(within(contact).getByTestId('outbox-kind')).toHaveTextContent('Contact');
    expect(contact).toHaveTextContent('Job title');
  });
});
