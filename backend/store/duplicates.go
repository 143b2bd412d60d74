package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"fieldbook/backend/crm"
)

// EachMatchRecord calls fn with the matching data of every live contact:
// its id and, of its fields, the names, nickname, company, e-mails and
// phones (the rest is left empty). One read of the table, streamed.
func (d *DB) EachMatchRecord(ctx context.Context, fn func(id string, f crm.ContactFields) error) error {
	rows, err := d.db.QueryContext(ctx, `SELECT id, given_name, family_name, nickname, company, emails, phones
		FROM contacts WHERE deleted_at IS NULL`)
	if err != nil {
		return fmt.Errorf("store: read contacts for duplicates: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, emails, phones string
		var f crm.ContactFields
		if err := rows.Scan(&id, &f.GivenName, &f.FamilyName, &f.Nickname, &f.Company, &emails, &phones); err != nil {
			return fmt.Errorf("store: read contact for duplicates: %w", err)
		}
		if emails != "[]" {
			if f.Emails, err = decodeLabeled(emails); err != nil {
				return fmt.Errorf("store: contact %s e-mails: %w", id, err)
			}
		}
		if phones != "[]" {
			if f.Phones, err = decodeLabeled(phones); err != nil {
				return fmt.Errorf("store: contact %s phones: %w", id, err)
			}
		}
		if err := fn(id, f); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: read contacts for duplicates: %w", err)
	}
	return nil
}

// DismissDuplicate records that contacts a and b are not the same person.
func (d *DB) DismissDuplicate(ctx context.Context, a, b string) error {
	if a == b {
		return crm.Errorf(crm.CodeInvalidInput, "a contact cannot be its own duplicate")
	}
	if b < a {
		a, b = b, a
	}
	_, err := d.db.ExecContext(ctx, `INSERT INTO duplicate_dismissals (contact_a, contact_b, created_at) VALUES (?, ?, ?)
		ON CONFLICT DO NOTHING`, a, b, formatTime(d.clock.Now()))
	if err != nil {
		return fmt.Errorf("store: dismiss duplicate %s %s: %w", a, b, err)
	}
	return nil
}

// DismissedDuplicates returns every pair the user said are not duplicates,
// the smaller id first.
func (d *DB) DismissedDuplicates(ctx context.Context) (map[[2]string]bool, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT contact_a, contact_b FROM duplicate_dismissals`)
	if err != nil {
		return nil, fmt.Errorf("store: read dismissed duplicates: %w", err)
	}
	defer rows.Close()
	out := map[[2]string]bool{}
	for rows.Next() {
		var k [2]string
		if err := rows.Scan(&k[0], &k[1]); err != nil {
			return nil, fmt.Errorf("store: read dismissed duplicate: %w", err)
		}
		out[k] = true
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: read dismissed duplicates: %w", err)
	}
	return out, nil
}

// journalFieldNames are the names the journal gives contactFieldColumns,
// in the same order (the names contacts.ChangedFields uses).
var journalFieldNames = []string{
	"prefix", "givenName", "middleName", "familyName", "suffix", "nickname",
	"company", "department", "title", "notes", "profile",
	"emails", "phones", "urls", "addresses", "birthday", "anniversary", "tags", "custom",
}

// changedColumns names the fields whose stored form differs between a and b.
func changedColumns(a, b crm.ContactFields) []string {
	va, vb := contactFieldValues(a), contactFieldValues(b)
	var out []string
	for i := range va {
		if va[i] != vb[i] {
			out = append(out, journalFieldNames[i])
		}
	}
	return out
}

// snapshot is the stored form of a contact in the merge log.
type snapshot struct {
	ID        string
	Version   int
	Fields    crm.ContactFields
	CreatedAt time.Time
	UpdatedAt time.Time
}

func toSnapshot(c crm.Contact) string {
	b, _ := json.Marshal(snapshot{ID: c.ID, Version: c.Version, Fields: c.ContactFields, CreatedAt: c.CreatedAt, UpdatedAt: c.UpdatedAt}) // plain data always marshals
	return string(b)
}

func fromSnapshot(s string) (crm.Contact, error) {
	var sn snapshot
	if err := json.Unmarshal([]byte(s), &sn); err != nil {
		return crm.Contact{}, err
	}
	return crm.Contact{ID: sn.ID, Version: sn.Version, ContactFields: sn.Fields, CreatedAt: sn.CreatedAt, UpdatedAt: sn.UpdatedAt}, nil
}

// MergeContacts merges contact other into keep in one transaction: keep
// takes the fields of merged (a new version, journalled as an update of the
// fields that changed), other is tombstoned (journalled as a delete, so its
// server copy is deleted by the next sync), other's photo moves to keep when
// keep has none, and the merge is logged with both contacts as they were, so
// UndoMerge can restore them. keep and other are the contacts as the caller
// read them; if either changed since, nothing is written and the error is
// crm.CodeVersionConflict (crm.CodeNotFound when one was deleted).
func (d *DB) MergeContacts(ctx context.Context, keep, other crm.Contact, merged crm.ContactFields) (crm.Merge, error) {
	if keep.ID == other.ID {
		return crm.Merge{}, crm.Errorf(crm.CodeInvalidInput, "a contact cannot be merged with itself")
	}
	now := d.clock.Now()
	m := crm.Merge{ID: crm.NewID(now), KeepBefore: keep, OtherBefore: other, KeepVersion: keep.Version + 1, CreatedAt: now}
	err := d.inTx(ctx, func(tx *sql.Tx) error {
		next := crm.Contact{ID: keep.ID, ContactFields: merged, Version: keep.Version + 1, CreatedAt: keep.CreatedAt, UpdatedAt: now}
		if err := d.updateContactTx(ctx, tx, next, changedColumns(keep.ContactFields, merged)); err != nil {
			return err
		}
		if err := d.tombstoneAt(ctx, tx, other.ID, other.Version, now); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE contact_photos SET contact_id = ?1, updated_at = ?3
			WHERE contact_id = ?2 AND NOT EXISTS (SELECT 1 FROM contact_photos WHERE contact_id = ?1)`,
			keep.ID, other.ID, formatTime(now))
		if err != nil {
			return fmt.Errorf("store: move photo of %s to %s: %w", other.ID, keep.ID, err)
		}
		if n, _ := res.RowsAffected(); n > 0 {
			m.PhotoMoved = true
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO merges (id, keep_id, other_id, keep_before, other_before, keep_version, photo_moved, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, m.ID, keep.ID, other.ID, toSnapshot(keep), toSnapshot(other), m.KeepVersion, m.PhotoMoved, formatTime(now))
		if err != nil {
			return fmt.Errorf("store: log merge of %s into %s: %w", other.ID, keep.ID, err)
		}
		return nil
	})
	if err != nil {
		return crm.Merge{}, err
	}
	return m, nil
}

// tombstoneAt deletes live contact id if it is at version, inside tx: the
// tombstone, the search index row and the journal's delete.
func (d *DB) tombstoneAt(ctx context.Context, tx *sql.Tx, id string, version int, now time.Time) error {
	var rowid int64
	err := tx.QueryRowContext(ctx, `UPDATE contacts SET deleted_at = ?1, version = version + 1, updated_at = ?1
		WHERE id = ?2 AND version = ?3 AND deleted_at IS NULL RETURNING rowid`, formatTime(now), id, version).Scan(&rowid)
	if errors.Is(err, sql.ErrNoRows) {
		return d.whyNotWritable(ctx, tx, id, version)
	}
	if err != nil {
		return fmt.Errorf("store: delete contact %s: %w", id, err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM contacts_fts WHERE rowid = ?`, rowid); err != nil {
		return fmt.Errorf("store: unindex contact %s: %w", id, err)
	}
	return insertJournal(ctx, tx, crm.EntityContact, id, crm.OpDelete, nil, now)
}

// UndoMerge undoes merge id in one transaction: the survivor gets its
// fields from before the merge back (as a new version, journalled as an
// update), the merged-away contact is restored (journalled as a restore, so
// the next sync uploads it again), a moved photo goes back, and the merge is
// marked undone. If the survivor was edited since the merge the undo is
// refused with crm.CodeMergeChanged, unless keepEdits: then the survivor is
// left as it is and only the other contact is restored. Returns both
// contacts as they are after the undo.
func (d *DB) UndoMerge(ctx context.Context, id string, keepEdits bool) (keep, other crm.Contact, err error) {
	err = d.inTx(ctx, func(tx *sql.Tx) error {
		m, err := d.readMerge(ctx, tx, id)
		if err != nil {
			return err
		}
		if m.UndoneAt != nil {
			return crm.Errorf(crm.CodeMergeUndone, "this merge was undone already")
		}
		now := d.clock.Now()
		cur, err := scanContact(tx.QueryRowContext(ctx, `SELECT `+contactColumns+` FROM contacts c WHERE c.id = ?`, m.KeepBefore.ID))
		if err != nil {
			return fmt.Errorf("store: read contact %s: %w", m.KeepBefore.ID, err)
		}
		edited := cur.DeletedAt != nil || cur.Version != m.KeepVersion
		if edited && !keepEdits {
			return crm.Errorf(crm.CodeMergeChanged, "%s was changed after the merge (version %d, the merge left version %d); undoing the merge would lose that change",
				cur.DisplayName(), cur.Version, m.KeepVersion)
		}
		keep = cur
		if !edited {
			keep = crm.Contact{ID: cur.ID, ContactFields: m.KeepBefore.ContactFields, Version: cur.Version + 1, CreatedAt: cur.CreatedAt, UpdatedAt: now}
			if err := d.updateContactTx(ctx, tx, keep, changedColumns(cur.ContactFields, keep.ContactFields)); err != nil {
				return err
			}
		}
		var rowid int64
		err = tx.QueryRowContext(ctx, `UPDATE contacts SET deleted_at = NULL, version = version + 1, updated_at = ?
			WHERE id = ? AND deleted_at IS NOT NULL RETURNING rowid`, formatTime(now), m.OtherBefore.ID).Scan(&rowid)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			// Restored already (by hand, or a server edit brought it back).
		case err != nil:
			return fmt.Errorf("store: restore contact %s: %w", m.OtherBefore.ID, err)
		}
		restored := err == nil
		if other, err = scanContact(tx.QueryRowContext(ctx, `SELECT `+contactColumns+` FROM contacts c WHERE c.id = ?`, m.OtherBefore.ID)); err != nil {
			return fmt.Errorf("store: read contact %s: %w", m.OtherBefore.ID, err)
		}
		if restored {
			if _, err := tx.ExecContext(ctx, ftsInsertSQL, ftsArgs(rowid, other.ContactFields)...); err != nil {
				return fmt.Errorf("store: index contact %s: %w", other.ID, err)
			}
			if err := insertJournal(ctx, tx, crm.EntityContact, other.ID, crm.OpRestore, nil, now); err != nil {
				return err
			}
		}
		if m.PhotoMoved {
			if _, err := tx.ExecContext(ctx, `UPDATE contact_photos SET contact_id = ?2, updated_at = ?3
				WHERE contact_id = ?1 AND NOT EXISTS (SELECT 1 FROM contact_photos WHERE contact_id = ?2)`,
				m.KeepBefore.ID, m.OtherBefore.ID, formatTime(now)); err != nil {
				return fmt.Errorf("store: move photo back to %s: %w", m.OtherBefore.ID, err)
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE merges SET undone_at = ? WHERE id = ?`, formatTime(now), id); err != nil {
			return fmt.Errorf("store: mark merge %s undone: %w", id, err)
		}
		return nil
	})
	return keep, other, err
}

const mergeColumns = `id, keep_before, other_before, keep_version, photo_moved, created_at, undone_at`

func scanMerge(r rowScanner) (crm.Merge, error) {
	var m crm.Merge
	var keep, other, created string
	var undone sql.NullString
	if err := r.Scan(&m.ID, &keep, &other, &m.KeepVersion, &m.PhotoMoved, &created, &undone); err != nil {
		return m, err
	}
	var err error
	if m.KeepBefore, err = fromSnapshot(keep); err != nil {
		return m, fmt.Errorf("store: merge %s: survivor snapshot: %w", m.ID, err)
	}
	if m.OtherBefore, err = fromSnapshot(other); err != nil {
		return m, fmt.Errorf("store: merge %s: merged contact snapshot: %w", m.ID, err)
	}
	if m.CreatedAt, err = parseTime(created); err != nil {
		return m, err
	}
	if undone.Valid {
		t, err := parseTime(undone.String)
		if err != nil {
			return m, err
		}
		m.UndoneAt = &t
	}
	return m, nil
}

func (d *DB) readMerge(ctx context.Context, q queryRower, id string) (crm.Merge, error) {
	m, err := scanMerge(q.QueryRowContext(ctx, `SELECT `+mergeColumns+` FROM merges WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return m, crm.Errorf(crm.CodeNotFound, "merge %s does not exist", id)
	}
	if err != nil {
		return m, fmt.Errorf("store: read merge %s: %w", id, err)
	}
	return m, nil
}

// GetMerge returns one merge from the log.
func (d *DB) GetMerge(ctx context.Context, id string) (crm.Merge, error) {
	return d.readMerge(ctx, d.db, id)
}

// RecentMerges returns the latest merges, newest first, undone ones too.
func (d *DB) RecentMerges(ctx context.Context, limit int) ([]crm.Merge, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT `+mergeColumns+` FROM merges ORDER BY created_at DESC, id DESC LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("store: read recent merges: %w", err)
	}
	defer rows.Close()
	var out []crm.Merge
	for rows.Next() {
		m, err := scanMerge(rows)
		if err != nil {
			return nil, fmt.Errorf("store: read merge row: %w", err)
		}
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: read recent merges: %w", err)
	}
	return out, nil
}

// ContactsFingerprint changes whenever any contact is created, changed,
// deleted or restored (every write raises a version), so a result computed
// from all contacts can be reused while it stays the same.
func (d *DB) ContactsFingerprint(ctx context.Context) (string, error) {
	var n, versions int64
	var latest sql.NullString
	err := d.db.QueryRowContext(ctx, `SELECT count(*), ifnull(sum(version), 0), max(updated_at) FROM contacts`).
		Scan(&n, &versions, &latest)
	if err != nil {
		return "", fmt.Errorf("store: contacts fingerprint: %w", err)
	}
	return fmt.Sprintf("%d:%d:%s", n, versions, latest.String), nil
}
