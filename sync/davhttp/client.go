package davhttp

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Config configures New.
type Config struct {
	// URL is where discovery starts and what every path is resolved
	// against: a server root, a principal, a home set or an address book.
	URL string
	// Username and Password are sent as HTTP Basic auth when Username is
	// not empty.
	Username string
	Password string
	// HTTP is the client used for every request; nil means a client with a
	// 60 s timeout. Its CheckRedirect is replaced: redirects are never
	// followed (see Client.do).
	HTTP *http.Client
}

// Client talks CardDAV or CalDAV (its Kind) to one server. It is safe for
// concurrent use.
type Client struct {
	kind       profile
	base       *url.URL
	user, pass string
	noRedirect *http.Client
}

// Sentinel errors; test with errors.Is.
var (
	// ErrPrecondition: the server answered 412 to a conditional write (the
	// object changed, or already exists for Create).
	ErrPrecondition = errors.New("dav: precondition failed")
	// ErrNotFound: the object does not exist (404).
	ErrNotFound = errors.New("dav: not found")
	// ErrInvalidSyncToken: the server refused the sync token; fall back to
	// a full sync (empty token) or to CollectionState + ListETags.
	ErrInvalidSyncToken = errors.New("dav: invalid sync token")
)

// maxErrorBody is how much of a server's error text HTTPError keeps.
const maxErrorBody = 2 << 10

// maxBody bounds any response body read into memory.
const maxBody = 256 << 20

// HTTPError is an unexpected HTTP status with the server's text.
type HTTPError struct {
	Kind   string // "carddav" or "caldav"
	Method string
	URL    string
	Status int
	// Body is the first 2 KB of the response body.
	Body string
}

func (e *HTTPError) Error() string {
	msg := fmt.Sprintf("%s: %s %s: HTTP %d %s", e.Kind, e.Method, e.URL, e.Status, http.StatusText(e.Status))
	if b := strings.TrimSpace(e.Body); b != "" {
		msg += ": " + b
	}
	return msg
}

// HTTPStatus returns the status, so the engine can tell a server that
// refused one change from one it could not reach (engine.StatusError).
func (e *HTTPError) HTTPStatus() int { return e.Status }

func newHTTPError(kind string, req *http.Request, status int, body []byte) *HTTPError {
	if len(body) > maxErrorBody {
		body = body[:maxErrorBody]
	}
	return &HTTPError{Kind: kind, Method: req.Method, URL: req.URL.Redacted(), Status: status, Body: strings.ToValidUTF8(string(body), "")}
}

// New returns a client of kind for cfg. It sends no request.
func New(ctx context.Context, cfg Config, kind Kind) (*Client, error) {
	_ = ctx // reserved: New sends no request today
	p := kind.profile()
	u, err := url.Parse(cfg.URL)
	if err != nil {
		return nil, fmt.Errorf("%s: parse URL %q: %w", p.name, cfg.URL, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return nil, fmt.Errorf("%s: URL %q: want an http or https URL with a host", p.name, cfg.URL)
	}
	if u.Path == "" {
		u.Path = "/"
	}
	user, pass := cfg.Username, cfg.Password
	if u.User != nil { // credentials in the URL: use them, keep them out of errors
		if user == "" {
			user = u.User.Username()
			pass, _ = u.User.Password()
		}
		u.User = nil
	}
	hc := cfg.HTTP
	if hc == nil {
		hc = &http.Client{Timeout: 60 * time.Second}
	}
	nr := *hc
	nr.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return &Client{kind: p, base: u, user: user, pass: pass, noRedirect: &nr}, nil
}

// resolve resolves a path, href or URL against the configured URL.
func (c *Client) resolve(ref string) (*url.URL, error) {
	r, err := url.Parse(ref)
	if err != nil {
		return nil, fmt.Errorf("%s: parse href %q: %w", c.kind.name, ref, err)
	}
	return c.base.ResolveReference(r), nil
}

// mayAuthenticate decides whether the password may go to u. Discovery can
// lead to other hosts (a /.well-known redirect to dav.example.com): the
// credentials go to the configured host name (any port) and, over https,
// to others; never over plain http to another host, and never from an
// https set-up to plain http.
func (c *Client) mayAuthenticate(u *url.URL) bool {
	if c.base.Scheme == "https" && u.Scheme != "https" {
		return false
	}
	return strings.EqualFold(u.Hostname(), c.base.Hostname()) || u.Scheme == "https"
}

// response is a fully read HTTP response.
type response struct {
	kind   string
	req    *http.Request
	status int
	header http.Header
	body   []byte
}

// request describes one HTTP exchange.
type request struct {
	method   string
	ref      string // resolved against the base URL
	depth    string // Depth header, "" for none
	header   http.Header
	body     []byte
	bodyType string
}

// do sends r and reads the whole response. Only transport errors are
// returned as errors; statuses are the caller's business.
func (c *Client) do(ctx context.Context, r request) (*response, error) {
	u, err := c.resolve(r.ref)
	if err != nil {
		return nil, err
	}
	var body io.Reader
	if r.body != nil {
		body = bytes.NewReader(r.body)
	}
	req, err := http.NewRequestWithContext(ctx, r.method, u.String(), body)
	if err != nil {
		return nil, fmt.Errorf("%s: build %s %s: %w", c.kind.name, r.method, u, err)
	}
	for k, v := range r.header {
		req.Header[k] = v
	}
	if r.depth != "" {
		req.Header.Set("Depth", r.depth)
	}
	if r.bodyType != "" {
		req.Header.Set("Content-Type", r.bodyType)
	}
	if c.user != "" && c.mayAuthenticate(u) {
		req.SetBasicAuth(c.user, c.pass)
	}
	// Redirects are never followed: Go would replay a 301/302'd PROPFIND,
	// REPORT or PUT as a GET and report its 200 as success. A 3xx comes back
	// as an *HTTPError (discovery reads the Location itself).
	resp, err := c.noRedirect.Do(req)
	if err != nil {
		return nil, fmt.Errorf("%s: %s %s: %w", c.kind.name, r.method, u, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxBody))
	if err != nil {
		return nil, fmt.Errorf("%s: %s %s: read response: %w", c.kind.name, r.method, u, err)
	}
	return &response{kind: c.kind.name, req: req, status: resp.StatusCode, header: resp.Header, body: data}, nil
}

// httpErr returns the response as an *HTTPError.
func (r *response) httpErr() *HTTPError { return newHTTPError(r.kind, r.req, r.status, r.body) }

// is2xx reports a success status.
func is2xx(status int) bool { return status >= 200 && status < 300 }

// unquoteETag strips the quotes of a strong ETag; a weak one is kept as is.
func unquoteETag(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		return s[1 : len(s)-1]
	}
	return s
}

// quoteETag renders an ETag from unquoteETag for If-Match.
func quoteETag(s string) string {
	if strings.HasPrefix(s, "W/") || strings.HasPrefix(s, `"`) {
		return s
	}
	return `"` + s + `"`
}
