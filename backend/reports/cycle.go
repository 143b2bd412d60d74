package reports

import (
	"context"
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
	rows, err := s.db.ReportQuery(ctx, `SELECT d.id, d.owner_id, h.stage_id, h.status, h.entered_at
		FROM deals d JOIN deal_stages h ON h.deal_id = d.id
		WHERE d.deleted_at IS NULL AND d.status <> 'open' AND d.status = 'won' AND d.closed_at >= ? AND d.closed_at < ?`+where+``, args...)
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
		var id, owner, stage, status, entered string
		if err := rows.Scan(&id, &owner, &stage, &status, &entered); err != nil {
			rows.Close()
			return Result{}, err
		}
		t, err := parseStamp(entered)
		if err != nil {
			continue // a bad history row: skip it
		}
		h := histories[id]
		if h == nil {
			h = &dealHistory{owner: owner}
			histories[id] = h
			dealIDs = append(dealIDs, id)
		}
		h.visits = append(h.visits, crm.StageVisit{StageID: stage, Status: status, EnteredAt: t})
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
		sort.SliceStable(h.visits, func(i, j int) bool { return h.visits[i].EnteredAt.Before(h.visits[j].EnteredAt) })
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
