package reports

import (
	"context"
	"fmt"
	"time"

	"fieldbook/backend/crm"
)

// bucketOf is the revenue bucket of a local date: the day itself, the
// Monday starting its week, its month "YYYY-MM" or quarter "YYYY-Qn".
func bucketOf(period, date string) (string, error) {
	t, err := time.Parse(time.DateOnly, date)
	if err != nil {
		return "", fmt.Errorf("reports: bad date %q: %w", date, err)
	}
	switch period {
	case "day":
		return date, nil
	case "week":
		back := (int(t.Weekday()) + 6) % 7 // days since Monday
		return t.AddDate(0, 0, -back).Format(time.DateOnly), nil
	case "quarter":
		return fmt.Sprintf("%04d-Q%d", t.Year(), (int(t.Month())-1)/3+1), nil
	default:
		return date[:7], nil
	}
}

// buckets lists the buckets of [from, to] in order.
func buckets(period, from, to string) []string {
	var out []string
	t, err := time.Parse(time.DateOnly, from)
	if err != nil {
		return out
	}
	last := ""
	for d := from; d <= to; d = t.Format(time.DateOnly) {
		b, err := bucketOf(period, d)
		if err != nil {
			return out
		}
		if b != last {
			out = append(out, b)
			last = b
		}
		t = t.AddDate(0, 0, 1)
	}
	return out
}

func bucketCell(period, b string) Cell {
	switch period {
	case "month":
		return MonthCell(b)
	case "quarter":
		return TextCell(b)
	default:
		return DateCell(b)
	}
}

// revenue: the orders of the range by order date, per bucket (day, week,
// month or quarter) in the home currency (each order converted on its
// date), beside the deals won in each bucket.
func (s *Service) revenue(ctx context.Context, q query) (Result, error) {
	ordersBy, wonBy := newByRate(q.conv), newByRate(q.conv)
	counts := map[string]int64{}
	rows, err := s.db.ReportQuery(ctx, `SELECT order_date, currency, COUNT(*), SUM(total_minor) FROM orders
		WHERE deleted_at IS NULL AND order_date >= ? AND order_date <= ? GROUP BY order_date, currency`, q.From, q.To)
	if err != nil && !isMissingTable(err) {
		return Result{}, err
	}
	if err == nil {
		for rows.Next() {
			var date, cur string
			var n, sum int64
			if err := rows.Scan(&date, &cur, &n, &sum); err != nil {
				rows.Close()
				return Result{}, err
			}
			b, err := bucketOf(q.Period, date)
			if err != nil {
				continue // a bad date: skip the order
			}
			counts[b] += n
			ordersBy.add(b, crm.Money{Minor: sum, Currency: cur}, date)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return Result{}, err
		}
	}
	if err := s.wonDeals(ctx, q, wonBy, func(day string) (string, bool) {
		b, err := bucketOf(q.Period, day)
		return b, err == nil
	}); err != nil {
		return Result{}, err
	}
	orders, err := ordersBy.totals()
	if err != nil {
		return Result{}, err
	}
	won, err := wonBy.totals()
	if err != nil {
		return Result{}, err
	}
	home := q.conv.Home()
	periodKind := bucketCell(q.Period, "").Kind
	r := Result{Columns: []Column{{Key: "period", Kind: periodKind}, {Key: "orders", Kind: KindInt},
		{Key: "revenue", Kind: KindMoney}, {Key: "won_deals", Kind: KindMoney}}}
	rs := Series{Key: "revenue", Unit: "money"}
	ws := Series{Key: "won_deals", Unit: "money"}
	allR, allW := crm.Money{Currency: home}, crm.Money{Currency: home}
	var allN int64
	for _, b := range buckets(q.Period, q.From, q.To) {
		rev, w := get(orders, b, home), get(won, b, home)
		if allR, err = sumHome(home, allR, rev); err != nil {
			return Result{}, err
		}
		if allW, err = sumHome(home, allW, w); err != nil {
			return Result{}, err
		}
		allN += counts[b]
		c := bucketCell(q.Period, b)
		r.Rows = append(r.Rows, Row{ID: b, Cells: []Cell{c, IntCell(counts[b]), MoneyCell(rev), MoneyCell(w)}})
		r.Chart.Categories = append(r.Chart.Categories, c)
		rs.Values = append(rs.Values, MoneyCell(rev))
		ws.Values = append(ws.Values, MoneyCell(w))
	}
	r.Total = &Row{Cells: []Cell{bucketCell(q.Period, ""), IntCell(allN), MoneyCell(allR), MoneyCell(allW)}}
	r.Chart.Series = []Series{rs, ws}
	missing := ordersBy.missing
	for c := range wonBy.missing {
		missing[c] = true
	}
	r.MissingRates = sortedKeys(missing)
	return r, nil
}
