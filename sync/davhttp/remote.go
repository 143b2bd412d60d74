package davhttp

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"fieldbook/backend/crm"
	"fieldbook/sync/engine"
)

// Remote is one collection of a Client as the sync engine sees it.
type Remote struct {
	client *Client
	path   string
	chunk  int
}

var _ engine.Remote = (*Remote)(nil)

// Remote binds the client to the collection at path (a collection href
// with a trailing slash).
func (c *Client) Remote(path string) *Remote {
	if !strings.HasSuffix(path, "/") {
		path += "/"
	}
	return &Remote{client: c, path: path, chunk: DefaultChunk}
}

// engineErr maps this package's typed errors to the engine's, keeping the
// original (and its *HTTPError) in the chain.
func engineErr(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, ErrPrecondition):
		return fmt.Errorf("%w: %w", engine.ErrPrecondition, err)
	case errors.Is(err, ErrNotFound):
		return fmt.Errorf("%w: %w", engine.ErrNotFound, err)
	case errors.Is(err, ErrInvalidSyncToken):
		return fmt.Errorf("%w: %w", engine.ErrInvalidToken, err)
	}
	return err
}

// State reads the sync token and ctag.
func (r *Remote) State(ctx context.Context) (string, string, error) {
	st, err := r.client.CollectionState(ctx, r.path)
	return st.SyncToken, st.CTag, engineErr(err)
}

// SyncCollection lists changes since token.
func (r *Remote) SyncCollection(ctx context.Context, token string) (engine.Changes, error) {
	ch, err := r.client.SyncCollection(ctx, r.path, token)
	if err != nil {
		return engine.Changes{}, engineErr(err)
	}
	out := engine.Changes{Token: ch.Token, Deleted: ch.Deleted, More: ch.More}
	for _, u := range ch.Updated {
		out.Updated = append(out.Updated, engine.Ref(u))
	}
	return out, nil
}

// ListETags lists every object with its ETag.
func (r *Remote) ListETags(ctx context.Context) ([]engine.Ref, error) {
	refs, err := r.client.ListETags(ctx, r.path)
	if err != nil {
		return nil, engineErr(err)
	}
	out := make([]engine.Ref, len(refs))
	for i, u := range refs {
		out[i] = engine.Ref(u)
	}
	return out, nil
}

// Fetch downloads objects by href.
func (r *Remote) Fetch(ctx context.Context, hrefs []string) ([]crm.RemoteItem, []string, error) {
	objs, missing, err := r.client.Fetch(ctx, r.path, hrefs, r.chunk)
	out := make([]crm.RemoteItem, len(objs))
	for i, o := range objs {
		out[i] = crm.RemoteItem{Href: o.Href, ETag: o.ETag, Data: o.Data}
	}
	return out, missing, engineErr(err)
}

// Get downloads one object.
func (r *Remote) Get(ctx context.Context, href string) (crm.RemoteItem, error) {
	o, err := r.client.Get(ctx, href)
	if err != nil {
		return crm.RemoteItem{}, engineErr(err)
	}
	return crm.RemoteItem{Href: o.Href, ETag: o.ETag, Data: o.Data}, nil
}

// Create uploads a new object (If-None-Match: *).
func (r *Remote) Create(ctx context.Context, href string, data []byte) (string, error) {
	etag, err := r.client.Create(ctx, href, data)
	return etag, engineErr(err)
}

// Update replaces an object (If-Match).
func (r *Remote) Update(ctx context.Context, href, etag string, data []byte) (string, error) {
	etag, err := r.client.Update(ctx, href, etag, data)
	return etag, engineErr(err)
}

// Delete removes an object (If-Match).
func (r *Remote) Delete(ctx context.Context, href, etag string) error {
	return engineErr(r.client.Delete(ctx, href, etag))
}

// Href is where a new object with uid goes: <collection>/<uid>.vcf for an
// address book, <collection>/<uid>.ics for a calendar.
func (r *Remote) Href(uid string) string {
	return r.path + url.PathEscape(uid) + r.client.kind.ext
}
