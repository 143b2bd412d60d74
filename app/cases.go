package app

import (
	"context"

	"fieldbook/backend/cases"
	"fieldbook/backend/crm"
)

// EventCasesChanged follows every change to support cases.
const EventCasesChanged = "cases:changed"

// CasesService is bound to the front end: support cases.
type CasesService struct {
	ctx    context.Context
	svc    *cases.Service
	deps   careDeps
	events Emitter
}

// NewCasesService wraps the case use cases for the binding.
func NewCasesService(ctx context.Context, svc *cases.Service, deps careDeps, events Emitter) *CasesService {
	return &CasesService{ctx: ctx, svc: svc, deps: deps, events: events}
}

func (in CaseInput) fields() crm.CaseFields {
	return crm.CaseFields{Subject: in.Subject, Description: in.Description, ContactID: in.ContactID, CompanyID: in.CompanyID,
		Priority: crm.CasePriority(in.Priority), Status: crm.CaseStatus(in.Status), OwnerID: in.OwnerID}
}

func (s *CasesService) dtos(cs []crm.Case) ([]CaseDTO, error) {
	var contactIDs, companyIDs []string
	for _, c := range cs {
		if c.ContactID != "" {
			contactIDs = append(contactIDs, c.ContactID)
		}
		if c.CompanyID != "" {
			companyIDs = append(companyIDs, c.CompanyID)
		}
	}
	people, companies, err := s.deps.names.LinkNames(s.ctx, contactIDs, companyIDs)
	if err != nil {
		return nil, err
	}
	out := make([]CaseDTO, len(cs))
	for i, c := range cs {
		out[i] = toCaseDTO(c, people, companies)
	}
	return out, nil
}

// changed tells the front end and returns the case as a DTO.
func (s *CasesService) changed(c crm.Case, emit bool) (CaseDTO, error) {
	if emit {
		s.events.Emit(EventCasesChanged)
	}
	out, err := s.dtos([]crm.Case{c})
	if err != nil {
		return CaseDTO{}, err
	}
	return out[0], nil
}

// Open adds a case; its number is given by the backend.
func (s *CasesService) Open(in CaseInput) (CaseDTO, error) {
	opened, err := parseCareInstant(in.OpenedAt, s.deps.location(s.ctx), "openedAt")
	if err != nil {
		return CaseDTO{}, err
	}
	f := in.fields()
	if f.OwnerID, err = s.deps.owner(s.ctx, f.OwnerID); err != nil {
		return CaseDTO{}, err
	}
	c, err := s.svc.Open(s.ctx, f, opened)
	if err != nil {
		return CaseDTO{}, err
	}
	return s.changed(c, true)
}

// Update saves an edit made to the given version of case id (a new status
// resolves or reopens it).
func (s *CasesService) Update(id string, version int, in CaseInput) (CaseDTO, error) {
	c, err := s.svc.Update(s.ctx, id, version, in.fields())
	if err != nil {
		return CaseDTO{}, err
	}
	return s.changed(c, c.Version != version)
}

// Resolve marks the given version of case id resolved now.
func (s *CasesService) Resolve(id string, version int) (CaseDTO, error) {
	c, err := s.svc.Resolve(s.ctx, id, version)
	if err != nil {
		return CaseDTO{}, err
	}
	return s.changed(c, true)
}

// Reopen puts a resolved or closed case back to open.
func (s *CasesService) Reopen(id string, version int) (CaseDTO, error) {
	c, err := s.svc.Reopen(s.ctx, id, version)
	if err != nil {
		return CaseDTO{}, err
	}
	return s.changed(c, c.Version != version)
}

// Delete removes a case (Restore brings it back).
func (s *CasesService) Delete(id string) error {
	if _, err := s.svc.Delete(s.ctx, id); err != nil {
		return err
	}
	s.events.Emit(EventCasesChanged)
	return nil
}

// Restore brings back a deleted case.
func (s *CasesService) Restore(id string) (CaseDTO, error) {
	c, err := s.svc.Restore(s.ctx, id)
	if err != nil {
		return CaseDTO{}, err
	}
	return s.changed(c, true)
}

// Get returns one case.
func (s *CasesService) Get(id string) (CaseDTO, error) {
	c, err := s.svc.Get(s.ctx, id)
	if err != nil {
		return CaseDTO{}, err
	}
	return s.changed(c, false)
}

// List returns a window of cases.
func (s *CasesService) List(q CaseQuery) (CasePage, error) {
	cq := crm.CaseQuery{OwnerID: q.OwnerID, ContactID: q.ContactID, CompanyID: q.CompanyID, Text: q.Text,
		Sort: crm.CaseSort(q.Sort), Desc: q.Desc, Offset: q.Offset, Limit: q.Limit}
	for _, st := range q.Statuses {
		cq.Statuses = append(cq.Statuses, crm.CaseStatus(st))
	}
	for _, p := range q.Priorities {
		cq.Priorities = append(cq.Priorities, crm.CasePriority(p))
	}
	page, err := s.svc.List(s.ctx, cq)
	if err != nil {
		return CasePage{}, err
	}
	items, err := s.dtos(page.Items)
	if err != nil {
		return CasePage{}, err
	}
	return CasePage{Items: items, Total: page.Total, Offset: page.Offset}, nil
}

// ForContact returns a contact's cases, newest first (at most 50).
func (s *CasesService) ForContact(contactID string) (CasePage, error) {
	return s.List(CaseQuery{ContactID: contactID, Sort: string(crm.CaseSortOpened), Desc: true, Limit: 50})
}

// ForCompany returns a company's cases, newest first (at most 50).
func (s *CasesService) ForCompany(companyID string) (CasePage, error) {
	return s.List(CaseQuery{CompanyID: companyID, Sort: string(crm.CaseSortOpened), Desc: true, Limit: 50})
}

// Stats returns the resolution times of the cases resolved in a date range
// and the backlog now.
func (s *CasesService) Stats(r DateRange) (CaseStats, error) {
	from, to, err := dayBounds(r.From, r.To, s.deps.location(s.ctx))
	if err != nil {
		return CaseStats{}, err
	}
	if from.IsZero() || to.IsZero() {
		return CaseStats{}, crm.FieldError(crm.CodeDateInvalid, "from", "the statistics need both ends of their range")
	}
	st, err := s.svc.Stats(s.ctx, from, to)
	if err != nil {
		return CaseStats{}, err
	}
	return toCaseStats(st), nil
}
