package companies_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"fieldbook/backend/companies"
	"fieldbook/backend/contacts"
	"fieldbook/backend/crm"
	"fieldbook/backend/store"
)

type tick struct{ t time.Time }

func (c *tick) Now() time.Time { c.t = c.t.Add(time.Second); return c.t }

func setup(t *testing.T) (*companies.Service, *contacts.Service) {
	t.Helper()
	clock := &tick{t: time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC)}
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "c.db"), store.WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return companies.New(db, clock), contacts.New(db, clock)
}

func TestNormalize(t *testing.T) {
	for _, tc := range []struct {
		in        crm.CompanyFields
		want      crm.CompanyFields
		code, fld string
	}{
		{in: crm.CompanyFields{Name: "  Acme \t Inc ", Website: "acme.test/shop", Address: crm.Address{Street: " 1 Road \n\n Unit 2 ", City: " Oslo "}},
			want: crm.CompanyFields{Name: "Acme Inc", Website: "https://acme.test/shop", Address: crm.Address{Label: "work", Street: "1 Road\nUnit 2", City: "Oslo"}}},
		{in: crm.CompanyFields{Name: " ", Industry: "x"}, code: crm.CodeInvalidInput, fld: "name"},
		{in: crm.CompanyFields{Name: "..."}, code: crm.CodeInvalidInput, fld: "name"},
		{in: crm.CompanyFields{Name: "A", Website: "javascript:alert(1)"}, code: crm.CodeURLInvalid, fld: "website"},
		{in: crm.CompanyFields{Name: "A", Website: "ftp://x.test"}, code: crm.CodeURLInvalid, fld: "website"},
	} {
		got, err := companies.Normalize(tc.in)
		if tc.code != "" {
			e, ok := err.(*crm.Error)
			if !ok || e.Code != tc.code || e.Field != tc.fld {
				t.Errorf("%+v: err %v, want %s on %s", tc.in, err, tc.code, tc.fld)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("%+v → %+v (%v), want %+v", tc.in, got, err, tc.want)
		}
	}
}

func TestCompanyLifecycleThroughTheService(t *testing.T) {
	ctx := context.Background()
	cos, people := setup(t)
	ann, err := people.Create(ctx, crm.ContactFields{GivenName: "Ann", Company: "Acme"})
	if err != nil {
		t.Fatal(err)
	}
	page, err := cos.List(ctx, "", 0, 50)
	if err != nil || page.Total != 1 || page.Items[0].Name != "Acme" || page.Items[0].People != 1 {
		t.Fatalf("a contact's company is listed: %+v %v", page, err)
	}
	acme := page.Items[0]
	up, err := cos.Update(ctx, acme.ID, acme.Version, crm.CompanyFields{Name: "Acme Ltd", Website: "acme.test", Size: "11-50"})
	if err != nil {
		t.Fatal(err)
	}
	if up.Name != "Acme Ltd" || up.Website != "https://acme.test" || up.Version != 2 || up.People != 1 {
		t.Fatalf("updated: %+v", up)
	}
	if got, _ := people.Get(ctx, ann.ID); got.Company != "Acme Ltd" {
		t.Fatalf("Ann's company after the rename: %q", got.Company)
	}
	if _, err := cos.Update(ctx, acme.ID, acme.Version, crm.CompanyFields{Name: "X"}); crm.ErrorCode(err) != crm.CodeVersionConflict {
		t.Fatalf("stale edit: %v", err)
	}
	same, err := cos.Update(ctx, acme.ID, up.Version, up.CompanyFields)
	if err != nil || same.Version != up.Version {
		t.Fatalf("an edit that changes nothing bumped the version: %+v %v", same, err)
	}
	if _, err := cos.Create(ctx, crm.CompanyFields{Name: "ACME ltd."}); crm.ErrorCode(err) != crm.CodeCompanyExists {
		t.Fatalf("duplicate company: %v", err)
	}
	if err := cos.Delete(ctx, acme.ID); crm.ErrorCode(err) != crm.CodeCompanyHasPeople {
		t.Fatalf("delete with people: %v", err)
	}
	if _, err := cos.List(ctx, "", 0, 501); crm.ErrorCode(err) != crm.CodeInvalidInput {
		t.Fatalf("oversized window: %v", err)
	}
	ppl, err := cos.People(ctx, acme.ID, 0, 10)
	if err != nil || ppl.Total != 1 || ppl.Items[0].ID != ann.ID {
		t.Fatalf("people: %+v %v", ppl, err)
	}
}
