package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"fieldbook/backend/crm"
)

// CustomFields returns the live custom field definitions in their order.
func (d *DB) CustomFields(ctx context.Context) ([]crm.CustomField, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT id, name, kind, options, position FROM custom_fields
		WHERE deleted_at IS NULL ORDER BY position, created_at, id`)
	if err != nil {
		return nil, fmt.Errorf("store: list custom fields: %w", err)
	}
	defer rows.Close()
	out := []crm.CustomField{}
	for rows.Next() {
		var f crm.CustomField
		var kind, options string
		if err := rows.Scan(&f.ID, &f.Name, &kind, &options, &f.Position); err != nil {
			return nil, fmt.Errorf("store: read custom field: %w", err)
		}
		f.Kind = crm.CustomFieldKind(kind)
		if err := json.Unmarshal([]byte(options), &f.Options); err != nil {
			return nil, fmt.Errorf("store: custom field %s options: %w", f.ID, err)
		}
		out = append(out, f)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: read custom fields: %w", err)
	}
	return out, nil
}

// CreateCustomField adds a definition after the existing ones (its Position
// is ignored and set here); f.ID is set by the caller.
func (d *DB) CreateCustomField(ctx context.Context, f crm.CustomField) error {
	return d.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO custom_fields (id, name, kind, options, position, created_at)
			VALUES (?, ?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM custom_fields WHERE deleted_at IS NULL), ?)`,
			f.ID, f.Name, string(f.Kind), encodeStrings(f.Options), formatTime(d.clock.Now()))
		if err != nil {
			return fmt.Errorf("store: create custom field %q: %w", f.Name, err)
		}
		return nil
	})
}

// UpdateCustomField changes the name and options of a live definition (its
// kind never changes: stored values were checked against it).
func (d *DB) UpdateCustomField(ctx context.Context, f crm.CustomField) error {
	res, err := d.db.ExecContext(ctx, `UPDATE custom_fields SET name = ?, options = ? WHERE id = ? AND deleted_at IS NULL`,
		f.Name, encodeStrings(f.Options), f.ID)
	return oneRow(res, err, "update custom field", f.ID)
}

// DeleteCustomField tombstones a definition. Contacts keep their values; the
// app no longer shows them.
func (d *DB) DeleteCustomField(ctx context.Context, id string) error {
	res, err := d.db.ExecContext(ctx, `UPDATE custom_fields SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL`,
		formatTime(d.clock.Now()), id)
	return oneRow(res, err, "delete custom field", id)
}

// ReorderCustomFields numbers the live definitions in the order of ids,
// which must name each of them exactly once.
func (d *DB) ReorderCustomFields(ctx context.Context, ids []string) error {
	return d.inTx(ctx, func(tx *sql.Tx) error {
		var live int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM custom_fields WHERE deleted_at IS NULL`).Scan(&live); err != nil {
			return fmt.Errorf("store: count custom fields: %w", err)
		}
		seen := map[string]bool{}
		for _, id := range ids {
			seen[id] = true
		}
		if len(ids) != live || len(seen) != live {
			return crm.FieldError(crm.CodeInvalidInput, "ids", fmt.Sprintf("the new order must name each of the %d custom fields once", live))
		}
		for i, id := range ids {
			res, err := tx.ExecContext(ctx, `UPDATE custom_fields SET position = ? WHERE id = ? AND deleted_at IS NULL`, i+1, id)
			if err := oneRow(res, err, "reorder custom field", id); err != nil {
				return err
			}
		}
		return nil
	})
}

// oneRow turns the result of a write that must touch one live row into an
// error: crm.CodeNotFound when it touched none.
func oneRow(res sql.Result, err error, what, id string) error {
	if err != nil {
		return fmt.Errorf("store: %s %s: %w", what, id, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("store: %s %s: %w", what, id, err)
	}
	if n == 0 {
		return crm.Errorf(crm.CodeNotFound, "custom field %s does not exist", id)
	}
	return nil
}
