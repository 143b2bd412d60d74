package campaigns

import (
	"fmt"
	"math/big"
	"sort"

	"fieldbook/backend/crm"
	"fieldbook/backend/money"
)

// Stats are a campaign's results with money in the home currency. Ratios
// are in basis points (1/100 of a percent), rounded half away from zero,
// so no float ever carries them.
type Stats struct {
	Targeted  int
	Responded int
	// ResponseRateBP is Responded/Targeted in basis points; nil when
	// nobody is targeted (a rate of nothing is undefined, not zero).
	ResponseRateBP *int64
	// Deals counts the attributed live deals, Won the won ones among them.
	Deals int
	Won   int
	// Revenue is the sum of the won deals' amounts, each converted on its
	// closing day, rounded once. Amounts without a rate are left out and
	// their currencies listed in Missing.
	Revenue crm.Money
	// Cost is the campaign's cost converted on its CostDate (nil: no rate).
	Cost *crm.Money
	// ROIBP is (Revenue − Cost) / Cost in basis points. It is nil when the
	// cost is zero (undefined, not infinite) or when an amount could not be
	// converted (a partial revenue would mislead).
	ROIBP *int64
	// Missing lists the currencies without a rate into the home currency.
	Missing []string
}

// ROI computes a campaign's Stats from its figures, converting with conv.
// It is pure: the reports call it with the figures of
// store.CampaignFigures.
func ROI(f crm.CampaignFigures, conv *money.Converter) (Stats, error) {
	st := Stats{Targeted: f.Targeted, Responded: f.Responded, Deals: f.Deals, Won: len(f.Won)}
	if f.Targeted > 0 {
		r := Ratio(int64(f.Responded), int64(f.Targeted))
		st.ResponseRateBP = &r
	}
	total := conv.NewTotal()
	for _, w := range f.Won {
		if err := total.Add(w.Amount, w.Date); err != nil && crm.ErrorCode(err) != crm.CodeRateMissing {
			return st, fmt.Errorf("campaigns: revenue of %s: %w", f.CampaignID, err)
		}
	}
	rev, err := total.Sum()
	if err != nil {
		return st, fmt.Errorf("campaigns: revenue of %s: %w", f.CampaignID, err)
	}
	st.Revenue = rev
	missing := map[string]bool{}
	for _, c := range total.Missing() {
		missing[c] = true
	}
	cost, err := conv.Convert(f.Cost, f.CostDate)
	switch {
	case crm.ErrorCode(err) == crm.CodeRateMissing:
		missing[f.Cost.Currency] = true
	case err != nil:
		return st, fmt.Errorf("campaigns: cost of %s: %w", f.CampaignID, err)
	default:
		st.Cost = &cost
	}
	for c := range missing {
		st.Missing = append(st.Missing, c)
	}
	sort.Strings(st.Missing)
	if len(st.Missing) == 0 && st.Cost != nil && st.Cost.Minor != 0 {
		r := Ratio(rev.Minor-st.Cost.Minor, st.Cost.Minor)
		st.ROIBP = &r
	}
	return st, nil
}

// Ratio is num/den in basis points, rounded half away from zero. den must
// not be zero.
func Ratio(num, den int64) int64 {
	n := new(big.Int).Mul(big.NewInt(num), big.NewInt(10000))
	d := big.NewInt(den)
	if d.Sign() < 0 {
		n.Neg(n)
		d.Neg(d)
	}
	neg := n.Sign() < 0
	n.Abs(n)
	q, r := new(big.Int).QuoRem(n, d, new(big.Int))
	if new(big.Int).Mul(r, big.NewInt(2)).Cmp(d) >= 0 {
		q.Add(q, big.NewInt(1))
	}
	if neg {
		q.Neg(q)
	}
	return q.Int64()
}
