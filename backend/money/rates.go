package money

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/bojanz/currency"

	"fieldbook/backend/crm"
)

// ValidateRate checks r: a known currency, a YYYY-MM-DD date and a positive
// decimal rate. It returns r with the code upper-cased and the rate trimmed.
func ValidateRate(r crm.ExchangeRate) (crm.ExchangeRate, error) {
	code, err := Code(r.Currency)
	if err != nil {
		return r, err
	}
	r.Currency = code
	if _, err := time.Parse(time.DateOnly, r.Date); err != nil {
		return r, crm.FieldError(crm.CodeDateInvalid, "date", fmt.Sprintf("%q is not a date (YYYY-MM-DD)", r.Date))
	}
	r.Rate = strings.TrimSpace(strings.ReplaceAll(r.Rate, ",", "."))
	a, err := currency.NewAmount(r.Rate, "USD") // any code: only the number is checked
	if err != nil || !a.IsPositive() {
		return r, crm.FieldError(crm.CodeAmountInvalid, "rate", fmt.Sprintf("%q is not a positive number", r.Rate))
	}
	return r, nil
}

// Converter turns amounts into the home currency with dated rates: an
// amount dated D uses its currency's latest rate dated on or before D, or
// the earliest rate when all are later.
type Converter struct {
	home  string
	rates map[string][]crm.ExchangeRate // by currency, oldest first
}

// NewConverter returns a Converter into home with rates (in any order).
func NewConverter(home string, rates []crm.ExchangeRate) *Converter {
	c := &Converter{home: home, rates: map[string][]crm.ExchangeRate{}}
	for _, r := range rates {
		c.rates[r.Currency] = append(c.rates[r.Currency], r)
	}
	for _, rs := range c.rates {
		sort.Slice(rs, func(i, j int) bool { return rs[i].Date < rs[j].Date })
	}
	return c
}

// Home is the currency the Converter converts into.
func (c *Converter) Home() string { return c.home }

// Rate returns the rate for code on date (YYYY-MM-DD; "" means the latest)
// and whether there is one. The home currency's rate is "1".
func (c *Converter) Rate(code, date string) (string, bool) {
	if code == c.home {
		return "1", true
	}
	rs := c.rates[code]
	if len(rs) == 0 {
		return "", false
	}
	if date == "" {
		return rs[len(rs)-1].Rate, true
	}
	i := sort.Search(len(rs), func(i int) bool { return rs[i].Date > date })
	if i == 0 {
		return rs[0].Rate, true
	}
	return rs[i-1].Rate, true
}

// Convert returns m in the home currency on date, rounded half up to the
// home currency's decimals. A currency without a rate gives a *crm.Error
// with crm.CodeRateMissing.
func (c *Converter) Convert(m crm.Money, date string) (crm.Money, error) {
	var t Total
	t.conv = c
	if err := t.Add(m, date); err != nil {
		return crm.Money{}, err
	}
	return t.Sum()
}

// Total sums amounts in several currencies into the home currency, exactly,
// and rounds once at the end. Amounts whose currency has no rate are left
// out and listed by Missing.
type Total struct {
	conv    *Converter
	sum     currency.Amount
	started bool
	missing map[string]bool
	count   int
}

// NewTotal starts an empty sum in c's home currency.
func (c *Converter) NewTotal() *Total { return &Total{conv: c} }

// Add adds m as converted on date. It fails only on a currency without a
// rate (crm.CodeRateMissing) or an invalid amount; the sum stays usable.
func (t *Total) Add(m crm.Money, date string) error {
	rate, ok := t.conv.Rate(m.Currency, date)
	if !ok {
		if t.missing == nil {
			t.missing = map[string]bool{}
		}
		t.missing[m.Currency] = true
		return crm.FieldError(crm.CodeRateMissing, "currency", fmt.Sprintf("there is no exchange rate from %s to %s", m.Currency, t.conv.home))
	}
	a, err := amount(m)
	if err != nil {
		return err
	}
	conv, err := a.Convert(t.conv.home, rate)
	if err != nil {
		return fmt.Errorf("money: convert %s %s at %s: %w", Decimal(m), m.Currency, rate, err)
	}
	if !t.started {
		t.sum, t.started = conv, true
	} else if t.sum, err = t.sum.Add(conv); err != nil {
		return fmt.Errorf("money: add %s: %w", Decimal(m), err)
	}
	t.count++
	return nil
}

// Count is how many amounts were added.
func (t *Total) Count() int { return t.count }

// Missing lists the currencies left out for want of a rate, sorted.
func (t *Total) Missing() []string {
	out := make([]string, 0, len(t.missing))
	for c := range t.missing {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}

// Sum returns the total rounded half up to the home currency's decimals.
func (t *Total) Sum() (crm.Money, error) {
	if !t.started {
		return crm.Money{Currency: t.conv.home}, nil
	}
	return toMoney(t.sum.RoundTo(uint8(Digits(t.conv.home)), currency.RoundHalfUp))
}
