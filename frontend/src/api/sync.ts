import { invoke } from './backend';
import { raw } from './bindings';
import * as n from './normalize';
import type {
  Account,
  AccountInput,
  AddressBook,
  CalendarCollection,
  Conflict,
  ConflictChoice,
  ConflictPolicy,
  Discovery,
  OutboxEntry,
  SyncStatus,
} from './types';

const S = 'SyncService';

export async function listAccounts(): Promise<Account[]> {
  return n.list(await invoke<unknown>(S, 'Accounts', () => raw.sync.accounts()), n.account);
}

/**
 * Probes the server and lists its address books. When the certificate is not trusted the result
 * carries `untrusted` (and no address books): call again with `certFingerprint` once the user
 * trusts it. Failures: unauthorized, server_unreachable, not_https, not_carddav, no_address_books, url_invalid, invalid_input.
 */
export async function discover(input: AccountInput): Promise<Discovery> {
  return n.discovery(await invoke<unknown>(S, 'Discover', () => raw.sync.discover(input)));
}

/** Stores the account with the chosen books (new contacts go to defaultHref) and starts a sync. */
export async function addAccount(input: AccountInput, books: AddressBook[], defaultHref: string): Promise<Account> {
  return n.account(await invoke<unknown>(S, 'AddAccount', () => raw.sync.addAccount(input, books, defaultHref)));
}

/**
 * Stores the account with the chosen address books and calendars (those `enabled`; each calendar
 * gets a local calendar in the server's colour) and starts a sync. At least one book or calendar.
 */
export async function addAccountWithCalendars(
  input: AccountInput,
  books: AddressBook[],
  calendars: CalendarCollection[],
  defaultHref: string,
): Promise<Account> {
  return n.account(
    await invoke<unknown>(S, 'AddAccountWithCalendars', () =>
      raw.sync.addAccountWithCalendars(input, books, calendars, defaultHref),
    ),
  );
}

/** The calendars on an account's server; those the account syncs have their `id` (and `enabled`). */
export async function serverCalendars(accountId: string): Promise<CalendarCollection[]> {
  return n.list(await invoke<unknown>(S, 'ServerCalendars', () => raw.sync.serverCalendars(accountId)), n.calendarCollection);
}

/** Adds calendars of the account's server (those `enabled`) to the account and starts a sync. */
export async function addCalendars(accountId: string, calendars: CalendarCollection[]): Promise<void> {
  await invoke<unknown>(S, 'AddCalendars', () => raw.sync.addCalendars(accountId, calendars));
}

/** Turns syncing of one of an account's calendars on or off. */
export async function setCalendar(id: string, enabled: boolean): Promise<void> {
  await invoke<unknown>(S, 'SetCalendar', () => raw.sync.setCalendar(id, enabled));
}

/** Deletes the account and its password; its contacts stay on this device. */
export async function removeAccount(id: string): Promise<void> {
  await invoke<unknown>(S, 'RemoveAccount', () => raw.sync.removeAccount(id));
}

export async function setAddressBook(id: string, enabled: boolean, isDefault: boolean): Promise<void> {
  await invoke<unknown>(S, 'SetAddressBook', () => raw.sync.setAddressBook(id, enabled, isDefault));
}

/** Starts a sync of every account and returns at once; fails with sync_running if one runs. */
export async function syncNow(): Promise<void> {
  await invoke<unknown>(S, 'SyncNow', () => raw.sync.syncNow());
}

export async function getSyncStatus(): Promise<SyncStatus> {
  return n.syncStatus(await invoke<unknown>(S, 'Status', () => raw.sync.status()));
}

/** Interval 1..1440 minutes; policy ask, mine or theirs. */
export async function setSyncSettings(intervalMinutes: number, policy: ConflictPolicy): Promise<SyncStatus> {
  return n.syncStatus(
    await invoke<unknown>(S, 'SetSyncSettings', () => raw.sync.setSyncSettings(Math.trunc(intervalMinutes), policy)),
  );
}

export async function listOutbox(): Promise<OutboxEntry[]> {
  return n.list(await invoke<unknown>(S, 'Outbox', () => raw.sync.outbox()), n.outboxEntry);
}

export async function listConflicts(): Promise<Conflict[]> {
  return n.list(await invoke<unknown>(S, 'Conflicts', () => raw.sync.conflicts()), n.conflict);
}

export async function resolveConflict(id: string, choice: ConflictChoice): Promise<void> {
  await invoke<unknown>(S, 'ResolveConflict', () => raw.sync.resolveConflict(id, choice));
}
