package davtest

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/emersion/go-vcard"
	"github.com/emersion/go-webdav"
	"github.com/emersion/go-webdav/carddav"
)

// Fixed layout of the single user's DAV tree, like Radicale's.
const (
	// Username and Password are the Basic auth credentials the server accepts.
	Username = "alice"
	Password = "alicepw"
	// PrincipalPath is the current-user-principal.
	PrincipalPath = "/alice/"
	// HomeSetPath is the addressbook-home-set.
	HomeSetPath = "/alice/contacts/"
	// AddressBookPath is the one address book.
	AddressBookPath = "/alice/contacts/default/"
	// CalendarHomeSetPath is the calendar-home-set of NewCalDAV.
	CalendarHomeSetPath = "/alice/calendars/"
	// CalendarPath is NewCalDAV's one calendar (VEVENT and VTODO).
	CalendarPath = "/alice/calendars/default/"
	// CalendarName and CalendarColor are its displayname and Apple
	// calendar-color.
	CalendarName  = "Work"
	CalendarColor = "#FF8800"
)

// ifMatchKey carries the request's If-Match header to DeleteAddressObject
// and DeleteCalendarObject, which go-webdav calls without the request.
type ifMatchKey struct{}

// backend is the in-memory carddav.Backend.
type backend struct {
	store *store
}

var _ carddav.Backend = (*backend)(nil)

func (b *backend) CurrentUserPrincipal(context.Context) (string, error) {
	return PrincipalPath, nil
}

func (b *backend) AddressBookHomeSetPath(context.Context) (string, error) {
	return HomeSetPath, nil
}

func (b *backend) addressBook() carddav.AddressBook {
	return carddav.AddressBook{
		Path:        AddressBookPath,
		Name:        "Default",
		Description: "davtest address book",
		SupportedAddressData: []carddav.AddressDataType{
			{ContentType: vcard.MIMEType, Version: "3.0"},
			{ContentType: vcard.MIMEType, Version: "4.0"},
		},
	}
}

func (b *backend) ListAddressBooks(context.Context) ([]carddav.AddressBook, error) {
	return []carddav.AddressBook{b.addressBook()}, nil
}

func (b *backend) GetAddressBook(_ context.Context, p string) (*carddav.AddressBook, error) {
	if !isBookPath(p) {
		return nil, webdav.NewHTTPError(http.StatusNotFound, fmt.Errorf("davtest: no address book at %s", p))
	}
	ab := b.addressBook()
	return &ab, nil
}

func (b *backend) CreateAddressBook(_ context.Context, ab *carddav.AddressBook) error {
	return webdav.NewHTTPError(http.StatusForbidden, fmt.Errorf("davtest: cannot create address book %s", ab.Path))
}

func (b *backend) DeleteAddressBook(_ context.Context, p string) error {
	return webdav.NewHTTPError(http.StatusForbidden, fmt.Errorf("davtest: cannot delete address book %s", p))
}

func (b *backend) GetAddressObject(_ context.Context, p string, _ *carddav.AddressDataRequest) (*carddav.AddressObject, error) {
	e, ok := b.store.get(p)
	if !ok {
		return nil, webdav.NewHTTPError(http.StatusNotFound, fmt.Errorf("davtest: no object at %s", p))
	}
	return toAddressObject(p, e), nil
}

func (b *backend) ListAddressObjects(_ context.Context, p string, _ *carddav.AddressDataRequest) ([]carddav.AddressObject, error) {
	if !isBookPath(p) {
		return nil, webdav.NewHTTPError(http.StatusNotFound, fmt.Errorf("davtest: no address book at %s", p))
	}
	objs, hrefs := b.store.list()
	out := make([]carddav.AddressObject, 0, len(hrefs))
	for _, h := range hrefs {
		out = append(out, *toAddressObject(h, objs[h]))
	}
	return out, nil
}

func (b *backend) QueryAddressObjects(ctx context.Context, p string, q *carddav.AddressBookQuery) ([]carddav.AddressObject, error) {
	all, err := b.ListAddressObjects(ctx, p, &q.DataRequest)
	if err != nil {
		return nil, err
	}
	out, err := carddav.Filter(q, all)
	if err != nil {
		return nil, fmt.Errorf("davtest: filter %s: %w", p, err)
	}
	return out, nil
}

func (b *backend) PutAddressObject(_ context.Context, p string, card vcard.Card, opts *carddav.PutAddressObjectOptions) (*carddav.AddressObject, error) {
	if !isObjectPath(p) {
		return nil, webdav.NewHTTPError(http.StatusConflict, fmt.Errorf("davtest: %s is not inside %s", p, AddressBookPath))
	}
	var ifMatch, ifNoneMatch webdav.ConditionalMatch
	if opts != nil {
		ifMatch, ifNoneMatch = opts.IfMatch, opts.IfNoneMatch
	}
	data, err := encodeCard(card)
	if err != nil {
		return nil, err
	}
	if _, err := b.store.put(p, card, data, ifMatch, ifNoneMatch); err != nil {
		return nil, httpError(err)
	}
	e, _ := b.store.get(p)
	ao := toAddressObject(p, e)
	return ao, nil
}

func (b *backend) DeleteAddressObject(ctx context.Context, p string) error {
	ifMatch, _ := ctx.Value(ifMatchKey{}).(string)
	return httpError(b.store.remove(p, webdav.ConditionalMatch(ifMatch)))
}

// httpError maps store errors to the statuses go-webdav serves.
func httpError(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, errPrecondition):
		return webdav.NewHTTPError(http.StatusPreconditionFailed, err)
	case errors.Is(err, errNotFound):
		return webdav.NewHTTPError(http.StatusNotFound, err)
	}
	return err
}

// toAddressObject converts a stored entry. ContentLength stays 0: go-vcard
// (pinned version) encodes parameters in map order, so a re-encoding on GET
// may differ in byte order, never in length — but we do not rely on it.
func toAddressObject(href string, e entry) *carddav.AddressObject {
	card, _ := e.obj.(vcard.Card) // a CardDAV server stores only vCards
	return &carddav.AddressObject{Path: href, ETag: e.etag, ModTime: e.mod, Card: card}
}

// isBookPath reports whether p names the address book (with or without
// the trailing slash).
func isBookPath(p string) bool { return cardFlavour().isCollection(p) }

// isObjectPath reports whether p names a direct member of the address book.
func isObjectPath(p string) bool { return cardFlavour().isObject(p) }
