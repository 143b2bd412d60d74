package app

import (
	"context"

	"fieldbook/backend/crm"
	"fieldbook/backend/customfields"
)

// EventCustomFieldsChanged follows every change to the custom field
// definitions.
const EventCustomFieldsChanged = "customfields:changed"

// CustomFieldsService is bound to the front end: the definitions of
// user-defined contact fields (Settings → Custom fields).
type CustomFieldsService struct {
	ctx    context.Context
	svc    *customfields.Service
	events Emitter
}

// NewCustomFieldsService wraps the custom field use cases for the binding.
func NewCustomFieldsService(ctx context.Context, svc *customfields.Service, events Emitter) *CustomFieldsService {
	return &CustomFieldsService{ctx: ctx, svc: svc, events: events}
}

// List returns the fields in their order.
func (s *CustomFieldsService) List() ([]CustomField, error) {
	fs, err := s.svc.List(s.ctx)
	if err != nil {
		return nil, err
	}
	return toCustomFieldDTOs(fs), nil
}

// Create adds a field at the end.
func (s *CustomFieldsService) Create(input CustomFieldInput) (CustomField, error) {
	f, err := s.svc.Create(s.ctx, input.Name, crm.CustomFieldKind(input.Kind), input.Options)
	if err != nil {
		return CustomField{}, err
	}
	s.changed()
	return toCustomFieldDTO(f), nil
}

// Update renames field id and sets its choices (input.Kind is ignored: a
// field keeps its kind).
func (s *CustomFieldsService) Update(id string, input CustomFieldInput) (CustomField, error) {
	f, err := s.svc.Update(s.ctx, id, input.Name, input.Options)
	if err != nil {
		return CustomField{}, err
	}
	s.changed()
	return toCustomFieldDTO(f), nil
}

// Delete hides field id; contacts keep their values.
func (s *CustomFieldsService) Delete(id string) error {
	if err := s.svc.Delete(s.ctx, id); err != nil {
		return err
	}
	s.changed()
	return nil
}

// Reorder puts the fields in the order of ids and returns them.
func (s *CustomFieldsService) Reorder(ids []string) ([]CustomField, error) {
	fs, err := s.svc.Reorder(s.ctx, ids)
	if err != nil {
		return nil, err
	}
	s.changed()
	return toCustomFieldDTOs(fs), nil
}

func (s *CustomFieldsService) changed() { s.events.Emit(EventCustomFieldsChanged) }

func toCustomFieldDTOs(fs []crm.CustomField) []CustomField {
	out := make([]CustomField, len(fs))
	for i, f := range fs {
		out[i] = toCustomFieldDTO(f)
	}
	return out
}
