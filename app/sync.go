package app

import (
	"context"
	"errors"
	"strconv"
	"sync"
	"time"

	"fieldbook/backend/crm"
	"fieldbook/backend/schedule"
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

	mu       sync.Mutex
	running  bool
	online   bool
	progress *SyncProgress
	last     *SyncSummary
	lastAt   time.Time
	lastErr  string
}

// NewSyncService builds the service; call Start to begin periodic syncs.
func NewSyncService(ctx context.Context, st SyncStore, secrets syncer.Secrets, creds CredentialInfo, clock crm.Clock, events Emitter) *SyncService {
	s := &SyncService{ctx: ctx, store: st, creds: creds, clock: clock, events: events, online: true}
	s.sync = syncer.New(syncer.Config{Store: st, Secrets: secrets, Clock: clock,
		Policy: s.policy, Progress: s.onProgress})
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
	out := Discovery{URL: f.URL, AddressBooks: []AddressBook{}}
	if f.Untrusted != nil {
		out.Untrusted = certificateDTO(*f.Untrusted)
	}
	for _, b := range f.AddressBooks {
		out.AddressBooks = append(out.AddressBooks, AddressBook{Href: b.Path, Name: b.Name, Description: b.Description, Enabled: true})
	}
	return out, err
}

// AddAccount stores the account with the chosen address books; new local
// contacts go to defaultHref (the first book when empty). It syncs at once.
func (s *SyncService) AddAccount(in AccountInput, books []AddressBook, defaultHref string) (Account, error) {
	var chosen []carddav.AddressBook
	for _, b := range books {
		chosen = append(chosen, carddav.AddressBook{Path: b.Href, Name: b.Name, Description: b.Description})
	}
	a, err := s.sync.AddAccount(s.ctx, newAccount(in), chosen, defaultHref)
	if err != nil {
		return Account{}, err
	}
	s.changed()
	_ = s.SyncNow()
	return accountDTO(a), nil
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
		name := ""
		if contact, err := s.store.GetContact(s.ctx, c.ItemID); err == nil {
			name = contact.DisplayName()
		}
		out = append(out, Conflict{ID: c.ID, ContactID: c.ItemID, ContactName: name, Field: c.Field,
			Base: c.Base, Mine: c.Mine, Theirs: c.Theirs, CreatedAt: c.CreatedAt.UTC().Format(time.RFC3339)})
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

func newAccount(in AccountInput) syncer.NewAccount {
	return syncer.NewAccount{Name: in.Name, URL: in.URL, Username: in.Username, Password: in.Password, CertPin: in.CertFingerprint}
}
