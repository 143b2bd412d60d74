package contacts_test

import (
	"context"
	"maps"
	"path/filepath"
	"testing"
	"time"

	"fieldbook/backend/contacts"
	"fieldbook/backend/crm"
	"fieldbook/backend/customfields"
	"fieldbook/backend/store"
)

func TestCustomValuesAreCheckedByKind(t *testing.T) {
	ctx := context.Background()
	clock := &tick{t: time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC)}
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "c.db"), store.WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	defs := customfields.New(db, clock)
	svc := contacts.New(db, clock, contacts.WithCustomFields(db))
	mk := func(name string, kind crm.CustomFieldKind, opts ...string) string {
		f, err := defs.Create(ctx, name, kind, opts)
		if err != nil {
			t.Fatal(err)
		}
		return f.ID
	}
	text, num, date, choice := mk("Nick", crm.CustomText), mk("Size", crm.CustomNumber), mk("Met", crm.CustomDate), mk("Tier", crm.CustomChoice, "Gold", "Silver")

	for _, tc := range []struct {
		in   map[string]string
		want map[string]string
		bad  string // the field the error names
	}{
		{in: map[string]string{text: "  a  b ", num: "+42.", date: "2024-02-29", choice: "gold"},
			want: map[string]string{text: "a b", num: "42", date: "2024-02-29", choice: "Gold"}},
		{in: map[string]string{num: "-.5", text: " "}, want: map[string]string{num: "-0.5"}},
		{in: map[string]string{num: "12a"}, bad: "custom." + num},
		{in: map[string]string{num: "1,5"}, bad: "custom." + num},
		{in: map[string]string{date: "2023-02-29"}, bad: "custom." + date},
		{in: map[string]string{date: "17/05/2024"}, bad: "custom." + date},
		{in: map[string]string{choice: "Bronze"}, bad: "custom." + choice},
		{in: map[string]string{"nope": "x"}, bad: "custom.nope"},
	} {
		c, err := svc.Create(ctx, crm.ContactFields{GivenName: "Ann", Custom: tc.in})
		if tc.bad != "" {
			var e *crm.Error
			if crm.ErrorCode(err) != crm.CodeCustomValueInvalid || !asError(err, &e) || e.Field != tc.bad {
				t.Errorf("%v: err %v, want %s on %s", tc.in, err, crm.CodeCustomValueInvalid, tc.bad)
			}
			continue
		}
		if err != nil {
			t.Errorf("%v: %v", tc.in, err)
			continue
		}
		got, _ := db.GetContact(ctx, c.ID)
		if !maps.Equal(got.Custom, tc.want) {
			t.Errorf("%v stored as %v, want %v", tc.in, got.Custom, tc.want)
		}
	}

	// A deleted field's value is kept, hidden, through later edits; a
	// removed choice stays valid where it was already set.
	c, err := svc.Create(ctx, crm.ContactFields{GivenName: "Bo", Custom: map[string]string{num: "7", choice: "Silver"}})
	if err != nil {
		t.Fatal(err)
	}
	if err := defs.Delete(ctx, num); err != nil {
		t.Fatal(err)
	}
	if _, err := defs.Update(ctx, choice, "Tier", []string{"Gold"}); err != nil {
		t.Fatal(err)
	}
	up, err := svc.Update(ctx, c.ID, c.Version, crm.ContactFields{GivenName: "Bo", Custom: map[string]string{choice: "Silver", text: "x"}})
	if err != nil {
		t.Fatal(err)
	}
	if want := map[string]string{num: "7", choice: "Silver", text: "x"}; !maps.Equal(up.Custom, want) {
		t.Fatalf("after edit custom = %v, want %v", up.Custom, want)
	}
	if _, err := svc.Update(ctx, c.ID, up.Version, crm.ContactFields{GivenName: "Bo", Custom: map[string]string{num: "8"}}); crm.ErrorCode(err) != crm.CodeCustomValueInvalid {
		t.Fatalf("writing a deleted field: %v", err)
	}
	// Clearing a value journals a change of "custom".
	up2, err := svc.Update(ctx, c.ID, up.Version, crm.ContactFields{GivenName: "Bo", Custom: map[string]string{choice: "Silver"}})
	if err != nil || up2.Version != up.Version+1 || up2.Custom[text] != "" {
		t.Fatalf("clearing text: %v %+v", err, up2.Custom)
	}
}

func asError(err error, target **crm.Error) bool {
	e, ok := err.(*crm.Error)
	*target = e
	return ok
}
