// Package contacts is the use-case layer for people in the address book:
// it validates and normalises input, decides what changed, and asks the
// store to write the contact and its journal row in one transaction.
package contacts

import (
	"context"
	"maps"
	"slices"
	"strings"

	"fieldbook/backend/crm"
)

// Store is what this package needs from persistence.
type Store interface {
	CreateContact(ctx context.Context, c crm.Contact) error
	UpdateContact(ctx context.Context, c crm.Contact, changed []string) error
	DeleteContact(ctx context.Context, id string) (crm.Contact, error)
	RestoreContact(ctx context.Context, id string) (crm.Contact, error)
	GetContact(ctx context.Context, id string) (crm.Contact, error)
	ListContacts(ctx context.Context, offset, limit int) (crm.ContactPage, error)
	SearchContacts(ctx context.Context, query string, offset, limit int) (crm.ContactPage, error)
}

// MaxPage is the largest window List returns at once.
const MaxPage = 500

// Service manages contacts.
type Service struct {
	store Store
	clock crm.Clock
	defs  CustomFieldDefs
}

// New returns a Service writing to st and stamping changes with clock.
func New(st Store, clock crm.Clock, opts ...Option) *Service {
	s := &Service{store: st, clock: clock}
	for _, o := range opts {
		o(s)
	}
	return s
}

// Create validates f and stores it as a new contact.
func (s *Service) Create(ctx context.Context, f crm.ContactFields) (crm.Contact, error) {
	f, err := Normalize(f)
	if err != nil {
		return crm.Contact{}, err
	}
	if f.Custom, err = s.normalizeCustom(ctx, f.Custom, nil); err != nil {
		return crm.Contact{}, err
	}
	now := s.clock.Now()
	c := crm.Contact{ID: crm.NewID(now), ContactFields: f, Version: 1, CreatedAt: now, UpdatedAt: now}
	if err := s.store.CreateContact(ctx, c); err != nil {
		return crm.Contact{}, err
	}
	return s.store.GetContact(ctx, c.ID) // as stored: with its company
}

// Update replaces the fields of contact id. baseVersion is the version the
// user edited; if the contact changed since, the update is refused with
// crm.CodeVersionConflict rather than silently overwriting. An update that
// changes nothing returns the contact as it is and journals nothing.
func (s *Service) Update(ctx context.Context, id string, baseVersion int, f crm.ContactFields) (crm.Contact, error) {
	f, err := Normalize(f)
	if err != nil {
		return crm.Contact{}, err
	}
	cur, err := s.store.GetContact(ctx, id)
	if err != nil {
		return crm.Contact{}, err
	}
	if cur.DeletedAt != nil {
		return crm.Contact{}, crm.Errorf(crm.CodeNotFound, "contact %s was deleted", id)
	}
	if cur.Version != baseVersion {
		return crm.Contact{}, crm.Errorf(crm.CodeVersionConflict,
			"contact %s changed elsewhere: it is at version %d, the edit was based on version %d", id, cur.Version, baseVersion)
	}
	if f.Custom, err = s.normalizeCustom(ctx, f.Custom, cur.Custom); err != nil {
		return crm.Contact{}, err
	}
	changed := ChangedFields(cur.ContactFields, f)
	if len(changed) == 0 {
		return cur, nil
	}
	next := cur
	next.ContactFields = f
	next.Version = baseVersion + 1
	next.UpdatedAt = s.clock.Now()
	if err := s.store.UpdateContact(ctx, next, changed); err != nil {
		return crm.Contact{}, err
	}
	return s.store.GetContact(ctx, id) // as stored: with its company
}

// Delete tombstones contact id; Restore undoes it.
func (s *Service) Delete(ctx context.Context, id string) (crm.Contact, error) {
	return s.store.DeleteContact(ctx, id)
}

// Restore brings back a deleted contact.
func (s *Service) Restore(ctx context.Context, id string) (crm.Contact, error) {
	return s.store.RestoreContact(ctx, id)
}

// Get returns one contact.
func (s *Service) Get(ctx context.Context, id string) (crm.Contact, error) {
	return s.store.GetContact(ctx, id)
}

// List returns a window of live contacts, all of them in name order when
// query is blank, otherwise those matching every word of query.
func (s *Service) List(ctx context.Context, query string, offset, limit int) (crm.ContactPage, error) {
	if offset < 0 {
		return crm.ContactPage{}, crm.FieldError(crm.CodeInvalidInput, "offset", "offset must not be negative")
	}
	if limit <= 0 || limit > MaxPage {
		return crm.ContactPage{}, crm.FieldError(crm.CodeInvalidInput, "limit", "limit must be between 1 and 500")
	}
	if strings.TrimSpace(query) == "" {
		return s.store.ListContacts(ctx, offset, limit)
	}
	return s.store.SearchContacts(ctx, query, offset, limit)
}

// ChangedFields names the fields that differ between a and b, using the
// same names as the journal and, later, the field-level merge.
func ChangedFields(a, b crm.ContactFields) []string {
	var out crm.FieldChanges
	out.Add("prefix", a.Prefix != b.Prefix)
	out.Add("givenName", a.GivenName != b.GivenName)
	out.Add("middleName", a.MiddleName != b.MiddleName)
	out.Add("familyName", a.FamilyName != b.FamilyName)
	out.Add("suffix", a.Suffix != b.Suffix)
	out.Add("nickname", a.Nickname != b.Nickname)
	out.Add("company", a.Company != b.Company)
	out.Add("department", a.Department != b.Department)
	out.Add("title", a.Title != b.Title)
	out.Add("notes", a.Notes != b.Notes)
	out.Add("profile", a.Profile != b.Profile)
	out.Add("emails", !slices.Equal(a.Emails, b.Emails))
	out.Add("phones", !slices.Equal(a.Phones, b.Phones))
	out.Add("urls", !slices.Equal(a.URLs, b.URLs))
	out.Add("addresses", !slices.Equal(a.Addresses, b.Addresses))
	out.Add("birthday", a.Birthday != b.Birthday)
	out.Add("anniversary", a.Anniversary != b.Anniversary)
	out.Add("tags", !slices.Equal(a.Tags, b.Tags))
	out.Add("custom", !maps.Equal(a.Custom, b.Custom))
	return out
}
