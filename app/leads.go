package app

import (
	"context"

	"fieldbook/backend/crm"
	"fieldbook/backend/leads"
)

// EventLeadsChanged follows every change to leads, their scores or the
// scoring rules.
const EventLeadsChanged = "leads:changed"

// MeFinder finds the local user's owner profile (backend/owners).
type MeFinder interface {
	Me(ctx context.Context) (crm.Owner, error)
}

// LeadsService is bound to the front end: leads, their scores, the scoring
// rules and conversion into a contact, company and deal.
type LeadsService struct {
	ctx    context.Context
	svc    *leads.Service
	me     MeFinder
	events Emitter
}

// NewLeadsService wraps the leads use cases for the binding; a new lead
// without an owner belongs to me.
func NewLeadsService(ctx context.Context, svc *leads.Service, me MeFinder, events Emitter) *LeadsService {
	return &LeadsService{ctx: ctx, svc: svc, me: me, events: events}
}

// List returns a window of leads, highest score first unless asked otherwise.
func (s *LeadsService) List(req ListLeadsRequest) (LeadPage, error) {
	page, err := s.svc.List(s.ctx, crm.LeadFilter{Query: req.Query, Status: crm.LeadStatus(req.Status), Source: req.Source,
		OwnerID: req.OwnerID, Sort: crm.LeadSort(req.Sort), Offset: req.Offset, Limit: req.Limit})
	if err != nil {
		return LeadPage{}, err
	}
	out := LeadPage{Items: make([]Lead, len(page.Items)), Total: page.Total, Offset: page.Offset}
	for i, l := range page.Items {
		out.Items[i] = toLeadDTO(l)
	}
	return out, nil
}

// Get returns one lead (a converted one too, with what it became).
func (s *LeadsService) Get(id string) (Lead, error) {
	l, err := s.svc.Get(s.ctx, id)
	if err != nil {
		return Lead{}, err
	}
	return toLeadDTO(l), nil
}

// Create adds a lead, scored; without an owner it belongs to me.
func (s *LeadsService) Create(input LeadInput) (Lead, error) {
	f := input.fields()
	if f.OwnerID == "" && s.me != nil {
		if me, err := s.me.Me(s.ctx); err == nil {
			f.OwnerID = me.ID
		}
	}
	l, err := s.svc.Create(s.ctx, f)
	if err != nil {
		return Lead{}, err
	}
	s.events.Emit(EventLeadsChanged)
	return toLeadDTO(l), nil
}

// Update saves an edit made to the given version of lead id, rescored.
func (s *LeadsService) Update(id string, version int, input LeadInput) (Lead, error) {
	l, err := s.svc.Update(s.ctx, id, version, input.fields())
	if err != nil {
		return Lead{}, err
	}
	if l.Version != version {
		s.events.Emit(EventLeadsChanged)
	}
	return toLeadDTO(l), nil
}

// Delete removes a lead (Restore brings it back).
func (s *LeadsService) Delete(id string) error {
	if err := s.svc.Delete(s.ctx, id); err != nil {
		return err
	}
	s.events.Emit(EventLeadsChanged)
	return nil
}

// Restore brings a deleted lead back (undo of Delete).
func (s *LeadsService) Restore(id string) (Lead, error) {
	l, err := s.svc.Restore(s.ctx, id)
	if err != nil {
		return Lead{}, err
	}
	s.events.Emit(EventLeadsChanged)
	return toLeadDTO(l), nil
}

// Rules returns the scoring rules in force (the defaults until saved).
func (s *LeadsService) Rules() ([]ScoringRule, error) {
	rules, err := s.svc.Rules(s.ctx)
	if err != nil {
		return nil, err
	}
	return rulesDTO(rules), nil
}

// SaveRules validates and saves the scoring rules and rescores every lead.
func (s *LeadsService) SaveRules(rules []ScoringRule) ([]ScoringRule, error) {
	in := make([]crm.ScoringRule, len(rules))
	for i, r := range rules {
		in[i] = r.rule()
	}
	saved, err := s.svc.SaveRules(s.ctx, in)
	if err != nil {
		return nil, err
	}
	s.events.Emit(EventLeadsChanged)
	return rulesDTO(saved), nil
}

// DefaultRules returns the rules Fieldbook ships (what "Reset" offers; not saved).
func (s *LeadsService) DefaultRules() []ScoringRule { return rulesDTO(leads.DefaultRules()) }

func rulesDTO(rules []crm.ScoringRule) []ScoringRule {
	out := make([]ScoringRule, len(rules))
	for i, r := range rules {
		out[i] = toRuleDTO(r)
	}
	return out
}

// Convert turns lead id (at version) into a contact, a company and
// optionally a deal in one step; the lead stays, marked converted.
func (s *LeadsService) Convert(id string, version int, req ConvertLeadRequest) (ConvertLeadResult, error) {
	res, err := s.svc.Convert(s.ctx, id, version, req.options())
	if err != nil {
		return ConvertLeadResult{}, err
	}
	s.events.Emit(EventLeadsChanged)
	s.events.Emit(EventContactsChanged)
	s.events.Emit(EventCompaniesChanged)
	s.events.Emit(EventStatusChanged)
	if res.DealID != "" {
		s.events.Emit(EventDealsChanged)
	}
	return ConvertLeadResult(res), nil
}

// rescore rescores lead leadID after an activity was logged,
// changed or deleted on it (the activities service calls it; not bound).
func (s *LeadsService) rescore(leadID string) error {
	if leadID == "" {
		return nil
	}
	if _, err := s.svc.Rescore(s.ctx, leadID); err != nil {
		return err
	}
	s.events.Emit(EventLeadsChanged)
	return nil
}
