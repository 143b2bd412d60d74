package davhttp

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
)

// Object is one object (a vCard or an iCalendar object) as the server
// sent it.
type Object struct {
	Href string
	// ETag is unquoted; empty when the server sent none.
	ETag string
	// Data is the object exactly as the server sent it (the merge base);
	// from a multiget it is the address-data or calendar-data text with XML
	// escaping undone but line ends untouched.
	Data []byte
}

// DefaultChunk is the multiget size Fetch uses when chunk <= 0.
const DefaultChunk = 50

// Fetch downloads hrefs (members of the collection at path) with
// addressbook-multiget or calendar-multiget REPORTs of at most chunk hrefs
// each. A multiget that
// fails is replaced by one GET per href of its chunk; hrefs a multiget
// answers without data are fetched by GET too. Hrefs the server reports as
// 404 are returned in missing, in input order, and are not an error.
// Objects come back in input order with the hrefs as given.
//
// On error, objs and missing hold what was fetched before it.
func (c *Client) Fetch(ctx context.Context, path string, hrefs []string, chunk int) (objs []Object, missing []string, err error) {
	if chunk <= 0 {
		chunk = DefaultChunk
	}
	seen := map[string]bool{}
	var uniq []string
	for _, h := range hrefs {
		if k := hrefKey(h); !seen[k] {
			seen[k] = true
			uniq = append(uniq, h)
		}
	}
	for start := 0; start < len(uniq); start += chunk {
		part := uniq[start:min(start+chunk, len(uniq))]
		got, gone, rest, merr := c.multiget(ctx, path, part)
		if merr != nil {
			if ctx.Err() != nil {
				return objs, missing, fmt.Errorf("%s: fetch from %s: %w", c.kind.name, path, merr)
			}
			got, gone, rest = map[string]Object{}, map[string]bool{}, part // fall back to GET
		}
		var gerr error
		for _, h := range rest {
			o, err := c.Get(ctx, h)
			if errors.Is(err, ErrNotFound) {
				gone[hrefKey(h)] = true
				continue
			}
			if err != nil {
				gerr = err
				if merr != nil {
					gerr = fmt.Errorf("%w (after multiget failed: %v)", err, merr)
				}
				break
			}
			got[hrefKey(h)] = o
		}
		for _, h := range part {
			k := hrefKey(h)
			if o, ok := got[k]; ok {
				o.Href = h
				objs = append(objs, o)
			} else if gone[k] {
				missing = append(missing, h)
			}
		}
		if gerr != nil {
			return objs, missing, fmt.Errorf("%s: fetch from %s: %w", c.kind.name, path, gerr)
		}
	}
	return objs, missing, nil
}

// multiget sends one addressbook-multiget or calendar-multiget with <prop>
// before the hrefs (the RFC 6352 / RFC 4791 DTD order; DAViCal rejects the
// other). It returns the objects and the 404 hrefs keyed by hrefKey, and
// the hrefs to GET (not answered, or answered without the object's data).
func (c *Client) multiget(ctx context.Context, path string, hrefs []string) (got map[string]Object, gone map[string]bool, rest []string, err error) {
	var b strings.Builder
	b.WriteString(xmlHeader)
	b.WriteString(`<c:` + c.kind.multiget + ` xmlns:d="DAV:" xmlns:c="` + c.kind.ns + `">`)
	b.WriteString(`<d:prop><d:getetag/><c:` + c.kind.data + `/></d:prop>`)
	target, err := c.resolve(path)
	if err != nil {
		return nil, nil, nil, err
	}
	for _, h := range hrefs {
		u, err := c.resolve(h)
		if err != nil {
			return nil, nil, nil, err
		}
		ref := u.String()
		if u.Scheme == target.Scheme && u.Host == target.Host {
			ref = u.EscapedPath() // same origin as the REPORT: send the path
		}
		b.WriteString(`<d:href>` + escapeText(ref) + `</d:href>`)
	}
	b.WriteString(`</c:` + c.kind.multiget + `>`)
	resp, err := c.do(ctx, request{method: "REPORT", ref: path, depth: "1", body: []byte(b.String()), bodyType: xmlType})
	if err != nil {
		return nil, nil, nil, err
	}
	if resp.status != http.StatusMultiStatus {
		return nil, nil, nil, fmt.Errorf("%s: multiget: %w", c.kind.name, resp.httpErr())
	}
	ms, err := parseMultistatus(resp.body)
	if err != nil {
		return nil, nil, nil, err
	}
	got, gone = map[string]Object{}, map[string]bool{}
	for _, r := range ms.Responses {
		k := hrefKey(c.refOf(resp.req.URL, r.href()))
		if statusCode(r.Status) == http.StatusNotFound {
			gone[k] = true
			continue
		}
		p := r.prop()
		raw := p.objectData(c.kind)
		if raw == nil {
			if notFoundPropstat(r) {
				gone[k] = true
			}
			continue
		}
		data, err := unescapeXMLText(raw.Inner)
		if err != nil {
			continue // GET it instead
		}
		got[k] = Object{ETag: unquoteETag(str(p.ETag)), Data: []byte(data)}
	}
	for _, h := range hrefs {
		k := hrefKey(h)
		if _, ok := got[k]; !ok && !gone[k] {
			rest = append(rest, h)
		}
	}
	return got, gone, rest, nil
}

// notFoundPropstat reports a response whose only propstats are 404 (how
// some servers answer a multiget href that does not exist).
func notFoundPropstat(r msResponse) bool {
	if len(r.Propstats) == 0 {
		return false
	}
	for _, ps := range r.Propstats {
		if statusCode(ps.Status) != http.StatusNotFound {
			return false
		}
	}
	return true
}

// Get downloads one object. A 404 is ErrNotFound.
func (c *Client) Get(ctx context.Context, href string) (Object, error) {
	resp, err := c.do(ctx, request{method: http.MethodGet, ref: href, header: http.Header{"Accept": {c.kind.accept}}})
	if err != nil {
		return Object{}, err
	}
	switch {
	case resp.status == http.StatusNotFound:
		return Object{}, fmt.Errorf("%s: GET %s: %w: %w", c.kind.name, href, ErrNotFound, resp.httpErr())
	case !is2xx(resp.status):
		return Object{}, fmt.Errorf("%s: GET %s: %w", c.kind.name, href, resp.httpErr())
	}
	return Object{Href: href, ETag: unquoteETag(resp.header.Get("ETag")), Data: resp.body}, nil
}
