package reports

import (
	"context"
	"database/sql"
	"slices"
	"sort"

	"fieldbook/backend/crm"
	"fieldbook/backend/deals"
)

// cycleStats are the mean and median of sales cycles in days.
type cycleStats struct {
	days []int
}

func (c *cycleStats) cells() (Cell, Cell) {
	if len(c.days) == 0 {
		return NullNumber(), NullNumber()
	}
	d := slices.Clone(c.days)
	slices.Sort(d)
	sum := 0
	for _, x := range d {
		sum += x
	}
	mean := float64(sum) / float64(len(d))
	var median float64
	if n := len(d); n%2 == 1 {
		median = float64(d[n/2])
	} else {
		median = float64(d[n/2-1]+d[n/2]) / 2
	}
	return NumberCell(mean, 1), NumberCell(median, 1)
}

// salesCycle: the deals won in the range, days from creation (the first
// stage visit) to the win (deals.CycleDays over the stage history), mean
// and median per owner and in total.
func (s *Service) salesCycle(ctx context.Context, q query) (Result, error) {
	where, args := dealWhere(q)
	args = append([]any{q.fromTS, q.toTS}, args...)
	// Per deal its first stage visit (its creation) and its last win: the
	// two visits deals.CycleDays reads.
	rows, err := s.db.ReportQuery(ctx, `SELECT d.id, d.owner_id,
			(SELECT MIN(h.entered_at) FROM deal_stages h WHERE h.deal_id = d.id),
			(SELECT MAX(h.entered_at) FROM deal_stages h WHERE h.deal_id = d.id AND h.status = 'won')
		FROM deals d
		WHERE d.deleted_at IS NULL AND d.status <> 'open' AND d.status = 'won' AND d.closed_at >= ? AND d.closed_at < ?`+where, args...)
	if err != nil {
		return Result{}, err
	}
	type dealHistory struct {
		owner  string
		visits []crm.StageVisit
	}
	histories := map[string]*dealHistory{}
	var dealIDs []string
	for rows.Next() {
		var id, owner string
		var first, won sql.NullString
		if err := rows.Scan(&id, &owner, &first, &won); err != nil {
			rows.Close()
			return Result{}, err
		}
		if !first.Valid || !won.Valid {
			continue // no history or no win recorded: nothing to measure
		}
		t0, err0 := parseStamp(first.String)
		t1, err1 := parseStamp(won.String)
		if err0 != nil || err1 != nil {
			continue // a bad history row: skip the deal
		}
		histories[id] = &dealHistory{owner: owner, visits: []crm.StageVisit{
			{Status: string(crm.DealOpen), EnteredAt: t0}, {Status: string(crm.DealWon), EnteredAt: t1}}}
		dealIDs = append(dealIDs, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return Result{}, err
	}
	sort.Strings(dealIDs)
	by := map[string]*cycleStats{}
	all := &cycleStats{}
	var ids []string
	for _, id := range dealIDs {
		h := histories[id]
		d, ok := deals.CycleDays(h.visits, q.loc)
		if !ok {
			continue
		}
		cs := by[h.owner]
		if cs == nil {
			cs = &cycleStats{}
			by[h.owner] = cs
			ids = append(ids, h.owner)
		}
		cs.days = append(cs.days, d)
		all.days = append(all.days, d)
	}
	names, err := s.ownerNames(ctx)
	if err != nil {
		return Result{}, err
	}
	sortOwners(ids, names)
	r := Result{Columns: []Column{{Key: "owner", Kind: KindText}, {Key: "won", Kind: KindInt},
		{Key: "mean_days", Kind: KindNumber}, {Key: "median_days", Kind: KindNumber}}}
	meanS := Series{Key: "mean_days", Unit: "days"}
	medS := Series{Key: "median_days", Unit: "days"}
	for _, id := range ids {
		mean, med := by[id].cells()
		name := ownerLabel(names, id)
		r.Rows = append(r.Rows, Row{ID: id, Cells: []Cell{TextCell(name), IntCell(int64(len(by[id].days))), mean, med}})
		r.Chart.Categories = append(r.Chart.Categories, TextCell(name))
		meanS.Values = append(meanS.Values, mean)
		medS.Values = append(medS.Values, med)
	}
	mean, med := all.cells()
	r.Total = &Row{Cells: []Cell{TextCell(""), IntCell(int64(len(all.days))), mean, med}}
	r.Chart.Series = []Series{meanS, medS}
	return r, nil
}
