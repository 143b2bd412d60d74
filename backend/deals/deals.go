// Package deals is the use-case layer of deals and pipelines: it validates
// a deal (title, a stage of its pipeline, the amount through backend/money,
// probability 0..100, the expected close as a date), moves deals through
// stages (the store writes the stage history), wins, loses and reopens them,
// edits pipelines and their ordered stages, and builds the kanban board and
// the deal table with totals converted into the home currency. Deals are
// not journalled: the journal is the CardDAV/CalDAV outbox.
package deals

import (
	"context"
	"fmt"
	"slices"
	"time"

	"fieldbook/backend/crm"
	"fieldbook/backend/money"
)

// Store is what this package needs from persistence (backend/store).
type Store interface {
	Pipelines(ctx context.Context) ([]crm.Pipeline, error)
	GetPipeline(ctx context.Context, id string) (crm.Pipeline, error)
	SavePipeline(ctx context.Context, p crm.Pipeline, at time.Time) error
	DeletePipeline(ctx context.Context, id string, at time.Time) error

	CreateDeal(ctx context.Context, d crm.Deal) error
	UpdateDeal(ctx context.Context, d crm.Deal) error
	DeleteDeal(ctx context.Context, id string, at time.Time) error
	RestoreDeal(ctx context.Context, id string, at time.Time) error
	GetDeal(ctx context.Context, id string) (crm.DealView, error)
	DealHistory(ctx context.Context, id string) ([]crm.StageVisit, error)

	DealFigures(ctx context.Context, f crm.DealFilter) ([]crm.DealFigures, error)
	FirstDealsPerStage(ctx context.Context, f crm.DealFilter, perStage int) ([]crm.DealView, error)
	ListDeals(ctx context.Context, f crm.DealFilter, sort crm.DealSort, desc bool, offset, limit int) ([]crm.DealView, int, error)
	DealsByID(ctx context.Context, ids []string) ([]crm.DealView, error)
	DealsForCompany(ctx context.Context, companyID string) ([]crm.DealView, error)
	DealsForContact(ctx context.Context, contactID string) ([]crm.DealView, error)
}

// Rates gives the converter into the home currency (backend/currencies).
type Rates interface {
	Converter(ctx context.Context) (*money.Converter, error)
}

// Service manages deals and pipelines.
type Service struct {
	store Store
	rates Rates
	clock crm.Clock
	zone  func(context.Context) (*time.Location, error)
}

// Option configures New.
type Option func(*Service)

// WithZone sets the user's time zone, which decides what "today" and "this
// month" are (default UTC).
func WithZone(zone func(context.Context) (*time.Location, error)) Option {
	return func(s *Service) { s.zone = zone }
}

// New returns a Service over st, converting with rates, stamping changes
// with clock.
func New(st Store, rates Rates, clock crm.Clock, opts ...Option) *Service {
	s := &Service{store: st, rates: rates, clock: clock,
		zone: func(context.Context) (*time.Location, error) { return time.UTC, nil }}
	for _, o := range opts {
		o(s)
	}
	return s
}

// Deal is a deal with its amounts in the home currency: nil when no rate
// converts its currency.
type Deal struct {
	crm.DealView
	// AmountHome is the amount converted on ConversionDate.
	AmountHome *crm.Money
	// WeightedHome is AmountHome × the effective probability.
	WeightedHome *crm.Money
	// Home is the home currency.
	Home string
}

// Create validates in and stores it as a new open deal.
func (s *Service) Create(ctx context.Context, in Input) (Deal, error) {
	f, err := s.validate(ctx, in)
	if err != nil {
		return Deal{}, err
	}
	f.Status = crm.DealOpen
	f.LeadID = crm.CleanLine(in.LeadID)
	now := s.clock.Now()
	d := crm.Deal{ID: crm.NewID(now), DealFields: f, Version: 1, CreatedAt: now, UpdatedAt: now}
	if err := s.store.CreateDeal(ctx, d); err != nil {
		return Deal{}, err
	}
	return s.Get(ctx, d.ID)
}

// current returns the live deal id at version base.
func (s *Service) current(ctx context.Context, id string, base int) (crm.DealView, error) {
	cur, err := s.store.GetDeal(ctx, id)
	if err != nil {
		return cur, err
	}
	if cur.DeletedAt != nil {
		return cur, crm.Errorf(crm.CodeNotFound, "deal %s was deleted", id)
	}
	if cur.Version != base {
		return cur, crm.Errorf(crm.CodeVersionConflict,
			"deal %s changed elsewhere: it is at version %d, the edit was based on version %d", id, cur.Version, base)
	}
	return cur, nil
}

// write stores next as the version after cur and returns it read back.
func (s *Service) write(ctx context.Context, cur crm.DealView, next crm.Deal) (Deal, error) {
	next.Version = cur.Version + 1
	next.UpdatedAt = s.clock.Now()
	if err := s.store.UpdateDeal(ctx, next); err != nil {
		return Deal{}, err
	}
	return s.Get(ctx, next.ID)
}

// Update replaces the edited fields of deal id, edited from baseVersion.
// Status, close reason and lead stay as they are; a new stage writes a
// stage-history row.
func (s *Service) Update(ctx context.Context, id string, baseVersion int, in Input) (Deal, error) {
	f, err := s.validate(ctx, in)
	if err != nil {
		return Deal{}, err
	}
	cur, err := s.current(ctx, id, baseVersion)
	if err != nil {
		return Deal{}, err
	}
	f.Status, f.CloseReason, f.LeadID = cur.Status, cur.CloseReason, cur.LeadID
	if sameFields(cur.DealFields, f) {
		return s.enrich(ctx, cur)
	}
	next := cur.Deal
	next.DealFields = f
	return s.write(ctx, cur, next)
}

func sameFields(a, b crm.DealFields) bool {
	pa, pb := a.Probability, b.Probability
	if (pa == nil) != (pb == nil) || (pa != nil && *pa != *pb) {
		return false
	}
	a.Probability, b.Probability = nil, nil
	ca, cb := a.ContactIDs, b.ContactIDs
	a.ContactIDs, b.ContactIDs = nil, nil
	return a.Title == b.Title && a.PipelineID == b.PipelineID && a.StageID == b.StageID && a.Status == b.Status &&
		a.Amount == b.Amount && a.ExpectedClose == b.ExpectedClose && a.OwnerID == b.OwnerID && a.CompanyID == b.CompanyID &&
		a.LeadID == b.LeadID && a.CloseReason == b.CloseReason && a.Notes == b.Notes && slices.Equal(ca, cb)
}

// Move puts open deal id (at baseVersion) into stage stageID of its
// pipeline: the drag on the kanban. The current stage visit ends and a new
// one starts; moving to the stage it is in changes nothing.
func (s *Service) Move(ctx context.Context, id string, baseVersion int, stageID string) (Deal, error) {
	cur, err := s.current(ctx, id, baseVersion)
	if err != nil {
		return Deal{}, err
	}
	if cur.StageID == stageID {
		return s.enrich(ctx, cur)
	}
	if cur.Status != crm.DealOpen {
		return Deal{}, crm.FieldError(crm.CodeDealInvalid, "stageId", fmt.Sprintf("the deal is %s; reopen it before moving it", cur.Status))
	}
	p, err := s.store.GetPipeline(ctx, cur.PipelineID)
	if err != nil {
		return Deal{}, err
	}
	if _, ok := stageOf(p, stageID); !ok {
		return Deal{}, crm.FieldError(crm.CodeDealInvalid, "stageId", fmt.Sprintf("stage %s is not a stage of pipeline %q", stageID, p.Name))
	}
	next := cur.Deal
	next.StageID = stageID
	return s.write(ctx, cur, next)
}

// Win marks open deal id won for reason, now.
func (s *Service) Win(ctx context.Context, id string, baseVersion int, reason string) (Deal, error) {
	return s.close(ctx, id, baseVersion, crm.DealWon, reason)
}

// Lose marks open deal id lost for reason, now.
func (s *Service) Lose(ctx context.Context, id string, baseVersion int, reason string) (Deal, error) {
	return s.close(ctx, id, baseVersion, crm.DealLost, reason)
}

func (s *Service) close(ctx context.Context, id string, baseVersion int, status crm.DealStatus, reason string) (Deal, error) {
	reason, err := checkText("closeReason", reason, maxShortField)
	if err != nil {
		return Deal{}, err
	}
	cur, err := s.current(ctx, id, baseVersion)
	if err != nil {
		return Deal{}, err
	}
	if cur.Status != crm.DealOpen {
		return Deal{}, crm.FieldError(crm.CodeDealInvalid, "status", fmt.Sprintf("the deal is already %s; reopen it first", cur.Status))
	}
	next := cur.Deal
	now := s.clock.Now()
	next.Status, next.CloseReason, next.ClosedAt = status, reason, &now
	return s.write(ctx, cur, next)
}

// Reopen makes a won or lost deal open again in the stage it was in; an
// open deal stays as it is.
func (s *Service) Reopen(ctx context.Context, id string, baseVersion int) (Deal, error) {
	cur, err := s.current(ctx, id, baseVersion)
	if err != nil {
		return Deal{}, err
	}
	if cur.Status == crm.DealOpen {
		return s.enrich(ctx, cur)
	}
	next := cur.Deal
	next.Status, next.CloseReason, next.ClosedAt = crm.DealOpen, "", nil
	return s.write(ctx, cur, next)
}

// Delete tombstones deal id (Restore undoes it).
func (s *Service) Delete(ctx context.Context, id string) error {
	return s.store.DeleteDeal(ctx, id, s.clock.Now())
}

// Restore brings a deleted deal back.
func (s *Service) Restore(ctx context.Context, id string) (Deal, error) {
	if err := s.store.RestoreDeal(ctx, id, s.clock.Now()); err != nil {
		return Deal{}, err
	}
	return s.Get(ctx, id)
}

// Get returns one deal (live or deleted) with its home-currency amounts.
func (s *Service) Get(ctx context.Context, id string) (Deal, error) {
	v, err := s.store.GetDeal(ctx, id)
	if err != nil {
		return Deal{}, err
	}
	return s.enrich(ctx, v)
}

// History returns the stage visits of deal id, oldest first.
func (s *Service) History(ctx context.Context, id string) ([]crm.StageVisit, error) {
	if _, err := s.store.GetDeal(ctx, id); err != nil {
		return nil, err
	}
	return s.store.DealHistory(ctx, id)
}

// ForCompany returns the live deals of a company, open ones first.
func (s *Service) ForCompany(ctx context.Context, companyID string) ([]Deal, error) {
	vs, err := s.store.DealsForCompany(ctx, companyID)
	if err != nil {
		return nil, err
	}
	return s.enrichAll(ctx, vs)
}

// ForContact returns the live deals a contact is linked to, open ones first.
func (s *Service) ForContact(ctx context.Context, contactID string) ([]Deal, error) {
	vs, err := s.store.DealsForContact(ctx, contactID)
	if err != nil {
		return nil, err
	}
	return s.enrichAll(ctx, vs)
}

func (s *Service) enrich(ctx context.Context, v crm.DealView) (Deal, error) {
	out, err := s.enrichAll(ctx, []crm.DealView{v})
	if err != nil {
		return Deal{}, err
	}
	return out[0], nil
}

func (s *Service) enrichAll(ctx context.Context, vs []crm.DealView) ([]Deal, error) {
	conv, today, err := s.converter(ctx)
	if err != nil {
		return nil, err
	}
	loc, err := s.zone(ctx)
	if err != nil {
		return nil, fmt.Errorf("deals: user zone: %w", err)
	}
	out := make([]Deal, len(vs))
	for i, v := range vs {
		out[i] = withHome(conv, v, ConversionDate(v.Status, v.ExpectedClose, v.ClosedAt, today, loc))
	}
	return out, nil
}

// converter returns the converter into the home currency and today's date
// in the user's zone.
func (s *Service) converter(ctx context.Context) (*money.Converter, string, error) {
	conv, err := s.rates.Converter(ctx)
	if err != nil {
		return nil, "", fmt.Errorf("deals: exchange rates: %w", err)
	}
	loc, err := s.zone(ctx)
	if err != nil {
		return nil, "", fmt.Errorf("deals: user zone: %w", err)
	}
	return conv, s.clock.Now().In(loc).Format(time.DateOnly), nil
}

func withHome(conv *money.Converter, v crm.DealView, date string) Deal {
	d := Deal{DealView: v, Home: conv.Home()}
	home, err := conv.Convert(v.Amount, date)
	if err != nil {
		return d
	}
	d.AmountHome = &home
	if w, err := weighted(conv, v.Amount, v.EffectiveProbability(), date); err == nil {
		d.WeightedHome = &w
	}
	return d
}

// weighted converts amount × pct% into the home currency on date.
func weighted(conv *money.Converter, amount crm.Money, pct int, date string) (crm.Money, error) {
	w, err := money.Percent(amount, pct)
	if err != nil {
		return crm.Money{}, err
	}
	return conv.Convert(w, date)
}

// ConversionDate is the date a deal's amount is converted on: the day it
// was closed (in loc) for a won or lost deal, else its expected close, else
// today.
func ConversionDate(status crm.DealStatus, expectedClose string, closedAt *time.Time, today string, loc *time.Location) string {
	if status != crm.DealOpen && closedAt != nil {
		return closedAt.In(loc).Format(time.DateOnly)
	}
	if expectedClose != "" {
		return expectedClose
	}
	return today
}
