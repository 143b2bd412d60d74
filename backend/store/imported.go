package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"fieldbook/backend/crm"
)

// Photo is a contact's picture: its media type (image/jpeg, …) and bytes.
type Photo struct {
	MediaType string
	Data      []byte
}

// ImportedContact is a new contact read from a file: the contact (ID,
// version and timestamps set by the caller), the vCard it came from (nil
// for a CSV row) and its photo (nil when it has none).
type ImportedContact struct {
	Contact crm.Contact
	Card    []byte
	Photo   *Photo
}

// ImportContacts inserts a batch of imported contacts in one transaction:
// each contact is journalled and indexed like CreateContact, and its card
// bytes and photo are stored beside it. Either the whole batch is stored or
// none of it.
func (d *DB) ImportContacts(ctx context.Context, batch []ImportedContact) error {
	return d.inTx(ctx, func(tx *sql.Tx) error {
		ins, err := newContactInserter(ctx, tx)
		if err != nil {
			return err
		}
		defer ins.close()
		withCard, err := tx.PrepareContext(ctx, insertImportedSQL)
		if err != nil {
			return fmt.Errorf("store: prepare imported contact insert: %w", err)
		}
		defer withCard.Close()
		var setPhoto *sql.Stmt
		for _, ic := range batch {
			if err := ins.insertImported(ctx, withCard, ic.Contact, ic.Card); err != nil {
				return err
			}
			if ic.Photo != nil && len(ic.Photo.Data) > 0 {
				if setPhoto == nil {
					if setPhoto, err = tx.PrepareContext(ctx, upsertPhotoSQL); err != nil {
						return fmt.Errorf("store: prepare photo insert: %w", err)
					}
					defer setPhoto.Close()
				}
				if _, err := setPhoto.ExecContext(ctx, ic.Contact.ID, ic.Photo.MediaType, ic.Photo.Data, formatTime(ic.Contact.CreatedAt)); err != nil {
					return fmt.Errorf("store: store photo of contact %s: %w", ic.Contact.ID, err)
				}
			}
		}
		return ins.index(ctx)
	})
}

// insertImportedSQL is insertContactSQL with the card the contact came from.
var insertImportedSQL = `INSERT INTO contacts
	(id, version, ` + strings.Join(contactFieldColumns, ", ") + `, display_name, sort_key, created_at, updated_at, company_id, card)
	VALUES (` + placeholders(len(contactFieldColumns)+8) + `)
	RETURNING rowid`

// insertImported is contactInserter.insert through stmt (insertImportedSQL),
// storing card with the contact.
func (ins *contactInserter) insertImported(ctx context.Context, stmt *sql.Stmt, c crm.Contact, card []byte) error {
	company, err := ins.companies.companyFor(ctx, c.Company, c.CreatedAt)
	if err != nil {
		return err
	}
	args := append([]any{c.ID, c.Version}, contactFieldValues(c.ContactFields)...)
	args = append(args, c.DisplayName(), c.SortKey(), formatTime(c.CreatedAt), formatTime(c.UpdatedAt), company, card)
	var rowid int64
	if err := stmt.QueryRowContext(ctx, args...).Scan(&rowid); err != nil {
		return fmt.Errorf("store: insert contact %s: %w", c.ID, err)
	}
	if _, err := ins.journal.ExecContext(ctx, crm.EntityContact, c.ID, crm.OpCreate, "[]", formatTime(c.CreatedAt)); err != nil {
		return fmt.Errorf("store: journal contact %s: %w", c.ID, err)
	}
	ins.pending = append(ins.pending, pendingIndex{rowid: rowid, fields: c.ContactFields, id: c.ID})
	return nil
}

// upsertPhotoSQL stores a contact's photo, replacing the one it had.
const upsertPhotoSQL = `INSERT INTO contact_photos (contact_id, media_type, data, updated_at) VALUES (?, ?, ?, ?)
	ON CONFLICT (contact_id) DO UPDATE SET media_type = excluded.media_type, data = excluded.data, updated_at = excluded.updated_at`

// SetImportedPhoto stores the photo of an existing contact that an import
// merged into, unless it already has one (the user's own photo wins).
func (d *DB) SetImportedPhoto(ctx context.Context, contactID string, p Photo, at time.Time) error {
	_, err := d.db.ExecContext(ctx, `INSERT INTO contact_photos (contact_id, media_type, data, updated_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (contact_id) DO NOTHING`, contactID, p.MediaType, p.Data, formatTime(at))
	if err != nil {
		return fmt.Errorf("store: store photo of contact %s: %w", contactID, err)
	}
	return nil
}

// ExportedContact is a live contact with the vCard it was imported from
// (nil when none) and its photo (nil when none).
type ExportedContact struct {
	Contact crm.Contact
	Card    []byte
	Photo   *Photo
}

// exportPage is how many contacts ExportContacts reads per query, so the
// single connection is never held for the whole export.
const exportPage = 500

// ExportContacts calls fn for each live contact in name order, or, when ids
// is not empty, for each of those that is live (in name order too), with its
// card and photo. fn may use the database. An error from fn stops the walk
// and is returned.
func (d *DB) ExportContacts(ctx context.Context, ids []string, fn func(ExportedContact) error) error {
	if len(ids) > 0 {
		return d.exportByID(ctx, ids, fn)
	}
	key, id := "", ""
	for {
		batch, err := d.readExported(ctx, `SELECT `+contactColumns+`, c.card, p.media_type, p.data
			FROM contacts c INDEXED BY contacts_live_by_name LEFT JOIN contact_photos p ON p.contact_id = c.id
			WHERE c.deleted_at IS NULL AND (c.sort_key, c.id) > (?, ?)
			ORDER BY c.sort_key, c.id LIMIT ?`, key, id, exportPage)
		if err != nil {
			return err
		}
		for _, e := range batch {
			if err := fn(e); err != nil {
				return err
			}
		}
		if len(batch) < exportPage {
			return nil
		}
		last := batch[len(batch)-1].Contact
		key, id = last.SortKey(), last.ID
	}
}

func (d *DB) exportByID(ctx context.Context, ids []string, fn func(ExportedContact) error) error {
	var all []ExportedContact
	for start := 0; start < len(ids); start += exportPage {
		chunk := ids[start:min(start+exportPage, len(ids))]
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		batch, err := d.readExported(ctx, `SELECT `+contactColumns+`, c.card, p.media_type, p.data
			FROM contacts c LEFT JOIN contact_photos p ON p.contact_id = c.id
			WHERE c.deleted_at IS NULL AND c.id IN (`+placeholders(len(chunk))+`)`, args...)
		if err != nil {
			return err
		}
		all = append(all, batch...)
	}
	sortExported(all)
	for _, e := range all {
		if err := fn(e); err != nil {
			return err
		}
	}
	return nil
}

func (d *DB) readExported(ctx context.Context, query string, args ...any) ([]ExportedContact, error) {
	rows, err := d.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("store: read contacts to export: %w", err)
	}
	defer rows.Close()
	var out []ExportedContact
	for rows.Next() {
		var (
			e     ExportedContact
			media sql.NullString
			data  []byte
		)
		c, err := scanContact(extraScanner{rows, []any{&e.Card, &media, &data}})
		if err != nil {
			return nil, fmt.Errorf("store: read contact to export: %w", err)
		}
		e.Contact = c
		if media.Valid && len(data) > 0 {
			e.Photo = &Photo{MediaType: media.String, Data: data}
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: read contacts to export: %w", err)
	}
	return out, nil
}

// extraScanner scans the contact columns followed by extra columns.
type extraScanner struct {
	r     rowScanner
	extra []any
}

func (s extraScanner) Scan(dest ...any) error { return s.r.Scan(append(dest, s.extra...)...) }

func sortExported(es []ExportedContact) {
	slices.SortFunc(es, func(a, b ExportedContact) int {
		if c := strings.Compare(a.Contact.SortKey(), b.Contact.SortKey()); c != 0 {
			return c
		}
		return strings.Compare(a.Contact.ID, b.Contact.ID)
	})
}
