package reports

import (
	"context"

	"fieldbook/backend/crm"
	"fieldbook/backend/money"
)

type stageInfo struct {
	id, pipelineID, name, pipelineName string
	probability                        int
}

// stages lists the live stages (of one pipeline, or all) in board order.
func (s *Service) stages(ctx context.Context, pipelineID string) ([]stageInfo, error) {
	query := `SELECT s.id, s.pipeline_id, s.name, p.name, s.probability FROM stages s JOIN pipelines p ON p.id = s.pipeline_id
		WHERE s.deleted_at IS NULL AND p.deleted_at IS NULL`
	var args []any
	if pipelineID != "" {
		query += ` AND p.id = ?`
		args = append(args, pipelineID)
	}
	rows, err := s.db.ReportQuery(ctx, query+` ORDER BY p.position, p.name, p.id, s.position, s.id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []stageInfo
	for rows.Next() {
		var st stageInfo
		if err := rows.Scan(&st.id, &st.pipelineID, &st.name, &st.pipelineName, &st.probability); err != nil {
			return nil, err
		}
		out = append(out, st)
	}
	return out, rows.Err()
}

// stageSum is one stage's open deals: count, total and weighted total.
type stageSum struct {
	count           int64
	total, weighted *money.Total
}

// openByStage adds up the open deals per stage. Each deal's weighted
// amount is amount × probability % rounded half up to its minor unit (as
// money.Percent and the deals board do), summed in SQL per stage, currency
// and conversion date (the expected close, else today), then converted.
func (s *Service) openByStage(ctx context.Context, q query) (map[string]*stageSum, error) {
	where, args := dealWhere(q)
	rows, err := s.db.ReportQuery(ctx, `SELECT d.stage_id, d.currency, d.expected_close, COUNT(*), SUM(d.amount_minor),
			SUM((d.amount_minor * COALESCE(d.probability, s.probability) + 50) / 100)
		FROM deals d JOIN stages s ON s.id = d.stage_id
		WHERE d.deleted_at IS NULL AND d.status = 'open'`+where+`
		GROUP BY d.stage_id, d.currency, d.expected_close`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]*stageSum{}
	for rows.Next() {
		var stage, cur, date string
		var n, total, weighted int64
		if err := rows.Scan(&stage, &cur, &date, &n, &total, &weighted); err != nil {
			return nil, err
		}
		if date == "" {
			date = q.today
		}
		ss := out[stage]
		if ss == nil {
			ss = &stageSum{total: q.conv.NewTotal(), weighted: q.conv.NewTotal()}
			out[stage] = ss
		}
		ss.count += n
		if err := addConverted(ss.total, crm.Money{Minor: total, Currency: cur}, date); err != nil {
			return nil, err
		}
		if err := addConverted(ss.weighted, crm.Money{Minor: weighted, Currency: cur}, date); err != nil {
			return nil, err
		}
	}
	return out, rows.Err()
}

// pipelineByStage: the open deals per stage (count, total, weighted total
// in the home currency), one row per live stage in board order.
func (s *Service) pipelineByStage(ctx context.Context, q query) (Result, error) {
	stages, err := s.stages(ctx, q.PipelineID)
	if err != nil {
		return Result{}, err
	}
	sums, err := s.openByStage(ctx, q)
	if err != nil {
		return Result{}, err
	}
	pipelines := map[string]bool{}
	for _, st := range stages {
		pipelines[st.pipelineID] = true
	}
	r := Result{Columns: []Column{{Key: "stage", Kind: KindText}, {Key: "probability", Kind: KindPercent},
		{Key: "count", Kind: KindInt}, {Key: "total", Kind: KindMoney}, {Key: "weighted", Kind: KindMoney}}}
	count := Series{Key: "count", Unit: "count"}
	total := Series{Key: "total", Unit: "money"}
	weighted := Series{Key: "weighted", Unit: "money"}
	allTotal, allWeighted := q.conv.NewTotal(), q.conv.NewTotal()
	var allCount int64
	missing := map[string]bool{}
	for _, st := range stages {
		name := st.name
		if len(pipelines) > 1 {
			name = st.pipelineName + " · " + st.name
		}
		ss := sums[st.id]
		if ss == nil {
			ss = &stageSum{total: q.conv.NewTotal(), weighted: q.conv.NewTotal()}
		}
		mergeMissing(missing, ss.total, ss.weighted)
		t, err := ss.total.Sum()
		if err != nil {
			return Result{}, err
		}
		w, err := ss.weighted.Sum()
		if err != nil {
			return Result{}, err
		}
		allCount += ss.count
		if err := addConverted(allTotal, t, q.today); err != nil {
			return Result{}, err
		}
		if err := addConverted(allWeighted, w, q.today); err != nil {
			return Result{}, err
		}
		r.Rows = append(r.Rows, Row{ID: st.id, Cells: []Cell{TextCell(name), RatioCell(int64(st.probability), 100),
			IntCell(ss.count), MoneyCell(t), MoneyCell(w)}})
		r.Chart.Categories = append(r.Chart.Categories, TextCell(name))
		count.Values = append(count.Values, IntCell(ss.count))
		total.Values = append(total.Values, MoneyCell(t))
		weighted.Values = append(weighted.Values, MoneyCell(w))
	}
	t, err := allTotal.Sum()
	if err != nil {
		return Result{}, err
	}
	w, err := allWeighted.Sum()
	if err != nil {
		return Result{}, err
	}
	r.Total = &Row{Cells: []Cell{TextCell(""), {Kind: KindPercent}, IntCell(allCount), MoneyCell(t), MoneyCell(w)}}
	r.Chart.Series = []Series{total, weighted, count}
	r.MissingRates = sortedKeys(missing)
	return r, nil
}
