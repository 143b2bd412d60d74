package reports

import "context"

// leadConversion: the leads created in the range per source, how many are
// converted, and the share.
func (s *Service) leadConversion(ctx context.Context, q query) (Result, error) {
	query := `SELECT source, COUNT(*), SUM(status = 'converted' OR converted_at IS NOT NULL) FROM leads
		WHERE deleted_at IS NULL AND created_at >= ? AND created_at < ?`
	args := []any{q.fromTS, q.toTS}
	if q.OwnerID != "" {
		query += ` AND owner_id = ?`
		args = append(args, q.OwnerID)
	}
	rows, err := s.db.ReportQuery(ctx, query+` GROUP BY source ORDER BY source = '', source`, args...)
	if err != nil {
		return Result{}, err
	}
	defer rows.Close()
	r := Result{Columns: []Column{{Key: "source", Kind: KindText}, {Key: "leads", Kind: KindInt},
		{Key: "converted", Kind: KindInt}, {Key: "conversion_rate", Kind: KindPercent}}}
	rate := Series{Key: "conversion_rate", Unit: "percent"}
	var all, conv int64
	for rows.Next() {
		var source string
		var n, c int64
		if err := rows.Scan(&source, &n, &c); err != nil {
			return Result{}, err
		}
		all += n
		conv += c
		r.Rows = append(r.Rows, Row{ID: source, Cells: []Cell{TextCell(source), IntCell(n), IntCell(c), RatioCell(c, n)}})
		r.Chart.Categories = append(r.Chart.Categories, TextCell(source))
		rate.Values = append(rate.Values, RatioCell(c, n))
	}
	if err := rows.Err(); err != nil {
		return Result{}, err
	}
	r.Total = &Row{Cells: []Cell{TextCell(""), IntCell(all), IntCell(conv), RatioCell(conv, all)}}
	r.Chart.Series = []Series{rate}
	return r, nil
}
