package davhttp

import (
	"context"
	"fmt"
	"net/http"
)

// Create uploads a new object at href with If-None-Match: *, so it never
// overwrites. It returns the ETag the server sent, or "" when it sent none
// (DAViCal) — then Get the object. A 412 (href taken — possibly by this
// very create, repeated after a lost answer; see the package doc) is
// ErrPrecondition.
func (c *Client) Create(ctx context.Context, href string, data []byte) (etag string, err error) {
	etag, err = c.put(ctx, href, data, http.Header{"If-None-Match": {"*"}})
	if err != nil {
		return "", fmt.Errorf("%s: create %s: %w", c.kind.name, href, err)
	}
	return etag, nil
}

// Update replaces the object at href if its ETag is still etag (If-Match).
// It returns the new ETag, or "" when the server sent none. A changed
// object is ErrPrecondition, a missing one ErrNotFound (some servers answer
// 412 for a missing object too). An empty etag is refused: this package
// never sends an unconditional PUT or If-Match: * (Radicale compares the
// star literally).
func (c *Client) Update(ctx context.Context, href, etag string, data []byte) (newETag string, err error) {
	if etag == "" {
		return "", fmt.Errorf("%s: update %s: no ETag to match (fetch the object first)", c.kind.name, href)
	}
	newETag, err = c.put(ctx, href, data, http.Header{"If-Match": {quoteETag(etag)}})
	if err != nil {
		return "", fmt.Errorf("%s: update %s: %w", c.kind.name, href, err)
	}
	return newETag, nil
}

// Delete removes the object at href if its ETag is still etag (If-Match).
// A changed object is ErrPrecondition; a missing one is ErrNotFound, which
// a caller repeating a delete treats as done.
func (c *Client) Delete(ctx context.Context, href, etag string) error {
	if etag == "" {
		return fmt.Errorf("%s: delete %s: no ETag to match (fetch the object first)", c.kind.name, href)
	}
	resp, err := c.do(ctx, request{method: http.MethodDelete, ref: href, header: http.Header{"If-Match": {quoteETag(etag)}}})
	if err != nil {
		return fmt.Errorf("%s: delete %s: %w", c.kind.name, href, err)
	}
	if err := statusErr(resp); err != nil {
		return fmt.Errorf("%s: delete %s: %w", c.kind.name, href, err)
	}
	return nil
}

// put sends a conditional PUT and returns the response's ETag.
func (c *Client) put(ctx context.Context, href string, data []byte, cond http.Header) (string, error) {
	if data == nil {
		data = []byte{}
	}
	resp, err := c.do(ctx, request{method: http.MethodPut, ref: href, header: cond, body: data, bodyType: c.kind.contentType})
	if err != nil {
		return "", err
	}
	if err := statusErr(resp); err != nil {
		return "", err
	}
	return unquoteETag(resp.header.Get("ETag")), nil
}

// statusErr maps a write's status: 2xx → nil, 412 → ErrPrecondition,
// 404 → ErrNotFound, others → *HTTPError. The typed errors wrap the
// *HTTPError too.
func statusErr(resp *response) error {
	he := resp.httpErr()
	switch {
	case is2xx(resp.status):
		return nil
	case resp.status == http.StatusPreconditionFailed:
		return fmt.Errorf("%w: %w", ErrPrecondition, he)
	case resp.status == http.StatusNotFound:
		return fmt.Errorf("%w: %w", ErrNotFound, he)
	}
	return he
}
