package reports

import (
	"context"

	"fieldbook/backend/crm"
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

// openByStage adds up the open deals per stage: counts, and totals and
// weighted totals in the home currency. Each deal's weighted amount is
// amount × probability % rounded half up to its minor unit (as
// money.Percent and the deals board do), summed in SQL per stage, currency
// and conversion date (the expected close, else today), then converted.
func (s *Service) openByStage(ctx context.Context, q query) (counts map[string]int64, total, weighted *byRate, err error) {
	where, args := dealWhere(q)
	rows, err := s.db.ReportQuery(ctx, `SELECT d.stage_id, d.currency, d.expected_close, COUNT(*), SUM(d.amount_minor),
			SUM((d.amount_minor * COALESCE(d.probability, s.probability) + 50) / 100)
		FROM deals d JOIN stages s ON s.id = d.stage_id
		WHERE d.deleted_at IS NULL AND d.status = 'open'`+where+`
		GROUP BY d.stage_id, d.currency, d.expected_close`, args...)
	if err != nil {
		return nil, nil, nil, err
	}
	defer rows.Close()
	counts, total, weighted = map[string]int64{}, newByRate(q.conv), newByRate(q.conv)
	for rows.Next() {
		var stage, cur, date string
		var n, t, w int64
		if err := rows.Scan(&stage, &cur, &date, &n, &t, &w); err != nil {
			return nil, nil, nil, err
		}
		if date == "" {
			date = q.today
		}
		counts[stage] += n
		total.add(stage, crm.Money{Minor: t, Currency: cur}, date)
		weighted.add(stage, crm.Money{Minor: w, Currency: cur}, date)
	}
	return counts, total, weighted, rows.Err()
}

// pipelineByStage: the open deals per stage (count, total, weighted total
// in the home currency), one row per live stage in board order.
func (s *Service) pipelineByStage(ctx context.Context, q query) (Result, error) {
	stages, err := s.stages(ctx, q.PipelineID)
	if err != nil {
		return Result{}, err
	}
	counts, totalBy, weightedBy, err := s.openByStage(ctx, q)
	if err != nil {
		return Result{}, err
	}
	totals, err := totalBy.totals()
	if err != nil {
		return Result{}, err
	}
	weights, err := weightedBy.totals()
	if err != nil {
		return Result{}, err
	}
	pipelines := map[string]bool{}
	for _, st := range stages {
		pipelines[st.pipelineID] = true
	}
	home := q.conv.Home()
	r := Result{Columns: []Column{{Key: "stage", Kind: KindText}, {Key: "probability", Kind: KindPercent},
		{Key: "count", Kind: KindInt}, {Key: "total", Kind: KindMoney}, {Key: "weighted", Kind: KindMoney}}}
	count := Series{Key: "count", Unit: "count"}
	total := Series{Key: "total", Unit: "money"}
	weighted := Series{Key: "weighted", Unit: "money"}
	allT, allW := crm.Money{Currency: home}, crm.Money{Currency: home}
	var allCount int64
	for _, st := range stages {
		name := st.name
		if len(pipelines) > 1 {
			name = st.pipelineName + " · " + st.name
		}
		t, w := get(totals, st.id, home), get(weights, st.id, home)
		if allT, err = sumHome(home, allT, t); err != nil {
			return Result{}, err
		}
		if allW, err = sumHome(home, allW, w); err != nil {
			return Result{}, err
		}
		allCount += counts[st.id]
		r.Rows = append(r.Rows, Row{ID: st.id, Cells: []Cell{TextCell(name), RatioCell(int64(st.probability), 100),
			IntCell(counts[st.id]), MoneyCell(t), MoneyCell(w)}})
		r.Chart.Categories = append(r.Chart.Categories, TextCell(name))
		count.Values = append(count.Values, IntCell(counts[st.id]))
		total.Values = append(total.Values, MoneyCell(t))
		weighted.Values = append(weighted.Values, MoneyCell(w))
	}
	r.Total = &Row{Cells: []Cell{TextCell(""), {Kind: KindPercent}, IntCell(allCount), MoneyCell(allT), MoneyCell(allW)}}
	r.Chart.Series = []Series{total, weighted, count}
	r.MissingRates = sortedKeys(totalBy.missing)
	return r, nil
}
