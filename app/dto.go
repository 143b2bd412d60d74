package app

import (
	"time"

	"fieldbook/backend/crm"
)

// LabeledValue is an e-mail address or phone number with its label.
type LabeledValue struct {
	Label string `json:"label"`
	Value string `json:"value"`
}

// Address is a postal address; Street may hold several lines.
type Address struct {
	Label    string `json:"label"`
	Street   string `json:"street"`
	City     string `json:"city"`
	Region   string `json:"region"`
	Postcode string `json:"postcode"`
	Country  string `json:"country"`
}

// ContactInput is what the contact form sends.
type ContactInput struct {
	Prefix      string         `json:"prefix"`
	GivenName   string         `json:"givenName"`
	MiddleName  string         `json:"middleName"`
	FamilyName  string         `json:"familyName"`
	Suffix      string         `json:"suffix"`
	Nickname    string         `json:"nickname"`
	Company     string         `json:"company"`
	Department  string         `json:"department"`
	Title       string         `json:"title"`
	Notes       string         `json:"notes"`
	Profile     string         `json:"profile"`
	Emails      []LabeledValue `json:"emails"`
	Phones      []LabeledValue `json:"phones"`
	URLs        []LabeledValue `json:"urls"`
	Addresses   []Address      `json:"addresses"`
	Birthday    string         `json:"birthday"`    // YYYY-MM-DD, --MM-DD (no year) or ""
	Anniversary string         `json:"anniversary"` // same form as Birthday
	Tags        []string       `json:"tags"`
	// Custom holds the values of the custom fields, by field id.
	Custom map[string]string `json:"custom"`
}

// Contact is a whole contact for the detail view and the form.
type Contact struct {
	ID          string `json:"id"`
	Version     int    `json:"version"`
	DisplayName string `json:"displayName"`
	ContactInput
	// CompanyID is the company the contact belongs to ("" without one).
	CompanyID string `json:"companyId"`
	// PhoneInfo reads each of Phones, in the same order.
	PhoneInfo []PhoneInfo `json:"phoneInfo"`
	CreatedAt string      `json:"createdAt"`
	UpdatedAt string      `json:"updatedAt"`
}

// ContactSummary is one row of the contact list.
type ContactSummary struct {
	ID          string   `json:"id"`
	DisplayName string   `json:"displayName"`
	Company     string   `json:"company"`
	Title       string   `json:"title"`
	Email       string   `json:"email"`
	Phone       string   `json:"phone"`
	Tags        []string `json:"tags"`
}

// ListContactsRequest asks for a window of the list or of a search.
type ListContactsRequest struct {
	Query  string `json:"query"`
	Offset int    `json:"offset"`
	Limit  int    `json:"limit"`
}

// ContactPage is a window of contacts and the total number there are.
type ContactPage struct {
	Items  []ContactSummary `json:"items"`
	Total  int              `json:"total"`
	Offset int              `json:"offset"`
}

// Settings are the user's preferences.
type Settings struct {
	Language string `json:"language"`
	// PhoneRegion is the default country for phone numbers (ISO 3166, "DE").
	PhoneRegion string `json:"phoneRegion"`
}

// Status is what the status bar shows.
type Status struct {
	Version        string `json:"version"`
	DatabasePath   string `json:"databasePath"`
	Contacts       int    `json:"contacts"`
	PendingChanges int    `json:"pendingChanges"`
}

func toLabeled(in []LabeledValue) []crm.LabeledValue {
	out := make([]crm.LabeledValue, len(in))
	for i, v := range in {
		out[i] = crm.LabeledValue(v)
	}
	return out
}

func fromLabeled(in []crm.LabeledValue) []LabeledValue {
	out := make([]LabeledValue, len(in)) // never nil: the UI gets [] not null
	for i, v := range in {
		out[i] = LabeledValue(v)
	}
	return out
}

func toAddresses(in []Address) []crm.Address {
	out := make([]crm.Address, len(in))
	for i, a := range in {
		out[i] = crm.Address(a)
	}
	return out
}

func fromAddresses(in []crm.Address) []Address {
	out := make([]Address, len(in)) // never nil: the UI gets [] not null
	for i, a := range in {
		out[i] = Address(a)
	}
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func (in ContactInput) fields() crm.ContactFields {
	return crm.ContactFields{
		Prefix: in.Prefix, GivenName: in.GivenName, MiddleName: in.MiddleName, FamilyName: in.FamilyName,
		Suffix: in.Suffix, Nickname: in.Nickname, Company: in.Company, Department: in.Department, Title: in.Title,
		Notes: in.Notes, Profile: in.Profile,
		Emails: toLabeled(in.Emails), Phones: toLabeled(in.Phones), URLs: toLabeled(in.URLs),
		Addresses: toAddresses(in.Addresses), Birthday: in.Birthday, Anniversary: in.Anniversary, Tags: in.Tags,
		Custom: in.Custom,
	}
}

func toContactDTO(c crm.Contact) Contact {
	return Contact{
		ID: c.ID, Version: c.Version, DisplayName: c.DisplayName(),
		ContactInput: ContactInput{
			Prefix: c.Prefix, GivenName: c.GivenName, MiddleName: c.MiddleName, FamilyName: c.FamilyName,
			Suffix: c.Suffix, Nickname: c.Nickname, Company: c.Company, Department: c.Department, Title: c.Title,
			Notes: c.Notes, Profile: c.Profile,
			Emails: fromLabeled(c.Emails), Phones: fromLabeled(c.Phones), URLs: fromLabeled(c.URLs),
			Addresses: fromAddresses(c.Addresses), Birthday: c.Birthday, Anniversary: c.Anniversary, Tags: nonNil(c.Tags),
		},
		CompanyID: c.CompanyID,
		PhoneInfo: []PhoneInfo{},
		CreatedAt: c.CreatedAt.UTC().Format(time.RFC3339),
		UpdatedAt: c.UpdatedAt.UTC().Format(time.RFC3339),
	}
}

func toSummary(c crm.Contact) ContactSummary {
	return ContactSummary{ID: c.ID, DisplayName: c.DisplayName(), Company: c.Company, Title: c.Title,
		Email: c.PrimaryEmail(), Phone: c.PrimaryPhone(), Tags: nonNil(c.Tags)}
}
