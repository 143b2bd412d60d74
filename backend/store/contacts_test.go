package store

import (
	"context"
	"reflect"
	"testing"

	"fieldbook/backend/crm"
)

func TestContactLifecycleWritesJournalInTheSameTransaction(t *testing.T) {
	ctx := context.Background()
	db, clock := openTestDB(t)
	c := mustCreate(t, db, clock, crm.ContactFields{GivenName: "Ada", FamilyName: "Lovelace",
		Emails: []crm.LabeledValue{{Label: "work", Value: "ada@example.com"}}, Tags: []string{"vip"}})

	got, err := db.GetContact(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.ContactFields, c.ContactFields) || got.Version != 1 || !got.CreatedAt.Equal(c.CreatedAt) {
		t.Fatalf("stored contact = %+v; want %+v", got, c)
	}

	upd := got
	upd.Company = "Analytical Engines Ltd"
	upd.Version = 2
	upd.UpdatedAt = clock.Now()
	if err := db.UpdateContact(ctx, upd, []string{"company"}); err != nil {
		t.Fatal(err)
	}
	// The same edit based on version 1 again is stale now.
	if err := db.UpdateContact(ctx, upd, []string{"company"}); crm.ErrorCode(err) != crm.CodeVersionConflict {
		t.Fatalf("stale update = %v; want %s", err, crm.CodeVersionConflict)
	}
	del, err := db.DeleteContact(ctx, c.ID)
	if err != nil || del.DeletedAt == nil || del.Version != 3 {
		t.Fatalf("delete = %+v, %v; want a tombstone at version 3", del, err)
	}
	if _, err := db.DeleteContact(ctx, c.ID); crm.ErrorCode(err) != crm.CodeNotFound {
		t.Fatalf("second delete = %v; want not_found", err)
	}
	upd.Version = 4
	if err := db.UpdateContact(ctx, upd, []string{"company"}); crm.ErrorCode(err) != crm.CodeNotFound {
		t.Fatalf("update of a deleted contact = %v; want not_found", err)
	}
	res, err := db.RestoreContact(ctx, c.ID)
	if err != nil || res.DeletedAt != nil || res.Version != 4 || res.Company != "Analytical Engines Ltd" {
		t.Fatalf("restore = %+v, %v", res, err)
	}

	j, err := db.JournalFor(ctx, crm.EntityContact, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	var ops []string
	for _, e := range j {
		ops = append(ops, e.Op)
	}
	if want := []string{"create", "update", "delete", "restore"}; !reflect.DeepEqual(ops, want) {
		t.Fatalf("journal ops = %v; want %v (failed writes must journal nothing)", ops, want)
	}
	if !reflect.DeepEqual(j[1].Fields, []string{"company"}) {
		t.Fatalf("update journal fields = %v", j[1].Fields)
	}
	if n, _ := db.PendingChanges(ctx); n != 4 {
		t.Fatalf("pending changes = %d; want 4", n)
	}
}

func TestUnknownContact(t *testing.T) {
	db, _ := openTestDB(t)
	ctx := context.Background()
	if _, err := db.GetContact(ctx, "nope"); crm.ErrorCode(err) != crm.CodeNotFound {
		t.Fatalf("get = %v", err)
	}
	if _, err := db.RestoreContact(ctx, "nope"); crm.ErrorCode(err) != crm.CodeNotFound {
		t.Fatalf("restore = %v", err)
	}
}

func TestListIsSortedByFamilyThenGivenAndSkipsDeleted(t *testing.T) {
	ctx := context.Background()
	db, clock := openTestDB(t)
	mustCreate(t, db, clock, crm.ContactFields{GivenName: "Zoe", FamilyName: "Adams"})
	gone := mustCreate(t, db, clock, crm.ContactFields{GivenName: "Bob", FamilyName: "Brown"})
	mustCreate(t, db, clock, crm.ContactFields{GivenName: "amy", FamilyName: "adams"})
	mustCreate(t, db, clock, crm.ContactFields{Company: "Cyberdyne"})
	if _, err := db.DeleteContact(ctx, gone.ID); err != nil {
		t.Fatal(err)
	}
	page, err := db.ListContacts(ctx, 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"amy adams", "Zoe Adams", "Cyberdyne"}; page.Total != 3 || !reflect.DeepEqual(names(page.Items), want) {
		t.Fatalf("list = %v (total %d); want %v", names(page.Items), page.Total, want)
	}
	page, _ = db.ListContacts(ctx, 1, 1)
	if !reflect.DeepEqual(names(page.Items), []string{"Zoe Adams"}) || page.Offset != 1 {
		t.Fatalf("window [1,2) = %v", names(page.Items))
	}
	live, deleted, _ := db.ContactCounts(ctx)
	if live != 3 || deleted != 1 {
		t.Fatalf("counts = %d live, %d deleted", live, deleted)
	}
}

func TestSettings(t *testing.T) {
	db, _ := openTestDB(t)
	ctx := context.Background()
	if _, ok, err := db.Setting(ctx, "language"); ok || err != nil {
		t.Fatalf("unset setting: ok=%v err=%v", ok, err)
	}
	db.SetSetting(ctx, "language", "en")
	db.SetSetting(ctx, "language", "bn")
	if v, ok, _ := db.Setting(ctx, "language"); !ok || v != "bn" {
		t.Fatalf("language = %q", v)
	}
}
