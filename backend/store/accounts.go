package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"fieldbook/backend/crm"
)

// CreateAccount stores a new account and its collections in one
// transaction. IDs are set by the caller. A name already in use is
// crm.CodeInvalidInput on the "name" field.
func (d *DB) CreateAccount(ctx context.Context, a crm.Account) error {
	return d.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO accounts (id, name, url, username, cert_pin, created_at)
			VALUES (?, ?, ?, ?, ?, ?)`, a.ID, a.Name, a.URL, a.Username, a.CertPin, formatTime(a.CreatedAt))
		if err != nil {
			if strings.Contains(err.Error(), "UNIQUE constraint failed: accounts.name") {
				return crm.FieldError(crm.CodeInvalidInput, "name", fmt.Sprintf("an account named %q exists already", a.Name))
			}
			return fmt.Errorf("store: create account %s: %w", a.Name, err)
		}
		for _, c := range a.Collections {
			c.AccountID = a.ID
			if err := insertCollection(ctx, tx, c); err != nil {
				return err
			}
		}
		return nil
	})
}

func insertCollection(ctx context.Context, tx *sql.Tx, c crm.Collection) error {
	kind := c.Kind
	if kind == "" {
		kind = crm.CollectionAddressBook
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO collections (id, account_id, href, name, enabled, is_default, kind, components, color)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, c.ID, c.AccountID, c.Href, c.Name, c.Enabled, c.Default && kind == crm.CollectionAddressBook,
		kind, strings.Join(c.Components, ","), c.Color)
	if err != nil {
		return fmt.Errorf("store: add collection %s: %w", c.Href, err)
	}
	return nil
}

// Accounts returns every account with its collections, by name.
func (d *DB) Accounts(ctx context.Context) ([]crm.Account, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT id, name, url, username, cert_pin, created_at, last_sync_at, last_error
		FROM accounts ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("store: list accounts: %w", err)
	}
	var out []crm.Account
	for rows.Next() {
		a, err := scanAccount(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, a)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: list accounts: %w", err)
	}
	for i := range out {
		if out[i].Collections, err = d.collections(ctx, out[i].ID); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Account returns one account with its collections.
func (d *DB) Account(ctx context.Context, id string) (crm.Account, error) {
	a, err := scanAccount(d.db.QueryRowContext(ctx, `SELECT id, name, url, username, cert_pin, created_at, last_sync_at, last_error
		FROM accounts WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return a, crm.Errorf(crm.CodeNotFound, "account %s does not exist", id)
	}
	if err != nil {
		return a, err
	}
	a.Collections, err = d.collections(ctx, id)
	return a, err
}

func scanAccount(r rowScanner) (crm.Account, error) {
	var a crm.Account
	var created string
	var last sql.NullString
	if err := r.Scan(&a.ID, &a.Name, &a.URL, &a.Username, &a.CertPin, &created, &last, &a.LastError); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return a, err
		}
		return a, fmt.Errorf("store: read account: %w", err)
	}
	var err error
	if a.CreatedAt, err = parseTime(created); err != nil {
		return a, err
	}
	if last.Valid {
		t, err := parseTime(last.String)
		if err != nil {
			return a, err
		}
		a.LastSyncAt = &t
	}
	return a, nil
}

func (d *DB) collections(ctx context.Context, accountID string) ([]crm.Collection, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT id, account_id, href, name, enabled, is_default, sync_token, ctag,
		kind, components, color FROM collections WHERE account_id = ? ORDER BY kind, name, href`, accountID)
	if err != nil {
		return nil, fmt.Errorf("store: list collections: %w", err)
	}
	defer rows.Close()
	var out []crm.Collection
	for rows.Next() {
		var c crm.Collection
		var comps string
		if err := rows.Scan(&c.ID, &c.AccountID, &c.Href, &c.Name, &c.Enabled, &c.Default, &c.SyncToken, &c.CTag,
			&c.Kind, &comps, &c.Color); err != nil {
			return nil, fmt.Errorf("store: read collection: %w", err)
		}
		if comps != "" {
			c.Components = strings.Split(comps, ",")
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// DeleteAccount removes an account and its collections. Contacts stay on
// this device: their links to the server are dropped, and their unsent
// changes with them.
func (d *DB) DeleteAccount(ctx context.Context, id string) error {
	return d.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM accounts WHERE id = ?`, id)
		if err != nil {
			return fmt.Errorf("store: delete account %s: %w", id, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return crm.Errorf(crm.CodeNotFound, "account %s does not exist", id)
		}
		return nil
	})
}

// SetCollectionEnabled turns syncing of one collection on or off; def makes
// an address book the collection new local contacts go to (clearing that
// mark elsewhere); it means nothing for a calendar.
func (d *DB) SetCollectionEnabled(ctx context.Context, id string, enabled, def bool) error {
	return d.inTx(ctx, func(tx *sql.Tx) error {
		var kind string
		err := tx.QueryRowContext(ctx, `SELECT kind FROM collections WHERE id = ?`, id).Scan(&kind)
		if errors.Is(err, sql.ErrNoRows) {
			return crm.Errorf(crm.CodeNotFound, "collection %s does not exist", id)
		}
		if err != nil {
			return fmt.Errorf("store: read collection %s: %w", id, err)
		}
		def = def && kind == crm.CollectionAddressBook
		if def {
			if _, err := tx.ExecContext(ctx, `UPDATE collections SET is_default = 0 WHERE is_default = 1`); err != nil {
				return fmt.Errorf("store: clear default collection: %w", err)
			}
		}
		res, err := tx.ExecContext(ctx, `UPDATE collections SET enabled = ?, is_default = ? WHERE id = ?`, enabled, def && enabled, id)
		if err != nil {
			return fmt.Errorf("store: update collection %s: %w", id, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return crm.Errorf(crm.CodeNotFound, "collection %s does not exist", id)
		}
		return nil
	})
}

// SaveCollectionState stores a collection's sync token and ctag after its
// changes were applied.
func (d *DB) SaveCollectionState(ctx context.Context, id, token, ctag string) error {
	_, err := d.db.ExecContext(ctx, `UPDATE collections SET sync_token = ?, ctag = ? WHERE id = ?`, token, ctag, id)
	if err != nil {
		return fmt.Errorf("store: save sync state of %s: %w", id, err)
	}
	return nil
}

// RecordSync stores the outcome of an account's sync: the error text for
// the user ("" for success) and, after a success, the time (so "last
// synced" always names a sync that worked).
func (d *DB) RecordSync(ctx context.Context, accountID, errText string) error {
	_, err := d.db.ExecContext(ctx, `UPDATE accounts SET last_error = ?1,
		last_sync_at = CASE WHEN ?1 = '' THEN ?2 ELSE last_sync_at END WHERE id = ?3`,
		errText, formatTime(d.clock.Now()), accountID)
	if err != nil {
		return fmt.Errorf("store: record sync of %s: %w", accountID, err)
	}
	return nil
}
