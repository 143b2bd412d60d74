// Package customfields manages the definitions of user-defined contact
// fields (text, number, date, choice). Values live on the contacts and are
// checked by the contacts service against these definitions.
package customfields

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"fieldbook/backend/crm"
)

// Store is what this package needs from persistence.
type Store interface {
	CustomFields(ctx context.Context) ([]crm.CustomField, error)
	CreateCustomField(ctx context.Context, f crm.CustomField) error
	UpdateCustomField(ctx context.Context, f crm.CustomField) error
	DeleteCustomField(ctx context.Context, id string) error
	ReorderCustomFields(ctx context.Context, ids []string) error
}

// Limits on definitions.
const (
	MaxFields  = 100
	MaxOptions = 200
	maxName    = 100
)

// Service manages custom field definitions.
type Service struct {
	store Store
	clock crm.Clock
}

// New returns a Service over st; clock makes the new fields' IDs.
func New(st Store, clock crm.Clock) *Service {
	return &Service{store: st, clock: clock}
}

// List returns the live definitions in their order.
func (s *Service) List(ctx context.Context) ([]crm.CustomField, error) {
	return s.store.CustomFields(ctx)
}

// Create adds a field of the given kind after the others. A choice field
// needs at least one option; other kinds take none.
func (s *Service) Create(ctx context.Context, name string, kind crm.CustomFieldKind, options []string) (crm.CustomField, error) {
	switch kind {
	case crm.CustomText, crm.CustomNumber, crm.CustomDate, crm.CustomChoice:
	default:
		return crm.CustomField{}, crm.FieldError(crm.CodeInvalidInput, "kind", fmt.Sprintf("%q is not a kind of field (text, number, date, choice)", kind))
	}
	existing, err := s.store.CustomFields(ctx)
	if err != nil {
		return crm.CustomField{}, err
	}
	if len(existing) >= MaxFields {
		return crm.CustomField{}, crm.Errorf(crm.CodeInvalidInput, "there can be at most %d custom fields", MaxFields)
	}
	f := crm.CustomField{ID: crm.NewID(s.clock.Now()), Kind: kind}
	if f.Name, err = cleanName(name, "", existing); err != nil {
		return f, err
	}
	if f.Options, err = cleanOptions(kind, options); err != nil {
		return f, err
	}
	if err := s.store.CreateCustomField(ctx, f); err != nil {
		return f, err
	}
	return s.find(ctx, f.ID)
}

// Update renames field id and, for a choice field, sets its options. Values
// contacts already have keep working even if their option is removed.
func (s *Service) Update(ctx context.Context, id, name string, options []string) (crm.CustomField, error) {
	existing, err := s.store.CustomFields(ctx)
	if err != nil {
		return crm.CustomField{}, err
	}
	f, err := s.find(ctx, id)
	if err != nil {
		return f, err
	}
	if f.Name, err = cleanName(name, id, existing); err != nil {
		return f, err
	}
	if f.Options, err = cleanOptions(f.Kind, options); err != nil {
		return f, err
	}
	if err := s.store.UpdateCustomField(ctx, f); err != nil {
		return f, err
	}
	return f, nil
}

// Delete removes field id from the app; contacts keep their values, hidden.
func (s *Service) Delete(ctx context.Context, id string) error {
	return s.store.DeleteCustomField(ctx, id)
}

// Reorder puts the fields in the order of ids (each live field once).
func (s *Service) Reorder(ctx context.Context, ids []string) ([]crm.CustomField, error) {
	if err := s.store.ReorderCustomFields(ctx, ids); err != nil {
		return nil, err
	}
	return s.store.CustomFields(ctx)
}

func (s *Service) find(ctx context.Context, id string) (crm.CustomField, error) {
	all, err := s.store.CustomFields(ctx)
	if err != nil {
		return crm.CustomField{}, err
	}
	for _, f := range all {
		if f.ID == id {
			return f, nil
		}
	}
	return crm.CustomField{}, crm.Errorf(crm.CodeNotFound, "custom field %s does not exist", id)
}

// cleanName trims a field name and checks it is given, short, and not the
// name of another live field (compared case-insensitively).
func cleanName(name, self string, existing []crm.CustomField) (string, error) {
	name = crm.CleanLine(name)
	if name == "" {
		return "", crm.FieldError(crm.CodeInvalidInput, "name", "a custom field needs a name")
	}
	if utf8.RuneCountInString(name) > maxName {
		return "", crm.FieldError(crm.CodeInvalidInput, "name", fmt.Sprintf("a field name can have at most %d characters", maxName))
	}
	for _, f := range existing {
		if f.ID != self && strings.EqualFold(f.Name, name) {
			return "", crm.FieldError(crm.CodeCustomFieldExists, "name", fmt.Sprintf("there is already a field called %q", f.Name))
		}
	}
	return name, nil
}

// cleanOptions trims the choices, drops empty and repeated ones, and checks
// that a choice field has some and other kinds none.
func cleanOptions(kind crm.CustomFieldKind, in []string) ([]string, error) {
	out := []string{}
	seen := map[string]bool{}
	for _, o := range in {
		o = crm.CleanLine(o)
		if o == "" || seen[strings.ToLower(o)] {
			continue
		}
		if utf8.RuneCountInString(o) > maxName {
			return nil, crm.FieldError(crm.CodeInvalidInput, "options", fmt.Sprintf("a choice can have at most %d characters", maxName))
		}
		seen[strings.ToLower(o)] = true
		out = append(out, o)
	}
	switch {
	case kind == crm.CustomChoice && len(out) == 0:
		return nil, crm.FieldError(crm.CodeInvalidInput, "options", "a choice field needs at least one choice")
	case kind != crm.CustomChoice && len(out) > 0:
		return nil, crm.FieldError(crm.CodeInvalidInput, "options", "only a choice field has choices")
	case len(out) > MaxOptions:
		return nil, crm.FieldError(crm.CodeInvalidInput, "options", fmt.Sprintf("a choice field can have at most %d choices", MaxOptions))
	}
	return out, nil
}
