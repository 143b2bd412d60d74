package app

import (
	"context"

	"fieldbook/backend/companies"
)

// EventCompaniesChanged follows every change to a company (contact changes,
// which move people between companies, send EventContactsChanged).
const EventCompaniesChanged = "companies:changed"

// CompaniesService is bound to the front end: companies (accounts).
type CompaniesService struct {
	ctx    context.Context
	svc    *companies.Service
	events Emitter
}

// NewCompaniesService wraps the companies use cases for the binding.
func NewCompaniesService(ctx context.Context, svc *companies.Service, events Emitter) *CompaniesService {
	return &CompaniesService{ctx: ctx, svc: svc, events: events}
}

// List returns a window of companies with their people counts.
func (s *CompaniesService) List(req ListCompaniesRequest) (CompanyPage, error) {
	page, err := s.svc.List(s.ctx, req.Query, req.Offset, req.Limit)
	if err != nil {
		return CompanyPage{}, err
	}
	out := CompanyPage{Items: make([]Company, len(page.Items)), Total: page.Total, Offset: page.Offset}
	for i, c := range page.Items {
		out.Items[i] = toCompanyDTO(c)
	}
	return out, nil
}

// Get returns one company.
func (s *CompaniesService) Get(id string) (Company, error) {
	c, err := s.svc.Get(s.ctx, id)
	if err != nil {
		return Company{}, err
	}
	return toCompanyDTO(c), nil
}

// Create adds a company.
func (s *CompaniesService) Create(input CompanyInput) (Company, error) {
	c, err := s.svc.Create(s.ctx, input.fields())
	if err != nil {
		return Company{}, err
	}
	s.events.Emit(EventCompaniesChanged)
	return toCompanyDTO(c), nil
}

// Update saves an edit made to the given version of company id. A new name
// becomes the company name of each of its people.
func (s *CompaniesService) Update(id string, version int, input CompanyInput) (Company, error) {
	c, err := s.svc.Update(s.ctx, id, version, input.fields())
	if err != nil {
		return Company{}, err
	}
	if c.Version != version {
		s.events.Emit(EventCompaniesChanged)
		s.events.Emit(EventContactsChanged)
		s.events.Emit(EventStatusChanged)
	}
	return toCompanyDTO(c), nil
}

// Delete removes a company that has no people.
func (s *CompaniesService) Delete(id string) error {
	if err := s.svc.Delete(s.ctx, id); err != nil {
		return err
	}
	s.events.Emit(EventCompaniesChanged)
	return nil
}

// People returns a window of the company's contacts in name order.
func (s *CompaniesService) People(req CompanyPeopleRequest) (ContactPage, error) {
	page, err := s.svc.People(s.ctx, req.CompanyID, req.Offset, req.Limit)
	if err != nil {
		return ContactPage{}, err
	}
	out := ContactPage{Items: make([]ContactSummary, len(page.Items)), Total: page.Total, Offset: page.Offset}
	for i, c := range page.Items {
		out.Items[i] = toSummary(c)
	}
	return out, nil
}
