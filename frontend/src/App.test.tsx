import { beforeEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import App from './App';
import { renderWithProviders } from './test/render';
import * as settings from './api/settings';
import * as status from './api/status';
import * as contacts from './api/contacts';
import * as events from './api/events';
import * as reports from './api/reports';
import { dashboardData } from './test/reportData';
import * as sync from './api/sync';
import type { SyncStatus } from './api/types';
import { AREAS } from './shell/areas';
import i18n from './i18n';

vi.mock('./api/settings', () => ({ getSettings: vi.fn(), setLanguage: vi.fn() }));
vi.mock('./api/status', () => ({ getStatus: vi.fn() }));
vi.mock('./api/contacts', () => ({
  listContacts: vi.fn(),
  getContact: vi.fn(),
  createContact: vi.fn(),
  updateContact: vi.fn(),
  deleteContact: vi.fn(),
  restoreContact: vi.fn(),
  MAX_PAGE_SIZE: 500,
}));
vi.mock('./api/reports', () => ({ dashboard: vi.fn(), listReports: vi.fn(), runReport: vi.fn(), exportReportCSV: vi.fn() }));
vi.mock('./reports/Chart', () => ({ Chart: ({ label }: { label: string }) => <div role="img" aria-label={label} /> }));
vi.mock('./api/events', () => ({ onEvent: vi.fn(), openExternal: vi.fn(() => false) }));
vi.mock('./api/sync', () => ({
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
}));

function syncStatus(patch: Partial<SyncStatus> = {}): SyncStatus {
  return {
    accounts: 0, running: false, online: true, lastSyncAt: '', nextSyncAt: '', lastError: '', pending: 0,
    conflicts: 0, intervalMinutes: 15, policy: 'ask', credentialStorage: 'keychain', credentialNotice: '', ...patch,
  };
}

const api = {
  settings: vi.mocked(settings),
  status: vi.mocked(status),
  contacts: vi.mocked(contacts),
  events: vi.mocked(events),
  sync: vi.mocked(sync),
  reports: vi.mocked(reports),
};

let listeners: Record<string, (() => void)[]>;

beforeEach(() => {
  vi.clearAllMocks();
  window.location.hash = '';
  listeners = {};
  api.events.onEvent.mockImplementation((name, cb) => {
    (listeners[name] ??= []).push(cb as () => void);
    return () => {};
  });
  api.settings.getSettings.mockResolvedValue({ language: 'en', phoneRegion: 'US' });
  api.settings.setLanguage.mockImplementation(async (language) => ({ language, phoneRegion: 'US' }));
  api.status.getStatus.mockResolvedValue({ version: '0.1.0', databasePath: '/tmp/fb.db', contacts: 1204, pendingChanges: 3 });
  api.contacts.listContacts.mockResolvedValue({ items: [], total: 0, offset: 0 });
  api.sync.getSyncStatus.mockResolvedValue(syncStatus());
  api.sync.listAccounts.mockResolvedValue([]);
  api.sync.listOutbox.mockResolvedValue([]);
  api.sync.listConflicts.mockResolvedValue([]);
  api.reports.dashboard.mockResolvedValue(dashboardData);
});

function setup() {
  const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
  return { user, ...renderWithProviders(<App />) };
}

describe('App shell', () => {
  it('lists every area in the sidebar and starts on the dashboard', async () => {
    const { user } = setup();
    for (const a of AREAS) expect(await screen.findByTestId(`nav-${a}`)).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Main navigation' });
    expect(await screen.findByTestId('dashboard-page')).toBeInTheDocument();
    expect(within(nav).getByRole('link', { name: 'Dashboard' })).toHaveAttribute('aria-current', 'page');
    await user.click(within(nav).getByRole('link', { name: 'Contacts' }));
    for (const name of ['Dashboard', 'Contacts', 'Companies', 'Leads', 'Deals', 'Timeline', 'Orders', 'Tasks', 'Calendar', 'Feedback', 'Cases', 'Campaigns', 'Reports', 'Sync', 'Settings']) {
      expect(within(nav).getByRole('link', { name })).toBeInTheDocument();
    }
    expect(screen.getByRole('textbox', { name: 'Search contacts' })).toBeInTheDocument();
    expect(screen.getByTestId('brand')).toHaveTextContent('Fieldbook');
  });

  it('every area is built now (no coming-soon panel), and the area is kept in the hash', async () => {
    api.reports.listReports.mockResolvedValue([{ name: 'win_rate', filters: ['range'], chart: 'bar' }]);
    const { user } = setup();
    await user.click(await screen.findByRole('link', { name: 'Reports' }));
    expect(await screen.findByTestId('reports-page')).toBeInTheDocument();
    expect(screen.queryByTestId('coming-soon')).toBeNull();
    expect(window.location.hash).toMatch(/^#\/reports/);
    expect(screen.getByRole('link', { name: 'Reports' })).toHaveAttribute('aria-current', 'page');
  });

  it('opens the area named in the hash at start', async () => {
    window.location.hash = '#/settings';
    setup();
    expect(await screen.findByTestId('settings')).toBeInTheDocument();
  });
});

describe('status bar', () => {
  it('shows counts formatted for the language, sync state and version', async () => {
    setup();
    const bar = await screen.findByTestId('status-bar');
    await waitFor(() => expect(bar).toHaveTextContent('1,204 contacts'));
    expect(bar).toHaveTextContent('3 changes waiting to sync');
    expect(bar).toHaveTextContent('Sync not set up');
    expect(bar).toHaveTextContent('0.1.0');
  });

  it('refreshes on contacts:changed and status:changed', async () => {
    setup();
    const bar = await screen.findByTestId('status-bar');
    await waitFor(() => expect(bar).toHaveTextContent('1,204 contacts'));
    api.status.getStatus.mockResolvedValue({ version: '0.1.0', databasePath: '', contacts: 1205, pendingChanges: 1 });
    act(() => listeners['contacts:changed'].forEach((cb) => cb()));
    await waitFor(() => expect(bar).toHaveTextContent('1,205 contacts'));
    expect(bar).toHaveTextContent('1 change waiting to sync');

    api.status.getStatus.mockResolvedValue({ version: '0.1.0', databasePath: '', contacts: 1205, pendingChanges: 0 });
    act(() => listeners['status:changed'].forEach((cb) => cb()));
    await waitFor(() => expect(bar).toHaveTextContent('No changes waiting to sync'));
  });
});

describe('status bar sync state', () => {
  it('shows offline and the conflicts waiting, which open the conflicts tab', async () => {
    api.sync.getSyncStatus.mockResolvedValue(
      syncStatus({ accounts: 1, online: false, conflicts: 2, lastSyncAt: new Date(Date.now() - 3 * 3600_000).toISOString() }),
    );
    api.sync.listConflicts.mockResolvedValue([
      { id: 'k1', contactId: 'c1', contactName: 'Ada', field: 'notes', base: '""', mine: '"a"', theirs: '"b"', createdAt: '', entity: 'contact', itemId: 'c1', title: 'Ada' },
      { id: 'k2', contactId: 'c2', contactName: 'Grace', field: 'company', base: '""', mine: '"x"', theirs: '"y"', createdAt: '', entity: 'contact', itemId: 'c2', title: 'Grace' },
    ]);
    const { user } = setup();
    const indicator = await screen.findByTestId('status-sync');
    await waitFor(() => expect(indicator).toHaveAttribute('data-state', 'offline'));
    expect(indicator).toHaveTextContent('Offline · last synced 3 hours ago');
    const conflicts = screen.getByTestId('status-conflicts');
    expect(conflicts).toHaveTextContent('2 conflicts');
    await user.click(conflicts);
    await waitFor(() => expect(window.location.hash).toBe('#/sync/conflicts'));
    expect(await screen.findAllByTestId('conflict-row')).toHaveLength(2);
    expect(screen.getByTestId('sync-tab-conflicts')).toHaveAttribute('aria-selected', 'true');
  });

  it('shows Syncing… while a sync runs, then when it last synced', async () => {
    api.sync.getSyncStatus.mockResolvedValue(syncStatus({ accounts: 1, running: true }));
    setup();
    const indicator = await screen.findByTestId('status-sync');
    await waitFor(() => expect(indicator).toHaveTextContent('Syncing…'));
    expect(screen.queryByTestId('status-conflicts')).not.toBeInTheDocument();
    api.sync.getSyncStatus.mockResolvedValue(syncStatus({ accounts: 1, lastSyncAt: new Date().toISOString() }));
    act(() => listeners['sync:status'].forEach((cb) => cb()));
    await waitFor(() => expect(indicator).toHaveAttribute('data-state', 'online'));
    expect(indicator).toHaveTextContent('Synced now');
  });

  it('starts a sync with Ctrl+Shift+S from any area', async () => {
    api.sync.getSyncStatus.mockResolvedValue(syncStatus({ accounts: 1 }));
    api.sync.syncNow.mockResolvedValue(undefined);
    const { user } = setup();
    await waitFor(() => expect(screen.getByTestId('status-sync')).toHaveAttribute('data-state', 'online'));
    await user.keyboard('{Control>}{Shift>}S{/Shift}{/Control}');
    await waitFor(() => expect(api.sync.syncNow).toHaveBeenCalledTimes(1));
  });
});

describe('language', () => {
  it('loads the saved language at start', async () => {
    api.settings.getSettings.mockResolvedValue({ language: 'bn', phoneRegion: 'US' });
    setup();
    expect(await screen.findByRole('link', { name: 'পরিচিতি' })).toBeInTheDocument();
    const bar = screen.getByTestId('status-bar');
    await waitFor(() => expect(bar).toHaveTextContent('১,২০৪টি পরিচিতি'));
    await act(() => i18n.changeLanguage('en'));
  });

  it('switches language in Settings and saves it', async () => {
    window.location.hash = '#/settings';
    const { user } = setup();
    const select = await screen.findByRole('combobox', { name: 'Language' });
    await user.click(select);
    await user.click(await screen.findByRole('option', { name: 'বাংলা (Bengali)' }));
    await waitFor(() => expect(api.settings.setLanguage).toHaveBeenCalledWith('bn'));
    expect(await screen.findByRole('link', { name: 'সেটিংস' })).toBeInTheDocument();
    // Confirmed in the new language (it is not switched back while being saved).
    expect(await screen.findByText('ভাষা সংরক্ষিত হয়েছে')).toBeInTheDocument();
    expect(i18n.language).toBe('bn');
    expect(screen.getByRole('combobox', { name: 'ভাষা' })).toHaveValue('বাংলা');
    await act(() => i18n.changeLanguage('en'));
  });
});
