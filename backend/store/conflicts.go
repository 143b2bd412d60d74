package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"fieldbook/backend/crm"
)

type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

const conflictColumns = `id, contact_id, field, base, mine, theirs, created_at`

// conflictsOf returns the open conflicts of a contact, meeting or task by
// field.
func conflictsOf(ctx context.Context, q queryer, itemID string) (map[string]crm.Conflict, error) {
	rows, err := q.QueryContext(ctx, `SELECT * FROM (`+allConflictsSQL+`) WHERE item_id = ?`, itemID)
	if err != nil {
		return nil, fmt.Errorf("store: read conflicts of %s: %w", itemID, err)
	}
	defer rows.Close()
	var out map[string]crm.Conflict
	for rows.Next() {
		c, err := scanConflict(rows)
		if err != nil {
			return nil, fmt.Errorf("store: read conflict: %w", err)
		}
		if out == nil {
			out = map[string]crm.Conflict{}
		}
		out[c.Field] = c
	}
	return out, rows.Err()
}

// putConflict stores c, replacing an open conflict on the same field.
func putConflict(ctx context.Context, tx *sql.Tx, c crm.Conflict) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO conflicts (`+conflictColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (contact_id, field) DO UPDATE SET base = excluded.base, mine = excluded.mine,
		theirs = excluded.theirs, created_at = excluded.created_at`,
		c.ID, c.ItemID, c.Field, c.Base, c.Mine, c.Theirs, formatTime(c.CreatedAt))
	if err != nil {
		return fmt.Errorf("store: record conflict on %s of %s: %w", c.Field, c.ItemID, err)
	}
	return nil
}

// allConflictsSQL lists the conflicts of contacts, meetings and tasks in
// one form: id, entity, item, field, base, mine, theirs, created.
const allConflictsSQL = `SELECT id, 'contact' AS entity, contact_id AS item_id, field, base, mine, theirs, created_at FROM conflicts
	UNION ALL SELECT id, entity, item_id, field, base, mine, theirs, created_at FROM calendar_conflicts`

func scanConflict(r rowScanner) (crm.Conflict, error) {
	var c crm.Conflict
	var created string
	if err := r.Scan(&c.ID, &c.Entity, &c.ItemID, &c.Field, &c.Base, &c.Mine, &c.Theirs, &created); err != nil {
		return c, err
	}
	var err error
	c.CreatedAt, err = parseTime(created)
	return c, err
}

// Conflicts returns every open conflict (contacts, meetings and tasks),
// oldest first.
func (d *DB) Conflicts(ctx context.Context) ([]crm.Conflict, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT * FROM (`+allConflictsSQL+`) ORDER BY created_at, item_id, field`)
	if err != nil {
		return nil, fmt.Errorf("store: list conflicts: %w", err)
	}
	defer rows.Close()
	var out []crm.Conflict
	for rows.Next() {
		c, err := scanConflict(rows)
		if err != nil {
			return nil, fmt.Errorf("store: read conflict: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// Conflict returns one open conflict.
func (d *DB) Conflict(ctx context.Context, id string) (crm.Conflict, error) {
	c, err := scanConflict(d.db.QueryRowContext(ctx, `SELECT * FROM (`+allConflictsSQL+`) WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return c, crm.Errorf(crm.CodeNotFound, "conflict %s does not exist or was resolved", id)
	}
	if err != nil {
		return c, fmt.Errorf("store: read conflict %s: %w", id, err)
	}
	return c, nil
}

// CountConflicts returns how many conflicts wait for the user.
func (d *DB) CountConflicts(ctx context.Context) (int, error) {
	var n int
	if err := d.db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM conflicts) + (SELECT count(*) FROM calendar_conflicts)`).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: count conflicts: %w", err)
	}
	return n, nil
}

// putCalendarConflict stores c, replacing an open conflict on the same
// field of the same meeting or task.
func putCalendarConflict(ctx context.Context, tx *sql.Tx, c crm.Conflict) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO calendar_conflicts (id, entity, item_id, field, base, mine, theirs, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (item_id, field) DO UPDATE SET base = excluded.base, mine = excluded.mine,
		theirs = excluded.theirs, created_at = excluded.created_at`,
		c.ID, c.Entity, c.ItemID, c.Field, c.Base, c.Mine, c.Theirs, formatTime(c.CreatedAt))
	if err != nil {
		return fmt.Errorf("store: record conflict on %s of %s: %w", c.Field, c.ItemID, err)
	}
	return nil
}

// closeCalendarConflict deletes conflict id of item itemID inside tx.
func closeCalendarConflict(ctx context.Context, tx *sql.Tx, id, itemID string) error {
	res, err := tx.ExecContext(ctx, `DELETE FROM calendar_conflicts WHERE id = ? AND item_id = ?`, id, itemID)
	if err != nil {
		return fmt.Errorf("store: close conflict %s: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return crm.Errorf(crm.CodeNotFound, "conflict %s does not exist or was resolved", id)
	}
	return nil
}

// ResolveEventConflict closes a conflict on a meeting in one transaction:
// the meeting (at the version the decision was based on, with its instants
// computed by the caller) gets the chosen fields, and the change is
// journalled with the fields named in push, so it is uploaded.
func (d *DB) ResolveEventConflict(ctx context.Context, conflictID string, e crm.Event, push []string) error {
	return d.inTx(ctx, func(tx *sql.Tx) error {
		if err := closeCalendarConflict(ctx, tx, conflictID, e.ID); err != nil {
			return err
		}
		return updateEventTx(ctx, tx, e, push, true)
	})
}

// ResolveTaskConflict is ResolveEventConflict for a task.
func (d *DB) ResolveTaskConflict(ctx context.Context, conflictID string, t crm.Task, push []string) error {
	return d.inTx(ctx, func(tx *sql.Tx) error {
		if err := closeCalendarConflict(ctx, tx, conflictID, t.ID); err != nil {
			return err
		}
		return updateTaskTx(ctx, tx, t, push, true)
	})
}

// ResolveConflict closes a conflict in one transaction: the contact (at the
// version the decision was based on) gets fields, and the change is
// journalled with the fields named in push, so the chosen value is uploaded.
func (d *DB) ResolveConflict(ctx context.Context, conflictID string, c crm.Contact, push []string) error {
	return d.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM conflicts WHERE id = ? AND contact_id = ?`, conflictID, c.ID)
		if err != nil {
			return fmt.Errorf("store: close conflict %s: %w", conflictID, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return crm.Errorf(crm.CodeNotFound, "conflict %s does not exist or was resolved", conflictID)
		}
		return d.updateContactTx(ctx, tx, c, push)
	})
}

// OutboxEntries returns up to limit unsent changes, oldest first, with the
// name of the record they belong to.
func (d *DB) OutboxEntries(ctx context.Context, limit int) ([]crm.OutboxEntry, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT j.seq, j.entity, j.entity_id, j.op, j.fields, j.created_at,
		j.state, j.attempts, j.last_error, coalesce(c.display_name, e.title, t.title, '')
		FROM journal j INDEXED BY journal_by_state LEFT JOIN contacts c ON j.entity = 'contact' AND c.id = j.entity_id
		LEFT JOIN events e ON j.entity = 'event' AND e.id = j.entity_id
		LEFT JOIN tasks t ON j.entity = 'task' AND t.id = j.entity_id
		WHERE j.state IN ('pending', 'failed') ORDER BY j.seq LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("store: read outbox: %w", err)
	}
	defer rows.Close()
	var out []crm.OutboxEntry
	for rows.Next() {
		var e crm.OutboxEntry
		var fields, created string
		if err := rows.Scan(&e.Seq, &e.Entity, &e.EntityID, &e.Op, &fields, &created, &e.State, &e.Attempts, &e.LastError, &e.Title); err != nil {
			return nil, fmt.Errorf("store: read outbox row: %w", err)
		}
		if e.Fields, err = decodeStringList(fields); err != nil {
			return nil, fmt.Errorf("store: outbox row %d: %w", e.Seq, err)
		}
		if e.CreatedAt, err = parseTime(created); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}
