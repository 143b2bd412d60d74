package carddav

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"fieldbook/sync/davtest"
)

// seed puts n cards and returns their hrefs.
func seed(s *davtest.Server, n int) []string {
	var hrefs []string
	for i := range n {
		h := fmt.Sprintf("%sc%d.vcf", book, i)
		s.Put(h, card(fmt.Sprintf("u%d", i), fmt.Sprintf("Person %d", i)))
		hrefs = append(hrefs, h)
	}
	return hrefs
}

// checkObjects fails t unless objs are exactly the server's objects at
// hrefs, in order, byte for byte with the server's ETags.
func checkObjects(t *testing.T, s *davtest.Server, objs []Object, hrefs []string) {
	t.Helper()
	if len(objs) != len(hrefs) {
		t.Fatalf("got %d objects, want %d", len(objs), len(hrefs))
	}
	server := s.Objects()
	for i, o := range objs {
		want := server[hrefs[i]]
		if o.Href != hrefs[i] || o.ETag != want.ETag || !bytes.Equal(o.Data, want.Data) {
			t.Fatalf("object %d = %s %q %q, want %s %q %q", i, o.Href, o.ETag, o.Data, hrefs[i], want.ETag, want.Data)
		}
	}
}

// TestFetchChunked proves 7 objects with chunk 3 take 3 multigets and no
// GET, return the server's exact bytes and ETags, and that an href the
// server does not have lands in missing, not in an error.
func TestFetchChunked(t *testing.T) {
	s := newServer(t)
	hrefs := seed(s, 7)
	ask := append(append([]string{}, hrefs[:4]...), append([]string{book + "gone.vcf"}, hrefs[4:]...)...)
	objs, missing, err := newClient(t, s.URL(), "").Fetch(context.Background(), book, ask, 3)
	if err != nil {
		t.Fatalf("Fetch: %v", err)
	}
	checkObjects(t, s, objs, hrefs)
	if len(missing) != 1 || missing[0] != book+"gone.vcf" {
		t.Fatalf("missing = %v", missing)
	}
	reqs := s.Requests()
	if r, g := count(reqs, "REPORT", book), count(reqs, http.MethodGet, "/"); r != 3 || g != 0 {
		t.Fatalf("%d REPORTs and %d GETs, want 3 and 0", r, g)
	}
}

// TestFetchMultigetFails proves a failing multiget (500) falls back to GET
// per href, with a 404 GET going to missing.
func TestFetchMultigetFails(t *testing.T) {
	s := newServer(t)
	hrefs := seed(s, 4)
	s.Fail(davtest.FaultRule{Method: "REPORT", Kind: davtest.FaultStatus500})
	objs, missing, err := newClient(t, s.URL(), "").Fetch(context.Background(), book, append(hrefs, book+"gone.vcf"), 2)
	if err != nil {
		t.Fatalf("Fetch: %v", err)
	}
	checkObjects(t, s, objs, hrefs)
	if len(missing) != 1 || missing[0] != book+"gone.vcf" {
		t.Fatalf("missing = %v", missing)
	}
	reqs := s.Requests()
	if r, g := count(reqs, "REPORT", book), count(reqs, http.MethodGet, book); r != 3 || g != 5 {
		t.Fatalf("%d REPORTs and %d GETs, want 3 and 5", r, g)
	}
}

// TestFetchGETFails proves an error other than 404 on the fallback GET
// fails the call with an HTTPError, keeping what was fetched before.
func TestFetchGETFails(t *testing.T) {
	s := newServer(t)
	hrefs := seed(s, 2)
	s.Fail(davtest.FaultRule{Method: "REPORT", Kind: davtest.FaultStatus500})
	s.Fail(davtest.FaultRule{Method: http.MethodGet, PathPrefix: hrefs[1], Kind: davtest.FaultUnavailable})
	objs, _, err := newClient(t, s.URL(), "").Fetch(context.Background(), book, hrefs, 10)
	var he *HTTPError
	if !asHTTPError(err, &he) || he.Status != http.StatusServiceUnavailable {
		t.Fatalf("err = %v, want HTTPError 503", err)
	}
	checkObjects(t, s, objs, hrefs[:1])
}

// TestFetchWireFormat proves the multiget body puts <prop> before the
// hrefs (DAViCal), and that address-data is returned byte for byte: CRLF
// kept even when the server did not escape CR, entities and CDATA decoded.
func TestFetchWireFormat(t *testing.T) {
	const vc = "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:x\r\nFN:A & B <c>\r\nEND:VCARD\r\n"
	var body string
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		body = string(b)
		w.WriteHeader(http.StatusMultiStatus)
		io.WriteString(w, `<?xml version="1.0"?><D:multistatus xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:carddav">`+
			`<D:response><D:href>/ab/x.vcf</D:href><D:propstat><D:prop><D:getetag>"1"</D:getetag>`+
			`<C:address-data>BEGIN:VCARD`+"\r\n"+`VERSION:3.0&#13;`+"\n"+`UID:x`+"\r\n"+`FN:A &amp; B <![CDATA[<c>]]>`+"\r\n"+`END:VCARD`+"\r\n"+`</C:address-data>`+
			`</D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>`+
			`<D:response><D:href>/ab/y.vcf</D:href><D:status>HTTP/1.1 404 Not Found</D:status></D:response>`+
			`</D:multistatus>`)
	}))
	defer hs.Close()
	objs, missing, err := newClient(t, hs.URL, "").Fetch(context.Background(), "/ab/", []string{"/ab/x.vcf", "/ab/y.vcf"}, 0)
	if err != nil {
		t.Fatalf("Fetch: %v", err)
	}
	if len(objs) != 1 || string(objs[0].Data) != vc || objs[0].ETag != "1" || len(missing) != 1 {
		t.Fatalf("Fetch = %+v, %v; want data %q", objs, missing, vc)
	}
	p, h := strings.Index(body, "prop>"), strings.Index(body, "href>")
	if p < 0 || h < 0 || p > h || !strings.Contains(body, "addressbook-multiget") {
		t.Fatalf("multiget body %s: want <prop> before <href>", body)
	}
}
