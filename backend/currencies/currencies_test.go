package currencies_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"fieldbook/backend/crm"
	"fieldbook/backend/currencies"
	"fieldbook/backend/store"
)

type tick struct{ t time.Time }

func (c *tick) Now() time.Time { c.t = c.t.Add(time.Second); return c.t }

func setup(t *testing.T, country string) *currencies.Service {
	t.Helper()
	clock := &tick{t: time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC)}
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "c.db"), store.WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return currencies.New(db, clock, func() string { return country })
}

func TestHomeComesFromTheCountryUntilChosen(t *testing.T) {
	ctx := context.Background()
	svc := setup(t, "BD")
	if home, err := svc.Home(ctx); err != nil || home != "BDT" {
		t.Errorf("Home in BD = %q, %v", home, err)
	}
	if _, err := svc.SetHome(ctx, "eur"); err != nil {
		t.Fatal(err)
	}
	if home, _ := svc.Home(ctx); home != "EUR" {
		t.Errorf("Home after SetHome = %q", home)
	}
	if _, err := svc.SetHome(ctx, "EURO"); crm.ErrorCode(err) != crm.CodeCurrencyInvalid {
		t.Errorf("SetHome(EURO): %v", err)
	}
	if home, _ := setup(t, "AQ").Home(ctx); home != "USD" {
		t.Errorf("Home for a country without a currency = %q, want USD", home)
	}
}

func TestRatesBelongToTheirHomeCurrency(t *testing.T) {
	ctx := context.Background()
	svc := setup(t, "US")
	for _, r := range []crm.ExchangeRate{
		{Currency: "JPY", Date: "2026-01-01", Rate: "0.0067"},
		{Currency: "EUR", Date: "2026-01-01", Rate: "1.08"},
		{Currency: "EUR", Date: "2026-01-01", Rate: "1.10"}, // replaces the one before
	} {
		if _, err := svc.SaveRate(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := svc.SaveRate(ctx, crm.ExchangeRate{Currency: "USD", Date: "2026-01-01", Rate: "1"}); crm.ErrorCode(err) != crm.CodeCurrencyInvalid {
		t.Errorf("a rate for the home currency: %v", err)
	}
	conv, err := svc.Converter(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// ¥150,000 × 0.0067 + €1,000 × 1.10 = $1,005 + $1,100 = $2,105.00.
	total := conv.NewTotal()
	_ = total.Add(crm.Money{Minor: 150000, Currency: "JPY"}, "2026-03-01")
	_ = total.Add(crm.Money{Minor: 100000, Currency: "EUR"}, "2026-03-01")
	if sum, err := total.Sum(); err != nil || sum != (crm.Money{Minor: 210500, Currency: "USD"}) {
		t.Errorf("sum = %+v, %v", sum, err)
	}
	// Another home currency starts without rates; switching back finds them.
	if _, err := svc.SetHome(ctx, "EUR"); err != nil {
		t.Fatal(err)
	}
	if rates, _ := svc.Rates(ctx); len(rates) != 0 {
		t.Errorf("rates into EUR = %+v, want none", rates)
	}
	_, _ = svc.SetHome(ctx, "USD")
	rates, _ := svc.Rates(ctx)
	if len(rates) != 2 || rates[0].Currency != "EUR" || rates[0].Rate != "1.10" {
		t.Errorf("rates into USD = %+v", rates)
	}
	if err := svc.DeleteRate(ctx, "EUR", "2026-01-01"); err != nil {
		t.Fatal(err)
	}
	if rates, _ := svc.Rates(ctx); len(rates) != 1 || rates[0].Currency != "JPY" {
		t.Errorf("rates after delete = %+v", rates)
	}
}
