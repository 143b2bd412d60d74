package app

import (
	"context"
	"time"

	"fieldbook/backend/crm"
	"fieldbook/backend/feedback"
)

// EventFeedbackChanged follows every change to feedback answers.
const EventFeedbackChanged = "feedback:changed"

// careDeps are what the feedback and cases bindings share: the names of
// linked records, the user's zone for date ranges, and the local profile
// that owns new records by default.
type careDeps struct {
	names linkNamer
	zone  func(context.Context) (*time.Location, error)
	me    func(context.Context) (crm.Owner, error)
}

func (d careDeps) location(ctx context.Context) *time.Location {
	if d.zone != nil {
		if loc, err := d.zone(ctx); err == nil && loc != nil {
			return loc
		}
	}
	return time.Local
}

func (d careDeps) owner(ctx context.Context, id string) (string, error) {
	if id != "" || d.me == nil {
		return id, nil
	}
	me, err := d.me(ctx)
	if err != nil {
		return "", err
	}
	return me.ID, nil
}

// FeedbackService is bound to the front end: NPS and CSAT answers of
// contacts and their scores.
type FeedbackService struct {
	ctx    context.Context
	svc    *feedback.Service
	deps   careDeps
	events Emitter
}

// NewFeedbackService wraps the feedback use cases for the binding.
func NewFeedbackService(ctx context.Context, svc *feedback.Service, deps careDeps, events Emitter) *FeedbackService {
	return &FeedbackService{ctx: ctx, svc: svc, deps: deps, events: events}
}

func (s *FeedbackService) fields(in FeedbackInput) (crm.FeedbackFields, error) {
	at, err := parseCareInstant(in.ReceivedAt, s.deps.location(s.ctx), "receivedAt")
	if err != nil {
		return crm.FeedbackFields{}, err
	}
	owner, err := s.deps.owner(s.ctx, in.OwnerID)
	if err != nil {
		return crm.FeedbackFields{}, err
	}
	return crm.FeedbackFields{ContactID: in.ContactID, Kind: crm.FeedbackKind(in.Kind), Score: in.Score, Comment: in.Comment,
		ReceivedAt: at, OwnerID: owner}, nil
}

func (s *FeedbackService) dtos(fs []crm.Feedback) ([]FeedbackDTO, error) {
	var contactIDs, companyIDs []string
	for _, f := range fs {
		contactIDs = append(contactIDs, f.ContactID)
		if f.CompanyID != "" {
			companyIDs = append(companyIDs, f.CompanyID)
		}
	}
	people, companies, err := s.deps.names.LinkNames(s.ctx, contactIDs, companyIDs)
	if err != nil {
		return nil, err
	}
	out := make([]FeedbackDTO, len(fs))
	for i, f := range fs {
		out[i] = toFeedbackDTO(f, people, companies)
	}
	return out, nil
}

func (s *FeedbackService) one(f crm.Feedback) (FeedbackDTO, error) {
	out, err := s.dtos([]crm.Feedback{f})
	if err != nil {
		return FeedbackDTO{}, err
	}
	return out[0], nil
}

// Record adds an answer.
func (s *FeedbackService) Record(in FeedbackInput) (FeedbackDTO, error) {
	f, err := s.fields(in)
	if err != nil {
		return FeedbackDTO{}, err
	}
	fb, err := s.svc.Record(s.ctx, f)
	if err != nil {
		return FeedbackDTO{}, err
	}
	s.events.Emit(EventFeedbackChanged)
	return s.one(fb)
}

// Update saves an edit made to the given version of answer id.
func (s *FeedbackService) Update(id string, version int, in FeedbackInput) (FeedbackDTO, error) {
	f, err := s.fields(in)
	if err != nil {
		return FeedbackDTO{}, err
	}
	fb, err := s.svc.Update(s.ctx, id, version, f)
	if err != nil {
		return FeedbackDTO{}, err
	}
	if fb.Version != version {
		s.events.Emit(EventFeedbackChanged)
	}
	return s.one(fb)
}

// Delete removes an answer (Restore brings it back).
func (s *FeedbackService) Delete(id string) error {
	if _, err := s.svc.Delete(s.ctx, id); err != nil {
		return err
	}
	s.events.Emit(EventFeedbackChanged)
	return nil
}

// Restore brings back a deleted answer.
func (s *FeedbackService) Restore(id string) (FeedbackDTO, error) {
	fb, err := s.svc.Restore(s.ctx, id)
	if err != nil {
		return FeedbackDTO{}, err
	}
	s.events.Emit(EventFeedbackChanged)
	return s.one(fb)
}

// List returns a window of answers, newest first.
func (s *FeedbackService) List(q FeedbackQuery) (FeedbackPage, error) {
	from, to, err := dayBounds(q.From, q.To, s.deps.location(s.ctx))
	if err != nil {
		return FeedbackPage{}, err
	}
	page, err := s.svc.List(s.ctx, crm.FeedbackQuery{ContactID: q.ContactID, CompanyID: q.CompanyID, Kind: crm.FeedbackKind(q.Kind),
		From: from, To: to, Offset: q.Offset, Limit: q.Limit})
	if err != nil {
		return FeedbackPage{}, err
	}
	items, err := s.dtos(page.Items)
	if err != nil {
		return FeedbackPage{}, err
	}
	return FeedbackPage{Items: items, Total: page.Total, Offset: page.Offset}, nil
}

// ForContact returns the latest answers of a contact (at most 50).
func (s *FeedbackService) ForContact(contactID string) (FeedbackPage, error) {
	return s.List(FeedbackQuery{ContactID: contactID, Limit: 50})
}

// ForCompany returns the latest answers of a company's people (at most 50).
func (s *FeedbackService) ForCompany(companyID string) (FeedbackPage, error) {
	return s.List(FeedbackQuery{CompanyID: companyID, Limit: 50})
}

// Summary computes the NPS and CSAT of a date range, overall and by month.
func (s *FeedbackService) Summary(r DateRange) (FeedbackSummary, error) {
	loc := s.deps.location(s.ctx)
	from, to, err := dayBounds(r.From, r.To, loc)
	if err != nil {
		return FeedbackSummary{}, err
	}
	if from.IsZero() || to.IsZero() {
		return FeedbackSummary{}, crm.FieldError(crm.CodeDateInvalid, "from", "a summary needs both ends of its range")
	}
	if to.Sub(from) > 20*366*24*time.Hour {
		return FeedbackSummary{}, crm.FieldError(crm.CodeDateInvalid, "from", "a summary covers at most 20 years")
	}
	sum, err := s.svc.Summary(s.ctx, from, to, loc)
	if err != nil {
		return FeedbackSummary{}, err
	}
	out := FeedbackSummary{From: r.From, To: r.To, Count: sum.Count, NPS: toNPSDTO(sum.NPS), CSAT: toCSATDTO(sum.CSAT),
		Months: make([]FeedbackMonth, len(sum.Months))}
	for i, m := range sum.Months {
		out.Months[i] = FeedbackMonth{Month: m.Month, NPS: toNPSDTO(m.NPS), CSAT: toCSATDTO(m.CSAT)}
	}
	return out, nil
}
