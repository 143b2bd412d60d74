package carddav

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"fieldbook/sync/davtest"
)

var wantBook = AddressBook{Path: book, Name: "Default", Description: "davtest address book"}

// TestDiscoverWellKnown proves discovery from the server root goes through
// the well-known 301 (taken, not followed: no GET on it) to principal,
// home set and the address book with name and description.
func TestDiscoverWellKnown(t *testing.T) {
	s := newServer(t)
	d, err := newClient(t, s.URL(), "").Discover(context.Background())
	if err != nil {
		t.Fatalf("Discover: %v", err)
	}
	want := Discovery{Principal: davtest.PrincipalPath, HomeSet: davtest.HomeSetPath, AddressBooks: []AddressBook{wantBook}}
	if !reflect.DeepEqual(d, want) {
		t.Fatalf("Discover = %+v, want %+v", d, want)
	}
	reqs := s.Requests()
	if reqs[0].Method != "PROPFIND" || reqs[0].Path != "/.well-known/carddav" || reqs[0].Status != http.StatusMovedPermanently {
		t.Fatalf("first request %+v, want PROPFIND well-known answered 301", reqs[0])
	}
	if n := count(reqs, http.MethodGet, "/"); n != 0 {
		t.Fatalf("%d GETs during discovery (a followed redirect?)", n)
	}
}

// TestDiscoverFromURL proves a URL already pointing at the address book,
// the principal or the home set is accepted.
func TestDiscoverFromURL(t *testing.T) {
	tests := []struct {
		name, path string
		want       Discovery
	}{
		{"address book", book, Discovery{Principal: davtest.PrincipalPath, AddressBooks: []AddressBook{wantBook}}},
		{"address book without slash", book[:len(book)-1], Discovery{Principal: davtest.PrincipalPath, AddressBooks: []AddressBook{{Path: book[:len(book)-1], Name: "Default", Description: wantBook.Description}}}},
		{"principal", davtest.PrincipalPath, Discovery{Principal: davtest.PrincipalPath, HomeSet: davtest.HomeSetPath, AddressBooks: []AddressBook{wantBook}}},
		{"home set", davtest.HomeSetPath, Discovery{Principal: davtest.PrincipalPath, HomeSet: davtest.HomeSetPath, AddressBooks: []AddressBook{wantBook}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := newServer(t)
			d, err := newClient(t, s.URL(), tc.path).Discover(context.Background())
			if err != nil {
				t.Fatalf("Discover: %v", err)
			}
			if !reflect.DeepEqual(d, tc.want) {
				t.Fatalf("Discover = %+v, want %+v", d, tc.want)
			}
			if n := count(s.Requests(), "PROPFIND", "/.well-known/"); n != 0 {
				t.Fatalf("well-known asked although the URL was enough")
			}
		})
	}
}

// TestDiscoverWithoutWellKnown proves the fallback to "/" when the server
// has no well-known redirect (404), and that a relative Location works.
func TestDiscoverWithoutWellKnown(t *testing.T) {
	s := newServer(t)
	target, _ := url.Parse(s.URL())
	proxy := httputil.NewSingleHostReverseProxy(target)
	for _, tc := range []struct{ name, location string }{{"404", ""}, {"relative 302", "../"}} {
		t.Run(tc.name, func(t *testing.T) {
			hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path == "/.well-known/carddav" {
					if tc.location == "" {
						http.NotFound(w, r)
					} else {
						w.Header().Set("Location", tc.location)
						w.WriteHeader(http.StatusFound)
					}
					return
				}
				proxy.ServeHTTP(w, r)
			}))
			defer hs.Close()
			d, err := newClient(t, hs.URL, "/").Discover(context.Background())
			if err != nil {
				t.Fatalf("Discover: %v", err)
			}
			if len(d.AddressBooks) != 1 || d.AddressBooks[0].Path != book || d.HomeSet != davtest.HomeSetPath {
				t.Fatalf("Discover = %+v", d)
			}
		})
	}
}

// TestDiscoverOtherOrigin proves an absolute well-known Location on
// another origin is followed by hand, and that the discovered references
// come back as absolute URLs the client can use directly.
func TestDiscoverOtherOrigin(t *testing.T) {
	s := newServer(t)
	front := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, s.URL()+"/", http.StatusMovedPermanently)
	}))
	defer front.Close()
	c := newClient(t, front.URL, "")
	ctx := context.Background()
	d, err := c.Discover(ctx)
	if err != nil {
		t.Fatalf("Discover: %v", err)
	}
	if len(d.AddressBooks) != 1 || d.AddressBooks[0].Path != s.URL()+book || d.Principal != s.URL()+davtest.PrincipalPath {
		t.Fatalf("Discover = %+v", d)
	}
	s.Put("a.vcf", card("a", "Ann"))
	refs, err := c.ListETags(ctx, d.AddressBooks[0].Path)
	if err != nil || len(refs) != 1 || refs[0].Href != s.URL()+book+"a.vcf" {
		t.Fatalf("ListETags = %+v, %v", refs, err)
	}
}

// TestDiscoverRedirectedCollection proves a configured URL that redirects
// (a collection without its trailing slash, served elsewhere) is followed
// by hand as a PROPFIND.
func TestDiscoverRedirectedCollection(t *testing.T) {
	s := newServer(t)
	target, _ := url.Parse(s.URL())
	proxy := httputil.NewSingleHostReverseProxy(target)
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/contacts" {
			w.Header().Set("Location", book)
			w.WriteHeader(http.StatusMovedPermanently)
			return
		}
		proxy.ServeHTTP(w, r)
	}))
	defer hs.Close()
	d, err := newClient(t, hs.URL, "/contacts").Discover(context.Background())
	if err != nil || len(d.AddressBooks) != 1 || d.AddressBooks[0].Path != book {
		t.Fatalf("Discover = %+v, %v", d, err)
	}
	if n := count(s.Requests(), http.MethodGet, "/"); n != 0 {
		t.Fatalf("%d GETs: the redirect was followed as GET", n)
	}
}

// TestCredentialsStayWithTheConfiguredHost proves a redirect to another
// host over plain http gets no password (the https rules are unit-tested
// in sync/davhttp).
func TestCredentialsStayWithTheConfiguredHost(t *testing.T) {
	var sawAuth []string
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sawAuth = append(sawAuth, r.Header.Get("Authorization"))
		w.WriteHeader(http.StatusUnauthorized)
	}))
	defer other.Close()
	port := other.URL[strings.LastIndex(other.URL, ":")+1:]
	front := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// The same machine under another name: a different host to the client.
		http.Redirect(w, r, "http://localhost:"+port+"/", http.StatusMovedPermanently)
	}))
	defer front.Close()
	c := newClient(t, front.URL, "")
	if _, err := c.Discover(context.Background()); err == nil {
		t.Fatal("Discover succeeded against a server that answers 401")
	}
	if len(sawAuth) == 0 {
		t.Fatal("the redirect target was never asked")
	}
	for _, a := range sawAuth {
		if a != "" {
			t.Fatalf("credentials sent to another host over plain http: %q", a)
		}
	}
}
