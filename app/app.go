package app

import (
	"context"
	"log/slog"

	"fieldbook/backend/activities"
	"fieldbook/backend/calendar"
	"fieldbook/backend/campaigns"
	"fieldbook/backend/cases"
	"fieldbook/backend/companies"
	"fieldbook/backend/contacts"
	"fieldbook/backend/crm"
	"fieldbook/backend/currencies"
	"fieldbook/backend/customfields"
	"fieldbook/backend/deals"
	"fieldbook/backend/duplicates"
	"fieldbook/backend/eventcard"
	"fieldbook/backend/feedback"
	"fieldbook/backend/leads"
	"fieldbook/backend/orders"
	"fieldbook/backend/owners"
	"fieldbook/backend/recurrence"
	"fieldbook/backend/reports"
	"fieldbook/backend/store"
	"fieldbook/backend/tasks"
	"fieldbook/sync/syncer"
)

// Services are everything bound to the front end.
type Services struct {
	Contacts     *ContactsService
	Companies    *CompaniesService
	CustomFields *CustomFieldsService
	Settings     *SettingsService
	Status       *StatusService
	Sync         *SyncService
	// Duplicates: suggested duplicates, merge and undo.
	Duplicates *DuplicatesService
	// ImportExport is the import wizard and the export dialog.
	ImportExport *ImportExportService
	// Calendar: calendars, meetings, the contact timeline, the user's zone.
	Calendar *CalendarService
	// Tasks: follow-ups and their lists.
	Tasks *TasksService
	// Reminders: the reminders that fired, snooze and dismiss.
	Reminders *RemindersService
	// Owners: the local user profile and the other owners of records.
	Owners *OwnersService
	// Currency: the home currency and the exchange rates into it.
	Currency *CurrencyService
	// Search: the search box over every kind of record (Ctrl+K).
	Search *SearchService
	// Leads: leads, scoring rules and conversion.
	Leads *LeadsService
	// Deals: pipelines, the kanban board, the deal table and editor.
	Deals *DealsService
	// Activities: the interaction timeline (calls, e-mails, meetings, visits, notes).
	Activities *ActivitiesService
	// Orders: orders, overdue payments, purchase frequency, re-order reminders.
	Orders *OrdersService
	// Feedback: NPS and CSAT answers of contacts and their scores.
	Feedback *FeedbackService
	// Cases: support cases.
	Cases *CasesService
	// Campaigns: campaigns, saved contact filters, targeting and ROI.
	Campaigns *CampaignsService

	Reports *ReportsService
}

// Config is what the bound services need besides the database.
type Config struct {
	Version         string
	DefaultLanguage string // until the user picks one; see LanguageFromEnv
	// DefaultPhoneRegion is the phone country until the user picks one; see
	// PhoneRegionFromEnv ("" means the US).
	DefaultPhoneRegion string
	Clock              crm.Clock
	Events             Emitter
	// Secrets keeps account passwords and says where (credentials.Vault).
	Secrets interface {
		syncer.Secrets
		CredentialInfo
	}
	// Duplicates finds and merges duplicates during imports; zero means
	// the rules of the Duplicates view (backend/duplicates).
	Duplicates Duplicates
	// Dialogs are the window's file dialogs, set once it has started (nil:
	// none, the wizard's path box still works).
	Dialogs *SwitchableDialogs
	// System is what the calendar reads from the machine ($TZ,
	// /etc/localtime, the zone list); zero means OSSystem().
	System calendar.System
	// Log receives what background work cannot show (nil: slog.Default()).
	Log *slog.Logger
	// UserName names the local profile made on first start (the system
	// user's full name; "" gives "Me").
	UserName string
}

// NewServices builds the bound services over an open database.
func NewServices(ctx context.Context, db *store.DB, cfg Config) *Services {
	sys := cfg.System
	if sys.Getenv == nil && sys.Readlink == nil && sys.ReadFile == nil {
		sys = OSSystem()
	}
	cal := calendar.New(db, cfg.Clock, sys, calendar.WithZoneResolver(eventcard.Location))
	reminders := newRemindersService(ctx, db, cal, cfg)
	cfg.Events = kickingEmitter{Emitter: cfg.Events, kick: reminders.sched.Kick}
	s := &Services{
		Contacts:     NewContactsService(ctx, contacts.New(db, cfg.Clock, contacts.WithCustomFields(db)), cfg.Events),
		Companies:    NewCompaniesService(ctx, companies.New(db, cfg.Clock), cfg.Events),
		CustomFields: NewCustomFieldsService(ctx, customfields.New(db, cfg.Clock), cfg.Events),
		Settings:     NewSettingsService(ctx, db, cfg.DefaultLanguage),
		Status:       NewStatusService(ctx, db, cfg.Version),
	}
	s.Settings.defaultRegion, s.Settings.events = cfg.DefaultPhoneRegion, cfg.Events
	s.Contacts.extras = contactExtras{photos: contacts.NewPhotos(db), defs: db, region: s.Settings.phoneRegion}
	s.Duplicates = NewDuplicatesService(ctx, duplicates.New(db, s.Settings.phoneRegion), cfg.Events)
	dups := cfg.Duplicates
	if dups.Matcher == nil {
		dups = importDuplicates(s.Settings.phoneRegion)
	}
	s.ImportExport = NewImportExportService(ctx, db, cfg.Clock, cfg.Events, cfg.Dialogs, dups)
	s.ImportExport.importer.WithZones(cal) // .ics imports place floating and all-day times in the user's zone
	s.Sync = NewSyncService(ctx, db, cfg.Secrets, cfg.Secrets, cfg.Clock, cfg.Events, WithCalendarSync(calendarSync(db), cal.UserLocation))
	s.Calendar = NewCalendarService(ctx, cal, cfg.Events)
	tk := tasks.New(db, cfg.Clock, cal, recurrence.Validate)
	s.Tasks = NewTasksService(ctx, tk, cfg.Events)
	s.Calendar.zoneChanged = tk.ZoneChanged
	s.Reminders = reminders
	own := owners.New(db, cfg.Clock, cfg.UserName)
	s.Owners = NewOwnersService(ctx, own, cfg.Events)
	cur := currencies.New(db, cfg.Clock, s.Settings.phoneRegion)
	s.Currency = NewCurrencyService(ctx, cur, s.Settings.language, cfg.Events)
	s.Leads = NewLeadsService(ctx, leads.New(db, cfg.Clock), own, cfg.Events)
	s.Deals = NewDealsService(ctx, deals.New(db, cur, cfg.Clock, deals.WithZone(cal.UserLocation)), s.Settings.language, cal.UserLocation, cfg.Events)
	s.Activities = NewActivitiesService(ctx, activities.New(db, cfg.Clock), own, cfg.Events)
	s.Activities.leadChanged = s.Leads.rescore
	ord := orders.New(db, cfg.Clock, cal, tk, orders.WithTaskTitle(reorderTitle(s.Settings.language)),
		orders.WithTaskNotes(reorderNotes(s.Settings.language)))
	s.Orders = NewOrdersService(ctx, ord, s.Settings.language, cfg.Events, cfg.Log)
	care := careDeps{names: db, zone: cal.UserLocation, me: own.Me}
	s.Feedback = NewFeedbackService(ctx, feedback.New(db, cfg.Clock), care, cfg.Events)
	s.Cases = NewCasesService(ctx, cases.New(db, cfg.Clock), care, cfg.Events)
	s.Campaigns = NewCampaignsService(ctx, campaigns.New(db, cur, cfg.Clock), s.Settings.language, cfg.Events)
	s.Search = NewSearchService(ctx, newSearcher(db, cfg))
	s.Reports = NewReportsService(ctx, reports.New(db, cur, cfg.Clock, cal.UserLocation), s.Settings.language, cal.UserLocation,
		cfg.Clock, cfg.Dialogs, s.Calendar, s.Tasks, s.Activities)
	return s
}

// Bindings lists the objects whose exported methods the front end may call.
func (s *Services) Bindings() []any {
	return []any{s.Contacts, s.Companies, s.CustomFields, s.Settings, s.Status, s.Sync, s.Duplicates, s.ImportExport,
		s.Calendar, s.Tasks, s.Reminders, s.Owners, s.Currency,
		s.Deals,
		s.Activities,
		s.Leads,
		s.Orders,
		s.Feedback,
		s.Cases,
		s.Campaigns,
		s.Search,
		s.Reports,
	}
}
