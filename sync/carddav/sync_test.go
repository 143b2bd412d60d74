package carddav

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
)

// TestCollectionState proves getctag and sync-token come back in one
// PROPFIND Depth 0 and both change after a write.
func TestCollectionState(t *testing.T) {
	s := newServer(t)
	s.Put("a.vcf", card("a", "Ann"))
	c := newClient(t, s.URL(), "")
	ctx := context.Background()
	before, err := c.CollectionState(ctx, book)
	if err != nil {
		t.Fatalf("CollectionState: %v", err)
	}
	if before.CTag == "" || before.SyncToken != s.SyncToken() {
		t.Fatalf("state %+v, want ctag and token %q", before, s.SyncToken())
	}
	if _, err := c.Create(ctx, book+"b.vcf", card("b", "Bea")); err != nil {
		t.Fatalf("Create: %v", err)
	}
	after, err := c.CollectionState(ctx, book)
	if err != nil {
		t.Fatalf("CollectionState: %v", err)
	}
	if after.CTag == before.CTag || after.SyncToken == before.SyncToken || after.SyncToken != s.SyncToken() {
		t.Fatalf("state before %+v after %+v: want both changed", before, after)
	}
	reqs := s.Requests()
	if n := count(reqs, "PROPFIND", book); n != 2 {
		t.Fatalf("%d PROPFINDs, want one per call", n)
	}
}

// TestSyncCollection proves a full sync lists members with the server's
// ETags, a delta reports updated, created and deleted members, an
// unchanged collection reports nothing, and each round's token is the
// server's.
func TestSyncCollection(t *testing.T) {
	s := newServer(t)
	ea := s.Put("a.vcf", card("a", "Ann"))
	eb := s.Put("b.vcf", card("b", "Bea"))
	c := newClient(t, s.URL(), "")
	ctx := context.Background()

	full, err := c.SyncCollection(ctx, book, "")
	if err != nil {
		t.Fatalf("full sync: %v", err)
	}
	want := Changes{Token: s.SyncToken(), Updated: []Ref{{Href: book + "a.vcf", ETag: ea}, {Href: book + "b.vcf", ETag: eb}}}
	if !reflect.DeepEqual(full, want) {
		t.Fatalf("full sync = %+v, want %+v", full, want)
	}

	ea2 := s.Put("a.vcf", card("a", "Ann Two"))
	ec := s.Put("c.vcf", card("c", "Cy"))
	s.Delete("b.vcf")
	delta, err := c.SyncCollection(ctx, book, full.Token)
	if err != nil {
		t.Fatalf("delta sync: %v", err)
	}
	want = Changes{Token: s.SyncToken(), Updated: []Ref{{Href: book + "a.vcf", ETag: ea2}, {Href: book + "c.vcf", ETag: ec}}, Deleted: []string{book + "b.vcf"}}
	if !reflect.DeepEqual(delta, want) {
		t.Fatalf("delta sync = %+v, want %+v", delta, want)
	}

	none, err := c.SyncCollection(ctx, book, delta.Token)
	if err != nil || len(none.Updated)+len(none.Deleted) != 0 || none.Token != delta.Token {
		t.Fatalf("no-change sync = %+v, %v", none, err)
	}
}

// TestSyncInvalidToken proves refused tokens come back as
// ErrInvalidSyncToken: davtest's 403 valid-sync-token (Radicale), a 409
// valid-sync-token, and Xandikos' bare 500; and that other failures do not
// (a 500 to a full sync, a 403 without valid-sync-token). It also proves
// the REPORT asks only for getetag.
func TestSyncInvalidToken(t *testing.T) {
	t.Run("davtest 403", func(t *testing.T) {
		s := newServer(t)
		_, err := newClient(t, s.URL(), "").SyncCollection(context.Background(), book, "data:,999")
		if !errors.Is(err, ErrInvalidSyncToken) {
			t.Fatalf("err = %v, want ErrInvalidSyncToken", err)
		}
	})
	const validSyncToken = `<?xml version="1.0"?><D:error xmlns:D="DAV:"><D:valid-sync-token/></D:error>`
	tests := []struct {
		name    string
		token   string
		status  int
		body    string
		invalid bool
	}{
		{"xandikos 500", "5f3a", http.StatusInternalServerError, "AssertionError", true},
		{"409 valid-sync-token", "tok", http.StatusConflict, validSyncToken, true},
		{"403 valid-sync-token", "tok", http.StatusForbidden, validSyncToken, true},
		{"500 on full sync", "", http.StatusInternalServerError, "boom", false},
		{"403 forbidden", "tok", http.StatusForbidden, "no access", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var body string
			hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				b, _ := io.ReadAll(r.Body)
				body = string(b)
				w.WriteHeader(tc.status)
				io.WriteString(w, tc.body)
			}))
			defer hs.Close()
			_, err := newClient(t, hs.URL, "").SyncCollection(context.Background(), book, tc.token)
			if errors.Is(err, ErrInvalidSyncToken) != tc.invalid {
				t.Fatalf("err = %v, want invalid-token %v", err, tc.invalid)
			}
			var he *HTTPError
			if !errors.As(err, &he) || he.Status != tc.status || he.Body != tc.body {
				t.Fatalf("err = %v, want an HTTPError %d %q", err, tc.status, tc.body)
			}
			if !strings.Contains(body, "getetag") || strings.Contains(body, "address-data") || !strings.Contains(body, "sync-collection") {
				t.Fatalf("REPORT body %s: want sync-collection asking only getetag", body)
			}
		})
	}
}

// TestListETags proves the Depth 1 listing returns every member with the
// server's ETag and not the collection itself.
func TestListETags(t *testing.T) {
	s := newServer(t)
	ea := s.Put("a.vcf", card("a", "Ann"))
	eb := s.Put("b.vcf", card("b", "Bea"))
	refs, err := newClient(t, s.URL(), "").ListETags(context.Background(), book)
	if err != nil {
		t.Fatalf("ListETags: %v", err)
	}
	got := map[string]string{}
	for _, r := range refs {
		got[r.Href] = r.ETag
	}
	want := map[string]string{book + "a.vcf": ea, book + "b.vcf": eb}
	if !reflect.DeepEqual(got, want) || len(refs) != 2 {
		t.Fatalf("ListETags = %+v, want %v", refs, want)
	}
}

// TestSyncTruncated proves a 507 on the collection itself (RFC 6578 §3.6)
// sets More, keeps the listed changes and the token, and that absolute-URL
// hrefs come back as paths on the configured origin.
func TestSyncTruncated(t *testing.T) {
	var hs *httptest.Server
	hs = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusMultiStatus)
		io.WriteString(w, `<?xml version="1.0"?><multistatus xmlns="DAV:">`+
			`<response><href>`+hs.URL+`/ab/a.vcf</href><propstat><prop><getetag>"7"</getetag></prop><status>HTTP/1.1 200 OK</status></propstat></response>`+
			`<response><href>/ab/</href><status>HTTP/1.1 507 Insufficient Storage</status></response>`+
			`<sync-token>http://example.org/ns/sync/2</sync-token></multistatus>`)
	}))
	defer hs.Close()
	ch, err := newClient(t, hs.URL, "").SyncCollection(context.Background(), "/ab/", "http://example.org/ns/sync/1")
	want := Changes{Token: "http://example.org/ns/sync/2", Updated: []Ref{{Href: "/ab/a.vcf", ETag: "7"}}, More: true}
	if err != nil || !reflect.DeepEqual(ch, want) {
		t.Fatalf("SyncCollection = %+v, %v; want %+v", ch, err, want)
	}
}
