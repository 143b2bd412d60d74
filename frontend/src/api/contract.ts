// Compile-time check that the hand-written DTOs (./types) match the classes Wails generates from
// the Go structs (wailsjs/go/models.ts). `tsc` fails here when the Go side renames or retypes a
// field the UI relies on. Types only: nothing of this file reaches the bundle.
import type { app } from '../../wailsjs/go/models';
import type * as T from './types';
import type * as IE from './importexport';
import type * as C from './calendarTypes';
import type * as S from './sellingTypes';
import type * as LT from './leadTypes';
import type * as D from './dealTypes';
import type * as A from './activityTypes';
import type * as O from './orderTypes';
import type * as K from './careTypes';
import type * as CA from './campaignTypes';
import type * as SR from './search';

/** The data fields of a generated class (drops helpers such as convertValues). */
type Fields<C> = { [K in keyof C as C[K] extends (...args: never[]) => unknown ? never : K]: C[K] };

/** Compiles only when A is assignable to B. */
type Assignable<A extends B, B> = [A, B];

export type ContractChecks = [
  // What the Go side returns has every field the UI reads.
  Assignable<Fields<app.Contact>, T.Contact>,
  Assignable<Fields<app.ContactPage>, T.ContactPage>,
  Assignable<Fields<app.ContactSummary>, T.ContactSummary>,
  Assignable<Fields<app.Address>, T.Address>,
  Assignable<Fields<app.Settings>, T.Settings>,
  Assignable<Fields<app.Status>, T.Status>,
  Assignable<Fields<app.Account>, T.Account>,
  Assignable<Fields<app.AddressBook>, T.AddressBook>,
  Assignable<Fields<app.Certificate>, T.Certificate>,
  Assignable<Fields<app.Discovery>, T.Discovery>,
  Assignable<Fields<app.SyncProgress>, T.SyncProgress>,
  Assignable<Fields<app.SyncSummary>, T.SyncSummary>,
  Assignable<Fields<app.SyncStatus>, T.SyncStatus>,
  Assignable<Fields<app.OutboxEntry>, T.OutboxEntry>,
  Assignable<Fields<app.Conflict>, T.Conflict>,
  Assignable<Fields<app.CalendarCollection>, T.CalendarCollection>,
  Assignable<Fields<app.Company>, T.Company>,
  Assignable<Fields<app.CompanyPage>, T.CompanyPage>,
  Assignable<Fields<app.CustomField>, T.CustomField>,
  Assignable<Fields<app.PhoneInfo>, T.PhoneInfo>,
  // Selling groundwork (issue 6).
  Assignable<Fields<app.Owner>, S.Owner>,
  Assignable<Fields<app.CurrencyInfo>, S.CurrencyInfo>,
  Assignable<Fields<app.ExchangeRate>, S.ExchangeRate>,
  Assignable<S.OwnerInput, Fields<app.OwnerInput>>,
  // The search box (issue 7).
  Assignable<Fields<app.SearchHit>, SR.SearchHit>,
  // Leads (issue 6).
  Assignable<Fields<app.Lead>, LT.Lead>,
  Assignable<Fields<app.LeadPage>, LT.LeadPage>,
  Assignable<Fields<app.ScoreReason>, LT.ScoreReason>,
  Assignable<Fields<app.ScoringRule>, LT.ScoringRule>,
  Assignable<Fields<app.ConvertLeadResult>, LT.ConvertLeadResult>,
  Assignable<LT.LeadInput, Fields<app.LeadInput>>,
  Assignable<LT.ListLeadsRequest, Fields<app.ListLeadsRequest>>,
  Assignable<LT.ScoringRule, Fields<app.ScoringRule>>,
  Assignable<LT.ConvertLeadRequest, Fields<app.ConvertLeadRequest>>,
  // Deals (issue 6).
  Assignable<Fields<app.Stage>, D.Stage>,
  Assignable<Omit<Fields<app.Pipeline>, 'stages'>, Omit<D.Pipeline, 'stages'>>,
  Assignable<Omit<Fields<app.Deal>, 'amount' | 'amountHome' | 'weighted' | 'contacts'>, Omit<D.Deal, 'amount' | 'amountHome' | 'weighted' | 'contacts'>>,
  Assignable<Fields<app.Money>, S.Money>,
  Assignable<Fields<app.DealContact>, D.Deal['contacts'][number]>,
  Assignable<Omit<Fields<app.StageColumn>, 'stage' | 'deals' | 'total' | 'weighted'>, Omit<D.StageColumn, 'stage' | 'deals' | 'total' | 'weighted'>>,
  Assignable<Omit<Fields<app.ClosedSummary>, 'total'>, Omit<D.ClosedSummary, 'total'>>,
  Assignable<Omit<Fields<app.Board>, 'pipeline' | 'columns' | 'won' | 'lost'>, Omit<D.Board, 'pipeline' | 'columns' | 'won' | 'lost'>>,
  Assignable<Omit<Fields<app.DealPage>, 'items'>, Omit<D.DealPage, 'items'>>,
  Assignable<Fields<app.StageVisit>, D.StageVisit>,
  // probability: null (the stage's default) crosses as JSON null into Go's *int.
  Assignable<Omit<D.DealInput, 'probability'>, Omit<Fields<app.DealInput>, 'probability'>>,
  Assignable<D.BoardQuery, Fields<app.BoardQuery>>,
  Assignable<D.DealTableQuery, Fields<app.DealTableQuery>>,
  Assignable<D.StageInput, Fields<app.StageInput>>,
  Assignable<Omit<D.PipelineInput, 'stages'>, Omit<Fields<app.PipelineInput>, 'stages'>>,
  // Orders (issue 6).
  Assignable<Fields<app.OrderDTO>, Omit<O.Order, 'lines' | 'total'>>,
  Assignable<Fields<app.OrderLineDTO>, Omit<O.OrderLine, 'unitPrice' | 'total'>>,
  Assignable<Fields<app.OrderPage>, Omit<O.OrderPage, 'items'>>,
  Assignable<Fields<app.CustomerFrequency>, O.CustomerFrequency>,
  Assignable<Fields<app.PurchaseFrequency>, O.PurchaseFrequency>,
  Assignable<Fields<app.CustomerOrders>, Omit<O.CustomerOrders, 'items' | 'frequency'>>,
  Assignable<Fields<app.ReorderSettings>, O.ReorderSettings>,
  Assignable<O.OrderQuery, Fields<app.OrderQuery>>,
  Assignable<Omit<O.OrderInput, 'lines'>, Omit<Fields<app.OrderInput>, 'lines'>>,
  Assignable<O.OrderLineInput, Fields<app.OrderLineInput>>,
  Assignable<O.FrequencyQuery, Fields<app.FrequencyQuery>>,
  Assignable<O.ReorderSettings, Fields<app.ReorderSettings>>,
  // Customer feedback and support cases (issue 7).
  Assignable<Fields<app.FeedbackDTO>, K.Feedback>,
  Assignable<Fields<app.FeedbackPage>, K.FeedbackPage>,
  Assignable<Fields<app.NPSDTO>, K.NPS>,
  Assignable<Fields<app.CSATDTO>, K.CSAT>,
  Assignable<Fields<app.FeedbackMonth>, K.FeedbackMonth>,
  Assignable<Fields<app.FeedbackSummary>, K.FeedbackSummary>,
  Assignable<Fields<app.CaseDTO>, K.Case>,
  Assignable<Fields<app.CasePage>, K.CasePage>,
  Assignable<Fields<app.CaseStats>, K.CaseStats>,
  Assignable<Fields<app.PriorityCountDTO>, K.PriorityCount>,
  Assignable<K.FeedbackInput, Fields<app.FeedbackInput>>,
  Assignable<K.FeedbackQuery, Fields<app.FeedbackQuery>>,
  Assignable<K.DateRange, Fields<app.DateRange>>,
  Assignable<K.CaseInput, Fields<app.CaseInput>>,
  Assignable<K.CaseQuery, Fields<app.CaseQuery>>,
  // Campaigns (issue 7).
  // responseRate and roi: Go's *int64 (null when undefined) is optional in models.ts.
  Assignable<Omit<Fields<app.CampaignStats>, 'revenue' | 'cost' | 'responseRate' | 'roi'>, Omit<CA.CampaignStats, 'revenue' | 'cost' | 'responseRate' | 'roi'>>,
  Assignable<Omit<Fields<app.Campaign>, 'cost' | 'stats'>, Omit<CA.Campaign, 'cost' | 'stats'>>,
  Assignable<Fields<app.ContactFilter>, CA.ContactFilter>,
  Assignable<Omit<Fields<app.SavedFilter>, 'filter'>, Omit<CA.SavedFilter, 'filter'>>,
  Assignable<Omit<Fields<app.FilterPreview>, 'sample'>, Omit<CA.FilterPreview, 'sample'>>,
  Assignable<Fields<app.CampaignContact>, CA.CampaignContact>,
  Assignable<Omit<Fields<app.CampaignContactPage>, 'items'>, Omit<CA.CampaignContactPage, 'items'>>,
  Assignable<Omit<Fields<app.CampaignDeal>, 'amount'>, Omit<CA.CampaignDeal, 'amount'>>,
  Assignable<CA.CampaignInput, Fields<app.CampaignInput>>,
  Assignable<CA.ContactFilter, Fields<app.ContactFilter>>,
  Assignable<Omit<CA.SavedFilterInput, 'filter'>, Omit<Fields<app.SavedFilterInput>, 'filter'>>,
  // Calendar, tasks and reminders (issue 5).
  Assignable<Fields<app.CalendarDTO>, C.CalendarInfo>,
  Assignable<Fields<app.OccurrenceDTO>, C.Occurrence>,
  Assignable<Fields<app.AttendeeDTO>, C.Attendee>,
  Assignable<Fields<app.ReminderDTO>, C.Reminder>,
  Assignable<Fields<app.OverrideDTO>, C.EventOverride>,
  Assignable<Fields<app.EventDTO>, Omit<C.CalendarEvent, 'attendees' | 'organizer' | 'reminders' | 'overrides'>>,
  Assignable<Fields<app.TimelineItemDTO>, C.TimelineItem>,
  Assignable<Fields<app.TaskDTO>, Omit<C.Task, 'reminders'>>,
  Assignable<Fields<app.ActiveReminderDTO>, C.ActiveReminder>,
  Assignable<C.CalendarInput, Fields<app.CalendarInput>>,
  Assignable<C.OccurrenceQuery, Fields<app.OccurrenceQuery>>,
  Assignable<Omit<C.EventInput, 'attendees' | 'reminders'>, Omit<Fields<app.EventInput>, 'attendees' | 'reminders'>>,
  Assignable<Omit<C.EventUpdate, 'input'>, Omit<Fields<app.EventUpdate>, 'input'>>,
  Assignable<C.MoveRequest, Fields<app.MoveRequest>>,
  Assignable<C.EventDelete, Fields<app.EventDelete>>,
  Assignable<C.TaskQuery, Fields<app.TaskQuery>>,
  Assignable<Omit<C.TaskInput, 'reminders'>, Omit<Fields<app.TaskInput>, 'reminders'>>,
  // What the UI sends has every field the Go side expects.
  Assignable<T.ContactInput, Fields<app.ContactInput>>,
  Assignable<T.Address, Fields<app.Address>>,
  Assignable<T.ListContactsRequest, Fields<app.ListContactsRequest>>,
  Assignable<T.AccountInput, Fields<app.AccountInput>>,
  Assignable<T.AddressBook, Fields<app.AddressBook>>,
  Assignable<T.CalendarCollection, Fields<app.CalendarCollection>>,
  Assignable<T.CompanyInput, Fields<app.CompanyInput>>,
  Assignable<T.ListCompaniesRequest, Fields<app.ListCompaniesRequest>>,
  Assignable<T.CompanyPeopleRequest, Fields<app.CompanyPeopleRequest>>,
  Assignable<T.CustomFieldInput, Fields<app.CustomFieldInput>>,
  // Import and export.
  Assignable<Fields<app.ImportPreview>, Omit<IE.ImportPreview, 'columns' | 'records'>>,
  Assignable<Fields<app.ImportColumn>, IE.ImportColumn>,
  Assignable<Fields<app.ImportCalendarItem>, IE.ImportCalendarItem>,
  Assignable<Omit<Fields<app.ImportPreviewRecord>, 'fields'>, Omit<IE.ImportPreviewRecord, 'fields'>>,
  Assignable<Fields<app.ImportProgress>, IE.ImportProgress>,
  Assignable<Fields<app.ImportEntry>, IE.ImportEntry>,
  Assignable<Omit<Fields<app.ImportJob>, 'state' | 'progress' | 'mergedEntries' | 'skippedEntries' | 'warnings'>, Omit<IE.ImportJob, 'state' | 'progress' | 'mergedEntries' | 'skippedEntries' | 'warnings'>>,
  Assignable<Fields<app.ExportResult>, IE.ExportResult>,
  Assignable<IE.ImportRequest, Fields<app.ImportRequest>>,
  Assignable<IE.ColumnChoice, Fields<app.ColumnChoice>>,
  Assignable<IE.ExportRequest, Fields<app.ExportRequest>>,
  // Activities timeline (issue 6).
  Assignable<Omit<Fields<app.Activity>, 'email' | 'kind'>, Omit<A.Activity, 'email' | 'kind'>>,
  Assignable<Fields<app.EmailMetaDTO>, A.EmailMeta>,
  Assignable<Omit<Fields<app.TimelinePage>, 'items'>, Omit<A.TimelinePage, 'items'>>,
  Assignable<Omit<Fields<app.LoggedEmail>, 'activity'>, Omit<A.LoggedEmail, 'activity'>>,
  Assignable<A.ActivityInput, Fields<app.ActivityInput>>,
  Assignable<A.TimelineRequest, Fields<app.TimelineRequest>>,
];
