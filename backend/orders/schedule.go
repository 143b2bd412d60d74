package orders

import (
	"context"
	"sync"
	"time"

	"github.com/robfig/cron/v3"
)

// CheckEvery is how often cron asks whether the user's day changed; the
// re-order check itself runs once per day (and at start, and after an
// order changes). An hourly entry rather than a midnight one, so a laptop
// asleep at midnight checks when it wakes.
const CheckEvery = time.Hour

// Scheduler runs the re-order check at start and once per user day.
type Scheduler struct {
	svc     *Service
	onMade  func(Check)
	onError func(error)

	mu      sync.Mutex
	lastDay string
	cron    *cron.Cron
	cancel  context.CancelFunc
	running sync.WaitGroup
}

// NewScheduler returns a stopped scheduler for svc; onMade hears of a
// check that made or completed tasks, onError of a check that failed.
// Either may be nil.
func NewScheduler(svc *Service, onMade func(Check), onError func(error)) *Scheduler {
	return &Scheduler{svc: svc, onMade: onMade, onError: onError}
}

// Start checks at once (in the background) and then every CheckEvery
// whether the user's day changed. Call Stop to end.
func (s *Scheduler) Start(ctx context.Context) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cron != nil {
		return
	}
	ctx, s.cancel = context.WithCancel(ctx)
	run := func() {
		s.running.Add(1)
		defer s.running.Done()
		s.RunIfNewDay(ctx)
	}
	s.cron = cron.New(cron.WithChain(cron.SkipIfStillRunning(cron.DiscardLogger)))
	s.cron.Schedule(cron.ConstantDelaySchedule{Delay: CheckEvery}, cron.FuncJob(run))
	s.cron.Start()
	s.running.Add(1)
	go func() {
		defer s.running.Done()
		s.RunIfNewDay(ctx)
	}()
}

// Stop ends the schedule and waits for a running check.
func (s *Scheduler) Stop() {
	s.mu.Lock()
	c, cancel := s.cron, s.cancel
	s.cron, s.cancel = nil, nil
	s.mu.Unlock()
	if c == nil {
		return
	}
	cancel()
	<-c.Stop().Done()
	s.running.Wait()
}

// RunIfNewDay runs the re-order check unless it already ran on the user's
// today; it reports whether it ran.
func (s *Scheduler) RunIfNewDay(ctx context.Context) bool {
	today, err := s.svc.Today(ctx)
	if err != nil {
		s.report(err)
		return false
	}
	s.mu.Lock()
	if s.lastDay == today {
		s.mu.Unlock()
		return false
	}
	s.mu.Unlock()
	done, err := s.svc.CheckReorders(ctx)
	if done.Changed() && s.onMade != nil {
		s.onMade(done)
	}
	if err != nil {
		s.report(err)
		return true
	}
	s.mu.Lock()
	s.lastDay = today
	s.mu.Unlock()
	return true
}

func (s *Scheduler) report(err error) {
	if s.onError != nil && err != nil {
		s.onError(err)
	}
}
