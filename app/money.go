package app

import (
	"fieldbook/backend/crm"
	"fieldbook/backend/money"
)

// Money is an amount for the front end: integer minor units, the ISO 4217
// code, and the amount written for the UI language. The UI shows Text and
// never does arithmetic on Minor.
type Money struct {
	Minor    int64  `json:"minor"`
	Currency string `json:"currency"`
	Text     string `json:"text"`
	// Decimal is the plain number ("1234.50"), what an amount input starts from.
	Decimal string `json:"decimal"`
}

// toMoneyDTO writes m for readers of lang ("en", "bn").
func toMoneyDTO(m crm.Money, lang string) Money {
	return Money{Minor: m.Minor, Currency: m.Currency, Text: money.Format(m, lang), Decimal: money.Decimal(m)}
}

// toMoneyPtr is toMoneyDTO for an amount that may be missing (no rate).
func toMoneyPtr(m *crm.Money, lang string) *Money {
	if m == nil {
		return nil
	}
	out := toMoneyDTO(*m, lang)
	return &out
}
