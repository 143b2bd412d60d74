package app

import (
	"context"

	"fieldbook/backend/contacts"
)

// ContactsService is bound to the front end: the address book.
type ContactsService struct {
	ctx    context.Context
	svc    *contacts.Service
	events Emitter
	extras contactExtras
}

// NewContactsService wraps the contacts use cases for the binding.
func NewContactsService(ctx context.Context, svc *contacts.Service, events Emitter) *ContactsService {
	return &ContactsService{ctx: ctx, svc: svc, events: events}
}

// List returns a window of contacts, searched when req.Query is not blank.
func (s *ContactsService) List(req ListContactsRequest) (ContactPage, error) {
	page, err := s.svc.List(s.ctx, req.Query, req.Offset, req.Limit)
	if err != nil {
		return ContactPage{}, err
	}
	out := ContactPage{Items: make([]ContactSummary, len(page.Items)), Total: page.Total, Offset: page.Offset}
	for i, c := range page.Items {
		out.Items[i] = toSummary(c)
	}
	return out, nil
}

// Get returns one contact.
func (s *ContactsService) Get(id string) (Contact, error) {
	c, err := s.svc.Get(s.ctx, id)
	if err != nil {
		return Contact{}, err
	}
	return s.decorate(toContactDTO(c), c)
}

// Create adds a contact.
func (s *ContactsService) Create(input ContactInput) (Contact, error) {
	c, err := s.svc.Create(s.ctx, input.fields())
	if err != nil {
		return Contact{}, err
	}
	s.changed()
	return s.decorate(toContactDTO(c), c)
}

// Update saves an edit made to the given version of contact id.
func (s *ContactsService) Update(id string, version int, input ContactInput) (Contact, error) {
	before := version
	c, err := s.svc.Update(s.ctx, id, version, input.fields())
	if err != nil {
		return Contact{}, err
	}
	if c.Version != before {
		s.changed()
	}
	return s.decorate(toContactDTO(c), c)
}

// Delete moves contact id to the trash; Restore undoes it.
func (s *ContactsService) Delete(id string) (Contact, error) {
	c, err := s.svc.Delete(s.ctx, id)
	if err != nil {
		return Contact{}, err
	}
	s.changed()
	return s.decorate(toContactDTO(c), c)
}

// Restore brings back a deleted contact.
func (s *ContactsService) Restore(id string) (Contact, error) {
	c, err := s.svc.Restore(s.ctx, id)
	if err != nil {
		return Contact{}, err
	}
	s.changed()
	return s.decorate(toContactDTO(c), c)
}

func (s *ContactsService) changed() {
	s.events.Emit(EventContactsChanged)
	s.events.Emit(EventStatusChanged)
}
