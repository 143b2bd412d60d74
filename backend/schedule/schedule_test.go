package schedule

import (
	"context"
	"sync"
	"testing"
	"time"
)

type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *fakeClock) advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

func TestBackoffDoublesUpToTheInterval(t *testing.T) {
	want := []time.Duration{5 * time.Minute, 30 * time.Second, time.Minute, 2 * time.Minute, 4 * time.Minute, 5 * time.Minute, 5 * time.Minute}
	for failures, w := range want {
		if got := Backoff(failures, 5*time.Minute); got != w {
			t.Errorf("Backoff(%d) = %v; want %v", failures, got, w)
		}
	}
}

func TestRunsWhenDueAndBacksOffWhileOffline(t *testing.T) {
	clock := &fakeClock{t: time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)}
	runs := 0
	offline := true
	s := New(func(context.Context) (bool, error) { runs++; return offline, nil }, 5*time.Minute, clock)
	s.ctx = context.Background()
	s.next = clock.Now()

	s.RunIfDue() // due now: runs, offline → next in 30 s
	if runs != 1 || !s.Next().Equal(clock.Now().Add(30*time.Second)) {
		t.Fatalf("runs %d next %v", runs, s.Next())
	}
	clock.advance(20 * time.Second)
	s.RunIfDue() // not due yet
	if runs != 1 {
		t.Fatalf("ran before it was due")
	}
	clock.advance(10 * time.Second)
	s.RunIfDue() // second failure → 1 min
	if runs != 2 || s.Next().Sub(clock.Now()) != time.Minute {
		t.Fatalf("runs %d, next in %v; want 2 runs, 1m", runs, s.Next().Sub(clock.Now()))
	}
	offline = false
	clock.advance(time.Minute)
	s.RunIfDue() // back online → the interval again
	if runs != 3 || s.Next().Sub(clock.Now()) != 5*time.Minute {
		t.Fatalf("runs %d, next in %v; want 3 runs, 5m", runs, s.Next().Sub(clock.Now()))
	}
	s.SetInterval(time.Minute)
	if s.Next().Sub(clock.Now()) != time.Minute {
		t.Fatalf("a shorter interval did not bring the next sync closer: %v", s.Next().Sub(clock.Now()))
	}
}

func TestABusyJobLeavesTheScheduleAlone(t *testing.T) {
	clock := &fakeClock{t: time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)}
	busy := false
	s := New(func(context.Context) (bool, error) {
		if busy {
			return false, ErrBusy
		}
		return true, nil
	}, 5*time.Minute, clock)
	s.ctx = context.Background()
	s.next = clock.Now()
	s.RunIfDue() // offline: retry in 30 s
	clock.advance(30 * time.Second)
	busy = true
	s.RunIfDue() // a "Sync now" is running: no new plan
	if got := s.Next(); !got.Equal(clock.Now()) {
		t.Fatalf("a busy run moved the next sync to %v; want it left at %v", got, clock.Now())
	}
}

func TestStartRunsAtOnceAndStopCancels(t *testing.T) {
	started := make(chan struct{})
	stopped := make(chan struct{})
	s := New(func(ctx context.Context) (bool, error) {
		close(started)
		<-ctx.Done()
		close(stopped)
		return false, ctx.Err()
	}, time.Hour, &fakeClock{t: time.Now()})
	s.Start(context.Background())
	<-started
	s.Stop()
	select {
	case <-stopped:
	case <-time.After(5 * time.Second):
		t.Fatal("Stop did not cancel the running job")
	}
}
