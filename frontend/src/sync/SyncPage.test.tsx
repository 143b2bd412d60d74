import { beforeEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SyncPage } from './SyncPage';
import { renderWithProviders } from '../test/render';
import { ApiError } from '../api/errors';
import * as sync from '../api/sync';
import * as events from '../api/events';
import type { Certificate, Conflict, OutboxEntry, SyncStatus } from '../api/types';

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
vi.mock('../api/events', () => ({ onEvent: vi.fn(), openExternal: vi.fn(() => false) }));

const api = vi.mocked(sync);
const ev = vi.mocked(events);
let listeners: Record<string, ((...data: unknown[]) => void)[]>;

function emit(name: string, payload?: unknown) {
  act(() => (listeners[name] ?? []).forEach((cb) => cb(payload)));
}

function status(patch: Partial<SyncStatus> = {}): SyncStatus {
  return {
    accounts: 1,
    running: false,
    online: true,
    lastSyncAt: '',
    nextSyncAt: '',
    lastError: '',
    pending: 0,
    conflicts: 0,
    intervalMinutes: 15,
    policy: 'ask',
    credentialStorage: 'keychain',
    credentialNotice: '',
    ...patch,
  };
}

const CERT: Certificate = {
  fingerprint: 'AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89',
  subject: 'CN=dav.home.lan',
  issuer: 'CN=dav.home.lan',
  dnsNames: ['dav.home.lan', 'nas.home.lan'],
  notBefore: '2024-01-01T00:00:00Z',
  notAfter: '2034-01-01T00:00:00Z',
  selfSigned: true,
  problem: 'x509: certificate signed by unknown authority',
};

beforeEach(() => {
  vi.clearAllMocks();
  window.location.hash = '#/sync';
  listeners = {};
  ev.onEvent.mockImplementation((name, cb) => {
    (listeners[name] ??= []).push(cb);
    return () => {};
  });
  api.getSyncStatus.mockResolvedValue(status({ accounts: 0 }));
  api.listAccounts.mockResolvedValue([]);
  api.listOutbox.mockResolvedValue([]);
  api.listConflicts.mockResolvedValue([]);
});

/** The page with the app's event wiring (useBackendEvents lives in App; mounted here for the events). */
async function setup(hash = '#/sync') {
  window.location.hash = hash;
  const { useBackendEvents } = await import('../api/hooks');
  function WithEvents() {
    useBackendEvents();
    return <SyncPage />;
  }
  const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
  return { user, ...renderWithProviders(<WithEvents />) };
}

describe('add account', () => {
  it('finds address books through the trust step and adds the chosen ones', async () => {
    api.discover
      .mockResolvedValueOnce({ url: 'https://dav.home.lan/', addressBooks: [], calendars: [], untrusted: CERT })
      .mockResolvedValueOnce({
        url: 'https://dav.home.lan/',
        addressBooks: [
          { id: '', href: '/dav/ada/contacts/', name: 'Contacts', description: '', enabled: true, isDefault: false },
          { id: '', href: '/dav/ada/shared/', name: 'Shared', description: 'Team', enabled: true, isDefault: false },
        ],
        calendars: [],
      });
    api.addAccountWithCalendars.mockResolvedValue({
      id: 'a1', name: 'ada@dav.home.lan', url: 'https://dav.home.lan/', username: 'ada', certFingerprint: CERT.fingerprint,
      lastSyncAt: '', lastError: '', addressBooks: [], calendars: [],
    });
    const { user } = await setup();

    await user.click(await screen.findByTestId('add-account'));
    await user.type(await screen.findByTestId('account-url-input'), 'dav.home.lan');
    await user.type(screen.getByTestId('account-user-input'), 'ada');
    const password = screen.getByTestId('account-password-input');
    expect(password).toHaveAttribute('type', 'password');
    await user.type(password, 's3cret');
    await user.click(screen.getByTestId('find-address-books'));

    // The trust step shows the certificate; nothing is trusted without the click.
    const trust = await screen.findByTestId('trust-step');
    expect(api.discover).toHaveBeenCalledWith({ name: '', url: 'dav.home.lan', username: 'ada', password: 's3cret', certFingerprint: '' });
    expect(within(trust).getByTestId('cert-fingerprint')).toHaveTextContent(CERT.fingerprint);
    expect(within(trust).getByTestId('cert-subject')).toHaveTextContent('CN=dav.home.lan');
    expect(within(trust).getByTestId('cert-dns-names')).toHaveTextContent('dav.home.lan, nas.home.lan');
    expect(within(trust).getByTestId('cert-problem')).toHaveTextContent('unknown authority');
    expect(within(trust).getByTestId('cert-not-after')).toHaveTextContent('2034');
    expect(api.addAccountWithCalendars).not.toHaveBeenCalled();

    await user.click(screen.getByTestId('trust-certificate'));
    await waitFor(() => expect(api.discover).toHaveBeenCalledTimes(2));
    expect(api.discover).toHaveBeenLastCalledWith(expect.objectContaining({ certFingerprint: CERT.fingerprint, url: 'dav.home.lan' }));

    const boxes = await screen.findAllByTestId('address-book-checkbox');
    expect(boxes).toHaveLength(2);
    boxes.forEach((b) => expect(b).toBeChecked());
    await user.click(boxes[1]);
    expect(boxes[1]).not.toBeChecked();
    await user.click(screen.getByTestId('add-account-submit'));

    await waitFor(() => expect(api.addAccountWithCalendars).toHaveBeenCalledTimes(1));
    const [input, books, calendars, def] = api.addAccountWithCalendars.mock.calls[0];
    expect(input).toEqual({ name: '', url: 'dav.home.lan', username: 'ada', password: 's3cret', certFingerprint: CERT.fingerprint });
    expect(books.map((b) => b.href)).toEqual(['/dav/ada/contacts/']);
    expect(calendars).toEqual([]);
    expect(def).toBe('/dav/ada/contacts/');
    await waitFor(() => expect(screen.queryByTestId('add-account-books')).not.toBeInTheDocument());
  });

  it('shows a backend error code translated, inline, and a field error on its input', async () => {
    api.discover
      .mockRejectedValueOnce(new ApiError('unauthorized', 'the server refused the user name or password (HTTP 401)'))
      .mockRejectedValueOnce(new ApiError('url_invalid', 'not a server address', 'url'));
    const { user } = await setup();
    await user.click(await screen.findByTestId('add-account'));
    await user.type(await screen.findByTestId('account-url-input'), 'dav.example.com');
    await user.type(screen.getByTestId('account-user-input'), 'ada');
    await user.type(screen.getByTestId('account-password-input'), 'wrong');
    await user.click(screen.getByTestId('find-address-books'));

    const alert = await screen.findByTestId('add-account-error');
    expect(alert).toHaveTextContent('The server did not accept this user name and password.');
    expect(alert).not.toHaveTextContent('HTTP 401');
    // Still on the form, nothing typed is lost.
    expect(screen.getByTestId('account-user-input')).toHaveValue('ada');

    await user.click(screen.getByTestId('find-address-books'));
    await waitFor(() => expect(screen.getByTestId('account-url-input')).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByText('This is not a valid web address.')).toBeInTheDocument();
    expect(screen.queryByTestId('add-account-error')).not.toBeInTheDocument();
  });
});

describe('sync now', () => {
  it('starts a sync, shows its progress from events and then the summary', async () => {
    api.getSyncStatus.mockResolvedValue(status({ lastSyncAt: new Date(Date.now() - 5 * 60_000).toISOString() }));
    api.syncNow.mockResolvedValue(undefined);
    const { user } = await setup();

    const button = await screen.findByTestId('sync-now');
    await waitFor(() => expect(button).toBeEnabled());
    expect(screen.getByTestId('sync-last-at')).toHaveTextContent('Last sync 5 minutes ago');
    await user.click(button);
    expect(api.syncNow).toHaveBeenCalledTimes(1);

    // Running: the button is disabled and the bar is indeterminate until a total is known.
    api.getSyncStatus.mockResolvedValue(status({ running: true }));
    emit('sync:status');
    const bar = await screen.findByTestId('sync-progress');
    expect(screen.getByTestId('sync-now')).toBeDisabled();
    expect(bar).toHaveAttribute('data-indeterminate', 'true');

    emit('sync:progress', { account: 'a1', addressBook: 'Contacts', phase: 'pull', done: 3, total: 10 });
    await waitFor(() => expect(screen.getByTestId('sync-progress')).toHaveAttribute('data-indeterminate', 'false'));
    expect(screen.getByTestId('sync-progress')).toHaveTextContent('Receiving changes — Contacts');
    expect(screen.getByTestId('sync-progress-count')).toHaveTextContent('3 of 10');
    expect(within(screen.getByTestId('sync-progress')).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '30');

    emit('sync:progress', { account: 'a1', addressBook: 'Contacts', phase: 'push', done: 1, total: 2 });
    await waitFor(() => expect(screen.getByTestId('sync-progress')).toHaveTextContent('Sending changes'));

    api.getSyncStatus.mockResolvedValue(
      status({
        lastSyncAt: new Date().toISOString(),
        lastError: 'Work: HTTP 507 Insufficient Storage',
        last: { fetched: 10, applied: 9, pushed: 2, failed: 1, conflicts: 1, skipped: 0, errors: ['Work: HTTP 507 Insufficient Storage'] },
      }),
    );
    emit('sync:status');
    const summary = await screen.findByTestId('sync-summary');
    expect(screen.queryByTestId('sync-progress')).not.toBeInTheDocument();
    expect(within(summary).getByTestId('summary-fetched')).toHaveTextContent('10received');
    expect(within(summary).getByTestId('summary-applied')).toHaveTextContent('9applied');
    expect(within(summary).getByTestId('summary-pushed')).toHaveTextContent('2sent');
    expect(within(summary).getByTestId('summary-failed')).toHaveTextContent('1failed');
    expect(within(summary).getByTestId('summary-conflicts')).toHaveTextContent('1conflicts');
    expect(screen.getByTestId('sync-errors')).toHaveTextContent('Work: HTTP 507 Insufficient Storage');
    expect(screen.getByTestId('sync-now')).toBeEnabled();
  });

  it('says so when a sync is already running', async () => {
    api.getSyncStatus.mockResolvedValue(status());
    api.syncNow.mockRejectedValue(new ApiError('sync_running', 'a sync is already running'));
    const { user } = await setup();
    const button = await screen.findByTestId('sync-now');
    await waitFor(() => expect(button).toBeEnabled());
    await user.click(button);
    expect(await screen.findByTestId('sync-now-error')).toHaveTextContent('A sync is already running.');
  });
});

describe('outbox', () => {
  it('lists pending and failed changes with the server error in full', async () => {
    const serverError = 'HTTP 412 Precondition Failed: the resource was modified by another client (ETag "abc" != "def"); will retry';
    const entries: OutboxEntry[] = [
      { seq: 7, entity: 'contact', entityId: 'c1', title: 'Ada Lovelace', op: 'update', fields: ['emails', 'title'], createdAt: '2024-05-01T10:00:00Z', state: 'failed', attempts: 3, lastError: serverError },
      { seq: 8, entity: 'contact', entityId: 'c2', title: '<b>Grace</b>', op: 'create', fields: [], createdAt: '2024-05-01T10:05:00Z', state: 'pending', attempts: 0, lastError: '' },
    ];
    api.listOutbox.mockResolvedValue(entries);
    api.getSyncStatus.mockResolvedValue(status({ pending: 2 }));
    const { user } = await setup('#/sync/outbox');

    const rows = await screen.findAllByTestId('outbox-row');
    expect(rows).toHaveLength(2);
    const failed = rows[0];
    expect(failed).toHaveAttribute('data-state', 'failed');
    expect(failed).toHaveTextContent('Ada Lovelace');
    expect(failed).toHaveTextContent('Edited');
    expect(failed).toHaveTextContent('E-mail addresses, Job title');
    expect(within(failed).getByTestId('outbox-state')).toHaveTextContent('Failed');
    const err = within(failed).getByTestId('outbox-error');
    expect(err.textContent).toBe(serverError);
    expect(err.closest('button')).toHaveAttribute('title', serverError);
    await user.click(err);
    expect(err.closest('button')).toHaveAttribute('aria-expanded', 'true');

    expect(rows[1]).toHaveAttribute('data-state', 'pending');
    expect(rows[1]).toHaveTextContent('<b>Grace</b>');
    expect(rows[1].querySelector('b')).toBeNull();
    expect(within(rows[1]).getByTestId('outbox-state')).toHaveTextContent('Pending');
  });

  it('has an empty state', async () => {
    await setup('#/sync/outbox');
    expect(await screen.findByTestId('outbox-empty')).toHaveTextContent('Nothing waiting to be sent.');
  });
});

describe('conflicts', () => {
  const conflicts: Conflict[] = [
    {
      id: 'k1', contactId: 'c1', contactName: 'Ada Lovelace', field: 'emails',
      base: JSON.stringify([{ label: 'work', value: 'ada@old.example' }]),
      mine: JSON.stringify([{ label: 'work', value: 'ada@mine.example' }]),
      theirs: JSON.stringify([{ label: 'home', value: 'ada@theirs.example' }, { label: 'work', value: 'ada@old.example' }]),
      createdAt: '2024-05-01T10:00:00Z', entity: 'contact', itemId: 'c1', title: 'Ada Lovelace',
    },
    {
      id: 'k2', contactId: 'c2', contactName: 'Grace Hopper', field: 'title',
      base: '"Captain"', mine: '"Rear Admiral"', theirs: '"<img src=x onerror=alert(1)>"',
      createdAt: '2024-05-01T10:00:00Z', entity: 'contact', itemId: 'c2', title: 'Grace Hopper',
    },
    {
      id: 'k3', contactId: 'c3', contactName: 'Alan Turing', field: 'addresses',
      base: '[]',
      mine: JSON.stringify([{ label: 'home', street: '2 Hurlingham Rd\nFlat 1', city: 'Wilmslow', region: '', postcode: 'SK9', country: 'UK' }]),
      theirs: '[]',
      createdAt: '2024-05-01T10:00:00Z', entity: 'contact', itemId: 'c3', title: 'Alan Turing',
    },
  ];

  it('shows base, mine and theirs readably and resolves with the chosen side', async () => {
    let remaining = conflicts;
    api.listConflicts.mockImplementation(async () => remaining);
    api.resolveConflict.mockImplementation(async (id) => {
      remaining = remaining.filter((c) => c.id !== id);
    });
    api.getSyncStatus.mockResolvedValue(status({ conflicts: 3 }));
    const { user } = await setup('#/sync/conflicts');

    const rows = await screen.findAllByTestId('conflict-row');
    expect(rows).toHaveLength(3);
    expect(screen.getByTestId('conflict-count')).toHaveTextContent('3');
    const [emails, title, addresses] = rows;
    expect(within(emails).getByTestId('conflict-contact')).toHaveTextContent('Ada Lovelace');
    expect(within(emails).getByTestId('conflict-field')).toHaveTextContent('E-mail addresses');
    expect(within(emails).getByTestId('conflict-base')).toHaveTextContent('Work: ada@old.example');
    expect(within(emails).getByTestId('conflict-mine')).toHaveTextContent('Work: ada@mine.example');
    expect(within(emails).getByTestId('conflict-theirs')).toHaveTextContent('Home: ada@theirs.example');
    expect(within(emails).getByTestId('conflict-theirs')).toHaveTextContent('Work: ada@old.example');
    expect(within(emails).getByTestId('conflict-theirs')).not.toHaveTextContent('{');

    expect(within(title).getByTestId('conflict-field')).toHaveTextContent('Job title');
    expect(within(title).getByTestId('conflict-theirs')).toHaveTextContent('<img src=x onerror=alert(1)>');
    expect(title.querySelector('img')).toBeNull();

    expect(within(addresses).getByTestId('conflict-mine')).toHaveTextContent('Home2 Hurlingham RdFlat 1SK9 WilmslowUK');
    expect(within(addresses).getByTestId('conflict-base')).toHaveTextContent('(empty)');

    await user.click(within(title).getByTestId('conflict-keep-theirs'));
    expect(api.resolveConflict).toHaveBeenCalledWith('k2', 'theirs');
    await waitFor(() => expect(screen.getAllByTestId('conflict-row')).toHaveLength(2));
    expect(screen.queryByText('Grace Hopper')).not.toBeInTheDocument();

    await user.click(within(screen.getAllByTestId('conflict-row')[0]).getByTestId('conflict-keep-both'));
    expect(api.resolveConflict).toHaveBeenLastCalledWith('k1', 'both');
    await user.click(within(await screen.findByTestId('conflict-row')).getByTestId('conflict-keep-mine'));
    expect(api.resolveConflict).toHaveBeenLastCalledWith('k3', 'mine');
    expect(await screen.findByTestId('conflicts-empty')).toBeInTheDocument();
  });

  it('puts a conflict back when resolving fails', async () => {
    api.listConflicts.mockResolvedValue([conflicts[1]]);
    api.resolveConflict.mockRejectedValue(new ApiError('not_found', 'gone'));
    const { user } = await setup('#/sync/conflicts');
    await user.click(await screen.findByTestId('conflict-keep-mine'));
    expect(api.resolveConflict).toHaveBeenCalledWith('k2', 'mine');
    expect(await screen.findByTestId('error-notification')).toBeInTheDocument();
    expect(screen.getByTestId('conflict-row')).toBeInTheDocument();
  });
});

describe('accounts and settings', () => {
  it('lists accounts with their address books, last error, and removes after confirming', async () => {
    api.getSyncStatus.mockResolvedValue(status());
    api.listAccounts.mockResolvedValue([
      {
        id: 'a1', name: 'Office', url: 'https://dav.example.com/', username: 'ada', certFingerprint: '',
        lastSyncAt: '2024-05-01T10:00:00Z', lastError: 'HTTP 503 Service Unavailable', calendars: [],
        addressBooks: [
          { id: 'b1', href: '/c/', name: 'Contacts', description: '', enabled: true, isDefault: true },
          { id: 'b2', href: '/s/', name: 'Shared', description: '', enabled: false, isDefault: false },
        ],
      },
    ]);
    api.setAddressBook.mockResolvedValue(undefined);
    api.removeAccount.mockResolvedValue(undefined);
    const { user } = await setup();

    const card = await screen.findByTestId('account');
    expect(within(card).getByTestId('account-url')).toHaveTextContent('https://dav.example.com/');
    expect(within(card).getByTestId('account-user')).toHaveTextContent('ada');
    expect(within(card).getByTestId('account-error')).toHaveTextContent('HTTP 503 Service Unavailable');
    const enabled = within(card).getAllByTestId('account-book-enabled');
    expect(enabled[0]).toBeChecked();
    expect(enabled[1]).not.toBeChecked();
    expect(within(card).getAllByTestId('account-book-default')[0]).toBeChecked();

    await user.click(enabled[1]);
    expect(api.setAddressBook).toHaveBeenCalledWith('b2', true, false);

    await user.click(within(card).getByTestId('remove-account'));
    expect(api.removeAccount).not.toHaveBeenCalled();
    await user.click(await screen.findByTestId('remove-account-confirm'));
    await waitFor(() => expect(api.removeAccount).toHaveBeenCalledWith('a1'));
  });

  it('saves interval and policy, and shows the credential notice for file storage', async () => {
    api.getSyncStatus.mockResolvedValue(
      status({ credentialStorage: 'file', credentialNotice: 'Passwords are in ~/.config/fieldbook/credentials.json (mode 0600).' }),
    );
    api.setSyncSettings.mockImplementation(async (intervalMinutes, policy) => status({ intervalMinutes, policy }));
    const { user } = await setup('#/sync/settings');
    const notice = await screen.findByTestId('credential-notice');
    expect(notice).toHaveTextContent('Passwords are stored in a file');
    expect(notice).toHaveTextContent('credentials.json (mode 0600)');

    const interval = screen.getByTestId('sync-interval');
    await waitFor(() => expect(interval).toHaveValue('15 min'));
    await user.clear(interval);
    await user.type(interval, '5000');
    expect(screen.getByTestId('sync-settings-save')).toBeDisabled();
    await user.clear(interval);
    await user.type(interval, '30');
    await user.click(screen.getByTestId('sync-policy'));
    await user.click(await screen.findByRole('option', { name: 'Keep theirs' }));
    await user.click(screen.getByTestId('sync-settings-save'));
    await waitFor(() => expect(api.setSyncSettings).toHaveBeenCalledWith(30, 'theirs'));
  });
});
