package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"fieldbook/backend/crm"
)

// ApplyRemote applies the server's view of some objects of a collection in
// one transaction. For each item, decide sees what this device holds for
// its href (read inside the transaction, so no local edit can slip in
// between) and returns what to store. Contacts written here are not
// journalled: the change came from the server.
func (d *DB) ApplyRemote(ctx context.Context, collectionID string, items []crm.RemoteItem,
	decide func(crm.RemoteItem, crm.LocalState[crm.ContactFields]) (crm.RemoteDecision[crm.ContactFields], error)) error {
	return d.inTx(ctx, func(tx *sql.Tx) error {
		var toIndex []pendingIndex
		for _, it := range items {
			st, err := localState(ctx, tx, collectionID, it.Href)
			if err != nil {
				return err
			}
			dec, err := decide(it, st)
			if err != nil {
				return fmt.Errorf("store: apply %s: %w", it.Href, err)
			}
			if dec.Skip {
				continue
			}
			idx, err := d.applyDecision(ctx, tx, collectionID, it.Href, st, dec)
			if err != nil {
				return err
			}
			if idx != nil {
				toIndex = append(toIndex, *idx)
			}
		}
		// Index new contacts after the batch (see contactInserter).
		for _, p := range toIndex {
			if _, err := tx.ExecContext(ctx, ftsInsertSQL, ftsArgs(p.rowid, p.fields)...); err != nil {
				return fmt.Errorf("store: index contact %s: %w", p.id, err)
			}
		}
		return nil
	})
}

// localState reads what the device holds for href, inside tx.
func localState(ctx context.Context, tx *sql.Tx, collectionID, href string) (crm.LocalState[crm.ContactFields], error) {
	var st crm.LocalState[crm.ContactFields]
	link, err := scanLink(tx.QueryRowContext(ctx, `SELECT `+linkColumns+` FROM remote_links
		WHERE collection_id = ? AND href = ?`, collectionID, href))
	if errors.Is(err, sql.ErrNoRows) {
		return st, nil
	}
	if err != nil {
		return st, fmt.Errorf("store: read link of %s: %w", href, err)
	}
	st.Link = &link
	c, err := scanContact(tx.QueryRowContext(ctx, `SELECT `+contactColumns+` FROM contacts c WHERE c.id = ?`, link.ItemID))
	if err != nil {
		return st, fmt.Errorf("store: read linked contact %s: %w", link.ItemID, err)
	}
	st.Record = contactRecord(c)
	if st.PendingUpTo, err = pendingUpTo(ctx, tx, c.ID); err != nil {
		return st, err
	}
	st.Pending = st.PendingUpTo > 0
	st.Conflicts, err = conflictsOf(ctx, tx, c.ID)
	return st, err
}

// pendingUpTo is the last unsent journal row of a contact, 0 when none.
func pendingUpTo(ctx context.Context, q queryRower, contactID string) (int64, error) {
	var seq sql.NullInt64
	err := q.QueryRowContext(ctx, `SELECT max(seq) FROM journal
		WHERE entity = 'contact' AND entity_id = ? AND state <> 'sent'`, contactID).Scan(&seq)
	if err != nil {
		return 0, fmt.Errorf("store: read pending changes of %s: %w", contactID, err)
	}
	return seq.Int64, nil
}

// applyDecision writes one RemoteDecision. It returns the new contact to
// index when one was inserted.
func (d *DB) applyDecision(ctx context.Context, tx *sql.Tx, collectionID, href string, st crm.LocalState[crm.ContactFields], dec crm.RemoteDecision[crm.ContactFields]) (*pendingIndex, error) {
	now := d.clock.Now()
	var idx *pendingIndex
	contactID := ""
	if st.Record != nil {
		contactID = st.Record.ID
	}
	switch {
	case dec.WriteFields && st.Record == nil:
		contactID = crm.NewID(now)
		c := crm.Contact{ID: contactID, ContactFields: dec.Fields, Version: 1, CreatedAt: now, UpdatedAt: now}
		var rowid int64
		company, err := newCompanyLinker(tx).companyFor(ctx, c.Company, now)
		if err != nil {
			return nil, err
		}
		args := append([]any{c.ID, c.Version}, contactFieldValues(c.ContactFields)...)
		args = append(args, c.DisplayName(), c.SortKey(), formatTime(now), formatTime(now), company)
		if err := tx.QueryRowContext(ctx, insertContactSQL, args...).Scan(&rowid); err != nil {
			return nil, fmt.Errorf("store: insert contact from %s: %w", href, err)
		}
		idx = &pendingIndex{rowid: rowid, fields: c.ContactFields, id: c.ID}
	case dec.WriteFields || dec.Undelete || dec.Tombstone:
		cur := crm.Contact{ID: st.Record.ID, ContactFields: st.Record.Fields, DeletedAt: st.Record.DeletedAt}
		if err := d.writeRemoteFields(ctx, tx, cur, dec, now); err != nil {
			return nil, err
		}
	}
	if dec.DropPendingUpTo > 0 && contactID != "" {
		if _, err := tx.ExecContext(ctx, `UPDATE journal SET state = 'sent' WHERE entity = 'contact'
			AND entity_id = ? AND seq <= ? AND state <> 'sent'`, contactID, dec.DropPendingUpTo); err != nil {
			return nil, fmt.Errorf("store: settle journal of %s: %w", contactID, err)
		}
	}
	if dec.Requeue && contactID != "" {
		if err := insertJournal(ctx, tx, crm.EntityContact, contactID, crm.OpUpdate, nil, now); err != nil {
			return nil, err
		}
	}
	if err := replaceLink(ctx, tx, collectionID, href, contactID, dec.Link); err != nil {
		return nil, err
	}
	for _, f := range dec.DropConflicts {
		if _, err := tx.ExecContext(ctx, `DELETE FROM conflicts WHERE contact_id = ? AND field = ?`, contactID, f); err != nil {
			return nil, fmt.Errorf("store: close conflict on %s of %s: %w", f, contactID, err)
		}
	}
	for _, c := range dec.Conflicts {
		c.ItemID, c.Entity = contactID, crm.EntityContact
		if err := putConflict(ctx, tx, c); err != nil {
			return nil, err
		}
	}
	return idx, nil
}

// writeRemoteFields changes an existing contact as the server says, without
// journalling, and keeps the search index in step.
func (d *DB) writeRemoteFields(ctx context.Context, tx *sql.Tx, cur crm.Contact, dec crm.RemoteDecision[crm.ContactFields], now time.Time) error {
	fields := cur.ContactFields
	if dec.WriteFields {
		fields = dec.Fields
		fields.KeepLocal(cur.ContactFields)
	}
	company, err := newCompanyLinker(tx).companyFor(ctx, fields.Company, now)
	if err != nil {
		return err
	}
	live := cur.DeletedAt == nil
	var deleted any
	if !live {
		deleted = formatTime(*cur.DeletedAt)
	}
	switch {
	case dec.Tombstone:
		deleted, live = formatTime(now), false
	case dec.Undelete:
		deleted, live = nil, true
	}
	var rowid int64
	args := append([]any{}, contactFieldValues(fields)...)
	args = append(args, crm.ContactFields(fields).DisplayName(), fields.SortKey(), formatTime(now), deleted, company, cur.ID)
	err = tx.QueryRowContext(ctx, `UPDATE contacts SET version = version + 1, `+strings.Join(contactFieldColumns, " = ?, ")+` = ?,
		display_name = ?, sort_key = ?, updated_at = ?, deleted_at = ?, company_id = ? WHERE id = ? RETURNING rowid`, args...).Scan(&rowid)
	if err != nil {
		return fmt.Errorf("store: write server version of contact %s: %w", cur.ID, err)
	}
	if cur.DeletedAt == nil {
		if _, err := tx.ExecContext(ctx, `DELETE FROM contacts_fts WHERE rowid = ?`, rowid); err != nil {
			return fmt.Errorf("store: unindex contact %s: %w", cur.ID, err)
		}
	}
	if live {
		if _, err := tx.ExecContext(ctx, ftsInsertSQL, ftsArgs(rowid, fields)...); err != nil {
			return fmt.Errorf("store: index contact %s: %w", cur.ID, err)
		}
	}
	return nil
}

const linkColumns = `collection_id, href, contact_id, uid, etag, base, creating`

func scanLink(r rowScanner) (crm.RemoteLink, error) {
	var l crm.RemoteLink
	err := r.Scan(&l.CollectionID, &l.Href, &l.ItemID, &l.UID, &l.ETag, &l.Base, &l.Creating)
	return l, err
}

// replaceLink stores link as the only link of its contact and the only one
// at (collectionID, href); a nil link removes the link at href.
func replaceLink(ctx context.Context, tx *sql.Tx, collectionID, href, contactID string, link *crm.RemoteLink) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM remote_links WHERE collection_id = ? AND href = ?`, collectionID, href); err != nil {
		return fmt.Errorf("store: remove link %s: %w", href, err)
	}
	if link == nil {
		return nil
	}
	if link.ItemID == "" {
		link.ItemID = contactID
	}
	if link.CollectionID == "" {
		link.CollectionID = collectionID
	}
	return putLink(ctx, tx, *link)
}

// putLink inserts link, replacing any other link of the same contact or href.
func putLink(ctx context.Context, tx *sql.Tx, l crm.RemoteLink) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM remote_links WHERE contact_id = ? OR (collection_id = ? AND href = ?)`,
		l.ItemID, l.CollectionID, l.Href); err != nil {
		return fmt.Errorf("store: replace link of %s: %w", l.ItemID, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO remote_links (`+linkColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		l.CollectionID, l.Href, l.ItemID, l.UID, l.ETag, l.Base, l.Creating); err != nil {
		return fmt.Errorf("store: link contact %s to %s: %w", l.ItemID, l.Href, err)
	}
	return nil
}

// Links returns every link of a collection (href and ETag are what the
// ctag/PROPFIND fallback compares; the base is not read).
func (d *DB) Links(ctx context.Context, collectionID string) ([]crm.RemoteLink, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT collection_id, href, contact_id, uid, etag, NULL, creating
		FROM remote_links WHERE collection_id = ?`, collectionID)
	if err != nil {
		return nil, fmt.Errorf("store: list links of %s: %w", collectionID, err)
	}
	defer rows.Close()
	var out []crm.RemoteLink
	for rows.Next() {
		l, err := scanLink(rows)
		if err != nil {
			return nil, fmt.Errorf("store: read link: %w", err)
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

// LinkOf returns the link of a contact, or nil when it has none.
func (d *DB) LinkOf(ctx context.Context, contactID string) (*crm.RemoteLink, error) {
	l, err := scanLink(d.db.QueryRowContext(ctx, `SELECT `+linkColumns+` FROM remote_links WHERE contact_id = ?`, contactID))
	return optionalRow(l, err, "read link of "+contactID)
}

// optionalRow turns the result of scanning a row that may be missing into
// a pointer: nil without an error when there is no row, the error wrapped
// with what was read otherwise.
func optionalRow[T any](v T, err error, what string) (*T, error) {
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("store: %s: %w", what, err)
	}
	return &v, nil
}

// PendingPushes returns up to limit contacts with unsent local changes that
// the collection uploads: those linked to it, and when withUnlinked is set
// (the default collection) those never uploaded anywhere. They come in the
// order of their oldest unsent change, starting after the journal row after.
func (d *DB) PendingPushes(ctx context.Context, collectionID string, withUnlinked bool, after int64, limit int) ([]crm.PendingPush[crm.ContactFields], error) {
	rows, err := d.db.QueryContext(ctx, `SELECT j.entity_id, max(j.seq), min(j.seq) FROM journal j
		LEFT JOIN remote_links l ON l.contact_id = j.entity_id
		WHERE j.entity = 'contact' AND j.state <> 'sent'
		AND (l.collection_id = ?1 OR (l.collection_id IS NULL AND ?2))
		GROUP BY j.entity_id HAVING min(j.seq) > ?3 ORDER BY min(j.seq) LIMIT ?4`, collectionID, withUnlinked, after, limit)
	return collectPushes(rows, err, func(id string, upTo int64) (crm.PendingPush[crm.ContactFields], error) {
		return d.pendingPush(ctx, id, upTo)
	})
}

// collectPushes reads the (record, last unsent row, first unsent row) rows
// of a pending-uploads query and builds each record's upload with push.
// The rows are read to the end before push runs (one connection).
func collectPushes[F any](rows *sql.Rows, err error, push func(id string, upTo int64) (crm.PendingPush[F], error)) ([]crm.PendingPush[F], error) {
	if err != nil {
		return nil, fmt.Errorf("store: list pending uploads: %w", err)
	}
	type idSeq struct {
		id        string
		seq, from int64
	}
	var ids []idSeq
	for rows.Next() {
		var x idSeq
		if err := rows.Scan(&x.id, &x.seq, &x.from); err != nil {
			rows.Close()
			return nil, fmt.Errorf("store: read pending upload: %w", err)
		}
		ids = append(ids, x)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: list pending uploads: %w", err)
	}
	out := make([]crm.PendingPush[F], 0, len(ids))
	for _, x := range ids {
		p, err := push(x.id, x.seq)
		if err != nil {
			return nil, err
		}
		p.From = x.from
		out = append(out, p)
	}
	return out, nil
}

// PendingPush returns one contact's unsent state; UpTo is 0 when it has no
// unsent change.
func (d *DB) PendingPush(ctx context.Context, contactID string) (crm.PendingPush[crm.ContactFields], error) {
	seq, err := pendingUpTo(ctx, d.db, contactID)
	if err != nil {
		return crm.PendingPush[crm.ContactFields]{}, err
	}
	return d.pendingPush(ctx, contactID, seq)
}

func (d *DB) pendingPush(ctx context.Context, contactID string, upTo int64) (crm.PendingPush[crm.ContactFields], error) {
	p := crm.PendingPush[crm.ContactFields]{UpTo: upTo}
	c, err := d.GetContact(ctx, contactID)
	if err != nil {
		return p, err
	}
	p.Record = *contactRecord(c)
	if p.Link, err = d.LinkOf(ctx, contactID); err != nil {
		return p, err
	}
	if p.Link == nil || p.Link.Base == nil {
		if p.Source, err = d.ContactCard(ctx, contactID); err != nil {
			return p, err
		}
	}
	p.Conflicts, err = conflictsOf(ctx, d.db, contactID)
	return p, err
}

// BeginCreate records, before the first upload, where a contact is about to
// be created on the server, so a retry after a crash or a lost answer
// repeats the same create instead of making a second copy.
func (d *DB) BeginCreate(ctx context.Context, l crm.RemoteLink) error {
	l.Creating = true
	return d.inTx(ctx, func(tx *sql.Tx) error { return putLink(ctx, tx, l) })
}

// CompletePush records a finished upload: the contact's new link (nil when
// it was deleted on the server) and its journal rows up to upTo as sent.
func (d *DB) CompletePush(ctx context.Context, contactID string, upTo int64, link *crm.RemoteLink) error {
	return d.inTx(ctx, func(tx *sql.Tx) error {
		if link == nil {
			if _, err := tx.ExecContext(ctx, `DELETE FROM remote_links WHERE contact_id = ?`, contactID); err != nil {
				return fmt.Errorf("store: unlink %s: %w", contactID, err)
			}
		} else {
			link.ItemID = contactID
			if err := putLink(ctx, tx, *link); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE journal SET state = 'sent', last_error = '' WHERE entity = 'contact'
			AND entity_id = ? AND seq <= ? AND state <> 'sent'`, contactID, upTo); err != nil {
			return fmt.Errorf("store: mark changes of %s sent: %w", contactID, err)
		}
		return nil
	})
}

// FailPush records a failed upload on the contact's journal rows up to
// upTo: they stay in the outbox with the error for the user.
func (d *DB) FailPush(ctx context.Context, contactID string, upTo int64, errText string) error {
	_, err := d.db.ExecContext(ctx, `UPDATE journal SET state = 'failed', attempts = attempts + 1, last_error = ?
		WHERE entity = 'contact' AND entity_id = ? AND seq <= ? AND state <> 'sent'`, errText, contactID, upTo)
	if err != nil {
		return fmt.Errorf("store: record failed upload of %s: %w", contactID, err)
	}
	return nil
}

// contactRecord is a contact as the sync engine sees it.
func contactRecord(c crm.Contact) *crm.SyncRecord[crm.ContactFields] {
	return &crm.SyncRecord[crm.ContactFields]{ID: c.ID, DeletedAt: c.DeletedAt, Fields: c.ContactFields}
}
