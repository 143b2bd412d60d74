package store

import (
	"context"
	"testing"

	"fieldbook/backend/crm"
)

func TestContactsFindTheirCompanyByName(t *testing.T) {
	ctx := context.Background()
	db, clock := openTestDB(t)
	a := mustCreate(t, db, clock, crm.ContactFields{GivenName: "Ann", Company: "ACME, Inc."})
	b := mustCreate(t, db, clock, crm.ContactFields{GivenName: "Bo", Company: "acme   inc"})
	c := mustCreate(t, db, clock, crm.ContactFields{GivenName: "Cy", Company: "Globex"})
	d := mustCreate(t, db, clock, crm.ContactFields{GivenName: "Di"})

	get := func(id string) crm.Contact {
		t.Helper()
		got, err := db.GetContact(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	ga, gb, gc, gd := get(a.ID), get(b.ID), get(c.ID), get(d.ID)
	if ga.CompanyID == "" || ga.CompanyID != gb.CompanyID {
		t.Fatalf("ACME, Inc. and acme inc should share one company: %q %q", ga.CompanyID, gb.CompanyID)
	}
	if gc.CompanyID == "" || gc.CompanyID == ga.CompanyID {
		t.Fatalf("Globex needs its own company, got %q (acme %q)", gc.CompanyID, ga.CompanyID)
	}
	if gd.CompanyID != "" {
		t.Fatalf("no company name, no company: got %q", gd.CompanyID)
	}
	var n int
	if err := db.db.QueryRowContext(ctx, `SELECT count(*) FROM companies`).Scan(&n); err != nil || n != 2 {
		t.Fatalf("companies = %d (%v), want 2", n, err)
	}

	// Moving Bo to Globex moves the link.
	gb.Company, gb.Version, gb.UpdatedAt = "GLOBEX", gb.Version+1, clock.Now()
	if err := db.UpdateContact(ctx, gb, []string{"company"}); err != nil {
		t.Fatal(err)
	}
	if got := get(b.ID).CompanyID; got != gc.CompanyID {
		t.Fatalf("after the move Bo's company = %q, want Globex %q", got, gc.CompanyID)
	}
}

func TestCustomValuesRoundTripAndSurviveAServerChange(t *testing.T) {
	ctx := context.Background()
	db, clock := openTestDB(t)
	c := mustCreate(t, db, clock, crm.ContactFields{GivenName: "Ann", Custom: map[string]string{"f1": "42", "f2": ""}})
	got, err := db.GetContact(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Custom) != 1 || got.Custom["f1"] != "42" {
		t.Fatalf("custom = %v, want only f1=42 (empty values are not stored)", got.Custom)
	}
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	dec := crm.RemoteDecision[crm.ContactFields]{WriteFields: true, Fields: crm.ContactFields{GivenName: "Anne"}}
	if err := db.writeRemoteFields(ctx, tx, got, dec, clock.Now()); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	got, _ = db.GetContact(ctx, c.ID)
	if got.GivenName != "Anne" || got.Custom["f1"] != "42" {
		t.Fatalf("after a server change: name %q custom %v; want Anne and f1=42 kept", got.GivenName, got.Custom)
	}
}
