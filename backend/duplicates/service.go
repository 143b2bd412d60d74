package duplicates

import (
	"context"
	"fmt"
	"sync"

	"fieldbook/backend/crm"
)

// Store is what the duplicate use cases need from the database.
type Store interface {
	EachMatchRecord(ctx context.Context, fn func(id string, f crm.ContactFields) error) error
	ContactsFingerprint(ctx context.Context) (string, error)
	DismissedDuplicates(ctx context.Context) (map[[2]string]bool, error)
	DismissDuplicate(ctx context.Context, a, b string) error
	GetContact(ctx context.Context, id string) (crm.Contact, error)
	MergeContacts(ctx context.Context, keep, other crm.Contact, merged crm.ContactFields) (crm.Merge, error)
	UndoMerge(ctx context.Context, id string, keepEdits bool) (keep, other crm.Contact, err error)
	RecentMerges(ctx context.Context, limit int) ([]crm.Merge, error)
}

// Service finds duplicates among the live contacts and merges them.
type Service struct {
	store  Store
	region func() string

	mu     sync.Mutex
	cached foundPairs
}

// foundPairs is the last Find result and what it was computed from.
type foundPairs struct {
	fingerprint, region string
	dismissed           int
	pairs               []Pair
}

// New returns the use cases over st; region gives the default region for
// phone numbers written without a country code (asked on every call, so a
// changed setting applies at once).
func New(st Store, region func() string) *Service {
	return &Service{store: st, region: region}
}

// Find returns the suggested duplicate pairs, most certain first, without
// the pairs the user dismissed.
//
// Reading and matching 100,000 contacts takes seconds, so the result is
// kept until a contact, the dismissals or the phone region change.
func (s *Service) Find(ctx context.Context) ([]Pair, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	fp, err := s.store.ContactsFingerprint(ctx)
	if err != nil {
		return nil, err
	}
	dismissed, err := s.store.DismissedDuplicates(ctx)
	if err != nil {
		return nil, err
	}
	region := s.region()
	if c := s.cached; c.pairs != nil && c.fingerprint == fp && c.region == region && c.dismissed == len(dismissed) {
		return c.pairs, nil
	}
	var recs []Record
	err = s.store.EachMatchRecord(ctx, func(id string, f crm.ContactFields) error {
		recs = append(recs, RecordOf(id, f))
		return nil
	})
	if err != nil {
		return nil, err
	}
	pairs := Find(recs, Options{Region: region, Dismissed: func(a, b string) bool { return dismissed[[2]string{a, b}] }})
	if pairs == nil {
		pairs = []Pair{}
	}
	s.cached = foundPairs{fingerprint: fp, region: region, dismissed: len(dismissed), pairs: pairs}
	return pairs, nil
}

// Dismiss records that a and b are not the same person.
func (s *Service) Dismiss(ctx context.Context, a, b string) error {
	return s.store.DismissDuplicate(ctx, a, b)
}

// Preview is a merge as it would be: both live contacts and the result.
type Preview struct {
	Keep, Other crm.Contact
	Merged      crm.ContactFields
}

// Preview reads both contacts and merges them in memory with choices.
func (s *Service) Preview(ctx context.Context, keepID, otherID string, choices Choices) (Preview, error) {
	if keepID == otherID {
		return Preview{}, crm.Errorf(crm.CodeInvalidInput, "a contact cannot be merged with itself")
	}
	var p Preview
	var err error
	for _, c := range []struct {
		id  string
		out *crm.Contact
	}{{keepID, &p.Keep}, {otherID, &p.Other}} {
		if *c.out, err = s.store.GetContact(ctx, c.id); err != nil {
			return p, err
		}
		if c.out.DeletedAt != nil {
			return p, crm.Errorf(crm.CodeNotFound, "%s was deleted", c.out.DisplayName())
		}
	}
	for f, side := range choices {
		if side != SideKeep && side != SideOther {
			return p, crm.FieldError(crm.CodeInvalidInput, f, fmt.Sprintf("side %q is neither %q nor %q", side, SideKeep, SideOther))
		}
	}
	p.Merged = Merge(p.Keep.ContactFields, p.Other.ContactFields, choices, s.region())
	return p, nil
}

// Merge merges contact otherID into keepID with choices, in one
// transaction, and returns the survivor and the merge (for undo).
func (s *Service) Merge(ctx context.Context, keepID, otherID string, choices Choices) (crm.Contact, crm.Merge, error) {
	p, err := s.Preview(ctx, keepID, otherID, choices)
	if err != nil {
		return crm.Contact{}, crm.Merge{}, err
	}
	m, err := s.store.MergeContacts(ctx, p.Keep, p.Other, p.Merged)
	if err != nil {
		return crm.Contact{}, crm.Merge{}, err
	}
	c, err := s.store.GetContact(ctx, keepID)
	return c, m, err
}

// Undo undoes merge id (see store UndoMerge for keepEdits).
func (s *Service) Undo(ctx context.Context, id string, keepEdits bool) (keep, other crm.Contact, err error) {
	return s.store.UndoMerge(ctx, id, keepEdits)
}

// Recent returns the latest merges, newest first.
func (s *Service) Recent(ctx context.Context, limit int) ([]crm.Merge, error) {
	return s.store.RecentMerges(ctx, limit)
}

// Contact returns one contact (for showing a pair).
func (s *Service) Contact(ctx context.Context, id string) (crm.Contact, error) {
	return s.store.GetContact(ctx, id)
}
