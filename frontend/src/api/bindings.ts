// The only module that imports the Wails-generated bindings (frontend/wailsjs, written by
// `wails generate module` / `wails build`; never edit those files). Everything else in the app
// goes through the typed wrappers in this folder.
import * as ActivitiesService from '../../wailsjs/go/app/ActivitiesService';
import * as CalendarService from '../../wailsjs/go/app/CalendarService';
import * as CasesService from '../../wailsjs/go/app/CasesService';
import * as CampaignsService from '../../wailsjs/go/app/CampaignsService';
import * as CompaniesService from '../../wailsjs/go/app/CompaniesService';
import * as CurrencyService from '../../wailsjs/go/app/CurrencyService';
import * as ContactsService from '../../wailsjs/go/app/ContactsService';
import * as CustomFieldsService from '../../wailsjs/go/app/CustomFieldsService';
import * as DealsService from '../../wailsjs/go/app/DealsService';
import * as FeedbackService from '../../wailsjs/go/app/FeedbackService';
import * as ImportExportService from '../../wailsjs/go/app/ImportExportService';
import * as LeadsService from '../../wailsjs/go/app/LeadsService';
import * as OrdersService from '../../wailsjs/go/app/OrdersService';
import * as OwnersService from '../../wailsjs/go/app/OwnersService';
import * as RemindersService from '../../wailsjs/go/app/RemindersService';
import * as ReportsService from '../../wailsjs/go/app/ReportsService';
import * as SearchService from '../../wailsjs/go/app/SearchService';
import * as SettingsService from '../../wailsjs/go/app/SettingsService';
import * as StatusService from '../../wailsjs/go/app/StatusService';
import * as SyncService from '../../wailsjs/go/app/SyncService';
import * as TasksService from '../../wailsjs/go/app/TasksService';
import * as runtime from '../../wailsjs/runtime/runtime';
import type {
  AccountInput,
  AddressBook,
  CalendarCollection,
  CompanyInput,
  CompanyPeopleRequest,
  ContactInput,
  CustomFieldInput,
  ListCompaniesRequest,
  ListContactsRequest,
} from './types';
import type {
  CalendarInput,
  EventDelete,
  EventInput,
  EventUpdate,
  MoveRequest,
  OccurrenceQuery,
  TaskInput,
  TaskQuery,
} from './calendarTypes';
import type { ExchangeRate, OwnerInput } from './sellingTypes';
import type { ConvertLeadRequest, LeadInput, ListLeadsRequest, ScoringRule } from './leadTypes';
import type { BoardQuery, DealInput, DealTableQuery, PipelineInput } from './dealTypes';
import type { ActivityInput, TimelineRequest } from './activityTypes';
import type { ReportFilters } from './reportTypes';
import type { FrequencyQuery, OrderInput, OrderQuery, ReorderSettings } from './orderTypes';
import type { CaseInput, CaseQuery, DateRange, FeedbackInput, FeedbackQuery } from './careTypes';
import type { CampaignInput, ContactFilter, SavedFilterInput } from './campaignTypes';

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
    setPhoto: (id: string, data: string, mime: string) => ContactsService.SetPhoto(id, data, mime),
    removePhoto: (id: string) => ContactsService.RemovePhoto(id),
    photo: (id: string) => ContactsService.Photo(id),
  },
  companies: {
    list: (req: ListCompaniesRequest) => CompaniesService.List(req as Arg<typeof CompaniesService.List>),
    get: (id: string) => CompaniesService.Get(id),
    create: (input: CompanyInput) => CompaniesService.Create(input as Arg<typeof CompaniesService.Create>),
    update: (id: string, version: number, input: CompanyInput) =>
      CompaniesService.Update(id, version, input as Arg<typeof CompaniesService.Update, 2>),
    delete: (id: string) => CompaniesService.Delete(id),
    people: (req: CompanyPeopleRequest) => CompaniesService.People(req as Arg<typeof CompaniesService.People>),
  },
  customFields: {
    list: () => CustomFieldsService.List(),
    create: (input: CustomFieldInput) => CustomFieldsService.Create(input as Arg<typeof CustomFieldsService.Create>),
    update: (id: string, input: CustomFieldInput) =>
      CustomFieldsService.Update(id, input as Arg<typeof CustomFieldsService.Update, 1>),
    delete: (id: string) => CustomFieldsService.Delete(id),
    reorder: (ids: string[]) => CustomFieldsService.Reorder(ids),
  },
  settings: {
    get: () => SettingsService.Get(),
    setLanguage: (lang: string) => SettingsService.SetLanguage(lang),
    setPhoneRegion: (region: string) => SettingsService.SetPhoneRegion(region),
    phoneRegions: () => SettingsService.PhoneRegions(),
  },
  status: {
    status: () => StatusService.Status(),
  },
  sync: {
    accounts: () => SyncService.Accounts(),
    discover: (input: AccountInput) => SyncService.Discover(input as Arg<typeof SyncService.Discover>),
    addAccount: (input: AccountInput, books: AddressBook[], defaultHref: string) =>
      SyncService.AddAccount(
        input as Arg<typeof SyncService.AddAccount>,
        books as Arg<typeof SyncService.AddAccount, 1>,
        defaultHref,
      ),
    removeAccount: (id: string) => SyncService.RemoveAccount(id),
    setAddressBook: (id: string, enabled: boolean, isDefault: boolean) =>
      SyncService.SetAddressBook(id, enabled, isDefault),
    syncNow: () => SyncService.SyncNow(),
    status: () => SyncService.Status(),
    setSyncSettings: (intervalMinutes: number, policy: string) => SyncService.SetSyncSettings(intervalMinutes, policy),
    outbox: () => SyncService.Outbox(),
    conflicts: () => SyncService.Conflicts(),
    resolveConflict: (id: string, choice: string) => SyncService.ResolveConflict(id, choice),
    addAccountWithCalendars: (input: AccountInput, books: AddressBook[], calendars: CalendarCollection[], defaultHref: string) =>
      SyncService.AddAccountWithCalendars(
        input as Arg<typeof SyncService.AddAccountWithCalendars>,
        books as Arg<typeof SyncService.AddAccountWithCalendars, 1>,
        calendars as Arg<typeof SyncService.AddAccountWithCalendars, 2>,
        defaultHref,
      ),
    serverCalendars: (accountId: string) => SyncService.ServerCalendars(accountId),
    addCalendars: (accountId: string, calendars: CalendarCollection[]) =>
      SyncService.AddCalendars(accountId, calendars as Arg<typeof SyncService.AddCalendars, 1>),
    setCalendar: (id: string, enabled: boolean) => SyncService.SetCalendar(id, enabled),
  },
  importExport: {
    previewImport: (req: unknown) => ImportExportService.PreviewImport(req as Arg<typeof ImportExportService.PreviewImport>),
    startImport: (req: unknown) => ImportExportService.StartImport(req as Arg<typeof ImportExportService.StartImport>),
    cancelImport: (id: string) => ImportExportService.CancelImport(id),
    importResult: (id: string) => ImportExportService.ImportResult(id),
    chooseImportFile: () => ImportExportService.ChooseImportFile(),
    chooseExportFile: (format: string) => ImportExportService.ChooseExportFile(format),
    chooseExportFolder: () => ImportExportService.ChooseExportFolder(),
    exportContacts: (req: unknown) =>
      ImportExportService.ExportContacts(req as Arg<typeof ImportExportService.ExportContacts>),
  },
  calendar: {
    calendars: () => CalendarService.Calendars(),
    createCalendar: (input: CalendarInput) => CalendarService.CreateCalendar(input as Arg<typeof CalendarService.CreateCalendar>),
    updateCalendar: (id: string, input: CalendarInput) => CalendarService.UpdateCalendar(id, input as Arg<typeof CalendarService.UpdateCalendar, 1>),
    deleteCalendar: (id: string) => CalendarService.DeleteCalendar(id),
    occurrences: (q: OccurrenceQuery) => CalendarService.Occurrences(q as Arg<typeof CalendarService.Occurrences>),
    event: (id: string) => CalendarService.Event(id),
    createEvent: (input: EventInput) => CalendarService.CreateEvent(input as Arg<typeof CalendarService.CreateEvent>),
    updateEvent: (u: EventUpdate) => CalendarService.UpdateEvent(u as Arg<typeof CalendarService.UpdateEvent>),
    moveOccurrence: (m: MoveRequest) => CalendarService.MoveOccurrence(m as Arg<typeof CalendarService.MoveOccurrence>),
    deleteEvent: (d: EventDelete) => CalendarService.DeleteEvent(d as Arg<typeof CalendarService.DeleteEvent>),
    restoreEvent: (id: string) => CalendarService.RestoreEvent(id),
    contactTimeline: (contactId: string) => CalendarService.ContactTimeline(contactId),
    zones: () => CalendarService.Zones(),
    userZone: () => CalendarService.UserZone(),
    setUserZone: (zone: string) => CalendarService.SetUserZone(zone),
  },
  tasks: {
    tasks: (q: TaskQuery) => TasksService.Tasks(q as Arg<typeof TasksService.Tasks>),
    createTask: (input: TaskInput) => TasksService.CreateTask(input as Arg<typeof TasksService.CreateTask>),
    updateTask: (id: string, version: number, input: TaskInput) => TasksService.UpdateTask(id, version, input as Arg<typeof TasksService.UpdateTask, 2>),
    completeTask: (id: string, version: number, done: boolean) => TasksService.CompleteTask(id, version, done),
    deleteTask: (id: string, version: number) => TasksService.DeleteTask(id, version),
    restoreTask: (id: string) => TasksService.RestoreTask(id),
  },
  owners: {
    list: () => OwnersService.List(),
    me: () => OwnersService.Me(),
    saveOwner: (input: OwnerInput) => OwnersService.SaveOwner(input as Arg<typeof OwnersService.SaveOwner>),
    setMe: (id: string) => OwnersService.SetMe(id),
    deleteOwner: (id: string) => OwnersService.DeleteOwner(id),
  },
  currency: {
    home: () => CurrencyService.Home(),
    setHome: (code: string) => CurrencyService.SetHome(code),
    currencies: () => CurrencyService.Currencies(),
    rates: () => CurrencyService.Rates(),
    saveRate: (rate: ExchangeRate) => CurrencyService.SaveRate(rate as Arg<typeof CurrencyService.SaveRate>),
    deleteRate: (currency: string, date: string) => CurrencyService.DeleteRate(currency, date),
  },
  deals: {
    pipelines: () => DealsService.Pipelines(),
    savePipeline: (input: PipelineInput) => DealsService.SavePipeline(input as Arg<typeof DealsService.SavePipeline>),
    deletePipeline: (id: string) => DealsService.DeletePipeline(id),
    board: (q: BoardQuery) => DealsService.Board(q as Arg<typeof DealsService.Board>),
    table: (q: DealTableQuery) => DealsService.Table(q as Arg<typeof DealsService.Table>),
    get: (id: string) => DealsService.Get(id),
    history: (id: string) => DealsService.History(id),
    create: (input: DealInput) => DealsService.Create(input as Arg<typeof DealsService.Create>),
    update: (id: string, version: number, input: DealInput) =>
      DealsService.Update(id, version, input as Arg<typeof DealsService.Update, 2>),
    delete: (id: string) => DealsService.Delete(id),
    restore: (id: string) => DealsService.Restore(id),
    move: (id: string, version: number, stageId: string) => DealsService.Move(id, version, stageId),
    win: (id: string, version: number, reason: string) => DealsService.Win(id, version, reason),
    lose: (id: string, version: number, reason: string) => DealsService.Lose(id, version, reason),
    reopen: (id: string, version: number) => DealsService.Reopen(id, version),
    forCompany: (companyId: string) => DealsService.ForCompany(companyId),
    forContact: (contactId: string) => DealsService.ForContact(contactId),
  },
  orders: {
    list: (q: OrderQuery) => OrdersService.List(q as Arg<typeof OrdersService.List>),
    get: (id: string) => OrdersService.Get(id),
    create: (input: OrderInput) => OrdersService.Create(input as Arg<typeof OrdersService.Create>),
    update: (id: string, version: number, input: OrderInput) =>
      OrdersService.Update(id, version, input as Arg<typeof OrdersService.Update, 2>),
    delete: (id: string, version: number) => OrdersService.Delete(id, version),
    restore: (id: string) => OrdersService.Restore(id),
    markPaid: (id: string, version: number, paidAt: string) => OrdersService.MarkPaid(id, version, paidAt),
    markDue: (id: string, version: number) => OrdersService.MarkDue(id, version),
    preview: (input: OrderInput) => OrdersService.Preview(input as Arg<typeof OrdersService.Preview>),
    forCompany: (id: string) => OrdersService.ForCompany(id),
    forContact: (id: string) => OrdersService.ForContact(id),
    overdue: () => OrdersService.Overdue(),
    frequencies: (q: FrequencyQuery) => OrdersService.Frequencies(q as Arg<typeof OrdersService.Frequencies>),
    checkReorders: () => OrdersService.CheckReorders(),
    reorderSettings: () => OrdersService.ReorderSettings(),
    setReorderSettings: (s: ReorderSettings) => OrdersService.SetReorderSettings(s as Arg<typeof OrdersService.SetReorderSettings>),
  },
  campaigns: {
    list: () => CampaignsService.List(),
    get: (id: string) => CampaignsService.Get(id),
    stats: (id: string) => CampaignsService.Stats(id),
    create: (input: CampaignInput) => CampaignsService.Create(input as Arg<typeof CampaignsService.Create>),
    update: (id: string, version: number, input: CampaignInput) =>
      CampaignsService.Update(id, version, input as Arg<typeof CampaignsService.Update, 2>),
    delete: (id: string) => CampaignsService.Delete(id),
    restore: (id: string) => CampaignsService.Restore(id),
    filters: () => CampaignsService.Filters(),
    saveFilter: (input: SavedFilterInput) => CampaignsService.SaveFilter(input as Arg<typeof CampaignsService.SaveFilter>),
    deleteFilter: (id: string) => CampaignsService.DeleteFilter(id),
    previewFilter: (f: ContactFilter, limit: number) =>
      CampaignsService.PreviewFilter(f as Arg<typeof CampaignsService.PreviewFilter>, limit),
    target: (id: string) => CampaignsService.Target(id),
    contacts: (id: string, offset: number, limit: number) => CampaignsService.Contacts(id, offset, limit),
    recordResponse: (campaignId: string, contactId: string, response: string, responded: boolean) =>
      CampaignsService.RecordResponse(campaignId, contactId, response, responded),
    attributeDeal: (dealId: string, campaignId: string) => CampaignsService.AttributeDeal(dealId, campaignId),
    dealCampaign: (dealId: string) => CampaignsService.DealCampaign(dealId),
    deals: (id: string) => CampaignsService.Deals(id),
  },
  reminders: {
    active: () => RemindersService.Active(),
    snooze: (id: string, minutes: number) => RemindersService.Snooze(id, minutes),
    dismiss: (id: string) => RemindersService.Dismiss(id),
  },
  activities: {
    log: (input: ActivityInput) => ActivitiesService.Log(input as Arg<typeof ActivitiesService.Log>),
    update: (id: string, version: number, input: ActivityInput) =>
      ActivitiesService.Update(id, version, input as Arg<typeof ActivitiesService.Update, 2>),
    delete: (id: string) => ActivitiesService.Delete(id),
    restore: (id: string) => ActivitiesService.Restore(id),
    timeline: (req: TimelineRequest) => ActivitiesService.Timeline(req as Arg<typeof ActivitiesService.Timeline>),
    logEmail: (contactId: string, fileName: string, dataBase64: string) => ActivitiesService.LogEmail(contactId, fileName, dataBase64),
  },
  reports: {
    reports: () => ReportsService.Reports(),
    run: (name: string, f: ReportFilters) => ReportsService.Run(name, f as Arg<typeof ReportsService.Run, 1>),
    dashboard: () => ReportsService.Dashboard(),
    csv: (name: string, f: ReportFilters) => ReportsService.CSV(name, f as Arg<typeof ReportsService.CSV, 1>),
    exportCSV: (name: string, f: ReportFilters) => ReportsService.ExportCSV(name, f as Arg<typeof ReportsService.ExportCSV, 1>),
    saveCSV: (name: string, f: ReportFilters, path: string) => ReportsService.SaveCSV(name, f as Arg<typeof ReportsService.SaveCSV, 1>, path),
  },
  search: {
    search: (text: string, limit: number) => SearchService.Search(text, limit),
  },
  leads: {
    list: (req: ListLeadsRequest) => LeadsService.List(req as Arg<typeof LeadsService.List>),
    get: (id: string) => LeadsService.Get(id),
    create: (input: LeadInput) => LeadsService.Create(input as Arg<typeof LeadsService.Create>),
    update: (id: string, version: number, input: LeadInput) =>
      LeadsService.Update(id, version, input as Arg<typeof LeadsService.Update, 2>),
    delete: (id: string) => LeadsService.Delete(id),
    restore: (id: string) => LeadsService.Restore(id),
    rules: () => LeadsService.Rules(),
    saveRules: (rules: ScoringRule[]) => LeadsService.SaveRules(rules as Arg<typeof LeadsService.SaveRules>),
    defaultRules: () => LeadsService.DefaultRules(),
    convert: (id: string, version: number, req: ConvertLeadRequest) =>
      LeadsService.Convert(id, version, req as Arg<typeof LeadsService.Convert, 2>),
  },
  feedback: {
    record: (input: FeedbackInput) => FeedbackService.Record(input as Arg<typeof FeedbackService.Record>),
    update: (id: string, version: number, input: FeedbackInput) =>
      FeedbackService.Update(id, version, input as Arg<typeof FeedbackService.Update, 2>),
    delete: (id: string) => FeedbackService.Delete(id),
    restore: (id: string) => FeedbackService.Restore(id),
    list: (q: FeedbackQuery) => FeedbackService.List(q as Arg<typeof FeedbackService.List>),
    forContact: (id: string) => FeedbackService.ForContact(id),
    forCompany: (id: string) => FeedbackService.ForCompany(id),
    summary: (r: DateRange) => FeedbackService.Summary(r as Arg<typeof FeedbackService.Summary>),
  },
  cases: {
    open: (input: CaseInput) => CasesService.Open(input as Arg<typeof CasesService.Open>),
    update: (id: string, version: number, input: CaseInput) => CasesService.Update(id, version, input as Arg<typeof CasesService.Update, 2>),
    resolve: (id: string, version: number) => CasesService.Resolve(id, version),
    reopen: (id: string, version: number) => CasesService.Reopen(id, version),
    delete: (id: string) => CasesService.Delete(id),
    restore: (id: string) => CasesService.Restore(id),
    get: (id: string) => CasesService.Get(id),
    list: (q: CaseQuery) => CasesService.List(q as Arg<typeof CasesService.List>),
    forContact: (id: string) => CasesService.ForContact(id),
    forCompany: (id: string) => CasesService.ForCompany(id),
    stats: (r: DateRange) => CasesService.Stats(r as Arg<typeof CasesService.Stats>),
  },
  runtime: {
    eventsOn: (name: string, cb: (...data: unknown[]) => void): (() => void) => runtime.EventsOn(name, cb),
    browserOpenURL: (url: string): void => runtime.BrowserOpenURL(url),
  },
};
