package realdav

import (
	"context"
	"errors"
	"os"
	"testing"
	"time"
)

// Start starts a server of kind for the test, with its state in a new
// temporary directory, and registers a clean-up that stops exactly the
// processes it started and removes that directory. When the server's
// package is not installed the test is skipped, or failed when the
// environment variable CI is "true".
func Start(t testing.TB, kind Kind) *Server {
	t.Helper()
	skipIfMissing(t, kind)
	s, err := StartIn("", kind)
	if err != nil {
		t.Fatalf("start %s: %v", kind, err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("close %s: %v", kind, err)
		}
	})
	return s
}

// skipIfMissing skips t (fails it on CI) when kind's programs are missing.
func skipIfMissing(t testing.TB, kind Kind) {
	t.Helper()
	var me *MissingError
	if err := Check(kind); errors.As(err, &me) {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%v (CI=true: the sync tests need it; make deps-test installs it)", err)
		}
		t.Skipf("%v", err)
	} else if err != nil {
		t.Fatal(err)
	}
}

// Restart stops the server and starts it again on the same port with the
// same state; it fails t on error. For "server gone, edit offline, server
// back" tests, call Stop and later Restart (Restart of a stopped server
// just starts it).
func (s *Server) Restart(t testing.TB) {
	t.Helper()
	if err := s.Stop(); err != nil {
		t.Fatalf("restart: %v", err)
	}
	if err := s.Resume(); err != nil {
		t.Fatalf("restart: %v", err)
	}
}

// BulkLoad puts cards (name → vCard bytes) into the address book with
// Load, failing t on error.
func (s *Server) BulkLoad(t testing.TB, cards map[string][]byte) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	if err := s.Load(ctx, cards); err != nil {
		t.Fatalf("bulk load: %v", err)
	}
}

// BulkLoadInto puts objects (name → vCard or iCalendar object) into the
// collection at url with LoadInto, failing t on error.
func (s *Server) BulkLoadInto(t testing.TB, url string, objs map[string][]byte) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	if err := s.LoadInto(ctx, url, objs); err != nil {
		t.Fatalf("bulk load: %v", err)
	}
}
