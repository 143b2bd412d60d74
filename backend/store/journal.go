package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"fieldbook/backend/crm"
)

const journalInsertSQL = `INSERT INTO journal (entity, entity_id, op, fields, created_at) VALUES (?, ?, ?, ?, ?)`

// insertJournal records one local change in the outbox, inside tx.
func insertJournal(ctx context.Context, tx *sql.Tx, entity, id, op string, fields []string, at time.Time) error {
	if _, err := tx.ExecContext(ctx, journalInsertSQL, entity, id, op, encodeStrings(fields), formatTime(at)); err != nil {
		return fmt.Errorf("store: journal %s %s %s: %w", op, entity, id, err)
	}
	return nil
}

// PendingChanges counts journal rows not yet sent.
func (d *DB) PendingChanges(ctx context.Context) (int, error) {
	var n int
	if err := d.db.QueryRowContext(ctx, `SELECT count(*) FROM journal WHERE state <> 'sent'`).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: count pending changes: %w", err)
	}
	return n, nil
}

// JournalFor returns the journal rows of one record, oldest first.
func (d *DB) JournalFor(ctx context.Context, entity, id string) ([]crm.JournalEntry, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT seq, entity, entity_id, op, fields, created_at
		FROM journal WHERE entity = ? AND entity_id = ? ORDER BY seq`, entity, id)
	if err != nil {
		return nil, fmt.Errorf("store: read journal of %s %s: %w", entity, id, err)
	}
	defer rows.Close()
	var out []crm.JournalEntry
	for rows.Next() {
		var e crm.JournalEntry
		var fields, created string
		if err := rows.Scan(&e.Seq, &e.Entity, &e.EntityID, &e.Op, &fields, &created); err != nil {
			return nil, fmt.Errorf("store: read journal row: %w", err)
		}
		if err := json.Unmarshal([]byte(fields), &e.Fields); err != nil {
			return nil, fmt.Errorf("store: journal row %d fields: %w", e.Seq, err)
		}
		if e.CreatedAt, err = parseTime(created); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: read journal rows: %w", err)
	}
	return out, nil
}
