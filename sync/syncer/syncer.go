// Package syncer runs Fieldbook's sync for every account: it looks up the
// account's password and trusted certificate, builds the CardDAV and CalDAV
// clients, syncs each enabled address book and calendar with the engine
// (a calendar into a local calendar of its own, made at its first sync),
// records the outcome and reports progress. It also sets accounts up
// (discovery, the trust step). One sync runs at a time.
package syncer

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"sync"
	"time"

	"fieldbook/backend/crm"
	"fieldbook/sync/caldav"
	"fieldbook/sync/carddav"
	"fieldbook/sync/engine"
	"fieldbook/sync/tlstrust"
)

// ErrRunning is returned when a sync is asked for while one runs.
var ErrRunning = errors.New("a sync is already running")

// Store is the database as the syncer needs it (backend/store).
type Store interface {
	engine.Store[crm.ContactFields]
	Accounts(ctx context.Context) ([]crm.Account, error)
	Account(ctx context.Context, id string) (crm.Account, error)
	CreateAccount(ctx context.Context, a crm.Account) error
	AddCollections(ctx context.Context, accountID string, cols []crm.Collection) error
	DeleteAccount(ctx context.Context, id string) error
	RecordSync(ctx context.Context, accountID, errText string) error
	// EnsureCollectionCalendar returns (making it when needed) the local
	// calendar a calendar collection syncs into.
	EnsureCollectionCalendar(ctx context.Context, coll crm.Collection) (crm.Calendar, error)
}

// CalendarStore is the database's calendar side for one sync
// (store.CalendarSync), computing the instants of what arrives with times.
type CalendarStore func(times caldav.Times) engine.Store[crm.CalendarObject]

// Secrets holds account passwords (backend/credentials).
type Secrets interface {
	Set(account, secret string) error
	Get(account string) (string, error)
	Delete(account string) error
}

// Progress is what the UI shows while a sync runs.
type Progress struct {
	Account    string // account name
	Collection string // address book or calendar name
	Phase      string // "pull" or "push"
	Done       int
	Total      int // 0 when unknown
}

// Outcome is the result of syncing every account.
type Outcome struct {
	Started  time.Time
	Finished time.Time
	Result   engine.Result // summed over collections
	// Offline is true when a server could not be reached (the scheduler
	// backs off); Errors are per account, for the user.
	Offline bool
	Errors  map[string]string
}

// Err is nil when every account synced.
func (o Outcome) Err() error {
	if len(o.Errors) == 0 {
		return nil
	}
	var errs []error
	for name, e := range o.Errors {
		errs = append(errs, fmt.Errorf("%s: %s", name, e))
	}
	return errors.Join(errs...)
}

// Config holds the syncer's collaborators.
type Config struct {
	Store   Store
	Secrets Secrets
	Clock   crm.Clock
	// Policy returns the conflict policy for this sync (a setting).
	Policy func(ctx context.Context) engine.Policy
	// Progress receives progress reports (may be nil).
	Progress func(Progress)
	// Timeout bounds each HTTP request (default 60 s).
	Timeout time.Duration
	// Calendars gives the calendar side of the database; nil leaves
	// calendar collections alone.
	Calendars CalendarStore
	// UserZone is the zone floating times and all-day dates of what
	// arrives are read in (default UTC).
	UserZone func(ctx context.Context) (*time.Location, error)
}

// Syncer syncs accounts, one sync at a time.
type Syncer struct {
	cfg     Config
	running sync.Mutex
}

// New returns a Syncer.
func New(cfg Config) *Syncer {
	if cfg.Clock == nil {
		cfg.Clock = crm.SystemClock{}
	}
	if cfg.Progress == nil {
		cfg.Progress = func(Progress) {}
	}
	if cfg.Policy == nil {
		cfg.Policy = func(context.Context) engine.Policy { return engine.PolicyAsk }
	}
	if cfg.Timeout == 0 {
		cfg.Timeout = 60 * time.Second
	}
	if cfg.UserZone == nil {
		cfg.UserZone = func(context.Context) (*time.Location, error) { return time.UTC, nil }
	}
	return &Syncer{cfg: cfg}
}

// httpClient verifies TLS normally, plus the certificate the user trusted.
func (s *Syncer) httpClient(pin string) *http.Client {
	var pins []string
	if pin != "" {
		pins = []string{pin}
	}
	return &http.Client{Transport: tlstrust.Transport(pins), Timeout: s.cfg.Timeout}
}

// SyncAll syncs every account (onlyAccount limits it to one, by ID or
// name). It returns ErrRunning when a sync is already running.
func (s *Syncer) SyncAll(ctx context.Context, onlyAccount string) (Outcome, error) {
	if !s.running.TryLock() {
		return Outcome{}, ErrRunning
	}
	defer s.running.Unlock()
	out := Outcome{Started: s.cfg.Clock.Now(), Errors: map[string]string{}}
	accounts, err := s.cfg.Store.Accounts(ctx)
	if err != nil {
		return out, err
	}
	found := onlyAccount == ""
	for _, a := range accounts {
		if onlyAccount != "" && a.ID != onlyAccount && a.Name != onlyAccount {
			continue
		}
		found = true
		res, err := s.syncAccount(ctx, a)
		addResult(&out.Result, res)
		errText := ""
		if err != nil {
			errText = err.Error()
			if IsOffline(err) {
				out.Offline = true
				errText = fmt.Sprintf("the server %s cannot be reached (%v); changes wait in the outbox", hostOf(a.URL), rootCause(err))
			}
			out.Errors[a.Name] = errText
		}
		if rerr := s.cfg.Store.RecordSync(context.WithoutCancel(ctx), a.ID, errText); rerr != nil {
			return out, rerr
		}
		if ctx.Err() != nil {
			break
		}
	}
	if !found {
		return out, crm.Errorf(crm.CodeNotFound, "no account named %q", onlyAccount)
	}
	out.Finished = s.cfg.Clock.Now()
	return out, nil
}

func (s *Syncer) syncAccount(ctx context.Context, a crm.Account) (engine.Result, error) {
	var total engine.Result
	password, err := s.cfg.Secrets.Get(a.ID)
	if err != nil {
		return total, fmt.Errorf("the password of %s is not available: %w", a.Name, err)
	}
	cfg := carddav.Config{URL: a.URL, Username: a.Username, Password: password, HTTP: s.httpClient(a.CertPin)}
	cards, err := carddav.New(ctx, cfg)
	if err != nil {
		return total, err
	}
	cals, err := caldav.New(ctx, cfg)
	if err != nil {
		return total, err
	}
	policy := s.cfg.Policy(ctx)
	var calStore engine.Store[crm.CalendarObject]
	for _, c := range a.Collections {
		if !c.Enabled || c.IsCalendar() && s.cfg.Calendars == nil {
			continue
		}
		opts := []engine.Option{engine.WithClock(s.cfg.Clock), engine.WithPolicy(policy),
			engine.WithProgress(func(p engine.Progress) {
				s.cfg.Progress(Progress{Account: a.Name, Collection: c.Name, Phase: p.Phase, Done: p.Done, Total: p.Total})
			})}
		var res engine.Result
		if c.IsCalendar() {
			if calStore == nil {
				if calStore, err = s.calendarStore(ctx); err != nil {
					return total, err
				}
			}
			if _, err := s.cfg.Store.EnsureCollectionCalendar(ctx, c); err != nil {
				return total, err
			}
			res, err = engine.New(caldav.Schema(), calStore, caldav.Codec{}, opts...).Sync(ctx, c, cals.Remote(c.Href))
		} else {
			res, err = engine.New(carddav.Schema(), engine.Store[crm.ContactFields](s.cfg.Store), carddav.Codec{}, opts...).
				Sync(ctx, c, cards.Remote(c.Href))
		}
		addResult(&total, res)
		if err != nil {
			return total, err
		}
	}
	return total, nil
}

// calendarStore is the calendar side of the database for this sync, with
// the user's zone read now (instants are computed inside transactions,
// which must not read the database).
func (s *Syncer) calendarStore(ctx context.Context) (engine.Store[crm.CalendarObject], error) {
	loc, err := s.cfg.UserZone(ctx)
	if err != nil {
		return nil, fmt.Errorf("read the user's time zone: %w", err)
	}
	return s.cfg.Calendars(caldav.Times{User: loc}), nil
}

func addResult(sum *engine.Result, r engine.Result) {
	sum.Fetched += r.Fetched
	sum.Applied += r.Applied
	sum.Pushed += r.Pushed
	sum.Failed += r.Failed
	sum.Conflicts += r.Conflicts
	sum.Skipped += r.Skipped
	sum.Requests += r.Requests
	sum.FullScan = sum.FullScan || r.FullScan
}

// IsOffline reports an error that means the server could not be reached
// (as opposed to a server that answered with an error).
func IsOffline(err error) bool {
	if err == nil || errors.Is(err, context.Canceled) {
		return false
	}
	var se engine.StatusError
	if errors.As(err, &se) {
		return se.HTTPStatus() == http.StatusServiceUnavailable || se.HTTPStatus() == http.StatusBadGateway || se.HTTPStatus() == http.StatusGatewayTimeout
	}
	if _, untrusted := tlstrust.IsUntrusted(err); untrusted {
		return false
	}
	var ne net.Error
	var oe *net.OpError
	return errors.As(err, &ne) || errors.As(err, &oe) || errors.Is(err, context.DeadlineExceeded) ||
		errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF)
}

// rootCause is the innermost error of a chain: for a network failure the
// operating system's words ("connection refused"), without the layers of
// request context above it.
func rootCause(err error) error {
	for {
		switch e := err.(type) {
		case interface{ Unwrap() []error }: // errors.Join: the first attempt's cause
			if errs := e.Unwrap(); len(errs) > 0 {
				err = errs[0]
				continue
			}
		case interface{ Unwrap() error }:
			if next := e.Unwrap(); next != nil {
				err = next
				continue
			}
		}
		return err
	}
}
