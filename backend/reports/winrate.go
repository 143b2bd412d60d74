package reports

import (
	"context"
	"sort"
)

// ownerLabel is an owner's name for a row ("" owner: nobody).
func ownerLabel(names map[string]string, id string) string {
	if id == "" {
		return ""
	}
	if n, ok := names[id]; ok && n != "" {
		return n
	}
	return id
}

// sortOwners orders owner ids by name, nobody last.
func sortOwners(ids []string, names map[string]string) {
	sort.Slice(ids, func(i, j int) bool {
		a, b := ids[i], ids[j]
		if (a == "") != (b == "") {
			return b == ""
		}
		na, nb := ownerLabel(names, a), ownerLabel(names, b)
		if na != nb {
			return na < nb
		}
		return a < b
	})
}

// winRate: the deals closed in the range, won / (won + lost), per owner
// and in total.
func (s *Service) winRate(ctx context.Context, q query) (Result, error) {
	where, args := dealWhere(q)
	args = append([]any{q.fromTS, q.toTS}, args...)
	rows, err := s.db.ReportQuery(ctx, `SELECT d.owner_id, SUM(d.status = 'won'), SUM(d.status = 'lost') FROM deals d
		WHERE d.deleted_at IS NULL AND d.status <> 'open' AND d.closed_at >= ? AND d.closed_at < ?`+where+`
		GROUP BY d.owner_id`, args...)
	if err != nil {
		return Result{}, err
	}
	type wl struct{ won, lost int64 }
	by := map[string]wl{}
	var ids []string
	for rows.Next() {
		var id string
		var v wl
		if err := rows.Scan(&id, &v.won, &v.lost); err != nil {
			rows.Close()
			return Result{}, err
		}
		by[id] = v
		ids = append(ids, id)
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
	r := Result{Columns: []Column{{Key: "owner", Kind: KindText}, {Key: "won", Kind: KindInt},
		{Key: "lost", Kind: KindInt}, {Key: "win_rate", Kind: KindPercent}}}
	rate := Series{Key: "win_rate", Unit: "percent"}
	var all wl
	for _, id := range ids {
		v := by[id]
		all.won += v.won
		all.lost += v.lost
		name := ownerLabel(names, id)
		r.Rows = append(r.Rows, Row{ID: id, Cells: []Cell{TextCell(name), IntCell(v.won), IntCell(v.lost), RatioCell(v.won, v.won+v.lost)}})
		r.Chart.Categories = append(r.Chart.Categories, TextCell(name))
		rate.Values = append(rate.Values, RatioCell(v.won, v.won+v.lost))
	}
	r.Total = &Row{Cells: []Cell{TextCell(""), IntCell(all.won), IntCell(all.lost), RatioCell(all.won, all.won+all.lost)}}
	r.Extra = map[string]Cell{"win_rate": RatioCell(all.won, all.won+all.lost)}
	r.Chart.Series = []Series{rate}
	return r, nil
}
