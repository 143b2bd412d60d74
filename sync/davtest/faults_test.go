package davtest

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-vcard"
)

// TestFaults proves each fault kind is observed by a plain client as it
// should be, and whether the write reached the server.
func TestFaults(t *testing.T) {
	const newHref = AddressBookPath + "new.vcf"
	tests := []struct {
		name       string
		rule       FaultRule
		method     string
		path       string
		wantErr    bool // transport error instead of a response
		wantStatus int
		wantStored bool // newHref exists afterwards (PUT cases)
		check      func(t *testing.T, resp *http.Response, elapsed time.Duration)
	}{
		{name: "drop before", rule: FaultRule{Method: "PUT", Kind: FaultDropBefore},
			method: "PUT", path: newHref, wantErr: true, wantStored: false},
		{name: "drop after apply", rule: FaultRule{Method: "PUT", Kind: FaultDropAfter},
			method: "PUT", path: newHref, wantErr: true, wantStored: true},
		{name: "500", rule: FaultRule{Kind: FaultStatus500},
			method: "PUT", path: newHref, wantStatus: http.StatusInternalServerError},
		{name: "503", rule: FaultRule{PathPrefix: AddressBookPath, Kind: FaultUnavailable},
			method: "PUT", path: newHref, wantStatus: http.StatusServiceUnavailable,
			check: func(t *testing.T, resp *http.Response, _ time.Duration) {
				if resp.Header.Get("Retry-After") != "2" {
					t.Fatalf("Retry-After %q", resp.Header.Get("Retry-After"))
				}
			}},
		{name: "412", rule: FaultRule{Method: "PUT", Kind: FaultPrecondition},
			method: "PUT", path: newHref, wantStatus: http.StatusPreconditionFailed},
		{name: "delay", rule: FaultRule{Method: "PUT", Kind: FaultDelay, Delay: 150 * time.Millisecond},
			method: "PUT", path: newHref, wantStatus: http.StatusCreated, wantStored: true,
			check: func(t *testing.T, _ *http.Response, elapsed time.Duration) {
				if elapsed < 150*time.Millisecond {
					t.Fatalf("answered after %v", elapsed)
				}
			}},
		{name: "truncate", rule: FaultRule{Method: "GET", Kind: FaultTruncate, TruncateAfter: 10},
			method: "GET", path: AddressBookPath + "seed.vcf", wantStatus: http.StatusOK,
			check: func(t *testing.T, resp *http.Response, _ time.Duration) {
				b, err := io.ReadAll(resp.Body)
				if !errors.Is(err, io.ErrUnexpectedEOF) || len(b) != 10 {
					t.Fatalf("read %d bytes, err %v; want 10 and unexpected EOF", len(b), err)
				}
			}},
		{name: "rule for other method", rule: FaultRule{Method: "DELETE", Kind: FaultStatus500},
			method: "PUT", path: newHref, wantStatus: http.StatusCreated, wantStored: true},
		{name: "rule for other path", rule: FaultRule{PathPrefix: "/bob/", Kind: FaultStatus500},
			method: "PUT", path: newHref, wantStatus: http.StatusCreated, wantStored: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := NewCardDAV(t, WithObject("seed.vcf", card("seed", "Seed")))
			s.Fail(tc.rule)
			start := time.Now()
			resp, err := do(t, s, tc.method, tc.path, string(card("new", "New")),
				"Content-Type", vcard.MIMEType, "If-None-Match", "*")
			elapsed := time.Since(start)
			if tc.wantErr {
				if err == nil {
					resp.Body.Close()
					t.Fatalf("got status %d, want a transport error", resp.StatusCode)
				}
			} else {
				if err != nil {
					t.Fatalf("transport error %v, want status %d", err, tc.wantStatus)
				}
				defer resp.Body.Close()
				if resp.StatusCode != tc.wantStatus {
					t.Fatalf("status %d, want %d", resp.StatusCode, tc.wantStatus)
				}
			}
			if tc.check != nil {
				tc.check(t, resp, elapsed)
			}
			if tc.method == "PUT" {
				if _, ok := s.Objects()[newHref]; ok != tc.wantStored {
					t.Fatalf("stored = %v, want %v", ok, tc.wantStored)
				}
			}
			reqs := s.Requests()
			last := reqs[len(reqs)-1]
			if tc.wantErr && (last.Status != 0 || last.Fault != tc.rule.Kind) {
				t.Fatalf("logged %+v, want status 0 and fault %v", last, tc.rule.Kind)
			}
		})
	}
}

// TestDropAfterApplyThenRetry shows why FaultDropAfter matters: the client
// saw an error, but a retry of the same conditional create finds the object
// already there (412), never a duplicate.
func TestDropAfterApplyThenRetry(t *testing.T) {
	s := NewCardDAV(t)
	s.Fail(FaultRule{Method: "PUT", Kind: FaultDropAfter, Times: 1})
	ctx := context.Background()
	c := davClient(t, s, condClient{next: rawClient()})
	vc, err := vcard.NewDecoder(strings.NewReader(string(card("x", "Xi")))).Decode()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.PutAddressObject(withCond(ctx, "If-None-Match", "*"), href, vc); err == nil {
		t.Fatal("go-webdav PUT succeeded through a dropped connection")
	}
	if _, ok := s.Objects()[href]; !ok {
		t.Fatal("object not stored although the handler ran")
	}
	_, err = c.PutAddressObject(withCond(ctx, "If-None-Match", "*"), href, vc)
	if err == nil || !strings.Contains(err.Error(), "412") {
		t.Fatalf("retry: err %v, want 412", err)
	}
	if n := len(s.Objects()); n != 1 {
		t.Fatalf("%d objects, want 1", n)
	}
}

// TestFaultTimes proves a rule fires exactly Times times, then requests are
// served normally, and that Times 0 fires always until ClearFaults.
func TestFaultTimes(t *testing.T) {
	s := NewCardDAV(t, WithObject("a.vcf", card("a", "Ann")))
	s.Fail(FaultRule{Method: "GET", Kind: FaultUnavailable, Times: 2})
	var got []int
	for i := 0; i < 3; i++ {
		resp, _ := mustDo(t, s, http.MethodGet, href, "")
		got = append(got, resp.StatusCode)
	}
	if got[0] != 503 || got[1] != 503 || got[2] != 200 {
		t.Fatalf("statuses %v, want 503 503 200", got)
	}
	s.Fail(FaultRule{Kind: FaultStatus500})
	for i := 0; i < 2; i++ {
		if resp, _ := mustDo(t, s, http.MethodGet, href, ""); resp.StatusCode != 500 {
			t.Fatalf("always-rule: status %d", resp.StatusCode)
		}
	}
	s.ClearFaults()
	if resp, _ := mustDo(t, s, http.MethodGet, href, ""); resp.StatusCode != 200 {
		t.Fatalf("after ClearFaults: status %d", resp.StatusCode)
	}
}

// TestTruncateWithGoWebdav proves a truncated multistatus fails go-webdav's
// client instead of yielding a partial result.
func TestTruncateWithGoWebdav(t *testing.T) {
	s := NewCardDAV(t, WithObject("a.vcf", card("a", "Ann")))
	s.Fail(FaultRule{Method: "PROPFIND", Kind: FaultTruncate, TruncateAfter: 40})
	if _, err := davClient(t, s, nil).FindAddressBooks(context.Background(), HomeSetPath); err == nil {
		t.Fatal("FindAddressBooks succeeded on a truncated response")
	}
}
