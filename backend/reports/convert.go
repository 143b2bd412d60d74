package reports

import (
	"fieldbook/backend/crm"
	"fieldbook/backend/money"
)

// rateKey groups amounts of one currency converted at one rate: their sum
// in minor units converts exactly as the sum of their conversions, so a
// report converts a few dozen sums instead of thousands of amounts.
type rateKey struct {
	group, currency, rate string
}

// byRate adds amounts up per group (a stage, a month) in the home
// currency, each converted on its own date.
type byRate struct {
	conv    *money.Converter
	sums    map[rateKey]int64
	dates   map[rateKey]string // a date the rate applies on
	order   []rateKey
	missing map[string]bool
}

func newByRate(conv *money.Converter) *byRate {
	return &byRate{conv: conv, sums: map[rateKey]int64{}, dates: map[rateKey]string{}, missing: map[string]bool{}}
}

// add counts amount (converted on date) to group; a currency without a
// rate is remembered in missing and left out.
func (b *byRate) add(group string, amount crm.Money, date string) {
	rate, ok := b.conv.Rate(amount.Currency, date)
	if !ok {
		b.missing[amount.Currency] = true
		return
	}
	k := rateKey{group, amount.Currency, rate}
	if _, seen := b.sums[k]; !seen {
		b.order = append(b.order, k)
		b.dates[k] = date
	}
	b.sums[k] += amount.Minor
}

// totals converts the sums: group → amount in the home currency.
func (b *byRate) totals() (map[string]crm.Money, error) {
	ts := map[string]*money.Total{}
	for _, k := range b.order {
		t := ts[k.group]
		if t == nil {
			t = b.conv.NewTotal()
			ts[k.group] = t
		}
		if err := t.Add(crm.Money{Minor: b.sums[k], Currency: k.currency}, b.dates[k]); err != nil {
			return nil, err
		}
	}
	out := make(map[string]crm.Money, len(ts))
	for g, t := range ts {
		m, err := t.Sum()
		if err != nil {
			return nil, err
		}
		out[g] = m
	}
	return out, nil
}

// get is a group's total, zero in the home currency when it has none.
func get(totals map[string]crm.Money, group, home string) crm.Money {
	if m, ok := totals[group]; ok {
		return m
	}
	return crm.Money{Currency: home}
}

// sumHome adds amounts already in the home currency.
func sumHome(home string, ms ...crm.Money) (crm.Money, error) {
	out := crm.Money{Currency: home}
	for _, m := range ms {
		var err error
		if out, err = money.Add(out, m); err != nil {
			return crm.Money{}, err
		}
	}
	return out, nil
}
