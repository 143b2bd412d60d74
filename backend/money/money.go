// Package money is Fieldbook's arithmetic on amounts of money: integer minor
// units of an ISO 4217 currency (crm.Money), parsed from and formatted to text
// per locale with CLDR data (github.com/bojanz/currency), and converted to the
// home currency with dated exchange rates. Nothing here is a float: sums of
// converted amounts are kept as exact decimals and rounded once, to the
// target currency's own number of decimals (0 for JPY, 2 for EUR, 3 for KWD).
package money

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/bojanz/currency"

	"fieldbook/backend/crm"
)

// Code returns the upper-case ISO 4217 code for s, or a *crm.Error with
// crm.CodeCurrencyInvalid when s is not a currency.
func Code(s string) (string, error) {
	c := strings.ToUpper(strings.TrimSpace(s))
	if len(c) != 3 || !currency.IsValid(c) {
		return "", crm.FieldError(crm.CodeCurrencyInvalid, "currency", fmt.Sprintf("%q is not an ISO 4217 currency code", s))
	}
	return c, nil
}

// Digits returns how many decimals currency code has (2 when unknown).
func Digits(code string) int {
	d, ok := currency.GetDigits(code)
	if !ok || d == currency.DefaultDigits {
		return 2
	}
	return int(d)
}

// Codes lists every currency code known, in alphabetical order.
func Codes() []string { return currency.GetCurrencyCodes() }

// Parse reads an amount typed by a user, such as "1234.50", "1,234.50" or
// "-12", in currency code. Grouping commas, spaces and apostrophes are
// ignored; the decimal separator is "." (or "," when it is the only
// separator and followed by fewer than three digits, as in "12,5"). An
// amount with more decimals than the currency has is refused rather than
// rounded: "1.5 JPY" does not exist.
func Parse(text, code string) (crm.Money, error) {
	code, err := Code(code)
	if err != nil {
		return crm.Money{}, err
	}
	n := normalizeNumber(text)
	a, err := currency.NewAmount(n, code)
	if err != nil || n == "" {
		return crm.Money{}, crm.FieldError(crm.CodeAmountInvalid, "amount", fmt.Sprintf("%q is not an amount", strings.TrimSpace(text)))
	}
	if !a.Round().Equal(a) {
		return crm.Money{}, crm.FieldError(crm.CodeAmountInvalid, "amount",
			fmt.Sprintf("%s has %d decimals; %q has more", code, Digits(code), strings.TrimSpace(text)))
	}
	minor, err := a.Int64()
	if err != nil {
		return crm.Money{}, crm.FieldError(crm.CodeAmountInvalid, "amount", fmt.Sprintf("%q is too large", strings.TrimSpace(text)))
	}
	return crm.Money{Minor: minor, Currency: code}, nil
}

func normalizeNumber(text string) string {
	s := strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\u00a0', '\u202f', '\'', '_':
			return -1
		case '\u2212':
			return '-'
		}
		return r
	}, strings.TrimSpace(text))
	if strings.Contains(s, ".") {
		return strings.ReplaceAll(s, ",", "")
	}
	if i := strings.LastIndex(s, ","); i >= 0 && strings.Count(s, ",") == 1 && len(s)-i-1 < 3 {
		return s[:i] + "." + s[i+1:]
	}
	return strings.ReplaceAll(s, ",", "")
}

// Decimal returns m as a plain decimal text with the currency's decimals,
// such as "1234.50" or "-3" (for JPY): the form Parse reads back and CSV
// exports carry.
func Decimal(m crm.Money) string {
	a, err := amount(m)
	if err != nil {
		return fmt.Sprintf("%d", m.Minor)
	}
	return a.Round().Number()
}

// Format writes m for people who read locale ("en", "bn", "de-CH"), with
// the currency's symbol and the locale's digits and grouping.
func Format(m crm.Money, locale string) string {
	a, err := amount(m)
	if err != nil {
		return fmt.Sprintf("%d %s", m.Minor, m.Currency)
	}
	return currency.NewFormatter(currency.NewLocale(locale)).Format(a)
}

// Add returns a + b in their common currency, or an error when the
// currencies differ or the sum does not fit in int64 minor units.
func Add(a, b crm.Money) (crm.Money, error) {
	if a.Currency != b.Currency {
		return crm.Money{}, fmt.Errorf("money: cannot add %s to %s without converting", b.Currency, a.Currency)
	}
	if (b.Minor > 0 && a.Minor > math.MaxInt64-b.Minor) || (b.Minor < 0 && a.Minor < math.MinInt64-b.Minor) {
		return crm.Money{}, crm.FieldError(crm.CodeAmountInvalid, "amount", "the sum is too large")
	}
	return crm.Money{Minor: a.Minor + b.Minor, Currency: a.Currency}, nil
}

// Times returns m multiplied by the integer quantity q (an order line).
func Times(m crm.Money, q int64) (crm.Money, error) {
	if q != 0 && (m.Minor > math.MaxInt64/abs(q) || m.Minor < math.MinInt64/abs(q)) {
		return crm.Money{}, crm.FieldError(crm.CodeAmountInvalid, "amount", "the amount is too large")
	}
	return crm.Money{Minor: m.Minor * q, Currency: m.Currency}, nil
}

// Percent returns m × pct / 100 rounded half up to the currency's minor
// unit (a deal's weighted amount at a stage's probability).
func Percent(m crm.Money, pct int) (crm.Money, error) {
	a, err := amount(m)
	if err != nil {
		return crm.Money{}, err
	}
	w, err := a.Mul(fmt.Sprintf("%d", pct))
	if err == nil {
		w, err = w.Div("100")
	}
	if err != nil {
		return crm.Money{}, fmt.Errorf("money: %d%% of %s: %w", pct, Decimal(m), err)
	}
	return toMoney(w.RoundTo(uint8(Digits(m.Currency)), currency.RoundHalfUp))
}

func abs(q int64) int64 {
	if q < 0 {
		return -q
	}
	return q
}

func amount(m crm.Money) (currency.Amount, error) {
	a, err := currency.NewAmountFromInt64(m.Minor, m.Currency)
	if err != nil {
		return a, crm.FieldError(crm.CodeCurrencyInvalid, "currency", fmt.Sprintf("%q is not an ISO 4217 currency code", m.Currency))
	}
	return a, nil
}

func toMoney(a currency.Amount) (crm.Money, error) {
	minor, err := a.Int64()
	if err != nil {
		return crm.Money{}, crm.FieldError(crm.CodeAmountInvalid, "amount", "the amount is too large")
	}
	return crm.Money{Minor: minor, Currency: a.CurrencyCode()}, nil
}

// ForCountry returns the currency of an ISO 3166 country ("BD" → "BDT"),
// or "" when it has none.
func ForCountry(country string) string {
	c, ok := currency.ForCountryCode(strings.ToUpper(country))
	if !ok {
		return ""
	}
	return c
}

// Symbol returns the currency's symbol as people who read locale write it
// ("€", "US$", "৳"), or the code when CLDR has none.
func Symbol(code, locale string) string {
	s, ok := currency.GetSymbol(code, currency.NewLocale(locale))
	if !ok {
		return code
	}
	return s
}

// ParseAmount reads an amount a form sends: a blank code means the home
// currency (asked of home only then), a blank text is zero, and a negative
// amount is refused. Errors name field ("amount", "cost", …).
func ParseAmount(text, code, field string, home func() (string, error)) (crm.Money, error) {
	if strings.TrimSpace(code) == "" {
		h, err := home()
		if err != nil {
			return crm.Money{}, fmt.Errorf("money: home currency: %w", err)
		}
		code = h
	}
	if strings.TrimSpace(text) == "" {
		c, err := Code(code)
		return crm.Money{Currency: c}, err
	}
	m, err := Parse(text, code)
	if err != nil {
		var ce *crm.Error
		if errors.As(err, &ce) && ce.Field == "amount" {
			ce.Field = field
		}
		return m, err
	}
	if m.Minor < 0 {
		return m, crm.FieldError(crm.CodeAmountInvalid, field, fmt.Sprintf("the %s cannot be negative", field))
	}
	return m, nil
}
