package reports

import (
	"context"

	"fieldbook/backend/crm"
)

// wonDeals adds the deals won in the range to sums, grouped by group(the
// local day they were won), each converted on that day.
func (s *Service) wonDeals(ctx context.Context, q query, sums *byRate, group func(day string) (string, bool)) error {
	where, args := dealWhere(q)
	args = append([]any{q.fromTS, q.toTS}, args...)
	rows, err := s.db.ReportQuery(ctx, `SELECT d.closed_at, d.currency, d.amount_minor FROM deals d
		WHERE d.deleted_at IS NULL AND d.status <> 'open' AND d.status = 'won' AND d.closed_at >= ? AND d.closed_at < ?`+where, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var closed, cur string
		var minor int64
		if err := rows.Scan(&closed, &cur, &minor); err != nil {
			return err
		}
		day, err := localDate(closed, q.loc)
		if err != nil {
			continue // a bad timestamp: skip the deal
		}
		if g, ok := group(day); ok {
			sums.add(g, crm.Money{Minor: minor, Currency: cur}, day)
		}
	}
	return rows.Err()
}

func monthOf(day string) (string, bool) { return day[:7], true }

// forecast: per month of the range, the open deals expected to close then
// (count and Σ amount × probability, each rounded to its minor unit,
// converted on the expected close) against the deals won that month
// (converted on the day they were won).
func (s *Service) forecast(ctx context.Context, q query) (Result, error) {
	where, args := dealWhere(q)
	args = append([]any{q.From, q.To}, args...)
	rows, err := s.db.ReportQuery(ctx, `SELECT d.expected_close, d.currency, COUNT(*),
			SUM((d.amount_minor * COALESCE(d.probability, s.probability) + 50) / 100)
		FROM deals d JOIN stages s ON s.id = d.stage_id
		WHERE d.deleted_at IS NULL AND d.status = 'open' AND d.expected_close >= ? AND d.expected_close <= ?`+where+`
		GROUP BY d.expected_close, d.currency`, args...)
	if err != nil {
		return Result{}, err
	}
	weightedBy, wonBy := newByRate(q.conv), newByRate(q.conv)
	counts := map[string]int64{}
	for rows.Next() {
		var date, cur string
		var n, w int64
		if err := rows.Scan(&date, &cur, &n, &w); err != nil {
			rows.Close()
			return Result{}, err
		}
		if len(date) < 7 {
			continue
		}
		counts[date[:7]] += n
		weightedBy.add(date[:7], crm.Money{Minor: w, Currency: cur}, date)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return Result{}, err
	}
	if err := s.wonDeals(ctx, q, wonBy, monthOf); err != nil {
		return Result{}, err
	}
	weighted, err := weightedBy.totals()
	if err != nil {
		return Result{}, err
	}
	won, err := wonBy.totals()
	if err != nil {
		return Result{}, err
	}
	home := q.conv.Home()
	r := Result{Columns: []Column{{Key: "month", Kind: KindMonth}, {Key: "count", Kind: KindInt},
		{Key: "weighted", Kind: KindMoney}, {Key: "won", Kind: KindMoney}}}
	ws := Series{Key: "weighted", Unit: "money"}
	wons := Series{Key: "won", Unit: "money"}
	allW, allWon := crm.Money{Currency: home}, crm.Money{Currency: home}
	var allCount int64
	for _, m := range months(q.From, q.To) {
		w, wn := get(weighted, m, home), get(won, m, home)
		if allW, err = sumHome(home, allW, w); err != nil {
			return Result{}, err
		}
		if allWon, err = sumHome(home, allWon, wn); err != nil {
			return Result{}, err
		}
		allCount += counts[m]
		r.Rows = append(r.Rows, Row{ID: m, Cells: []Cell{MonthCell(m), IntCell(counts[m]), MoneyCell(w), MoneyCell(wn)}})
		r.Chart.Categories = append(r.Chart.Categories, MonthCell(m))
		ws.Values = append(ws.Values, MoneyCell(w))
		wons.Values = append(wons.Values, MoneyCell(wn))
	}
	r.Total = &Row{Cells: []Cell{MonthCell(""), IntCell(allCount), MoneyCell(allW), MoneyCell(allWon)}}
	r.Chart.Series = []Series{ws, wons}
	missing := weightedBy.missing
	for c := range wonBy.missing {
		missing[c] = true
	}
	r.MissingRates = sortedKeys(missing)
	return r, nil
}
