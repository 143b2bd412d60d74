package app

import (
	"encoding/base64"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fieldbook/backend/crm"
)

func TestCompaniesServiceFromAContactToItsPage(t *testing.T) {
	ev := &recorder{}
	s := openServicesWith(t, filepath.Join(t.TempDir(), "s.db"), ev)
	ann, err := s.Contacts.Create(ContactInput{GivenName: "Ann", Company: "Acme"})
	if err != nil {
		t.Fatal(err)
	}
	page, err := s.Companies.List(ListCompaniesRequest{Limit: 50})
	if err != nil || len(page.Items) != 1 || page.Items[0].People != 1 || page.Items[0].ID != ann.CompanyID {
		t.Fatalf("list: %+v %v (Ann's company %q)", page, err, ann.CompanyID)
	}
	ev.take()
	co, err := s.Companies.Update(ann.CompanyID, page.Items[0].Version, CompanyInput{Name: "Acme Ltd", Industry: "Rockets",
		Address: Address{City: "Oslo"}})
	if err != nil || co.Name != "Acme Ltd" || co.Address.City != "Oslo" || co.Address.Label != "work" {
		t.Fatalf("update: %+v %v", co, err)
	}
	if got := ev.take(); !slices.Contains(got, EventContactsChanged) || !slices.Contains(got, EventCompaniesChanged) {
		t.Fatalf("events after a rename: %v", got)
	}
	people, err := s.Companies.People(CompanyPeopleRequest{CompanyID: co.ID, Limit: 10})
	if err != nil || len(people.Items) != 1 || people.Items[0].Company != "Acme Ltd" {
		t.Fatalf("people: %+v %v", people, err)
	}
	if err := s.Companies.Delete(co.ID); crm.ErrorCode(err) != crm.CodeCompanyHasPeople {
		t.Fatalf("delete with people: %v", err)
	}
}

func TestContactDTOReadsPhonesAndShowsLiveCustomFields(t *testing.T) {
	s := openServices(t, filepath.Join(t.TempDir(), "s.db"))
	if got, _ := s.Settings.Get(); got.PhoneRegion != "US" {
		t.Fatalf("default phone region = %q, want US", got.PhoneRegion)
	}
	if _, err := s.Settings.SetPhoneRegion("de"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Settings.SetPhoneRegion("XX"); crm.ErrorCode(err) != crm.CodeInvalidInput {
		t.Fatalf("bad region: %v", err)
	}
	size, err := s.CustomFields.Create(CustomFieldInput{Name: "Size", Kind: "number"})
	if err != nil {
		t.Fatal(err)
	}
	gone, _ := s.CustomFields.Create(CustomFieldInput{Name: "Old", Kind: "text"})
	c, err := s.Contacts.Create(ContactInput{GivenName: "Ann", Phones: []LabeledValue{
		{Label: "work", Value: "030 1234567"}, {Label: "home", Value: "+1 650 253 0000"}, {Label: "x", Value: "123"}},
		Custom: map[string]string{size.ID: "42", gone.ID: "kept"}})
	if err != nil {
		t.Fatal(err)
	}
	if c.Phones[0].Value != "030 1234567" {
		t.Fatalf("the typed value changed: %q", c.Phones[0].Value)
	}
	want := []PhoneInfo{{Formatted: "030 1234567", E164: "+49301234567"}, {Formatted: "+1 650-253-0000", E164: "+16502530000"}}
	if len(c.PhoneInfo) != 3 || c.PhoneInfo[0] != want[0] || c.PhoneInfo[1] != want[1] || c.PhoneInfo[2].Problem == "" {
		t.Fatalf("phone info = %+v", c.PhoneInfo)
	}
	if err := s.CustomFields.Delete(gone.ID); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Contacts.Get(c.ID)
	if len(got.Custom) != 1 || got.Custom[size.ID] != "42" {
		t.Fatalf("custom shown = %v, want only the live field", got.Custom)
	}
}

func TestContactPhotoThroughTheBinding(t *testing.T) {
	s := openServices(t, filepath.Join(t.TempDir(), "s.db"))
	c, _ := s.Contacts.Create(ContactInput{GivenName: "Ann"})
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
	url, err := s.Contacts.SetPhoto(c.ID, "data:image/png;base64,"+base64.StdEncoding.EncodeToString(png), "image/png")
	if err != nil || !strings.HasPrefix(url, "data:image/png;base64,") {
		t.Fatalf("set: %q %v", url, err)
	}
	if got, _ := s.Contacts.Photo(c.ID); got != url {
		t.Fatalf("photo = %q, want %q", got, url)
	}
	if _, err := s.Contacts.SetPhoto(c.ID, "!!!", "image/png"); crm.ErrorCode(err) != crm.CodePhotoInvalid {
		t.Fatalf("bad base64: %v", err)
	}
	if err := s.Contacts.RemovePhoto(c.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Contacts.Photo(c.ID); got != "" {
		t.Fatalf("photo after removal = %q", got)
	}
}

func TestPhoneRegionFromEnv(t *testing.T) {
	for env, want := range map[string]string{"de_DE.UTF-8": "DE", "bn_BD": "BD", "C": "", "": ""} {
		got := PhoneRegionFromEnv(func(k string) string {
			if k == "LANG" {
				return env
			}
			return ""
		})
		if got != want {
			t.Errorf("LANG=%q → %q, want %q", env, got, want)
		}
	}
}
