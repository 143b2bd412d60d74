import { beforeEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import App from './App';
import { renderWithProviders } from './test/render';
import * as settings from './api/settings';
import * as status from './api/status';
import * as contacts from './api/contacts';
import * as events from './api/events';
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
vi.mock('./api/events', () => ({ onEvent: vi.fn(), openExternal: vi.fn(() => false) }));

const api = {
  settings: vi.mocked(settings),
  status: vi.mocked(status),
  contacts: vi.mocked(contacts),
  events: vi.mocked(events),
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
  api.settings.getSettings.mockResolvedValue({ language: 'en' });
  api.settings.setLanguage.mockImplementation(async (language) => ({ language }));
  api.status.getStatus.mockResolvedValue({ version: '0.1.0', databasePath: '/tmp/fb.db', contacts: 1204, pendingChanges: 3 });
  api.contacts.listContacts.mockResolvedValue({ items: [], total: 0, offset: 0 });
});

function setup() {
  const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
  return { user, ...renderWithProviders(<App />) };
}

describe('App shell', () => {
  it('lists every area in the sidebar and starts on Contacts', async () => {
    setup();
    for (const a of AREAS) expect(await screen.findByTestId(`nav-${a}`)).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Main navigation' });
    for (const name of ['Contacts', 'Companies', 'Leads', 'Deals', 'Timeline', 'Orders', 'Tasks', 'Calendar', 'Feedback', 'Cases', 'Campaigns', 'Reports', 'Sync', 'Settings']) {
      expect(within(nav).getByRole('link', { name })).toBeInTheDocument();
    }
    expect(screen.getByRole('textbox', { name: 'Search contacts' })).toBeInTheDocument();
    expect(screen.getByTestId('brand')).toHaveTextContent('Fieldbook');
  });

  it('shows an honest coming-soon panel for unbuilt areas and keeps the area in the hash', async () => {
    const { user } = setup();
    await user.click(await screen.findByRole('link', { name: 'Deals' }));
    const panel = screen.getByTestId('coming-soon');
    expect(panel).toHaveTextContent('Coming soon');
    expect(panel).toHaveTextContent('kanban board');
    expect(window.location.hash).toBe('#/deals');
    expect(screen.getByRole('link', { name: 'Deals' })).toHaveAttribute('aria-current', 'page');
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

describe('language', () => {
  it('loads the saved language at start', async () => {
    api.settings.getSettings.mockResolvedValue({ language: 'bn' });
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
