package carddav

import (
	"fieldbook/backend/crm"
	"fieldbook/sync/engine"
)

// contactSchema lists every part of a contact that syncs, in display order,
// with the names the journal and the conflict inbox use.
var contactSchema = engine.NewSchema(func(f *crm.ContactFields) *string { return &f.Notes },
	engine.Value("prefix", func(f *crm.ContactFields) *string { return &f.Prefix }),
	engine.Value("givenName", func(f *crm.ContactFields) *string { return &f.GivenName }),
	engine.Value("middleName", func(f *crm.ContactFields) *string { return &f.MiddleName }),
	engine.Value("familyName", func(f *crm.ContactFields) *string { return &f.FamilyName }),
	engine.Value("suffix", func(f *crm.ContactFields) *string { return &f.Suffix }),
	engine.Value("nickname", func(f *crm.ContactFields) *string { return &f.Nickname }),
	engine.Value("company", func(f *crm.ContactFields) *string { return &f.Company }),
	engine.Value("department", func(f *crm.ContactFields) *string { return &f.Department }),
	engine.Value("title", func(f *crm.ContactFields) *string { return &f.Title }),
	engine.Text("notes", func(f *crm.ContactFields) *string { return &f.Notes }),
	engine.Text("profile", func(f *crm.ContactFields) *string { return &f.Profile }),
	engine.List("emails", func(f *crm.ContactFields) *[]crm.LabeledValue { return &f.Emails }),
	engine.List("phones", func(f *crm.ContactFields) *[]crm.LabeledValue { return &f.Phones }),
	engine.List("urls", func(f *crm.ContactFields) *[]crm.LabeledValue { return &f.URLs }),
	engine.List("addresses", func(f *crm.ContactFields) *[]crm.Address { return &f.Addresses }),
	engine.Value("birthday", func(f *crm.ContactFields) *string { return &f.Birthday }),
	engine.Value("anniversary", func(f *crm.ContactFields) *string { return &f.Anniversary }),
	engine.List("tags", func(f *crm.ContactFields) *[]string { return &f.Tags }),
)

// Schema is the contact schema the engine merges address book objects by.
// It is shared and read-only.
func Schema() *engine.Schema[crm.ContactFields] { return contactSchema }
