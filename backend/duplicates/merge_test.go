package duplicates

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"fieldbook/backend/crm"
)

func lv(vs ...string) []crm.LabeledValue {
	var out []crm.LabeledValue
	for _, v := range vs {
		out = append(out, crm.LabeledValue{Label: "work", Value: v})
	}
	return out
}

func values(ls []crm.LabeledValue) []string {
	var out []string
	for _, l := range ls {
		out = append(out, l.Value)
	}
	return out
}

func TestMergeKeepsEveryDistinctValue(t *testing.T) {
	keep := crm.ContactFields{
		GivenName: "Robert", FamilyName: "Smith", Company: "Acme", Title: "CEO", Notes: "Met at the fair.",
		Emails: lv("bob@acme.test", "robert@home.test"), Phones: lv("+49 30 1234567"),
		URLs: lv("https://acme.test/"), Tags: []string{"vip", "Berlin"},
		Addresses: []crm.Address{{Label: "work", Street: "Main St 1", City: "Berlin"}},
		Custom:    map[string]string{"f1": "gold", "f2": "x"},
	}
	other := crm.ContactFields{
		GivenName: "Bob", FamilyName: "Smith", Company: "ACME", Title: "Chief Executive", Department: "Board",
		Notes: "Prefers calls.", Birthday: "--04-01",
		Emails: lv("BOB@acme.test", "bob@private.test"), Phones: lv("030 1234567", "+49 171 5555555"),
		URLs: lv("http://ACME.test"), Tags: []string{"VIP", "golf"},
		Addresses: []crm.Address{{Label: "home", Street: "main st 1", City: "BERLIN"}, {Label: "home", City: "Potsdam"}},
		Custom:    map[string]string{"f1": "silver", "f3": "y"},
	}
	got := Merge(keep, other, Choices{"title": SideOther}, "DE")

	if got.GivenName != "Robert" || got.Title != "Chief Executive" || got.Department != "Board" || got.Birthday != "--04-01" {
		t.Errorf("scalars: %+v", got)
	}
	if want := []string{"bob@acme.test", "robert@home.test", "bob@private.test"}; !slices.Equal(values(got.Emails), want) {
		t.Errorf("emails = %v, want %v", values(got.Emails), want)
	}
	if want := []string{"+49 30 1234567", "+49 171 5555555"}; !slices.Equal(values(got.Phones), want) {
		t.Errorf("phones = %v, want %v (030 1234567 is +49 30 1234567 in DE)", values(got.Phones), want)
	}
	if len(got.URLs) != 1 || len(got.Addresses) != 2 {
		t.Errorf("urls %v, addresses %v", got.URLs, got.Addresses)
	}
	if want := []string{"vip", "Berlin", "golf"}; !slices.Equal(got.Tags, want) {
		t.Errorf("tags = %v, want %v", got.Tags, want)
	}
	if want := map[string]string{"f1": "gold", "f2": "x", "f3": "y"}; !reflect.DeepEqual(got.Custom, want) {
		t.Errorf("custom = %v, want %v", got.Custom, want)
	}
	for _, s := range []string{"Met at the fair.", "Prefers calls.", "Given name (merged): Bob", "Title (merged): CEO", "Custom field f1 (merged): silver"} {
		if !strings.Contains(got.Notes, s) {
			t.Errorf("notes lack %q:\n%s", s, got.Notes)
		}
	}
	if strings.Contains(got.Notes, "Company (merged)") {
		t.Errorf("a value differing only in case was written into the notes:\n%s", got.Notes)
	}
	// Merging again changes nothing: no value is repeated.
	if again := Merge(got, other, Choices{"title": SideKeep}, "DE"); !reflect.DeepEqual(again, got) {
		t.Errorf("merging the same record twice changed it:\n%+v\n%+v", got, again)
	}
}

func TestMergeFieldsDefaults(t *testing.T) {
	keep := crm.ContactFields{GivenName: "Ann", Title: ""}
	other := crm.ContactFields{GivenName: "Anne", FamilyName: "Lee", Title: "CTO"}
	got := MergeFields(keep, other)
	if got.GivenName != "Ann" || got.FamilyName != "Lee" || got.Title != "CTO" {
		t.Errorf("keep's value wins, other fills empties: %+v", got)
	}
	if got.Notes != "Given name (merged): Anne" {
		t.Errorf("notes = %q", got.Notes)
	}
	if got.Emails != nil || got.Tags != nil || got.Custom != nil {
		t.Errorf("empty lists should stay empty: %+v", got)
	}
}
