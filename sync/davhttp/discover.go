package davhttp

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
)

// Collection is one address book or calendar found by Discover.
type Collection struct {
	// Path is the collection's href (see the package doc on hrefs).
	Path        string
	Name        string // DAV:displayname
	Description string // addressbook-description or calendar-description
	// Color is a calendar's Apple calendar-color ("#RRGGBB" or
	// "#RRGGBBAA"), "" when the server keeps none.
	Color string
	// Components are a calendar's supported-calendar-component-set names
	// ("VEVENT", "VTODO"); nil when the server does not say (all kinds).
	Components []string
}

// Discovery is what Discover found. Principal and HomeSet are empty when
// the configured URL pointed straight at a collection on a server that
// does not report them.
type Discovery struct {
	Principal   string
	HomeSet     string
	Collections []Collection
}

// collectionProps are the properties read of a collection.
func (k profile) collectionProps() []string {
	if k.name == "caldav" {
		return []string{"d:resourcetype", "d:displayname", "cal:calendar-description",
			"cal:supported-calendar-component-set", "ic:calendar-color"}
	}
	return []string{"d:resourcetype", "d:displayname", "c:addressbook-description"}
}

// collection reads a Collection from the properties of href.
func (c *Client) collection(from *url.URL, href string, p msProp) Collection {
	col := Collection{Path: c.refOf(from, href), Name: str(p.DisplayName), Description: str(p.Description)}
	if c.kind.name == "caldav" {
		col.Description, col.Color = str(p.CalDescription), str(p.Color)
		if p.Components != nil {
			col.Components = []string{}
			for _, comp := range p.Components.Comps {
				col.Components = append(col.Components, comp.Name)
			}
		}
	}
	return col
}

// Discover finds the user's address books (RFC 6764 + RFC 6352 §7) or
// calendars (RFC 4791 §6), as the client's Kind says.
//
// When the configured URL has a path other than "/", it is tried first as
// a collection, a principal or a home set. Otherwise, or when that finds
// nothing, /.well-known/carddav (or caldav) is requested without following redirects
// (Go's client would turn a redirected PROPFIND into a GET) and its
// Location is used; then the configured URL and "/" are tried for
// current-user-principal.
func (c *Client) Discover(ctx context.Context) (Discovery, error) {
	var errs []error
	tried := map[string]bool{}
	try := func(u *url.URL) (Discovery, bool) {
		if tried[u.String()] {
			return Discovery{}, false
		}
		tried[u.String()] = true
		d, err := c.discoverFrom(ctx, u)
		if err != nil {
			errs = append(errs, err)
			return Discovery{}, false
		}
		return d, true
	}
	if c.base.Path != "/" {
		if d, ok := try(c.base); ok {
			return d, nil
		}
	}
	if ctx.Err() != nil {
		return Discovery{}, fmt.Errorf("%s: discover: %w", c.kind.name, ctx.Err())
	}
	loc, err := c.wellKnown(ctx)
	if err != nil {
		errs = append(errs, err)
	} else if loc != nil {
		if d, ok := try(loc); ok {
			return d, nil
		}
	}
	for _, ref := range []string{c.base.String(), "/"} {
		if ctx.Err() != nil {
			break
		}
		u, _ := c.resolve(ref) // both parse
		if d, ok := try(u); ok {
			return d, nil
		}
	}
	if ctx.Err() != nil {
		errs = append(errs, ctx.Err())
	}
	return Discovery{}, fmt.Errorf("%s: discover collections at %s: %w", c.kind.name, c.base, errors.Join(errs...))
}

// wellKnown requests /.well-known/carddav (caldav) without following redirects and
// returns the Location it redirects to, the well-known URL itself if it
// answers a multistatus, or nil.
func (c *Client) wellKnown(ctx context.Context) (*url.URL, error) {
	resp, err := c.do(ctx, request{
		method: "PROPFIND", ref: "/.well-known/" + c.kind.name, depth: "0",
		body: propfindBody("d:current-user-principal"), bodyType: xmlType,
	})
	if err != nil {
		return nil, fmt.Errorf("%s: well-known: %w", c.kind.name, err)
	}
	switch {
	case resp.status >= 300 && resp.status < 400:
		loc := resp.header.Get("Location")
		if loc == "" {
			return nil, fmt.Errorf("%s: well-known: HTTP %d without Location", c.kind.name, resp.status)
		}
		l, err := url.Parse(loc)
		if err != nil {
			return nil, fmt.Errorf("%s: well-known: bad Location %q: %w", c.kind.name, loc, err)
		}
		return resp.req.URL.ResolveReference(l), nil
	case resp.status == http.StatusMultiStatus:
		return resp.req.URL, nil
	}
	return nil, nil
}

// maxPropfindRedirects bounds the redirects propfind follows by hand.
const maxPropfindRedirects = 3

// propfind sends a PROPFIND and parses the multistatus; any other status is
// an *HTTPError. A redirect (e.g. a collection URL without its trailing
// slash) is followed by hand, keeping the method: PROPFIND is read-only.
func (c *Client) propfind(ctx context.Context, ref, depth string, props ...string) (*multistatus, *http.Request, error) {
	var resp *response
	for hop := 0; ; hop++ {
		var err error
		resp, err = c.do(ctx, request{method: "PROPFIND", ref: ref, depth: depth, body: propfindBody(props...), bodyType: xmlType})
		if err != nil {
			return nil, nil, err
		}
		loc := resp.header.Get("Location")
		if resp.status < 300 || resp.status >= 400 || loc == "" || hop == maxPropfindRedirects {
			break
		}
		l, err := url.Parse(loc)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: PROPFIND %s: bad Location %q: %w", c.kind.name, resp.req.URL, loc, err)
		}
		ref = resp.req.URL.ResolveReference(l).String()
	}
	if resp.status != http.StatusMultiStatus {
		return nil, nil, resp.httpErr()
	}
	ms, err := parseMultistatus(resp.body)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: PROPFIND %s: %w", c.kind.name, resp.req.URL, err)
	}
	return ms, resp.req, nil
}

// discoverFrom treats u as a collection, a principal, a home set or a URL
// reporting current-user-principal.
func (c *Client) discoverFrom(ctx context.Context, u *url.URL) (Discovery, error) {
	props := append([]string{"d:current-user-principal", c.kind.homeSet}, c.kind.collectionProps()...)
	ms, req, err := c.propfind(ctx, u.String(), "0", props...)
	if err != nil {
		return Discovery{}, err
	}
	u = req.URL // after any redirect
	var p msProp
	for _, r := range ms.Responses {
		if hrefKey(r.href()) == hrefKey(u.Path) || len(ms.Responses) == 1 {
			p = r.prop()
			break
		}
	}
	var d Discovery
	if h := firstHref(p.Principal); h != "" {
		d.Principal = c.refOf(req.URL, h)
	}
	if p.ResourceType.isCollectionOf(c.kind) {
		d.Collections = []Collection{c.collection(req.URL, u.String(), p)}
		return d, nil
	}
	home := firstHref(p.homeSet(c.kind))
	if home == "" && d.Principal != "" {
		pm, preq, err := c.propfind(ctx, d.Principal, "0", c.kind.homeSet)
		if err != nil {
			return Discovery{}, fmt.Errorf("%s: principal %s: %w", c.kind.name, d.Principal, err)
		}
		for _, r := range pm.Responses {
			if h := firstHref(r.prop().homeSet(c.kind)); h != "" {
				home = c.refOf(preq.URL, h)
				break
			}
		}
	} else if home != "" {
		home = c.refOf(req.URL, home)
		if d.Principal == "" {
			d.Principal = c.refOf(req.URL, u.String()) // u is a principal
		}
	}
	if home == "" {
		if p.ResourceType == nil || p.ResourceType.Collection == nil {
			return Discovery{}, fmt.Errorf("%s: %s: no home set", c.kind.name, u)
		}
		home = c.refOf(req.URL, u.String()) // perhaps a home set itself
	}
	cols, err := c.listCollections(ctx, home)
	if err != nil {
		return Discovery{}, err
	}
	if len(cols) == 0 && firstHref(p.homeSet(c.kind)) == "" && d.Principal == "" {
		return Discovery{}, fmt.Errorf("%s: %s: no principal, home set or collection", c.kind.name, u)
	}
	d.HomeSet, d.Collections = home, cols
	return d, nil
}

// listCollections lists the collections of the client's kind directly
// inside home.
func (c *Client) listCollections(ctx context.Context, home string) ([]Collection, error) {
	ms, req, err := c.propfind(ctx, home, "1", c.kind.collectionProps()...)
	if err != nil {
		return nil, fmt.Errorf("%s: list collections in %s: %w", c.kind.name, home, err)
	}
	var cols []Collection
	for _, r := range ms.Responses {
		p := r.prop()
		if !p.ResourceType.isCollectionOf(c.kind) {
			continue
		}
		cols = append(cols, c.collection(req.URL, r.href(), p))
	}
	return cols, nil
}

// refOf resolves href against the URL it came from and renders it as a
// reference for this client: the escaped path when on the configured
// origin, the absolute URL otherwise.
func (c *Client) refOf(from *url.URL, href string) string {
	h, err := url.Parse(href)
	if err != nil {
		return href
	}
	u := from.ResolveReference(h)
	if u.Scheme == c.base.Scheme && u.Host == c.base.Host {
		return u.EscapedPath()
	}
	return u.String()
}
