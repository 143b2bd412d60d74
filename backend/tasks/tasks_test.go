package tasks

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"fieldbook/backend/calendar"
	"fieldbook/backend/crm"
	"fieldbook/backend/recurrence"
	"fieldbook/backend/store"
)

type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(time.Millisecond)
	return c.t
}

func (c *testClock) set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = t
}

type fixture struct {
	svc   *Service
	cal   *calendar.Service
	db    *store.DB
	clock *testClock
	ctx   context.Context
}

// newFixture: a temp-file database, the user in Asia/Tokyo (UTC+9, no DST),
// the clock at 2026-11-24 10:00 Tokyo (01:00Z).
func newFixture(t testing.TB) fixture {
	t.Helper()
	clock := &testClock{t: time.Date(2026, 11, 24, 1, 0, 0, 0, time.UTC)}
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "tasks.db"), store.WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	sys := calendar.System{
		Getenv:   func(string) string { return "Asia/Tokyo" },
		Readlink: func(string) (string, error) { return "", errors.New("none") },
		ReadFile: func(string) ([]byte, error) { return nil, errors.New("none") },
	}
	cal := calendar.New(db, clock, sys)
	return fixture{svc: New(db, clock, cal, recurrence.Validate), cal: cal, db: db, clock: clock, ctx: context.Background()}
}

func (fx fixture) create(t testing.TB, f crm.TaskFields) Item {
	t.Helper()
	it, err := fx.svc.Create(fx.ctx, "", f)
	if err != nil {
		t.Fatalf("create %q: %v", f.Title, err)
	}
	return it
}

func titles(items []Item) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.Title)
	}
	return out
}

func TestCreateValidatesAndNormalises(t *testing.T) {
	fx := newFixture(t)
	for name, c := range map[string]struct {
		f    crm.TaskFields
		code string
	}{
		"no title":       {crm.TaskFields{Title: "  "}, crm.CodeTaskInvalid},
		"bad due":        {crm.TaskFields{Title: "x", Due: "soon"}, crm.CodeTaskInvalid},
		"due < start":    {crm.TaskFields{Title: "x", Start: "2026-12-02", Due: "2026-12-01"}, crm.CodeTaskInvalid},
		"priority 10":    {crm.TaskFields{Title: "x", Priority: 10}, crm.CodeTaskInvalid},
		"bad status":     {crm.TaskFields{Title: "x", Status: "someday"}, crm.CodeTaskInvalid},
		"percent 101":    {crm.TaskFields{Title: "x", PercentComplete: 101}, crm.CodeTaskInvalid},
		"unknown zone":   {crm.TaskFields{Title: "x", Due: "2026-12-01T10:00", TimeZone: "Moon/Base"}, crm.CodeZoneUnknown},
		"bad rule":       {crm.TaskFields{Title: "x", Due: "2026-12-01", RRule: "FREQ=NEVER"}, crm.CodeRRuleInvalid},
		"missing link":   {crm.TaskFields{Title: "x", ContactID: "nobody"}, crm.CodeNotFound},
		"reminder -5min": {crm.TaskFields{Title: "x", Reminders: []crm.Reminder{{MinutesBefore: -5}}}, crm.CodeInvalidInput},
	} {
		if _, err := fx.svc.Create(fx.ctx, "", c.f); crm.ErrorCode(err) != c.code {
			t.Errorf("%s: %v; want %s", name, err, c.code)
		}
	}
	it := fx.create(t, crm.TaskFields{Title: " Call Ana ", Due: "2026-11-25 09:30", TimeZone: "Europe/Berlin",
		Reminders: []crm.Reminder{{MinutesBefore: 30}, {MinutesBefore: 5}, {MinutesBefore: 30}}})
	if it.Title != "Call Ana" || it.Due != "2026-11-25T09:30:00" || it.Status != crm.TaskNeedsAction ||
		!slices.Equal(it.Reminders, []crm.Reminder{{MinutesBefore: 5}, {MinutesBefore: 30}}) {
		t.Fatalf("normalised = %+v", it.TaskFields)
	}
	if it.DueAt == nil || !it.DueAt.Equal(time.Date(2026, 11, 25, 8, 30, 0, 0, time.UTC)) || it.AllDay {
		t.Fatalf("due instant = %v; want 08:30Z (09:30 Berlin)", it.DueAt)
	}
	day := fx.create(t, crm.TaskFields{Title: "Send offer", Due: "2026-11-26", TimeZone: "Europe/Berlin"})
	if !day.AllDay || day.TimeZone != "" || day.DueAt != nil {
		t.Fatalf("date task = %+v", day)
	}
}

func TestListsUseTheUsersDay(t *testing.T) {
	fx := newFixture(t)
	// Now: 24 Nov 10:00 in Tokyo = 01:00Z.
	fx.create(t, crm.TaskFields{Title: "date yesterday", Due: "2026-11-23"})
	fx.create(t, crm.TaskFields{Title: "date today", Due: "2026-11-24"})
	fx.create(t, crm.TaskFields{Title: "09:00 Tokyo", Due: "2026-11-24T09:00"})                       // an hour ago
	fx.create(t, crm.TaskFields{Title: "23:30 Tokyo", Due: "2026-11-24T23:30"})                       // tonight
	fx.create(t, crm.TaskFields{Title: "16:00Z yesterday", Due: "2026-11-23T16:00", TimeZone: "UTC"}) // 01:00 today in Tokyo, past
	fx.create(t, crm.TaskFields{Title: "15:30Z", Due: "2026-11-24T15:30", TimeZone: "UTC"})           // 00:30 tomorrow in Tokyo
	fx.create(t, crm.TaskFields{Title: "undated"})
	done := fx.create(t, crm.TaskFields{Title: "done", Due: "2026-11-20"})
	if _, err := fx.svc.Complete(fx.ctx, done.ID, done.Version, true); err != nil {
		t.Fatal(err)
	}
	for list, want := range map[string][]string{
		crm.TaskListOverdue:  {"date yesterday", "16:00Z yesterday", "09:00 Tokyo"},
		crm.TaskListToday:    {"date today", "16:00Z yesterday", "09:00 Tokyo", "23:30 Tokyo"},
		crm.TaskListUpcoming: {"15:30Z"},
		crm.TaskListDone:     {"done"},
	} {
		items, err := fx.svc.List(fx.ctx, list, "")
		if err != nil {
			t.Fatal(err)
		}
		if got := titles(items); !slices.Equal(got, want) {
			t.Errorf("%s = %v; want %v", list, got, want)
		}
	}
	all, _ := fx.svc.List(fx.ctx, crm.TaskListAll, "")
	overdue := map[string]bool{}
	for _, it := range all {
		overdue[it.Title] = it.Overdue
	}
	if !overdue["date yesterday"] || !overdue["09:00 Tokyo"] || overdue["date today"] || overdue["23:30 Tokyo"] || overdue["undated"] {
		t.Fatalf("overdue flags = %v", overdue)
	}
	// Three hours later it is past 13:00 in Tokyo: nothing new is overdue; at 23:45 the 23:30 task is.
	fx.clock.set(time.Date(2026, 11, 24, 14, 45, 0, 0, time.UTC))
	items, _ := fx.svc.List(fx.ctx, crm.TaskListOverdue, "")
	if got := titles(items); !slices.Contains(got, "23:30 Tokyo") {
		t.Fatalf("overdue at 23:45 = %v; want 23:30 Tokyo in it", got)
	}
}

func TestCompleteAndReopen(t *testing.T) {
	fx := newFixture(t)
	it := fx.create(t, crm.TaskFields{Title: "Follow up", Due: "2026-11-24", PercentComplete: 40})
	done, err := fx.svc.Complete(fx.ctx, it.ID, it.Version, true)
	if err != nil {
		t.Fatal(err)
	}
	if done.Status != crm.TaskCompleted || done.PercentComplete != 100 || done.CompletedAt == "" || done.Overdue {
		t.Fatalf("completed = %+v", done)
	}
	if _, err := fx.svc.Complete(fx.ctx, it.ID, it.Version, false); crm.ErrorCode(err) != crm.CodeVersionConflict {
		t.Fatalf("stale reopen = %v; want version_conflict", err)
	}
	open, err := fx.svc.Complete(fx.ctx, it.ID, done.Version, false)
	if err != nil {
		t.Fatal(err)
	}
	if open.Status != crm.TaskNeedsAction || open.CompletedAt != "" || open.PercentComplete != 0 {
		t.Fatalf("reopened = %+v", open)
	}
	js, _ := fx.db.JournalFor(fx.ctx, crm.EntityTask, it.ID)
	if len(js) != 3 || !slices.Equal(js[1].Fields, []string{"status", "percentComplete", "completedAt"}) {
		t.Fatalf("journal = %+v", js)
	}
	if err := fx.svc.Delete(fx.ctx, it.ID, open.Version); err != nil {
		t.Fatal(err)
	}
	if items, _ := fx.svc.List(fx.ctx, crm.TaskListAll, ""); len(items) != 0 {
		t.Fatalf("deleted task still listed: %v", titles(items))
	}
	if _, err := fx.svc.Restore(fx.ctx, it.ID); err != nil {
		t.Fatal(err)
	}
}

func TestLinksResolveNamesAndFilterByContact(t *testing.T) {
	fx := newFixture(t)
	now := fx.clock.Now()
	ana := crm.Contact{ID: crm.NewID(now), Version: 1, CreatedAt: now, UpdatedAt: now,
		ContactFields: crm.ContactFields{GivenName: "Ana", FamilyName: "Lima", Company: "Acme"}}
	if err := fx.db.CreateContact(fx.ctx, ana); err != nil {
		t.Fatal(err)
	}
	it := fx.create(t, crm.TaskFields{Title: "Call Ana", ContactID: ana.ID, DealID: " deal-7 "})
	fx.create(t, crm.TaskFields{Title: "Unrelated"})
	if it.ContactName != "Ana Lima" || it.CompanyName != "Acme" || it.CompanyID == "" || it.DealID != "deal-7" {
		t.Fatalf("links = %+v", it)
	}
	items, err := fx.svc.List(fx.ctx, crm.TaskListAll, ana.ID)
	if err != nil || !slices.Equal(titles(items), []string{"Call Ana"}) {
		t.Fatalf("Ana's tasks = %v, %v", titles(items), err)
	}
	up, err := fx.svc.Update(fx.ctx, it.ID, it.Version, "", crm.TaskFields{Title: "Call Ana back", ContactID: ana.ID, CompanyID: it.CompanyID})
	if err != nil {
		t.Fatal(err)
	}
	js, _ := fx.db.JournalFor(fx.ctx, crm.EntityTask, it.ID)
	if up.Version != 2 || !slices.Equal(js[len(js)-1].Fields, []string{"title", "dealId"}) {
		t.Fatalf("update v%d journal %v; want title and dealId changed", up.Version, js[len(js)-1].Fields)
	}
}

func TestZoneChangeMovesFloatingDueTimes(t *testing.T) {
	fx := newFixture(t)
	floating := fx.create(t, crm.TaskFields{Title: "floating", Due: "2026-11-24T20:00"})
	zoned := fx.create(t, crm.TaskFields{Title: "zoned", Due: "2026-11-24T20:00", TimeZone: "Asia/Tokyo"})
	if !floating.DueAt.Equal(time.Date(2026, 11, 24, 11, 0, 0, 0, time.UTC)) {
		t.Fatalf("floating due in Tokyo = %v", floating.DueAt)
	}
	if err := fx.cal.SetUserZone(fx.ctx, "America/New_York"); err != nil {
		t.Fatal(err)
	}
	if err := fx.svc.ZoneChanged(fx.ctx); err != nil {
		t.Fatal(err)
	}
	f, _ := fx.svc.Get(fx.ctx, floating.ID)
	z, _ := fx.svc.Get(fx.ctx, zoned.ID)
	if !f.DueAt.Equal(time.Date(2026, 11, 25, 1, 0, 0, 0, time.UTC)) || !z.DueAt.Equal(*zoned.DueAt) || f.Version != 1 {
		t.Fatalf("after the move to New York: floating %v (v%d), zoned %v", f.DueAt, f.Version, z.DueAt)
	}
	// Now is 23 Nov 20:00 in New York: the floating task is due tomorrow there.
	up, _ := fx.svc.List(fx.ctx, crm.TaskListUpcoming, "")
	if !slices.Contains(titles(up), "floating") {
		t.Fatalf("upcoming in New York = %v", titles(up))
	}
}
