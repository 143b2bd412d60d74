import { afterEach, describe, expect, it, vi } from 'vitest';
import { raw } from './bindings';
import { resetBackendWait } from './backend';
import { addAccountWithCalendars, addCalendars, listAccounts, listConflicts, serverCalendars, setCalendar } from './sync';
import { importPreview } from './importexport';

// ./bindings is replaced by a stub in src/test/setup.ts; these tests drive that stub.
type W = { go?: unknown };
const bind = (methods: Record<string, unknown>) => {
  (window as unknown as W).go = { app: { SyncService: methods } };
};

afterEach(() => {
  delete (window as unknown as W).go;
  resetBackendWait();
});

describe('sync wrappers for calendars', () => {
  it('sends the chosen calendars with the account and reads back its calendars (nil slices filled in)', async () => {
    bind({ AddAccountWithCalendars: () => {} });
    const call = vi.fn().mockResolvedValue({ id: 'a1', name: 'Office', addressBooks: null, calendars: [{ id: 'k1', href: '/w/', color: '#FF0000', events: true }] });
    raw.sync.addAccountWithCalendars = call;
    const input = { name: '', url: 'dav.example.com', username: 'ada', password: 'pw', certFingerprint: '' };
    const cals = [{ id: '', href: '/w/', name: 'Work', description: '', color: '#FF0000', events: true, tasks: false, enabled: true }];
    const a = await addAccountWithCalendars(input, [], cals, '');
    expect(call).toHaveBeenCalledWith(input, [], cals, '');
    expect(a.addressBooks).toEqual([]);
    expect(a.calendars).toEqual([{ id: 'k1', href: '/w/', name: '', description: '', color: '#FF0000', events: true, tasks: false, enabled: false }]);
  });

  it('lists, adds and switches an account calendar through SyncService', async () => {
    bind({ ServerCalendars: () => {}, AddCalendars: () => {}, SetCalendar: () => {}, Accounts: () => {} });
    raw.sync.serverCalendars = vi.fn().mockResolvedValue(null);
    expect(await serverCalendars('a1')).toEqual([]);
    expect(raw.sync.serverCalendars).toHaveBeenCalledWith('a1');
    raw.sync.addCalendars = vi.fn().mockResolvedValue(undefined);
    await addCalendars('a1', []);
    expect(raw.sync.addCalendars).toHaveBeenCalledWith('a1', []);
    raw.sync.setCalendar = vi.fn().mockResolvedValue(undefined);
    await setCalendar('k1', false);
    expect(raw.sync.setCalendar).toHaveBeenCalledWith('k1', false);
    // An account from an older backend (no calendars) still has a list.
    raw.sync.accounts = vi.fn().mockResolvedValue([{ id: 'a1', addressBooks: [] }]);
    expect((await listAccounts())[0].calendars).toEqual([]);
  });

  it('reads conflicts of meetings and tasks, and an old contact conflict as a contact', async () => {
    bind({ Conflicts: () => {} });
    raw.sync.conflicts = vi.fn().mockResolvedValue([
      { id: 'k1', field: 'when', base: '{}', mine: '{}', theirs: '{}', entity: 'event', itemId: 'e1', title: 'Budget' },
      { id: 'k2', field: 'notes', contactId: 'c1', contactName: 'Ada' },
    ]);
    const [event, contact] = await listConflicts();
    expect(event).toMatchObject({ entity: 'event', itemId: 'e1', title: 'Budget', contactId: '' });
    expect(contact).toMatchObject({ entity: 'contact', itemId: 'c1', title: 'Ada', contactName: 'Ada' });
  });
});

describe('importPreview', () => {
  it("reads an iCalendar file's counts and items", () => {
    const p = importPreview({
      format: 'ics',
      events: 3,
      tasks: 1,
      items: [{ kind: 'task', line: 9, title: 'Call', start: '2026-03-03', allDay: true, problems: null }],
    });
    expect(p.events).toBe(3);
    expect(p.tasks).toBe(1);
    expect(p.items).toEqual([
      { kind: 'task', line: 9, title: 'Call', start: '2026-03-03', timeZone: '', allDay: true, recurring: false, skip: '', problems: [] },
    ]);
    expect(importPreview({ format: 'csv' }).items).toEqual([]);
  });
});
