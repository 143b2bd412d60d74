package campaigns

import (
	"reflect"
	"testing"

	"fieldbook/backend/crm"
	"fieldbook/backend/money"
)

func eur(minor int64) crm.Money { return crm.Money{Minor: minor, Currency: "EUR"} }

func bp(n int64) *int64 { return &n }

// The figures below were worked out by hand:
//   - JPY 30,000 at 0.0061 EUR = EUR 183.00; USD 1,200.00 at 0.92 (rate of
//     2026-09-01, the latest on or before 2026-11-02) = EUR 1,104.00;
//     EUR 2,500.00 as is. Revenue = 2,500 + 183 + 1,104 = EUR 3,787.00.
//   - Cost EUR 1,000.00. ROI = (3,787 − 1,000) / 1,000 = 2.787 = 27,870 bp.
//   - 3 of 8 targeted responded: 0.375 = 3,750 bp.
func TestROIMixedCurrenciesHandComputed(t *testing.T) {
	conv := money.NewConverter("EUR", []crm.ExchangeRate{
		{Currency: "JPY", Date: "2026-01-01", Rate: "0.0061"},
		{Currency: "USD", Date: "2026-09-01", Rate: "0.92"},
		{Currency: "USD", Date: "2026-12-01", Rate: "0.50"},
	})
	f := crm.CampaignFigures{CampaignID: "c", Cost: eur(100000), CostDate: "2026-10-01", Targeted: 8, Responded: 3, Deals: 5,
		Won: []crm.DatedMoney{
			{Amount: eur(250000), Date: "2026-11-02"},
			{Amount: crm.Money{Minor: 30000, Currency: "JPY"}, Date: "2026-11-02"},
			{Amount: crm.Money{Minor: 120000, Currency: "USD"}, Date: "2026-11-02"},
		}}
	got, err := ROI(f, conv)
	if err != nil {
		t.Fatal(err)
	}
	cost := eur(100000)
	want := Stats{Targeted: 8, Responded: 3, ResponseRateBP: bp(3750), Deals: 5, Won: 3,
		Revenue: eur(378700), Cost: &cost, ROIBP: bp(27870)}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %+v\nwant %+v", got, want)
	}
}

// A cost in USD 500.00 at 0.92 = EUR 460.00, revenue EUR 230.00:
// ROI = (230 − 460) / 460 = −0.5 = −5,000 bp (a loss is negative).
func TestROILossAndCostInAnotherCurrency(t *testing.T) {
	conv := money.NewConverter("EUR", []crm.ExchangeRate{{Currency: "USD", Date: "2026-01-01", Rate: "0.92"}})
	got, err := ROI(crm.CampaignFigures{Cost: crm.Money{Minor: 50000, Currency: "USD"}, CostDate: "2026-03-01",
		Won: []crm.DatedMoney{{Amount: eur(23000), Date: "2026-04-01"}}}, conv)
	if err != nil {
		t.Fatal(err)
	}
	if got.ROIBP == nil || *got.ROIBP != -5000 || got.Cost == nil || *got.Cost != eur(46000) || got.ResponseRateBP != nil {
		t.Fatalf("got %+v", got)
	}
}

func TestROIUndefinedForZeroCostAndMissingRates(t *testing.T) {
	conv := money.NewConverter("EUR", nil)
	free, err := ROI(crm.CampaignFigures{Cost: eur(0), Won: []crm.DatedMoney{{Amount: eur(99900), Date: "2026-01-01"}}}, conv)
	if err != nil {
		t.Fatal(err)
	}
	if free.ROIBP != nil || free.Revenue != eur(99900) || free.Cost == nil || free.Cost.Minor != 0 {
		t.Fatalf("zero cost: %+v", free)
	}
	// A won deal in GBP without a rate: the revenue leaves it out, lists GBP, and ROI is not given.
	part, err := ROI(crm.CampaignFigures{Cost: eur(1000), Targeted: 3, Won: []crm.DatedMoney{
		{Amount: eur(5000), Date: "2026-01-01"}, {Amount: crm.Money{Minor: 100, Currency: "GBP"}, Date: "2026-01-01"}}}, conv)
	if err != nil {
		t.Fatal(err)
	}
	if part.ROIBP != nil || part.Revenue != eur(5000) || !reflect.DeepEqual(part.Missing, []string{"GBP"}) ||
		part.ResponseRateBP == nil || *part.ResponseRateBP != 0 {
		t.Fatalf("missing rate: %+v", part)
	}
	// A cost without a rate.
	c, err := ROI(crm.CampaignFigures{Cost: crm.Money{Minor: 100, Currency: "CHF"}}, conv)
	if err != nil || c.Cost != nil || c.ROIBP != nil || !reflect.DeepEqual(c.Missing, []string{"CHF"}) {
		t.Fatalf("cost without rate: %+v, %v", c, err)
	}
}

func TestRatioRoundsHalfAwayFromZero(t *testing.T) {
	for _, c := range []struct{ num, den, want int64 }{
		{1, 3, 3333}, {2, 3, 6667}, {1, 20000, 1}, {1, 20001, 0}, {-1, 20000, -1}, {-2, 3, -6667}, {5, -2, -25000}, {0, 7, 0},
	} {
		if got := Ratio(c.num, c.den); got != c.want {
			t.Errorf("Ratio(%d, %d) = %d, want %d", c.num, c.den, got, c.want)
		}
	}
}
