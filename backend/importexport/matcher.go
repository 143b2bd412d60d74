package importexport

import (
	"context"

	"fieldbook/backend/crm"
	"fieldbook/backend/store"
)

// Matcher finds an existing contact that a new one duplicates.
type Matcher interface {
	// Match returns the existing contact f duplicates and why ("email", "phone", "name").
	Match(f crm.ContactFields) (contactID, reason string, ok bool)
	// Add makes a contact just imported findable by later rows of the same file.
	Add(contactID string, f crm.ContactFields)
}

// MatcherFactory builds a Matcher over the contacts in db when an import
// starts.
type MatcherFactory func(ctx context.Context, db *store.DB) (Matcher, error)

// MergeFunc combines an existing contact's fields with an incoming
// duplicate's; the result replaces the existing contact's fields.
type MergeFunc func(existing, incoming crm.ContactFields) crm.ContactFields

// OnDuplicate says what happens to a record that duplicates a contact.
type OnDuplicate string

const (
	// DuplicateMerge merges the record into the existing contact (default).
	DuplicateMerge OnDuplicate = "merge"
	// DuplicateSkip leaves the existing contact alone and skips the record.
	DuplicateSkip OnDuplicate = "skip"
	// DuplicateImport imports the record as a new contact anyway.
	DuplicateImport OnDuplicate = "import"
)

// noMatcher matches nothing (used when no factory is configured).
type noMatcher struct{}

func (noMatcher) Match(crm.ContactFields) (string, string, bool) { return "", "", false }
func (noMatcher) Add(string, crm.ContactFields)                  {}
