package davtest

import (
	"bytes"
	"context"
	"crypto/subtle"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-webdav/caldav"
	"github.com/emersion/go-webdav/carddav"
)

// Server is an in-memory CardDAV or CalDAV server on 127.0.0.1 for one test.
type Server struct {
	t      testing.TB
	fl     flavour
	hs     *httptest.Server
	store  *store
	faults *faultSet
	log    *requestLog
	dav    http.Handler
	user   string
	pass   string
}

// Option configures NewCardDAV and NewCalDAV.
type Option func(*Server)

// WithCredentials replaces the accepted Basic auth credentials
// (default Username / Password).
func WithCredentials(user, pass string) Option {
	return func(s *Server) { s.user, s.pass = user, pass }
}

// WithObject seeds the collection with the object data at href (see
// Server.Put).
func WithObject(href string, data []byte) Option {
	return func(s *Server) { s.Put(href, data) }
}

// NewCardDAV starts an in-memory CardDAV server and closes it with
// t.Cleanup. Layout: principal PrincipalPath, home set HomeSetPath, one
// address book AddressBookPath; /.well-known/carddav answers 301 to "/".
func NewCardDAV(t testing.TB, opts ...Option) *Server {
	t.Helper()
	s := newServer(t, cardFlavour())
	s.dav = &extHandler{store: s.store, fl: s.fl, next: &carddav.Handler{Backend: &backend{store: s.store}}}
	return s.start(opts)
}

// NewCalDAV starts an in-memory CalDAV server and closes it with
// t.Cleanup. Layout: principal PrincipalPath, calendar-home-set
// CalendarHomeSetPath, one calendar CalendarPath for meetings and tasks
// (displayname CalendarName, calendar-color CalendarColor);
// /.well-known/caldav answers 301 to "/". Faults, the request log, the
// change markers and sync-collection work as for NewCardDAV.
func NewCalDAV(t testing.TB, opts ...Option) *Server {
	t.Helper()
	s := newServer(t, calFlavour())
	s.dav = &extHandler{store: s.store, fl: s.fl, next: &caldav.Handler{Backend: &calBackend{store: s.store, fl: s.fl}}}
	return s.start(opts)
}

func newServer(t testing.TB, fl flavour) *Server {
	return &Server{t: t, fl: fl, store: newStore(), faults: &faultSet{}, log: &requestLog{}, user: Username, pass: Password}
}

// start applies opts and starts listening.
func (s *Server) start(opts []Option) *Server {
	for _, o := range opts {
		o(s)
	}
	s.hs = httptest.NewServer(s) // listens on 127.0.0.1
	s.t.Cleanup(s.hs.Close)
	return s
}

// URL returns the server's base URL, e.g. "http://127.0.0.1:1234".
func (s *Server) URL() string { return s.hs.URL }

// Fail adds a fault rule; see FaultRule for matching.
func (s *Server) Fail(rule FaultRule) { s.faults.add(rule) }

// ClearFaults removes all fault rules.
func (s *Server) ClearFaults() { s.faults.clear() }

// Requests returns every request received so far, in arrival order.
func (s *Server) Requests() []Request { return s.log.snapshot() }

// Objects returns the collection's contents keyed by href.
func (s *Server) Objects() map[string]Object {
	objs, _ := s.store.list()
	out := make(map[string]Object, len(objs))
	for h, e := range objs {
		out[h] = Object{ETag: e.etag, Data: bytes.Clone(e.data)}
	}
	return out
}

// Put stores data (a vCard, or an iCalendar object for NewCalDAV) at href
// unconditionally, as another client would, and returns the new ETag
// (unquoted). A relative href is taken inside the collection. An
// unparsable object fails the test.
func (s *Server) Put(href string, data []byte) (etag string) {
	s.t.Helper()
	obj, stored, err := s.fl.decode(data)
	if err != nil {
		s.t.Fatalf("davtest: Put %s: %v", href, err)
	}
	etag, err = s.store.put(s.absHref(href), obj, stored, "", "")
	if err != nil {
		s.t.Fatalf("davtest: Put %s: %v", href, err)
	}
	return etag
}

// Delete removes href, as another client would. A missing href fails the
// test.
func (s *Server) Delete(href string) {
	s.t.Helper()
	if err := s.store.remove(s.absHref(href), ""); err != nil {
		s.t.Fatalf("davtest: Delete %s: %v", href, err)
	}
}

// SyncToken returns the collection's current sync token (also its getctag).
func (s *Server) SyncToken() string { return syncToken(s.store.counter()) }

// absHref resolves a relative href inside the collection.
func (s *Server) absHref(href string) string {
	if strings.HasPrefix(href, "/") {
		return href
	}
	return s.fl.collection + href
}

// ServeHTTP logs the request, injects a matching fault, and otherwise
// serves it through auth and the DAV handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rule, faulty := s.faults.take(r.Method, r.URL.Path)
	entry := Request{
		Method:      r.Method,
		Path:        r.URL.Path,
		IfMatch:     r.Header.Get("If-Match"),
		IfNoneMatch: r.Header.Get("If-None-Match"),
	}
	if faulty {
		entry.Fault = rule.Kind
	}
	sw := &statusWriter{ResponseWriter: w, log: s.log, index: s.log.add(entry)}
	if !faulty {
		s.serve(sw, r)
		return
	}
	switch rule.Kind {
	case FaultDropBefore:
		s.check(dropConnection(w))
	case FaultDropAfter:
		s.serve(httptest.NewRecorder(), r)
		s.check(dropConnection(w))
	case FaultStatus500:
		http.Error(sw, "davtest: injected failure", http.StatusInternalServerError)
	case FaultUnavailable:
		sw.Header().Set("Retry-After", "2")
		http.Error(sw, "davtest: injected unavailability", http.StatusServiceUnavailable)
	case FaultPrecondition:
		http.Error(sw, "davtest: injected precondition failure", http.StatusPreconditionFailed)
	case FaultDelay:
		select {
		case <-time.After(rule.Delay):
			s.serve(sw, r)
		case <-r.Context().Done():
		}
	case FaultTruncate:
		rec := httptest.NewRecorder()
		s.serve(rec, r)
		s.log.setStatus(sw.index, rec.Code)
		s.check(writeTruncated(w, rec, rule.TruncateAfter))
	default:
		s.serve(sw, r)
	}
}

// serve answers the well-known redirect, enforces Basic auth and hands the
// request to the DAV handler with If-Match in the context.
func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	if p := strings.TrimSuffix(r.URL.Path, "/"); p == s.fl.wellKnown {
		http.Redirect(w, r, "/", http.StatusMovedPermanently) // like Radicale
		return
	}
	user, pass, ok := r.BasicAuth()
	if !ok || subtle.ConstantTimeCompare([]byte(user), []byte(s.user)) != 1 ||
		subtle.ConstantTimeCompare([]byte(pass), []byte(s.pass)) != 1 {
		w.Header().Set("WWW-Authenticate", `Basic realm="davtest"`)
		http.Error(w, "davtest: authentication required", http.StatusUnauthorized)
		return
	}
	ctx := context.WithValue(r.Context(), ifMatchKey{}, r.Header.Get("If-Match"))
	s.dav.ServeHTTP(w, r.WithContext(ctx))
}

// check reports a server-side fault-injection error without stopping the
// test from the server goroutine.
func (s *Server) check(err error) {
	if err != nil {
		s.t.Errorf("davtest: %v", err)
	}
}
