package syncer

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"fieldbook/backend/crm"
	"fieldbook/sync/caldav"
	"fieldbook/sync/carddav"
	"fieldbook/sync/tlstrust"
)

// NewAccount is what the user types to add an account.
type NewAccount struct {
	Name     string
	URL      string // a server URL, or just its host name
	Username string
	Password string
	CertPin  string // fingerprint of a certificate the user chose to trust
}

// Found is the result of probing a server.
type Found struct {
	URL          string // the URL used (https:// added to a bare host)
	AddressBooks []carddav.AddressBook
	// Calendars are the server's calendars of meetings or tasks (none when
	// it has no CalDAV).
	Calendars []caldav.Calendar
	// Untrusted is set (and AddressBooks empty) when the server's
	// certificate is not trusted: the UI shows it and asks.
	Untrusted *tlstrust.Certificate
}

// NormalizeURL turns what the user typed into a URL: a bare host becomes
// https://host/.
func NormalizeURL(raw string) (string, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return "", crm.FieldError(crm.CodeInvalidInput, "url", "enter the server's address")
	}
	if !strings.Contains(raw, "://") {
		raw = "https://" + raw
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return "", crm.FieldError(crm.CodeURLInvalid, "url", fmt.Sprintf("%q is not a server address (http:// or https://)", raw))
	}
	if u.Path == "" {
		u.Path = "/"
	}
	return u.String(), nil
}

// Discover probes a server with the user's credentials and lists the
// address books and the calendars (RFC 6764). A certificate that is not
// trusted is reported in Found.Untrusted rather than as an error. A server
// with calendars but no CardDAV is fine; one with neither is an error.
func (s *Syncer) Discover(ctx context.Context, in NewAccount) (Found, error) {
	u, err := NormalizeURL(in.URL)
	if err != nil {
		return Found{}, err
	}
	cfg := carddav.Config{URL: u, Username: in.Username, Password: in.Password, HTTP: s.httpClient(in.CertPin)}
	cards, err := carddav.New(ctx, cfg)
	if err != nil {
		return Found{}, err
	}
	d, cardErr := cards.Discover(ctx)
	if cert, ok := tlstrust.IsUntrusted(cardErr); ok {
		return Found{URL: u, Untrusted: &cert}, nil
	}
	found := Found{URL: u, AddressBooks: d.AddressBooks}
	if cardErr != nil {
		if code := crm.ErrorCode(discoveryError(cardErr)); code == CodeUnauthorized || code == CodeUnreachable || code == CodeNotHTTPS {
			return found, discoveryError(cardErr) // CalDAV would meet the same
		}
	}
	cals, err := caldav.New(ctx, cfg)
	if err != nil {
		return found, err
	}
	if cd, err := cals.Discover(ctx); err == nil {
		found.Calendars = cd.Calendars
	}
	switch {
	case cardErr != nil && len(found.Calendars) == 0:
		return found, discoveryError(cardErr)
	case len(found.AddressBooks) == 0 && len(found.Calendars) == 0:
		return found, crm.Errorf(CodeNoAddressBooks, "the server answered but has no address book or calendar for %s", in.Username)
	}
	return found, nil
}

// Error codes of account set-up.
const (
	CodeNoAddressBooks = "no_address_books"
	CodeUnauthorized   = "unauthorized"
	CodeUnreachable    = "server_unreachable"
	CodeNotHTTPS       = "not_https"
	CodeNotCardDAV     = "not_carddav"
)

// discoveryError explains a failed discovery in terms the user can act on;
// the details (the innermost cause, the HTTP status) stay in the message.
func discoveryError(err error) error {
	var he *carddav.HTTPError
	var rec tls.RecordHeaderError
	switch {
	case asHTTP(err, &he) && (he.Status == 401 || he.Status == 403):
		return crm.Errorf(CodeUnauthorized, "the server refused the user name or password (HTTP %d)", he.Status)
	case errors.As(err, &rec) || strings.Contains(err.Error(), "server gave HTTP response to HTTPS client"):
		// (net/http reports the second as plain text, without a type)
		return crm.FieldError(CodeNotHTTPS, "url", "the server does not answer https at this address; if it only speaks plain http, type the address with http://")
	case IsOffline(err):
		return crm.Errorf(CodeUnreachable, "the server cannot be reached (%v)", rootCause(err))
	case asHTTP(err, &he):
		return crm.FieldError(CodeNotCardDAV, "url", fmt.Sprintf("the server answered HTTP %d %s: there is no CardDAV service at this address", he.Status, http.StatusText(he.Status)))
	}
	return fmt.Errorf("discover address books: %w", err)
}

// AddAccount stores an account with the chosen address books (hrefs from
// Discover; the first is where new contacts go unless def names another)
// and calendars, and its password in Secrets. Each calendar gets a local
// calendar of its own at its first sync.
func (s *Syncer) AddAccount(ctx context.Context, in NewAccount, books []carddav.AddressBook, calendars []caldav.Calendar, def string) (crm.Account, error) {
	u, err := NormalizeURL(in.URL)
	if err != nil {
		return crm.Account{}, err
	}
	name := strings.TrimSpace(in.Name)
	if name == "" {
		name = in.Username + "@" + hostOf(u)
	}
	if len(books) == 0 && len(calendars) == 0 {
		return crm.Account{}, crm.FieldError(crm.CodeInvalidInput, "addressBooks", "choose at least one address book or calendar")
	}
	now := s.cfg.Clock.Now()
	a := crm.Account{ID: crm.NewID(now), Name: name, URL: u, Username: in.Username, CertPin: in.CertPin, CreatedAt: now}
	if def == "" && len(books) > 0 {
		def = books[0].Path
	}
	hasDefault, err := s.hasDefaultCollection(ctx)
	if err != nil {
		return a, err
	}
	for _, b := range books {
		a.Collections = append(a.Collections, crm.Collection{ID: crm.NewID(now), AccountID: a.ID, Href: b.Path,
			Name: firstNonEmpty(b.Name, b.Path), Enabled: true, Default: !hasDefault && b.Path == def,
			Kind: crm.CollectionAddressBook})
	}
	a.Collections = append(a.Collections, calendarCollections(a.ID, calendars, now)...)
	if err := s.cfg.Secrets.Set(a.ID, in.Password); err != nil {
		return a, fmt.Errorf("store the password: %w", err)
	}
	if err := s.cfg.Store.CreateAccount(ctx, a); err != nil {
		_ = s.cfg.Secrets.Delete(a.ID)
		return a, err
	}
	return a, nil
}

// calendarCollections are the collections for calendars of account.
func calendarCollections(account string, calendars []caldav.Calendar, now time.Time) []crm.Collection {
	var out []crm.Collection
	for _, c := range calendars {
		var comps []string
		if c.Events {
			comps = append(comps, "VEVENT")
		}
		if c.Tasks {
			comps = append(comps, "VTODO")
		}
		out = append(out, crm.Collection{ID: crm.NewID(now), AccountID: account, Href: c.Path,
			Name: firstNonEmpty(c.Name, c.Path), Enabled: true, Kind: crm.CollectionCalendar, Components: comps, Color: c.Color})
	}
	return out
}

// DiscoverCalendars lists the calendars on an existing account's server
// (with its stored password and trusted certificate).
func (s *Syncer) DiscoverCalendars(ctx context.Context, accountID string) ([]caldav.Calendar, error) {
	a, err := s.cfg.Store.Account(ctx, accountID)
	if err != nil {
		return nil, err
	}
	password, err := s.cfg.Secrets.Get(a.ID)
	if err != nil {
		return nil, fmt.Errorf("the password of %s is not available: %w", a.Name, err)
	}
	c, err := caldav.New(ctx, caldav.Config{URL: a.URL, Username: a.Username, Password: password, HTTP: s.httpClient(a.CertPin)})
	if err != nil {
		return nil, err
	}
	d, err := c.Discover(ctx)
	if err != nil {
		return nil, discoveryError(err)
	}
	return d.Calendars, nil
}

// AddCalendars adds calendars (from Discover) to an existing account,
// skipping those it has already.
func (s *Syncer) AddCalendars(ctx context.Context, accountID string, calendars []caldav.Calendar) error {
	a, err := s.cfg.Store.Account(ctx, accountID)
	if err != nil {
		return err
	}
	var fresh []caldav.Calendar
	for _, c := range calendars {
		if !slices.ContainsFunc(a.Collections, func(col crm.Collection) bool { return col.Href == c.Path }) {
			fresh = append(fresh, c)
		}
	}
	return s.cfg.Store.AddCollections(ctx, accountID, calendarCollections(accountID, fresh, s.cfg.Clock.Now()))
}

// RemoveAccount deletes an account and its password; its contacts stay.
func (s *Syncer) RemoveAccount(ctx context.Context, id string) error {
	if err := s.cfg.Store.DeleteAccount(ctx, id); err != nil {
		return err
	}
	if err := s.cfg.Secrets.Delete(id); err != nil && !isNotFound(err) {
		return fmt.Errorf("remove the password: %w", err)
	}
	return nil
}

func (s *Syncer) hasDefaultCollection(ctx context.Context) (bool, error) {
	accounts, err := s.cfg.Store.Accounts(ctx)
	if err != nil {
		return false, err
	}
	for _, a := range accounts {
		for _, c := range a.Collections {
			if c.Default {
				return true, nil
			}
		}
	}
	return false, nil
}

func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	return u.Host
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if strings.TrimSpace(x) != "" {
			return x
		}
	}
	return ""
}
