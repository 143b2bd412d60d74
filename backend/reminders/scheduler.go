package reminders

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"sync"
	"time"

	"github.com/robfig/cron/v3"

	"fieldbook/backend/crm"
)

// Tick is how often cron has the scheduler check for due reminders.
const Tick = 30 * time.Second

// WakeGap is the wall-clock gap between two checks beyond which the
// machine is taken to have slept, and the check catches up.
const WakeGap = 2 * Tick

// CatchUp is how far back a catch-up check looks (never before the first
// check ever): reminders older than that are skipped.
const CatchUp = 7 * 24 * time.Hour

// Keep is how long the state of a reminder is kept after its time; older
// entries are pruned and no longer listed as active.
const Keep = 30 * 24 * time.Hour

// MaxSnooze is the longest snooze.
const MaxSnooze = 7 * 24 * time.Hour

// Config is what a Scheduler works with.
type Config struct {
	Source   Source
	State    State
	Notifier Notifier
	Clock    crm.Clock
	// OnError receives the errors of the checks cron and Kick run (nil:
	// they are dropped).
	OnError func(error)
}

// Scheduler raises reminders at their time. Check and CatchUp run one
// check; Start has cron run Check every Tick and Kick run CatchUp.
type Scheduler struct {
	cfg  Config
	kick chan struct{}
	tick chan struct{}

	checkMu sync.Mutex // one check at a time
	last    time.Time  // when the last check ran (zero: none since start)
	since   time.Time  // when reminders were first checked ever

	runMu  sync.Mutex
	cron   *cron.Cron
	cancel context.CancelFunc
	done   chan struct{}
}

// New returns a stopped scheduler.
func New(cfg Config) *Scheduler {
	if cfg.Clock == nil {
		cfg.Clock = crm.SystemClock{}
	}
	return &Scheduler{cfg: cfg, kick: make(chan struct{}, 1), tick: make(chan struct{}, 1)}
}

// Start has cron check every Tick and catches up at once. Call Stop to end.
func (s *Scheduler) Start(ctx context.Context) {
	s.runMu.Lock()
	defer s.runMu.Unlock()
	if s.cancel != nil {
		return
	}
	ctx, s.cancel = context.WithCancel(ctx)
	s.done = make(chan struct{})
	s.cron = cron.New()
	s.cron.Schedule(cron.ConstantDelaySchedule{Delay: Tick}, cron.FuncJob(func() { signal(s.tick) }))
	s.cron.Start()
	go s.run(ctx, s.done)
	s.Kick()
}

// Stop ends the schedule and waits for a running check.
func (s *Scheduler) Stop() {
	s.runMu.Lock()
	defer s.runMu.Unlock()
	if s.cancel == nil {
		return
	}
	<-s.cron.Stop().Done()
	s.cancel()
	<-s.done
	s.cancel, s.cron, s.done = nil, nil, nil
}

// Kick asks for a catch-up check at once (a meeting or task changed);
// it does not wait for it. Without Start it does nothing.
func (s *Scheduler) Kick() { signal(s.kick) }

func signal(c chan struct{}) {
	select {
	case c <- struct{}{}:
	default: // one is already pending
	}
}

func (s *Scheduler) run(ctx context.Context, done chan struct{}) {
	defer close(done)
	for {
		select {
		case <-ctx.Done():
			return
		case <-s.kick:
			_, err := s.CatchUp(ctx)
			s.report(ctx, err)
		case <-s.tick:
			_, err := s.Check(ctx)
			s.report(ctx, err)
		}
	}
}

func (s *Scheduler) report(ctx context.Context, err error) {
	if err != nil && ctx.Err() == nil && s.cfg.OnError != nil {
		s.cfg.OnError(err)
	}
}

// Check fires the reminders that became due since the last check and the
// snoozes that ended. The first check after start, and one that finds the
// wall clock jumped by more than WakeGap (the machine slept) or went back,
// catches up instead. It returns what it fired.
func (s *Scheduler) Check(ctx context.Context) ([]Reminder, error) { return s.check(ctx, false) }

// CatchUp fires every reminder whose time passed in the last CatchUp (but
// not before reminders were first checked) and has not fired, unless its
// meeting is over: what came due while the machine slept or the app was
// closed, or what a change placed in the past. Each fires once.
func (s *Scheduler) CatchUp(ctx context.Context) ([]Reminder, error) { return s.check(ctx, true) }

func (s *Scheduler) check(ctx context.Context, catchUp bool) ([]Reminder, error) {
	s.checkMu.Lock()
	defer s.checkMu.Unlock()
	now := s.cfg.Clock.Now()
	since, err := s.firstCheck(ctx, now)
	if err != nil {
		return nil, err
	}
	from := s.last
	if catchUp || from.IsZero() || now.Before(from) || now.Sub(from) > WakeGap {
		catchUp = true
		from = now.Add(-CatchUp)
		if since.After(from) {
			from = since
		}
	}
	fired, err := s.fireDue(ctx, from, now)
	if err != nil {
		return fired, err
	}
	more, err := s.fireSnoozed(ctx, now)
	fired = append(fired, more...)
	if err != nil {
		return fired, err
	}
	s.last = now
	if catchUp {
		if _, err := s.cfg.State.PruneReminders(ctx, now.Add(-Keep)); err != nil {
			return fired, fmt.Errorf("reminders: prune: %w", err)
		}
	}
	return fired, nil
}

// firstCheck returns when reminders were first checked, recording now if never.
func (s *Scheduler) firstCheck(ctx context.Context, now time.Time) (time.Time, error) {
	if !s.since.IsZero() {
		return s.since, nil
	}
	t, ok, err := s.cfg.State.ReminderSince(ctx)
	if err != nil {
		return time.Time{}, fmt.Errorf("reminders: read first check: %w", err)
	}
	if !ok {
		t = now
		if err := s.cfg.State.SetReminderSince(ctx, t); err != nil {
			return time.Time{}, fmt.Errorf("reminders: record first check: %w", err)
		}
	}
	s.since = t
	return t, nil
}

// fireDue fires the reminders due in [from, now] that never fired and
// whose meeting is not over.
func (s *Scheduler) fireDue(ctx context.Context, from, now time.Time) ([]Reminder, error) {
	if from.After(now) {
		return nil, nil
	}
	found, err := s.cfg.Source.Reminders(ctx, from, now)
	if err != nil {
		return nil, fmt.Errorf("reminders: read due reminders: %w", err)
	}
	var due []Reminder
	var keys []Key
	seen := map[string]bool{}
	for _, r := range found {
		at, id := r.At(), r.Key().ID()
		if at.Before(from) || at.After(now) || r.Over(now) || seen[id] {
			continue
		}
		seen[id] = true
		due = append(due, r)
		keys = append(keys, r.Key())
	}
	if len(due) == 0 {
		return nil, nil
	}
	states, err := s.cfg.State.ReminderStates(ctx, keys)
	if err != nil {
		return nil, fmt.Errorf("reminders: read reminder state: %w", err)
	}
	sortReminders(due)
	var fired []Reminder
	var errs []error
	for _, r := range due {
		if _, handled := states[r.Key().ID()]; handled {
			continue // fired, snoozed or dismissed before
		}
		if err := s.fire(ctx, r, now); err != nil {
			errs = append(errs, err)
			continue
		}
		fired = append(fired, r)
	}
	return fired, errors.Join(errs...)
}

// fireSnoozed fires again the snoozed reminders whose snooze ended. One
// whose meeting is over, or that no longer exists (deleted, moved, its
// offset changed), ends instead.
func (s *Scheduler) fireSnoozed(ctx context.Context, now time.Time) ([]Reminder, error) {
	open, err := s.cfg.State.OpenReminders(ctx)
	if err != nil {
		return nil, fmt.Errorf("reminders: read open reminders: %w", err)
	}
	var ended []Entry
	for _, e := range open {
		if !e.SnoozedUntil.IsZero() && !e.SnoozedUntil.After(now) {
			ended = append(ended, e)
		}
	}
	if len(ended) == 0 {
		return nil, nil
	}
	current, err := s.current(ctx, ended)
	if err != nil {
		return nil, err
	}
	var fired []Reminder
	var errs []error
	for _, e := range ended {
		r, ok := current[e.Key.ID()]
		if !ok || r.Over(now) {
			if err := s.cfg.State.DismissReminder(ctx, e.Key, now); err != nil {
				errs = append(errs, fmt.Errorf("reminders: end snooze: %w", err))
			}
			continue
		}
		if err := s.fire(ctx, r, now); err != nil {
			errs = append(errs, err)
			continue
		}
		fired = append(fired, r)
	}
	return fired, errors.Join(errs...)
}

// fire records the reminder as fired, then announces it: a crash between
// the two loses one announcement rather than repeating it forever.
func (s *Scheduler) fire(ctx context.Context, r Reminder, now time.Time) error {
	if err := s.cfg.State.FireReminder(ctx, r.Key(), now); err != nil {
		return fmt.Errorf("reminders: record fired %s: %w", r.Key().ID(), err)
	}
	if s.cfg.Notifier == nil {
		return nil
	}
	if err := s.cfg.Notifier.Notify(ctx, r); err != nil {
		return fmt.Errorf("reminders: announce %q: %w", r.Title, err)
	}
	return nil
}

// current reads the reminders of entries as the Source has them now, by
// Key.ID; an entry missing from the result no longer exists.
func (s *Scheduler) current(ctx context.Context, entries []Entry) (map[string]Reminder, error) {
	out := map[string]Reminder{}
	if len(entries) == 0 {
		return out, nil
	}
	from, to := entries[0].Key.At(), entries[0].Key.At()
	for _, e := range entries[1:] {
		if at := e.Key.At(); at.Before(from) {
			from = at
		} else if at.After(to) {
			to = at
		}
	}
	found, err := s.cfg.Source.Reminders(ctx, from, to)
	if err != nil {
		return nil, fmt.Errorf("reminders: read reminders: %w", err)
	}
	for _, r := range found {
		out[r.Key().ID()] = r
	}
	return out, nil
}

// Active returns the reminders that fired and are neither dismissed nor
// snoozed, as their meetings and tasks are now (one deleted or moved since
// is left out), the earliest first.
func (s *Scheduler) Active(ctx context.Context) ([]Reminder, error) {
	open, err := s.cfg.State.OpenReminders(ctx)
	if err != nil {
		return nil, fmt.Errorf("reminders: read open reminders: %w", err)
	}
	now := s.cfg.Clock.Now()
	var shown []Entry
	for _, e := range open {
		if e.SnoozedUntil.IsZero() && !e.Key.At().Before(now.Add(-Keep)) {
			shown = append(shown, e)
		}
	}
	current, err := s.current(ctx, shown)
	if err != nil {
		return nil, err
	}
	out := []Reminder{}
	for _, e := range shown {
		if r, ok := current[e.Key.ID()]; ok {
			out = append(out, r)
		}
	}
	sortReminders(out)
	return out, nil
}

// Snooze hides a fired reminder for d (at most MaxSnooze); it fires again
// when the snooze ends.
func (s *Scheduler) Snooze(ctx context.Context, k Key, d time.Duration) error {
	if d < time.Minute || d > MaxSnooze {
		return crm.FieldError(crm.CodeInvalidInput, "minutes", fmt.Sprintf("a snooze lasts from a minute to %d days", int(MaxSnooze/(24*time.Hour))))
	}
	now := s.cfg.Clock.Now()
	if err := s.cfg.State.SnoozeReminder(ctx, k, now, now.Add(d)); err != nil {
		return fmt.Errorf("reminders: snooze %s: %w", k.ID(), err)
	}
	return nil
}

// Dismiss ends a reminder: it is no longer active and never fires again.
func (s *Scheduler) Dismiss(ctx context.Context, k Key) error {
	if err := s.cfg.State.DismissReminder(ctx, k, s.cfg.Clock.Now()); err != nil {
		return fmt.Errorf("reminders: dismiss %s: %w", k.ID(), err)
	}
	return nil
}

func sortReminders(rs []Reminder) {
	sort.SliceStable(rs, func(i, j int) bool {
		a, b := rs[i], rs[j]
		if !a.At().Equal(b.At()) {
			return a.At().Before(b.At())
		}
		if !a.Start.Equal(b.Start) {
			return a.Start.Before(b.Start)
		}
		return a.Key().ID() < b.Key().ID()
	})
}
