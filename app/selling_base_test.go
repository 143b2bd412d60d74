package app

import (
	"errors"
	"os/user"
	"path/filepath"
	"slices"
	"testing"

	"fieldbook/backend/crm"
)

func TestOwnersAndCurrencyServices(t *testing.T) {
	ev := &recorder{}
	s := openServicesWith(t, filepath.Join(t.TempDir(), "s.db"), ev)
	me, err := s.Owners.Me()
	if err != nil || !me.IsMe || me.Name != "Me" {
		t.Fatalf("Me = %+v, %v", me, err)
	}
	bob, err := s.Owners.SaveOwner(OwnerInput{Name: "Bob", Email: "bob@example.com"})
	if err != nil || bob.IsMe {
		t.Fatalf("SaveOwner = %+v, %v", bob, err)
	}
	list, _ := s.Owners.List()
	if len(list) != 2 || list[0].Name != "Bob" || !list[1].IsMe {
		t.Errorf("List = %+v", list)
	}
	if !slices.Contains(ev.take(), EventOwnersChanged) {
		t.Error("no owners:changed event")
	}

	// The test database has no phone region: the US, so dollars.
	if home, _ := s.Currency.Home(); home != "USD" {
		t.Errorf("Home = %q", home)
	}
	if _, err := s.Currency.SaveRate(ExchangeRate{Currency: "jpy", Date: "2026-01-01", Rate: "0.0067"}); err != nil {
		t.Fatal(err)
	}
	rates, _ := s.Currency.Rates()
	if len(rates) != 1 || rates[0].Currency != "JPY" {
		t.Errorf("Rates = %+v", rates)
	}
	if _, err := s.Currency.SetHome("xx"); err == nil {
		t.Error("SetHome(xx) accepted")
	}
	if !slices.Contains(ev.take(), EventCurrencyChanged) {
		t.Error("no currency:changed event")
	}
	var jpy CurrencyInfo
	for _, c := range s.Currency.Currencies() {
		if c.Code == "JPY" {
			jpy = c
		}
	}
	if jpy.Digits != 0 || jpy.Symbol == "" {
		t.Errorf("JPY info = %+v", jpy)
	}
	if got := toMoneyDTO(crmMoney(123450, "EUR"), "en"); got.Text != "€1,234.50" || got.Decimal != "1234.50" {
		t.Errorf("money DTO = %+v", got)
	}
}

func TestSystemUserName(t *testing.T) {
	cases := []struct {
		u    *user.User
		err  error
		want string
	}{
		{&user.User{Username: "rina", Name: "Rina Das,Room 4,,"}, nil, "Rina Das"},
		{&user.User{Username: "rina", Name: ""}, nil, "rina"},
		{nil, errors.New("no user"), ""},
	}
	for _, c := range cases {
		if got := SystemUserName(func() (*user.User, error) { return c.u, c.err }); got != c.want {
			t.Errorf("SystemUserName(%+v) = %q, want %q", c.u, got, c.want)
		}
	}
}

func crmMoney(minor int64, code string) crm.Money { return crm.Money{Minor: minor, Currency: code} }
