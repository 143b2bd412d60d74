package store

import (
	"context"
	"database/sql"
	"fmt"

	"fieldbook/backend/crm"
)

// ExportedEvent is a live meeting with the iCalendar object it was
// imported from (nil for a meeting made in Fieldbook).
type ExportedEvent struct {
	Event crm.Event
	Card  []byte
}

// ExportedTask is a live task with the iCalendar object it was imported
// from (nil for a task made in Fieldbook).
type ExportedTask struct {
	Task crm.Task
	Card []byte
}

// ExportEvents calls fn for each live meeting, in start order, with its
// object bytes. The meetings are read a page at a time, so fn may use the
// database; an error from fn stops the walk and is returned.
func (d *DB) ExportEvents(ctx context.Context, fn func(ExportedEvent) error) error {
	start, id := "", ""
	for {
		var page []ExportedEvent
		err := d.readPage(ctx, `SELECT `+eventColumns+`, e.card FROM events e INDEXED BY events_live_by_start
			WHERE e.deleted_at IS NULL AND (e.start_utc, e.id) > (?, ?) ORDER BY e.start_utc, e.id LIMIT ?`,
			[]any{start, id, exportPage}, func(rows *sql.Rows) error {
				var ex ExportedEvent
				e, err := scanEvent(cardScanner{rows, &ex.Card})
				if err != nil {
					return err
				}
				ex.Event = e
				page = append(page, ex)
				return nil
			})
		if err != nil {
			return fmt.Errorf("store: export meetings: %w", err)
		}
		for _, ex := range page {
			if err := fn(ex); err != nil {
				return err
			}
		}
		if len(page) < exportPage {
			return nil
		}
		last := page[len(page)-1].Event
		start, id = formatTime(last.StartUTC), last.ID
	}
}

// ExportTasks calls fn for each live task, in creation order (ids are time
// ordered), with its object bytes, as ExportEvents does.
func (d *DB) ExportTasks(ctx context.Context, fn func(ExportedTask) error) error {
	id := ""
	for {
		var page []ExportedTask
		err := d.readPage(ctx, `SELECT `+taskColumns+`, t.card FROM tasks t
			WHERE t.deleted_at IS NULL AND t.id > ? ORDER BY t.id LIMIT ?`,
			[]any{id, exportPage}, func(rows *sql.Rows) error {
				var ex ExportedTask
				t, err := scanTask(cardScanner{rows, &ex.Card})
				if err != nil {
					return err
				}
				ex.Task = t
				page = append(page, ex)
				return nil
			})
		if err != nil {
			return fmt.Errorf("store: export tasks: %w", err)
		}
		for _, ex := range page {
			if err := fn(ex); err != nil {
				return err
			}
		}
		if len(page) < exportPage {
			return nil
		}
		id = page[len(page)-1].Task.ID
	}
}

// readPage runs a query and calls each for every row, closing the rows
// before it returns.
func (d *DB) readPage(ctx context.Context, query string, args []any, each func(*sql.Rows) error) error {
	rows, err := d.db.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := each(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// cardScanner scans a row whose last column is an object's bytes after the
// columns the wrapped scan function expects.
type cardScanner struct {
	rows *sql.Rows
	card *[]byte
}

// Scan implements rowScanner.
func (c cardScanner) Scan(dest ...any) error {
	return c.rows.Scan(append(dest, c.card)...)
}
