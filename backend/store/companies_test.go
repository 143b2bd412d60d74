package store

import (
	"context"
	"slices"
	"testing"

	"fieldbook/backend/crm"
)

func companyOf(t *testing.T, db *DB, contactID string) crm.Company {
	t.Helper()
	c, err := db.GetContact(context.Background(), contactID)
	if err != nil {
		t.Fatal(err)
	}
	co, err := db.GetCompany(context.Background(), c.CompanyID)
	if err != nil {
		t.Fatal(err)
	}
	return co
}

func TestCompaniesListWithPeopleCountsAndSearch(t *testing.T) {
	ctx := context.Background()
	db, clock := openTestDB(t)
	a := mustCreate(t, db, clock, crm.ContactFields{GivenName: "Ann", Company: "Acme"})
	mustCreate(t, db, clock, crm.ContactFields{GivenName: "Bo", Company: "ACME"})
	gone := mustCreate(t, db, clock, crm.ContactFields{GivenName: "Cy", Company: "acme"})
	mustCreate(t, db, clock, crm.ContactFields{GivenName: "Di", Company: "Globex 100%"})
	if _, err := db.DeleteContact(ctx, gone.ID); err != nil {
		t.Fatal(err)
	}
	now := clock.Now()
	if err := db.CreateCompany(ctx, crm.Company{ID: crm.NewID(now), Version: 1, CreatedAt: now, UpdatedAt: now,
		CompanyFields: crm.CompanyFields{Name: "Initech", Industry: "Software", Address: crm.Address{City: "Austin"}}}); err != nil {
		t.Fatal(err)
	}

	page, err := db.ListCompanies(ctx, "", 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range page.Items {
		got = append(got, c.Name)
		if c.Name == "Acme" && c.People != 2 {
			t.Errorf("Acme people = %d, want 2 (the deleted contact does not count)", c.People)
		}
		if c.Name == "Initech" && (c.People != 0 || c.Address.City != "Austin" || c.Industry != "Software") {
			t.Errorf("Initech read back as %+v", c)
		}
	}
	if want := []string{"Acme", "Globex 100%", "Initech"}; !slices.Equal(got, want) || page.Total != 3 {
		t.Fatalf("list = %v (total %d), want %v", got, page.Total, want)
	}
	for q, want := range map[string][]string{"glob": {"Globex 100%"}, "100%": {"Globex 100%"}, "%": {"Acme", "Globex 100%", "Initech"}, "zzz": nil, "me": {"Acme"}} {
		page, err := db.ListCompanies(ctx, q, 0, 10)
		if err != nil {
			t.Fatal(err)
		}
		got = nil
		for _, c := range page.Items {
			got = append(got, c.Name)
		}
		if !slices.Equal(got, want) || page.Total != len(want) {
			t.Errorf("search %q = %v (total %d), want %v", q, got, page.Total, want)
		}
	}

	people, err := db.CompanyPeople(ctx, companyOf(t, db, a.ID).ID, 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	if got := names(people.Items); !slices.Equal(got, []string{"Ann", "Bo"}) || people.Total != 2 {
		t.Fatalf("people = %v (total %d), want Ann, Bo", got, people.Total)
	}
	people, _ = db.CompanyPeople(ctx, companyOf(t, db, a.ID).ID, 1, 10)
	if got := names(people.Items); !slices.Equal(got, []string{"Bo"}) || people.Total != 2 {
		t.Fatalf("people window 1 = %v (total %d), want Bo of 2", got, people.Total)
	}
}

func TestRenamingACompanyRenamesItsPeoplesCompanyAsJournalledUpdates(t *testing.T) {
	ctx := context.Background()
	db, clock := openTestDB(t)
	a := mustCreate(t, db, clock, crm.ContactFields{GivenName: "Ann", Company: "Acme"})
	b := mustCreate(t, db, clock, crm.ContactFields{GivenName: "Bo", Company: "ACME inc"})
	b2 := mustCreate(t, db, clock, crm.ContactFields{GivenName: "Bo2", Company: "acme, inc."})
	mustCreate(t, db, clock, crm.ContactFields{GivenName: "Gil", Company: "Globex"})
	co := companyOf(t, db, a.ID)
	_ = b

	co.Name, co.Industry, co.Version, co.UpdatedAt = "Acme Corporation", "Rockets", co.Version+1, clock.Now()
	if err := db.UpdateCompany(ctx, co); err != nil {
		t.Fatal(err)
	}
	got, _ := db.GetContact(ctx, a.ID)
	if got.Company != "Acme Corporation" || got.CompanyID != co.ID || got.Version != 2 {
		t.Fatalf("Ann after rename: company %q (%s) version %d", got.Company, got.CompanyID, got.Version)
	}
	j, err := db.JournalFor(ctx, crm.EntityContact, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if last := j[len(j)-1]; last.Op != crm.OpUpdate || !slices.Equal(last.Fields, []string{"company"}) {
		t.Fatalf("journal after rename = %+v, want an update of company", last)
	}
	// "ACME inc" was another company; it is untouched.
	if got, _ := db.GetContact(ctx, b2.ID); got.Company != "acme, inc." {
		t.Fatalf("a contact of another company was renamed: %q", got.Company)
	}
	// The search index knows the new name.
	page, err := db.SearchContacts(ctx, "corporation", 0, 10)
	if err != nil || len(page.Items) != 1 || page.Items[0].ID != a.ID {
		t.Fatalf("search for the new name = %v (%v)", names(page.Items), err)
	}

	// Renaming onto Globex is refused and changes nothing.
	co2, _ := db.GetCompany(ctx, co.ID)
	co2.Name, co2.Version = "GLOBEX", co2.Version+1
	err = db.UpdateCompany(ctx, co2)
	if crm.ErrorCode(err) != crm.CodeCompanyExists {
		t.Fatalf("rename onto Globex: %v, want %s", err, crm.CodeCompanyExists)
	}
	if got, _ := db.GetContact(ctx, a.ID); got.Company != "Acme Corporation" {
		t.Fatalf("a refused rename changed a contact to %q", got.Company)
	}
	// A stale version is refused.
	co.Name = "Other"
	if err := db.UpdateCompany(ctx, co); crm.ErrorCode(err) != crm.CodeVersionConflict {
		t.Fatalf("stale update: %v", err)
	}
}

func TestCompanyDeleteRefusedWhileItHasPeople(t *testing.T) {
	ctx := context.Background()
	db, clock := openTestDB(t)
	a := mustCreate(t, db, clock, crm.ContactFields{GivenName: "Ann", Company: "Acme"})
	co := companyOf(t, db, a.ID)
	if err := db.DeleteCompany(ctx, co.ID); crm.ErrorCode(err) != crm.CodeCompanyHasPeople {
		t.Fatalf("delete with people: %v", err)
	}
	if _, err := db.DeleteContact(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if err := db.DeleteCompany(ctx, co.ID); err != nil {
		t.Fatal(err)
	}
	if page, _ := db.ListCompanies(ctx, "", 0, 10); page.Total != 0 {
		t.Fatalf("deleted company still listed: %+v", page.Items)
	}
	// The name is free again: a new company of that name can be made.
	now := clock.Now()
	if err := db.CreateCompany(ctx, crm.Company{ID: crm.NewID(now), Version: 1, CreatedAt: now, UpdatedAt: now,
		CompanyFields: crm.CompanyFields{Name: "ACME"}}); err != nil {
		t.Fatal(err)
	}
	if err := db.CreateCompany(ctx, crm.Company{ID: crm.NewID(now) + "x", Version: 1, CreatedAt: now, UpdatedAt: now,
		CompanyFields: crm.CompanyFields{Name: "acme"}}); crm.ErrorCode(err) != crm.CodeCompanyExists {
		t.Fatalf("second company of the same name: %v", err)
	}
}

func TestCustomFieldDefinitions(t *testing.T) {
	ctx := context.Background()
	db, _ := openTestDB(t)
	for _, f := range []crm.CustomField{
		{ID: "f1", Name: "Shoe size", Kind: crm.CustomNumber},
		{ID: "f2", Name: "Tier", Kind: crm.CustomChoice, Options: []string{"Gold", "Silver"}},
		{ID: "f3", Name: "Met", Kind: crm.CustomDate},
	} {
		if err := db.CreateCustomField(ctx, f); err != nil {
			t.Fatal(err)
		}
	}
	ids := func() []string {
		fs, err := db.CustomFields(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, f := range fs {
			out = append(out, f.ID)
		}
		return out
	}
	if got := ids(); !slices.Equal(got, []string{"f1", "f2", "f3"}) {
		t.Fatalf("order = %v", got)
	}
	if err := db.ReorderCustomFields(ctx, []string{"f3", "f1", "f2"}); err != nil {
		t.Fatal(err)
	}
	if got := ids(); !slices.Equal(got, []string{"f3", "f1", "f2"}) {
		t.Fatalf("after reorder = %v", got)
	}
	if err := db.ReorderCustomFields(ctx, []string{"f3", "f3", "f2"}); crm.ErrorCode(err) != crm.CodeInvalidInput {
		t.Fatalf("reorder naming one twice: %v", err)
	}
	if err := db.UpdateCustomField(ctx, crm.CustomField{ID: "f2", Name: "Level", Options: []string{"Gold", "Silver", "Bronze"}}); err != nil {
		t.Fatal(err)
	}
	fs, _ := db.CustomFields(ctx)
	if fs[2].Name != "Level" || !slices.Equal(fs[2].Options, []string{"Gold", "Silver", "Bronze"}) || fs[2].Kind != crm.CustomChoice {
		t.Fatalf("after update: %+v", fs[2])
	}
	if err := db.DeleteCustomField(ctx, "f1"); err != nil {
		t.Fatal(err)
	}
	if got := ids(); !slices.Equal(got, []string{"f3", "f2"}) {
		t.Fatalf("after delete = %v", got)
	}
	if err := db.DeleteCustomField(ctx, "f1"); crm.ErrorCode(err) != crm.CodeNotFound {
		t.Fatalf("second delete: %v", err)
	}
	// A new field goes last.
	if err := db.CreateCustomField(ctx, crm.CustomField{ID: "f4", Name: "Notes 2", Kind: crm.CustomText}); err != nil {
		t.Fatal(err)
	}
	if got := ids(); !slices.Equal(got, []string{"f3", "f2", "f4"}) {
		t.Fatalf("after adding f4 = %v", got)
	}
}

func TestContactPhotoSetReplaceRemoveJournals(t *testing.T) {
	ctx := context.Background()
	db, clock := openTestDB(t)
	a := mustCreate(t, db, clock, crm.ContactFields{GivenName: "Ann"})
	if _, ok, err := db.ContactPhoto(ctx, a.ID); ok || err != nil {
		t.Fatalf("new contact has a photo? %v %v", ok, err)
	}
	if err := db.SetContactPhoto(ctx, a.ID, crm.Photo{MediaType: "image/png", Data: []byte{1, 2, 3}}); err != nil {
		t.Fatal(err)
	}
	if err := db.SetContactPhoto(ctx, a.ID, crm.Photo{MediaType: "image/jpeg", Data: []byte{4, 5}}); err != nil {
		t.Fatal(err)
	}
	p, ok, err := db.ContactPhoto(ctx, a.ID)
	if !ok || err != nil || p.MediaType != "image/jpeg" || !slices.Equal(p.Data, []byte{4, 5}) {
		t.Fatalf("photo = %+v %v %v", p, ok, err)
	}
	if err := db.DeleteContactPhoto(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if err := db.DeleteContactPhoto(ctx, a.ID); err != nil { // nothing to remove: no error, no journal
		t.Fatal(err)
	}
	if _, ok, _ := db.ContactPhoto(ctx, a.ID); ok {
		t.Fatal("photo still there after removal")
	}
	j, _ := db.JournalFor(ctx, crm.EntityContact, a.ID)
	var photo int
	for _, e := range j {
		if e.Op == crm.OpUpdate && slices.Equal(e.Fields, []string{"photo"}) {
			photo++
		}
	}
	if photo != 3 {
		t.Fatalf("photo journal rows = %d, want 3 (set, replace, remove): %+v", photo, j)
	}
	if err := db.SetContactPhoto(ctx, "nope", crm.Photo{MediaType: "image/png", Data: []byte{1}}); crm.ErrorCode(err) != crm.CodeNotFound {
		t.Fatalf("photo of a missing contact: %v", err)
	}
}
