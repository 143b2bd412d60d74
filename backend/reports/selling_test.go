package reports

import (
	"reflect"
	"strings"
	"testing"

	"fieldbook/backend/crm"
)

var half = Range{From: "2026-01-01", To: "2026-06-30"}

// sellingData: the deals and activities the selling reports are checked
// against (home EUR, 1 USD = 0.5 EUR, JPY has no rate).
func sellingData(t *testing.T) *fixture {
	f := newFixture(t)
	open, won, lost := crm.DealOpen, crm.DealWon, crm.DealLost
	// Open deals.
	f.deal("o-ann", stQualified, open, 100000, "EUR", nil, "2026-06-20", "2026-05-01T10:00:00Z", "")     // 1000.00 EUR @10%
	f.deal("o-bob", stQualified, open, 20000, "USD", intp(33), "2026-07-10", "2026-05-02T10:00:00Z", "") // 200.00 USD @33%
	f.deal("o-ann", stProposal, open, 5001, "EUR", nil, "", "2026-05-03T10:00:00Z", "")                  // 50.01 EUR @50%
	f.deal("o-bob", stNegotiation, open, 100, "JPY", nil, "2026-06-05", "2026-05-04T10:00:00Z", "")      // 100 JPY: no rate
	// Won and lost deals.
	f.deal("o-ann", stQualified, won, 30000, "EUR", nil, "", "2026-02-01T10:00:00Z", "2026-02-11T10:00:00Z") // 10 days
	f.deal("o-bob", stMeeting, won, 40000, "USD", nil, "", "2026-03-01T10:00:00Z", "2026-03-21T10:00:00Z")   // 20 days, 200.00 EUR
	f.deal("o-ann", stProposal, won, 10000, "EUR", nil, "", "2026-01-10T10:00:00Z", "2026-04-09T10:00:00Z")  // 89 days
	f.deal("o-ann", stQualified, lost, 5000, "EUR", nil, "", "2026-03-01T10:00:00Z", "2026-03-15T10:00:00Z") // lost in range
	f.deal("o-bob", stQualified, lost, 5000, "EUR", nil, "", "2026-04-01T10:00:00Z", "2026-05-01T10:00:00Z") // lost in range
	f.deal("o-ann", stQualified, lost, 5000, "EUR", nil, "", "2025-11-01T10:00:00Z", "2025-12-31T10:00:00Z") // lost before the range
	// 2025-12-31T19:00Z is 2026-01-01 01:00 in Dhaka (in the range);
	// 2026-06-30T19:00Z is 2026-07-01 01:00 there (after it).
	f.activity("o-ann", crm.ActivityCall, "2025-12-31T19:00:00Z", false)
	f.activity("o-ann", crm.ActivityCall, "2026-03-03T10:00:00Z", false)
	f.activity("o-ann", crm.ActivityEmail, "2026-03-04T10:00:00Z", false)
	f.activity("o-bob", crm.ActivityMeeting, "2026-06-30T17:00:00Z", false) // 23:00 in Dhaka: in
	f.activity("o-bob", crm.ActivityCall, "2026-06-30T19:00:00Z", false)    // out
	f.activity("o-bob", crm.ActivityCall, "2026-03-03T10:00:00Z", true)     // deleted
	return f
}

func check(t *testing.T, name string, got, want [][]string) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s:\n got  %q\n want %q", name, got, want)
	}
}

func TestPipelineByStage(t *testing.T) {
	f := sellingData(t)
	r := f.run("pipeline_by_stage", Filters{})
	// Qualified: 1000.00 EUR + 200.00 USD × 0.5 = 1100.00; weighted 10% of
	// 1000.00 = 100.00, 33% of 200.00 USD = 66.00 USD = 33.00 EUR → 133.00.
	// Proposal: 50.01, weighted 50% = 25.005 → 25.01 (half up per deal).
	// Negotiation: one JPY deal, no rate: counted, its amount left out.
	check(t, "pipeline", raws(r), [][]string{
		{"Qualified", "0.1000", "2", "1100.00", "133.00"},
		{"Meeting", "0.2500", "0", "0.00", "0.00"},
		{"Proposal", "0.5000", "1", "50.01", "25.01"},
		{"Negotiation", "0.7500", "1", "0.00", "0.00"},
		{"TOTAL", "", "4", "1150.01", "158.01"},
	})
	if !reflect.DeepEqual(r.MissingRates, []string{"JPY"}) || r.Home != "EUR" {
		t.Errorf("missing %v home %s, want [JPY] EUR", r.MissingRates, r.Home)
	}
	// Bob's only: the USD deal and the JPY deal.
	r = f.run("pipeline_by_stage", Filters{OwnerID: "o-bob"})
	if got := raws(r)[4]; !reflect.DeepEqual(got, []string{"TOTAL", "", "2", "100.00", "33.00"}) {
		t.Errorf("bob's total %q", got)
	}
}

func TestForecast(t *testing.T) {
	f := sellingData(t)
	r := f.run("forecast", Filters{Range: half})
	// Expected to close in the range: the EUR deal (June, 100.00 weighted)
	// and the JPY deal (June, no rate). Won: Feb 300.00, Mar 400 USD = 200.00,
	// Apr 100.00.
	check(t, "forecast", raws(r), [][]string{
		{"2026-01", "0", "0.00", "0.00"},
		{"2026-02", "0", "0.00", "300.00"},
		{"2026-03", "0", "0.00", "200.00"},
		{"2026-04", "0", "0.00", "100.00"},
		{"2026-05", "0", "0.00", "0.00"},
		{"2026-06", "2", "100.00", "0.00"},
		{"TOTAL", "2", "100.00", "600.00"},
	})
	if len(r.Chart.Series) != 2 || len(r.Chart.Categories) != 6 {
		t.Errorf("chart %+v", r.Chart)
	}
}

func TestWinRate(t *testing.T) {
	f := sellingData(t)
	r := f.run("win_rate", Filters{Range: half})
	// Ann: won 2 (Feb, Apr), lost 1 (Mar; the December loss is outside).
	// Bob: won 1, lost 1. All: 3 / 5.
	check(t, "win rate", raws(r), [][]string{
		{"Ann", "2", "1", "0.6667"},
		{"Bob", "1", "1", "0.5000"},
		{"TOTAL", "3", "2", "0.6000"},
	})
	if c := r.Total.Cells[3]; c.Num != 3 || c.Den != 5 {
		t.Errorf("total ratio %d/%d, want 3/5", c.Num, c.Den)
	}
}

func TestSalesCycle(t *testing.T) {
	f := sellingData(t)
	r := f.run("sales_cycle", Filters{Range: half})
	// Ann: 10 days (Feb 1 → 11) and 89 days (Jan 10 → Apr 9: 21 + 28 + 31
	// + 9): mean = median = 49.5. Bob: 20. All: 10, 20, 89: mean 119/3 =
	// 39.67 → 39.7, median 20.
	check(t, "cycle", raws(r), [][]string{
		{"Ann", "2", "49.5", "49.5"},
		{"Bob", "1", "20.0", "20.0"},
		{"TOTAL", "3", "39.7", "20.0"},
	})
}

func TestActivities(t *testing.T) {
	f := sellingData(t)
	r := f.run("activities", Filters{Range: half})
	// Columns: owner, call, email, meeting, visit, note, total. Ann's New
	// Year's call is in the range in Dhaka; Bob's late call is on July 1
	// there and his other call is deleted.
	check(t, "activities", raws(r), [][]string{
		{"Ann", "2", "1", "0", "0", "0", "3"},
		{"Bob", "0", "0", "1", "0", "0", "1"},
		{"TOTAL", "2", "1", "1", "0", "0", "4"},
	})
	r = f.run("activities", Filters{Range: half, OwnerID: "o-bob"})
	check(t, "bob's activities", raws(r), [][]string{
		{"Bob", "0", "0", "1", "0", "0", "1"},
		{"TOTAL", "0", "0", "1", "0", "0", "1"},
	})
}

func TestRevenueWonSeries(t *testing.T) {
	f := sellingData(t)
	r := f.run("revenue", Filters{Range: half, Period: "quarter"})
	// Orders aside, won deals: Q1 300.00 + 200.00, Q2 100.00.
	rows := raws(r)
	if len(rows) != 3 || rows[0][0] != "2026-Q1" || rows[0][3] != "500.00" || rows[1][0] != "2026-Q2" || rows[1][3] != "100.00" {
		t.Errorf("revenue by quarter %q", rows)
	}
}

func TestCSV(t *testing.T) {
	f := sellingData(t)
	b, err := CSV(f.run("pipeline_by_stage", Filters{}))
	if err != nil {
		t.Fatal(err)
	}
	want := "\uFEFFstage,probability,count,total,total_currency,weighted,weighted_currency\r\n" +
		"Qualified,0.1000,2,1100.00,EUR,133.00,EUR\r\n" +
		"Meeting,0.2500,0,0.00,EUR,0.00,EUR\r\n" +
		"Proposal,0.5000,1,50.01,EUR,25.01,EUR\r\n" +
		"Negotiation,0.7500,1,0.00,EUR,0.00,EUR\r\n" +
		"total,,4,1150.01,EUR,158.01,EUR\r\n"
	if string(b) != want {
		t.Errorf("csv:\n%s\nwant\n%s", b, want)
	}
}

func TestCSVQuotes(t *testing.T) {
	r := Result{Columns: []Column{{Key: "source", Kind: KindText}, {Key: "n", Kind: KindInt}},
		Rows: []Row{{Cells: []Cell{TextCell(`Fair, "big" one`), IntCell(3)}}}}
	b, err := CSV(r)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.TrimPrefix(string(b), "\uFEFF"); got != "source,n\r\n\"Fair, \"\"big\"\" one\",3\r\n" {
		t.Errorf("csv %q", got)
	}
}

func TestUnknownAndBadFilters(t *testing.T) {
	f := newFixture(t)
	if _, err := f.svc.Run(f.ctx, "nope", Filters{}); crm.ErrorCode(err) != CodeUnknown {
		t.Errorf("unknown report: %v", err)
	}
	if _, err := f.svc.Run(f.ctx, "win_rate", Filters{Range: Range{From: "2026-13-01"}}); crm.ErrorCode(err) != CodeInvalid {
		t.Errorf("bad date: %v", err)
	}
	if _, err := f.svc.Run(f.ctx, "revenue", Filters{Period: "decade"}); crm.ErrorCode(err) != CodeInvalid {
		t.Errorf("bad period: %v", err)
	}
	// The default range: the 12 months up to today (2026-06-15).
	r := f.run("forecast", Filters{})
	if r.Filters.From != "2025-07-01" || r.Filters.To != "2026-06-15" || len(r.Rows) != 12 {
		t.Errorf("default range %s..%s, %d rows", r.Filters.From, r.Filters.To, len(r.Rows))
	}
}

func TestDashboard(t *testing.T) {
	f := sellingData(t)
	d, err := f.svc.Dashboard(f.ctx)
	if err != nil {
		t.Fatal(err)
	}
	// June: the EUR deal expected on the 20th, 100.00 weighted; nothing won.
	if d.Today != "2026-06-15" || d.Forecast != (crm.Money{Minor: 10000, Currency: "EUR"}) || d.Won != (crm.Money{Currency: "EUR"}) {
		t.Errorf("dashboard %s forecast %+v won %+v", d.Today, d.Forecast, d.Won)
	}
	if len(d.Pipeline.Rows) != 4 || !reflect.DeepEqual(d.MissingRates, []string{"JPY"}) {
		t.Errorf("pipeline rows %d, missing %v", len(d.Pipeline.Rows), d.MissingRates)
	}
}
