package davhttp

import (
	"context"
	"net/url"
	"testing"
)

// TestHTTPSSetUpNeverSendsThePasswordOverHTTP proves the credential rule of
// an https set-up: any https host may get them (a well-known redirect to
// dav.example.com), plain http never (a downgrade).
func TestHTTPSSetUpNeverSendsThePasswordOverHTTP(t *testing.T) {
	https, err := New(context.Background(), Config{URL: "https://dav.example.test/", Username: "u", Password: "p"}, CalDAV)
	if err != nil {
		t.Fatal(err)
	}
	for raw, want := range map[string]bool{
		"https://dav.example.test:8443/x": true,
		"https://other.example.test/":     true,
		"http://dav.example.test/":        false, // downgrade
		"http://other.example.test/":      false,
	} {
		u, _ := url.Parse(raw)
		if got := https.mayAuthenticate(u); got != want {
			t.Errorf("https set-up, %s: mayAuthenticate = %v; want %v", raw, got, want)
		}
	}
}
