package engine_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fieldbook/backend/contacts"
	"fieldbook/backend/crm"
	"fieldbook/backend/store"
	"fieldbook/sync/carddav"
	"fieldbook/sync/davtest"
	"fieldbook/sync/engine"
)

// side is one Fieldbook device: its own database, syncing with a server.
type side struct {
	t       testing.TB
	db      *store.DB
	svc     *contacts.Service
	eng     *engine.Engine[crm.ContactFields]
	remote  *carddav.Remote
	account string
}

// newSide opens a fresh database with one account on the server at url,
// whose address book at path is the default for new contacts.
func newSide(t testing.TB, url, user, pass, path string, opts ...engine.Option) *side {
	t.Helper()
	return openSide(t, filepath.Join(t.TempDir(), "fieldbook.db"), url, user, pass, path, opts...)
}

// openSide opens the database file dbPath (adding the account on first use)
// as a side syncing the address book at path of the server at url.
func openSide(t testing.TB, dbPath, url, user, pass, path string, opts ...engine.Option) *side {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, dbPath)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	accounts, err := db.Accounts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(accounts) == 0 {
		now := time.Now()
		acc := crm.Account{ID: crm.NewID(now), Name: "server", URL: url, Username: user, CreatedAt: now,
			Collections: []crm.Collection{{ID: crm.NewID(now), Href: path, Name: "Contacts", Enabled: true, Default: true}}}
		if err := db.CreateAccount(ctx, acc); err != nil {
			t.Fatal(err)
		}
		accounts = []crm.Account{acc}
	}
	client, err := carddav.New(ctx, carddav.Config{URL: url, Username: user, Password: pass})
	if err != nil {
		t.Fatal(err)
	}
	return &side{t: t, db: db, svc: contacts.New(db, crm.SystemClock{}), remote: client.Remote(path),
		eng: engine.New(carddav.Schema(), db, carddav.Codec{}, opts...), account: accounts[0].ID}
}

// newFakeSide is a side syncing with a davtest server.
func newFakeSide(t testing.TB, srv *davtest.Server, opts ...engine.Option) *side {
	return newSide(t, srv.URL(), davtest.Username, davtest.Password, davtest.AddressBookPath, opts...)
}

func (s *side) collection() crm.Collection {
	s.t.Helper()
	a, err := s.db.Account(context.Background(), s.account)
	if err != nil {
		s.t.Fatal(err)
	}
	return a.Collections[0]
}

// trySync runs one sync of the side's collection.
func (s *side) trySync() (engine.Result, error) {
	return s.eng.Sync(context.Background(), s.collection(), s.remote)
}

// sync runs one sync that must succeed.
func (s *side) sync() engine.Result {
	s.t.Helper()
	res, err := s.trySync()
	if err != nil {
		s.t.Fatalf("sync: %v", err)
	}
	return res
}

func (s *side) create(f crm.ContactFields) crm.Contact {
	s.t.Helper()
	c, err := s.svc.Create(context.Background(), f)
	if err != nil {
		s.t.Fatal(err)
	}
	return c
}

func (s *side) edit(id string, change func(*crm.ContactFields)) crm.Contact {
	s.t.Helper()
	c, err := s.svc.Get(context.Background(), id)
	if err != nil {
		s.t.Fatal(err)
	}
	f := c.ContactFields
	change(&f)
	c, err = s.svc.Update(context.Background(), id, c.Version, f)
	if err != nil {
		s.t.Fatal(err)
	}
	return c
}

func (s *side) remove(id string) {
	s.t.Helper()
	if _, err := s.svc.Delete(context.Background(), id); err != nil {
		s.t.Fatal(err)
	}
}

func (s *side) get(id string) crm.Contact {
	s.t.Helper()
	c, err := s.db.GetContact(context.Background(), id)
	if err != nil {
		s.t.Fatal(err)
	}
	return c
}

// live returns every live contact keyed by the UID of its server object
// ("local:<id>" for a contact never uploaded).
func (s *side) live() map[string]crm.Contact {
	s.t.Helper()
	ctx := context.Background()
	page, err := s.db.ListContacts(ctx, 0, 1_000_000)
	if err != nil {
		s.t.Fatal(err)
	}
	out := map[string]crm.Contact{}
	for _, c := range page.Items {
		key := "local:" + c.ID
		if l, err := s.db.LinkOf(ctx, c.ID); err != nil {
			s.t.Fatal(err)
		} else if l != nil {
			key = l.UID
		}
		if _, dup := out[key]; dup {
			s.t.Fatalf("two live contacts carry UID %s", key)
		}
		out[key] = c
	}
	return out
}

// byName finds the one live contact with the given name.
func (s *side) byName(given, family string) crm.Contact {
	s.t.Helper()
	var found []crm.Contact
	for _, c := range s.live() {
		if c.GivenName == given && c.FamilyName == family {
			found = append(found, c)
		}
	}
	if len(found) != 1 {
		s.t.Fatalf("%d live contacts named %s %s; want 1", len(found), given, family)
	}
	return found[0]
}

func (s *side) pending() int {
	s.t.Helper()
	n, err := s.db.PendingChanges(context.Background())
	if err != nil {
		s.t.Fatal(err)
	}
	return n
}

func (s *side) conflicts() []crm.Conflict {
	s.t.Helper()
	cs, err := s.db.Conflicts(context.Background())
	if err != nil {
		s.t.Fatal(err)
	}
	return cs
}

// serverUIDs counts the server's objects per UID (a duplicate shows as 2).
func serverUIDs(t testing.TB, objs map[string]davtest.Object) map[string]int {
	t.Helper()
	out := map[string]int{}
	for href, o := range objs {
		f, uid, err := carddav.Codec{}.Decode(o.Data)
		if err != nil {
			t.Fatalf("server object %s: %v", href, err)
		}
		_ = f
		out[uid]++
	}
	return out
}

// card builds a small vCard 3.0 for server-side fixtures.
func card(uid, given, family string, extra ...string) []byte {
	lines := []string{"BEGIN:VCARD", "VERSION:3.0", "UID:" + uid, "FN:" + given + " " + family,
		"N:" + family + ";" + given + ";;;"}
	lines = append(lines, extra...)
	lines = append(lines, "END:VCARD", "")
	return []byte(strings.Join(lines, "\r\n"))
}
