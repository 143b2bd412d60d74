package deals

import (
	"context"
	"fmt"
	"math"
	"sort"
	"time"

	"fieldbook/backend/crm"
	"fieldbook/backend/money"
)

// Page limits.
const (
	// DefaultPerStage is how many cards a board column shows when the query
	// does not say.
	DefaultPerStage = 50
	// MaxPage is the largest window Board (per stage) and Table return.
	MaxPage = 500
)

// BoardQuery selects the board: a pipeline ("" = the first), an owner
// ("" = all), a text the title or company name contains, how many cards
// per column, and the period whose won and lost deals are counted (zero =
// this month in the user's zone).
type BoardQuery struct {
	PipelineID    string
	OwnerID       string
	Query         string
	LimitPerStage int
	ClosedFrom    time.Time
	ClosedTo      time.Time
}

// Column is one stage of the board: its first deals, how many open deals
// it holds, and their total and weighted total in the home currency.
// Missing lists the currencies left out of the totals for want of a rate
// (never counted as 0 silently).
type Column struct {
	Stage    crm.Stage
	Deals    []Deal
	Count    int
	Total    crm.Money
	Weighted crm.Money
	Missing  []string
}

// Closed counts the deals won (or lost) in the board's period and their
// total in the home currency, each converted on the day it closed.
type Closed struct {
	Count   int
	Total   crm.Money
	Missing []string
}

// Board is the kanban of one pipeline.
type Board struct {
	Pipeline crm.Pipeline
	Columns  []Column
	Won      Closed
	Lost     Closed
	Home     string
	// ClosedFrom and ClosedTo are the period Won and Lost cover.
	ClosedFrom, ClosedTo time.Time
}

type columnSums struct {
	count           int
	total, weighted *money.Total
}

// sumKey groups the amounts of a stage converted at the same rate: their
// sum in minor units converts exactly as the sum of their conversions, so
// a board of thousands of deals converts a few dozen sums.
type sumKey struct {
	stage, currency, rate string
}

type groupSum struct {
	date             string // a date the rate applies on
	amount, weighted crm.Money
}

// stageSums adds the open deals figs up per stage: count, total and
// weighted total (each deal's weighted amount rounded half up to its
// currency's minor unit, as money.Percent does) in the home currency.
func stageSums(conv *money.Converter, stages []crm.Stage, figs []crm.DealFigures, today string, loc *time.Location) (map[string]*columnSums, error) {
	sums := make(map[string]*columnSums, len(stages))
	stageProb := make(map[string]int, len(stages))
	for _, st := range stages {
		sums[st.ID] = &columnSums{total: conv.NewTotal(), weighted: conv.NewTotal()}
		stageProb[st.ID] = st.Probability
	}
	groups := map[sumKey]*groupSum{}
	var order []sumKey
	for _, g := range figs {
		c := sums[g.StageID]
		if c == nil {
			continue // a removed stage cannot hold open deals; be lenient all the same
		}
		c.count++
		date := ConversionDate(g.Status, g.ExpectedClose, g.ClosedAt, today, loc)
		rate, ok := conv.Rate(g.Amount.Currency, date)
		if !ok {
			_ = c.total.Add(g.Amount, date) // records the currency as missing
			continue
		}
		w, err := percent(g.Amount, crm.EffectiveProbability(g.Status, g.Probability, stageProb[g.StageID]))
		if err != nil {
			return nil, fmt.Errorf("deals: weighted amount of %s: %w", g.ID, err)
		}
		k := sumKey{g.StageID, g.Amount.Currency, rate}
		gs := groups[k]
		if gs == nil {
			gs = &groupSum{date: date, amount: crm.Money{Currency: g.Amount.Currency}, weighted: crm.Money{Currency: g.Amount.Currency}}
			groups[k] = gs
			order = append(order, k)
		}
		if gs.amount, err = money.Add(gs.amount, g.Amount); err != nil {
			return nil, fmt.Errorf("deals: total of a stage: %w", err)
		}
		if gs.weighted, err = money.Add(gs.weighted, w); err != nil {
			return nil, fmt.Errorf("deals: weighted total of a stage: %w", err)
		}
	}
	for _, k := range order {
		gs, c := groups[k], sums[k.stage]
		if err := c.total.Add(gs.amount, gs.date); err != nil {
			return nil, fmt.Errorf("deals: total of a stage: %w", err)
		}
		if err := c.weighted.Add(gs.weighted, gs.date); err != nil {
			return nil, fmt.Errorf("deals: weighted total of a stage: %w", err)
		}
	}
	return sums, nil
}

// percent is money.Percent (m × pct / 100, half up to the minor unit) in
// integer arithmetic where it cannot overflow.
func percent(m crm.Money, pct int) (crm.Money, error) {
	if m.Minor >= 0 && pct >= 0 && pct <= 100 && m.Minor <= math.MaxInt64/100-1 {
		return crm.Money{Minor: (m.Minor*int64(pct) + 50) / 100, Currency: m.Currency}, nil
	}
	return money.Percent(m, pct)
}

// Board returns the open deals of a pipeline by stage with per-stage
// totals, and the deals won and lost in the period.
func (s *Service) Board(ctx context.Context, q BoardQuery) (Board, error) {
	limit := q.LimitPerStage
	if limit == 0 {
		limit = DefaultPerStage
	}
	if limit < 0 || limit > MaxPage {
		return Board{}, crm.FieldError(crm.CodeInvalidInput, "limitPerStage", fmt.Sprintf("limit must be between 1 and %d", MaxPage))
	}
	p, err := s.pipeline(ctx, q.PipelineID)
	if err != nil {
		return Board{}, err
	}
	conv, today, err := s.converter(ctx)
	if err != nil {
		return Board{}, err
	}
	loc, err := s.zone(ctx)
	if err != nil {
		return Board{}, fmt.Errorf("deals: user zone: %w", err)
	}
	from, to := q.ClosedFrom, q.ClosedTo
	if from.IsZero() && to.IsZero() {
		from, to = monthOf(s.clock.Now(), loc)
	}
	b := Board{Pipeline: p, Home: conv.Home(), ClosedFrom: from, ClosedTo: to}

	open := crm.DealFilter{PipelineID: p.ID, OwnerID: q.OwnerID, Status: crm.DealOpen, Query: q.Query}
	figs, err := s.store.DealFigures(ctx, open)
	if err != nil {
		return Board{}, err
	}
	sums, err := stageSums(conv, p.Stages, figs, today, loc)
	if err != nil {
		return Board{}, err
	}
	firsts, err := s.store.FirstDealsPerStage(ctx, open, limit)
	if err != nil {
		return Board{}, err
	}
	cards := map[string][]Deal{}
	for _, v := range firsts {
		cards[v.StageID] = append(cards[v.StageID], withHome(conv, v, ConversionDate(v.Status, v.ExpectedClose, v.ClosedAt, today, loc)))
	}
	for _, st := range p.Stages {
		c := sums[st.ID]
		col := Column{Stage: st, Deals: cards[st.ID], Count: c.count, Missing: c.total.Missing()}
		if col.Total, err = c.total.Sum(); err != nil {
			return Board{}, fmt.Errorf("deals: total of stage %s: %w", st.Name, err)
		}
		if col.Weighted, err = c.weighted.Sum(); err != nil {
			return Board{}, fmt.Errorf("deals: weighted total of stage %s: %w", st.Name, err)
		}
		b.Columns = append(b.Columns, col)
	}
	for _, side := range []struct {
		status crm.DealStatus
		out    *Closed
	}{{crm.DealWon, &b.Won}, {crm.DealLost, &b.Lost}} {
		f := crm.DealFilter{PipelineID: p.ID, OwnerID: q.OwnerID, Status: side.status, Query: q.Query, ClosedFrom: from, ClosedTo: to}
		if *side.out, err = s.closedTotal(ctx, conv, f, today, loc); err != nil {
			return Board{}, err
		}
	}
	return b, nil
}

func (s *Service) closedTotal(ctx context.Context, conv *money.Converter, f crm.DealFilter, today string, loc *time.Location) (Closed, error) {
	figs, err := s.store.DealFigures(ctx, f)
	if err != nil {
		return Closed{}, err
	}
	t := conv.NewTotal()
	for _, g := range figs {
		_ = t.Add(g.Amount, ConversionDate(g.Status, g.ExpectedClose, g.ClosedAt, today, loc)) // a missing rate is listed by Missing
	}
	sum, err := t.Sum()
	if err != nil {
		return Closed{}, fmt.Errorf("deals: %s total: %w", f.Status, err)
	}
	return Closed{Count: len(figs), Total: sum, Missing: t.Missing()}, nil
}

// monthOf returns the first instant of the month of t in loc and of the
// next month.
func monthOf(t time.Time, loc *time.Location) (time.Time, time.Time) {
	t = t.In(loc)
	from := time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, loc)
	return from, from.AddDate(0, 1, 0)
}

// TableQuery selects a page of the deal table.
type TableQuery struct {
	PipelineID string
	OwnerID    string
	Status     crm.DealStatus // "" = all
	Query      string
	Sort       crm.DealSort // "" = updated
	Desc       bool
	Offset     int
	Limit      int
}

// Page is a window of the deal table and how many deals match.
type Page struct {
	Items  []Deal
	Total  int
	Offset int
}

// Table returns a sorted window of the live deals q selects. Sorting by
// amount sorts by the value in the home currency; deals whose currency has
// no rate come after those that have one (by their own amount).
func (s *Service) Table(ctx context.Context, q TableQuery) (Page, error) {
	if q.Offset < 0 {
		return Page{}, crm.FieldError(crm.CodeInvalidInput, "offset", "offset must not be negative")
	}
	if q.Limit <= 0 || q.Limit > MaxPage {
		return Page{}, crm.FieldError(crm.CodeInvalidInput, "limit", fmt.Sprintf("limit must be between 1 and %d", MaxPage))
	}
	switch q.Status {
	case "", crm.DealOpen, crm.DealWon, crm.DealLost:
	default:
		return Page{}, crm.FieldError(crm.CodeInvalidInput, "status", fmt.Sprintf("%q is not a deal status", q.Status))
	}
	sortBy := q.Sort
	if sortBy == "" {
		sortBy, q.Desc = crm.SortDealUpdated, true
	}
	f := crm.DealFilter{PipelineID: q.PipelineID, OwnerID: q.OwnerID, Status: q.Status, Query: q.Query}
	if sortBy != crm.SortDealAmount {
		vs, total, err := s.store.ListDeals(ctx, f, sortBy, q.Desc, q.Offset, q.Limit)
		if err != nil {
			return Page{}, err
		}
		items, err := s.enrichAll(ctx, vs)
		return Page{Items: items, Total: total, Offset: q.Offset}, err
	}
	ids, err := s.idsByHomeAmount(ctx, f, q.Desc)
	if err != nil {
		return Page{}, err
	}
	page := Page{Total: len(ids), Offset: q.Offset}
	if q.Offset >= len(ids) {
		return page, nil
	}
	vs, err := s.store.DealsByID(ctx, ids[q.Offset:min(q.Offset+q.Limit, len(ids))])
	if err != nil {
		return Page{}, err
	}
	page.Items, err = s.enrichAll(ctx, vs)
	return page, err
}

// idsByHomeAmount orders the deals f selects by their amount in the home
// currency (exact, converted with backend/money), those without a rate last.
func (s *Service) idsByHomeAmount(ctx context.Context, f crm.DealFilter, desc bool) ([]string, error) {
	conv, today, err := s.converter(ctx)
	if err != nil {
		return nil, err
	}
	loc, err := s.zone(ctx)
	if err != nil {
		return nil, fmt.Errorf("deals: user zone: %w", err)
	}
	figs, err := s.store.DealFigures(ctx, f)
	if err != nil {
		return nil, err
	}
	type keyed struct {
		id    string
		rated bool
		home  int64
		raw   crm.Money
	}
	ks := make([]keyed, len(figs))
	for i, g := range figs {
		ks[i] = keyed{id: g.ID, raw: g.Amount}
		if h, err := conv.Convert(g.Amount, ConversionDate(g.Status, g.ExpectedClose, g.ClosedAt, today, loc)); err == nil {
			ks[i].rated, ks[i].home = true, h.Minor
		}
	}
	sort.Slice(ks, func(i, j int) bool {
		a, b := ks[i], ks[j]
		if a.rated != b.rated {
			return a.rated
		}
		x, y := a.home, b.home
		if !a.rated {
			if a.raw.Currency != b.raw.Currency {
				return a.raw.Currency < b.raw.Currency
			}
			x, y = a.raw.Minor, b.raw.Minor
		}
		if x != y {
			return (x < y) != desc
		}
		return a.id < b.id
	})
	ids := make([]string, len(ks))
	for i, k := range ks {
		ids[i] = k.id
	}
	return ids, nil
}

// CycleDays is a won deal's sales cycle: the calendar days (in loc) from
// its first stage visit (its creation) to the visit that marks it won. The
// second result is false when the history holds no win. A deal reopened
// and won again counts to its last win.
func CycleDays(history []crm.StageVisit, loc *time.Location) (int, bool) {
	if len(history) == 0 {
		return 0, false
	}
	var won *crm.StageVisit
	for i := range history {
		if history[i].Status == string(crm.DealWon) {
			won = &history[i]
		}
	}
	if won == nil {
		return 0, false
	}
	start, end := history[0].EnteredAt.In(loc), won.EnteredAt.In(loc)
	d0 := time.Date(start.Year(), start.Month(), start.Day(), 12, 0, 0, 0, time.UTC)
	d1 := time.Date(end.Year(), end.Month(), end.Day(), 12, 0, 0, 0, time.UTC)
	return int(d1.Sub(d0).Hours() / 24), true
}
