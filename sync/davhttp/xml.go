package davhttp

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"
)

const (
	nsDAV     = "DAV:"
	nsCardDAV = "urn:ietf:params:xml:ns:carddav"
	nsCalDAV  = "urn:ietf:params:xml:ns:caldav"
	nsCS      = "http://calendarserver.org/ns/"
	nsICal    = "http://apple.com/ns/ical/"
)

const xmlHeader = `<?xml version="1.0" encoding="utf-8"?>` + "\n"

// xmlType is the Content-Type of DAV request bodies.
const xmlType = "application/xml; charset=utf-8"

// multistatus is a DAV:multistatus response body.
type multistatus struct {
	XMLName   xml.Name     `xml:"DAV: multistatus"`
	Responses []msResponse `xml:"DAV: response"`
	SyncToken string       `xml:"DAV: sync-token"`
}

type msResponse struct {
	Hrefs     []string     `xml:"DAV: href"`
	Status    string       `xml:"DAV: status"`
	Propstats []msPropstat `xml:"DAV: propstat"`
}

type msPropstat struct {
	Prop   msProp `xml:"DAV: prop"`
	Status string `xml:"DAV: status"`
}

// msProp holds every property this package asks for.
type msProp struct {
	ETag            *string       `xml:"DAV: getetag"`
	CTag            *string       `xml:"http://calendarserver.org/ns/ getctag"`
	SyncToken       *string       `xml:"DAV: sync-token"`
	DisplayName     *string       `xml:"DAV: displayname"`
	Description     *string       `xml:"urn:ietf:params:xml:ns:carddav addressbook-description"`
	CalDescription  *string       `xml:"urn:ietf:params:xml:ns:caldav calendar-description"`
	Color           *string       `xml:"http://apple.com/ns/ical/ calendar-color"`
	Components      *compSet      `xml:"urn:ietf:params:xml:ns:caldav supported-calendar-component-set"`
	ResourceType    *resourceType `xml:"DAV: resourcetype"`
	Principal       *hrefList     `xml:"DAV: current-user-principal"`
	HomeSet         *hrefList     `xml:"urn:ietf:params:xml:ns:carddav addressbook-home-set"`
	CalendarHomeSet *hrefList     `xml:"urn:ietf:params:xml:ns:caldav calendar-home-set"`
	AddressData     *rawXML       `xml:"urn:ietf:params:xml:ns:carddav address-data"`
	CalendarData    *rawXML       `xml:"urn:ietf:params:xml:ns:caldav calendar-data"`
}

type resourceType struct {
	Collection  *struct{} `xml:"DAV: collection"`
	AddressBook *struct{} `xml:"urn:ietf:params:xml:ns:carddav addressbook"`
	Calendar    *struct{} `xml:"urn:ietf:params:xml:ns:caldav calendar"`
}

// compSet is a supported-calendar-component-set.
type compSet struct {
	Comps []struct {
		Name string `xml:"name,attr"`
	} `xml:"urn:ietf:params:xml:ns:caldav comp"`
}

type hrefList struct {
	Hrefs []string `xml:"DAV: href"`
}

// objectData is the object's text property of kind (address-data or
// calendar-data), nil when absent.
func (p msProp) objectData(k profile) *rawXML {
	if k.name == "caldav" {
		return p.CalendarData
	}
	return p.AddressData
}

// homeSet is the home-set property of kind.
func (p msProp) homeSet(k profile) *hrefList {
	if k.name == "caldav" {
		return p.CalendarHomeSet
	}
	return p.HomeSet
}

// isCollectionOf reports a resourcetype of kind's collections.
func (r *resourceType) isCollectionOf(k profile) bool {
	if r == nil {
		return false
	}
	if k.name == "caldav" {
		return r.Calendar != nil
	}
	return r.AddressBook != nil
}

// rawXML keeps an element's content undecoded, so that address-data can be
// unescaped without XML's line-end normalisation (CRLF → LF).
type rawXML struct {
	Inner string `xml:",innerxml"`
}

// statusCode parses "HTTP/1.1 404 Not Found"; 0 when absent or malformed.
func statusCode(s string) int {
	f := strings.Fields(s)
	if len(f) < 2 {
		return 0
	}
	n, err := strconv.Atoi(f[1])
	if err != nil {
		return 0
	}
	return n
}

// href returns the response's first href, trimmed.
func (r msResponse) href() string {
	if len(r.Hrefs) == 0 {
		return ""
	}
	return strings.TrimSpace(r.Hrefs[0])
}

// prop merges the properties of the response's 2xx propstats (or of
// propstats without a status).
func (r msResponse) prop() msProp {
	var out msProp
	for _, ps := range r.Propstats {
		if code := statusCode(ps.Status); code != 0 && !is2xx(code) {
			continue
		}
		p := ps.Prop
		if p.ETag != nil {
			out.ETag = p.ETag
		}
		if p.CTag != nil {
			out.CTag = p.CTag
		}
		if p.SyncToken != nil {
			out.SyncToken = p.SyncToken
		}
		if p.DisplayName != nil {
			out.DisplayName = p.DisplayName
		}
		if p.Description != nil {
			out.Description = p.Description
		}
		if p.CalDescription != nil {
			out.CalDescription = p.CalDescription
		}
		if p.Color != nil {
			out.Color = p.Color
		}
		if p.Components != nil {
			out.Components = p.Components
		}
		if p.ResourceType != nil {
			out.ResourceType = p.ResourceType
		}
		if p.Principal != nil {
			out.Principal = p.Principal
		}
		if p.HomeSet != nil {
			out.HomeSet = p.HomeSet
		}
		if p.CalendarHomeSet != nil {
			out.CalendarHomeSet = p.CalendarHomeSet
		}
		if p.AddressData != nil {
			out.AddressData = p.AddressData
		}
		if p.CalendarData != nil {
			out.CalendarData = p.CalendarData
		}
	}
	return out
}

// parseMultistatus decodes a 207 body.
func parseMultistatus(body []byte) (*multistatus, error) {
	var ms multistatus
	if err := xml.NewDecoder(bytes.NewReader(body)).Decode(&ms); err != nil {
		return nil, fmt.Errorf("dav: parse multistatus: %w", err)
	}
	return &ms, nil
}

// str returns *p trimmed, or "".
func str(p *string) string {
	if p == nil {
		return ""
	}
	return strings.TrimSpace(*p)
}

// firstHref returns the first href of l trimmed, or "".
func firstHref(l *hrefList) string {
	if l == nil || len(l.Hrefs) == 0 {
		return ""
	}
	return strings.TrimSpace(l.Hrefs[0])
}

// escapeText escapes s for XML character data.
func escapeText(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s)) // a strings.Builder never fails
	return b.String()
}

// propfindBody renders a PROPFIND asking for props (given as
// "prefix:local" with prefixes d=DAV:, c=CardDAV, cal=CalDAV,
// cs=CalendarServer, ic=Apple iCal).
func propfindBody(props ...string) []byte {
	var b strings.Builder
	b.WriteString(xmlHeader)
	b.WriteString(`<d:propfind xmlns:d="DAV:" xmlns:c="` + nsCardDAV + `" xmlns:cal="` + nsCalDAV +
		`" xmlns:cs="` + nsCS + `" xmlns:ic="` + nsICal + `"><d:prop>`)
	for _, p := range props {
		b.WriteString("<" + p + "/>")
	}
	b.WriteString("</d:prop></d:propfind>")
	return []byte(b.String())
}

// unescapeXMLText decodes XML character data (entities, character
// references, CDATA sections) without normalising line ends, so an
// object's CRLFs survive even when a server did not escape the CR.
func unescapeXMLText(s string) (string, error) {
	var b strings.Builder
	b.Grow(len(s))
	for len(s) > 0 {
		switch {
		case strings.HasPrefix(s, "<![CDATA["):
			end := strings.Index(s, "]]>")
			if end < 0 {
				return "", fmt.Errorf("dav: unterminated CDATA in object data")
			}
			b.WriteString(s[len("<![CDATA["):end])
			s = s[end+3:]
		case s[0] == '<':
			return "", fmt.Errorf("dav: unexpected markup in object data")
		case s[0] == '&':
			semi := strings.IndexByte(s, ';')
			if semi < 0 {
				return "", fmt.Errorf("dav: unterminated entity in object data")
			}
			ent := s[1:semi]
			switch ent {
			case "lt":
				b.WriteByte('<')
			case "gt":
				b.WriteByte('>')
			case "amp":
				b.WriteByte('&')
			case "quot":
				b.WriteByte('"')
			case "apos":
				b.WriteByte('\'')
			default:
				var n uint64
				var err error
				switch {
				case strings.HasPrefix(ent, "#x"):
					n, err = strconv.ParseUint(ent[2:], 16, 32)
				case strings.HasPrefix(ent, "#"):
					n, err = strconv.ParseUint(ent[1:], 10, 32)
				default:
					err = fmt.Errorf("unknown entity")
				}
				if err != nil || !utf8.ValidRune(rune(n)) {
					return "", fmt.Errorf("dav: bad entity &%s; in object data", ent)
				}
				b.WriteRune(rune(n))
			}
			s = s[semi+1:]
		default:
			i := strings.IndexAny(s, "<&")
			if i < 0 {
				i = len(s)
			}
			b.WriteString(s[:i])
			s = s[i:]
		}
	}
	return b.String(), nil
}

// hrefKey normalises an href (path or URL, escaped or not) for comparison:
// the unescaped path without a trailing slash.
func hrefKey(h string) string {
	h = strings.TrimSpace(h)
	if u, err := url.Parse(h); err == nil {
		h = u.Path
	} else if p, err := url.PathUnescape(h); err == nil {
		h = p
	}
	if len(h) > 1 {
		h = strings.TrimSuffix(h, "/")
	}
	return h
}
