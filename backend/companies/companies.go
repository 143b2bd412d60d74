// Package companies is the use-case layer for companies (accounts): it
// validates and normalises a company's fields and asks the store to write
// them. Contacts belong to a company by its name (crm.CompanyKey); the store
// keeps that link and carries a rename over to the company's people.
package companies

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"fieldbook/backend/contacts"
	"fieldbook/backend/crm"
)

// Store is what this package needs from persistence.
type Store interface {
	CreateCompany(ctx context.Context, c crm.Company) error
	UpdateCompany(ctx context.Context, c crm.Company) error
	DeleteCompany(ctx context.Context, id string) error
	GetCompany(ctx context.Context, id string) (crm.Company, error)
	ListCompanies(ctx context.Context, query string, offset, limit int) (crm.CompanyPage, error)
	CompanyPeople(ctx context.Context, id string, offset, limit int) (crm.ContactPage, error)
}

// MaxPage is the largest window List and People return at once.
const MaxPage = 500

const (
	maxShortField = 500
	maxNotes      = 100_000
)

// Service manages companies.
type Service struct {
	store Store
	clock crm.Clock
}

// New returns a Service writing to st and stamping changes with clock.
func New(st Store, clock crm.Clock) *Service {
	return &Service{store: st, clock: clock}
}

// Create validates f and stores it as a new company.
func (s *Service) Create(ctx context.Context, f crm.CompanyFields) (crm.Company, error) {
	f, err := Normalize(f)
	if err != nil {
		return crm.Company{}, err
	}
	now := s.clock.Now()
	c := crm.Company{ID: crm.NewID(now), CompanyFields: f, Version: 1, CreatedAt: now, UpdatedAt: now}
	if err := s.store.CreateCompany(ctx, c); err != nil {
		return crm.Company{}, err
	}
	return c, nil
}

// Update replaces the fields of company id, edited from baseVersion. A new
// name is carried over to the company's people by the store.
func (s *Service) Update(ctx context.Context, id string, baseVersion int, f crm.CompanyFields) (crm.Company, error) {
	f, err := Normalize(f)
	if err != nil {
		return crm.Company{}, err
	}
	cur, err := s.store.GetCompany(ctx, id)
	if err != nil {
		return crm.Company{}, err
	}
	if cur.DeletedAt != nil {
		return crm.Company{}, crm.Errorf(crm.CodeNotFound, "company %s was deleted", id)
	}
	if cur.Version != baseVersion {
		return crm.Company{}, crm.Errorf(crm.CodeVersionConflict,
			"company %s changed elsewhere: it is at version %d, the edit was based on version %d", id, cur.Version, baseVersion)
	}
	if cur.CompanyFields == f {
		return cur, nil
	}
	next := cur
	next.CompanyFields = f
	next.Version = baseVersion + 1
	next.UpdatedAt = s.clock.Now()
	if err := s.store.UpdateCompany(ctx, next); err != nil {
		return crm.Company{}, err
	}
	return s.store.GetCompany(ctx, id)
}

// Delete tombstones a company that has no people left.
func (s *Service) Delete(ctx context.Context, id string) error {
	return s.store.DeleteCompany(ctx, id)
}

// Get returns one company with its people count.
func (s *Service) Get(ctx context.Context, id string) (crm.Company, error) {
	return s.store.GetCompany(ctx, id)
}

// List returns a window of live companies in name order, those whose name
// contains query when it is not blank.
func (s *Service) List(ctx context.Context, query string, offset, limit int) (crm.CompanyPage, error) {
	if err := checkWindow(offset, limit); err != nil {
		return crm.CompanyPage{}, err
	}
	return s.store.ListCompanies(ctx, query, offset, limit)
}

// People returns a window of the company's live contacts in name order.
func (s *Service) People(ctx context.Context, id string, offset, limit int) (crm.ContactPage, error) {
	if err := checkWindow(offset, limit); err != nil {
		return crm.ContactPage{}, err
	}
	return s.store.CompanyPeople(ctx, id, offset, limit)
}

func checkWindow(offset, limit int) error {
	if offset < 0 {
		return crm.FieldError(crm.CodeInvalidInput, "offset", "offset must not be negative")
	}
	if limit <= 0 || limit > MaxPage {
		return crm.FieldError(crm.CodeInvalidInput, "limit", fmt.Sprintf("limit must be between 1 and %d", MaxPage))
	}
	return nil
}

// Normalize trims every field and validates the result: a name is
// required, the website must be an http or https address ("https://" is
// added to a bare host). Errors are *crm.Error naming the field.
func Normalize(f crm.CompanyFields) (crm.CompanyFields, error) {
	short := []struct {
		name string
		v    *string
	}{
		{"name", &f.Name}, {"industry", &f.Industry}, {"website", &f.Website}, {"size", &f.Size}, {"phone", &f.Phone},
		{"address.city", &f.Address.City}, {"address.region", &f.Address.Region},
		{"address.postcode", &f.Address.Postcode}, {"address.country", &f.Address.Country},
	}
	for _, s := range short {
		*s.v = crm.CleanLine(*s.v)
		if utf8.RuneCountInString(*s.v) > maxShortField {
			return f, crm.FieldError(crm.CodeInvalidInput, s.name, fmt.Sprintf("%s is longer than %d characters", s.name, maxShortField))
		}
	}
	var lines []string
	for _, l := range strings.Split(strings.ReplaceAll(strings.ToValidUTF8(f.Address.Street, "\uFFFD"), "\r\n", "\n"), "\n") {
		if l = crm.CleanLine(l); l != "" {
			lines = append(lines, l)
		}
	}
	f.Address.Street = strings.Join(lines, "\n")
	if utf8.RuneCountInString(f.Address.Street) > maxShortField {
		return f, crm.FieldError(crm.CodeInvalidInput, "address.street", "the street is too long")
	}
	f.Address.Label = ""
	if !f.Address.IsEmpty() {
		f.Address.Label = "work"
	}
	f.Notes = strings.TrimSpace(strings.ToValidUTF8(f.Notes, "\uFFFD"))
	if utf8.RuneCountInString(f.Notes) > maxNotes {
		return f, crm.FieldError(crm.CodeInvalidInput, "notes", fmt.Sprintf("notes are longer than %d characters", maxNotes))
	}
	if crm.CompanyKey(f.Name) == "" {
		return f, crm.FieldError(crm.CodeInvalidInput, "name", "a company needs a name")
	}
	if f.Website != "" {
		w, err := contacts.NormalizeURL(f.Website)
		if err != nil {
			return f, crm.FieldError(crm.CodeURLInvalid, "website", err.Error())
		}
		f.Website = w
	}
	return f, nil
}
