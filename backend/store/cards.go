package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"fieldbook/backend/crm"
)

// SetContactCard keeps card as the vCard contact id was imported from: the
// carrier of the properties Fieldbook does not model, patched on export and
// on the contact's first upload. It is not a user edit and journals nothing.
func (d *DB) SetContactCard(ctx context.Context, id string, card []byte) error {
	res, err := d.db.ExecContext(ctx, `UPDATE contacts SET card = ? WHERE id = ?`, card, id)
	if err != nil {
		return fmt.Errorf("store: keep imported card of %s: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return crm.Errorf(crm.CodeNotFound, "contact %s does not exist", id)
	}
	return nil
}

// ContactCard returns the vCard contact id was imported from, or nil.
func (d *DB) ContactCard(ctx context.Context, id string) ([]byte, error) {
	var card []byte
	err := d.db.QueryRowContext(ctx, `SELECT card FROM contacts WHERE id = ?`, id).Scan(&card)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, crm.Errorf(crm.CodeNotFound, "contact %s does not exist", id)
	}
	if err != nil {
		return nil, fmt.Errorf("store: read imported card of %s: %w", id, err)
	}
	return card, nil
}
