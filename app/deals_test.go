package app

import (
	"encoding/json"
	"reflect"
	"slices"
	"testing"

	"fieldbook/backend/crm"
)

func TestDealDTOsUseTheAgreedJSONNames(t *testing.T) {
	for name, c := range map[string]struct {
		v    any
		want []string
	}{
		"Stage":    {Stage{}, sorted("id", "pipelineId", "name", "position", "probability")},
		"Pipeline": {Pipeline{}, sorted("id", "name", "position", "stages")},
		"Deal": {Deal{}, sorted("id", "version", "title", "pipelineId", "stageId", "stageName", "status", "amount", "amountHome",
			"probability", "probabilityOverride", "weighted", "expectedClose", "ownerId", "ownerName", "companyId", "companyName",
			"leadId", "contactIds", "contacts", "closeReason", "notes", "createdAt", "updatedAt", "closedAt")},
		"DealInput": {DealInput{}, sorted("title", "pipelineId", "stageId", "amount", "currency", "probability", "expectedClose",
			"ownerId", "companyId", "contactIds", "notes")},
		"StageColumn":    {StageColumn{}, sorted("stage", "deals", "count", "total", "weighted", "missingRates")},
		"Board":          {Board{}, sorted("pipeline", "columns", "won", "lost", "homeCurrency", "closedFrom", "closedTo")},
		"BoardQuery":     {BoardQuery{}, sorted("pipelineId", "ownerId", "query", "limitPerStage", "closedFrom", "closedTo")},
		"DealTableQuery": {DealTableQuery{}, sorted("pipelineId", "ownerId", "status", "query", "sort", "desc", "offset", "limit")},
		"DealPage":       {DealPage{}, sorted("items", "total", "offset")},
		"StageVisit":     {StageVisit{}, sorted("stageId", "stageName", "status", "enteredAt", "leftAt")},
		"PipelineInput":  {PipelineInput{}, sorted("id", "name", "stages")},
		"ClosedSummary":  {ClosedSummary{}, sorted("count", "total", "missingRates")},
	} {
		if got := jsonKeys(t, c.v); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s JSON names = %v, want %v", name, got, c.want)
		}
	}
}

// TestDealsServiceBoardFlow: a JPY deal and a EUR deal on the board sum
// into USD (the test database's home currency), with the formatted text;
// a drag writes history and emits deals:changed; winning moves the amount
// into this month's won total. By hand, on 2026-03-20:
//
//	JPY 1,234,567 × 0.0067 = 8,271.5989; EUR 2,500.50 × 1.08 = 2,700.54
//	total 10,972.1389 → $10,972.14
func TestDealsServiceBoardFlow(t *testing.T) {
	ev := &recorder{}
	s := openCalendarServices(t, ev)
	for _, r := range []ExchangeRate{{Currency: "JPY", Date: "2026-01-01", Rate: "0.0067"}, {Currency: "EUR", Date: "2026-01-01", Rate: "1.08"}} {
		if _, err := s.Currency.SaveRate(r); err != nil {
			t.Fatal(err)
		}
	}
	ps, err := s.Deals.Pipelines()
	if err != nil || len(ps) != 1 || ps[0].Name != "Sales" || len(ps[0].Stages) != 4 {
		t.Fatalf("pipelines = %+v, %v", ps, err)
	}
	co, err := s.Companies.Create(CompanyInput{Name: "Kaiju KK"})
	if err != nil {
		t.Fatal(err)
	}
	ev.take()
	jpy, err := s.Deals.Create(DealInput{Title: "Tokyo", Amount: "1,234,567", Currency: "JPY", CompanyID: co.ID})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(ev.take(), EventDealsChanged) {
		t.Error("no deals:changed after Create")
	}
	if jpy.Amount.Text != "¥1,234,567" || jpy.AmountHome == nil || jpy.AmountHome.Text != "$8,271.60" || jpy.Probability != 10 ||
		jpy.ProbabilityOverride != nil || jpy.CompanyName != "Kaiju KK" || jpy.Status != "open" || jpy.ClosedAt != "" {
		t.Fatalf("JPY deal = %+v (home %+v)", jpy, jpy.AmountHome)
	}
	eur, err := s.Deals.Create(DealInput{Title: "Berlin", Amount: "2500.50", Currency: "EUR", Probability: ptr(40)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Deals.Create(DealInput{Title: "London", Amount: "10", Currency: "GBP"}); err != nil {
		t.Fatal(err)
	}
	b, err := s.Deals.Board(BoardQuery{})
	if err != nil {
		t.Fatal(err)
	}
	q := b.Columns[0]
	if b.HomeCurrency != "USD" || q.Count != 3 || q.Total.Text != "$10,972.14" || !reflect.DeepEqual(q.MissingRates, []string{"GBP"}) {
		t.Fatalf("Qualified column: count %d total %+v missing %v", q.Count, q.Total, q.MissingRates)
	}
	if b.ClosedFrom != "2026-03-01" || b.ClosedTo != "2026-04-01" {
		t.Errorf("won/lost period = %s..%s, want March 2026", b.ClosedFrom, b.ClosedTo)
	}
	if raw, _ := json.Marshal(b); !json.Valid(raw) {
		t.Fatal("board does not marshal")
	}

	moved, err := s.Deals.Move(eur.ID, eur.Version, ps[0].Stages[2].ID)
	if err != nil || moved.StageName != "Proposal" || moved.Probability != 40 {
		t.Fatalf("moved = %+v, %v", moved, err)
	}
	if !slices.Contains(ev.take(), EventDealsChanged) {
		t.Error("no deals:changed after Move")
	}
	if _, err := s.Deals.Move(eur.ID, eur.Version, ps[0].Stages[1].ID); crm.ErrorCode(err) != crm.CodeVersionConflict {
		t.Fatalf("stale move: %v", err)
	}
	h, err := s.Deals.History(eur.ID)
	if err != nil || len(h) != 2 || h[0].StageName != "Qualified" || h[0].LeftAt == "" || h[1].StageName != "Proposal" || h[1].LeftAt != "" {
		t.Fatalf("history = %+v, %v", h, err)
	}
	won, err := s.Deals.Win(moved.ID, moved.Version, "signed")
	if err != nil || won.Status != "won" || won.ClosedAt == "" || won.Probability != 100 {
		t.Fatalf("won = %+v, %v", won, err)
	}
	b, _ = s.Deals.Board(BoardQuery{})
	if b.Won.Count != 1 || b.Won.Total.Text != "$2,700.54" || b.Columns[2].Count != 0 {
		t.Fatalf("after the win: won %+v, Proposal count %d", b.Won, b.Columns[2].Count)
	}
	if feb, err := s.Deals.Board(BoardQuery{ClosedFrom: "2026-02-01", ClosedTo: "2026-03-01"}); err != nil || feb.Won.Count != 0 {
		t.Fatalf("won in February = %+v, %v", feb.Won, err)
	}
	if _, err := s.Deals.Board(BoardQuery{ClosedFrom: "March"}); crm.ErrorCode(err) != crm.CodeDateInvalid {
		t.Fatalf("bad period: %v", err)
	}

	page, err := s.Deals.Table(DealTableQuery{Sort: "amount", Desc: true, Limit: 10})
	if err != nil || page.Total != 3 || page.Items[0].Title != "Tokyo" || page.Items[2].Title != "London" {
		t.Fatalf("table by amount = %+v, %v", page, err)
	}
	forCo, err := s.Deals.ForCompany(co.ID)
	if err != nil || len(forCo) != 1 || forCo[0].ID != jpy.ID {
		t.Fatalf("for company = %+v, %v", forCo, err)
	}

	if _, err := s.Deals.Create(DealInput{Title: " "}); crm.ErrorCode(err) != crm.CodeDealInvalid {
		t.Fatalf("a deal without a title: %v", err)
	}
	if err := s.Deals.Delete(jpy.ID); err != nil {
		t.Fatal(err)
	}
	if back, err := s.Deals.Restore(jpy.ID); err != nil || back.Title != "Tokyo" {
		t.Fatalf("restore = %+v, %v", back, err)
	}

	p, err := s.Deals.SavePipeline(PipelineInput{Name: "Partners", Stages: []StageInput{{Name: "Intro", Probability: 5}}})
	if err != nil || len(p.Stages) != 1 {
		t.Fatalf("save pipeline = %+v, %v", p, err)
	}
	if !slices.Contains(ev.take(), EventPipelinesChanged) {
		t.Error("no pipelines:changed")
	}
	if err := s.Deals.DeletePipeline(p.ID); err != nil {
		t.Fatal(err)
	}
}
