package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"fieldbook/backend/crm"
)

// ContactPhoto returns the photo of contact id; ok is false when it has none.
func (d *DB) ContactPhoto(ctx context.Context, id string) (p crm.Photo, ok bool, err error) {
	err = d.db.QueryRowContext(ctx, `SELECT media_type, data FROM contact_photos WHERE contact_id = ?`, id).Scan(&p.MediaType, &p.Data)
	if errors.Is(err, sql.ErrNoRows) {
		return p, false, nil
	}
	if err != nil {
		return p, false, fmt.Errorf("store: photo of contact %s: %w", id, err)
	}
	return p, true, nil
}

// SetContactPhoto stores (or replaces) the photo of live contact id and
// journals an update of its "photo" field.
func (d *DB) SetContactPhoto(ctx context.Context, id string, p crm.Photo) error {
	return d.inTx(ctx, func(tx *sql.Tx) error {
		if err := liveContact(ctx, tx, id); err != nil {
			return err
		}
		now := d.clock.Now()
		_, err := tx.ExecContext(ctx, `INSERT INTO contact_photos (contact_id, media_type, data, updated_at) VALUES (?, ?, ?, ?)
			ON CONFLICT (contact_id) DO UPDATE SET media_type = excluded.media_type, data = excluded.data, updated_at = excluded.updated_at`,
			id, p.MediaType, p.Data, formatTime(now))
		if err != nil {
			return fmt.Errorf("store: set photo of contact %s: %w", id, err)
		}
		return insertJournal(ctx, tx, crm.EntityContact, id, crm.OpUpdate, []string{"photo"}, now)
	})
}

// DeleteContactPhoto removes the photo of live contact id, journalling an
// update of "photo" when there was one.
func (d *DB) DeleteContactPhoto(ctx context.Context, id string) error {
	return d.inTx(ctx, func(tx *sql.Tx) error {
		if err := liveContact(ctx, tx, id); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM contact_photos WHERE contact_id = ?`, id)
		if err != nil {
			return fmt.Errorf("store: remove photo of contact %s: %w", id, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return nil
		}
		return insertJournal(ctx, tx, crm.EntityContact, id, crm.OpUpdate, []string{"photo"}, d.clock.Now())
	})
}

// liveContact checks that contact id exists and is not deleted.
func liveContact(ctx context.Context, tx *sql.Tx, id string) error {
	var deleted sql.NullString
	err := tx.QueryRowContext(ctx, `SELECT deleted_at FROM contacts WHERE id = ?`, id).Scan(&deleted)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return crm.Errorf(crm.CodeNotFound, "contact %s does not exist", id)
	case err != nil:
		return fmt.Errorf("store: read contact %s: %w", id, err)
	case deleted.Valid:
		return crm.Errorf(crm.CodeNotFound, "contact %s was deleted", id)
	}
	return nil
}
