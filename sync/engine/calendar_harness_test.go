package engine_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fieldbook/backend/calendar"
	"fieldbook/backend/crm"
	"fieldbook/backend/eventcard"
	"fieldbook/backend/recurrence"
	"fieldbook/backend/store"
	"fieldbook/backend/tasks"
	"fieldbook/sync/caldav"
	"fieldbook/sync/davtest"
	"fieldbook/sync/engine"
)

// calSide is one Fieldbook device syncing one calendar collection: its own
// database, the calendar and task services the user edits through, and the
// engine for calendar objects.
type calSide struct {
	t          testing.TB
	db         *store.DB
	cal        *calendar.Service
	tasks      *tasks.Service
	eng        *engine.Engine[crm.CalendarObject]
	remote     *caldav.Remote
	account    string
	calendarID string
}

// utcSystem makes the calendar service's user zone UTC whatever the machine.
var utcSystem = calendar.System{Getenv: func(string) string { return "UTC" }}

// newCalSide opens a fresh database with one account whose calendar at
// path on the server at url syncs into a local calendar.
func newCalSide(t testing.TB, url, user, pass, path string, opts ...engine.Option) *calSide {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "fieldbook.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	now := time.Now()
	coll := crm.Collection{ID: crm.NewID(now), Href: path, Name: "Work", Enabled: true, Kind: crm.CollectionCalendar,
		Components: []string{"VEVENT", "VTODO"}, Color: "#FF8800"}
	acc := crm.Account{ID: crm.NewID(now), Name: "server", URL: url, Username: user, CreatedAt: now, Collections: []crm.Collection{coll}}
	if err := db.CreateAccount(ctx, acc); err != nil {
		t.Fatal(err)
	}
	local, err := db.EnsureCollectionCalendar(ctx, coll)
	if err != nil {
		t.Fatal(err)
	}
	client, err := caldav.New(ctx, caldav.Config{URL: url, Username: user, Password: pass})
	if err != nil {
		t.Fatal(err)
	}
	cal := calendar.New(db, crm.SystemClock{}, utcSystem)
	return &calSide{t: t, db: db, cal: cal, tasks: tasks.New(db, crm.SystemClock{}, cal, recurrence.Validate),
		eng:    engine.New(caldav.Schema(), db.CalendarSync(caldav.Times{User: time.UTC}), caldav.Codec{}, opts...),
		remote: client.Remote(path), account: acc.ID, calendarID: local.ID}
}

// newFakeCalSide is a side syncing with a davtest CalDAV server.
func newFakeCalSide(t testing.TB, srv *davtest.Server, opts ...engine.Option) *calSide {
	return newCalSide(t, srv.URL(), davtest.Username, davtest.Password, davtest.CalendarPath, opts...)
}

func (s *calSide) collection() crm.Collection {
	s.t.Helper()
	a, err := s.db.Account(context.Background(), s.account)
	if err != nil {
		s.t.Fatal(err)
	}
	return a.Collections[0]
}

func (s *calSide) trySync() (engine.Result, error) {
	return s.eng.Sync(context.Background(), s.collection(), s.remote)
}

func (s *calSide) sync() engine.Result {
	s.t.Helper()
	res, err := s.trySync()
	if err != nil {
		s.t.Fatalf("sync: %v", err)
	}
	return res
}

// meeting creates a meeting in the side's calendar.
func (s *calSide) meeting(f crm.EventFields) crm.Event {
	s.t.Helper()
	e, err := s.cal.Create(context.Background(), s.calendarID, f)
	if err != nil {
		s.t.Fatal(err)
	}
	return e
}

// editMeeting changes a meeting (scope all, or one occurrence with rid).
func (s *calSide) editMeeting(id, scope, rid string, change func(*crm.EventFields)) crm.Event {
	s.t.Helper()
	e := s.event(id)
	f := e.EventFields
	if scope == calendar.ScopeThis {
		f = occurrenceOf(s.t, e, rid)
	}
	change(&f)
	out, err := s.cal.Update(context.Background(), calendar.Edit{ID: id, Version: e.Version, Scope: scope, RecurrenceID: rid, Fields: f})
	if err != nil {
		s.t.Fatal(err)
	}
	return out
}

// occurrenceOf is the fields of occurrence rid of a series as the UI would
// send them for an edit of that occurrence.
func occurrenceOf(t testing.TB, e crm.Event, rid string) crm.EventFields {
	t.Helper()
	for _, o := range e.Overrides {
		if o.RecurrenceID == rid {
			return o.Fields
		}
	}
	f := e.EventFields
	f.RRule, f.ExDates, f.RDates, f.Overrides = "", nil, nil, nil
	d := parseLocal(t, f.End).Sub(parseLocal(t, f.Start))
	f.Start = rid
	f.End = parseLocal(t, rid).Add(d).Format(crm.LocalDateTimeLayout)
	return f
}

func parseLocal(t testing.TB, s string) time.Time {
	t.Helper()
	v, err := time.Parse(crm.LocalDateTimeLayout, s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func (s *calSide) deleteMeeting(id string) {
	s.t.Helper()
	if err := s.cal.Delete(context.Background(), id, s.event(id).Version, calendar.ScopeAll, ""); err != nil {
		s.t.Fatal(err)
	}
}

func (s *calSide) event(id string) crm.Event {
	s.t.Helper()
	e, err := s.db.Event(context.Background(), id)
	if err != nil {
		s.t.Fatal(err)
	}
	return e
}

// task creates a task in the side's calendar.
func (s *calSide) task(f crm.TaskFields) crm.Task {
	s.t.Helper()
	it, err := s.tasks.Create(context.Background(), s.calendarID, f)
	if err != nil {
		s.t.Fatal(err)
	}
	return it.Task
}

// events returns the live meetings of the side's calendar by UID.
func (s *calSide) events() map[string]crm.Event {
	s.t.Helper()
	all, err := s.db.EventsInRange(context.Background(), time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC), []string{s.calendarID})
	if err != nil {
		s.t.Fatal(err)
	}
	out := map[string]crm.Event{}
	for _, e := range all {
		if _, dup := out[e.UID]; dup {
			s.t.Fatalf("two live meetings carry UID %s", e.UID)
		}
		out[e.UID] = e
	}
	return out
}

// liveTasks returns the live tasks (open and done) by UID.
func (s *calSide) liveTasks() map[string]crm.Task {
	s.t.Helper()
	open, err := s.db.ListTasks(context.Background(), crm.TaskListQuery{List: crm.TaskListAll})
	if err != nil {
		s.t.Fatal(err)
	}
	done, err := s.db.ListTasks(context.Background(), crm.TaskListQuery{List: crm.TaskListDone})
	if err != nil {
		s.t.Fatal(err)
	}
	out := map[string]crm.Task{}
	for _, t := range append(open, done...) {
		if _, dup := out[t.UID]; dup {
			s.t.Fatalf("two live tasks carry UID %s", t.UID)
		}
		out[t.UID] = t
	}
	return out
}

func (s *calSide) pending() int {
	s.t.Helper()
	n, err := s.db.PendingChanges(context.Background())
	if err != nil {
		s.t.Fatal(err)
	}
	return n
}

func (s *calSide) conflicts() []crm.Conflict {
	s.t.Helper()
	cs, err := s.db.Conflicts(context.Background())
	if err != nil {
		s.t.Fatal(err)
	}
	return cs
}

// serverObjects reads every object of the side's calendar by UID, failing
// on a UID found twice.
func (s *calSide) serverObjects() map[string]eventcard.Object {
	s.t.Helper()
	ctx := context.Background()
	refs, err := s.remote.ListETags(ctx)
	if err != nil {
		s.t.Fatal(err)
	}
	var hrefs []string
	for _, r := range refs {
		hrefs = append(hrefs, r.Href)
	}
	objs, missing, err := s.remote.Fetch(ctx, hrefs)
	if err != nil || len(missing) > 0 {
		s.t.Fatalf("fetch all: %v (missing %v)", err, missing)
	}
	out := map[string]eventcard.Object{}
	for _, o := range objs {
		obj, _, err := eventcard.FromObject(o.Data)
		if err != nil {
			s.t.Fatalf("server object %s: %v\n%s", o.Href, err, o.Data)
		}
		if _, dup := out[obj.UID]; dup {
			s.t.Fatalf("UID %s is on the server twice", obj.UID)
		}
		obj.Data = o.Data
		out[obj.UID] = obj
	}
	return out
}

// ics builds an iCalendar object from component lines (each component's
// lines between its BEGIN and END), for server-side fixtures.
func ics(components ...[]string) []byte {
	lines := []string{"BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Other client//EN"}
	for _, c := range components {
		lines = append(lines, c...)
	}
	lines = append(lines, "END:VCALENDAR", "")
	return []byte(strings.Join(lines, "\r\n"))
}

// vevent is a VEVENT's lines.
func vevent(uid string, props ...string) []string {
	return append(append([]string{"BEGIN:VEVENT", "UID:" + uid, "DTSTAMP:20260101T000000Z"}, props...), "END:VEVENT")
}

// vtodo is a VTODO's lines.
func vtodo(uid string, props ...string) []string {
	return append(append([]string{"BEGIN:VTODO", "UID:" + uid, "DTSTAMP:20260101T000000Z"}, props...), "END:VTODO")
}
