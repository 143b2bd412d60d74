package engine_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"fieldbook/backend/calendar"
	"fieldbook/backend/crm"
	"fieldbook/internal/realdav"
)

// newRealCalSide is a side syncing with a real server's calendar; base
// replaces the server's URL (a proxy in front of it) when not "".
func newRealCalSide(t testing.TB, srv *realdav.Server, base string) *calSide {
	t.Helper()
	u, err := url.Parse(srv.CalendarURL)
	if err != nil {
		t.Fatal(err)
	}
	if base == "" {
		base = srv.BaseURL
	}
	return newCalSide(t, base, srv.User, srv.Password, u.EscapedPath())
}

// TestRealServersCalendars runs the engine on calendars of Radicale,
// Xandikos and DAViCal: a series with an override and a task from another
// client arrive; meetings and tasks go both ways; an occurrence edited on
// each side becomes an override on the other; the same field edited on
// both sides lands in the inbox; deletes go both ways; a create whose
// answer is lost is not made twice.
func TestRealServersCalendars(t *testing.T) {
	for _, kind := range realdav.Kinds() {
		t.Run(string(kind), func(t *testing.T) {
			t.Parallel()
			testRealCalendar(t, realdav.Start(t, kind))
		})
	}
}

func testRealCalendar(t *testing.T, srv *realdav.Server) {
	ctx := context.Background()
	drop := newDropProxy(t, srv.BaseURL)
	a, b := newRealCalSide(t, srv, drop.URL()), newRealCalSide(t, srv, "")

	// Another client's objects: a Berlin series with a moved occurrence
	// and Outlook's busy state, and a task.
	for name, data := range map[string][]byte{
		"series.ics": withBerlinZone(berlinSeries("series-1")),
		"todo.ics":   ics(vtodo("todo-1", "SUMMARY:Send the offer", "DUE;VALUE=DATE:20260305", "PRIORITY:1")),
	} {
		if _, err := a.remote.Create(ctx, a.remote.Href(strings.TrimSuffix(name, ".ics")), data); err != nil {
			t.Fatalf("seed %s: %v", name, err)
		}
	}
	if res := a.sync(); res.Applied != 2 {
		t.Fatalf("a's first sync applied %d; want 2", res.Applied)
	}
	b.sync()
	for name, s := range map[string]*calSide{"a": a, "b": b} {
		e := s.events()["series-1"]
		if e.TimeZone != "Europe/Berlin" || e.RRule == "" || len(e.Overrides) != 1 || e.StartUTC.Hour() != 8 {
			t.Fatalf("%s read the series as %+v at %v", name, e.EventFields, e.StartUTC)
		}
		if s.liveTasks()["todo-1"].Due != "2026-03-05" {
			t.Fatalf("%s read the task as %+v", name, s.liveTasks()["todo-1"])
		}
	}
	if res := a.sync(); res.Fetched != 0 || res.Pushed != 0 {
		t.Errorf("no-change sync did work: %+v", res)
	}

	// A meeting and a task made on a reach b; b's edits reach a.
	m := a.meeting(crm.EventFields{Title: "Kick-off", Start: "2026-04-01T14:00:00", End: "2026-04-01T15:00:00",
		TimeZone: "America/New_York", Attendees: []crm.Attendee{{Email: "ann@example.com", Name: "Ann"}}})
	task := a.task(crm.TaskFields{Title: "Call back", Due: "2026-04-02T10:00:00", TimeZone: "Europe/Berlin"})
	if res := a.sync(); res.Pushed != 2 || res.Failed != 0 {
		t.Fatalf("a's push: %+v", res)
	}
	b.sync()
	bm, bt := b.events()[m.UID], b.liveTasks()[task.UID]
	if bm.Title != "Kick-off" || bm.TimeZone != "America/New_York" || len(bm.Attendees) != 1 || bt.Title != "Call back" {
		t.Fatalf("b received %+v and %+v", bm.EventFields, bt.TaskFields)
	}
	b.editMeeting(bm.ID, calendar.ScopeAll, "", func(f *crm.EventFields) { f.Location = "Room 4" })
	if _, err := b.tasks.Complete(ctx, bt.ID, bt.Version, true); err != nil {
		t.Fatal(err)
	}
	b.sync()
	a.sync()
	if a.event(m.ID).Location != "Room 4" || a.liveTasks()[task.UID].Status != crm.TaskCompleted {
		t.Errorf("a after b's edits: location %q, task %q", a.event(m.ID).Location, a.liveTasks()[task.UID].Status)
	}

	// An occurrence of the series edited on each side, one after the other.
	series := a.events()["series-1"]
	a.editMeeting(series.ID, calendar.ScopeThis, "2026-03-16T09:00:00", func(f *crm.EventFields) { f.Title = "Weekly sync (demo)" })
	a.sync()
	b.sync()
	bs := b.events()["series-1"]
	b.editMeeting(bs.ID, calendar.ScopeThis, "2026-03-23T09:00:00", func(f *crm.EventFields) { f.Location = "Lab" })
	b.sync()
	a.sync()
	for name, e := range map[string]crm.Event{"a": a.event(series.ID), "b": b.event(bs.ID)} {
		byRID := map[string]crm.EventFields{}
		for _, o := range e.Overrides {
			byRID[o.RecurrenceID] = o.Fields
		}
		if len(e.Overrides) != 3 || byRID["2026-03-16T09:00:00"].Title != "Weekly sync (demo)" || byRID["2026-03-23T09:00:00"].Location != "Lab" ||
			byRID["2026-03-09T09:00:00"].Start != "2026-03-09T11:00:00" {
			t.Errorf("%s: overrides %+v; want the server's, a's and b's", name, e.Overrides)
		}
	}
	if obj := a.serverObjects()["series-1"]; !strings.Contains(string(obj.Data), "X-MICROSOFT-CDO-BUSYSTATUS") {
		t.Errorf("the server's copy lost the Outlook property:\n%s", obj.Data)
	}

	// The same field on both sides: b's title waits in the inbox.
	a.editMeeting(m.ID, calendar.ScopeAll, "", func(f *crm.EventFields) { f.Title = "Kick-off (a)" })
	b.editMeeting(bm.ID, calendar.ScopeAll, "", func(f *crm.EventFields) { f.Title = "Kick-off (b)" })
	a.sync()
	if res := b.sync(); res.Conflicts != 1 {
		t.Errorf("b's sync recorded %d conflicts; want 1", res.Conflicts)
	}
	if cs := b.conflicts(); len(cs) != 1 || cs[0].Entity != crm.EntityEvent || cs[0].Field != "title" || cs[0].Theirs != `"Kick-off (a)"` {
		t.Errorf("b's inbox: %+v", cs)
	}

	// Deletes both ways.
	a.deleteMeeting(m.ID)
	bTask := b.liveTasks()["todo-1"]
	if err := b.tasks.Delete(ctx, bTask.ID, bTask.Version); err != nil {
		t.Fatal(err)
	}
	a.sync()
	b.sync()
	a.sync()
	// b's unresolved title is an edit: it beats a's delete, the meeting
	// comes back with it on both sides and the question is gone.
	for name, s := range map[string]*calSide{"a": a, "b": b} {
		if got, ok := s.events()[m.UID]; !ok || got.Title != "Kick-off (b)" {
			t.Errorf("%s: the meeting deleted on a and edited on b is %v with title %q; want kept with b's", name, ok, got.Title)
		}
	}
	if cs := b.conflicts(); len(cs) != 0 {
		t.Errorf("b's inbox after the delete: %+v", cs)
	}
	if _, ok := a.liveTasks()["todo-1"]; ok {
		t.Error("a still has the task b deleted")
	}
	if _, ok := a.serverObjects()["todo-1"]; ok {
		t.Error("the server still has the task b deleted")
	}

	// A create whose answer is lost: one object, one meeting.
	lost := a.meeting(crm.EventFields{Title: "Once", Start: "2026-07-01T10:00:00", End: "2026-07-01T11:00:00"})
	drop.dropNext(http.MethodPut)
	if _, err := a.trySync(); err == nil {
		t.Fatal("the sync whose PUT answer was lost reported success")
	}
	a.sync()
	b.sync()
	if o, ok := a.serverObjects()[lost.UID]; !ok || o.Event.Title != "Once" {
		t.Errorf("server copy of the meeting whose answer was lost: %+v", o.Event)
	}
	if n := a.pending() + b.pending(); n != 0 {
		t.Errorf("outboxes hold %d changes", n)
	}
	if got, want := len(a.serverObjects()), len(b.events())+len(b.liveTasks()); got != want {
		t.Errorf("server holds %d objects, b %d records", got, want)
	}
}

// withBerlinZone adds a VTIMEZONE for Europe/Berlin, as clients send one
// for every TZID.
func withBerlinZone(data []byte) []byte {
	const zone = "BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\nBEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n" +
		"TZNAME:CEST\r\nDTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\n" +
		"BEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\nDTSTART:19701025T030000\r\n" +
		"RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
	return bytes.Replace(data, []byte("BEGIN:VEVENT"), []byte(zone+"BEGIN:VEVENT"), 1)
}

// dropProxy forwards requests to a real server and, when told, applies
// the next request of a method there but drops its answer (the
// connection closes), as a network failure after the server acted would.
type dropProxy struct {
	hs       *httptest.Server
	upstream string
	mu       sync.Mutex
	drop     string // method whose next answer is dropped
}

func newDropProxy(t *testing.T, upstream string) *dropProxy {
	p := &dropProxy{upstream: strings.TrimSuffix(upstream, "/")}
	p.hs = httptest.NewServer(p)
	t.Cleanup(p.hs.Close)
	return p
}

// URL is the proxy's base URL.
func (p *dropProxy) URL() string { return p.hs.URL + "/" }

// dropNext drops the answer to the next request with method.
func (p *dropProxy) dropNext(method string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.drop = method
}

func (p *dropProxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	req, err := http.NewRequestWithContext(r.Context(), r.Method, p.upstream+r.URL.RequestURI(), bytes.NewReader(body))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	req.Header = r.Header.Clone()
	hc := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := hc.Do(req)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	p.mu.Lock()
	drop := p.drop == r.Method
	if drop {
		p.drop = ""
	}
	p.mu.Unlock()
	if drop {
		if conn, _, err := http.NewResponseController(w).Hijack(); err == nil {
			conn.Close()
		}
		return
	}
	for k, v := range resp.Header {
		w.Header()[k] = v
	}
	w.WriteHeader(resp.StatusCode)
	w.Write(data)
}
