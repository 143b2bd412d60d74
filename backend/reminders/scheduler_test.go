package reminders_test

import (
	"context"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"fieldbook/backend/reminders"
	"fieldbook/backend/store"
)

type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) set(t time.Time) {
	c.mu.Lock()
	c.t = t
	c.mu.Unlock()
}

// source is a fake Source over a list of reminders, until the store's
// (which expands real events) is tested in backend/store.
type source struct {
	mu    sync.Mutex
	items []reminders.Reminder
	calls int
}

func (s *source) set(items ...reminders.Reminder) {
	s.mu.Lock()
	s.items = items
	s.mu.Unlock()
}

func (s *source) Reminders(_ context.Context, from, to time.Time) ([]reminders.Reminder, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls++
	var out []reminders.Reminder
	for _, r := range s.items {
		if at := r.At(); !at.Before(from) && !at.After(to) {
			out = append(out, r)
		}
	}
	return out, nil
}

type notes struct {
	mu  sync.Mutex
	got []string
	ch  chan string
}

func (n *notes) Notify(_ context.Context, r reminders.Reminder) error {
	n.mu.Lock()
	n.got = append(n.got, r.Title)
	n.mu.Unlock()
	if n.ch != nil {
		n.ch <- r.Title
	}
	return nil
}

func (n *notes) take() []string {
	n.mu.Lock()
	defer n.mu.Unlock()
	out := n.got
	n.got = nil
	return out
}

type rig struct {
	t     testing.TB
	path  string
	db    *store.DB
	clock *clock
	src   *source
	notes *notes
	s     *reminders.Scheduler
}

var t0 = time.Date(2026, 6, 1, 8, 0, 0, 0, time.UTC)

func newRig(t testing.TB) *rig {
	t.Helper()
	r := &rig{t: t, path: filepath.Join(t.TempDir(), "rem.db"), clock: &clock{t: t0}, src: &source{}, notes: &notes{}}
	r.open()
	return r
}

// open (re)opens the database and builds a new scheduler over it: an app start.
func (r *rig) open() {
	r.t.Helper()
	if r.db != nil {
		r.db.Close()
	}
	db, err := store.Open(context.Background(), r.path)
	if err != nil {
		r.t.Fatal(err)
	}
	r.t.Cleanup(func() { db.Close() })
	r.db = db
	r.s = reminders.New(reminders.Config{Source: r.src, State: db, Notifier: r.notes, Clock: r.clock})
}

// at sets the clock and runs a tick's check, returning what was announced.
func (r *rig) at(t time.Time) []string {
	r.t.Helper()
	r.clock.set(t)
	fired, err := r.s.Check(context.Background())
	if err != nil {
		r.t.Fatalf("check at %v: %v", t, err)
	}
	got := r.notes.take()
	if len(got) != len(fired) {
		r.t.Fatalf("check at %v returned %d but announced %v", t, len(fired), got)
	}
	return got
}

func (r *rig) expect(t time.Time, want ...string) {
	r.t.Helper()
	if got := r.at(t); !slices.Equal(got, want) {
		r.t.Fatalf("at %s announced %q; want %q", t.Format(time.TimeOnly), got, want)
	}
}

func (r *rig) active() []string {
	r.t.Helper()
	rs, err := r.s.Active(context.Background())
	if err != nil {
		r.t.Fatal(err)
	}
	var out []string
	for _, x := range rs {
		out = append(out, x.Title)
	}
	return out
}

func meeting(title string, start time.Time, length time.Duration, minutes int) reminders.Reminder {
	return reminders.Reminder{Kind: reminders.KindEvent, ItemID: "id-" + title, Title: title,
		Start: start, End: start.Add(length), MinutesBefore: minutes}
}

func tick(n int) time.Duration { return time.Duration(n) * reminders.Tick }

func TestFiresAtReminderTimeOnceAndNotBefore(t *testing.T) {
	r := newRig(t)
	r.expect(t0) // first check: records when reminders started
	r.src.set(meeting("standup", t0.Add(time.Hour), 30*time.Minute, 15))
	due := t0.Add(45 * time.Minute)
	for c := t0.Add(tick(1)); c.Before(due); c = c.Add(reminders.Tick) {
		r.expect(c)
	}
	r.expect(due, "standup")
	r.expect(due.Add(tick(1)))
	r.expect(due.Add(tick(2)))
	if got := r.active(); !slices.Equal(got, []string{"standup"}) {
		t.Fatalf("active = %q", got)
	}
}

func TestARestartDoesNotFireAgain(t *testing.T) {
	r := newRig(t)
	r.expect(t0)
	r.src.set(meeting("review", t0.Add(20*time.Minute), time.Hour, 10))
	for c := t0; !c.After(t0.Add(12 * time.Minute)); c = c.Add(reminders.Tick) {
		r.at(c)
	}
	r.open() // the app restarts while the meeting is still ahead
	r.expect(t0.Add(13 * time.Minute))
	if got := r.active(); !slices.Equal(got, []string{"review"}) {
		t.Fatalf("active after restart = %q", got)
	}
	r.expect(t0.Add(13*time.Minute + reminders.Tick))
}

func TestFirstStartEverAnnouncesNothingFromBefore(t *testing.T) {
	r := newRig(t)
	r.src.set(meeting("ongoing", t0.Add(-10*time.Minute), time.Hour, 15), meeting("later", t0.Add(time.Hour), time.Hour, 15))
	r.expect(t0)
	if _, err := r.s.CatchUp(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := r.notes.take(); len(got) != 0 {
		t.Fatalf("a catch-up right after installing announced %q", got)
	}
	r.expect(t0.Add(45*time.Minute), "later")
}

func TestSnoozeFiresAgainAfterTheSnoozeAndDismissEndsIt(t *testing.T) {
	r := newRig(t)
	ctx := context.Background()
	r.expect(t0)
	m := meeting("1:1", t0.Add(30*time.Minute), time.Hour, 15)
	r.src.set(m)
	due := t0.Add(15 * time.Minute)
	r.expect(due, "1:1")
	if err := r.s.Snooze(ctx, m.Key(), 5*time.Minute); err != nil {
		t.Fatal(err)
	}
	if got := r.active(); len(got) != 0 {
		t.Fatalf("a snoozed reminder is active: %q", got)
	}
	r.expect(due.Add(tick(1)))
	r.expect(due.Add(4 * time.Minute))
	r.expect(due.Add(5*time.Minute), "1:1")
	r.expect(due.Add(5*time.Minute + reminders.Tick))
	if got := r.active(); !slices.Equal(got, []string{"1:1"}) {
		t.Fatalf("active after the snooze fired = %q", got)
	}
	if err := r.s.Snooze(ctx, m.Key(), 5*time.Minute); err != nil {
		t.Fatal(err)
	}
	if err := r.s.Dismiss(ctx, m.Key()); err != nil {
		t.Fatal(err)
	}
	r.expect(due.Add(11 * time.Minute)) // the dismissed snooze does not fire
	r.open()
	if _, err := r.s.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	if got := r.notes.take(); len(got) != 0 {
		t.Fatalf("a dismissed reminder fired after a restart: %q", got)
	}
	if got := r.active(); len(got) != 0 {
		t.Fatalf("a dismissed reminder is active: %q", got)
	}
	for _, d := range []time.Duration{0, 30 * time.Second, 8 * 24 * time.Hour} {
		if err := r.s.Snooze(ctx, m.Key(), d); err == nil {
			t.Errorf("a snooze of %v was accepted", d)
		}
	}
}

func TestASnoozeEndsWithItsMeeting(t *testing.T) {
	r := newRig(t)
	r.expect(t0)
	m := meeting("short", t0.Add(10*time.Minute), 10*time.Minute, 10)
	r.src.set(m)
	r.expect(t0, "short")
	if err := r.s.Snooze(context.Background(), m.Key(), time.Hour); err != nil {
		t.Fatal(err)
	}
	r.expect(t0.Add(time.Hour)) // the meeting ended 40 minutes ago
	if got := r.active(); len(got) != 0 {
		t.Fatalf("active = %q", got)
	}
}

func TestWakeAfterSleepFiresMissedRemindersOnceAndSkipsMeetingsAlreadyOver(t *testing.T) {
	r := newRig(t)
	r.src.set(
		meeting("before sleep", t0.Add(10*time.Minute), 30*time.Minute, 5),
		meeting("over while asleep", t0.Add(time.Hour), 30*time.Minute, 15),
		meeting("running at wake", t0.Add(2*time.Hour), 2*time.Hour, 15),
		meeting("ahead at wake", t0.Add(3*time.Hour+30*time.Minute), time.Hour, 60),
		meeting("after wake", t0.Add(5*time.Hour), time.Hour, 15),
	)
	r.expect(t0)
	r.expect(t0.Add(5*time.Minute), "before sleep")
	r.expect(t0.Add(5*time.Minute + reminders.Tick)) // then the lid closes
	wake := t0.Add(3 * time.Hour)
	r.expect(wake, "running at wake", "ahead at wake")
	r.expect(wake.Add(tick(1)))
	r.expect(wake.Add(tick(2)))
	r.expect(t0.Add(4*time.Hour+45*time.Minute), "after wake")
	if got := r.active(); !slices.Equal(got, []string{"before sleep", "running at wake", "ahead at wake", "after wake"}) {
		t.Fatalf("active = %q", got)
	}
}

func TestAMeetingAlreadyOverIsNotAnnouncedButOneWithoutDurationIs(t *testing.T) {
	r := newRig(t)
	r.expect(t0)
	r.src.set(
		meeting("ended", t0.Add(-time.Hour), 50*time.Minute, 10),
		meeting("instant", t0.Add(time.Minute), 0, 0),
	)
	r.expect(t0.Add(time.Minute+20*time.Second), "instant") // a check 20 s after the start still announces it
	if _, err := r.s.CatchUp(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := r.notes.take(); len(got) != 0 {
		t.Fatalf("catch-up announced %q", got)
	}
}

func TestEveryOccurrenceAndEveryOffsetIsItsOwnReminder(t *testing.T) {
	r := newRig(t)
	r.expect(t0)
	first, second := t0.Add(time.Hour), t0.Add(25*time.Hour)
	occ := func(start time.Time, minutes int, rid string) reminders.Reminder {
		m := meeting("weekly", start, time.Hour, minutes)
		m.ItemID, m.RecurrenceID = "series", rid
		return m
	}
	r.src.set(occ(first, 15, "a"), occ(first, 60*24, "a"), occ(second, 15, "b"), occ(second, 60*24, "b"))
	// The day-before reminder of the first occurrence lies before the first
	// check ever, so it is not announced; the rest are, each once.
	r.expect(first.Add(-15*time.Minute), "weekly")
	r.expect(second.Add(-24*time.Hour), "weekly")
	r.expect(second.Add(-24*time.Hour + reminders.Tick))
	r.expect(second.Add(-15*time.Minute), "weekly")
	rs, err := r.s.Active(context.Background())
	if err != nil || len(rs) != 3 {
		t.Fatalf("active = %+v %v", rs, err)
	}
	if rs[0].RecurrenceID != "a" || rs[1].RecurrenceID != "b" || rs[1].MinutesBefore != 60*24 || rs[2].MinutesBefore != 15 {
		t.Fatalf("active in order = %+v", rs)
	}
}

func TestTaskRemindersFireAndStayWhileTheTaskIsOpen(t *testing.T) {
	r := newRig(t)
	r.expect(t0)
	task := reminders.Reminder{Kind: reminders.KindTask, ItemID: "t1", Title: "send offer", Start: t0.Add(2 * time.Hour), MinutesBefore: 30}
	r.src.set(task)
	r.expect(t0.Add(time.Hour))
	// Asleep across the reminder and the due time: the open task is still announced, once.
	r.expect(t0.Add(5*time.Hour), "send offer")
	r.expect(t0.Add(5*time.Hour + reminders.Tick))
	if got := r.active(); !slices.Equal(got, []string{"send offer"}) {
		t.Fatalf("active = %q", got)
	}
	r.src.set() // done: the source leaves it out
	if got := r.active(); len(got) != 0 {
		t.Fatalf("a done task's reminder is active: %q", got)
	}
}

func TestAMeetingMovedAfterItsReminderIsAnnouncedAgainAndTheOldOneLeaves(t *testing.T) {
	r := newRig(t)
	r.expect(t0)
	m := meeting("planning", t0.Add(time.Hour), time.Hour, 15)
	r.src.set(m)
	r.expect(t0.Add(45*time.Minute), "planning")
	moved := m
	moved.Start, moved.End = t0.Add(50*time.Minute), t0.Add(110*time.Minute)
	r.src.set(moved) // pulled forward: its new reminder time is already past
	r.clock.set(t0.Add(46 * time.Minute))
	if _, err := r.s.CatchUp(context.Background()); err != nil { // what a Kick runs
		t.Fatal(err)
	}
	if got := r.notes.take(); !slices.Equal(got, []string{"planning"}) {
		t.Fatalf("after the move announced %q", got)
	}
	rs, err := r.s.Active(context.Background())
	if err != nil || len(rs) != 1 || !rs[0].Start.Equal(moved.Start) {
		t.Fatalf("active = %+v %v; want only the moved one", rs, err)
	}
}

func TestTimesAreInstantsWhateverTheZone(t *testing.T) {
	r := newRig(t)
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	r.expect(t0)
	// 09:00 in Berlin in summer is 07:00Z; its 15-minute reminder is 06:45Z.
	start := time.Date(2026, 6, 2, 9, 0, 0, 0, berlin)
	r.src.set(meeting("berlin", start, time.Hour, 15))
	r.expect(time.Date(2026, 6, 2, 6, 44, 59, 0, time.UTC))
	r.expect(time.Date(2026, 6, 2, 6, 45, 0, 0, time.UTC), "berlin")
}

func TestStartCatchesUpAndKickChecksAtOnce(t *testing.T) {
	r := newRig(t)
	r.notes.ch = make(chan string, 4)
	r.expect(t0) // installed at t0
	r.src.set(meeting("missed while closed", t0.Add(3*time.Hour), time.Hour, 30))
	r.open()
	r.clock.set(t0.Add(3 * time.Hour)) // started again three hours later
	r.s.Start(context.Background())
	defer r.s.Stop()
	if got := waitNote(t, r.notes.ch); got != "missed while closed" {
		t.Fatalf("start announced %q", got)
	}
	r.src.set(meeting("missed while closed", t0.Add(3*time.Hour), time.Hour, 30), meeting("added", t0.Add(3*time.Hour+5*time.Minute), time.Hour, 10))
	r.s.Kick()
	if got := waitNote(t, r.notes.ch); got != "added" {
		t.Fatalf("kick announced %q", got)
	}
	r.s.Stop()
	r.s.Stop() // twice is harmless
}

// waitNote waits for an announcement; the timeout only stops a broken test.
func waitNote(t *testing.T, ch chan string) string {
	t.Helper()
	select {
	case s := <-ch:
		return s
	case <-time.After(10 * time.Second):
		t.Fatal("no announcement")
		return ""
	}
}

func TestIDsRoundTrip(t *testing.T) {
	k := reminders.Key{Kind: reminders.KindTask, ItemID: "odd/id", Start: time.Date(2026, 6, 1, 7, 0, 0, 0, time.UTC), MinutesBefore: -5}
	got, err := reminders.ParseID(k.ID())
	if err != nil || got != k {
		t.Fatalf("ParseID(%q) = %+v %v", k.ID(), got, err)
	}
	for _, bad := range []string{"", "event", "event/x", "event//20260601T070000Z/5", "meeting/x/20260601T070000Z/5", "event/x/2026-06-01/5", "event/x/20260601T070000Z/five"} {
		if _, err := reminders.ParseID(bad); err == nil {
			t.Errorf("ParseID(%q) accepted", bad)
		}
	}
}

func TestAWakeAlsoCatchesUpOnChangesTheAppWasNotToldAbout(t *testing.T) {
	r := newRig(t)
	r.expect(t0)
	r.expect(t0.Add(tick(1)))
	// Another process (the command-line import) stores a meeting whose
	// reminder time is already past; no Kick reaches the scheduler.
	r.src.set(meeting("imported", t0.Add(40*time.Minute), time.Hour, 40))
	r.expect(t0.Add(tick(2))) // a regular tick looks only at the last 30 s
	r.expect(t0.Add(10*time.Minute), "imported")
	r.expect(t0.Add(10*time.Minute + reminders.Tick))
}

func TestAClockSetBackCatchesUpWithoutRepeating(t *testing.T) {
	r := newRig(t)
	r.expect(t0)
	r.src.set(meeting("a", t0.Add(20*time.Minute), time.Hour, 10), meeting("b", t0.Add(40*time.Minute), time.Hour, 10))
	r.expect(t0.Add(10*time.Minute), "a")
	r.expect(t0.Add(35*time.Minute), "b")
	r.expect(t0.Add(5 * time.Minute)) // the clock went back: nothing rings twice
	r.expect(t0.Add(5*time.Minute + reminders.Tick))
}
