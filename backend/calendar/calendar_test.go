package calendar

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"fieldbook/backend/crm"
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

// fakeSystem is a machine in zone tz with no tz database files.
func fakeSystem(tz string) System {
	return System{
		Getenv:   func(k string) string { return map[string]string{"TZ": tz}[k] },
		Readlink: func(string) (string, error) { return "", errors.New("no link") },
		ReadFile: func(string) ([]byte, error) { return nil, errors.New("no file") },
	}
}

type fixture struct {
	svc   *Service
	db    *store.DB
	clock *testClock
	ctx   context.Context
}

// newFixture opens a temp-file database; the clock reads 2026-03-20 12:00 UTC
// and the machine's zone is userZone.
func newFixture(t testing.TB, userZone string) fixture {
	t.Helper()
	clock := &testClock{t: time.Date(2026, 3, 20, 12, 0, 0, 0, time.UTC)}
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "cal.db"), store.WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	svc := New(db, clock, fakeSystem(userZone), WithLogger(slog.New(slog.NewTextHandler(io.Discard, nil))))
	return fixture{svc: svc, db: db, clock: clock, ctx: context.Background()}
}

func (fx fixture) create(t testing.TB, f crm.EventFields) crm.Event {
	t.Helper()
	e, err := fx.svc.Create(fx.ctx, "", f)
	if err != nil {
		t.Fatalf("create %q: %v", f.Title, err)
	}
	return e
}

func mustUTC(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func weekly(title string) crm.EventFields {
	return crm.EventFields{Title: title, Start: "2026-03-16T10:00:00", End: "2026-03-16T11:00:00",
		TimeZone: "Europe/Berlin", RRule: "FREQ=WEEKLY;BYDAY=MO"}
}

func starts(os []Occurrence) []string {
	var out []string
	for _, o := range os {
		out = append(out, o.Start.Format(time.RFC3339))
	}
	return out
}

func TestCreateRefusesBadInputWithItsCode(t *testing.T) {
	fx := newFixture(t, "UTC")
	many := make([]crm.Attendee, MaxAttendees+1)
	for i := range many {
		many[i] = crm.Attendee{Email: strings.Repeat("a", i%20+1) + "@x" + strings.Repeat("y", i/20) + ".example"}
	}
	for name, c := range map[string]struct {
		f    crm.EventFields
		code string
	}{
		"end before start":         {crm.EventFields{Start: "2026-03-20T10:00", End: "2026-03-20T09:00", TimeZone: "UTC"}, crm.CodeEventInvalidTime},
		"all-day end before start": {crm.EventFields{Start: "2026-03-20", End: "2026-03-19", AllDay: true}, crm.CodeEventInvalidTime},
		"start not a time":         {crm.EventFields{Start: "next tuesday"}, crm.CodeEventInvalidTime},
		"bad rule":                 {crm.EventFields{Start: "2026-03-20T10:00", RRule: "FREQ=SOMETIMES"}, crm.CodeRRuleInvalid},
		"unknown zone":             {crm.EventFields{Start: "2026-03-20T10:00", TimeZone: "Mars/Olympus_Mons"}, crm.CodeZoneUnknown},
		"Local is no zone":         {crm.EventFields{Start: "2026-03-20T10:00", TimeZone: "Local"}, crm.CodeZoneUnknown},
		"bad attendee":             {crm.EventFields{Start: "2026-03-20T10:00", Attendees: []crm.Attendee{{Email: "not an address"}}}, crm.CodeEmailInvalid},
		"too many attendees":       {crm.EventFields{Start: "2026-03-20T10:00", Attendees: many}, crm.CodeInvalidInput},
		"bad busy state":           {crm.EventFields{Start: "2026-03-20T10:00", Busy: "very"}, crm.CodeInvalidInput},
	} {
		if _, err := fx.svc.Create(fx.ctx, "", c.f); crm.ErrorCode(err) != c.code {
			t.Errorf("%s: error %v; want code %s", name, err, c.code)
		}
	}
	if n, _ := fx.db.PendingChanges(fx.ctx); n != 0 {
		t.Fatalf("%d journal rows after refused creates; want 0", n)
	}
}

func TestCreateFillsDefaultsAndStoresInstantsInTheMeetingsZone(t *testing.T) {
	fx := newFixture(t, "America/New_York")
	e := fx.create(t, crm.EventFields{Title: " Call ", Start: "2026-03-30T09:00", TimeZone: "Europe/Berlin",
		Attendees: []crm.Attendee{{Email: "mailto:Ana@Example.com"}, {Email: "ana@example.com"}, {}}})
	if e.End != "2026-03-30T10:00:00" || e.Title != "Call" || e.Busy != crm.BusyBusy || e.Status != StatusConfirmed {
		t.Fatalf("defaults: %+v", e.EventFields)
	}
	if len(e.Attendees) != 1 || e.Attendees[0].Email != "Ana@Example.com" || e.Attendees[0].Role != crm.RoleRequired {
		t.Fatalf("attendees = %+v; want one, mailto: dropped, role required", e.Attendees)
	}
	// 09:00 in Berlin on 30 March 2026 is summer time (UTC+2).
	if got := e.StartUTC.Format(time.RFC3339); got != "2026-03-30T07:00:00Z" {
		t.Fatalf("StartUTC = %s; want 07:00Z", got)
	}
	if e.SeriesEndUTC == nil || !e.SeriesEndUTC.Equal(mustUTC("2026-03-30T08:00:00Z")) {
		t.Fatalf("SeriesEndUTC = %v; want the end of the only occurrence", e.SeriesEndUTC)
	}
	endless := fx.create(t, weekly("Standup"))
	if endless.SeriesEndUTC != nil {
		t.Fatalf("endless series has end %v", endless.SeriesEndUTC)
	}
	counted := weekly("Course")
	counted.RRule = "FREQ=WEEKLY;COUNT=3"
	c := fx.create(t, counted)
	if c.SeriesEndUTC == nil || !c.SeriesEndUTC.Equal(mustUTC("2026-03-30T09:00:00Z")) {
		t.Fatalf("3 weekly from 16 March end = %v; want 2026-03-30T09:00Z (summer time)", c.SeriesEndUTC)
	}
	day := fx.create(t, crm.EventFields{Title: "Offsite", Start: "2026-03-25", AllDay: true, TimeZone: "Europe/Berlin"})
	if day.End != "2026-03-26" || day.TimeZone != "" {
		t.Fatalf("all-day = %s..%s zone %q; want end 2026-03-26 and no zone", day.Start, day.End, day.TimeZone)
	}
}

func TestOccurrencesFollowTheMeetingsZoneAcrossDST(t *testing.T) {
	fx := newFixture(t, "America/New_York")
	fx.create(t, weekly("Standup"))
	fx.create(t, crm.EventFields{Title: "Floating", Start: "2026-03-24T09:00", End: "2026-03-24T09:30"})
	fx.create(t, crm.EventFields{Title: "Offsite", Start: "2026-03-25", End: "2026-03-27", AllDay: true})
	os, err := fx.svc.Occurrences(fx.ctx, mustUTC("2026-03-20T00:00:00Z"), mustUTC("2026-04-07T00:00:00Z"), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"2026-03-23T09:00:00Z", // 10:00 Berlin, winter time
		"2026-03-24T13:00:00Z", // floating 09:00 read in New York (EDT since 8 March)
		"2026-03-25T04:00:00Z", // all-day from New York's midnight
		"2026-03-30T08:00:00Z", // 10:00 Berlin, summer time since 29 March
		"2026-04-06T08:00:00Z",
	}
	if got := starts(os); !slices.Equal(got, want) {
		t.Fatalf("starts = %v; want %v", got, want)
	}
	st := os[3]
	if st.StartLocal != "2026-03-30T10:00:00" || st.TimeZone != "Europe/Berlin" || !st.Recurring || st.RecurrenceID != "2026-03-30T10:00:00" {
		t.Fatalf("occurrence = %+v", st)
	}
	if off := os[2]; !off.AllDay || off.StartLocal != "2026-03-25" || off.EndLocal != "2026-03-27" || off.Color != DefaultCalendarColor {
		t.Fatalf("all-day occurrence = %+v", off)
	}
}

func TestOccurrencesOfOneCalendar(t *testing.T) {
	fx := newFixture(t, "UTC")
	fx.create(t, crm.EventFields{Title: "Home", Start: "2026-03-21T10:00"})
	work, err := fx.svc.CreateCalendar(fx.ctx, "Work", "#ff0000")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fx.svc.Create(fx.ctx, work.ID, crm.EventFields{Title: "Office", Start: "2026-03-21T11:00"}); err != nil {
		t.Fatal(err)
	}
	os, err := fx.svc.Occurrences(fx.ctx, mustUTC("2026-03-21T00:00:00Z"), mustUTC("2026-03-22T00:00:00Z"), []string{work.ID})
	if err != nil {
		t.Fatal(err)
	}
	if len(os) != 1 || os[0].Title != "Office" || os[0].Color != "#FF0000" {
		t.Fatalf("work calendar = %+v; want only Office in #FF0000", os)
	}
	if err := fx.svc.DeleteCalendar(fx.ctx, work.ID); crm.ErrorCode(err) != crm.CodeCalendarNotEmpty {
		t.Fatalf("delete non-empty = %v; want calendar_not_empty", err)
	}
}

func occurrencesIn(t *testing.T, fx fixture, from, to string) []Occurrence {
	t.Helper()
	os, err := fx.svc.Occurrences(fx.ctx, mustUTC(from), mustUTC(to), nil)
	if err != nil {
		t.Fatal(err)
	}
	return os
}

func TestEditThisOccurrenceAndTheFollowingOnes(t *testing.T) {
	fx := newFixture(t, "UTC")
	e := fx.create(t, weekly("Standup"))
	// This occurrence: 30 March moves to 14:00 with its own title.
	occ := weekly("Standup (moved)")
	occ.Start, occ.End, occ.RRule = "2026-03-30T14:00", "2026-03-30T15:00", ""
	e2, err := fx.svc.Update(fx.ctx, Edit{ID: e.ID, Version: e.Version, Scope: ScopeThis, RecurrenceID: "2026-03-30T10:00:00", Fields: occ})
	if err != nil {
		t.Fatal(err)
	}
	if e2.Version != 2 || len(e2.Overrides) != 1 {
		t.Fatalf("after edit this: v%d overrides %+v", e2.Version, e2.Overrides)
	}
	os := occurrencesIn(t, fx, "2026-03-23T00:00:00Z", "2026-04-14T00:00:00Z")
	if got, want := starts(os), []string{"2026-03-23T09:00:00Z", "2026-03-30T12:00:00Z", "2026-04-06T08:00:00Z", "2026-04-13T08:00:00Z"}; !slices.Equal(got, want) {
		t.Fatalf("starts = %v; want %v", got, want)
	}
	if os[1].Title != "Standup (moved)" || os[2].Title != "Standup" {
		t.Fatalf("titles = %q, %q", os[1].Title, os[2].Title)
	}
	// Stale version is refused.
	if _, err := fx.svc.Update(fx.ctx, Edit{ID: e.ID, Version: 1, Fields: weekly("x")}); crm.ErrorCode(err) != crm.CodeVersionConflict {
		t.Fatalf("stale edit = %v; want version_conflict", err)
	}
	// This and following from 6 April: a new series at 09:00 Berlin.
	fol := weekly("Standup v2")
	fol.Start, fol.End = "2026-04-06T09:00", "2026-04-06T10:00"
	tail, err := fx.svc.Update(fx.ctx, Edit{ID: e.ID, Version: e2.Version, Scope: ScopeFollowing, RecurrenceID: "2026-04-06T10:00:00", Fields: fol})
	if err != nil {
		t.Fatal(err)
	}
	if tail.ID == e.ID || tail.UID == e.UID || tail.Title != "Standup v2" {
		t.Fatalf("tail = %+v; want a new meeting with its own UID", tail)
	}
	os = occurrencesIn(t, fx, "2026-03-23T00:00:00Z", "2026-04-14T00:00:00Z")
	var got []string
	for _, o := range os {
		got = append(got, o.Title+"@"+o.Start.Format(time.RFC3339))
	}
	want := []string{"Standup@2026-03-23T09:00:00Z", "Standup (moved)@2026-03-30T12:00:00Z",
		"Standup v2@2026-04-06T07:00:00Z", "Standup v2@2026-04-13T07:00:00Z"}
	if !slices.Equal(got, want) {
		t.Fatalf("after split: %v; want %v", got, want)
	}
	if js, _ := fx.db.JournalFor(fx.ctx, crm.EntityEvent, tail.ID); len(js) != 1 || js[0].Op != crm.OpCreate {
		t.Fatalf("tail journal = %+v; want one create", js)
	}
}

func TestEditAllChangesEveryOccurrence(t *testing.T) {
	fx := newFixture(t, "UTC")
	e := fx.create(t, weekly("Standup"))
	f := e.EventFields
	f.Title, f.Start, f.End = "Daily-ish", "2026-03-16T11:00:00", "2026-03-16T11:15:00"
	got, err := fx.svc.Update(fx.ctx, Edit{ID: e.ID, Version: e.Version, Scope: ScopeAll, Fields: f})
	if err != nil {
		t.Fatal(err)
	}
	js, _ := fx.db.JournalFor(fx.ctx, crm.EntityEvent, e.ID)
	if last := js[len(js)-1]; !slices.Equal(last.Fields, []string{"title", "start", "end"}) {
		t.Fatalf("journalled fields %v; want title, start, end", last.Fields)
	}
	os := occurrencesIn(t, fx, "2026-03-23T00:00:00Z", "2026-04-07T00:00:00Z")
	if len(os) != 3 || os[2].Title != "Daily-ish" || os[2].EndLocal != "2026-04-06T11:15:00" || os[0].Version != got.Version {
		t.Fatalf("occurrences = %+v", os)
	}
}

func TestMoveKeepsTheMeetingsZone(t *testing.T) {
	fx := newFixture(t, "America/New_York")
	e := fx.create(t, weekly("Standup"))
	// Drag the 30 March occurrence (08:00Z) two hours later, this one only.
	moved, err := fx.svc.Move(fx.ctx, Move{ID: e.ID, Version: e.Version, Scope: ScopeThis, RecurrenceID: "2026-03-30T10:00:00",
		Start: mustUTC("2026-03-30T10:00:00Z"), End: mustUTC("2026-03-30T11:30:00Z")})
	if err != nil {
		t.Fatal(err)
	}
	if len(moved.Overrides) != 1 || moved.Overrides[0].Fields.Start != "2026-03-30T12:00:00" || moved.Overrides[0].Fields.End != "2026-03-30T13:30:00" {
		t.Fatalf("override = %+v; want 12:00-13:30 Berlin wall clock", moved.Overrides)
	}
	// Drag the whole series by a day (from the 6 April occurrence).
	all, err := fx.svc.Move(fx.ctx, Move{ID: e.ID, Version: moved.Version, Scope: ScopeAll, RecurrenceID: "2026-04-06T10:00:00",
		Start: mustUTC("2026-04-07T08:00:00Z"), End: mustUTC("2026-04-07T09:00:00Z")})
	if err != nil {
		t.Fatal(err)
	}
	if all.Start != "2026-03-17T10:00:00" || all.TimeZone != "Europe/Berlin" {
		t.Fatalf("series start = %s %s; want 2026-03-17T10:00:00 Europe/Berlin", all.Start, all.TimeZone)
	}
	// An all-day meeting dragged in New York stays on dates.
	day := fx.create(t, crm.EventFields{Title: "Offsite", Start: "2026-03-25", AllDay: true})
	d2, err := fx.svc.Move(fx.ctx, Move{ID: day.ID, Version: day.Version,
		Start: mustUTC("2026-03-27T04:00:00Z"), End: mustUTC("2026-03-29T04:00:00Z")})
	if err != nil {
		t.Fatal(err)
	}
	if d2.Start != "2026-03-27" || d2.End != "2026-03-29" || !d2.AllDay {
		t.Fatalf("all-day moved to %s..%s allDay=%v", d2.Start, d2.End, d2.AllDay)
	}
	if _, err := fx.svc.Move(fx.ctx, Move{ID: day.ID, Version: d2.Version, Start: mustUTC("2026-03-27T04:00:00Z"), End: mustUTC("2026-03-26T04:00:00Z")}); crm.ErrorCode(err) != crm.CodeEventInvalidTime {
		t.Fatalf("end before start = %v; want event_invalid_time", err)
	}
}

func TestDeleteScopes(t *testing.T) {
	fx := newFixture(t, "UTC")
	e := fx.create(t, weekly("Standup"))
	if err := fx.svc.Delete(fx.ctx, e.ID, e.Version, ScopeThis, "2026-03-23T10:00:00"); err != nil {
		t.Fatal(err)
	}
	cur, _ := fx.svc.Event(fx.ctx, e.ID)
	if err := fx.svc.Delete(fx.ctx, e.ID, cur.Version, ScopeFollowing, "2026-04-06T10:00:00"); err != nil {
		t.Fatal(err)
	}
	os := occurrencesIn(t, fx, "2026-03-16T00:00:00Z", "2026-05-01T00:00:00Z")
	if got, want := starts(os), []string{"2026-03-16T09:00:00Z", "2026-03-30T08:00:00Z"}; !slices.Equal(got, want) {
		t.Fatalf("after deleting 23 March and from 6 April: %v; want %v", got, want)
	}
	cur, _ = fx.svc.Event(fx.ctx, e.ID)
	if cur.SeriesEndUTC == nil || !cur.SeriesEndUTC.Equal(mustUTC("2026-03-30T09:00:00Z")) {
		t.Fatalf("series end = %v; want the end of 30 March", cur.SeriesEndUTC)
	}
	if err := fx.svc.Delete(fx.ctx, e.ID, cur.Version, ScopeAll, ""); err != nil {
		t.Fatal(err)
	}
	if os := occurrencesIn(t, fx, "2026-03-16T00:00:00Z", "2026-05-01T00:00:00Z"); len(os) != 0 {
		t.Fatalf("after delete all: %v", starts(os))
	}
	if _, err := fx.svc.Restore(fx.ctx, e.ID); err != nil {
		t.Fatal(err)
	}
	if os := occurrencesIn(t, fx, "2026-03-16T00:00:00Z", "2026-05-01T00:00:00Z"); len(os) != 2 {
		t.Fatalf("after restore: %v", starts(os))
	}
}

func TestAttendeesLinkToContactsAndTheTimelineShowsTheirMeetings(t *testing.T) {
	fx := newFixture(t, "UTC")
	now := fx.clock.Now()
	ana := crm.Contact{ID: crm.NewID(now), Version: 1, CreatedAt: now, UpdatedAt: now,
		ContactFields: crm.ContactFields{GivenName: "Ana", Emails: []crm.LabeledValue{{Label: "work", Value: "ana@example.com"}}}}
	if err := fx.db.CreateContact(fx.ctx, ana); err != nil {
		t.Fatal(err)
	}
	series := weekly("Standup")
	series.Start, series.End = "2026-03-02T10:00:00", "2026-03-02T11:00:00"
	series.RRule = "FREQ=WEEKLY;COUNT=4"
	series.Attendees = []crm.Attendee{{Email: "ANA@example.com"}, {Email: "bo@example.com"}}
	e := fx.create(t, series)
	if e.Attendees[0].ContactID != ana.ID || e.Attendees[1].ContactID != "" {
		t.Fatalf("contact links = %+v", e.Attendees)
	}
	// The 16 March occurrence is moved and Ana is not invited to it.
	occ := series
	occ.Start, occ.End, occ.RRule = "2026-03-16T15:00", "2026-03-16T16:00", ""
	occ.Attendees = []crm.Attendee{{Email: "bo@example.com"}}
	if _, err := fx.svc.Update(fx.ctx, Edit{ID: e.ID, Version: e.Version, Scope: ScopeThis, RecurrenceID: "2026-03-16T10:00:00", Fields: occ}); err != nil {
		t.Fatal(err)
	}
	lunch := fx.create(t, crm.EventFields{Title: "Lunch", Start: "2026-03-19T12:00", TimeZone: "UTC",
		Notes: "Talked about renewal.", Organizer: crm.Attendee{Email: "ana@example.com"}})
	fx.create(t, crm.EventFields{Title: "Other", Start: "2026-03-18T12:00", Attendees: []crm.Attendee{{Email: "bo@example.com"}}})
	items, err := fx.svc.Timeline(fx.ctx, ana.ID)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range items {
		got = append(got, it.Title+"@"+it.Start.Format("01-02"))
	}
	want := []string{"Standup@03-23", "Lunch@03-19", "Standup@03-09", "Standup@03-02"}
	if !slices.Equal(got, want) {
		t.Fatalf("timeline = %v; want %v", got, want)
	}
	if items[1].EventID != lunch.ID || items[1].Notes != "Talked about renewal." || items[0].RecurrenceID != "2026-03-23T10:00:00" {
		t.Fatalf("items = %+v", items[:2])
	}
}

func TestTimelineShowsASeriesPastAndOnlyItsNextOccurrence(t *testing.T) {
	fx := newFixture(t, "UTC") // now: Friday 2026-03-20 12:00 UTC
	now := fx.clock.Now()
	ana := crm.Contact{ID: crm.NewID(now), Version: 1, CreatedAt: now, UpdatedAt: now,
		ContactFields: crm.ContactFields{GivenName: "Ana", Emails: []crm.LabeledValue{{Value: "ana@example.com"}}}}
	if err := fx.db.CreateContact(fx.ctx, ana); err != nil {
		t.Fatal(err)
	}
	series := weekly("Review") // never ends
	series.Start, series.End, series.RRule = "2026-03-05T09:00:00", "2026-03-05T10:00:00", "FREQ=WEEKLY"
	series.Attendees = []crm.Attendee{{Email: "ana@example.com"}}
	fx.create(t, series)
	fx.create(t, crm.EventFields{Title: "Visit", Start: "2026-05-04T12:00", TimeZone: "UTC",
		Attendees: []crm.Attendee{{Email: "ana@example.com"}}})
	items, err := fx.svc.Timeline(fx.ctx, ana.ID)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range items {
		got = append(got, it.Title+"@"+it.Start.Format("01-02"))
	}
	want := []string{"Visit@05-04", "Review@03-26", "Review@03-19", "Review@03-12", "Review@03-05"}
	if !slices.Equal(got, want) {
		t.Fatalf("timeline = %v; want %v", got, want)
	}
}

func TestUserZoneAndZoneList(t *testing.T) {
	fx := newFixture(t, "Asia/Dhaka")
	if z, _ := fx.svc.UserZone(fx.ctx); z != "Asia/Dhaka" {
		t.Fatalf("default zone = %q; want $TZ", z)
	}
	if err := fx.svc.SetUserZone(fx.ctx, "Nowhere/Special"); crm.ErrorCode(err) != crm.CodeZoneUnknown {
		t.Fatalf("unknown zone = %v; want zone_unknown", err)
	}
	if err := fx.svc.SetUserZone(fx.ctx, "Europe/Lisbon"); err != nil {
		t.Fatal(err)
	}
	if z, _ := fx.svc.UserZone(fx.ctx); z != "Europe/Lisbon" {
		t.Fatalf("zone = %q; want the setting", z)
	}
	zs, _ := fx.svc.Zones(fx.ctx)
	if !slices.Contains(zs, "Europe/Lisbon") || !slices.Contains(zs, "UTC") || !slices.IsSorted(zs) {
		t.Fatalf("fallback zones = %v", zs)
	}
}

func TestDetectZoneAndZoneNamesReadTheSystem(t *testing.T) {
	sys := System{
		Getenv:   func(string) string { return "" },
		Readlink: func(string) (string, error) { return "/usr/share/zoneinfo/America/Sao_Paulo", nil },
		ReadFile: func(name string) ([]byte, error) {
			if name == tzdataZi {
				return []byte("# version\nR x 1 2 - - 0 - -\nZ Europe/Paris 0:9:21 - LMT 1891\nZ EST5EDT -5 u E%sT\nL Europe/Paris Europe/Monaco\n"), nil
			}
			return nil, errors.New("missing")
		},
	}
	if z := DetectZone(sys); z != "America/Sao_Paulo" {
		t.Fatalf("zone from /etc/localtime = %q", z)
	}
	sys.Getenv = func(string) string { return ":Europe/Oslo" }
	if z := DetectZone(sys); z != "Europe/Oslo" {
		t.Fatalf("zone from TZ = %q", z)
	}
	sys.Getenv = func(string) string { return "Not/AZone" }
	sys.Readlink = func(string) (string, error) { return "", errors.New("no") }
	if z := DetectZone(sys); z != "UTC" {
		t.Fatalf("zone with nothing usable = %q; want UTC", z)
	}
	if got := ZoneNames(sys); !slices.Equal(got, []string{"Europe/Paris", "UTC"}) {
		t.Fatalf("zones from tzdata.zi = %v", got)
	}
	sys.ReadFile = func(name string) ([]byte, error) {
		if name == zone1970Tab {
			return []byte("# comment\nFR\t+4852+00220\tEurope/Paris\nJP\t+353916+1394441\tAsia/Tokyo\tcomment\n"), nil
		}
		return nil, errors.New("missing")
	}
	if got := ZoneNames(sys); !slices.Equal(got, []string{"Asia/Tokyo", "Europe/Paris", "UTC"}) {
		t.Fatalf("zones from zone1970.tab = %v", got)
	}
}

func TestAZoneKnownOnlyFromTheObjectStaysUsable(t *testing.T) {
	clock := &testClock{t: time.Date(2026, 3, 20, 12, 0, 0, 0, time.UTC)}
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "cal.db"), store.WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	berlin, _ := time.LoadLocation("Europe/Berlin")
	var asked []string
	resolver := func(tzid, vtimezones string) (*time.Location, error) {
		asked = append(asked, tzid+"|"+vtimezones)
		if tzid == "W. Europe Standard Time" {
			return berlin, nil
		}
		return nil, errors.New("unknown")
	}
	svc := New(db, clock, fakeSystem("UTC"), WithZoneResolver(resolver))
	ctx := context.Background()
	cal, err := db.EnsureDefaultCalendar(ctx, DefaultCalendarName, DefaultCalendarColor)
	if err != nil {
		t.Fatal(err)
	}
	// As an import stores it: the TZID text and the VTIMEZONE it came with.
	now := clock.Now()
	e := crm.Event{ID: crm.NewID(now), CalendarID: cal.ID, UID: "outlook-1", Version: 1, CreatedAt: now, UpdatedAt: now,
		OriginalTZID: "W. Europe Standard Time", Zones: "BEGIN:VTIMEZONE\r\nTZID:W. Europe Standard Time\r\nEND:VTIMEZONE\r\n",
		EventFields: crm.EventFields{Title: "Outlook series", Start: "2026-03-23T10:00:00", End: "2026-03-23T11:00:00",
			TimeZone: "W. Europe Standard Time", RRule: "FREQ=WEEKLY", Busy: crm.BusyBusy, Status: StatusConfirmed},
		StartUTC: mustUTC("2026-03-23T09:00:00Z"), EndUTC: mustUTC("2026-03-23T10:00:00Z")}
	if err := db.ImportEvents(ctx, []store.ImportedEvent{{Event: e}}); err != nil {
		t.Fatal(err)
	}
	f := e.EventFields
	f.Title = "Outlook series (renamed)"
	got, err := svc.Update(ctx, Edit{ID: e.ID, Version: 1, Fields: f})
	if err != nil {
		t.Fatalf("edit keeping the zone: %v", err)
	}
	if got.TimeZone != "W. Europe Standard Time" || got.OriginalTZID != "W. Europe Standard Time" {
		t.Fatalf("zone %q original %q; want both kept", got.TimeZone, got.OriginalTZID)
	}
	os, err := svc.Occurrences(ctx, mustUTC("2026-03-23T00:00:00Z"), mustUTC("2026-04-01T00:00:00Z"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := starts(os); !slices.Equal(got, []string{"2026-03-23T09:00:00Z", "2026-03-30T08:00:00Z"}) {
		t.Fatalf("starts = %v; want Berlin times across the DST change", got)
	}
	if len(asked) == 0 || !strings.Contains(asked[0], "BEGIN:VTIMEZONE") {
		t.Fatalf("resolver calls = %q; want the VTIMEZONE passed", asked)
	}
	// Choosing another unknown zone is refused; choosing an IANA zone clears the original TZID.
	f.TimeZone = "Romance Standard Time"
	if _, err := svc.Update(ctx, Edit{ID: e.ID, Version: got.Version, Fields: f}); crm.ErrorCode(err) != crm.CodeZoneUnknown {
		t.Fatalf("unknown new zone = %v; want zone_unknown", err)
	}
	f.TimeZone = "Europe/Paris"
	moved, err := svc.Update(ctx, Edit{ID: e.ID, Version: got.Version, Fields: f})
	if err != nil || moved.OriginalTZID != "" || moved.TimeZone != "Europe/Paris" {
		t.Fatalf("to Paris: %+v, %v", moved, err)
	}
}
