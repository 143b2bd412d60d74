package davhttp

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
)

// State is a collection's change markers. Either may be empty when the
// server does not support it; compare them as opaque strings.
type State struct {
	CTag      string // CalendarServer getctag
	SyncToken string // DAV:sync-token (RFC 6578)
}

// Ref is one object's href and ETag (unquoted).
type Ref struct {
	Href string
	ETag string
}

// Changes is the result of SyncCollection.
type Changes struct {
	// Token is the new sync token to store once the changes are applied.
	Token string
	// Updated are new or changed members. An empty ETag means the server
	// sent none: fetch the object to learn it.
	Updated []Ref
	// Deleted are hrefs of removed members (never reported for a full sync).
	Deleted []string
	// More is true when the server truncated the result (507 on the
	// collection, RFC 6578 §3.6): apply these changes, then call
	// SyncCollection again with Token.
	More bool
}

// CollectionState reads getctag and sync-token of the collection at path in
// one PROPFIND Depth 0.
func (c *Client) CollectionState(ctx context.Context, path string) (State, error) {
	ms, _, err := c.propfind(ctx, path, "0", "cs:getctag", "d:sync-token")
	if err != nil {
		return State{}, fmt.Errorf("%s: collection state of %s: %w", c.kind.name, path, err)
	}
	var st State
	for _, r := range ms.Responses {
		p := r.prop()
		if st.CTag == "" {
			st.CTag = str(p.CTag)
		}
		if st.SyncToken == "" {
			st.SyncToken = str(p.SyncToken)
		}
	}
	return st, nil
}

// SyncCollection sends an RFC 6578 sync-collection REPORT (sync-level 1)
// asking only for getetag. An empty token asks for a full listing. A token
// the server refuses (403 or 409 with valid-sync-token, or — Xandikos — a
// 500 to a non-empty token) returns an error matching ErrInvalidSyncToken.
func (c *Client) SyncCollection(ctx context.Context, path, token string) (Changes, error) {
	var b bytes.Buffer
	b.WriteString(xmlHeader)
	b.WriteString(`<d:sync-collection xmlns:d="DAV:">`)
	if token == "" {
		b.WriteString(`<d:sync-token/>`)
	} else {
		b.WriteString(`<d:sync-token>` + escapeText(token) + `</d:sync-token>`)
	}
	b.WriteString(`<d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop></d:sync-collection>`)
	resp, err := c.do(ctx, request{method: "REPORT", ref: path, depth: "0", body: b.Bytes(), bodyType: xmlType})
	if err != nil {
		return Changes{}, fmt.Errorf("%s: sync-collection %s: %w", c.kind.name, path, err)
	}
	if resp.status != http.StatusMultiStatus {
		he := resp.httpErr()
		if invalidToken(resp.status, resp.body, token) {
			return Changes{}, fmt.Errorf("%s: sync-collection %s: %w: %w", c.kind.name, path, ErrInvalidSyncToken, he)
		}
		return Changes{}, fmt.Errorf("%s: sync-collection %s: %w", c.kind.name, path, he)
	}
	ms, err := parseMultistatus(resp.body)
	if err != nil {
		return Changes{}, fmt.Errorf("%s: sync-collection %s: %w", c.kind.name, path, err)
	}
	self := hrefKey(resp.req.URL.Path)
	ch := Changes{Token: ms.SyncToken}
	for _, r := range ms.Responses {
		href := c.refOf(resp.req.URL, r.href())
		code := statusCode(r.Status)
		if hrefKey(href) == self {
			if code == http.StatusInsufficientStorage {
				ch.More = true
			}
			continue
		}
		if code == http.StatusNotFound {
			ch.Deleted = append(ch.Deleted, href)
			continue
		}
		if code != 0 && !is2xx(code) {
			continue
		}
		ch.Updated = append(ch.Updated, Ref{Href: href, ETag: unquoteETag(str(r.prop().ETag))})
	}
	return ch, nil
}

// invalidToken reports whether a non-207 answer to sync-collection means
// the token was refused.
func invalidToken(status int, body []byte, token string) bool {
	switch status {
	case http.StatusForbidden, http.StatusConflict, http.StatusBadRequest:
		return bytes.Contains(body, []byte("valid-sync-token"))
	case http.StatusInternalServerError:
		return token != "" // Xandikos 0.2.8: dulwich AssertionError
	}
	return false
}

// ListETags lists the members of the collection at path with their ETags
// (PROPFIND Depth 1 getetag): the fallback when sync-collection is
// unavailable or the token was refused. Sub-collections are skipped.
func (c *Client) ListETags(ctx context.Context, path string) ([]Ref, error) {
	ms, req, err := c.propfind(ctx, path, "1", "d:getetag", "d:resourcetype")
	if err != nil {
		return nil, fmt.Errorf("%s: list ETags of %s: %w", c.kind.name, path, err)
	}
	self := hrefKey(req.URL.Path)
	var refs []Ref
	for _, r := range ms.Responses {
		href := c.refOf(req.URL, r.href())
		if hrefKey(href) == self {
			continue
		}
		if code := statusCode(r.Status); code != 0 && !is2xx(code) {
			continue
		}
		p := r.prop()
		if p.ResourceType != nil && (p.ResourceType.Collection != nil || p.ResourceType.isCollectionOf(c.kind)) {
			continue
		}
		refs = append(refs, Ref{Href: href, ETag: unquoteETag(str(p.ETag))})
	}
	return refs, nil
}
