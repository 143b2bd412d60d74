package reports

import "context"

// ActivityKinds are the activity kinds, in column order.
var ActivityKinds = []string{"call", "email", "meeting", "visit", "note"}

// activities: the activities that happened in the range, counted per owner
// and kind.
func (s *Service) activities(ctx context.Context, q query) (Result, error) {
	query := `SELECT owner_id, kind, COUNT(*) FROM activities INDEXED BY activities_report
		WHERE deleted_at IS NULL AND occurred_at >= ? AND occurred_at < ?`
	args := []any{q.fromTS, q.toTS}
	if q.OwnerID != "" {
		query += ` AND owner_id = ?`
		args = append(args, q.OwnerID)
	}
	rows, err := s.db.ReportQuery(ctx, query+` GROUP BY owner_id, kind`, args...)
	if err != nil {
		return Result{}, err
	}
	by := map[string]map[string]int64{}
	var ids []string
	for rows.Next() {
		var owner, kind string
		var n int64
		if err := rows.Scan(&owner, &kind, &n); err != nil {
			rows.Close()
			return Result{}, err
		}
		if by[owner] == nil {
			by[owner] = map[string]int64{}
			ids = append(ids, owner)
		}
		by[owner][kind] += n
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return Result{}, err
	}
	names, err := s.ownerNames(ctx)
	if err != nil {
		return Result{}, err
	}
	sortOwners(ids, names)
	r := Result{Columns: []Column{{Key: "owner", Kind: KindText}}}
	series := make([]Series, len(ActivityKinds))
	for i, k := range ActivityKinds {
		r.Columns = append(r.Columns, Column{Key: k, Kind: KindInt})
		series[i] = Series{Key: k, Unit: "count"}
	}
	r.Columns = append(r.Columns, Column{Key: "total", Kind: KindInt})
	totals := make([]int64, len(ActivityKinds)+1)
	for _, id := range ids {
		name := ownerLabel(names, id)
		row := Row{ID: id, Cells: []Cell{TextCell(name)}}
		var sum int64
		for i, k := range ActivityKinds {
			n := by[id][k]
			sum += n
			totals[i] += n
			row.Cells = append(row.Cells, IntCell(n))
			series[i].Values = append(series[i].Values, IntCell(n))
		}
		totals[len(ActivityKinds)] += sum
		row.Cells = append(row.Cells, IntCell(sum))
		r.Rows = append(r.Rows, row)
		r.Chart.Categories = append(r.Chart.Categories, TextCell(name))
	}
	total := Row{Cells: []Cell{TextCell("")}}
	for _, n := range totals {
		total.Cells = append(total.Cells, IntCell(n))
	}
	r.Total = &total
	r.Chart.Series = series
	return r, nil
}
