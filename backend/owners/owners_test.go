package owners_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"fieldbook/backend/crm"
	"fieldbook/backend/owners"
	"fieldbook/backend/store"
)

type tick struct{ t time.Time }

func (c *tick) Now() time.Time { c.t = c.t.Add(time.Second); return c.t }

func openStore(t *testing.T) (*store.DB, *tick) {
	t.Helper()
	clock := &tick{t: time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC)}
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "o.db"), store.WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db, clock
}

func TestMeIsMadeOnceAndSurvivesReopening(t *testing.T) {
	ctx := context.Background()
	db, clock := openStore(t)
	svc := owners.New(db, clock, "Rina Das")
	me, err := svc.Me(ctx)
	if err != nil || me.Name != "Rina Das" || me.ID == "" {
		t.Fatalf("Me = %+v, %v", me, err)
	}
	again, err := owners.New(db, clock, "Someone Else").Me(ctx)
	if err != nil || again.ID != me.ID || again.Name != "Rina Das" {
		t.Errorf("second Me = %+v, %v; want the same profile", again, err)
	}
	list, err := svc.List(ctx)
	if err != nil || len(list) != 1 {
		t.Errorf("List = %+v, %v", list, err)
	}
}

func TestSaveValidatesAndEdits(t *testing.T) {
	ctx := context.Background()
	db, clock := openStore(t)
	svc := owners.New(db, clock, "")
	if _, err := svc.Save(ctx, crm.Owner{Name: "  "}); crm.ErrorCode(err) != crm.CodeOwnerInvalid {
		t.Errorf("blank name: %v", err)
	}
	if _, err := svc.Save(ctx, crm.Owner{Name: "Ann", Email: "not-an-email"}); crm.ErrorCode(err) != crm.CodeEmailInvalid {
		t.Errorf("bad e-mail: %v", err)
	}
	ann, err := svc.Save(ctx, crm.Owner{Name: " Ann  Lee ", Email: "ann@example.com"})
	if err != nil || ann.Name != "Ann Lee" {
		t.Fatalf("Save = %+v, %v", ann, err)
	}
	ann.Name = "Ann Lee-Park"
	if _, err := svc.Save(ctx, ann); err != nil {
		t.Fatal(err)
	}
	got, err := db.GetOwner(ctx, ann.ID)
	if err != nil || got.Name != "Ann Lee-Park" || !got.CreatedAt.Equal(ann.CreatedAt) {
		t.Errorf("after edit = %+v, %v", got, err)
	}
}

func TestDeleteKeepsTheLocalProfile(t *testing.T) {
	ctx := context.Background()
	db, clock := openStore(t)
	svc := owners.New(db, clock, "Me")
	me, _ := svc.Me(ctx)
	if err := svc.Delete(ctx, me.ID); crm.ErrorCode(err) != crm.CodeOwnerInvalid {
		t.Errorf("deleting me: %v", err)
	}
	bob, _ := svc.Save(ctx, crm.Owner{Name: "Bob"})
	if err := svc.SetMe(ctx, bob.ID); err != nil {
		t.Fatal(err)
	}
	if now, _ := svc.Me(ctx); now.ID != bob.ID {
		t.Errorf("Me after SetMe = %+v", now)
	}
	if err := svc.Delete(ctx, me.ID); err != nil {
		t.Fatalf("deleting the former profile: %v", err)
	}
	list, _ := svc.List(ctx)
	if len(list) != 1 || list[0].ID != bob.ID {
		t.Errorf("List after delete = %+v", list)
	}
	if err := svc.SetMe(ctx, me.ID); crm.ErrorCode(err) != crm.CodeNotFound {
		t.Errorf("SetMe to a deleted owner: %v", err)
	}
}
