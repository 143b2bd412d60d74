package deals

import (
	"math"
	"testing"

	"fieldbook/backend/crm"
	"fieldbook/backend/money"
)

// TestPercentMatchesMoneyPercent: the integer shortcut the board sums with
// rounds exactly as money.Percent (half up to the minor unit), including
// the halves, and falls back to it where integers could overflow.
func TestPercentMatchesMoneyPercent(t *testing.T) {
	amounts := []int64{0, 1, 5, 49, 50, 51, 99, 150, 1234567, 250050, 999_999_999, math.MaxInt64 / 100, math.MaxInt64}
	for _, code := range []string{"EUR", "JPY", "KWD"} {
		for _, minor := range amounts {
			for pct := 0; pct <= 100; pct++ {
				m := crm.Money{Minor: minor, Currency: code}
				want, werr := money.Percent(m, pct)
				got, gerr := percent(m, pct)
				if (werr != nil) != (gerr != nil) || got != want {
					t.Fatalf("%d%% of %d %s: got %+v (%v), money.Percent %+v (%v)", pct, minor, code, got, gerr, want, werr)
				}
			}
		}
	}
}
