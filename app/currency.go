package app

import (
	"context"

	"fieldbook/backend/crm"
	"fieldbook/backend/currencies"
	"fieldbook/backend/money"
)

// EventCurrencyChanged follows a change of the home currency or a rate:
// every converted total reads differently.
const EventCurrencyChanged = "currency:changed"

// CurrencyInfo describes one ISO 4217 currency for pickers.
type CurrencyInfo struct {
	Code   string `json:"code"`
	Symbol string `json:"symbol"`
	Digits int    `json:"digits"`
}

// ExchangeRate is one dated rate: one unit of Currency is Rate units of the
// home currency from Date on.
type ExchangeRate struct {
	Currency string `json:"currency"`
	Date     string `json:"date"`
	Rate     string `json:"rate"`
}

// CurrencyService is bound to the front end: the home currency and the
// exchange rates into it.
type CurrencyService struct {
	ctx    context.Context
	svc    *currencies.Service
	lang   func() string
	events Emitter
}

// NewCurrencyService wraps the currencies use cases for the binding; lang
// gives the UI language currency symbols are written for.
func NewCurrencyService(ctx context.Context, svc *currencies.Service, lang func() string, events Emitter) *CurrencyService {
	return &CurrencyService{ctx: ctx, svc: svc, lang: lang, events: events}
}

// Home returns the home currency code.
func (s *CurrencyService) Home() (string, error) { return s.svc.Home(s.ctx) }

// SetHome makes code the home currency.
func (s *CurrencyService) SetHome(code string) (string, error) {
	c, err := s.svc.SetHome(s.ctx, code)
	if err != nil {
		return "", err
	}
	s.events.Emit(EventCurrencyChanged)
	return c, nil
}

// Currencies lists every ISO 4217 currency with its symbol and decimals.
func (s *CurrencyService) Currencies() []CurrencyInfo {
	lang := s.lang()
	codes := money.Codes()
	out := make([]CurrencyInfo, len(codes))
	for i, c := range codes {
		out[i] = CurrencyInfo{Code: c, Symbol: money.Symbol(c, lang), Digits: money.Digits(c)}
	}
	return out
}

// Rates returns the rates into the home currency.
func (s *CurrencyService) Rates() ([]ExchangeRate, error) {
	rates, err := s.svc.Rates(s.ctx)
	if err != nil {
		return nil, err
	}
	out := make([]ExchangeRate, len(rates))
	for i, r := range rates {
		out[i] = ExchangeRate(r)
	}
	return out, nil
}

// SaveRate stores a dated rate into the home currency.
func (s *CurrencyService) SaveRate(in ExchangeRate) (ExchangeRate, error) {
	r, err := s.svc.SaveRate(s.ctx, crm.ExchangeRate(in))
	if err != nil {
		return ExchangeRate{}, err
	}
	s.events.Emit(EventCurrencyChanged)
	return ExchangeRate(r), nil
}

// DeleteRate removes the rate of currency on date.
func (s *CurrencyService) DeleteRate(currency, date string) error {
	if err := s.svc.DeleteRate(s.ctx, currency, date); err != nil {
		return err
	}
	s.events.Emit(EventCurrencyChanged)
	return nil
}
