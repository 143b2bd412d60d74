package reports

import (
	"context"

	"fieldbook/backend/campaigns"
	"fieldbook/backend/crm"
)

// CampaignFigures reads campaigns' ROI inputs (store.DB.CampaignFigures).
type CampaignFigures interface {
	CampaignFigures(ctx context.Context, ids ...string) ([]crm.CampaignFigures, error)
}

// campaignROI: the campaigns that started in the range (a campaign without
// a start counts from the day it was created), each with its cost, the
// revenue of its won attributed deals and (revenue − cost) / cost, as
// backend/campaigns computes them; the total row over all of them.
func (s *Service) campaignROI(ctx context.Context, q query) (Result, error) {
	figs, ok := s.db.(CampaignFigures)
	if !ok {
		return Result{}, nil
	}
	query := `SELECT id FROM campaigns WHERE deleted_at IS NULL
		AND (CASE WHEN starts_on <> '' THEN starts_on ELSE substr(created_at, 1, 10) END) BETWEEN ? AND ?`
	args := []any{q.From, q.To}
	if q.OwnerID != "" {
		query += ` AND owner_id = ?`
		args = append(args, q.OwnerID)
	}
	rows, err := s.db.ReportQuery(ctx, query, args...)
	if err != nil {
		return Result{}, err
	}
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return Result{}, err
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return Result{}, err
	}
	r := Result{Columns: []Column{{Key: "campaign", Kind: KindText}, {Key: "deals", Kind: KindInt}, {Key: "won", Kind: KindInt},
		{Key: "cost", Kind: KindMoney}, {Key: "revenue", Kind: KindMoney}, {Key: "roi", Kind: KindPercent}}}
	home := q.conv.Home()
	if len(ids) == 0 {
		r.Total = &Row{Cells: []Cell{TextCell(""), IntCell(0), IntCell(0), MoneyCell(crm.Money{Currency: home}), MoneyCell(crm.Money{Currency: home}), {Kind: KindPercent}}}
		return r, nil
	}
	fs, err := figs.CampaignFigures(ctx, ids...)
	if err != nil {
		return Result{}, err
	}
	roiS := Series{Key: "roi", Unit: "percent"}
	costS := Series{Key: "cost", Unit: "money"}
	revS := Series{Key: "revenue", Unit: "money"}
	allCost, allRev := crm.Money{Currency: home}, crm.Money{Currency: home}
	var allDeals, allWon int64
	missing := map[string]bool{}
	complete := true
	for _, f := range fs {
		st, err := campaigns.ROI(f, q.conv)
		if err != nil {
			return Result{}, err
		}
		for _, c := range st.Missing {
			missing[c] = true
		}
		cost := crm.Money{Currency: home}
		if st.Cost != nil {
			cost = *st.Cost
		} else {
			complete = false
		}
		if len(st.Missing) > 0 {
			complete = false
		}
		roi := Cell{Kind: KindPercent}
		if st.ROIBP != nil {
			roi = RatioCell(*st.ROIBP, 10000)
		}
		if allCost, err = sumHome(home, allCost, cost); err != nil {
			return Result{}, err
		}
		if allRev, err = sumHome(home, allRev, st.Revenue); err != nil {
			return Result{}, err
		}
		allDeals += int64(st.Deals)
		allWon += int64(st.Won)
		r.Rows = append(r.Rows, Row{ID: f.CampaignID, Cells: []Cell{TextCell(f.Name), IntCell(int64(st.Deals)), IntCell(int64(st.Won)),
			MoneyCell(cost), MoneyCell(st.Revenue), roi}})
		r.Chart.Categories = append(r.Chart.Categories, TextCell(f.Name))
		roiS.Values = append(roiS.Values, roi)
		costS.Values = append(costS.Values, MoneyCell(cost))
		revS.Values = append(revS.Values, MoneyCell(st.Revenue))
	}
	roi := Cell{Kind: KindPercent}
	if complete && allCost.Minor != 0 {
		roi = RatioCell(allRev.Minor-allCost.Minor, allCost.Minor)
	}
	r.Total = &Row{Cells: []Cell{TextCell(""), IntCell(allDeals), IntCell(allWon), MoneyCell(allCost), MoneyCell(allRev), roi}}
	r.Chart.Series = []Series{roiS, costS, revS}
	r.MissingRates = sortedKeys(missing)
	return r, nil
}
