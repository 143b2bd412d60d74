package importexport

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"fieldbook/backend/contacts"
	"fieldbook/backend/crm"
	"fieldbook/backend/store"
)

// testClock advances a millisecond per call.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(time.Millisecond)
	return c.t
}

// emailMatcher is a small honest Matcher: a contact duplicates another when
// they share an e-mail address (case-insensitive).
type emailMatcher struct{ byEmail map[string]string }

func (m *emailMatcher) Match(f crm.ContactFields) (string, string, bool) {
	for _, e := range f.Emails {
		if id, ok := m.byEmail[strings.ToLower(strings.TrimSpace(e.Value))]; ok {
			return id, "email", true
		}
	}
	return "", "", false
}

func (m *emailMatcher) Add(id string, f crm.ContactFields) {
	for _, e := range f.Emails {
		k := strings.ToLower(strings.TrimSpace(e.Value))
		if _, ok := m.byEmail[k]; !ok {
			m.byEmail[k] = id
		}
	}
}

// emailMatcherFactory loads every live contact's e-mails.
func emailMatcherFactory(ctx context.Context, db *store.DB) (Matcher, error) {
	m := &emailMatcher{byEmail: map[string]string{}}
	err := db.ExportContacts(ctx, nil, func(e store.ExportedContact) error {
		m.Add(e.Contact.ID, e.Contact.ContactFields)
		return nil
	})
	return m, err
}

type env struct {
	db  *store.DB
	svc *contacts.Service
	im  *Importer
}

func newEnv(t testing.TB) env {
	t.Helper()
	clock := &testClock{t: time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)}
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "test.db"), store.WithClock(clock))
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	svc := contacts.New(db, clock)
	return env{db: db, svc: svc, im: NewImporter(db, svc, clock, emailMatcherFactory, nil)}
}

func writeFile(t testing.TB, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// all returns every live contact with card and photo, in name order.
func (e env) all(t testing.TB) []store.ExportedContact {
	t.Helper()
	var out []store.ExportedContact
	if err := e.db.ExportContacts(context.Background(), nil, func(x store.ExportedContact) error {
		out = append(out, x)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

func (e env) importFile(t testing.TB, path string, opts Options) Report {
	t.Helper()
	rep, err := e.im.Import(context.Background(), path, opts, nil)
	if err != nil {
		t.Fatalf("import %s: %v", filepath.Base(path), err)
	}
	return rep
}

func byName(cs []store.ExportedContact, name string) (store.ExportedContact, bool) {
	for _, c := range cs {
		if c.Contact.DisplayName() == name {
			return c, true
		}
	}
	return store.ExportedContact{}, false
}
