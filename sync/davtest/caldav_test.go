package davtest

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/emersion/go-webdav"
	"github.com/emersion/go-webdav/caldav"
)

// vevent returns a minimal iCalendar object with one meeting.
func vevent(uid, summary string) []byte {
	return []byte("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//davtest//EN\r\nBEGIN:VEVENT\r\nUID:" + uid +
		"\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20260302T090000Z\r\nDTEND:20260302T100000Z\r\nSUMMARY:" + summary +
		"\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
}

// TestCalDAVDiscoveryWithGoWebdav proves the CalDAV server's layout through
// go-webdav's own client: principal, calendar-home-set and the one
// calendar with its components.
func TestCalDAVDiscoveryWithGoWebdav(t *testing.T) {
	s := NewCalDAV(t)
	ctx := context.Background()
	c, err := caldav.NewClient(webdav.HTTPClientWithBasicAuth(rawClient(), Username, Password), s.URL()+"/")
	if err != nil {
		t.Fatal(err)
	}
	p, err := c.FindCurrentUserPrincipal(ctx)
	if err != nil || p != PrincipalPath {
		t.Fatalf("principal %q, %v", p, err)
	}
	home, err := c.FindCalendarHomeSet(ctx, p)
	if err != nil || home != CalendarHomeSetPath {
		t.Fatalf("home set %q, %v", home, err)
	}
	cals, err := c.FindCalendars(ctx, home)
	if err != nil || len(cals) != 1 || cals[0].Path != CalendarPath || cals[0].Name != CalendarName ||
		!slices.Equal(cals[0].SupportedComponentSet, []string{"VEVENT", "VTODO"}) {
		t.Fatalf("calendars %+v, %v", cals, err)
	}
	resp, _ := mustDo(t, s, "PROPFIND", "/.well-known/caldav", "")
	if resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != "/" {
		t.Fatalf("well-known: %d %q", resp.StatusCode, resp.Header.Get("Location"))
	}
}

// TestCalDAVColorAndMarkers proves the calendar's colour is served on the
// calendar and in a Depth 1 PROPFIND of the home set, and that getctag and
// sync-token move on a write.
func TestCalDAVColorAndMarkers(t *testing.T) {
	s := NewCalDAV(t)
	body := `<?xml version="1.0"?><propfind xmlns="DAV:" xmlns:I="http://apple.com/ns/ical/" xmlns:C="urn:ietf:params:xml:ns:caldav"
		xmlns:CS="http://calendarserver.org/ns/"><prop><resourcetype/><displayname/><I:calendar-color/>
		<C:supported-calendar-component-set/><CS:getctag/></prop></propfind>`
	_, home := mustDo(t, s, "PROPFIND", CalendarHomeSetPath, body, "Depth", "1")
	for _, want := range []string{"<href>" + CalendarPath + "</href>", CalendarColor, `name="VTODO"`, `<calendar xmlns="urn:ietf:params:xml:ns:caldav"/>`} {
		if !strings.Contains(home, want) {
			t.Errorf("home set PROPFIND lacks %s:\n%s", want, home)
		}
	}
	before := s.SyncToken()
	s.Put("m.ics", vevent("m", "Kick-off"))
	_, cal := mustDo(t, s, "PROPFIND", CalendarPath, body, "Depth", "0")
	if !strings.Contains(cal, s.SyncToken()) || s.SyncToken() == before || !strings.Contains(cal, CalendarColor) {
		t.Fatalf("calendar PROPFIND after a write (token %s → %s):\n%s", before, s.SyncToken(), cal)
	}
}

// TestCalDAVConditionalWritesAndSync proves PUT with If-None-Match: * and
// If-Match, DELETE with If-Match, sync-collection deltas and
// calendar-multiget on the CalDAV server.
func TestCalDAVConditionalWritesAndSync(t *testing.T) {
	s := NewCalDAV(t)
	h := CalendarPath + "m.ics"
	resp, _ := mustDo(t, s, http.MethodPut, h, string(vevent("m", "One")), "If-None-Match", "*", "Content-Type", "text/calendar")
	if resp.StatusCode/100 != 2 || resp.Header.Get("ETag") == "" {
		t.Fatalf("create: %d, ETag %q", resp.StatusCode, resp.Header.Get("ETag"))
	}
	etag := resp.Header.Get("ETag")
	if resp, _ := mustDo(t, s, http.MethodPut, h, string(vevent("m", "Two")), "If-None-Match", "*", "Content-Type", "text/calendar"); resp.StatusCode != http.StatusPreconditionFailed {
		t.Fatalf("second create: %d; want 412", resp.StatusCode)
	}
	tok := s.SyncToken()
	if resp, _ := mustDo(t, s, http.MethodPut, h, string(vevent("m", "Two")), "If-Match", etag, "Content-Type", "text/calendar"); resp.StatusCode/100 != 2 {
		t.Fatalf("update: %d", resp.StatusCode)
	}
	report := `<?xml version="1.0"?><sync-collection xmlns="DAV:"><sync-token>` + tok + `</sync-token><sync-level>1</sync-level><prop><getetag/></prop></sync-collection>`
	_, body := mustDo(t, s, "REPORT", CalendarPath, report)
	if !strings.Contains(body, h) || !strings.Contains(body, s.SyncToken()) {
		t.Fatalf("sync-collection since %s:\n%s", tok, body)
	}
	multiget := `<?xml version="1.0"?><C:calendar-multiget xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:prop><D:getetag/><C:calendar-data/></D:prop><D:href>` + h + `</D:href></C:calendar-multiget>`
	_, body = mustDo(t, s, "REPORT", CalendarPath, multiget, "Depth", "1", "Content-Type", "application/xml")
	if !strings.Contains(body, "SUMMARY:Two") {
		t.Fatalf("multiget:\n%s", body)
	}
	if resp, _ := mustDo(t, s, http.MethodDelete, h, "", "If-Match", etag); resp.StatusCode != http.StatusPreconditionFailed {
		t.Fatalf("delete with a stale ETag: %d; want 412", resp.StatusCode)
	}
	if resp, _ := mustDo(t, s, http.MethodDelete, h, "", "If-Match", `"`+s.Objects()[h].ETag+`"`); resp.StatusCode/100 != 2 || len(s.Objects()) != 0 {
		t.Fatalf("delete: %d, %d objects left", resp.StatusCode, len(s.Objects()))
	}
}

// TestCalDAVRefusesTwoComponentKinds proves the server refuses an object
// mixing a meeting and a task (RFC 4791 §4.1), as real servers do.
func TestCalDAVRefusesTwoComponentKinds(t *testing.T) {
	s := NewCalDAV(t)
	mixed := strings.Replace(string(vevent("x", "Mixed")), "END:VCALENDAR", "BEGIN:VTODO\r\nUID:x\r\nDTSTAMP:20260101T000000Z\r\nEND:VTODO\r\nEND:VCALENDAR", 1)
	resp, body := mustDo(t, s, http.MethodPut, CalendarPath+"x.ics", mixed, "If-None-Match", "*", "Content-Type", "text/calendar")
	if resp.StatusCode/100 == 2 || len(s.Objects()) != 0 {
		t.Fatalf("mixed object accepted: %d %s", resp.StatusCode, body)
	}
}
