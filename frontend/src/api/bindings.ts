// The only module that imports the Wails-generated bindings (frontend/wailsjs, written by
// `wails generate module` / `wails build`; never edit those files). Everything else in the app
// goes through the typed wrappers in this folder.
import * as ContactsService from '../../wailsjs/go/app/ContactsService';
import * as SettingsService from '../../wailsjs/go/app/SettingsService';
import * as StatusService from '../../wailsjs/go/app/StatusService';
import * as runtime from '../../wailsjs/runtime/runtime';
import type { ContactInput, ListContactsRequest } from './types';

/** The parameter types of the generated functions (classes from wailsjs/go/models.ts). */
type Arg<F extends (...args: never[]) => unknown, I extends number = 0> = Parameters<F>[I];

/** Raw calls: generated function + the window.go names used to check that it is bound. */
export const raw = {
  contacts: {
    list: (req: ListContactsRequest) => ContactsService.List(req as Arg<typeof ContactsService.List>),
    get: (id: string) => ContactsService.Get(id),
    create: (input: ContactInput) => ContactsService.Create(input as Arg<typeof ContactsService.Create>),
    update: (id: string, version: number, input: ContactInput) =>
      ContactsService.Update(id, version, input as Arg<typeof ContactsService.Update, 2>),
    delete: (id: string) => ContactsService.Delete(id),
    restore: (id: string) => ContactsService.Restore(id),
  },
  settings: {
    get: () => SettingsService.Get(),
    setLanguage: (lang: string) => SettingsService.SetLanguage(lang),
  },
  status: {
    status: () => StatusService.Status(),
  },
  runtime: {
    eventsOn: (name: string, cb: (...data: unknown[]) => void): (() => void) => runtime.EventsOn(name, cb),
    browserOpenURL: (url: string): void => runtime.BrowserOpenURL(url),
  },
};
