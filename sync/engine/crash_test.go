package engine_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"fieldbook/backend/contacts"
	"fieldbook/backend/crm"
	"fieldbook/backend/store"
	"fieldbook/sync/carddav"
	"fieldbook/sync/davtest"
	"fieldbook/sync/engine"
)

// Environment of the crash test's child process (see TestMain).
const (
	envCrashDB  = "FIELDBOOK_CRASH_CHILD_DB"
	envCrashURL = "FIELDBOOK_CRASH_CHILD_URL"
)

// TestMain lets the test binary act as the process the crash test kills:
// with envCrashDB set it runs one sync of that database and exits.
func TestMain(m *testing.M) {
	if db := os.Getenv(envCrashDB); db != "" {
		if err := childSync(db, os.Getenv(envCrashURL)); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func childSync(path, url string) error {
	ctx := context.Background()
	db, err := store.Open(ctx, path)
	if err != nil {
		return err
	}
	defer db.Close()
	accounts, err := db.Accounts(ctx)
	if err != nil || len(accounts) != 1 {
		return fmt.Errorf("accounts: %v (%d)", err, len(accounts))
	}
	client, err := carddav.New(ctx, carddav.Config{URL: url, Username: davtest.Username, Password: davtest.Password})
	if err != nil {
		return err
	}
	coll := accounts[0].Collections[0]
	_, err = engine.New(carddav.Schema(), db, carddav.Codec{}, engine.WithChunk(7)).Sync(ctx, coll, client.Remote(coll.Href))
	return err
}

// TestKill9AnywhereLosesNothing kills a syncing process with SIGKILL at
// random moments, over and over, while both sides keep changing; then
// syncs to the end. Nothing typed is lost, nothing is duplicated, and the
// database passes PRAGMA integrity_check.
func TestKill9AnywhereLosesNothing(t *testing.T) {
	const rounds = 25
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv("FIELDBOOK_CRASH_SEED"); s != "" {
		fmt.Sscan(s, &seed)
	}
	t.Logf("seed %d (FIELDBOOK_CRASH_SEED replays it)", seed)
	r := rand.New(rand.NewPCG(seed, 9))
	srv := davtest.NewCardDAV(t)
	for i := range 40 {
		srv.Put(fmt.Sprintf("s%02d.vcf", i), card(fmt.Sprintf("srv-%02d", i), fmt.Sprintf("Server%02d", i), "Remote"))
	}
	srv.Fail(davtest.FaultRule{Kind: davtest.FaultDelay, Delay: 3 * time.Millisecond}) // widen the windows
	path := filepath.Join(t.TempDir(), "fieldbook.db")
	setup := newSideAt(t, path, srv)
	setup.db.Close()

	wantNotes := map[string]string{}  // contact ID -> last notes typed here
	wantTitles := map[string]string{} // server UID -> last title set on the server
	deleted := map[string]bool{}      // contact IDs deleted here
	kills := 0
	for round := range rounds {
		ctx := context.Background()
		db, err := store.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		svc := contacts.New(db, crm.SystemClock{})
		for i := range 3 {
			c, err := svc.Create(ctx, crm.ContactFields{GivenName: fmt.Sprintf("Local%d-%d", round, i), FamilyName: "Here"})
			if err != nil {
				t.Fatal(err)
			}
			wantNotes[c.ID] = ""
		}
		page, err := db.ListContacts(ctx, 0, 10_000)
		if err != nil {
			t.Fatal(err)
		}
		for range 3 {
			c := page.Items[r.IntN(len(page.Items))]
			note := fmt.Sprintf("note %d", round)
			if _, err := svc.Update(ctx, c.ID, c.Version, withNotes(c.ContactFields, note)); err == nil {
				wantNotes[c.ID] = note
			}
		}
		if r.IntN(3) == 0 {
			c := page.Items[r.IntN(len(page.Items))]
			if _, err := svc.Delete(ctx, c.ID); err == nil {
				deleted[c.ID] = true
			}
		}
		db.Close()
		// A colleague edits a server card meanwhile (title only).
		uid := fmt.Sprintf("srv-%02d", r.IntN(40))
		if href := hrefOfUID(t, srv, uid); href != "" {
			// Only the title changes: the colleague's client keeps the rest.
			title := fmt.Sprintf("title %d", round)
			data := srv.Objects()[href].Data
			f, _, err := carddav.Codec{}.Decode(data)
			if err != nil {
				t.Fatal(err)
			}
			f.Title = title
			patched, err := carddav.Codec{}.Patch(data, f)
			if err != nil {
				t.Fatal(err)
			}
			srv.Put(href, patched)
			wantTitles[uid] = title
		}

		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), envCrashDB+"="+path, envCrashURL+"="+srv.URL())
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(r.IntN(120)) * time.Millisecond)
		if err := cmd.Process.Kill(); err == nil {
			kills++
		}
		_ = cmd.Wait()
	}
	t.Logf("%d rounds, %d kills", rounds, kills)

	s := newSideAt(t, path, srv)
	if err := s.db.IntegrityCheck(t.Context()); err != nil {
		t.Fatalf("after the kills: %v", err)
	}
	srv.ClearFaults()
	s.sync()
	s.sync()
	if n := s.pending(); n != 0 {
		t.Errorf("outbox holds %d after the final syncs", n)
	}
	live := s.live()
	server := serverUIDs(t, srv.Objects())
	for uid, n := range server {
		if n != 1 {
			t.Errorf("UID %s is on the server %d times", uid, n)
		}
		if _, ok := live[uid]; !ok {
			t.Errorf("UID %s is on the server but not here", uid)
		}
	}
	// Every name in this test is unique: two contacts with one name are a
	// duplicate made by a repeated upload.
	names := map[string]string{}
	for uid, c := range live {
		if other, dup := names[c.DisplayName()]; dup {
			t.Errorf("duplicate: %q is both %s and %s", c.DisplayName(), other, uid)
		}
		names[c.DisplayName()] = uid
	}
	byID := map[string]crm.Contact{}
	for uid, c := range live {
		byID[c.ID] = c
		if server[uid] != 1 {
			t.Errorf("%s (%s) is here but not on the server", uid, c.DisplayName())
		}
	}
	for id, note := range wantNotes {
		if deleted[id] {
			continue
		}
		c, ok := byID[id]
		if !ok {
			t.Errorf("contact %s was lost", id)
			continue
		}
		if c.Notes != note {
			t.Errorf("contact %s notes = %q; want %q", id, c.Notes, note)
		}
	}
	for uid, title := range wantTitles {
		if c, ok := live[uid]; ok && c.Title != title {
			t.Errorf("server edit lost: %s title %q; want %q", uid, c.Title, title)
		}
	}
	if err := s.db.IntegrityCheck(t.Context()); err != nil {
		t.Error(err)
	}
}

func withNotes(f crm.ContactFields, n string) crm.ContactFields {
	f.Notes = n
	return f
}

// hrefOfUID finds the server object carrying uid.
func hrefOfUID(t *testing.T, srv *davtest.Server, uid string) string {
	objs := srv.Objects()
	hrefs := slices.Sorted(func(yield func(string) bool) {
		for h := range objs {
			if !yield(h) {
				return
			}
		}
	})
	for _, h := range hrefs {
		if _, u, err := (carddav.Codec{}).Decode(objs[h].Data); err == nil && u == uid {
			return h
		}
	}
	return ""
}

// newSideAt opens the database at path as a side of srv.
func newSideAt(t *testing.T, path string, srv *davtest.Server) *side {
	t.Helper()
	return openSide(t, path, srv.URL(), davtest.Username, davtest.Password, davtest.AddressBookPath)
}
