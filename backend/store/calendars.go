package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"fieldbook/backend/crm"
)

// calendarColumns selects a whole calendar from the table aliased k.
const calendarColumns = `k.id, k.name, k.color, k.collection_id, k.is_default, k.created_at`

func scanCalendar(r rowScanner) (crm.Calendar, error) {
	var (
		c          crm.Calendar
		collection sql.NullString
		created    string
	)
	if err := r.Scan(&c.ID, &c.Name, &c.Color, &collection, &c.Default, &created); err != nil {
		return c, err
	}
	c.CollectionID = collection.String
	var err error
	c.CreatedAt, err = parseTime(created)
	return c, err
}

func nullIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// Calendars returns the live calendars, the default first, then by name.
func (d *DB) Calendars(ctx context.Context) ([]crm.Calendar, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT `+calendarColumns+` FROM calendars k
		WHERE k.deleted_at IS NULL ORDER BY k.is_default DESC, k.name, k.id`)
	if err != nil {
		return nil, fmt.Errorf("store: list calendars: %w", err)
	}
	defer rows.Close()
	var out []crm.Calendar
	for rows.Next() {
		c, err := scanCalendar(rows)
		if err != nil {
			return nil, fmt.Errorf("store: read calendar row: %w", err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: read calendar rows: %w", err)
	}
	return out, nil
}

// Calendar returns one live calendar; a missing or deleted one gives
// crm.CodeNotFound.
func (d *DB) Calendar(ctx context.Context, id string) (crm.Calendar, error) {
	return readCalendar(ctx, d.db, id)
}

func readCalendar(ctx context.Context, q queryRower, id string) (crm.Calendar, error) {
	c, err := scanCalendar(q.QueryRowContext(ctx, `SELECT `+calendarColumns+` FROM calendars k
		WHERE k.id = ? AND k.deleted_at IS NULL`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return c, crm.Errorf(crm.CodeNotFound, "calendar %s does not exist", id)
	}
	if err != nil {
		return c, fmt.Errorf("store: read calendar %s: %w", id, err)
	}
	return c, nil
}

// CalendarAccountNames maps the id of each live calendar that syncs with a
// server collection to the name of the collection's account.
func (d *DB) CalendarAccountNames(ctx context.Context) (map[string]string, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT k.id, a.name FROM calendars k
		JOIN collections c ON c.id = k.collection_id JOIN accounts a ON a.id = c.account_id
		WHERE k.deleted_at IS NULL`)
	if err != nil {
		return nil, fmt.Errorf("store: calendar accounts: %w", err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var id, name string
		if err := rows.Scan(&id, &name); err != nil {
			return nil, fmt.Errorf("store: read calendar account: %w", err)
		}
		out[id] = name
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: read calendar accounts: %w", err)
	}
	return out, nil
}

// CreateCalendar inserts a new calendar (ID and CreatedAt set by the
// caller). When c.Default is set it becomes the only default.
func (d *DB) CreateCalendar(ctx context.Context, c crm.Calendar) error {
	return d.inTx(ctx, func(tx *sql.Tx) error {
		if c.Default {
			if err := clearDefaultCalendar(ctx, tx); err != nil {
				return err
			}
		}
		at := formatTime(c.CreatedAt)
		_, err := tx.ExecContext(ctx, `INSERT INTO calendars (id, name, color, collection_id, is_default, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, c.ID, c.Name, c.Color, nullIfEmpty(c.CollectionID), c.Default, at, at)
		if err != nil {
			return fmt.Errorf("store: insert calendar %s: %w", c.ID, err)
		}
		return nil
	})
}

func clearDefaultCalendar(ctx context.Context, tx *sql.Tx) error {
	if _, err := tx.ExecContext(ctx, `UPDATE calendars SET is_default = 0 WHERE is_default = 1`); err != nil {
		return fmt.Errorf("store: clear default calendar: %w", err)
	}
	return nil
}

// UpdateCalendar replaces the name, colour, collection and default flag of
// a live calendar. Setting Default moves the default here; clearing it on
// the default calendar is ignored (there is always one while any exists).
func (d *DB) UpdateCalendar(ctx context.Context, c crm.Calendar) error {
	return d.inTx(ctx, func(tx *sql.Tx) error {
		cur, err := readCalendar(ctx, tx, c.ID)
		if err != nil {
			return err
		}
		def := c.Default || cur.Default
		if def && !cur.Default {
			if err := clearDefaultCalendar(ctx, tx); err != nil {
				return err
			}
		}
		_, err = tx.ExecContext(ctx, `UPDATE calendars SET name = ?, color = ?, collection_id = ?, is_default = ?,
			version = version + 1, updated_at = ? WHERE id = ?`,
			c.Name, c.Color, nullIfEmpty(c.CollectionID), def, formatTime(d.clock.Now()), c.ID)
		if err != nil {
			return fmt.Errorf("store: update calendar %s: %w", c.ID, err)
		}
		return nil
	})
}

// DeleteCalendar tombstones a live calendar that holds no live meetings or
// tasks (crm.CodeCalendarNotEmpty otherwise). If it was the default, the
// oldest remaining calendar becomes the default.
func (d *DB) DeleteCalendar(ctx context.Context, id string) error {
	return d.inTx(ctx, func(tx *sql.Tx) error {
		cur, err := readCalendar(ctx, tx, id)
		if err != nil {
			return err
		}
		var events, tasks int
		if err := tx.QueryRowContext(ctx, `SELECT
			(SELECT count(*) FROM events WHERE calendar_id = ?1 AND deleted_at IS NULL),
			(SELECT count(*) FROM tasks WHERE calendar_id = ?1 AND deleted_at IS NULL)`, id).Scan(&events, &tasks); err != nil {
			return fmt.Errorf("store: count items of calendar %s: %w", id, err)
		}
		if events+tasks > 0 {
			return crm.Errorf(crm.CodeCalendarNotEmpty, "%s still holds %d meetings and %d tasks; move or delete them first",
				cur.Name, events, tasks)
		}
		now := formatTime(d.clock.Now())
		if _, err := tx.ExecContext(ctx, `UPDATE calendars SET deleted_at = ?, updated_at = ?, is_default = 0,
			version = version + 1 WHERE id = ?`, now, now, id); err != nil {
			return fmt.Errorf("store: delete calendar %s: %w", id, err)
		}
		if cur.Default {
			if _, err := tx.ExecContext(ctx, `UPDATE calendars SET is_default = 1 WHERE id =
				(SELECT id FROM calendars WHERE deleted_at IS NULL ORDER BY created_at, id LIMIT 1)`); err != nil {
				return fmt.Errorf("store: pick a new default calendar: %w", err)
			}
		}
		return nil
	})
}

// EnsureDefaultCalendar returns the default calendar, making the oldest
// live calendar the default when none is, or creating one called name with
// color when there is no calendar at all.
func (d *DB) EnsureDefaultCalendar(ctx context.Context, name, color string) (crm.Calendar, error) {
	var out crm.Calendar
	err := d.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = ensureDefaultCalendarTx(ctx, tx, d.clock, name, color)
		return err
	})
	return out, err
}

// ensureDefaultCalendarTx is EnsureDefaultCalendar inside tx.
func ensureDefaultCalendarTx(ctx context.Context, tx *sql.Tx, clock crm.Clock, name, color string) (crm.Calendar, error) {
	c, err := scanCalendar(tx.QueryRowContext(ctx, `SELECT `+calendarColumns+` FROM calendars k
		WHERE k.deleted_at IS NULL ORDER BY k.is_default DESC, k.created_at, k.id LIMIT 1`))
	switch {
	case errors.Is(err, sql.ErrNoRows):
		now := clock.Now()
		c = crm.Calendar{ID: crm.NewID(now), Name: name, Color: color, Default: true, CreatedAt: now.UTC().Truncate(1e6)}
		at := formatTime(now)
		if _, err := tx.ExecContext(ctx, `INSERT INTO calendars (id, name, color, is_default, created_at, updated_at)
			VALUES (?, ?, ?, 1, ?, ?)`, c.ID, c.Name, c.Color, at, at); err != nil {
			return c, fmt.Errorf("store: create default calendar: %w", err)
		}
		return c, nil
	case err != nil:
		return c, fmt.Errorf("store: find default calendar: %w", err)
	case !c.Default:
		if _, err := tx.ExecContext(ctx, `UPDATE calendars SET is_default = 1 WHERE id = ?`, c.ID); err != nil {
			return c, fmt.Errorf("store: make %s the default calendar: %w", c.ID, err)
		}
		c.Default = true
	}
	return c, nil
}
