package engine

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"fieldbook/backend/crm"
)

// maxAttempts bounds the fetch-merge-retry loop for one record in one sync.
const maxAttempts = 4

// push uploads the records with unsent changes that belong to coll (and,
// for the default collection, those never uploaded anywhere).
func (e *Engine[F]) push(ctx context.Context, coll crm.Collection, remote Remote, res *Result) error {
	var after int64 // records are taken in the order of their oldest change
	done := 0
	for {
		batch, err := e.store.PendingPushes(ctx, coll.ID, coll.Default, after, e.cfg.chunk)
		if err != nil {
			return err
		}
		if len(batch) == 0 {
			return nil
		}
		for _, p := range batch {
			after = max(after, p.From)
			err := e.pushRecord(ctx, coll, remote, p, res)
			switch {
			case err == nil:
				res.Pushed++
			case isServerError(err):
				// The server answered but refused: keep the change in the
				// outbox with the server's words, go on with the next.
				res.Failed++
				if ferr := e.store.FailPush(ctx, p.Record.ID, p.UpTo, errorText(err)); ferr != nil {
					return ferr
				}
			default:
				// Unreachable server or a failing database: stop here.
				if ferr := e.store.FailPush(context.WithoutCancel(ctx), p.Record.ID, p.UpTo, errorText(err)); ferr != nil {
					return errors.Join(err, ferr)
				}
				return err
			}
			done++
			e.cfg.progress(Progress{Phase: "push", Done: done})
		}
	}
}

// pushRecord uploads one record's state, merging and retrying when the
// server's copy moved on.
func (e *Engine[F]) pushRecord(ctx context.Context, coll crm.Collection, remote Remote, p crm.PendingPush[F], res *Result) error {
	for range maxAttempts {
		again, err := e.pushOnce(ctx, coll, remote, p, res)
		if err != nil || !again {
			return err
		}
		if p, err = e.store.PendingPush(ctx, p.Record.ID); err != nil {
			return err
		}
		if p.UpTo == 0 {
			return nil // settled by the merge (e.g. a delete the server's edit beat)
		}
	}
	return fmt.Errorf("record %s: the server's copy kept changing; will try again next sync", p.Record.ID)
}

// pushOnce makes one upload attempt. again asks for another attempt with
// the record re-read (after a merge, or a new href).
func (e *Engine[F]) pushOnce(ctx context.Context, coll crm.Collection, remote Remote, p crm.PendingPush[F], res *Result) (again bool, err error) {
	c, link := p.Record, p.Link
	switch {
	case link == nil && c.DeletedAt != nil:
		return false, e.store.CompletePush(ctx, c.ID, p.UpTo, nil) // never uploaded: nothing to delete
	case link == nil:
		uid := c.UID
		if uid == "" {
			uid = c.ID
		}
		// The href is made from the ID: a UID may be long or odd (Exchange).
		l := crm.RemoteLink{CollectionID: coll.ID, ItemID: c.ID, UID: uid, Href: remote.Href(c.ID)}
		if err := e.store.BeginCreate(ctx, l); err != nil {
			return false, err
		}
		return e.create(ctx, coll, remote, p, l, res)
	case link.Creating && c.DeletedAt != nil:
		// Deleted before its create was confirmed: the create may or may not
		// have landed. Look, and delete what is there.
		obj, err := remote.Get(ctx, link.Href)
		if errors.Is(err, ErrNotFound) {
			return false, e.store.CompletePush(ctx, c.ID, p.UpTo, nil)
		}
		if err != nil {
			return false, err
		}
		if _, uid, derr := e.codec.Decode(obj.Data); derr != nil || uid != link.UID {
			return false, e.store.CompletePush(ctx, c.ID, p.UpTo, nil) // someone else's object: leave it
		}
		l := *link
		l.ETag, l.Base, l.Creating = obj.ETag, obj.Data, false
		return e.remove(ctx, coll, remote, p, l, res)
	case link.Creating:
		return e.create(ctx, coll, remote, p, *link, res)
	case c.DeletedAt != nil:
		return e.remove(ctx, coll, remote, p, *link, res)
	default:
		return e.update(ctx, coll, remote, p, *link, res)
	}
}

// body is the object to upload: the record patched into the server bytes
// it was last seen as, or into the file it was imported from, or a new object.
func (e *Engine[F]) body(p crm.PendingPush[F], l crm.RemoteLink) ([]byte, error) {
	if l.Base == nil && p.Source != nil {
		if data, err := e.codec.Adopt(p.Source, p.Record.Fields, l.UID); err == nil {
			return data, nil
		}
		// An imported file that no longer reads: upload the fields alone.
	}
	if l.Base == nil {
		return e.codec.New(p.Record.Fields, l.UID)
	}
	base, _, err := e.codec.Decode(l.Base)
	if err != nil {
		base = p.Record.Fields
	}
	return e.codec.Patch(l.Base, e.outgoing(p.Record.Fields, base, p.Conflicts))
}

func (e *Engine[F]) create(ctx context.Context, coll crm.Collection, remote Remote, p crm.PendingPush[F], l crm.RemoteLink, res *Result) (bool, error) {
	data, err := e.body(p, l)
	if err != nil {
		return false, fmt.Errorf("encode record %s: %w", p.Record.ID, err)
	}
	if l.Base == nil {
		// Keep the bytes about to be sent: if this create lands but its
		// answer is lost, they are the merge base for what happens to the
		// object on the server meanwhile.
		l.Base = data
		if err := e.store.BeginCreate(ctx, l); err != nil {
			return false, err
		}
	}
	etag, err := remote.Create(ctx, l.Href, data)
	switch {
	case err == nil:
		return false, e.landed(ctx, remote, p, l, data, etag)
	case errors.Is(err, ErrPrecondition):
		// Something is at our href: our own earlier create whose answer was
		// lost, or a foreign object.
		obj, gerr := remote.Get(ctx, l.Href)
		if errors.Is(gerr, ErrNotFound) {
			return true, nil // gone again: retry the create
		}
		if gerr != nil {
			return false, gerr
		}
		if _, uid, derr := e.codec.Decode(obj.Data); derr == nil && uid == l.UID {
			// It landed: merge it like a pulled object, then patch if needed.
			return true, e.apply(ctx, coll, []crm.RemoteItem{obj}, res)
		}
		l.Href = remote.Href(l.ItemID + "-" + crm.NewID(e.now())[24:])
		return true, e.store.BeginCreate(ctx, l)
	default:
		return false, err
	}
}

func (e *Engine[F]) update(ctx context.Context, coll crm.Collection, remote Remote, p crm.PendingPush[F], l crm.RemoteLink, res *Result) (bool, error) {
	// Decode the base once: to see whether the server lacks anything, and
	// to keep fields under an open conflict at the server's value.
	base, _, derr := e.codec.Decode(l.Base)
	if derr != nil {
		base = p.Record.Fields
	}
	out := e.outgoing(p.Record.Fields, base, p.Conflicts)
	if derr == nil && e.schema.Same(base, e.codec.Canonical(out)) {
		return false, e.store.CompletePush(ctx, p.Record.ID, p.UpTo, &l) // nothing the server lacks
	}
	data, err := e.codec.Patch(l.Base, out)
	if err != nil {
		return false, fmt.Errorf("encode record %s: %w", p.Record.ID, err)
	}
	if l.ETag == "" {
		// The server never told us the ETag (DAViCal on PUT): learn it first.
		return true, e.refetch(ctx, coll, remote, l, res)
	}
	etag, err := remote.Update(ctx, l.Href, l.ETag, data)
	switch {
	case err == nil:
		return false, e.landed(ctx, remote, p, l, data, etag)
	case errors.Is(err, ErrPrecondition):
		return true, e.refetch(ctx, coll, remote, l, res)
	case errors.Is(err, ErrNotFound):
		return true, e.recreate(ctx, l)
	default:
		return false, err
	}
}

func (e *Engine[F]) remove(ctx context.Context, coll crm.Collection, remote Remote, p crm.PendingPush[F], l crm.RemoteLink, res *Result) (bool, error) {
	if l.ETag == "" {
		return true, e.refetch(ctx, coll, remote, l, res)
	}
	err := remote.Delete(ctx, l.Href, l.ETag)
	switch {
	case err == nil, errors.Is(err, ErrNotFound):
		return false, e.store.CompletePush(ctx, p.Record.ID, p.UpTo, nil)
	case errors.Is(err, ErrPrecondition):
		// Changed on the server since we saw it: its edit beats our delete.
		return true, e.refetch(ctx, coll, remote, l, res)
	default:
		return false, err
	}
}

// refetch downloads the server's current copy and merges it in, as a pull
// would; a copy gone from the server is handled as a server delete.
func (e *Engine[F]) refetch(ctx context.Context, coll crm.Collection, remote Remote, l crm.RemoteLink, res *Result) error {
	obj, err := remote.Get(ctx, l.Href)
	if errors.Is(err, ErrNotFound) {
		obj = crm.RemoteItem{Href: l.Href, Deleted: true}
	} else if err != nil {
		return err
	}
	res.Fetched++
	return e.apply(ctx, coll, []crm.RemoteItem{obj}, res)
}

// recreate marks a record whose object vanished from the server (while it
// was edited here) to be created again at the same href.
func (e *Engine[F]) recreate(ctx context.Context, l crm.RemoteLink) error {
	l.ETag = ""
	return e.store.BeginCreate(ctx, l)
}

// landed records a successful upload. Without an ETag in the answer the
// object is read back, so the stored base and ETag are the server's.
func (e *Engine[F]) landed(ctx context.Context, remote Remote, p crm.PendingPush[F], l crm.RemoteLink, data []byte, etag string) error {
	l.Base, l.ETag, l.Creating = data, etag, false
	if etag == "" {
		obj, err := remote.Get(ctx, l.Href)
		if err == nil {
			l.Base, l.ETag = obj.Data, obj.ETag
		}
		// On failure keep our bytes with no ETag: the next update reads it first.
	}
	return e.store.CompletePush(ctx, p.Record.ID, p.UpTo, &l)
}

// isServerError reports an HTTP answer other than the ones the engine
// handles: the server is there but refused this one change.
func isServerError(err error) bool {
	var se StatusError
	return errors.As(err, &se)
}

// errorText is what the outbox shows for a failed upload.
func errorText(err error) string {
	s := err.Error()
	if len(s) > 2000 {
		s = s[:2000]
	}
	return strings.TrimSpace(s)
}
