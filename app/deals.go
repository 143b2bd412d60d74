package app

import (
	"context"
	"fmt"
	"time"

	"fieldbook/backend/crm"
	"fieldbook/backend/deals"
)

// Deal events.
const (
	// EventDealsChanged follows every change to a deal.
	EventDealsChanged = "deals:changed"
	// EventPipelinesChanged follows every change to a pipeline or its stages.
	EventPipelinesChanged = "pipelines:changed"
)

// DealsService is bound to the front end: pipelines, the kanban board, the
// deal table and the deal editor.
type DealsService struct {
	ctx    context.Context
	svc    *deals.Service
	lang   func() string
	zone   func(context.Context) (*time.Location, error)
	events Emitter
}

// NewDealsService wraps the deals use cases for the binding; lang gives the
// UI language amounts are written for, zone the user's time zone (what
// "this month" is).
func NewDealsService(ctx context.Context, svc *deals.Service, lang func() string, zone func(context.Context) (*time.Location, error), events Emitter) *DealsService {
	return &DealsService{ctx: ctx, svc: svc, lang: lang, zone: zone, events: events}
}

// Pipelines returns the pipelines with their stages, in order.
func (s *DealsService) Pipelines() ([]Pipeline, error) {
	ps, err := s.svc.Pipelines(s.ctx)
	if err != nil {
		return nil, err
	}
	out := make([]Pipeline, len(ps))
	for i, p := range ps {
		out[i] = toPipelineDTO(p)
	}
	return out, nil
}

// SavePipeline adds a pipeline or edits one (name, stages in order).
func (s *DealsService) SavePipeline(in PipelineInput) (Pipeline, error) {
	p, err := s.svc.SavePipeline(s.ctx, in.toInput())
	if err != nil {
		return Pipeline{}, err
	}
	s.events.Emit(EventPipelinesChanged)
	s.events.Emit(EventDealsChanged) // cards show stage names and probabilities
	return toPipelineDTO(p), nil
}

// DeletePipeline removes a pipeline that has no deals.
func (s *DealsService) DeletePipeline(id string) error {
	if err := s.svc.DeletePipeline(s.ctx, id); err != nil {
		return err
	}
	s.events.Emit(EventPipelinesChanged)
	return nil
}

// Board returns the kanban of a pipeline with per-stage totals.
func (s *DealsService) Board(q BoardQuery) (Board, error) {
	loc, err := s.zone(s.ctx)
	if err != nil {
		return Board{}, fmt.Errorf("app: board: user zone: %w", err)
	}
	bq := deals.BoardQuery{PipelineID: q.PipelineID, OwnerID: q.OwnerID, Query: q.Query, LimitPerStage: q.LimitPerStage}
	if q.ClosedFrom != "" || q.ClosedTo != "" {
		if bq.ClosedFrom, err = localDate("closedFrom", q.ClosedFrom, loc); err != nil {
			return Board{}, err
		}
		if bq.ClosedTo, err = localDate("closedTo", q.ClosedTo, loc); err != nil {
			return Board{}, err
		}
	}
	b, err := s.svc.Board(s.ctx, bq)
	if err != nil {
		return Board{}, err
	}
	return toBoardDTO(b, s.lang(), loc), nil
}

// localDate reads a YYYY-MM-DD date as its first instant in loc ("" = zero).
func localDate(field, s string, loc *time.Location) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.ParseInLocation(time.DateOnly, s, loc)
	if err != nil {
		return t, crm.FieldError(crm.CodeDateInvalid, field, fmt.Sprintf("%q is not a date (YYYY-MM-DD)", s))
	}
	return t, nil
}

// Table returns a sorted page of deals.
func (s *DealsService) Table(q DealTableQuery) (DealPage, error) {
	p, err := s.svc.Table(s.ctx, deals.TableQuery{PipelineID: q.PipelineID, OwnerID: q.OwnerID, Status: crm.DealStatus(q.Status),
		Query: q.Query, Sort: crm.DealSort(q.Sort), Desc: q.Desc, Offset: q.Offset, Limit: q.Limit})
	if err != nil {
		return DealPage{}, err
	}
	return DealPage{Items: toDealDTOs(p.Items, s.lang()), Total: p.Total, Offset: p.Offset}, nil
}

// Get returns one deal.
func (s *DealsService) Get(id string) (Deal, error) {
	return s.one(s.svc.Get(s.ctx, id))
}

// History returns a deal's stage visits, oldest first.
func (s *DealsService) History(id string) ([]StageVisit, error) {
	h, err := s.svc.History(s.ctx, id)
	if err != nil {
		return nil, err
	}
	out := make([]StageVisit, len(h))
	for i, v := range h {
		out[i] = StageVisit{StageID: v.StageID, StageName: v.StageName, Status: v.Status, EnteredAt: rfc3339(v.EnteredAt)}
		if v.LeftAt != nil {
			out[i].LeftAt = rfc3339(*v.LeftAt)
		}
	}
	return out, nil
}

// Create adds a deal.
func (s *DealsService) Create(in DealInput) (Deal, error) {
	return s.changed(s.svc.Create(s.ctx, in.toInput()))
}

// Update saves an edit made to the given version of deal id.
func (s *DealsService) Update(id string, version int, in DealInput) (Deal, error) {
	return s.changed(s.svc.Update(s.ctx, id, version, in.toInput()))
}

// Delete removes a deal (Restore undoes it).
func (s *DealsService) Delete(id string) error {
	if err := s.svc.Delete(s.ctx, id); err != nil {
		return err
	}
	s.events.Emit(EventDealsChanged)
	return nil
}

// Restore brings a deleted deal back.
func (s *DealsService) Restore(id string) (Deal, error) {
	return s.changed(s.svc.Restore(s.ctx, id))
}

// Move puts a deal into another stage of its pipeline (the kanban drag).
func (s *DealsService) Move(id string, version int, stageID string) (Deal, error) {
	return s.changed(s.svc.Move(s.ctx, id, version, stageID))
}

// Win marks a deal won for reason.
func (s *DealsService) Win(id string, version int, reason string) (Deal, error) {
	return s.changed(s.svc.Win(s.ctx, id, version, reason))
}

// Lose marks a deal lost for reason.
func (s *DealsService) Lose(id string, version int, reason string) (Deal, error) {
	return s.changed(s.svc.Lose(s.ctx, id, version, reason))
}

// Reopen makes a won or lost deal open again.
func (s *DealsService) Reopen(id string, version int) (Deal, error) {
	return s.changed(s.svc.Reopen(s.ctx, id, version))
}

// ForCompany returns a company's deals, open ones first.
func (s *DealsService) ForCompany(companyID string) ([]Deal, error) {
	ds, err := s.svc.ForCompany(s.ctx, companyID)
	if err != nil {
		return nil, err
	}
	return toDealDTOs(ds, s.lang()), nil
}

// ForContact returns the deals a contact is linked to, open ones first.
func (s *DealsService) ForContact(contactID string) ([]Deal, error) {
	ds, err := s.svc.ForContact(s.ctx, contactID)
	if err != nil {
		return nil, err
	}
	return toDealDTOs(ds, s.lang()), nil
}

func (s *DealsService) one(d deals.Deal, err error) (Deal, error) {
	if err != nil {
		return Deal{}, err
	}
	return toDealDTO(d, s.lang()), nil
}

// changed is one, and emits deals:changed after a successful write.
func (s *DealsService) changed(d deals.Deal, err error) (Deal, error) {
	if err != nil {
		return Deal{}, err
	}
	s.events.Emit(EventDealsChanged)
	return toDealDTO(d, s.lang()), nil
}
