package carddav

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
)

// AddressBook is one address book collection found by Discover.
type AddressBook struct {
	// Path is the collection's href (see the package doc on hrefs).
	Path        string
	Name        string // DAV:displayname
	Description string // CARDDAV:addressbook-description
}

// Discovery is what Discover found. Principal and HomeSet are empty when
// the configured URL pointed straight at an address book on a server that
// does not report them.
type Discovery struct {
	Principal    string
	HomeSet      string
	AddressBooks []AddressBook
}

// discoveryProps are asked of every candidate URL.
var discoveryProps = []string{
	"d:resourcetype", "d:current-user-principal", "c:addressbook-home-set",
	"d:displayname", "c:addressbook-description",
}

// Discover finds the user's address books (RFC 6764 + RFC 6352 §7).
//
// When the configured URL has a path other than "/", it is tried first as
// an address book, a principal or a home set. Otherwise, or when that finds
// nothing, /.well-known/carddav is requested without following redirects
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
		return Discovery{}, fmt.Errorf("carddav: discover: %w", ctx.Err())
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
	return Discovery{}, fmt.Errorf("carddav: discover address books at %s: %w", c.base, errors.Join(errs...))
}

// wellKnown requests /.well-known/carddav without following redirects and
// returns the Location it redirects to, the well-known URL itself if it
// answers a multistatus, or nil.
func (c *Client) wellKnown(ctx context.Context) (*url.URL, error) {
	resp, err := c.do(ctx, request{
		method: "PROPFIND", ref: "/.well-known/carddav", depth: "0",
		body: propfindBody("d:current-user-principal"), bodyType: xmlType,
	})
	if err != nil {
		return nil, fmt.Errorf("carddav: well-known: %w", err)
	}
	switch {
	case resp.status >= 300 && resp.status < 400:
		loc := resp.header.Get("Location")
		if loc == "" {
			return nil, fmt.Errorf("carddav: well-known: HTTP %d without Location", resp.status)
		}
		l, err := url.Parse(loc)
		if err != nil {
			return nil, fmt.Errorf("carddav: well-known: bad Location %q: %w", loc, err)
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
			return nil, nil, fmt.Errorf("carddav: PROPFIND %s: bad Location %q: %w", resp.req.URL, loc, err)
		}
		ref = resp.req.URL.ResolveReference(l).String()
	}
	if resp.status != http.StatusMultiStatus {
		return nil, nil, resp.httpErr()
	}
	ms, err := parseMultistatus(resp.body)
	if err != nil {
		return nil, nil, fmt.Errorf("carddav: PROPFIND %s: %w", resp.req.URL, err)
	}
	return ms, resp.req, nil
}

// discoverFrom treats u as an address book, a principal, a home set or a
// URL reporting current-user-principal.
func (c *Client) discoverFrom(ctx context.Context, u *url.URL) (Discovery, error) {
	ms, req, err := c.propfind(ctx, u.String(), "0", discoveryProps...)
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
	if p.ResourceType != nil && p.ResourceType.AddressBook != nil {
		d.AddressBooks = []AddressBook{{Path: c.refOf(req.URL, u.String()), Name: str(p.DisplayName), Description: str(p.Description)}}
		return d, nil
	}
	home := firstHref(p.HomeSet)
	if home == "" && d.Principal != "" {
		pm, preq, err := c.propfind(ctx, d.Principal, "0", "c:addressbook-home-set")
		if err != nil {
			return Discovery{}, fmt.Errorf("carddav: principal %s: %w", d.Principal, err)
		}
		for _, r := range pm.Responses {
			if h := firstHref(r.prop().HomeSet); h != "" {
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
			return Discovery{}, fmt.Errorf("carddav: %s: no addressbook-home-set", u)
		}
		home = c.refOf(req.URL, u.String()) // perhaps a home set itself
	}
	books, err := c.listAddressBooks(ctx, home)
	if err != nil {
		return Discovery{}, err
	}
	if len(books) == 0 && firstHref(p.HomeSet) == "" && d.Principal == "" {
		return Discovery{}, fmt.Errorf("carddav: %s: no principal, home set or address book", u)
	}
	d.HomeSet, d.AddressBooks = home, books
	return d, nil
}

// listAddressBooks lists the address books directly inside home.
func (c *Client) listAddressBooks(ctx context.Context, home string) ([]AddressBook, error) {
	ms, req, err := c.propfind(ctx, home, "1", "d:resourcetype", "d:displayname", "c:addressbook-description")
	if err != nil {
		return nil, fmt.Errorf("carddav: list address books in %s: %w", home, err)
	}
	var books []AddressBook
	for _, r := range ms.Responses {
		p := r.prop()
		if p.ResourceType == nil || p.ResourceType.AddressBook == nil {
			continue
		}
		books = append(books, AddressBook{Path: c.refOf(req.URL, r.href()), Name: str(p.DisplayName), Description: str(p.Description)})
	}
	return books, nil
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
