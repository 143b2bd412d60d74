package carddav

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"fieldbook/sync/davtest"
)

const book = davtest.AddressBookPath

// card returns a minimal vCard 3.0.
func card(uid, fn string) []byte {
	return []byte(fmt.Sprintf("BEGIN:VCARD\r\nVERSION:3.0\r\nUID:%s\r\nFN:%s\r\nN:%s;;;;\r\nEND:VCARD\r\n", uid, fn, fn))
}

// testHTTP never reuses connections, so Go's transport cannot silently
// replay a request on a dropped connection.
func testHTTP() *http.Client {
	return &http.Client{Timeout: 3 * time.Second, Transport: &http.Transport{DisableKeepAlives: true}}
}

// newServer starts davtest and checks, at the end of the test, that no PUT
// or DELETE reached it without a condition (and never If-Match: *).
func newServer(t *testing.T, opts ...davtest.Option) *davtest.Server {
	t.Helper()
	s := davtest.NewCardDAV(t, opts...)
	t.Cleanup(func() { checkConditional(t, s.Requests()) })
	return s
}

// checkConditional fails t for an unconditional write in reqs.
func checkConditional(t testing.TB, reqs []davtest.Request) {
	t.Helper()
	for _, r := range reqs {
		switch r.Method {
		case http.MethodPut:
			if r.IfMatch == "*" || (r.IfNoneMatch != "*" && r.IfMatch == "") {
				t.Errorf("unconditional or If-Match:* PUT %s: %+v", r.Path, r)
			}
		case http.MethodDelete:
			if r.IfMatch == "" || r.IfMatch == "*" {
				t.Errorf("DELETE %s without a real If-Match: %+v", r.Path, r)
			}
		}
	}
}

// newClient returns a client for base+path as alice.
func newClient(t *testing.T, base, path string) *Client {
	t.Helper()
	c, err := New(context.Background(), Config{URL: base + path, Username: davtest.Username, Password: davtest.Password, HTTP: testHTTP()})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return c
}

// count returns how many logged requests have method and path prefix.
func count(reqs []davtest.Request, method, prefix string) int {
	n := 0
	for _, r := range reqs {
		if r.Method == method && strings.HasPrefix(r.Path, prefix) {
			n++
		}
	}
	return n
}

// hrefsOf returns the sorted hrefs of refs.
func hrefsOf(refs []Ref) []string {
	var out []string
	for _, r := range refs {
		out = append(out, r.Href)
	}
	slices.Sort(out)
	return out
}

// recordTB records Errorf calls.
type recordTB struct {
	testing.TB
	failed int
}

func (r *recordTB) Errorf(string, ...any) { r.failed++ }
func (r *recordTB) Helper()               {}

// TestCheckConditionalCatches proves the request-log guard used by every
// davtest-based test would catch an unconditional write or If-Match: *.
func TestCheckConditionalCatches(t *testing.T) {
	bad := []davtest.Request{
		{Method: http.MethodPut, Path: "/x"},
		{Method: http.MethodPut, Path: "/x", IfMatch: "*"},
		{Method: http.MethodDelete, Path: "/x"},
		{Method: http.MethodDelete, Path: "/x", IfMatch: "*"},
	}
	for _, r := range bad {
		rec := &recordTB{TB: t}
		checkConditional(rec, []davtest.Request{r})
		if rec.failed != 1 {
			t.Errorf("guard missed %+v", r)
		}
	}
	good := []davtest.Request{
		{Method: http.MethodPut, IfNoneMatch: "*"},
		{Method: http.MethodPut, IfMatch: `"e1"`},
		{Method: http.MethodDelete, IfMatch: `"e1"`},
		{Method: http.MethodGet},
	}
	rec := &recordTB{TB: t}
	checkConditional(rec, good)
	if rec.failed != 0 {
		t.Errorf("guard flagged conditional writes")
	}
}
