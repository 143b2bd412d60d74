package davtest

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/emersion/go-vcard"
)

const href = AddressBookPath + "a.vcf"

// TestConditionalRequests proves PUT honours If-None-Match: * and If-Match,
// DELETE honours If-Match, and a refused request changes nothing.
func TestConditionalRequests(t *testing.T) {
	const current = "$current" // replaced by the stored ETag, quoted
	tests := []struct {
		name       string
		seed       bool
		method     string
		hdr        string
		val        string
		want       int
		wantExists bool
		wantNewTag bool // ETag differs from the seeded one
	}{
		{"create if-none-match * absent", false, http.MethodPut, "If-None-Match", "*", http.StatusCreated, true, true},
		{"create if-none-match * existing", true, http.MethodPut, "If-None-Match", "*", http.StatusPreconditionFailed, true, false},
		{"update if-match current", true, http.MethodPut, "If-Match", current, http.StatusCreated, true, true},
		{"update if-match stale", true, http.MethodPut, "If-Match", `"e999"`, http.StatusPreconditionFailed, true, false},
		{"update if-match absent", false, http.MethodPut, "If-Match", `"e1"`, http.StatusPreconditionFailed, false, false},
		{"update if-match * existing", true, http.MethodPut, "If-Match", "*", http.StatusCreated, true, true},
		{"unconditional put", true, http.MethodPut, "", "", http.StatusCreated, true, true},
		{"delete if-match current", true, http.MethodDelete, "If-Match", current, http.StatusNoContent, false, false},
		{"delete if-match stale", true, http.MethodDelete, "If-Match", `"e999"`, http.StatusPreconditionFailed, true, false},
		{"delete unconditional", true, http.MethodDelete, "", "", http.StatusNoContent, false, false},
		{"delete absent", false, http.MethodDelete, "If-Match", `"e1"`, http.StatusNotFound, false, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := NewCardDAV(t)
			var seeded string
			if tc.seed {
				seeded = s.Put(href, card("a", "Ann"))
			}
			val := tc.val
			if val == current {
				val = strconv.Quote(seeded)
			}
			var hdr []string
			if tc.hdr != "" {
				hdr = []string{tc.hdr, val}
			}
			hdr = append(hdr, "Content-Type", vcard.MIMEType)
			resp, _ := mustDo(t, s, tc.method, href, string(card("a", "Ann Two")), hdr...)
			if resp.StatusCode != tc.want {
				t.Fatalf("status %d, want %d", resp.StatusCode, tc.want)
			}
			obj, exists := s.Objects()[href]
			if exists != tc.wantExists {
				t.Fatalf("exists = %v, want %v", exists, tc.wantExists)
			}
			if exists && (obj.ETag != seeded) != tc.wantNewTag {
				t.Fatalf("ETag %q (seeded %q), want changed = %v", obj.ETag, seeded, tc.wantNewTag)
			}
			if resp.StatusCode == http.StatusCreated && resp.Header.Get("ETag") != strconv.Quote(obj.ETag) {
				t.Fatalf("ETag header %q, stored %q", resp.Header.Get("ETag"), obj.ETag)
			}
			reqs := s.Requests()
			last := reqs[len(reqs)-1]
			gotHdr := map[string]string{"If-Match": last.IfMatch, "If-None-Match": last.IfNoneMatch}[tc.hdr]
			if last.Method != tc.method || last.Path != href || last.Status != tc.want || gotHdr != val {
				t.Fatalf("logged %+v, want %s %s %d with %s %q", last, tc.method, href, tc.want, tc.hdr, val)
			}
		})
	}
}

// TestETagChangesOnEveryWrite proves ETags are strong and change even when
// the content does not, and that a GET serves the stored ETag and data.
func TestETagChangesOnEveryWrite(t *testing.T) {
	s := NewCardDAV(t)
	seen := map[string]bool{}
	for i := 0; i < 3; i++ {
		tag := s.Put(href, card("a", "Ann"))
		if seen[tag] {
			t.Fatalf("write %d reused ETag %q", i, tag)
		}
		seen[tag] = true
	}
	resp, body := mustDo(t, s, http.MethodGet, href, "")
	obj := s.Objects()[href]
	if got := resp.Header.Get("ETag"); got != strconv.Quote(obj.ETag) || strings.HasPrefix(got, "W/") {
		t.Fatalf("GET ETag %q, want strong %q", got, obj.ETag)
	}
	if !strings.Contains(body, "FN:Ann") || !strings.Contains(string(obj.Data), "FN:Ann") {
		t.Fatalf("GET body %q / stored %q lack FN", body, obj.Data)
	}
}

// TestGoWebdavClientPut proves go-webdav's client round-trips a card, that
// its unconditional PUT overwrites, and that conditional headers added by a
// wrapping HTTPClient are enforced (412 surfaces as an error).
func TestGoWebdavClientPut(t *testing.T) {
	s := NewCardDAV(t)
	ctx := context.Background()
	c := davClient(t, s, condClient{next: rawClient()})
	vc, err := vcard.NewDecoder(strings.NewReader(string(card("b", "Bea")))).Decode()
	if err != nil {
		t.Fatal(err)
	}
	const p = AddressBookPath + "b.vcf"
	ao, err := c.PutAddressObject(withCond(ctx, "If-None-Match", "*"), p, vc)
	if err != nil {
		t.Fatalf("create: %v", err)
	}
	if ao.ETag == "" || ao.ETag != s.Objects()[p].ETag {
		t.Fatalf("client ETag %q, server %q", ao.ETag, s.Objects()[p].ETag)
	}
	if _, err := c.PutAddressObject(withCond(ctx, "If-None-Match", "*"), p, vc); err == nil || !strings.Contains(err.Error(), "412") {
		t.Fatalf("second create: err %v, want 412", err)
	}
	if _, err := c.PutAddressObject(withCond(ctx, "If-Match", `"stale"`), p, vc); err == nil || !strings.Contains(err.Error(), "412") {
		t.Fatalf("stale update: err %v, want 412", err)
	}
	got, err := c.GetAddressObject(ctx, p)
	if err != nil || got.ETag != ao.ETag || got.Card.Value(vcard.FieldFormattedName) != "Bea" {
		t.Fatalf("GetAddressObject = %+v, %v", got, err)
	}
}
