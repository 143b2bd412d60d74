package davtest

import (
	"context"
	"net/http"
	"testing"
)

// TestWellKnownRedirect proves /.well-known/carddav answers 301 to "/" for
// GET and PROPFIND (taken without following, as Go's client would turn the
// PROPFIND into a GET), without credentials, like Radicale.
func TestWellKnownRedirect(t *testing.T) {
	s := NewCardDAV(t)
	for _, method := range []string{http.MethodGet, "PROPFIND"} {
		t.Run(method, func(t *testing.T) {
			req, err := http.NewRequest(method, s.URL()+"/.well-known/carddav", nil)
			if err != nil {
				t.Fatal(err)
			}
			resp, err := rawClient().Do(req)
			if err != nil {
				t.Fatalf("request: %v", err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != "/" {
				t.Fatalf("got %d Location %q, want 301 to /", resp.StatusCode, resp.Header.Get("Location"))
			}
		})
	}
}

// TestDiscoveryWithGoWebdav proves the redirect target leads go-webdav's
// client to principal, home set and the one address book.
func TestDiscoveryWithGoWebdav(t *testing.T) {
	s := NewCardDAV(t)
	ctx := context.Background()
	c := davClient(t, s, nil)
	principal, err := c.FindCurrentUserPrincipal(ctx)
	if err != nil || principal != PrincipalPath {
		t.Fatalf("FindCurrentUserPrincipal = %q, %v; want %q", principal, err, PrincipalPath)
	}
	home, err := c.FindAddressBookHomeSet(ctx, principal)
	if err != nil || home != HomeSetPath {
		t.Fatalf("FindAddressBookHomeSet = %q, %v; want %q", home, err, HomeSetPath)
	}
	books, err := c.FindAddressBooks(ctx, home)
	if err != nil {
		t.Fatalf("FindAddressBooks: %v", err)
	}
	if len(books) != 1 || books[0].Path != AddressBookPath {
		t.Fatalf("FindAddressBooks = %+v, want one at %s", books, AddressBookPath)
	}
}
