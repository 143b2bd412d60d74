package money

import (
	"errors"
	"testing"

	"fieldbook/backend/crm"
)

func TestParseUsesTheCurrencysDecimals(t *testing.T) {
	cases := []struct {
		text, code string
		want       crm.Money
		errCode    string
	}{
		{"1234.50", "eur", crm.Money{Minor: 123450, Currency: "EUR"}, ""},
		{"1,234.5", "EUR", crm.Money{Minor: 123450, Currency: "EUR"}, ""},
		{"12,5", "EUR", crm.Money{Minor: 1250, Currency: "EUR"}, ""},
		{"1 000 000", "JPY", crm.Money{Minor: 1000000, Currency: "JPY"}, ""},
		{"1,000", "JPY", crm.Money{Minor: 1000, Currency: "JPY"}, ""},
		{"-3", "USD", crm.Money{Minor: -300, Currency: "USD"}, ""},
		{"1.234", "KWD", crm.Money{Minor: 1234, Currency: "KWD"}, ""},
		{"1.5", "JPY", crm.Money{}, crm.CodeAmountInvalid},
		{"0.001", "EUR", crm.Money{}, crm.CodeAmountInvalid},
		{"ten", "EUR", crm.Money{}, crm.CodeAmountInvalid},
		{"", "EUR", crm.Money{}, crm.CodeAmountInvalid},
		{"99999999999999999999", "EUR", crm.Money{}, crm.CodeAmountInvalid},
		{"10", "EURO", crm.Money{}, crm.CodeCurrencyInvalid},
		{"10", "ABC", crm.Money{}, crm.CodeCurrencyInvalid},
	}
	for _, c := range cases {
		got, err := Parse(c.text, c.code)
		if crm.ErrorCode(err) != c.errCode && !(c.errCode == "" && err == nil) {
			t.Errorf("Parse(%q, %q) error = %v, want code %q", c.text, c.code, err, c.errCode)
			continue
		}
		if got != c.want {
			t.Errorf("Parse(%q, %q) = %+v, want %+v", c.text, c.code, got, c.want)
		}
	}
}

func TestDecimalAndFormat(t *testing.T) {
	if got := Decimal(crm.Money{Minor: 123450, Currency: "EUR"}); got != "1234.50" {
		t.Errorf("Decimal EUR = %q", got)
	}
	if got := Decimal(crm.Money{Minor: 1500, Currency: "JPY"}); got != "1500" {
		t.Errorf("Decimal JPY = %q", got)
	}
	if got := Format(crm.Money{Minor: 123450, Currency: "EUR"}, "en"); got != "€1,234.50" {
		t.Errorf("Format en = %q", got)
	}
	if got := Format(crm.Money{Minor: 150000, Currency: "JPY"}, "en"); got != "¥150,000" {
		t.Errorf("Format JPY = %q", got)
	}
	// Bengali groups by lakh and writes Bengali digits.
	if got := Format(crm.Money{Minor: 12345678, Currency: "BDT"}, "bn"); got != "১,২৩,৪৫৬.৭৮৳" {
		t.Errorf("Format bn = %q", got)
	}
}

func TestPercentRoundsHalfUpToTheMinorUnit(t *testing.T) {
	cases := []struct {
		m    crm.Money
		pct  int
		want int64
	}{
		{crm.Money{Minor: 1005, Currency: "EUR"}, 50, 503}, // 5.025 → 5.03
		{crm.Money{Minor: 333, Currency: "JPY"}, 10, 33},   // 33.3 → 33
		{crm.Money{Minor: 335, Currency: "JPY"}, 10, 34},   // 33.5 → 34
		{crm.Money{Minor: 100000, Currency: "USD"}, 0, 0},
	}
	for _, c := range cases {
		got, err := Percent(c.m, c.pct)
		if err != nil || got.Minor != c.want || got.Currency != c.m.Currency {
			t.Errorf("Percent(%+v, %d) = %+v, %v; want %d", c.m, c.pct, got, err, c.want)
		}
	}
}

func TestAddAndTimesRefuseOverflowAndMixedCurrencies(t *testing.T) {
	if _, err := Add(crm.Money{Minor: 1, Currency: "EUR"}, crm.Money{Minor: 1, Currency: "USD"}); err == nil {
		t.Error("adding EUR to USD succeeded")
	}
	if _, err := Add(crm.Money{Minor: 1 << 62, Currency: "EUR"}, crm.Money{Minor: 1 << 62, Currency: "EUR"}); crm.ErrorCode(err) != crm.CodeAmountInvalid {
		t.Errorf("overflowing add: %v", err)
	}
	if got, err := Times(crm.Money{Minor: 1999, Currency: "EUR"}, 3); err != nil || got.Minor != 5997 {
		t.Errorf("Times = %+v, %v", got, err)
	}
	if _, err := Times(crm.Money{Minor: 1 << 40, Currency: "EUR"}, 1<<30); err == nil {
		t.Error("overflowing multiply succeeded")
	}
}

func TestConverterSumsJPYAndEURInTheHomeCurrency(t *testing.T) {
	// Home USD. 1 EUR = 1.0850 USD from 2026-01-01, 1.10 from 2026-06-01;
	// 1 JPY = 0.0067 USD.
	c := NewConverter("USD", []crm.ExchangeRate{
		{Currency: "EUR", Date: "2026-06-01", Rate: "1.10"},
		{Currency: "JPY", Date: "2026-01-01", Rate: "0.0067"},
		{Currency: "EUR", Date: "2026-01-01", Rate: "1.0850"},
	})
	total := c.NewTotal()
	// ¥150,000 × 0.0067 = $1,005.00; €1,000.00 × 1.10 = $1,100.00; $0.01.
	for _, m := range []crm.Money{{Minor: 150000, Currency: "JPY"}, {Minor: 100000, Currency: "EUR"}, {Minor: 1, Currency: "USD"}} {
		if err := total.Add(m, "2026-07-15"); err != nil {
			t.Fatal(err)
		}
	}
	if err := total.Add(crm.Money{Minor: 500, Currency: "GBP"}, "2026-07-15"); crm.ErrorCode(err) != crm.CodeRateMissing {
		t.Errorf("GBP without a rate: %v", err)
	}
	sum, err := total.Sum()
	if err != nil || sum != (crm.Money{Minor: 210501, Currency: "USD"}) {
		t.Errorf("sum = %+v, %v; want $2,105.01", sum, err)
	}
	if m := total.Missing(); len(m) != 1 || m[0] != "GBP" {
		t.Errorf("missing = %v", m)
	}
	// Before June the older EUR rate applies; before any rate the earliest.
	for date, want := range map[string]int64{"2026-03-01": 108500, "2025-01-01": 108500, "": 110000} {
		got, err := c.Convert(crm.Money{Minor: 100000, Currency: "EUR"}, date)
		if err != nil || got.Minor != want {
			t.Errorf("Convert on %q = %+v, %v; want %d", date, got, err, want)
		}
	}
}

func TestTotalRoundsOnceAtTheEnd(t *testing.T) {
	// Three amounts of ¥1 at 0.0067 USD are 0.0201 USD → $0.02; rounding
	// each first would give $0.03.
	c := NewConverter("USD", []crm.ExchangeRate{{Currency: "JPY", Date: "2026-01-01", Rate: "0.0067"}})
	total := c.NewTotal()
	for range 3 {
		if err := total.Add(crm.Money{Minor: 1, Currency: "JPY"}, ""); err != nil {
			t.Fatal(err)
		}
	}
	if sum, _ := total.Sum(); sum.Minor != 2 {
		t.Errorf("sum = %d cents, want 2", sum.Minor)
	}
	// Into JPY, which has no decimals: €10.00 at 163.456 JPY = ¥1,634.56 → ¥1,635.
	toYen := NewConverter("JPY", []crm.ExchangeRate{{Currency: "EUR", Date: "2026-01-01", Rate: "163.456"}})
	if got, err := toYen.Convert(crm.Money{Minor: 1000, Currency: "EUR"}, ""); err != nil || got.Minor != 1635 {
		t.Errorf("EUR→JPY = %+v, %v", got, err)
	}
}

func TestValidateRate(t *testing.T) {
	good, err := ValidateRate(crm.ExchangeRate{Currency: "jpy", Date: "2026-01-01", Rate: " 0,0067 "})
	if err != nil || good.Currency != "JPY" || good.Rate != "0.0067" {
		t.Errorf("ValidateRate = %+v, %v", good, err)
	}
	for _, bad := range []crm.ExchangeRate{
		{Currency: "JPY", Date: "2026-13-01", Rate: "1"},
		{Currency: "JPY", Date: "2026-01-01", Rate: "0"},
		{Currency: "JPY", Date: "2026-01-01", Rate: "-1"},
		{Currency: "JPY", Date: "2026-01-01", Rate: "abc"},
		{Currency: "XYZ1", Date: "2026-01-01", Rate: "1"},
	} {
		if _, err := ValidateRate(bad); err == nil {
			t.Errorf("ValidateRate(%+v) accepted", bad)
		}
	}
}

func TestParseAmountDefaultsAndRefusals(t *testing.T) {
	home := func() (string, error) { return "JPY", nil }
	asked := 0
	counting := func() (string, error) { asked++; return home() }
	if m, err := ParseAmount("", "", "cost", counting); err != nil || m != (crm.Money{Currency: "JPY"}) || asked != 1 {
		t.Errorf("blank = %+v, %v (home asked %d times)", m, err, asked)
	}
	if m, err := ParseAmount("12.50", "eur", "cost", counting); err != nil || m != (crm.Money{Minor: 1250, Currency: "EUR"}) || asked != 1 {
		t.Errorf("EUR = %+v, %v (home asked %d times)", m, err, asked)
	}
	var ce *crm.Error
	if _, err := ParseAmount("-5", "EUR", "cost", home); !errors.As(err, &ce) || ce.Code != crm.CodeAmountInvalid || ce.Field != "cost" {
		t.Errorf("negative: %v", err)
	}
	if _, err := ParseAmount("1.5", "", "amount", home); !errors.As(err, &ce) || ce.Field != "amount" {
		t.Errorf("1.5 JPY: %v", err)
	}
	if _, err := ParseAmount("1", "", "amount", func() (string, error) { return "", errors.New("no db") }); err == nil {
		t.Error("a failing home lookup was ignored")
	}
}
