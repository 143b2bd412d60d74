package davtest

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"net/url"
	"strings"
)

// XML names the wrapper understands.
var (
	nsDAV     = "DAV:"
	nsCardDAV = "urn:ietf:params:xml:ns:carddav"
	nsCalDAV  = "urn:ietf:params:xml:ns:caldav"
	nsCS      = "http://calendarserver.org/ns/"
	nsICal    = "http://apple.com/ns/ical/"

	nameProp           = xml.Name{Space: nsDAV, Local: "prop"}
	nameAllProp        = xml.Name{Space: nsDAV, Local: "allprop"}
	nameSyncCollection = xml.Name{Space: nsDAV, Local: "sync-collection"}
	nameSyncToken      = xml.Name{Space: nsDAV, Local: "sync-token"}
	nameGetCTag        = xml.Name{Space: nsCS, Local: "getctag"}
	nameGetETag        = xml.Name{Space: nsDAV, Local: "getetag"}
	nameAddressData    = xml.Name{Space: nsCardDAV, Local: "address-data"}
	nameCalendarData   = xml.Name{Space: nsCalDAV, Local: "calendar-data"}
	nameCalendarColor  = xml.Name{Space: nsICal, Local: "calendar-color"}
	nameComponentSet   = xml.Name{Space: nsCalDAV, Local: "supported-calendar-component-set"}
	nameResourceType   = xml.Name{Space: nsDAV, Local: "resourcetype"}
)

// davRequest is what the wrapper needs from a PROPFIND or REPORT body.
type davRequest struct {
	root      xml.Name
	props     []xml.Name // children of the top-level DAV:prop
	allProp   bool
	syncToken string
}

// wants reports whether name was requested.
func (d davRequest) wants(name xml.Name) bool {
	for _, p := range d.props {
		if p == name {
			return true
		}
	}
	return false
}

// parseDAVRequest extracts the root element, requested properties and
// sync-token from an XML request body.
func parseDAVRequest(body []byte) (davRequest, error) {
	var req davRequest
	dec := xml.NewDecoder(bytes.NewReader(body))
	var stack []xml.Name
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return req, nil
		}
		if err != nil {
			return req, fmt.Errorf("davtest: parse request body: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(stack) == 0 {
				req.root = t.Name
			}
			if len(stack) == 1 && stack[0] == req.root && t.Name == nameAllProp {
				req.allProp = true
			}
			if len(stack) == 2 && stack[1] == nameProp {
				req.props = append(req.props, t.Name)
			}
			stack = append(stack, t.Name)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) == 2 && stack[1] == nameSyncToken {
				req.syncToken += strings.TrimSpace(string(t))
			}
		}
	}
}

// multistatus builds a DAV:multistatus body. Every property element
// declares its own default namespace, so no prefixes are needed.
type multistatus struct {
	buf bytes.Buffer
}

func newMultistatus() *multistatus {
	m := &multistatus{}
	m.buf.WriteString(`<?xml version="1.0" encoding="utf-8"?>` + "\n" + `<multistatus xmlns="DAV:">`)
	return m
}

// response adds a response with found properties (name → inner XML) in a
// 200 propstat and missing ones in a 404 propstat.
func (m *multistatus) response(href string, found map[xml.Name]string, missing []xml.Name) {
	fmt.Fprintf(&m.buf, "<response><href>%s</href>", escape(hrefPath(href)))
	if len(found) > 0 {
		m.buf.WriteString("<propstat><prop>")
		for n, inner := range found {
			m.buf.WriteString(element(n, inner))
		}
		m.buf.WriteString("</prop><status>HTTP/1.1 200 OK</status></propstat>")
	}
	if len(missing) > 0 {
		m.buf.WriteString("<propstat><prop>")
		for _, n := range missing {
			m.buf.WriteString(element(n, ""))
		}
		m.buf.WriteString("</prop><status>HTTP/1.1 404 Not Found</status></propstat>")
	}
	m.buf.WriteString("</response>")
}

// gone adds a 404 response for a deleted member (RFC 6578 §3.5.2).
func (m *multistatus) gone(href string) {
	fmt.Fprintf(&m.buf, "<response><href>%s</href><status>HTTP/1.1 404 Not Found</status></response>", escape(hrefPath(href)))
}

// finish closes the body, adding a sync-token if not empty.
func (m *multistatus) finish(token string) []byte {
	if token != "" {
		fmt.Fprintf(&m.buf, "<sync-token>%s</sync-token>", escape(token))
	}
	m.buf.WriteString("</multistatus>")
	return m.buf.Bytes()
}

// element renders <local xmlns="space">inner</local>.
func element(n xml.Name, inner string) string {
	if inner == "" {
		return fmt.Sprintf(`<%s xmlns="%s"/>`, n.Local, escape(n.Space))
	}
	return fmt.Sprintf(`<%s xmlns="%s">%s</%s>`, n.Local, escape(n.Space), inner, n.Local)
}

// escape escapes s for XML text and attribute values.
func escape(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s)) // writes to a strings.Builder never fail
	return b.String()
}

// hrefPath percent-encodes a path for an href element.
func hrefPath(p string) string {
	return (&url.URL{Path: p}).EscapedPath()
}
