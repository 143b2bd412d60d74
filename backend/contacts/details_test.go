package contacts_test

import (
	"context"
	"reflect"
	"testing"

	"fieldbook/backend/contacts"
	"fieldbook/backend/crm"
)

func TestDates(t *testing.T) {
	for in, want := range map[string]string{
		"":            "",
		" 1990-05-17": "1990-05-17",
		"19900517":    "1990-05-17",
		"--05-17":     "--05-17",
		"--0517":      "--05-17",
		"--02-29":     "--02-29", // a birthday without a year may be 29 February
		"2024-02-29":  "2024-02-29",
	} {
		f, err := contacts.Normalize(crm.ContactFields{GivenName: "A", Birthday: in, Anniversary: in})
		if err != nil || f.Birthday != want || f.Anniversary != want {
			t.Errorf("%q → %q/%q, %v; want %q", in, f.Birthday, f.Anniversary, err, want)
		}
	}
	for _, bad := range []string{"2023-02-29", "1990-13-01", "1990-04-31", "--00-10", "17.05.1990", "yesterday", "0000-01-01", "--5-17"} {
		_, err := contacts.Normalize(crm.ContactFields{GivenName: "A", Birthday: bad})
		var e *crm.Error
		if crm.ErrorCode(err) != crm.CodeDateInvalid || !asErr(err, &e) || e.Field != "birthday" {
			t.Errorf("birthday %q: %v; want date_invalid on birthday", bad, err)
		}
	}
	if _, err := contacts.Normalize(crm.ContactFields{GivenName: "A", Anniversary: "1990-02-30"}); crm.ErrorCode(err) != crm.CodeDateInvalid {
		t.Errorf("anniversary 1990-02-30: %v", err)
	}
}

func TestWebAddresses(t *testing.T) {
	f, err := contacts.Normalize(crm.ContactFields{GivenName: "A", URLs: []crm.LabeledValue{
		{Label: "Work", Value: " www.acme.test/shop "}, {Value: "http://example.com"}, {Value: ""}}})
	want := []crm.LabeledValue{{Label: "work", Value: "https://www.acme.test/shop"}, {Label: "other", Value: "http://example.com"}}
	if err != nil || !reflect.DeepEqual(f.URLs, want) {
		t.Fatalf("urls = %+v, %v; want %+v", f.URLs, err, want)
	}
	for i, bad := range []string{"javascript:alert(1)", "file:///etc/passwd", "not a url", "https://", "data:text/html,<b>x</b>"} {
		_, err := contacts.Normalize(crm.ContactFields{GivenName: "A", URLs: []crm.LabeledValue{{Value: "https://ok.test"}, {Value: bad}}})
		var e *crm.Error
		if crm.ErrorCode(err) != crm.CodeURLInvalid || !asErr(err, &e) || e.Field != "urls.1" {
			t.Errorf("%d %q: %v; want url_invalid on urls.1", i, bad, err)
		}
	}
}

func TestAddresses(t *testing.T) {
	f, err := contacts.Normalize(crm.ContactFields{GivenName: "A", Addresses: []crm.Address{
		{Label: " Home ", Street: " 12 Baker St \r\n\r\n  Flat 2 ", City: " London ", Postcode: "NW1 6XE", Country: "UK"},
		{Label: "work"}, // empty: dropped
		{City: "Dhaka"}, // label defaults to other
	}})
	want := []crm.Address{
		{Label: "home", Street: "12 Baker St\nFlat 2", City: "London", Postcode: "NW1 6XE", Country: "UK"},
		{Label: "other", City: "Dhaka"},
	}
	if err != nil || !reflect.DeepEqual(f.Addresses, want) {
		t.Fatalf("addresses = %+v, %v; want %+v", f.Addresses, err, want)
	}
	long := make([]byte, 600)
	for i := range long {
		long[i] = 'x'
	}
	_, err = contacts.Normalize(crm.ContactFields{GivenName: "A", Addresses: []crm.Address{{City: string(long)}}})
	var e *crm.Error
	if !asErr(err, &e) || e.Field != "addresses.0.city" {
		t.Fatalf("long city: %v", err)
	}
}

func TestNewFieldsAreStoredSearchedAndJournalled(t *testing.T) {
	ctx := context.Background()
	svc, db := newService(t)
	c, err := svc.Create(ctx, crm.ContactFields{GivenName: "Ada", FamilyName: "Lovelace"})
	if err != nil {
		t.Fatal(err)
	}
	full := crm.ContactFields{GivenName: "Ada", FamilyName: "Lovelace", Nickname: "Enchantress of Numbers",
		Department: "Analytics", Profile: "Loves poetry; daughter of Lord Byron.",
		URLs:      []crm.LabeledValue{{Label: "blog", Value: "https://ada.example/notes"}},
		Addresses: []crm.Address{{Label: "home", Street: "12 St James's Square", City: "London", Country: "UK"}},
		Birthday:  "--12-10", Anniversary: "1835-07-08"}
	upd, err := svc.Update(ctx, c.ID, 1, full)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := svc.Get(ctx, c.ID)
	if len(contacts.ChangedFields(got.ContactFields, upd.ContactFields)) != 0 || got.Nickname != full.Nickname || got.Birthday != "--12-10" ||
		!reflect.DeepEqual(got.Addresses, full.Addresses) || !reflect.DeepEqual(got.URLs, full.URLs) {
		t.Fatalf("stored = %+v", got.ContactFields)
	}
	for _, q := range []string{"enchantress", "analytics", "byron", "london", "ada.example"} {
		page, err := svc.List(ctx, q, 0, 10)
		if err != nil || page.Total != 1 {
			t.Errorf("search %q: %d results, %v", q, page.Total, err)
		}
	}
	j, _ := db.JournalFor(ctx, crm.EntityContact, c.ID)
	want := []string{"nickname", "department", "profile", "urls", "addresses", "birthday", "anniversary"}
	if len(j) != 2 || !reflect.DeepEqual(j[1].Fields, want) {
		t.Fatalf("journal = %+v; want the update to name %v", j, want)
	}
}
