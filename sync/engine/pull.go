package engine

import (
	"context"
	"errors"
	"fmt"

	"fieldbook/backend/crm"
)

// pull finds what changed on the server since the stored token, applies it
// and stores the new token.
func (e *Engine[F]) pull(ctx context.Context, coll crm.Collection, remote Remote, res *Result) error {
	updated, deleted, token, ctag, err := e.changes(ctx, coll, remote, res)
	if err != nil {
		return err
	}
	if updated == nil && deleted == nil && token == coll.SyncToken && ctag == coll.CTag {
		return nil
	}
	// Objects whose ETag we already hold are our own uploads echoed back.
	links, err := e.store.Links(ctx, coll.ID)
	if err != nil {
		return err
	}
	known := make(map[string]string, len(links))
	for _, l := range links {
		if !l.Creating {
			known[l.Href] = l.ETag
		}
	}
	var fetch []string
	for _, r := range updated {
		if etag, ok := known[r.Href]; ok && etag != "" && etag == r.ETag {
			continue
		}
		fetch = append(fetch, r.Href)
	}
	total := len(fetch) + len(deleted)
	e.cfg.progress(Progress{Phase: "pull", Total: total})
	done := 0
	// Download the next chunk while the current one is written: the
	// server's time and the local work overlap instead of adding up.
	fctx, cancel := context.WithCancel(ctx)
	defer cancel()
	chunks := make(chan fetched, 1)
	go e.fetchChunks(fctx, remote, fetch, chunks)
	for c := range chunks {
		if c.err != nil {
			return fmt.Errorf("fetch: %w", c.err)
		}
		res.Fetched += len(c.objs)
		items := c.objs
		for _, h := range c.missing {
			items = append(items, crm.RemoteItem{Href: h, Deleted: true})
		}
		if err := e.apply(ctx, coll, items, res); err != nil {
			return err
		}
		done += c.asked
		e.cfg.progress(Progress{Phase: "pull", Done: done, Total: total})
	}
	for start := 0; start < len(deleted); start += e.cfg.chunk {
		var items []crm.RemoteItem
		for _, h := range deleted[start:min(start+e.cfg.chunk, len(deleted))] {
			items = append(items, crm.RemoteItem{Href: h, Deleted: true})
		}
		if err := e.apply(ctx, coll, items, res); err != nil {
			return err
		}
		done += len(items)
		e.cfg.progress(Progress{Phase: "pull", Done: done, Total: total})
	}
	return e.store.SaveCollectionState(ctx, coll.ID, token, ctag)
}

// fetched is one downloaded chunk (or the error that stopped the downloads).
type fetched struct {
	objs    []crm.RemoteItem
	missing []string
	asked   int
	err     error
}

// fetchChunks downloads hrefs chunk by chunk into out and closes it; it
// stops at the first error (sent last) or when ctx ends.
func (e *Engine[F]) fetchChunks(ctx context.Context, remote Remote, hrefs []string, out chan<- fetched) {
	defer close(out)
	for start := 0; start < len(hrefs); start += e.cfg.chunk {
		chunk := hrefs[start:min(start+e.cfg.chunk, len(hrefs))]
		objs, missing, err := remote.Fetch(ctx, chunk)
		select {
		case out <- fetched{objs: objs, missing: missing, asked: len(chunk), err: err}:
		case <-ctx.Done():
			return
		}
		if err != nil {
			return
		}
	}
}

// changes lists what changed on the server: by sync-collection from the
// stored token, or — when the server refuses the token or has no
// sync-collection — by comparing a full ETag listing with the stored links.
// updated and deleted are nil when nothing changed.
func (e *Engine[F]) changes(ctx context.Context, coll crm.Collection, remote Remote, res *Result) (updated []Ref, deleted []string, token, ctag string, err error) {
	token = coll.SyncToken
	if coll.SyncToken != "" || coll.CTag == "" {
		updated, deleted, token, err = e.syncCollection(ctx, remote, coll.SyncToken, res)
		if err == nil {
			if coll.SyncToken == "" { // a full listing: what is not in it is gone
				deleted, err = e.missingFrom(ctx, coll, updated)
			}
			return updated, deleted, token, coll.CTag, err
		}
		var se StatusError
		if !errors.Is(err, ErrInvalidToken) && !(errors.As(err, &se) && coll.SyncToken == "") {
			return nil, nil, "", "", err
		}
		// Refused token, or no sync-collection at all: list everything.
	}
	token, ctag, err = remote.State(ctx)
	if err != nil {
		return nil, nil, "", "", fmt.Errorf("read collection state: %w", err)
	}
	res.Requests++
	if ctag != "" && ctag == coll.CTag && coll.SyncToken == "" {
		return nil, nil, "", ctag, nil // ctag-only server, nothing changed
	}
	refs, err := remote.ListETags(ctx)
	if err != nil {
		return nil, nil, "", "", fmt.Errorf("list objects: %w", err)
	}
	res.Requests++
	res.FullScan = true
	deleted, err = e.missingFrom(ctx, coll, refs)
	if err != nil {
		return nil, nil, "", "", err
	}
	if refs == nil {
		refs = []Ref{}
	}
	return refs, deleted, token, ctag, nil
}

// syncCollection follows a sync-collection report through truncation.
func (e *Engine[F]) syncCollection(ctx context.Context, remote Remote, token string, res *Result) ([]Ref, []string, string, error) {
	var updated []Ref
	var deleted []string
	for range 1000 {
		ch, err := remote.SyncCollection(ctx, token)
		res.Requests++
		if err != nil {
			return nil, nil, "", err
		}
		updated = append(updated, ch.Updated...)
		deleted = append(deleted, ch.Deleted...)
		token = ch.Token
		if !ch.More {
			break
		}
	}
	if updated == nil && deleted == nil {
		return nil, nil, token, nil
	}
	if updated == nil {
		updated = []Ref{}
	}
	return updated, deleted, token, nil
}

// missingFrom returns the stored hrefs (not in-flight creates) absent from a
// full listing.
func (e *Engine[F]) missingFrom(ctx context.Context, coll crm.Collection, listing []Ref) ([]string, error) {
	links, err := e.store.Links(ctx, coll.ID)
	if err != nil {
		return nil, err
	}
	present := make(map[string]bool, len(listing))
	for _, r := range listing {
		present[r.Href] = true
	}
	var gone []string
	for _, l := range links {
		if !l.Creating && !present[l.Href] {
			gone = append(gone, l.Href)
		}
	}
	return gone, nil
}

// apply stores a batch of server objects in one transaction.
func (e *Engine[F]) apply(ctx context.Context, coll crm.Collection, items []crm.RemoteItem, res *Result) error {
	return e.store.ApplyRemote(ctx, coll.ID, items, func(it crm.RemoteItem, st crm.LocalState[F]) (crm.RemoteDecision[F], error) {
		dec, unreadable := e.decide(it, st)
		if unreadable {
			res.Skipped++
		}
		if !dec.Skip && (dec.WriteFields || dec.Tombstone || dec.Undelete) {
			res.Applied++
		}
		res.Conflicts += len(dec.Conflicts)
		return dec, nil
	})
}
