package app

import (
	"context"
	"errors"
	"strconv"
	"sync"
	"time"

	"fieldbook/backend/crm"
	"fieldbook/backend/schedule"
	"fieldbook/backend/store"
	"fieldbook/sync/caldav"
	"fieldbook/sync/carddav"
	"fieldbook/sync/engine"
	"fieldbook/sync/syncer"
)

// Sync events.
const (
	// EventSyncProgress carries a SyncProgress while a sync runs.
	EventSyncProgress = "sync:progress"
	// EventSyncStatus follows every change of the sync status (started,
	// finished, settings, accounts, conflicts).
	EventSyncStatus = "sync:status"
)

// Settings keys of the sync.
const (
	settingSyncInterval = "sync.interval_minutes"
	settingSyncPolicy   = "sync.policy"
)

// CodeSyncRunning is the error code when "Sync now" meets a running sync.
const CodeSyncRunning = "sync_running"

// SyncStore is the database as the sync page needs it.
type SyncStore interface {
	syncer.Store
	Setting(ctx context.Context, key string) (string, bool, error)
	SetSetting(ctx context.Context, key, value string) error
	SetCollectionEnabled(ctx context.Context, id string, enabled, def bool) error
	OutboxEntries(ctx context.Context, limit int) ([]crm.OutboxEntry, error)
	PendingChanges(ctx context.Context) (int, error)
	Conflicts(ctx context.Context) ([]crm.Conflict, error)
	Conflict(ctx context.Context, id string) (crm.Conflict, error)
	CountConflicts(ctx context.Context) (int, error)
	GetContact(ctx context.Context, id string) (crm.Contact, error)
	ResolveConflict(ctx context.Context, conflictID string, c crm.Contact, push []string) error
	Event(ctx context.Context, id string) (crm.Event, error)
	Task(ctx context.Context, id string) (crm.Task, error)
	ResolveEventConflict(ctx context.Context, conflictID string, e crm.Event, push []string) error
	ResolveTaskConflict(ctx context.Context, conflictID string, t crm.Task, push []string) error
}

// SyncOption configures NewSyncService.
type SyncOption func(*syncOptions)

type syncOptions struct {
	calendars syncer.CalendarStore
	userZone  func(ctx context.Context) (*time.Location, error)
}

// WithCalendarSync makes the service sync calendar collections too, into
// calendars (store.CalendarSync), reading floating times and all-day dates
// of what arrives in the user's zone.
func WithCalendarSync(calendars syncer.CalendarStore, userZone func(ctx context.Context) (*time.Location, error)) SyncOption {
	return func(o *syncOptions) { o.calendars, o.userZone = calendars, userZone }
}

// CredentialInfo says where passwords are kept (credentials.Vault).
type CredentialInfo interface {
	Backend() string
	Notice() string
}

// SyncService is bound to the front end: accounts, "Sync now", the
// outbox and the conflict inbox. It also owns the periodic sync.
type SyncService struct {
	ctx    context.Context
	store  SyncStore
	sync   *syncer.Syncer
	creds  CredentialInfo
	clock  crm.Clock
	events Emitter
	sched  *schedule.Scheduler
	opts   syncOptions

	mu       sync.Mutex
	running  bool
	online   bool
	progress *SyncProgress
	last     *SyncSummary
	lastAt   time.Time
	lastErr  string
}

// NewSyncService builds the service; call Start to begin periodic syncs.
func NewSyncService(ctx context.Context, st SyncStore, secrets syncer.Secrets, creds CredentialInfo, clock crm.Clock, events Emitter, opts ...SyncOption) *SyncService {
	s := &SyncService{ctx: ctx, store: st, creds: creds, clock: clock, events: events, online: true}
	for _, o := range opts {
		o(&s.opts)
	}
	if s.opts.userZone == nil {
		s.opts.userZone = func(context.Context) (*time.Location, error) { return time.UTC, nil }
	}
	s.sync = syncer.New(syncer.Config{Store: st, Secrets: secrets, Clock: clock,
		Policy: s.policy, Progress: s.onProgress, Calendars: s.opts.calendars, UserZone: s.opts.userZone})
	s.sched = schedule.New(s.scheduled, s.interval(), clock)
	return s
}

// Syncer is the account and sync runner (for the command line).
func (s *SyncService) Syncer() *syncer.Syncer { return s.sync }

// Start begins the periodic sync (the first runs at once).
func (s *SyncService) Start(ctx context.Context) { s.sched.Start(ctx) }

// Stop ends the periodic sync, cancelling one that runs.
func (s *SyncService) Stop() { s.sched.Stop() }

func (s *SyncService) policy(ctx context.Context) engine.Policy {
	v, ok, err := s.store.Setting(ctx, settingSyncPolicy)
	if err != nil || !ok {
		return engine.PolicyAsk
	}
	switch p := engine.Policy(v); p {
	case engine.PolicyMine, engine.PolicyTheirs:
		return p
	}
	return engine.PolicyAsk
}

func (s *SyncService) interval() time.Duration {
	v, ok, err := s.store.Setting(s.ctx, settingSyncInterval)
	if err != nil || !ok {
		return schedule.DefaultInterval
	}
	n, err := strconv.Atoi(v)
	if err != nil || n <= 0 {
		return schedule.DefaultInterval
	}
	return time.Duration(n) * time.Minute
}

func (s *SyncService) onProgress(p syncer.Progress) {
	dto := SyncProgress{Account: p.Account, AddressBook: p.Collection, Phase: p.Phase, Done: p.Done, Total: p.Total}
	s.mu.Lock()
	s.progress = &dto
	s.mu.Unlock()
	s.events.Emit(EventSyncProgress, dto)
}

// scheduled is the periodic job: a sync of every account, if any.
func (s *SyncService) scheduled(ctx context.Context) (bool, error) {
	accounts, err := s.store.Accounts(ctx)
	if err != nil || len(accounts) == 0 {
		return false, err
	}
	out, err := s.run(ctx, "")
	if crm.ErrorCode(err) == CodeSyncRunning {
		return false, schedule.ErrBusy
	}
	return out.Offline, err
}

// run performs one sync and records its outcome for the status.
func (s *SyncService) run(ctx context.Context, account string) (syncer.Outcome, error) {
	s.mu.Lock()
	if s.running {
		s.mu.Unlock()
		return syncer.Outcome{}, crm.Errorf(CodeSyncRunning, "a sync is already running")
	}
	s.running, s.progress = true, nil
	s.mu.Unlock()
	s.changed()
	out, err := s.sync.SyncAll(ctx, account)
	if errors.Is(err, syncer.ErrRunning) {
		err = crm.Errorf(CodeSyncRunning, "a sync is already running")
	}
	sum := &SyncSummary{Fetched: out.Result.Fetched, Applied: out.Result.Applied, Pushed: out.Result.Pushed,
		Failed: out.Result.Failed, Conflicts: out.Result.Conflicts, Skipped: out.Result.Skipped, Errors: []string{}}
	for name, e := range out.Errors {
		sum.Errors = append(sum.Errors, name+": "+e)
	}
	if err != nil {
		sum.Errors = append(sum.Errors, err.Error())
	}
	s.mu.Lock()
	s.running, s.progress, s.last = false, nil, sum
	s.online = !out.Offline
	s.lastErr = ""
	if len(sum.Errors) > 0 {
		s.lastErr = sum.Errors[0]
	} else {
		s.lastAt = s.clock.Now() // "last synced" names the last sync that worked
	}
	s.mu.Unlock()
	s.changed()
	s.events.Emit(EventContactsChanged)
	if s.opts.calendars != nil {
		s.events.Emit(EventCalendarChanged)
		s.events.Emit(EventTasksChanged)
	}
	s.events.Emit(EventStatusChanged)
	if err == nil {
		err = out.Err()
	}
	return out, err
}

func (s *SyncService) changed() { s.events.Emit(EventSyncStatus) }

// SyncNow starts a sync of every account in the background; progress and
// the outcome arrive as events. A sync already running is an error with
// code sync_running.
func (s *SyncService) SyncNow() error {
	s.mu.Lock()
	running := s.running
	s.mu.Unlock()
	if running {
		return crm.Errorf(CodeSyncRunning, "a sync is already running")
	}
	go func() {
		out, _ := s.run(s.ctx, "")
		s.sched.Ran(out.Offline)
	}()
	return nil
}

// Status returns the sync status.
func (s *SyncService) Status() (SyncStatus, error) {
	accounts, err := s.store.Accounts(s.ctx)
	if err != nil {
		return SyncStatus{}, err
	}
	pending, err := s.store.PendingChanges(s.ctx)
	if err != nil {
		return SyncStatus{}, err
	}
	conflicts, err := s.store.CountConflicts(s.ctx)
	if err != nil {
		return SyncStatus{}, err
	}
	st := SyncStatus{Accounts: len(accounts), Pending: pending, Conflicts: conflicts,
		IntervalMinutes: int(s.interval() / time.Minute), Policy: string(s.policy(s.ctx))}
	if s.creds != nil {
		st.CredentialStorage, st.CredentialNotice = s.creds.Backend(), s.creds.Notice()
	}
	if len(accounts) > 0 {
		next := s.sched.Next()
		if !next.IsZero() {
			st.NextSyncAt = next.UTC().Format(time.RFC3339)
		}
	}
	// The last sync: this session's, else the newest one recorded.
	for _, a := range accounts {
		if a.LastSyncAt != nil && (st.LastSyncAt == "" || a.LastSyncAt.UTC().Format(time.RFC3339) > st.LastSyncAt) {
			st.LastSyncAt, st.LastError = formatOptionalTime(a.LastSyncAt), a.LastError
		}
	}
	s.mu.Lock()
	st.Running, st.Online, st.Progress, st.Last = s.running, s.online, s.progress, s.last
	if !s.lastAt.IsZero() {
		st.LastSyncAt = s.lastAt.UTC().Format(time.RFC3339)
	}
	if s.last != nil {
		st.LastError = s.lastErr
	}
	s.mu.Unlock()
	return st, nil
}

// SetSyncSettings sets the sync interval (1 to 1440 minutes) and the
// conflict policy (ask, mine or theirs).
func (s *SyncService) SetSyncSettings(intervalMinutes int, policy string) (SyncStatus, error) {
	if intervalMinutes < 1 || intervalMinutes > 1440 {
		return SyncStatus{}, crm.FieldError(crm.CodeInvalidInput, "intervalMinutes", "the interval is 1 to 1440 minutes")
	}
	switch engine.Policy(policy) {
	case engine.PolicyAsk, engine.PolicyMine, engine.PolicyTheirs:
	default:
		return SyncStatus{}, crm.FieldError(crm.CodeInvalidInput, "policy", "the policy is ask, mine or theirs")
	}
	if err := s.store.SetSetting(s.ctx, settingSyncInterval, strconv.Itoa(intervalMinutes)); err != nil {
		return SyncStatus{}, err
	}
	if err := s.store.SetSetting(s.ctx, settingSyncPolicy, policy); err != nil {
		return SyncStatus{}, err
	}
	s.sched.SetInterval(time.Duration(intervalMinutes) * time.Minute)
	s.changed()
	return s.Status()
}

// Accounts lists the sync accounts.
func (s *SyncService) Accounts() ([]Account, error) {
	accounts, err := s.store.Accounts(s.ctx)
	if err != nil {
		return nil, err
	}
	out := make([]Account, 0, len(accounts))
	for _, a := range accounts {
		out = append(out, accountDTO(a))
	}
	return out, nil
}

// Discover probes a server with the credentials and lists its address
// books; an untrusted certificate comes back in Untrusted for the trust step.
func (s *SyncService) Discover(in AccountInput) (Discovery, error) {
	f, err := s.sync.Discover(s.ctx, newAccount(in))
	out := Discovery{URL: f.URL, AddressBooks: []AddressBook{}, Calendars: []CalendarCollection{}}
	if f.Untrusted != nil {
		out.Untrusted = certificateDTO(*f.Untrusted)
	}
	for _, b := range f.AddressBooks {
		out.AddressBooks = append(out.AddressBooks, AddressBook{Href: b.Path, Name: b.Name, Description: b.Description, Enabled: true})
	}
	for _, c := range f.Calendars {
		out.Calendars = append(out.Calendars, calendarCollectionDTO(c))
	}
	return out, err
}

// AddAccount stores the account with the chosen address books; new local
// contacts go to defaultHref (the first book when empty). It syncs at once.
// It adds no calendar: see AddAccountWithCalendars.
func (s *SyncService) AddAccount(in AccountInput, books []AddressBook, defaultHref string) (Account, error) {
	return s.AddAccountWithCalendars(in, books, nil, defaultHref)
}

// AddAccountWithCalendars is AddAccount with the calendars the user picked
// (those Enabled); each gets a local calendar in the server's colour. It
// syncs at once.
func (s *SyncService) AddAccountWithCalendars(in AccountInput, books []AddressBook, calendars []CalendarCollection, defaultHref string) (Account, error) {
	var chosen []carddav.AddressBook
	for _, b := range books {
		chosen = append(chosen, carddav.AddressBook{Path: b.Href, Name: b.Name, Description: b.Description})
	}
	a, err := s.sync.AddAccount(s.ctx, newAccount(in), chosen, calendarsOf(calendars), defaultHref)
	if err != nil {
		return Account{}, err
	}
	s.changed()
	_ = s.SyncNow()
	return accountDTO(a), nil
}

// ServerCalendars lists the calendars on an account's server, those the
// account syncs already marked Enabled (with their ID).
func (s *SyncService) ServerCalendars(accountID string) ([]CalendarCollection, error) {
	found, err := s.sync.DiscoverCalendars(s.ctx, accountID)
	if err != nil {
		return nil, err
	}
	a, err := s.store.Account(s.ctx, accountID)
	if err != nil {
		return nil, err
	}
	out := make([]CalendarCollection, 0, len(found))
	for _, c := range found {
		dto := calendarCollectionDTO(c)
		dto.Enabled = false
		for _, col := range a.Collections {
			if col.IsCalendar() && col.Href == c.Path {
				dto.ID, dto.Enabled = col.ID, col.Enabled
			}
		}
		out = append(out, dto)
	}
	return out, nil
}

// AddCalendars adds calendars of the account's server (from
// ServerCalendars, those Enabled) to an account; it syncs at once.
func (s *SyncService) AddCalendars(accountID string, calendars []CalendarCollection) error {
	if err := s.sync.AddCalendars(s.ctx, accountID, calendarsOf(calendars)); err != nil {
		return err
	}
	s.changed()
	_ = s.SyncNow()
	return nil
}

// SetCalendar turns syncing of one of an account's calendars on or off.
func (s *SyncService) SetCalendar(id string, enabled bool) error {
	return s.SetAddressBook(id, enabled, false)
}

// RemoveAccount deletes an account and its password; contacts stay here.
func (s *SyncService) RemoveAccount(id string) error {
	if err := s.sync.RemoveAccount(s.ctx, id); err != nil {
		return err
	}
	s.changed()
	return nil
}

// SetAddressBook turns syncing of an address book on or off and can make
// it the one new contacts go to.
func (s *SyncService) SetAddressBook(id string, enabled, isDefault bool) error {
	if err := s.store.SetCollectionEnabled(s.ctx, id, enabled, isDefault); err != nil {
		return err
	}
	s.changed()
	return nil
}

// Outbox lists the changes waiting to be sent (at most 500, oldest first).
func (s *SyncService) Outbox() ([]OutboxEntry, error) {
	entries, err := s.store.OutboxEntries(s.ctx, 500)
	if err != nil {
		return nil, err
	}
	out := make([]OutboxEntry, 0, len(entries))
	for _, e := range entries {
		fields := e.Fields
		if fields == nil {
			fields = []string{}
		}
		out = append(out, OutboxEntry{Seq: e.Seq, Entity: e.Entity, EntityID: e.EntityID, Title: e.Title, Op: e.Op,
			Fields: fields, CreatedAt: e.CreatedAt.UTC().Format(time.RFC3339), State: e.State, Attempts: e.Attempts, LastError: e.LastError})
	}
	return out, nil
}

// Conflicts lists the conflict inbox.
func (s *SyncService) Conflicts() ([]Conflict, error) {
	cs, err := s.store.Conflicts(s.ctx)
	if err != nil {
		return nil, err
	}
	out := make([]Conflict, 0, len(cs))
	for _, c := range cs {
		dto := Conflict{ID: c.ID, Field: c.Field, Base: c.Base, Mine: c.Mine, Theirs: c.Theirs,
			CreatedAt: c.CreatedAt.UTC().Format(time.RFC3339), Entity: c.Entity, ItemID: c.ItemID}
		switch c.Entity {
		case crm.EntityEvent:
			if e, err := s.store.Event(s.ctx, c.ItemID); err == nil {
				dto.Title = e.Title
			}
		case crm.EntityTask:
			if t, err := s.store.Task(s.ctx, c.ItemID); err == nil {
				dto.Title = t.Title
			}
		default:
			dto.Entity, dto.ContactID = crm.EntityContact, c.ItemID
			if contact, err := s.store.GetContact(s.ctx, c.ItemID); err == nil {
				dto.ContactName, dto.Title = contact.DisplayName(), contact.DisplayName()
			}
		}
		out = append(out, dto)
	}
	return out, nil
}

// ResolveConflict applies the user's choice (mine, theirs or both) and
// queues the result for upload.
func (s *SyncService) ResolveConflict(id, choice string) error {
	c, err := s.store.Conflict(s.ctx, id)
	if err != nil {
		return err
	}
	if c.Entity == crm.EntityEvent || c.Entity == crm.EntityTask {
		if err := s.resolveCalendarConflict(c, choice); err != nil {
			return err
		}
		s.changed()
		s.events.Emit(EventCalendarChanged)
		s.events.Emit(EventTasksChanged)
		s.events.Emit(EventStatusChanged)
		return nil
	}
	contact, err := s.store.GetContact(s.ctx, c.ItemID)
	if err != nil {
		return err
	}
	fields, err := carddav.Schema().Resolve(contact.ContactFields, c, choice)
	if err != nil {
		return err
	}
	push := []string{c.Field}
	if choice == crm.ResolveBoth && c.Field != "notes" && fields.Notes != contact.Notes {
		push = append(push, "notes")
	}
	contact.ContactFields = fields
	contact.Version++
	contact.UpdatedAt = s.clock.Now()
	if err := s.store.ResolveConflict(s.ctx, id, contact, push); err != nil {
		return err
	}
	s.changed()
	s.events.Emit(EventContactsChanged)
	s.events.Emit(EventStatusChanged)
	return nil
}

// resolveCalendarConflict applies a choice to a meeting or task.
func (s *SyncService) resolveCalendarConflict(c crm.Conflict, choice string) error {
	loc, err := s.opts.userZone(s.ctx)
	if err != nil {
		return err
	}
	times, now := caldav.Times{User: loc}, s.clock.Now()
	// resolve applies the choice to a record's fields and names the fields
	// to journal: the conflict's, and the notes when "keep both" wrote the
	// server's value there.
	resolve := func(o crm.CalendarObject, notes func(crm.CalendarObject) string) (crm.CalendarObject, []string, error) {
		out, err := caldav.Schema().Resolve(o, c, choice)
		push := []string{c.Field}
		if choice == crm.ResolveBoth && c.Field != "notes" && notes(out) != notes(o) {
			push = append(push, "notes")
		}
		return out, push, err
	}
	if c.Entity == crm.EntityTask {
		t, err := s.store.Task(s.ctx, c.ItemID)
		if err != nil {
			return err
		}
		obj, push, err := resolve(crm.CalendarObject{Kind: crm.EntityTask, Task: t.TaskFields, Zones: t.Zones, OriginalTZID: t.OriginalTZID},
			func(o crm.CalendarObject) string { return o.Task.Notes })
		if err != nil {
			return err
		}
		t.TaskFields, t.Version, t.UpdatedAt = obj.Task, t.Version+1, now
		if err := times.TaskInstants(&t); err != nil {
			return err
		}
		return s.store.ResolveTaskConflict(s.ctx, c.ID, t, push)
	}
	e, err := s.store.Event(s.ctx, c.ItemID)
	if err != nil {
		return err
	}
	obj, push, err := resolve(crm.CalendarObject{Kind: crm.EntityEvent, Event: e.EventFields, Zones: e.Zones, OriginalTZID: e.OriginalTZID},
		func(o crm.CalendarObject) string { return o.Event.Notes })
	if err != nil {
		return err
	}
	e.EventFields, e.Version, e.UpdatedAt = obj.Event, e.Version+1, now
	if err := times.EventInstants(&e); err != nil {
		return err
	}
	return s.store.ResolveEventConflict(s.ctx, c.ID, e, push)
}

func newAccount(in AccountInput) syncer.NewAccount {
	return syncer.NewAccount{Name: in.Name, URL: in.URL, Username: in.Username, Password: in.Password, CertPin: in.CertFingerprint}
}

// calendarSync is the calendar side of db for one sync.
func calendarSync(db *store.DB) syncer.CalendarStore {
	return func(t caldav.Times) engine.Store[crm.CalendarObject] { return db.CalendarSync(t) }
}
