package davtest

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"path"
	"strings"

	"github.com/emersion/go-ical"
	"github.com/emersion/go-vcard"
)

// flavour is what differs between the CardDAV and the CalDAV server: the
// collection's place and type, the object format and the reports.
type flavour struct {
	collection string   // the one collection's path
	homeSet    string   // its home set
	name       string   // its displayname
	wellKnown  string   // "/.well-known/carddav" or "/.well-known/caldav"
	resource   xml.Name // the collection's resourcetype besides DAV:collection
	data       xml.Name // address-data or calendar-data
	reports    []xml.Name
	mime       string
	// decode parses an object and returns it with the bytes the server
	// stores (its own re-encoding, like Radicale's).
	decode func(data []byte) (obj any, stored []byte, err error)
	// extra renders properties only this flavour's collection has.
	extra func(n xml.Name) (string, bool)
}

// isCollection reports whether p names the collection (with or without
// the trailing slash).
func (f flavour) isCollection(p string) bool {
	return strings.TrimSuffix(p, "/") == strings.TrimSuffix(f.collection, "/")
}

// isObject reports whether p names a direct member of the collection.
func (f flavour) isObject(p string) bool {
	return !strings.HasSuffix(p, "/") && path.Dir(p)+"/" == f.collection
}

// isHomeSet reports whether p names the home set.
func (f flavour) isHomeSet(p string) bool {
	return strings.TrimSuffix(p, "/") == strings.TrimSuffix(f.homeSet, "/")
}

func cardFlavour() flavour {
	return flavour{
		collection: AddressBookPath, homeSet: HomeSetPath, name: "Default", wellKnown: "/.well-known/carddav",
		resource: xml.Name{Space: nsCardDAV, Local: "addressbook"},
		data:     nameAddressData,
		reports: []xml.Name{nameSyncCollection, {Space: nsCardDAV, Local: "addressbook-multiget"},
			{Space: nsCardDAV, Local: "addressbook-query"}},
		mime:   vcard.MIMEType,
		decode: decodeCard,
		extra:  func(xml.Name) (string, bool) { return "", false },
	}
}

func calFlavour() flavour {
	return flavour{
		collection: CalendarPath, homeSet: CalendarHomeSetPath, name: CalendarName, wellKnown: "/.well-known/caldav",
		resource: xml.Name{Space: nsCalDAV, Local: "calendar"},
		data:     nameCalendarData,
		reports: []xml.Name{nameSyncCollection, {Space: nsCalDAV, Local: "calendar-multiget"},
			{Space: nsCalDAV, Local: "calendar-query"}},
		mime:   ical.MIMEType,
		decode: decodeCalendar,
		extra: func(n xml.Name) (string, bool) {
			switch n {
			case nameCalendarColor:
				return CalendarColor, true
			case xml.Name{Space: nsCalDAV, Local: "calendar-description"}:
				return "davtest calendar", true
			case nameComponentSet:
				return `<comp xmlns="` + nsCalDAV + `" name="VEVENT"/><comp xmlns="` + nsCalDAV + `" name="VTODO"/>`, true
			}
			return "", false
		},
	}
}

// encodeCard is the server's serialisation of a vCard.
func encodeCard(c vcard.Card) ([]byte, error) {
	var buf bytes.Buffer
	if err := vcard.NewEncoder(&buf).Encode(c); err != nil {
		return nil, fmt.Errorf("davtest: encode vCard: %w", err)
	}
	return buf.Bytes(), nil
}

func decodeCard(data []byte) (any, []byte, error) {
	c, err := vcard.NewDecoder(bytes.NewReader(data)).Decode()
	if err != nil {
		return nil, nil, fmt.Errorf("davtest: parse vCard: %w", err)
	}
	stored, err := encodeCard(c)
	return c, stored, err
}

// encodeCalendar is the server's serialisation of an iCalendar object.
func encodeCalendar(c *ical.Calendar) ([]byte, error) {
	var buf bytes.Buffer
	if err := ical.NewEncoder(&buf).Encode(c); err != nil {
		return nil, fmt.Errorf("davtest: encode iCalendar: %w", err)
	}
	return buf.Bytes(), nil
}

func decodeCalendar(data []byte) (any, []byte, error) {
	c, err := ical.NewDecoder(bytes.NewReader(data)).Decode()
	if err != nil {
		return nil, nil, fmt.Errorf("davtest: parse iCalendar: %w", err)
	}
	stored, err := encodeCalendar(c)
	return c, stored, err
}
