package davtest

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-webdav"
	"github.com/emersion/go-webdav/carddav"
)

// card returns a minimal vCard 3.0.
func card(uid, fn string) []byte {
	return []byte(fmt.Sprintf("BEGIN:VCARD\r\nVERSION:3.0\r\nUID:%s\r\nFN:%s\r\nN:%s;;;;\r\nEND:VCARD\r\n", uid, fn, fn))
}

// rawClient is a plain client that never follows redirects and never reuses
// connections (so Go's transport cannot silently retry a dropped request).
func rawClient() *http.Client {
	return &http.Client{
		Timeout:       3 * time.Second,
		Transport:     &http.Transport{DisableKeepAlives: true},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

// do sends one request as alice; hdr alternates header names and values.
func do(t *testing.T, s *Server, method, path, body string, hdr ...string) (*http.Response, error) {
	t.Helper()
	req, err := http.NewRequest(method, s.URL()+path, strings.NewReader(body))
	if err != nil {
		t.Fatalf("new request: %v", err)
	}
	req.SetBasicAuth(Username, Password)
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	return rawClient().Do(req)
}

// mustDo is do that fails the test on a transport error and returns the
// status and body.
func mustDo(t *testing.T, s *Server, method, path, body string, hdr ...string) (*http.Response, string) {
	t.Helper()
	resp, err := do(t, s, method, path, body, hdr...)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s %s: read body: %v", method, path, err)
	}
	return resp, string(b)
}

// davClient returns go-webdav's CardDAV client for s, authenticated.
func davClient(t *testing.T, s *Server, hc webdav.HTTPClient) *carddav.Client {
	t.Helper()
	if hc == nil {
		hc = rawClient()
	}
	c, err := carddav.NewClient(webdav.HTTPClientWithBasicAuth(hc, Username, Password), s.URL()+"/")
	if err != nil {
		t.Fatalf("carddav.NewClient: %v", err)
	}
	return c
}

// condKey carries conditional headers through go-webdav's client.
type condKey struct{}

// condClient adds the headers stored in the request context, the workaround
// DESIGN.md describes for go-webdav's missing If-Match / If-None-Match.
type condClient struct{ next webdav.HTTPClient }

func (c condClient) Do(r *http.Request) (*http.Response, error) {
	if h, ok := r.Context().Value(condKey{}).(http.Header); ok {
		for k, v := range h {
			r.Header[k] = v
		}
	}
	return c.next.Do(r)
}

// withCond returns ctx carrying header k: v for condClient.
func withCond(ctx context.Context, k, v string) context.Context {
	h := http.Header{}
	h.Set(k, v)
	return context.WithValue(ctx, condKey{}, h)
}
