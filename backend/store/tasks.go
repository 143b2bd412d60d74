package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"fieldbook/backend/crm"
)

// taskColumnList are the columns of a task written by insert and update
// (all but id, version and the timestamps), in the order of taskValues and
// scanTask.
var taskColumnList = []string{
	"calendar_id", "title", "notes", "due", "start_local", "time_zone", "priority", "status",
	"percent_complete", "completed_at", "rrule", "reminders", "categories",
	"contact_id", "company_id", "deal_id",
	"uid", "zones", "original_tzid", "due_utc",
}

// taskColumns selects a whole task from the table aliased t.
var taskColumns = "t.id, t.version, t." + strings.Join(taskColumnList, ", t.") +
	", t.created_at, t.updated_at, t.deleted_at"

func taskValues(t crm.Task) []any {
	var due any
	if t.DueUTC != nil {
		due = formatTime(*t.DueUTC)
	}
	return []any{
		t.CalendarID, t.Title, t.Notes, t.Due, t.Start, t.TimeZone, t.Priority, t.Status,
		t.PercentComplete, t.CompletedAt, t.RRule, encodeJSON(toRemindersJSON(t.Reminders)), encodeJSON(t.Categories),
		t.ContactID, t.CompanyID, t.DealID,
		t.UID, t.Zones, t.OriginalTZID, due,
	}
}

func scanTask(r rowScanner) (crm.Task, error) {
	var (
		t                     crm.Task
		reminders, categories string
		due                   sql.NullString
		times                 recordTimes
	)
	err := r.Scan(&t.ID, &t.Version,
		&t.CalendarID, &t.Title, &t.Notes, &t.Due, &t.Start, &t.TimeZone, &t.Priority, &t.Status,
		&t.PercentComplete, &t.CompletedAt, &t.RRule, &reminders, &categories,
		&t.ContactID, &t.CompanyID, &t.DealID,
		&t.UID, &t.Zones, &t.OriginalTZID, &due,
		&times.created, &times.updated, &times.deleted)
	if err != nil {
		return t, err
	}
	var rs []reminderJSON
	if err := decodeJSON(reminders, &rs); err != nil {
		return t, fmt.Errorf("store: task %s reminders: %w", t.ID, err)
	}
	t.Reminders = fromRemindersJSON(rs)
	if err := decodeJSON(categories, &t.Categories); err != nil {
		return t, fmt.Errorf("store: task %s categories: %w", t.ID, err)
	}
	t.Categories = emptyToNil(t.Categories)
	if due.Valid {
		d, err := parseTime(due.String)
		if err != nil {
			return t, err
		}
		t.DueUTC = &d
	}
	t.CreatedAt, t.UpdatedAt, t.DeletedAt, err = times.parse()
	return t, err
}

func collectTasks(rows *sql.Rows, err error) ([]crm.Task, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []crm.Task
	for rows.Next() {
		t, err := scanTask(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

var insertTaskSQL = `INSERT INTO tasks (id, version, ` + strings.Join(taskColumnList, ", ") + `, card, created_at, updated_at)
	VALUES (` + placeholders(len(taskColumnList)+5) + `)`

var updateTaskSQL = `UPDATE tasks SET version = ?, ` + strings.Join(taskColumnList, " = ?, ") + ` = ?, updated_at = ?
	WHERE id = ? AND version = ? AND deleted_at IS NULL`

// CreateTask inserts a new task (ID, UID, version, DueUTC and timestamps
// set by the caller) and journals its creation, in one transaction.
func (d *DB) CreateTask(ctx context.Context, t crm.Task) error {
	return d.inTx(ctx, func(tx *sql.Tx) error { return insertTaskTx(ctx, tx, t, nil, true) })
}

// CreateTasks inserts many new tasks in one transaction (seeding), each
// journalled like CreateTask.
func (d *DB) CreateTasks(ctx context.Context, ts []crm.Task) error {
	return d.inTx(ctx, func(tx *sql.Tx) error {
		for _, t := range ts {
			if err := insertTaskTx(ctx, tx, t, nil, true); err != nil {
				return err
			}
		}
		return nil
	})
}

// ImportedTask is a task read from a file with the object it came from.
type ImportedTask struct {
	Task crm.Task
	Card []byte
}

// ImportTasks inserts a batch of imported tasks in one transaction, each
// journalled like CreateTask and stored with its object bytes.
func (d *DB) ImportTasks(ctx context.Context, batch []ImportedTask) error {
	return d.inTx(ctx, func(tx *sql.Tx) error {
		for _, it := range batch {
			if err := insertTaskTx(ctx, tx, it.Task, it.Card, true); err != nil {
				return err
			}
		}
		return nil
	})
}

// insertTaskTx inserts task t with card (its object bytes, nil for a task
// made here) inside tx. With journal false nothing is journalled: the sync
// engine uses that for a task that came from a server.
func insertTaskTx(ctx context.Context, tx *sql.Tx, t crm.Task, card []byte, journal bool) error {
	args := append([]any{t.ID, t.Version}, taskValues(t)...)
	args = append(args, card, formatTime(t.CreatedAt), formatTime(t.UpdatedAt))
	if _, err := tx.ExecContext(ctx, insertTaskSQL, args...); err != nil {
		return fmt.Errorf("store: insert task %s: %w", t.ID, err)
	}
	if !journal {
		return nil
	}
	return insertJournal(ctx, tx, crm.EntityTask, t.ID, crm.OpCreate, nil, t.CreatedAt)
}

// UpdateTask replaces a live task whose stored version is t.Version-1 and
// journals which fields changed (crm.CodeVersionConflict when stale,
// crm.CodeNotFound when missing or deleted).
func (d *DB) UpdateTask(ctx context.Context, t crm.Task, changed []string) error {
	return d.inTx(ctx, func(tx *sql.Tx) error { return updateTaskTx(ctx, tx, t, changed, true) })
}

// updateTaskTx is UpdateTask inside tx; with journal false nothing is
// journalled (a change that came from a server). The version check applies
// either way: read the task with readTaskTx in the same tx and pass
// Version+1.
func updateTaskTx(ctx context.Context, tx *sql.Tx, t crm.Task, changed []string, journal bool) error {
	args := append([]any{t.Version}, taskValues(t)...)
	args = append(args, formatTime(t.UpdatedAt), t.ID, t.Version-1)
	res, err := tx.ExecContext(ctx, updateTaskSQL, args...)
	if err != nil {
		return fmt.Errorf("store: update task %s: %w", t.ID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return staleOrGone(ctx, tx, "tasks", "task", t.ID, t.Version-1)
	}
	if !journal {
		return nil
	}
	return insertJournal(ctx, tx, crm.EntityTask, t.ID, crm.OpUpdate, changed, t.UpdatedAt)
}

// DeleteTask tombstones a live task and journals it; baseVersion 0 skips
// the version check.
func (d *DB) DeleteTask(ctx context.Context, id string, baseVersion int) (crm.Task, error) {
	var out crm.Task
	err := d.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = setTaskDeletedTx(ctx, tx, id, true, baseVersion, d.clock.Now(), true)
		return err
	})
	return out, err
}

// RestoreTask brings back a tombstoned task and journals it.
func (d *DB) RestoreTask(ctx context.Context, id string) (crm.Task, error) {
	var out crm.Task
	err := d.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = setTaskDeletedTx(ctx, tx, id, false, 0, d.clock.Now(), true)
		return err
	})
	return out, err
}

// setTaskDeletedTx tombstones (deleted) or restores task id inside tx, like
// setEventDeletedTx.
func setTaskDeletedTx(ctx context.Context, tx *sql.Tx, id string, deleted bool, baseVersion int, now time.Time, journal bool) (crm.Task, error) {
	return setDeletedTx(ctx, tx, "tasks", crm.EntityTask, id, deleted, baseVersion, now, journal, readTaskTx)
}

// Task returns one task, live or tombstoned.
func (d *DB) Task(ctx context.Context, id string) (crm.Task, error) {
	return readTask(ctx, d.db, id)
}

// readTaskTx reads one task, live or tombstoned, inside tx.
func readTaskTx(ctx context.Context, tx *sql.Tx, id string) (crm.Task, error) {
	return readTask(ctx, tx, id)
}

func readTask(ctx context.Context, q queryRower, id string) (crm.Task, error) {
	t, err := scanTask(q.QueryRowContext(ctx, `SELECT `+taskColumns+` FROM tasks t WHERE t.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return t, crm.Errorf(crm.CodeNotFound, "task %s does not exist", id)
	}
	if err != nil {
		return t, fmt.Errorf("store: read task %s: %w", id, err)
	}
	return t, nil
}

// TasksByUID returns every task, live or tombstoned, with iCalendar UID
// uid, live ones first.
func (d *DB) TasksByUID(ctx context.Context, uid string) ([]crm.Task, error) {
	out, err := collectTasks(d.db.QueryContext(ctx, `SELECT `+taskColumns+` FROM tasks t
		WHERE t.uid = ? ORDER BY t.deleted_at IS NOT NULL, t.id`, uid))
	if err != nil {
		return nil, fmt.Errorf("store: tasks with UID %q: %w", uid, err)
	}
	return out, nil
}

// SetTaskCard keeps card as the iCalendar object task id was imported
// from. It journals nothing.
func (d *DB) SetTaskCard(ctx context.Context, id string, card []byte) error {
	return setCard(ctx, d.db, "tasks", "task", id, card)
}

// TaskCard returns the iCalendar object task id was imported from, or nil.
func (d *DB) TaskCard(ctx context.Context, id string) ([]byte, error) {
	return readCard(ctx, d.db, "tasks", "task", id)
}

// Open tasks: not done, not cancelled, not deleted. A due of 10 characters
// is a date.
const (
	taskOpen     = `t.deleted_at IS NULL AND t.status NOT IN ('completed', 'cancelled')`
	taskDone     = `t.deleted_at IS NULL AND t.status IN ('completed', 'cancelled')`
	taskDateDue  = `length(t.due) = 10`
	taskTimedDue = `length(t.due) > 10`
)

// ListTasks returns the tasks of one list: overdue (open, due before now or
// on a date before today), today (open, due during the user's day or on
// today's date — overdue ones of today included), upcoming (open, due after
// today), all (open, by due, undated last) or done (completed or cancelled,
// last completed first).
func (d *DB) ListTasks(ctx context.Context, q crm.TaskListQuery) ([]crm.Task, error) {
	// The dated lists read tasks due on a date and tasks due at a time
	// through their own index each (SQLite, without statistics, would
	// otherwise scan every task), then sort the union.
	var (
		dated, timed string
		dArgs, tArgs []any
		where        string
		order        = `t.due_utc IS NULL, t.due_utc, t.priority = 0, t.priority, t.id`
	)
	switch q.List {
	case crm.TaskListOverdue:
		dated, dArgs = `t.due < ?`, []any{q.Today}
		timed, tArgs = `t.due_utc < ?`, []any{formatTime(q.Now)}
	case crm.TaskListToday:
		dated, dArgs = `t.due = ?`, []any{q.Today}
		timed, tArgs = `t.due_utc >= ? AND t.due_utc < ?`, []any{formatTime(q.DayStart), formatTime(q.DayEnd)}
	case crm.TaskListUpcoming:
		dated, dArgs = `t.due > ?`, []any{q.Today}
		timed, tArgs = `t.due_utc >= ?`, []any{formatTime(q.DayEnd)}
	case crm.TaskListAll, "":
		where = taskOpen
	case crm.TaskListDone:
		where = taskDone
		order = `t.completed_at DESC, t.updated_at DESC, t.id`
	default:
		return nil, crm.Errorf(crm.CodeInvalidInput, "there is no task list %q", q.List)
	}
	links, lArgs := "", []any{}
	if q.ContactID != "" {
		links += ` AND t.contact_id = ?`
		lArgs = append(lArgs, q.ContactID)
	}
	if q.CompanyID != "" {
		links += ` AND t.company_id = ?`
		lArgs = append(lArgs, q.CompanyID)
	}
	var sqlText string
	var args []any
	if dated != "" {
		sqlText = `SELECT ` + taskColumns + ` FROM (
			SELECT t.* FROM tasks t INDEXED BY tasks_live_by_due_date WHERE ` + taskOpen + ` AND ` + dated + ` AND ` + taskDateDue + links + `
			UNION ALL
			SELECT t.* FROM tasks t INDEXED BY tasks_live_by_due WHERE ` + taskOpen + ` AND ` + timed + ` AND ` + taskTimedDue + links + `
		) t ORDER BY ` + order
		args = append(append(append(append(args, dArgs...), lArgs...), tArgs...), lArgs...)
	} else {
		sqlText = `SELECT ` + taskColumns + ` FROM tasks t WHERE ` + where + links + ` ORDER BY ` + order
		args = lArgs
	}
	if q.Limit > 0 {
		sqlText += ` LIMIT ?`
		args = append(args, q.Limit)
	}
	out, err := collectTasks(d.db.QueryContext(ctx, sqlText, args...))
	if err != nil {
		return nil, fmt.Errorf("store: task list %s: %w", q.List, err)
	}
	return out, nil
}

// LinkNames returns the display names of the contacts and the names of the
// companies with the given ids (deleted ones included; unknown ids are
// left out), for lists that show what a task is about.
func (d *DB) LinkNames(ctx context.Context, contactIDs, companyIDs []string) (contacts, companies map[string]string, err error) {
	contacts, companies = map[string]string{}, map[string]string{}
	read := func(into map[string]string, query string, ids []string) error {
		for len(ids) > 0 {
			n := min(len(ids), 500)
			in, args := inList("id", ids[:n])
			rows, err := d.db.QueryContext(ctx, query+` WHERE 1`+in, args...)
			if err != nil {
				return err
			}
			for rows.Next() {
				var id, name string
				if err := rows.Scan(&id, &name); err != nil {
					rows.Close()
					return err
				}
				into[id] = name
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return err
			}
			ids = ids[n:]
		}
		return nil
	}
	if err := read(contacts, `SELECT id, display_name FROM contacts`, contactIDs); err != nil {
		return nil, nil, fmt.Errorf("store: contact names: %w", err)
	}
	if err := read(companies, `SELECT id, name FROM companies`, companyIDs); err != nil {
		return nil, nil, fmt.Errorf("store: company names: %w", err)
	}
	return contacts, companies, nil
}

// RetimeFloatingTasks recomputes the stored due instant of every task whose
// due is read in the user's zone (a date, or a time without zone) after
// the user's zone changed; due gives the new instant (it is called outside
// any transaction, so it may read the database). The instant is derived
// data: nothing is journalled and versions stay. A task whose due changed
// meanwhile keeps the instant its writer stored.
func (d *DB) RetimeFloatingTasks(ctx context.Context, due func(crm.Task) (*time.Time, error)) (int, error) {
	ts, err := collectTasks(d.db.QueryContext(ctx, `SELECT `+taskColumns+` FROM tasks t
		WHERE t.due <> '' AND (t.time_zone = '' OR length(t.due) = 10)`))
	if err != nil {
		return 0, fmt.Errorf("store: read floating tasks: %w", err)
	}
	values := make([]any, len(ts))
	for i, t := range ts {
		at, err := due(t)
		if err != nil {
			return 0, err
		}
		if at != nil {
			values[i] = formatTime(*at)
		}
	}
	n := 0
	err = d.inTx(ctx, func(tx *sql.Tx) error {
		for i, t := range ts {
			res, err := tx.ExecContext(ctx, `UPDATE tasks SET due_utc = ? WHERE id = ? AND due = ? AND time_zone = ?`,
				values[i], t.ID, t.Due, t.TimeZone)
			if err != nil {
				return fmt.Errorf("store: retime task %s: %w", t.ID, err)
			}
			k, _ := res.RowsAffected()
			n += int(k)
		}
		return nil
	})
	return n, err
}
