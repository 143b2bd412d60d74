// Public surface of the api layer: components import from here, never from ../../wailsjs.
export * from './types';
export { ApiError, isApiError, toApiError, errorMessageKey, KNOWN_ERROR_CODES } from './errors';
export {
  listContacts,
  getContact,
  createContact,
  updateContact,
  deleteContact,
  restoreContact,
  MAX_PAGE_SIZE,
} from './contacts';
export { getSettings, setLanguage } from './settings';
export { getStatus } from './status';
export {
  listAccounts,
  discover,
  addAccount,
  addAccountWithCalendars,
  serverCalendars,
  addCalendars,
  setCalendar,
  removeAccount,
  setAddressBook,
  syncNow,
  getSyncStatus,
  setSyncSettings,
  listOutbox,
  listConflicts,
  resolveConflict,
} from './sync';
export { onEvent, openExternal } from './events';
export * from './importexport';
export * from './hooks';
export * from './duplicates';
export * from './companies';
export * from './companyHooks';
export * from './calendarTypes';
export * from './calendar';
export * from './tasks';
export * from './reminders';
export * from './calendarHooks';
export * from './syncCalendarHooks';
export * from './leadTypes';
export * from './leads';
export * from './leadHooks';
