package store

import (
	"context"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"fieldbook/backend/crm"
)

// fixedClock returns a settable time, advancing by a millisecond per call so
// successive changes have distinct timestamps.
type fixedClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fixedClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(time.Millisecond)
	return c.t
}

func openTestDB(t testing.TB) (*DB, *fixedClock) {
	t.Helper()
	clock := &fixedClock{t: time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)}
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "test.db"), WithClock(clock))
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db, clock
}

func newContact(clock crm.Clock, f crm.ContactFields) crm.Contact {
	now := clock.Now()
	return crm.Contact{ID: crm.NewID(now), ContactFields: f, Version: 1, CreatedAt: now, UpdatedAt: now}
}

func mustCreate(t testing.TB, db *DB, clock crm.Clock, f crm.ContactFields) crm.Contact {
	t.Helper()
	c := newContact(clock, f)
	if err := db.CreateContact(context.Background(), c); err != nil {
		t.Fatalf("create %+v: %v", f, err)
	}
	return c
}

func names(cs []crm.Contact) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.DisplayName()
	}
	return out
}
