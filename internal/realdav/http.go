package realdav

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"io"
	"net/http"
	"strings"
	"time"
)

// mkcolAddressBook is an extended MKCOL (RFC 5689) body for an address book.
const mkcolAddressBook = `<?xml version="1.0" encoding="utf-8"?>
<D:mkcol xmlns:D="DAV:" xmlns:CR="urn:ietf:params:xml:ns:carddav"><D:set><D:prop>
<D:resourcetype><D:collection/><CR:addressbook/></D:resourcetype>
<D:displayname>Contacts</D:displayname></D:prop></D:set></D:mkcol>`

// mkcalendarBody renders a MKCALENDAR body for a calendar named name with
// colour color ("" for none) holding the components comps.
func mkcalendarBody(name, color string, comps ...string) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="utf-8"?>` + "\n")
	b.WriteString(`<C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav" xmlns:I="http://apple.com/ns/ical/"><D:set><D:prop>`)
	b.WriteString(`<D:displayname>` + html.EscapeString(name) + `</D:displayname>`)
	if color != "" {
		b.WriteString(`<I:calendar-color>` + html.EscapeString(color) + `</I:calendar-color>`)
	}
	b.WriteString(`<C:supported-calendar-component-set>`)
	for _, c := range comps {
		b.WriteString(`<C:comp name="` + html.EscapeString(c) + `"/>`)
	}
	b.WriteString(`</C:supported-calendar-component-set></D:prop></D:set></C:mkcalendar>`)
	return []byte(b.String())
}

// httpClient is used for this package's own requests; it never follows
// redirects.
func httpClient() *http.Client {
	return &http.Client{
		Timeout:       60 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

// call sends one request as alice and returns the status and body.
func (s *Server) call(ctx context.Context, hc *http.Client, method, url string, header http.Header, body []byte) (int, []byte, error) {
	req, err := http.NewRequestWithContext(ctx, method, url, bytes.NewReader(body))
	if err != nil {
		return 0, nil, fmt.Errorf("%s %s: %w", method, url, err)
	}
	for k, v := range header {
		req.Header[k] = v
	}
	req.SetBasicAuth(s.User, s.Password)
	resp, err := hc.Do(req)
	if err != nil {
		return 0, nil, fmt.Errorf("%s %s: %w", method, url, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 256<<20))
	if err != nil {
		return resp.StatusCode, nil, fmt.Errorf("%s %s: read response: %w", method, url, err)
	}
	return resp.StatusCode, data, nil
}

// mustCall is call that also fails unless the status is 2xx.
func (s *Server) mustCall(ctx context.Context, method, url string, header http.Header, body []byte) error {
	status, data, err := s.call(ctx, httpClient(), method, url, header, body)
	if err != nil {
		return err
	}
	if status < 200 || status > 299 {
		return fmt.Errorf("%s %s: HTTP %d: %.500s", method, url, status, data)
	}
	return nil
}

// makeCollections creates the address book and calendar at s's URLs.
func (s *Server) makeCollections(ctx context.Context) error {
	xml := http.Header{"Content-Type": {"application/xml; charset=utf-8"}}
	if err := s.mustCall(ctx, "MKCOL", s.AddressBookURL, xml, []byte(mkcolAddressBook)); err != nil {
		return fmt.Errorf("address book: %w", err)
	}
	if err := s.mustCall(ctx, "MKCALENDAR", s.CalendarURL, xml, mkcalendarBody("Meetings", "", "VEVENT", "VTODO")); err != nil {
		return fmt.Errorf("calendar: %w", err)
	}
	return nil
}

// MakeCalendar creates a calendar named name (the last path segment of its
// URL, [A-Za-z0-9._-]) in alice's calendar home, with displayname display,
// Apple calendar-color color ("" for none) and the components comps
// ("VEVENT", "VTODO"), and returns its URL with a trailing slash.
// Xandikos 0.2.8 ignores both the colour and the component set of
// MKCALENDAR (it reports VEVENT, VTODO, VJOURNAL, VFREEBUSY): the colour
// is set again with PROPPATCH, which it honours.
func (s *Server) MakeCalendar(ctx context.Context, name, display, color string, comps ...string) (string, error) {
	if !safeName(name) {
		return "", fmt.Errorf("realdav: make calendar: bad name %q", name)
	}
	u := s.CalendarURL[:strings.LastIndex(strings.TrimSuffix(s.CalendarURL, "/"), "/")+1] + name + "/"
	xml := http.Header{"Content-Type": {"application/xml; charset=utf-8"}}
	if err := s.mustCall(ctx, "MKCALENDAR", u, xml, mkcalendarBody(display, color, comps...)); err != nil {
		return "", fmt.Errorf("realdav: make calendar %s on %s: %w", name, s.Kind, err)
	}
	if color != "" {
		patch := `<?xml version="1.0" encoding="utf-8"?><D:propertyupdate xmlns:D="DAV:" xmlns:I="http://apple.com/ns/ical/">` +
			`<D:set><D:prop><I:calendar-color>` + html.EscapeString(color) + `</I:calendar-color></D:prop></D:set></D:propertyupdate>`
		if err := s.mustCall(ctx, "PROPPATCH", u, xml, []byte(patch)); err != nil {
			return "", fmt.Errorf("realdav: colour calendar %s on %s: %w", name, s.Kind, err)
		}
	}
	return u, nil
}

// waitHTTP polls url until something answers with any HTTP status, p
// exits, or the start timeout passes.
func waitHTTP(url string, procs ...*proc) error {
	hc := &http.Client{Timeout: time.Second, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	deadline := time.Now().Add(startTimeout)
	for {
		for _, p := range procs {
			if p.exited() {
				return p.exitError()
			}
		}
		resp, err := hc.Get(url)
		if err == nil {
			resp.Body.Close()
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("no answer from %s within %s: %w", url, startTimeout, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// collectionState returns the getctag and sync-token of the collection at
// url (PROPFIND Depth 0) as the raw XML of the response.
func (s *Server) collectionState(ctx context.Context, url string) (string, error) {
	body := `<?xml version="1.0" encoding="utf-8"?>
<d:propfind xmlns:d="DAV:" xmlns:cs="http://calendarserver.org/ns/"><d:prop><cs:getctag/><d:sync-token/></d:prop></d:propfind>`
	h := http.Header{"Depth": {"0"}, "Content-Type": {"application/xml; charset=utf-8"}}
	status, data, err := s.call(ctx, httpClient(), "PROPFIND", url, h, []byte(body))
	if err != nil {
		return "", err
	}
	if status != http.StatusMultiStatus {
		return "", fmt.Errorf("PROPFIND %s: HTTP %d: %.500s", url, status, data)
	}
	return string(data), nil
}
