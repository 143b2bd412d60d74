package duplicates_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"fieldbook/backend/contacts"
	"fieldbook/backend/crm"
	"fieldbook/backend/duplicates"
	"fieldbook/backend/store"
)

// countingStore counts full reads of the contacts.
type countingStore struct {
	*store.DB
	reads int
}

func (c *countingStore) EachMatchRecord(ctx context.Context, fn func(string, crm.ContactFields) error) error {
	c.reads++
	return c.DB.EachMatchRecord(ctx, fn)
}

func TestFindKeepsItsResultUntilAContactChanges(t *testing.T) {
	ctx := context.Background()
	clock := &tickClock{t: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "t.db"), store.WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	people := contacts.New(db, clock)
	a, err := people.Create(ctx, crm.ContactFields{GivenName: "Ann", FamilyName: "Lee", Emails: []crm.LabeledValue{{Value: "ann@example.com"}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := people.Create(ctx, crm.ContactFields{GivenName: "A.", FamilyName: "Lee", Emails: []crm.LabeledValue{{Value: "ANN@example.com"}}}); err != nil {
		t.Fatal(err)
	}
	st := &countingStore{DB: db}
	svc := duplicates.New(st, func() string { return "DE" })
	find := func() int {
		t.Helper()
		ps, err := svc.Find(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return len(ps)
	}
	if n := find(); n != 1 {
		t.Fatalf("pairs = %d, want 1", n)
	}
	if n := find(); n != 1 || st.reads != 1 {
		t.Fatalf("second find: %d pairs after %d reads; want 1 pair from the kept result (1 read)", n, st.reads)
	}
	// A change to a contact makes the next Find read again.
	if _, err := people.Update(ctx, a.ID, a.Version, crm.ContactFields{GivenName: "Ann", FamilyName: "Lee",
		Emails: []crm.LabeledValue{{Value: "ann.lee@other.example"}}}); err != nil {
		t.Fatal(err)
	}
	if n := find(); n != 0 || st.reads != 2 {
		t.Fatalf("after the edit: %d pairs after %d reads; want 0 pairs from a fresh read (2 reads)", n, st.reads)
	}
	// So does deleting one.
	if _, err := people.Delete(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	find()
	if st.reads != 3 {
		t.Fatalf("after a delete: %d reads, want 3", st.reads)
	}
}
