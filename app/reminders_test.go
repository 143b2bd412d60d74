package app

import (
	"context"
	"errors"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"fieldbook/backend/calendar"
	"fieldbook/backend/crm"
	"fieldbook/backend/reminders"
	"fieldbook/backend/store"
)

type setClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *setClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *setClock) set(t time.Time) {
	c.mu.Lock()
	c.t = t
	c.mu.Unlock()
}

// dueRecorder keeps the reminder:due payloads.
type dueRecorder struct {
	mu  sync.Mutex
	due []ActiveReminderDTO
	ch  chan ActiveReminderDTO
}

func (r *dueRecorder) Emit(event string, data ...any) {
	if event != EventReminderDue {
		return
	}
	dto := data[0].(ActiveReminderDTO)
	r.mu.Lock()
	r.due = append(r.due, dto)
	r.mu.Unlock()
	if r.ch != nil {
		r.ch <- dto
	}
}

func (r *dueRecorder) take() []ActiveReminderDTO {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := r.due
	r.due = nil
	return out
}

type fakeDesktop struct {
	initErr, sendErr error
	inits            int
	sent             []string
}

func (d *fakeDesktop) Init() error { d.inits++; return d.initErr }
func (d *fakeDesktop) Send(id, title, body string) error {
	if d.sendErr != nil {
		return d.sendErr
	}
	d.sent = append(d.sent, title+" | "+body)
	return nil
}

func remindersRig(t *testing.T) (*Services, *store.DB, *setClock, *dueRecorder) {
	t.Helper()
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "r.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if err := db.SetSetting(context.Background(), calendar.SettingUserZone, "Europe/Berlin"); err != nil {
		t.Fatal(err)
	}
	clock := &setClock{t: time.Date(2026, 6, 2, 6, 0, 0, 0, time.UTC)}
	rec := &dueRecorder{}
	s := NewServices(context.Background(), db, Config{Version: "test", DefaultLanguage: "en", Clock: clock, Events: rec})
	return s, db, clock, rec
}

// berlinMeeting stores a meeting from 09:00 to 10:00 Berlin time on 2 June 2026 with a 15-minute reminder.
func berlinMeeting(t *testing.T, db *store.DB, clock crm.Clock) crm.Event {
	t.Helper()
	cal, err := db.EnsureDefaultCalendar(context.Background(), "Calendar", "#3B82F6")
	if err != nil {
		t.Fatal(err)
	}
	now := clock.Now()
	start, end := time.Date(2026, 6, 2, 7, 0, 0, 0, time.UTC), time.Date(2026, 6, 2, 8, 0, 0, 0, time.UTC)
	e := crm.Event{ID: crm.NewID(now), CalendarID: cal.ID, UID: "m1@test",
		EventFields: crm.EventFields{Title: "Quarterly review", Location: "Room 4", Start: "2026-06-02T09:00:00",
			End: "2026-06-02T10:00:00", TimeZone: "Europe/Berlin", Reminders: []crm.Reminder{{MinutesBefore: 15}},
			Busy: crm.BusyBusy, Status: "confirmed"},
		StartUTC: start, EndUTC: end, SeriesEndUTC: &end, Version: 1, CreatedAt: now, UpdatedAt: now}
	if err := db.CreateEvent(context.Background(), e); err != nil {
		t.Fatal(err)
	}
	return e
}

func TestRemindersServiceAnnouncesListsSnoozesAndDismisses(t *testing.T) {
	s, db, clock, rec := remindersRig(t)
	ctx := context.Background()
	if _, err := s.Reminders.sched.Check(ctx); err != nil { // the first check ever
		t.Fatal(err)
	}
	e := berlinMeeting(t, db, clock)
	desk := &fakeDesktop{}
	s.Reminders.desktop.Store(ptr[reminders.Notifier](&desktopNotifier{desktop: desk, clock: clock, zone: utcZone}))

	clock.set(time.Date(2026, 6, 2, 6, 44, 30, 0, time.UTC))
	if _, err := s.Reminders.sched.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	if got := rec.take(); len(got) != 0 {
		t.Fatalf("announced before its time: %+v", got)
	}
	clock.set(time.Date(2026, 6, 2, 6, 45, 0, 0, time.UTC))
	if _, err := s.Reminders.sched.Check(ctx); err != nil {
		t.Fatal(err)
	}
	due := rec.take()
	want := ActiveReminderDTO{Kind: "event", ItemID: e.ID, Title: "Quarterly review", Location: "Room 4",
		Start: "2026-06-02T07:00:00Z", At: "2026-06-02T06:45:00Z"}
	if len(due) != 1 || due[0].ID == "" {
		t.Fatalf("reminder:due = %+v", due)
	}
	want.ID = due[0].ID
	if due[0] != want {
		t.Fatalf("reminder:due = %+v; want %+v", due[0], want)
	}
	if len(desk.sent) != 1 || desk.sent[0] != "Quarterly review | 07:00–08:00 · Room 4" {
		t.Fatalf("desktop notifications = %q", desk.sent)
	}
	active, err := s.Reminders.Active()
	if err != nil || len(active) != 1 || active[0] != want {
		t.Fatalf("Active = %+v %v", active, err)
	}
	if err := s.Reminders.Snooze(want.ID, 10); err != nil {
		t.Fatal(err)
	}
	if active, _ := s.Reminders.Active(); len(active) != 0 {
		t.Fatalf("Active while snoozed = %+v", active)
	}
	clock.set(time.Date(2026, 6, 2, 6, 55, 0, 0, time.UTC))
	if _, err := s.Reminders.sched.Check(ctx); err != nil {
		t.Fatal(err)
	}
	if got := rec.take(); len(got) != 1 || got[0] != want {
		t.Fatalf("after the snooze reminder:due = %+v", got)
	}
	if err := s.Reminders.Dismiss(want.ID); err != nil {
		t.Fatal(err)
	}
	if active, _ := s.Reminders.Active(); len(active) != 0 {
		t.Fatalf("Active after dismiss = %+v", active)
	}
	for _, bad := range []error{s.Reminders.Dismiss("nonsense"), s.Reminders.Snooze("nonsense", 5), s.Reminders.Snooze(want.ID, 0),
		s.Reminders.Snooze(want.ID, 7*24*60+1)} {
		if crm.ErrorCode(bad) != crm.CodeInvalidInput {
			t.Errorf("error = %v; want invalid_input", bad)
		}
	}
}

func ptr[T any](v T) *T { return &v }

func TestMeetingsAndTasksMadeInTheAppHaveTheRemindersCheckAtOnce(t *testing.T) {
	s, _, clock, rec := remindersRig(t)
	rec.ch = make(chan ActiveReminderDTO, 4)
	ctx := context.Background()
	if _, err := s.Reminders.sched.Check(ctx); err != nil { // installed at 06:00Z
		t.Fatal(err)
	}
	s.StartReminders(ctx, nil)
	defer s.StopReminders()
	wait := func(what string) ActiveReminderDTO {
		t.Helper()
		select {
		case got := <-rec.ch:
			return got
		case <-time.After(10 * time.Second): // only stops a broken test
			t.Fatalf("%s did not have the reminders check", what)
			return ActiveReminderDTO{}
		}
	}
	// Ten minutes before a meeting, with a 15-minute reminder already past.
	clock.set(time.Date(2026, 6, 2, 6, 50, 0, 0, time.UTC))
	e, err := s.Calendar.CreateEvent(EventInput{Title: "Call with Ana", Start: "2026-06-02T09:00:00", End: "2026-06-02T09:30:00",
		TimeZone: "Europe/Berlin", Reminders: []ReminderDTO{{MinutesBefore: 15}}})
	if err != nil {
		t.Fatal(err)
	}
	if got := wait("a new meeting"); got.ItemID != e.ID || got.Start != "2026-06-02T07:00:00Z" || got.At != "2026-06-02T06:45:00Z" {
		t.Fatalf("announced %+v", got)
	}
	task, err := s.Tasks.CreateTask(TaskInput{Title: "Send the offer", Due: "2026-06-02T09:00:00", TimeZone: "Europe/Berlin",
		Reminders: []ReminderDTO{{MinutesBefore: 30}}})
	if err != nil {
		t.Fatal(err)
	}
	if got := wait("a new task"); got.Kind != "task" || got.ItemID != task.ID || got.At != "2026-06-02T06:30:00Z" {
		t.Fatalf("announced %+v", got)
	}
	active, err := s.Reminders.Active()
	if err != nil || len(active) != 2 || active[0].ItemID != task.ID || active[1].ItemID != e.ID {
		t.Fatalf("Active = %+v %v", active, err)
	}
	if _, err := s.Tasks.CompleteTask(task.ID, task.Version, true); err != nil {
		t.Fatal(err)
	}
	if active, _ := s.Reminders.Active(); len(active) != 1 || active[0].ItemID != e.ID {
		t.Fatalf("Active after completing the task = %+v", active)
	}
}

func TestDesktopNotificationsFallBackToInAppOnly(t *testing.T) {
	r := reminders.Reminder{Kind: "task", ItemID: "t", Title: "Send offer", Start: time.Date(2026, 6, 3, 15, 0, 0, 0, time.UTC)}
	clock := &setClock{t: time.Date(2026, 6, 2, 12, 0, 0, 0, time.UTC)}
	noBus := &fakeDesktop{initErr: errors.New("no session bus")}
	d := &desktopNotifier{desktop: noBus, clock: clock, zone: utcZone}
	if err := d.Notify(context.Background(), r); err == nil {
		t.Fatal("the first failure was not reported")
	}
	if err := d.Notify(context.Background(), r); err != nil || noBus.inits != 1 {
		t.Fatalf("after a failed init: err %v, inits %d; want silence and one try", err, noBus.inits)
	}
	ok := &fakeDesktop{}
	d = &desktopNotifier{desktop: ok, clock: clock, zone: utcZone}
	if err := d.Notify(context.Background(), r); err != nil || len(ok.sent) != 1 || ok.sent[0] != "Send offer | 2026-06-03 15:00" {
		t.Fatalf("sent %q %v", ok.sent, err)
	}
	ok.sendErr = errors.New("no notification daemon")
	if err := d.Notify(context.Background(), r); err == nil {
		t.Fatal("a failed send was not reported")
	}
	ok.sendErr = nil
	if err := d.Notify(context.Background(), r); err != nil || len(ok.sent) != 1 {
		t.Fatalf("sent again after a failure: %q %v", ok.sent, err)
	}
}

func TestReminderText(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 6, 2, 6, 45, 0, 0, time.UTC)
	at := func(h, m int) time.Time { return time.Date(2026, 6, 2, h, m, 0, 0, time.UTC) }
	for _, c := range []struct {
		r           reminders.Reminder
		title, body string
	}{
		{reminders.Reminder{Title: " Review ", Location: "Room 4", Start: at(7, 0), End: at(8, 0)}, "Review", "09:00–10:00 · Room 4"},
		{reminders.Reminder{Title: "", Start: at(7, 0), End: at(7, 0)}, "…", "09:00"},
		{reminders.Reminder{Title: "Offsite", Start: at(7, 0), End: at(7, 0).Add(48 * time.Hour)}, "Offsite", "09:00 – 2026-06-04 09:00"},
		{reminders.Reminder{Title: "Tomorrow", Start: at(7, 0).Add(24 * time.Hour)}, "Tomorrow", "2026-06-03 09:00"},
	} {
		title, body := ReminderText(c.r, now, berlin)
		if title != c.title || body != c.body {
			t.Errorf("ReminderText(%+v) = %q, %q; want %q, %q", c.r, title, body, c.title, c.body)
		}
	}
}

func utcZone() *time.Location { return time.UTC }

type stuckDesktop struct{ release chan struct{} }

func (d stuckDesktop) Init() error { return nil }
func (d stuckDesktop) Send(string, string, string) error {
	<-d.release
	return nil
}

func TestAStuckDesktopNotificationDoesNotHoldUpShutdown(t *testing.T) {
	stuck := stuckDesktop{release: make(chan struct{})}
	defer close(stuck.release)
	d := &desktopNotifier{desktop: stuck, clock: crm.SystemClock{}, zone: utcZone, tried: true} // initialised
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := d.Notify(ctx, reminders.Reminder{Title: "x", Start: time.Now()}); !errors.Is(err, context.Canceled) {
		t.Fatalf("Notify = %v; want it to give up when the context ends", err)
	}
}
