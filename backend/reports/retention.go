package reports

import (
	"context"
	"fmt"
	"time"
)

// previousRange is the range of the same length just before r.
func previousRange(r Range) (Range, error) {
	from, err := time.Parse(time.DateOnly, r.From)
	if err != nil {
		return Range{}, fmt.Errorf("reports: bad date %q: %w", r.From, err)
	}
	to, err := time.Parse(time.DateOnly, r.To)
	if err != nil {
		return Range{}, fmt.Errorf("reports: bad date %q: %w", r.To, err)
	}
	days := int(to.Sub(from).Hours()/24+0.5) + 1
	return Range{From: from.AddDate(0, 0, -days).Format(time.DateOnly), To: from.AddDate(0, 0, -1).Format(time.DateOnly)}, nil
}

// retention: of the customers who ordered in the previous period (the
// range of the same length before the range), the share who ordered again
// in the range.
func (s *Service) retention(ctx context.Context, q query) (Result, error) {
	prev, err := previousRange(q.Range)
	if err != nil {
		return Result{}, err
	}
	var previous, current, retained int64
	err = s.scanOne(ctx, `WITH p AS (SELECT DISTINCT customer_key FROM orders
			WHERE deleted_at IS NULL AND order_date >= ? AND order_date <= ?),
		c AS (SELECT DISTINCT customer_key FROM orders WHERE deleted_at IS NULL AND order_date >= ? AND order_date <= ?)
		SELECT (SELECT COUNT(*) FROM p), (SELECT COUNT(*) FROM c),
			(SELECT COUNT(*) FROM p JOIN c ON c.customer_key = p.customer_key)`,
		[]any{prev.From, prev.To, q.From, q.To}, &previous, &current, &retained)
	if err != nil {
		return Result{}, err
	}
	r := Result{Columns: []Column{{Key: "period", Kind: KindText}, {Key: "from", Kind: KindDate}, {Key: "to", Kind: KindDate},
		{Key: "customers", Kind: KindInt}, {Key: "retained", Kind: KindInt}, {Key: "retention_rate", Kind: KindPercent}}}
	r.Rows = []Row{
		{ID: "previous", Cells: []Cell{TextCell("previous"), DateCell(prev.From), DateCell(prev.To), IntCell(previous), IntCell(retained), {Kind: KindPercent}}},
		{ID: "current", Cells: []Cell{TextCell("current"), DateCell(q.From), DateCell(q.To), IntCell(current), IntCell(retained), RatioCell(retained, previous)}},
	}
	r.Extra = map[string]Cell{"retained": IntCell(retained), "previous": IntCell(previous), "rate": RatioCell(retained, previous)}
	r.Chart.Categories = []Cell{TextCell("previous"), TextCell("current")}
	r.Chart.Series = []Series{{Key: "customers", Unit: "count", Values: []Cell{IntCell(previous), IntCell(current)}},
		{Key: "retained", Unit: "count", Values: []Cell{IntCell(retained), IntCell(retained)}}}
	return r, nil
}

// scanOne reads a one-row query into dest.
func (s *Service) scanOne(ctx context.Context, query string, args []any, dest ...any) error {
	rows, err := s.db.ReportQuery(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return err
		}
		return fmt.Errorf("reports: no row")
	}
	if err := rows.Scan(dest...); err != nil {
		return err
	}
	return rows.Close()
}
