// Package schedule runs Fieldbook's periodic work with robfig/cron: the sync
// every few minutes (never two at once), retried with exponential backoff
// while the server cannot be reached.
package schedule

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/robfig/cron/v3"

	"fieldbook/backend/crm"
)

// Tick is how often the scheduler checks whether a sync is due; a sync is
// due every Interval, or sooner while backing off after being offline.
const Tick = 30 * time.Second

// DefaultInterval is the sync interval until the user picks another.
const DefaultInterval = 5 * time.Minute

// Backoff computes the wait before the next attempt after failures
// consecutive offline attempts: 30 s, 1 min, 2 min, … capped at interval.
func Backoff(failures int, interval time.Duration) time.Duration {
	if failures <= 0 {
		return interval
	}
	d := Tick
	for i := 1; i < failures && d < interval; i++ {
		d *= 2
	}
	return min(d, interval)
}

// ErrBusy is what a Job returns when it did not run because the same work
// was already running (a "Sync now"): the schedule is left as it was.
var ErrBusy = errors.New("schedule: already running")

// Job is the periodic work; offline reports that the server could not be
// reached (so the next try backs off).
type Job func(ctx context.Context) (offline bool, err error)

// Scheduler runs a Job on an interval with backoff.
type Scheduler struct {
	job   Job
	clock crm.Clock
	cron  *cron.Cron

	mu       sync.Mutex
	interval time.Duration
	failures int
	next     time.Time
	ctx      context.Context
	cancel   context.CancelFunc
}

// New returns a stopped scheduler for job.
func New(job Job, interval time.Duration, clock crm.Clock) *Scheduler {
	if interval <= 0 {
		interval = DefaultInterval
	}
	s := &Scheduler{job: job, clock: clock, interval: interval}
	s.cron = cron.New(cron.WithChain(cron.SkipIfStillRunning(cron.DiscardLogger)))
	return s
}

// Start begins checking every Tick; the first sync runs at once.
func (s *Scheduler) Start(ctx context.Context) {
	s.mu.Lock()
	s.ctx, s.cancel = context.WithCancel(ctx)
	s.next = s.clock.Now()
	s.mu.Unlock()
	s.cron.Schedule(cron.ConstantDelaySchedule{Delay: Tick}, cron.FuncJob(s.RunIfDue))
	s.cron.Start()
	go s.RunIfDue()
}

// Stop stops the schedule and cancels a running job, waiting for it.
func (s *Scheduler) Stop() {
	s.mu.Lock()
	if s.cancel != nil {
		s.cancel()
	}
	s.mu.Unlock()
	<-s.cron.Stop().Done()
}

// SetInterval changes the interval; the next sync is due at most one new
// interval from now.
func (s *Scheduler) SetInterval(d time.Duration) {
	if d <= 0 {
		d = DefaultInterval
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.interval = d
	if limit := s.clock.Now().Add(d); s.next.After(limit) {
		s.next = limit
	}
}

// Next is when the next sync is due.
func (s *Scheduler) Next() time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.next
}

// RunIfDue runs the job when it is due and plans the next run: an interval
// later after a success or a server error, a backoff step later while
// offline. Called by cron every Tick (SkipIfStillRunning drops overlapping
// calls); exported so tests drive it with an injected clock.
func (s *Scheduler) RunIfDue() {
	s.mu.Lock()
	ctx := s.ctx
	due := !s.clock.Now().Before(s.next)
	s.mu.Unlock()
	if !due || ctx == nil || ctx.Err() != nil {
		return
	}
	offline, err := s.job(ctx)
	if errors.Is(err, ErrBusy) {
		return // the running one plans the next run when it ends
	}
	s.Ran(offline)
}

// Ran records the outcome of a run made outside the schedule ("Sync now")
// so the next scheduled one is planned from it.
func (s *Scheduler) Ran(offline bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if offline {
		s.failures++
	} else {
		s.failures = 0
	}
	s.next = s.clock.Now().Add(Backoff(s.failures, s.interval))
}
