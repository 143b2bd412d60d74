package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"fieldbook/backend/crm"
	"fieldbook/backend/reminders"
)

// settingReminderSince is when reminders were first checked.
const settingReminderSince = "reminders.since"

// reminderKeyArgs are the primary-key columns of a reminder, in order.
func reminderKeyArgs(k reminders.Key) []any {
	return []any{k.Kind, k.ItemID, formatTime(k.Start), k.MinutesBefore}
}

// ReminderStates returns the saved state of those keys that have one, by
// Key.ID (reminders.State).
func (d *DB) ReminderStates(ctx context.Context, keys []reminders.Key) (map[string]reminders.Entry, error) {
	out := map[string]reminders.Entry{}
	const chunk = 200 // 4 parameters each, well under SQLite's limit
	for len(keys) > 0 {
		n := min(chunk, len(keys))
		part := keys[:n]
		keys = keys[n:]
		args := make([]any, 0, 4*n)
		for _, k := range part {
			args = append(args, reminderKeyArgs(k)...)
		}
		q := `SELECT kind, item_id, occurrence_start, minutes_before, fired_at, snoozed_until, dismissed_at
			FROM reminder_state WHERE (kind, item_id, occurrence_start, minutes_before) IN (VALUES ` +
			strings.TrimSuffix(strings.Repeat("(?, ?, ?, ?), ", n), ", ") + `)`
		es, err := d.queryReminderEntries(ctx, q, args...)
		if err != nil {
			return nil, err
		}
		for _, e := range es {
			out[e.Key.ID()] = e
		}
	}
	return out, nil
}

// OpenReminders returns every reminder that fired and is not dismissed,
// snoozed ones included (reminders.State).
func (d *DB) OpenReminders(ctx context.Context) ([]reminders.Entry, error) {
	return d.queryReminderEntries(ctx, `SELECT kind, item_id, occurrence_start, minutes_before, fired_at, snoozed_until, dismissed_at
		FROM reminder_state WHERE fired_at IS NOT NULL AND dismissed_at IS NULL ORDER BY remind_at`)
}

func (d *DB) queryReminderEntries(ctx context.Context, q string, args ...any) ([]reminders.Entry, error) {
	rows, err := d.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("store: read reminder state: %w", err)
	}
	defer rows.Close()
	var out []reminders.Entry
	for rows.Next() {
		var e reminders.Entry
		var start string
		var fired, snoozed, dismissed sql.NullString
		if err := rows.Scan(&e.Key.Kind, &e.Key.ItemID, &start, &e.Key.MinutesBefore, &fired, &snoozed, &dismissed); err != nil {
			return nil, fmt.Errorf("store: read reminder state: %w", err)
		}
		if e.Key.Start, err = parseTime(start); err != nil {
			return nil, fmt.Errorf("store: reminder of %s %s: %w", e.Key.Kind, e.Key.ItemID, err)
		}
		for _, f := range []struct {
			s  sql.NullString
			to *time.Time
		}{{fired, &e.FiredAt}, {snoozed, &e.SnoozedUntil}, {dismissed, &e.DismissedAt}} {
			if !f.s.Valid {
				continue
			}
			if *f.to, err = parseTime(f.s.String); err != nil {
				return nil, fmt.Errorf("store: reminder of %s %s: %w", e.Key.Kind, e.Key.ItemID, err)
			}
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: read reminder state: %w", err)
	}
	return out, nil
}

// upsertReminder inserts a reminder's state with the named columns set to
// values, or, when it has one, applies the update clause (which reads the
// new values as excluded.<column>).
func (d *DB) upsertReminder(ctx context.Context, k reminders.Key, cols string, update string, values ...any) error {
	args := append(reminderKeyArgs(k), formatTime(k.At()))
	args = append(args, values...)
	q := `INSERT INTO reminder_state (kind, item_id, occurrence_start, minutes_before, remind_at, ` + cols + `)
		VALUES (?, ?, ?, ?, ?` + strings.Repeat(", ?", len(values)) + `)
		ON CONFLICT (kind, item_id, occurrence_start, minutes_before) DO UPDATE SET ` + update
	if _, err := d.db.ExecContext(ctx, q, args...); err != nil {
		return fmt.Errorf("store: save reminder %s: %w", k.ID(), err)
	}
	return nil
}

// FireReminder records that a reminder fired at at; a snooze ends
// (reminders.State).
func (d *DB) FireReminder(ctx context.Context, k reminders.Key, at time.Time) error {
	return d.upsertReminder(ctx, k, `fired_at`, `fired_at = excluded.fired_at, snoozed_until = NULL`, formatTime(at))
}

// SnoozeReminder hides a reminder until until (reminders.State); one never
// fired counts as fired at at, a dismissed one is active again.
func (d *DB) SnoozeReminder(ctx context.Context, k reminders.Key, at, until time.Time) error {
	return d.upsertReminder(ctx, k, `fired_at, snoozed_until`,
		`fired_at = coalesce(reminder_state.fired_at, excluded.fired_at), snoozed_until = excluded.snoozed_until, dismissed_at = NULL`,
		formatTime(at), formatTime(until))
}

// DismissReminder ends a reminder (reminders.State); dismissing twice
// keeps the first time.
func (d *DB) DismissReminder(ctx context.Context, k reminders.Key, at time.Time) error {
	return d.upsertReminder(ctx, k, `dismissed_at`,
		`dismissed_at = coalesce(reminder_state.dismissed_at, excluded.dismissed_at), snoozed_until = NULL`, formatTime(at))
}

// PruneReminders forgets the state of reminders due before before
// (reminders.State); it returns how many it forgot.
func (d *DB) PruneReminders(ctx context.Context, before time.Time) (int, error) {
	res, err := d.db.ExecContext(ctx, `DELETE FROM reminder_state WHERE remind_at < ?`, formatTime(before))
	if err != nil {
		return 0, fmt.Errorf("store: prune reminders: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, fmt.Errorf("store: prune reminders: %w", err)
	}
	return int(n), nil
}

// ReminderSince returns when reminders were first checked, if ever
// (reminders.State).
func (d *DB) ReminderSince(ctx context.Context) (time.Time, bool, error) {
	v, ok, err := d.Setting(ctx, settingReminderSince)
	if err != nil || !ok {
		return time.Time{}, false, err
	}
	t, err := parseTime(v)
	if err != nil {
		return time.Time{}, false, fmt.Errorf("store: setting %s: %w", settingReminderSince, err)
	}
	return t, true, nil
}

// SetReminderSince records when reminders were first checked
// (reminders.State).
func (d *DB) SetReminderSince(ctx context.Context, t time.Time) error {
	return d.SetSetting(ctx, settingReminderSince, formatTime(t))
}

// EventsWithReminders returns the live meetings with a reminder (on the
// series or on one of its occurrences) that may have an occurrence
// starting in [from, to]: the reminder scheduler's read.
func (d *DB) EventsWithReminders(ctx context.Context, from, to time.Time) ([]crm.Event, error) {
	out, err := collectEvents(d.db.QueryContext(ctx, `SELECT `+eventColumns+` FROM events e INDEXED BY events_live_by_start
		WHERE e.deleted_at IS NULL AND e.start_utc <= ? AND (e.series_end_utc IS NULL OR e.series_end_utc >= ?)
		AND (e.reminders <> '[]' OR e.overrides LIKE '%"minutesBefore"%')
		ORDER BY e.start_utc, e.id`, formatTime(to), formatTime(from)))
	if err != nil {
		return nil, fmt.Errorf("store: meetings with reminders from %s to %s: %w", from, to, err)
	}
	return out, nil
}

// TasksWithReminders returns the open (not completed or cancelled), live
// tasks with a reminder that are due in [from, to].
func (d *DB) TasksWithReminders(ctx context.Context, from, to time.Time) ([]crm.Task, error) {
	out, err := collectTasks(d.db.QueryContext(ctx, `SELECT `+taskColumns+` FROM tasks t INDEXED BY tasks_live_by_due
		WHERE `+taskOpen+` AND t.reminders <> '[]'
		AND t.due_utc >= ? AND t.due_utc <= ?
		ORDER BY t.due_utc, t.id`, formatTime(from), formatTime(to)))
	if err != nil {
		return nil, fmt.Errorf("store: tasks with reminders from %s to %s: %w", from, to, err)
	}
	return out, nil
}
