package reports

import (
	"context"
	"slices"

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
		WHERE d.deleted_at IS NULL AND d.status = 'won' AND d.closed_at >= ? AND d.closed_at < ?`+where+`
		ORDER BY d.id, h.entered_at`, args...)
	if err != nil {
		return Result{}, err
	}
	by := map[string]*cycleStats{}
	all := &cycleStats{}
	var ids []string
	var cur, curOwner string
	var hist []crm.StageVisit
	flush := func() {
		if cur == "" {
			return
		}
		if d, ok := deals.CycleDays(hist, q.loc); ok {
			cs := by[curOwner]
			if cs == nil {
				cs = &cycleStats{}
				by[curOwner] = cs
				ids = append(ids, curOwner)
			}
			cs.days = append(cs.days, d)
			all.days = append(all.days, d)
		}
		hist = hist[:0]
	}
	for rows.Next() {
		var id, owner, stage, status, entered string
		if err := rows.Scan(&id, &owner, &stage, &status, &entered); err != nil {
			rows.Close()
			return Result{}, err
		}
		if id != cur {
			flush()
			cur, curOwner = id, owner
		}
		t, err := parseStamp(entered)
		if err != nil {
			continue // a bad history row: skip it
		}
		hist = append(hist, crm.StageVisit{StageID: stage, Status: status, EnteredAt: t})
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return Result{}, err
	}
	flush()
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
