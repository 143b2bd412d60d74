package engine

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"fieldbook/backend/crm"
)

// maxAttempts bounds the fetch-merge-retry loop for one contact in one sync.
const maxAttempts = 4

// push uploads the contacts with unsent changes that belong to coll (and,
// for the default collection, those never uploaded anywhere).
func (e *Engine) push(ctx context.Context, coll crm.Collection, remote Remote, res *Result) error {
	var after int64 // contacts are taken in the order of their oldest change
	done := 0
	for {
		batch, err := e.store.PendingPushes(ctx, coll.ID, coll.Default, after, e.chunk)
		if err != nil {
			return err
		}
		if len(batch) == 0 {
			return nil
		}
		for _, p := range batch {
			after = max(after, p.From)
			err := e.pushContact(ctx, coll, remote, p, res)
			switch {
			case err == nil:
				res.Pushed++
			case isServerError(err):
				// The server answered but refused: keep the change in the
				// outbox with the server's words, go on with the next.
				res.Failed++
				if ferr := e.store.FailPush(ctx, p.Contact.ID, p.UpTo, errorText(err)); ferr != nil {
					return ferr
				}
			default:
				// Unreachable server or a failing database: stop here.
				if ferr := e.store.FailPush(context.WithoutCancel(ctx), p.Contact.ID, p.UpTo, errorText(err)); ferr != nil {
					return errors.Join(err, ferr)
				}
				return err
			}
			done++
			e.progress(Progress{Phase: "push", Done: done})
		}
	}
}

// pushContact uploads one contact's state, merging and retrying when the
// server's copy moved on.
func (e *Engine) pushContact(ctx context.Context, coll crm.Collection, remote Remote, p crm.PendingPush, res *Result) error {
	for range maxAttempts {
		again, err := e.pushOnce(ctx, coll, remote, p, res)
		if err != nil || !again {
			return err
		}
		if p, err = e.store.PendingPush(ctx, p.Contact.ID); err != nil {
			return err
		}
		if p.UpTo == 0 {
			return nil // settled by the merge (e.g. a delete the server's edit beat)
		}
	}
	return fmt.Errorf("contact %s: the server's copy kept changing; will try again next sync", p.Contact.ID)
}

// pushOnce makes one upload attempt. again asks for another attempt with
// the contact re-read (after a merge, or a new href).
func (e *Engine) pushOnce(ctx context.Context, coll crm.Collection, remote Remote, p crm.PendingPush, res *Result) (again bool, err error) {
	c, link := p.Contact, p.Link
	switch {
	case link == nil && c.DeletedAt != nil:
		return false, e.store.CompletePush(ctx, c.ID, p.UpTo, nil) // never uploaded: nothing to delete
	case link == nil:
		l := crm.RemoteLink{CollectionID: coll.ID, ContactID: c.ID, UID: c.ID, Href: remote.Href(c.ID)}
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

// body is the object to upload: the contact patched into the server bytes
// it was last seen as, or into the card it was imported from, or a new card.
func (e *Engine) body(p crm.PendingPush, l crm.RemoteLink) ([]byte, error) {
	if l.Base == nil && p.Card != nil {
		if data, err := e.codec.Adopt(p.Card, p.Contact.ContactFields, l.UID); err == nil {
			return data, nil
		}
		// An imported card that no longer reads: upload the fields alone.
	}
	if l.Base == nil {
		return e.codec.New(p.Contact.ContactFields, l.UID)
	}
	base, _, err := e.codec.Decode(l.Base)
	if err != nil {
		base = p.Contact.ContactFields
	}
	return e.codec.Patch(l.Base, outgoing(p.Contact.ContactFields, base, p.Conflicts))
}

func (e *Engine) create(ctx context.Context, coll crm.Collection, remote Remote, p crm.PendingPush, l crm.RemoteLink, res *Result) (bool, error) {
	data, err := e.body(p, l)
	if err != nil {
		return false, fmt.Errorf("encode contact %s: %w", p.Contact.ID, err)
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
		l.Href = remote.Href(l.UID + "-" + crm.NewID(e.now())[24:])
		return true, e.store.BeginCreate(ctx, l)
	default:
		return false, err
	}
}

func (e *Engine) update(ctx context.Context, coll crm.Collection, remote Remote, p crm.PendingPush, l crm.RemoteLink, res *Result) (bool, error) {
	// Decode the base once: to see whether the server lacks anything, and
	// to keep fields under an open conflict at the server's value.
	base, _, derr := e.codec.Decode(l.Base)
	if derr != nil {
		base = p.Contact.ContactFields
	}
	out := outgoing(p.Contact.ContactFields, base, p.Conflicts)
	if derr == nil && sameFields(base, e.codec.Canonical(out)) {
		return false, e.store.CompletePush(ctx, p.Contact.ID, p.UpTo, &l) // nothing the server lacks
	}
	data, err := e.codec.Patch(l.Base, out)
	if err != nil {
		return false, fmt.Errorf("encode contact %s: %w", p.Contact.ID, err)
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

func (e *Engine) remove(ctx context.Context, coll crm.Collection, remote Remote, p crm.PendingPush, l crm.RemoteLink, res *Result) (bool, error) {
	if l.ETag == "" {
		return true, e.refetch(ctx, coll, remote, l, res)
	}
	err := remote.Delete(ctx, l.Href, l.ETag)
	switch {
	case err == nil, errors.Is(err, ErrNotFound):
		return false, e.store.CompletePush(ctx, p.Contact.ID, p.UpTo, nil)
	case errors.Is(err, ErrPrecondition):
		// Changed on the server since we saw it: its edit beats our delete.
		return true, e.refetch(ctx, coll, remote, l, res)
	default:
		return false, err
	}
}

// refetch downloads the server's current copy and merges it in, as a pull
// would; a copy gone from the server is handled as a server delete.
func (e *Engine) refetch(ctx context.Context, coll crm.Collection, remote Remote, l crm.RemoteLink, res *Result) error {
	obj, err := remote.Get(ctx, l.Href)
	if errors.Is(err, ErrNotFound) {
		obj = crm.RemoteItem{Href: l.Href, Deleted: true}
	} else if err != nil {
		return err
	}
	res.Fetched++
	return e.apply(ctx, coll, []crm.RemoteItem{obj}, res)
}

// recreate marks a contact whose object vanished from the server (while it
// was edited here) to be created again at the same href.
func (e *Engine) recreate(ctx context.Context, l crm.RemoteLink) error {
	l.ETag = ""
	return e.store.BeginCreate(ctx, l)
}

// landed records a successful upload. Without an ETag in the answer the
// object is read back, so the stored base and ETag are the server's.
func (e *Engine) landed(ctx context.Context, remote Remote, p crm.PendingPush, l crm.RemoteLink, data []byte, etag string) error {
	l.Base, l.ETag, l.Creating = data, etag, false
	if etag == "" {
		obj, err := remote.Get(ctx, l.Href)
		if err == nil {
			l.Base, l.ETag = obj.Data, obj.ETag
		}
		// On failure keep our bytes with no ETag: the next update reads it first.
	}
	return e.store.CompletePush(ctx, p.Contact.ID, p.UpTo, &l)
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
