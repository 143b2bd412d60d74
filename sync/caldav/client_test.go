package caldav_test

import (
	"bytes"
	"context"
	"errors"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"fieldbook/internal/realdav"
	"fieldbook/sync/caldav"
	"fieldbook/sync/davtest"
	"fieldbook/sync/engine"
)

// object returns an iCalendar object with one component (VEVENT or VTODO)
// whose SUMMARY tells versions apart.
func object(comp, uid, summary string) []byte {
	when := "DTSTART:20260302T090000Z\r\nDTEND:20260302T100000Z\r\n"
	if comp == "VTODO" {
		when = "DUE:20260305T170000Z\r\n"
	}
	return []byte("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Fieldbook test//EN\r\nBEGIN:" + comp + "\r\nUID:" + uid +
		"\r\nDTSTAMP:20260101T000000Z\r\n" + when + "SUMMARY:" + summary + "\r\nEND:" + comp + "\r\nEND:VCALENDAR\r\n")
}

// TestDiscoverFindsTheCalendarWithItsColour proves discovery from the bare
// server URL on the fake server: well-known, principal, home set, the
// calendar with its name, colour and both components.
func TestDiscoverFindsTheCalendarWithItsColour(t *testing.T) {
	srv := davtest.NewCalDAV(t)
	c, err := caldav.New(context.Background(), caldav.Config{URL: srv.URL(), Username: davtest.Username, Password: davtest.Password})
	if err != nil {
		t.Fatal(err)
	}
	d, err := c.Discover(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := caldav.Calendar{Path: davtest.CalendarPath, Name: davtest.CalendarName, Description: "davtest calendar",
		Color: davtest.CalendarColor, Events: true, Tasks: true}
	if len(d.Calendars) != 1 || d.Calendars[0] != want || d.HomeSet != davtest.CalendarHomeSetPath {
		t.Fatalf("discovery %+v; want the one calendar %+v in %s", d, want, davtest.CalendarHomeSetPath)
	}
	reqs := srv.Requests()
	if reqs[0].Path != "/" && !slices.ContainsFunc(reqs, func(r davtest.Request) bool { return r.Path == "/.well-known/caldav" }) {
		t.Errorf("discovery did not ask /.well-known/caldav: %+v", reqs)
	}
}

// TestRemoteRoundTripOnTheFakeServer proves the engine's Remote for a
// calendar: hrefs end in .ics, conditional create/update/delete, the
// change markers, sync-collection, ETag listing and calendar-multiget.
func TestRemoteRoundTripOnTheFakeServer(t *testing.T) {
	srv := davtest.NewCalDAV(t)
	c, err := caldav.New(context.Background(), caldav.Config{URL: srv.URL(), Username: davtest.Username, Password: davtest.Password})
	if err != nil {
		t.Fatal(err)
	}
	roundTrip(t, c.Remote(davtest.CalendarPath))
	for _, r := range srv.Requests() {
		if r.Method == "PUT" && r.IfMatch == "" && r.IfNoneMatch != "*" || r.Method == "DELETE" && r.IfMatch == "" {
			t.Errorf("unconditional write %+v", r)
		}
	}
}

// roundTrip drives one calendar through the engine's Remote interface with
// a meeting and a task. Every server sends an ETag on an iCalendar PUT
// (DAViCal too, unlike on a vCard PUT).
func roundTrip(t *testing.T, r engine.Remote) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	tok0, ctag0, err := r.State(ctx)
	if err != nil || tok0 == "" || ctag0 == "" {
		t.Fatalf("State = %q, %q, %v", tok0, ctag0, err)
	}
	ev, todo := r.Href("ev-1"), r.Href("todo-1")
	if !strings.HasSuffix(ev, "/ev-1.ics") {
		t.Fatalf("Href = %s; want …/ev-1.ics", ev)
	}
	etags := map[string]string{}
	for h, data := range map[string][]byte{ev: object("VEVENT", "ev-1", "Kick-off"), todo: object("VTODO", "todo-1", "Send offer")} {
		e, err := r.Create(ctx, h, data)
		if err != nil || e == "" {
			t.Fatalf("Create %s = %q, %v; want an ETag", h, e, err)
		}
		etags[h] = e
	}
	if _, err := r.Create(ctx, ev, object("VEVENT", "ev-1", "Again")); !errors.Is(err, engine.ErrPrecondition) {
		t.Fatalf("second Create = %v; want ErrPrecondition", err)
	}
	ch, err := r.SyncCollection(ctx, tok0)
	if err != nil {
		t.Fatalf("SyncCollection: %v", err)
	}
	var hrefs []string
	for _, u := range ch.Updated {
		hrefs = append(hrefs, u.Href)
	}
	slices.Sort(hrefs)
	if want := []string{ev, todo}; !slices.Equal(hrefs, want) || ch.Token == tok0 {
		t.Fatalf("sync-collection since the start: %v (token %q); want %v and a new token", hrefs, ch.Token, want)
	}
	objs, missing, err := r.Fetch(ctx, []string{ev, todo, r.Href("none")})
	if err != nil || len(objs) != 2 || len(missing) != 1 {
		t.Fatalf("Fetch = %d objects, missing %v, %v", len(objs), missing, err)
	}
	if !bytes.Contains(objs[0].Data, []byte("SUMMARY:Kick-off")) || !bytes.Contains(objs[1].Data, []byte("BEGIN:VTODO")) {
		t.Fatalf("Fetch returned:\n%s\n%s", objs[0].Data, objs[1].Data)
	}
	newTag, err := r.Update(ctx, todo, etags[todo], object("VTODO", "todo-1", "Send the offer"))
	if err != nil || newTag == "" {
		t.Fatalf("Update = %q, %v; want a new ETag", newTag, err)
	}
	if _, err := r.Update(ctx, todo, etags[todo], object("VTODO", "todo-1", "Stale")); !errors.Is(err, engine.ErrPrecondition) {
		t.Fatalf("stale Update = %v; want ErrPrecondition", err)
	}
	if err := r.Delete(ctx, ev, etags[ev]+"x"); !errors.Is(err, engine.ErrPrecondition) {
		t.Fatalf("Delete with a wrong ETag = %v; want ErrPrecondition", err)
	}
	if err := r.Delete(ctx, ev, etags[ev]); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	refs, err := r.ListETags(ctx)
	if err != nil || len(refs) != 1 || refs[0].Href != todo || refs[0].ETag != newTag {
		t.Fatalf("ListETags = %+v, %v; want only %s at %s", refs, err, todo, newTag)
	}
	ch2, err := r.SyncCollection(ctx, ch.Token)
	if err != nil || !slices.Contains(ch2.Deleted, ev) {
		t.Fatalf("sync-collection after the delete: %+v, %v", ch2, err)
	}
}

// TestRealServers runs discovery and the Remote round trip on Radicale,
// Xandikos and DAViCal: the calendar realdav makes is found with meetings
// and tasks, one made with a colour is found with it.
func TestRealServers(t *testing.T) {
	for _, kind := range realdav.Kinds() {
		t.Run(string(kind), func(t *testing.T) {
			t.Parallel()
			srv := realdav.Start(t, kind)
			ctx := context.Background()
			colored, err := srv.MakeCalendar(ctx, "tasks", "Follow-ups", "#00AA55", "VTODO")
			if err != nil {
				t.Fatal(err)
			}
			c, err := caldav.New(ctx, caldav.Config{URL: srv.BaseURL, Username: srv.User, Password: srv.Password})
			if err != nil {
				t.Fatal(err)
			}
			d, err := c.Discover(ctx)
			if err != nil {
				t.Fatalf("Discover: %v", err)
			}
			byPath := map[string]caldav.Calendar{}
			for _, cal := range d.Calendars {
				byPath[cal.Path] = cal
			}
			main, tasks := pathOf(t, srv.CalendarURL), pathOf(t, colored)
			if cal, ok := byPath[main]; !ok || !cal.Events || !cal.Tasks {
				t.Errorf("calendar %s: %+v (found %+v); want meetings and tasks", main, cal, d.Calendars)
			}
			// Xandikos ignores MKCALENDAR's component set: every calendar
			// takes every component.
			onlyTasks := kind != realdav.Xandikos
			if cal := byPath[tasks]; cal.Name != "Follow-ups" || cal.Color != "#00AA55" || cal.Events == onlyTasks || !cal.Tasks {
				t.Errorf("calendar %s: %+v; want Follow-ups, #00AA55, tasks (only: %v)", tasks, cal, onlyTasks)
			}
			roundTrip(t, c.Remote(main))
		})
	}
}

func pathOf(t *testing.T, raw string) string {
	t.Helper()
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	return u.EscapedPath()
}
