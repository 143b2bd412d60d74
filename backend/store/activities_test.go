package store

import (
	"context"
	"testing"
	"time"

	"fieldbook/backend/crm"
)

func TestActivitiesSearchIndexFollowsTombstones(t *testing.T) {
	ctx := context.Background()
	db, clock := openTestDB(t)
	now := clock.Now()
	a := crm.Activity{ID: crm.NewID(now), Version: 1, CreatedAt: now, UpdatedAt: now, ActivityFields: crm.ActivityFields{
		Kind: crm.ActivityNote, OccurredAt: now, Subject: "Pricing for Zürich", Body: "asked about volume discounts", LeadID: "lead-1"}}
	if err := db.InsertActivity(ctx, a); err != nil {
		t.Fatal(err)
	}
	hits := func(q string) int {
		t.Helper()
		var n int
		if err := db.db.QueryRowContext(ctx, `SELECT count(*) FROM activities_fts WHERE activities_fts MATCH ?`, q).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if hits("zurich") != 1 || hits("discount*") != 1 {
		t.Fatalf("a new activity is not searchable")
	}
	a.Subject, a.Version, a.UpdatedAt = "Pricing for Basel", 2, clock.Now()
	if err := db.UpdateActivity(ctx, a); err != nil {
		t.Fatal(err)
	}
	if hits("zurich") != 0 || hits("basel") != 1 {
		t.Fatalf("an edit did not reach the index")
	}
	if err := db.DeleteActivity(ctx, a.ID, clock.Now()); err != nil {
		t.Fatal(err)
	}
	if hits("basel") != 0 {
		t.Fatal("a deleted activity is still found")
	}
	if err := db.RestoreActivity(ctx, a.ID, clock.Now()); err != nil {
		t.Fatal(err)
	}
	if hits("basel") != 1 {
		t.Fatal("a restored activity is not found")
	}
	// Lead conversion (issue 6, L) re-points a lead's activities with this
	// statement; the lead id stays.
	if _, err := db.db.ExecContext(ctx, `UPDATE activities SET contact_id = ?, company_id = ?, deal_id = ? WHERE lead_id = ?`, nil, nil, "deal-9", "lead-1"); err != nil {
		t.Fatal(err)
	}
	got, err := db.GetActivity(ctx, a.ID)
	if err != nil || got.DealID != "deal-9" || got.LeadID != "lead-1" || got.Version != 4 || !got.OccurredAt.Equal(a.OccurredAt.Truncate(time.Millisecond)) {
		t.Fatalf("after conversion %+v, %v", got, err)
	}
}
