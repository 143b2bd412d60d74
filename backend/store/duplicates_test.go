package store

import (
	"context"
	"reflect"
	"slices"
	"testing"

	"fieldbook/backend/crm"
)

func journalOps(t *testing.T, db *DB, id string) []string {
	t.Helper()
	es, err := db.JournalFor(context.Background(), crm.EntityContact, id)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Op)
	}
	return out
}

func photoOwner(t *testing.T, db *DB) string {
	t.Helper()
	var id string
	if err := db.db.QueryRow(`SELECT contact_id FROM contact_photos`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	return id
}

func TestMergeAndUndo(t *testing.T) {
	ctx := context.Background()
	db, clock := openTestDB(t)
	keep := mustCreate(t, db, clock, crm.ContactFields{GivenName: "Robert", FamilyName: "Smith", Company: "Acme",
		Emails: []crm.LabeledValue{{Label: "work", Value: "bob@acme.test"}}, Tags: []string{"vip"}})
	other := mustCreate(t, db, clock, crm.ContactFields{GivenName: "Bob", FamilyName: "Smith", Company: "Acme", Title: "CEO",
		Phones: []crm.LabeledValue{{Label: "mobile", Value: "+1 202 555 0100"}}, Custom: map[string]string{"f": "x"}})
	if _, err := db.db.Exec(`INSERT INTO contact_photos (contact_id, media_type, data, updated_at) VALUES (?, 'image/png', x'89504e47', '2026-01-01T00:00:00.000Z')`, other.ID); err != nil {
		t.Fatal(err)
	}
	keep, _ = db.GetContact(ctx, keep.ID)
	other, _ = db.GetContact(ctx, other.ID)

	merged := keep.ContactFields
	merged.Title = "CEO"
	merged.Phones = other.Phones
	merged.Notes = "Given name (merged): Bob"
	m, err := db.MergeContacts(ctx, keep, other, merged)
	if err != nil {
		t.Fatalf("merge: %v", err)
	}
	gotKeep, _ := db.GetContact(ctx, keep.ID)
	gotOther, _ := db.GetContact(ctx, other.ID)
	if gotKeep.Version != keep.Version+1 || gotKeep.Title != "CEO" || len(gotKeep.Phones) != 1 {
		t.Errorf("survivor after merge: %+v", gotKeep)
	}
	if gotOther.DeletedAt == nil || gotOther.Version != other.Version+1 {
		t.Errorf("merged-away contact should be tombstoned: %+v", gotOther)
	}
	if photoOwner(t, db) != keep.ID || !m.PhotoMoved {
		t.Errorf("photo should move to the survivor (moved=%v)", m.PhotoMoved)
	}
	es, _ := db.JournalFor(ctx, crm.EntityContact, keep.ID)
	if last := es[len(es)-1]; last.Op != crm.OpUpdate || !slices.Equal(last.Fields, []string{"title", "notes", "phones"}) {
		t.Errorf("survivor journal = %+v, want update of title, notes, phones", last)
	}
	if ops := journalOps(t, db, other.ID); !slices.Equal(ops, []string{"create", "delete"}) {
		t.Errorf("other's journal = %v", ops)
	}
	page, _ := db.SearchContacts(ctx, "Bob", 0, 10)
	if page.Total != 1 || page.Items[0].ID != keep.ID {
		t.Errorf("search after merge: %+v (the merged-away contact must leave the index)", names(page.Items))
	}

	// A second merge of the same, now stale, contacts is refused.
	if _, err := db.MergeContacts(ctx, keep, other, merged); crm.ErrorCode(err) != crm.CodeVersionConflict {
		t.Errorf("stale merge: %v, want version_conflict", err)
	}

	k2, o2, err := db.UndoMerge(ctx, m.ID, false)
	if err != nil {
		t.Fatalf("undo: %v", err)
	}
	if !reflect.DeepEqual(k2.ContactFields, keep.ContactFields) || k2.Version != keep.Version+2 {
		t.Errorf("survivor after undo = %+v (v%d), want its fields from before (v%d)", k2.ContactFields, k2.Version, keep.Version+2)
	}
	if !reflect.DeepEqual(o2.ContactFields, other.ContactFields) || o2.DeletedAt != nil || o2.Version != other.Version+2 {
		t.Errorf("other after undo = %+v deleted=%v v%d", o2.ContactFields, o2.DeletedAt, o2.Version)
	}
	if photoOwner(t, db) != other.ID {
		t.Errorf("photo should go back")
	}
	if ops := journalOps(t, db, other.ID); !slices.Equal(ops, []string{"create", "delete", "restore"}) {
		t.Errorf("other's journal = %v", ops)
	}
	if ops := journalOps(t, db, keep.ID); !slices.Equal(ops, []string{"create", "update", "update"}) {
		t.Errorf("survivor's journal = %v", ops)
	}
	page, _ = db.SearchContacts(ctx, "Smith", 0, 10)
	if page.Total != 2 {
		t.Errorf("both contacts should be found again: %v", names(page.Items))
	}
	if _, _, err := db.UndoMerge(ctx, m.ID, false); crm.ErrorCode(err) != crm.CodeMergeUndone {
		t.Errorf("second undo: %v, want merge_undone", err)
	}
	ms, err := db.RecentMerges(ctx, 10)
	if err != nil || len(ms) != 1 || ms[0].UndoneAt == nil || ms[0].OtherBefore.ID != other.ID {
		t.Errorf("recent merges = %+v, %v", ms, err)
	}
	if err := db.IntegrityCheck(ctx); err != nil {
		t.Error(err)
	}
}

func TestUndoMergeAfterEdit(t *testing.T) {
	ctx := context.Background()
	db, clock := openTestDB(t)
	keep := mustCreate(t, db, clock, crm.ContactFields{GivenName: "Ann", FamilyName: "Lee"})
	other := mustCreate(t, db, clock, crm.ContactFields{GivenName: "Anne", FamilyName: "Lee"})
	merged := keep.ContactFields
	merged.Notes = "Given name (merged): Anne"
	m, err := db.MergeContacts(ctx, keep, other, merged)
	if err != nil {
		t.Fatal(err)
	}
	cur, _ := db.GetContact(ctx, keep.ID)
	cur.Title = "CTO"
	cur.Version++
	if err := db.UpdateContact(ctx, cur, []string{"title"}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := db.UndoMerge(ctx, m.ID, false); crm.ErrorCode(err) != crm.CodeMergeChanged {
		t.Fatalf("undo after an edit: %v, want merge_changed", err)
	}
	if o, _ := db.GetContact(ctx, other.ID); o.DeletedAt == nil {
		t.Fatalf("a refused undo must change nothing")
	}
	k, o, err := db.UndoMerge(ctx, m.ID, true)
	if err != nil {
		t.Fatal(err)
	}
	if k.Title != "CTO" || k.Notes != merged.Notes || o.DeletedAt != nil || o.GivenName != "Anne" {
		t.Errorf("keeping edits: survivor %+v, other %+v", k, o)
	}
}

func TestDismissAndMatchRecords(t *testing.T) {
	ctx := context.Background()
	db, clock := openTestDB(t)
	a := mustCreate(t, db, clock, crm.ContactFields{GivenName: "A", Company: "X", Emails: []crm.LabeledValue{{Value: "a@x.test"}}, Notes: "n"})
	b := mustCreate(t, db, clock, crm.ContactFields{GivenName: "B"})
	if _, err := db.DeleteContact(ctx, b.ID); err != nil {
		t.Fatal(err)
	}
	var got []string
	err := db.EachMatchRecord(ctx, func(id string, f crm.ContactFields) error {
		got = append(got, id+"|"+f.GivenName+"|"+f.Company+"|"+f.PrimaryEmail()+"|"+f.Notes)
		return nil
	})
	if err != nil || !slices.Equal(got, []string{a.ID + "|A|X|a@x.test|"}) {
		t.Errorf("match records = %v, %v (live contacts only, matching fields only)", got, err)
	}
	if err := db.DismissDuplicate(ctx, b.ID, a.ID); err != nil {
		t.Fatal(err)
	}
	if err := db.DismissDuplicate(ctx, a.ID, b.ID); err != nil {
		t.Fatalf("dismissing twice: %v", err)
	}
	d, err := db.DismissedDuplicates(ctx)
	if err != nil || len(d) != 1 || !d[[2]string{min(a.ID, b.ID), max(a.ID, b.ID)}] {
		t.Errorf("dismissed = %v, %v", d, err)
	}
}
