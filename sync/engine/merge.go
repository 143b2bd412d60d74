package engine

import (
	"encoding/json"
	"fmt"
	"slices"

	"fieldbook/backend/crm"
)

// field is one mergeable part of a contact, named as in the journal.
type field struct {
	name string
	ptr  func(*crm.ContactFields) any // pointer to the field
}

// fields are every part of a contact that syncs, in display order.
var fields = []field{
	{"prefix", func(f *crm.ContactFields) any { return &f.Prefix }},
	{"givenName", func(f *crm.ContactFields) any { return &f.GivenName }},
	{"middleName", func(f *crm.ContactFields) any { return &f.MiddleName }},
	{"familyName", func(f *crm.ContactFields) any { return &f.FamilyName }},
	{"suffix", func(f *crm.ContactFields) any { return &f.Suffix }},
	{"nickname", func(f *crm.ContactFields) any { return &f.Nickname }},
	{"company", func(f *crm.ContactFields) any { return &f.Company }},
	{"department", func(f *crm.ContactFields) any { return &f.Department }},
	{"title", func(f *crm.ContactFields) any { return &f.Title }},
	{"notes", func(f *crm.ContactFields) any { return &f.Notes }},
	{"profile", func(f *crm.ContactFields) any { return &f.Profile }},
	{"emails", func(f *crm.ContactFields) any { return &f.Emails }},
	{"phones", func(f *crm.ContactFields) any { return &f.Phones }},
	{"urls", func(f *crm.ContactFields) any { return &f.URLs }},
	{"addresses", func(f *crm.ContactFields) any { return &f.Addresses }},
	{"birthday", func(f *crm.ContactFields) any { return &f.Birthday }},
	{"anniversary", func(f *crm.ContactFields) any { return &f.Anniversary }},
	{"tags", func(f *crm.ContactFields) any { return &f.Tags }},
}

// FieldNames lists the fields that sync, in display order.
func FieldNames() []string {
	out := make([]string, len(fields))
	for i, f := range fields {
		out[i] = f.name
	}
	return out
}

func fieldByName(name string) (field, bool) {
	for _, f := range fields {
		if f.name == name {
			return f, true
		}
	}
	return field{}, false
}

// valueJSON is a field's value as JSON; empty lists are "[]".
func (fd field) valueJSON(f crm.ContactFields) string {
	b, _ := json.Marshal(fd.ptr(&f)) // strings and slices of plain structs always marshal
	if string(b) == "null" {
		return "[]"
	}
	return string(b)
}

// set copies the field's value from src into dst.
func (fd field) set(dst *crm.ContactFields, src crm.ContactFields) {
	_ = fd.setJSON(dst, fd.valueJSON(src)) // a value from valueJSON always decodes
}

// setJSON sets the field from its JSON value.
func (fd field) setJSON(dst *crm.ContactFields, v string) error {
	if err := json.Unmarshal([]byte(v), fd.ptr(dst)); err != nil {
		return fmt.Errorf("field %s: %w", fd.name, err)
	}
	return nil
}

// SetField sets one named field of dst from its JSON value (as stored in a
// conflict).
func SetField(dst *crm.ContactFields, name, valueJSON string) error {
	fd, ok := fieldByName(name)
	if !ok {
		return fmt.Errorf("unknown field %q", name)
	}
	return fd.setJSON(dst, valueJSON)
}

// FieldJSON returns one named field of f as JSON.
func FieldJSON(f crm.ContactFields, name string) (string, bool) {
	fd, ok := fieldByName(name)
	if !ok {
		return "", false
	}
	return fd.valueJSON(f), true
}

// mergeResult is a three-way merge's outcome.
type mergeResult struct {
	fields    crm.ContactFields
	conflicts []crm.Conflict // fields both sides changed differently (policy ask)
	resolved  []string       // open conflicts that the server's change settled
}

// merge3 merges mine and theirs against base field by field. open are the
// contact's unresolved conflicts: for those fields mine is the user's value
// still waiting for a decision.
func (e *Engine) merge3(contactID string, base, mine, theirs crm.ContactFields, open map[string]crm.Conflict) mergeResult {
	out := mergeResult{fields: mine}
	for _, fd := range fields {
		b, m, t := fd.valueJSON(base), fd.valueJSON(mine), fd.valueJSON(theirs)
		_, wasOpen := open[fd.name]
		switch {
		case m == t:
			if wasOpen {
				out.resolved = append(out.resolved, fd.name)
			}
		case m == b && !wasOpen:
			fd.set(&out.fields, theirs)
		case t == b:
			// only this device changed it (or the server did not move since
			// the conflict was recorded): keep mine
		default:
			switch e.policy {
			case PolicyTheirs:
				fd.set(&out.fields, theirs)
				if wasOpen {
					out.resolved = append(out.resolved, fd.name)
				}
			case PolicyMine:
				if wasOpen {
					out.resolved = append(out.resolved, fd.name)
				}
			default:
				cb := b
				if c, ok := open[fd.name]; ok {
					cb = c.Base // keep the base the user first disagreed from
				}
				out.conflicts = append(out.conflicts, crm.Conflict{
					ID: crm.NewID(e.now()), ContactID: contactID, Field: fd.name,
					Base: cb, Mine: m, Theirs: t, CreatedAt: e.now(),
				})
			}
		}
	}
	return out
}

// outgoing is what to upload for a contact: its fields, except that fields
// with an open conflict keep the server's value until the user decides.
func outgoing(local, base crm.ContactFields, open map[string]crm.Conflict) crm.ContactFields {
	out := local
	for name := range open {
		if fd, ok := fieldByName(name); ok {
			fd.set(&out, base)
		}
	}
	return out
}

// sameFields reports whether two contacts agree on every synced field.
func sameFields(a, b crm.ContactFields) bool {
	return slices.EqualFunc(fields, fields, func(fd, _ field) bool { return fd.valueJSON(a) == fd.valueJSON(b) })
}
