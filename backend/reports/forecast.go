package reports

import (
	"context"

	"fieldbook/backend/crm"
	"fieldbook/backend/money"
)

// monthSums are per-month totals in the home currency.
type monthSums map[string]*money.Total

func (m monthSums) add(q query, month string, amount crm.Money, date string) error {
	t := m[month]
	if t == nil {
		t = q.conv.NewTotal()
		m[month] = t
	}
	return addConverted(t, amount, date)
}

func (m monthSums) sum(q query, month string, missing map[string]bool) (crm.Money, error) {
	t := m[month]
	if t == nil {
		return crm.Money{Currency: q.conv.Home()}, nil
	}
	mergeMissing(missing, t)
	return t.Sum()
}

// wonByDay adds up the deals won in the range by local day of closing and
// currency: fn gets each day's sum per currency and the number of deals.
func (s *Service) wonDeals(ctx context.Context, q query, fn func(day string, amount crm.Money, n int64) error) error {
	where, args := dealWhere(q)
	args = append([]any{q.fromTS, q.toTS}, args...)
	rows, err := s.db.ReportQuery(ctx, `SELECT d.closed_at, d.currency, d.amount_minor FROM deals d
		WHERE d.deleted_at IS NULL AND d.status <> 'open' AND d.status = 'won' AND d.closed_at >= ? AND d.closed_at < ?`+where, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	type key struct{ day, cur string }
	sums := map[key]int64{}
	counts := map[key]int64{}
	var order []key
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
		k := key{day, cur}
		if _, ok := sums[k]; !ok {
			order = append(order, k)
		}
		sums[k] += minor
		counts[k]++
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for _, k := range order {
		if err := fn(k.day, crm.Money{Minor: sums[k], Currency: k.cur}, counts[k]); err != nil {
			return err
		}
	}
	return nil
}

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
	weighted, won := monthSums{}, monthSums{}
	counts := map[string]int64{}
	for rows.Next() {
		var date, cur string
		var n, w int64
		if err := rows.Scan(&date, &cur, &n, &w); err != nil {
			rows.Close()
			return Result{}, err
		}
		counts[date[:7]] += n
		if err := weighted.add(q, date[:7], crm.Money{Minor: w, Currency: cur}, date); err != nil {
			rows.Close()
			return Result{}, err
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return Result{}, err
	}
	if err := s.wonDeals(ctx, q, func(day string, amount crm.Money, _ int64) error {
		return won.add(q, day[:7], amount, day)
	}); err != nil {
		return Result{}, err
	}
	r := Result{Columns: []Column{{Key: "month", Kind: KindMonth}, {Key: "count", Kind: KindInt},
		{Key: "weighted", Kind: KindMoney}, {Key: "won", Kind: KindMoney}}}
	ws := Series{Key: "weighted", Unit: "money"}
	wons := Series{Key: "won", Unit: "money"}
	missing := map[string]bool{}
	allW, allWon := q.conv.NewTotal(), q.conv.NewTotal()
	var allCount int64
	for _, m := range months(q.From, q.To) {
		w, err := weighted.sum(q, m, missing)
		if err != nil {
			return Result{}, err
		}
		wn, err := won.sum(q, m, missing)
		if err != nil {
			return Result{}, err
		}
		_ = allW.Add(w, q.today)
		_ = allWon.Add(wn, q.today)
		allCount += counts[m]
		r.Rows = append(r.Rows, Row{ID: m, Cells: []Cell{MonthCell(m), IntCell(counts[m]), MoneyCell(w), MoneyCell(wn)}})
		r.Chart.Categories = append(r.Chart.Categories, MonthCell(m))
		ws.Values = append(ws.Values, MoneyCell(w))
		wons.Values = append(wons.Values, MoneyCell(wn))
	}
	tw, err := allW.Sum()
	if err != nil {
		return Result{}, err
	}
	twon, err := allWon.Sum()
	if err != nil {
		return Result{}, err
	}
	r.Total = &Row{Cells: []Cell{MonthCell(""), IntCell(allCount), MoneyCell(tw), MoneyCell(twon)}}
	r.Chart.Series = []Series{ws, wons}
	r.MissingRates = sortedKeys(missing)
	return r, nil
}
