package customfields_test

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"fieldbook/backend/crm"
	"fieldbook/backend/customfields"
	"fieldbook/backend/store"
)

type tick struct{ t time.Time }

func (c *tick) Now() time.Time { c.t = c.t.Add(time.Second); return c.t }

func TestDefinitionsAreValidated(t *testing.T) {
	ctx := context.Background()
	clock := &tick{t: time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC)}
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "c.db"), store.WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	svc := customfields.New(db, clock)

	tier, err := svc.Create(ctx, "  Tier ", crm.CustomChoice, []string{" Gold", "gold", "", "Silver"})
	if err != nil {
		t.Fatal(err)
	}
	if tier.Name != "Tier" || !slices.Equal(tier.Options, []string{"Gold", "Silver"}) {
		t.Fatalf("created %+v", tier)
	}
	for _, tc := range []struct {
		name string
		kind crm.CustomFieldKind
		opts []string
		code string
	}{
		{"", crm.CustomText, nil, crm.CodeInvalidInput},
		{"TIER", crm.CustomText, nil, crm.CodeCustomFieldExists},
		{"Colour", crm.CustomChoice, []string{" "}, crm.CodeInvalidInput},
		{"Size", crm.CustomNumber, []string{"x"}, crm.CodeInvalidInput},
		{"Size", "money", nil, crm.CodeInvalidInput},
	} {
		if _, err := svc.Create(ctx, tc.name, tc.kind, tc.opts); crm.ErrorCode(err) != tc.code {
			t.Errorf("create %q %s %v: %v, want %s", tc.name, tc.kind, tc.opts, err, tc.code)
		}
	}
	size, err := svc.Create(ctx, "Size", crm.CustomNumber, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Update(ctx, size.ID, "tier", nil); crm.ErrorCode(err) != crm.CodeCustomFieldExists {
		t.Fatalf("renaming onto another field's name: %v", err)
	}
	if f, err := svc.Update(ctx, tier.ID, "Level", []string{"Gold"}); err != nil || f.Name != "Level" || f.Kind != crm.CustomChoice {
		t.Fatalf("update: %+v %v", f, err)
	}
	fs, err := svc.Reorder(ctx, []string{size.ID, tier.ID})
	if err != nil || fs[0].ID != size.ID {
		t.Fatalf("reorder: %+v %v", fs, err)
	}
	if err := svc.Delete(ctx, size.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Update(ctx, size.ID, "Size", nil); crm.ErrorCode(err) != crm.CodeNotFound {
		t.Fatalf("update of a deleted field: %v", err)
	}
	// The name of a deleted field is free again.
	if _, err := svc.Create(ctx, "size", crm.CustomText, nil); err != nil {
		t.Fatal(err)
	}
}
