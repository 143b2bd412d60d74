package reports

import (
	"context"
	"database/sql"
	"time"

	"fieldbook/backend/cases"
	"fieldbook/backend/crm"
	"fieldbook/backend/feedback"
)

// npsCSAT: the NPS and CSAT of the answers received in the range, month by
// month (months of the user's zone) and over the whole range, computed by
// backend/feedback from score counts the database makes per month.
func (s *Service) npsCSAT(ctx context.Context, q query) (Result, error) {
	months := feedback.Months(q.from, q.to, q.loc)
	tallies := make([]feedback.Tally, len(months))
	for i, m := range months {
		query := `SELECT kind, score, COUNT(*) FROM feedback
			WHERE received_at >= ? AND received_at < ? AND deleted_at IS NULL`
		args := []any{stamp(m.From), stamp(m.To)}
		if q.OwnerID != "" {
			query += ` AND owner_id = ?`
			args = append(args, q.OwnerID)
		}
		rows, err := s.db.ReportQuery(ctx, query+` GROUP BY kind, score`, args...)
		if err != nil {
			return Result{}, err
		}
		var counts []crm.ScoreCount
		for rows.Next() {
			var c crm.ScoreCount
			if err := rows.Scan(&c.Kind, &c.Score, &c.Count); err != nil {
				rows.Close()
				return Result{}, err
			}
			counts = append(counts, c)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return Result{}, err
		}
		tallies[i] = feedback.TallyOf(counts)
	}
	sum := feedback.SummaryOf(q.from, q.to, months, tallies)
	r := Result{Columns: []Column{{Key: "month", Kind: KindMonth}, {Key: "nps_responses", Kind: KindInt},
		{Key: "nps", Kind: KindNumber}, {Key: "csat_responses", Kind: KindInt}, {Key: "csat", Kind: KindPercent}}}
	npsS := Series{Key: "nps", Unit: "score"}
	csatS := Series{Key: "csat", Unit: "percent"}
	cells := func(p feedback.Period) []Cell {
		nps := NullNumber()
		if p.NPS.Responses > 0 {
			nps = NumberCell(float64(p.NPS.Num)/float64(p.NPS.Den), 1)
		}
		return []Cell{MonthCell(p.Month), IntCell(int64(p.NPS.Responses)), nps, IntCell(int64(p.CSAT.Responses)),
			RatioCell(int64(p.CSAT.Satisfied), int64(p.CSAT.Responses))}
	}
	for _, p := range sum.Months {
		c := cells(p)
		r.Rows = append(r.Rows, Row{ID: p.Month, Cells: c})
		r.Chart.Categories = append(r.Chart.Categories, MonthCell(p.Month))
		npsS.Values = append(npsS.Values, c[2])
		csatS.Values = append(csatS.Values, c[4])
	}
	total := cells(feedback.Period{NPS: sum.NPS, CSAT: sum.CSAT})
	r.Total = &Row{Cells: total}
	r.Extra = map[string]Cell{"nps": total[2], "csat": total[4], "nps_score": IntCell(int64(sum.NPS.Score))}
	r.Chart.Series = []Series{npsS, csatS}
	return r, nil
}

// caseResolution: the cases resolved in the range per month of their
// resolution: how many, and the mean and median hours from opening to
// resolution (backend/cases); the backlog (open and pending now) as an extra.
func (s *Service) caseResolution(ctx context.Context, q query) (Result, error) {
	query := `SELECT resolved_at, opened_at FROM cases
		WHERE resolved_at >= ? AND resolved_at < ? AND deleted_at IS NULL`
	args := []any{q.fromTS, q.toTS}
	if q.OwnerID != "" {
		query += ` AND owner_id = ?`
		args = append(args, q.OwnerID)
	}
	rows, err := s.db.ReportQuery(ctx, query, args...)
	if err != nil {
		return Result{}, err
	}
	byMonth := map[string][]time.Duration{}
	var all []time.Duration
	for rows.Next() {
		var resolved, opened string
		if err := rows.Scan(&resolved, &opened); err != nil {
			rows.Close()
			return Result{}, err
		}
		rt, err1 := parseStamp(resolved)
		ot, err2 := parseStamp(opened)
		if err1 != nil || err2 != nil {
			continue // a bad timestamp: skip the case
		}
		m := rt.In(q.loc).Format("2006-01")
		byMonth[m] = append(byMonth[m], rt.Sub(ot))
		all = append(all, rt.Sub(ot))
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return Result{}, err
	}
	backlog, err := s.backlog(ctx, q.OwnerID)
	if err != nil {
		return Result{}, err
	}
	r := Result{Columns: []Column{{Key: "month", Kind: KindMonth}, {Key: "resolved", Kind: KindInt},
		{Key: "mean_hours", Kind: KindNumber}, {Key: "median_hours", Kind: KindNumber}}}
	countS := Series{Key: "resolved", Unit: "count"}
	meanS := Series{Key: "mean_hours", Unit: "hours"}
	medS := Series{Key: "median_hours", Unit: "hours"}
	cells := func(label string, times []time.Duration) []Cell {
		st := cases.ResolutionOf(times)
		mean, med := NullNumber(), NullNumber()
		if st.Count > 0 {
			mean, med = NumberCell(cases.Hours(st.Mean), 1), NumberCell(cases.Hours(st.Median), 1)
		}
		return []Cell{MonthCell(label), IntCell(int64(st.Count)), mean, med}
	}
	for _, m := range months(q.From, q.To) {
		c := cells(m, byMonth[m])
		r.Rows = append(r.Rows, Row{ID: m, Cells: c})
		r.Chart.Categories = append(r.Chart.Categories, MonthCell(m))
		countS.Values = append(countS.Values, c[1])
		meanS.Values = append(meanS.Values, c[2])
		medS.Values = append(medS.Values, c[3])
	}
	total := cells("", all)
	r.Total = &Row{Cells: total}
	r.Extra = map[string]Cell{"backlog": IntCell(int64(backlog.Total)), "backlog_open": IntCell(int64(backlog.Open)),
		"backlog_pending": IntCell(int64(backlog.Pending))}
	if backlog.Oldest != nil {
		r.Extra["backlog_oldest"] = DateCell(backlog.Oldest.In(q.loc).Format(time.DateOnly))
	}
	r.Chart.Series = []Series{countS, meanS, medS}
	return r, nil
}

// backlog counts the live open and pending cases (cases.BacklogFrom).
func (s *Service) backlog(ctx context.Context, owner string) (cases.Backlog, error) {
	query := `SELECT status, priority, COUNT(*), MIN(opened_at) FROM cases
		WHERE status IN ('open', 'pending') AND deleted_at IS NULL`
	var args []any
	if owner != "" {
		query += ` AND owner_id = ?`
		args = append(args, owner)
	}
	rows, err := s.db.ReportQuery(ctx, query+` GROUP BY status, priority`, args...)
	if err != nil {
		return cases.Backlog{}, err
	}
	defer rows.Close()
	var counts []crm.BacklogCount
	var oldest *time.Time
	for rows.Next() {
		var c crm.BacklogCount
		var first sql.NullString
		if err := rows.Scan(&c.Status, &c.Priority, &c.Count, &first); err != nil {
			return cases.Backlog{}, err
		}
		counts = append(counts, c)
		if t, err := parseStamp(first.String); err == nil && (oldest == nil || t.Before(*oldest)) {
			oldest = &t
		}
	}
	if err := rows.Err(); err != nil {
		return cases.Backlog{}, err
	}
	return cases.BacklogFrom(counts, oldest), nil
}
