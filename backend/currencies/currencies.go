// Package currencies keeps the home currency (the one totals and reports
// are shown in) and the dated exchange rates into it, and builds the
// money.Converter the selling areas convert with.
package currencies

import (
	"context"
	"time"

	"fieldbook/backend/crm"
	"fieldbook/backend/money"
)

// settingHome is the setting holding the home currency code.
const settingHome = "home_currency"

// fallbackHome is the home currency when neither the user nor the country says.
const fallbackHome = "USD"

// Store is what this package needs from persistence.
type Store interface {
	Setting(ctx context.Context, key string) (string, bool, error)
	SetSetting(ctx context.Context, key, value string) error
	SaveExchangeRate(ctx context.Context, base string, r crm.ExchangeRate, at time.Time) error
	DeleteExchangeRate(ctx context.Context, base, currency, date string) error
	ExchangeRates(ctx context.Context, base string) ([]crm.ExchangeRate, error)
}

// Service manages the home currency and the exchange rates.
type Service struct {
	store   Store
	clock   crm.Clock
	country func() string
}

// New returns a Service over st. country gives the user's country (the
// phone region setting); its currency is the home currency until the user
// picks one.
func New(st Store, clock crm.Clock, country func() string) *Service {
	return &Service{store: st, clock: clock, country: country}
}

// Home returns the home currency code.
func (s *Service) Home(ctx context.Context) (string, error) {
	v, ok, err := s.store.Setting(ctx, settingHome)
	if err != nil {
		return "", err
	}
	if ok {
		if c, err := money.Code(v); err == nil {
			return c, nil
		}
	}
	if s.country != nil {
		if c := money.ForCountry(s.country()); c != "" {
			return c, nil
		}
	}
	return fallbackHome, nil
}

// SetHome makes code the home currency. Rates typed for another home
// currency are kept but not used until it is home again.
func (s *Service) SetHome(ctx context.Context, code string) (string, error) {
	c, err := money.Code(code)
	if err != nil {
		return "", err
	}
	return c, s.store.SetSetting(ctx, settingHome, c)
}

// Rates returns the rates into the home currency, by currency and date.
func (s *Service) Rates(ctx context.Context) ([]crm.ExchangeRate, error) {
	home, err := s.Home(ctx)
	if err != nil {
		return nil, err
	}
	return s.store.ExchangeRates(ctx, home)
}

// SaveRate validates r and stores it as a rate into the home currency.
func (s *Service) SaveRate(ctx context.Context, r crm.ExchangeRate) (crm.ExchangeRate, error) {
	r, err := money.ValidateRate(r)
	if err != nil {
		return r, err
	}
	home, err := s.Home(ctx)
	if err != nil {
		return r, err
	}
	if r.Currency == home {
		return r, crm.FieldError(crm.CodeCurrencyInvalid, "currency", r.Currency+" is the home currency; its rate is always 1")
	}
	return r, s.store.SaveExchangeRate(ctx, home, r, s.clock.Now())
}

// DeleteRate removes the rate of code on date (YYYY-MM-DD).
func (s *Service) DeleteRate(ctx context.Context, code, date string) error {
	home, err := s.Home(ctx)
	if err != nil {
		return err
	}
	return s.store.DeleteExchangeRate(ctx, home, code, date)
}

// Converter returns a converter into the home currency with every rate.
func (s *Service) Converter(ctx context.Context) (*money.Converter, error) {
	home, err := s.Home(ctx)
	if err != nil {
		return nil, err
	}
	rates, err := s.store.ExchangeRates(ctx, home)
	if err != nil {
		return nil, err
	}
	return money.NewConverter(home, rates), nil
}
