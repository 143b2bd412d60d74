package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"fieldbook/backend/crm"
)

// eventColumnList are the columns of a meeting written by insert and
// update (all but id, version and the timestamps), in the order of
// eventValues and eventTargets: the one list that insert, update and scan
// share.
var eventColumnList = []string{
	"calendar_id", "title", "location", "notes", "start_local", "end_local", "all_day", "time_zone",
	"rrule", "ex_dates", "r_dates", "attendees", "organizer", "reminders", "busy", "private",
	"categories", "status", "overrides", "recurrence_id",
	"uid", "zones", "original_tzid", "start_utc", "end_utc", "series_end_utc",
}

// eventColumns selects a whole meeting from the table aliased e.
var eventColumns = "e.id, e.version, e." + strings.Join(eventColumnList, ", e.") +
	", e.created_at, e.updated_at, e.deleted_at"

// eventValues are the stored values of eventColumnList for e.
func eventValues(e crm.Event) []any {
	var seriesEnd any
	if e.SeriesEndUTC != nil {
		seriesEnd = formatTime(*e.SeriesEndUTC)
	}
	o := e.Organizer
	return []any{
		e.CalendarID, e.Title, e.Location, e.Notes, e.Start, e.End, e.AllDay, e.TimeZone,
		e.RRule, encodeJSON(e.ExDates), encodeJSON(e.RDates), encodeJSON(toAttendeesJSON(e.Attendees)),
		encodeJSON(attendeeJSON{Email: o.Email, Name: o.Name, Role: o.Role, Status: o.Status}),
		encodeJSON(toRemindersJSON(e.Reminders)), e.Busy, e.Private,
		encodeJSON(e.Categories), e.Status, encodeJSON(toOccurrencesJSON(e.Overrides)), e.RecurrenceID,
		e.UID, e.Zones, e.OriginalTZID, formatTime(e.StartUTC), formatTime(e.EndUTC), seriesEnd,
	}
}

// storedEvent receives the columns of a meeting that need decoding.
type storedEvent struct {
	exDates, rDates, attendees, organizer, reminders, categories, overrides string
	startUTC, endUTC                                                        string
	seriesEnd                                                               sql.NullString
	times                                                                   recordTimes
}

func scanEvent(r rowScanner) (crm.Event, error) {
	var (
		e crm.Event
		s storedEvent
	)
	err := r.Scan(&e.ID, &e.Version,
		&e.CalendarID, &e.Title, &e.Location, &e.Notes, &e.Start, &e.End, &e.AllDay, &e.TimeZone,
		&e.RRule, &s.exDates, &s.rDates, &s.attendees, &s.organizer, &s.reminders, &e.Busy, &e.Private,
		&s.categories, &e.Status, &s.overrides, &e.RecurrenceID,
		&e.UID, &e.Zones, &e.OriginalTZID, &s.startUTC, &s.endUTC, &s.seriesEnd,
		&s.times.created, &s.times.updated, &s.times.deleted)
	if err != nil {
		return e, err
	}
	if err := s.decode(&e); err != nil {
		return e, fmt.Errorf("store: event %s %w", e.ID, err)
	}
	return e, nil
}

func (s storedEvent) decode(e *crm.Event) error {
	var (
		attendees []attendeeJSON
		organizer attendeeJSON
		reminders []reminderJSON
		overrides []occurrenceJSON
	)
	for _, c := range []struct {
		name, text string
		into       any
	}{
		{"exceptions", s.exDates, &e.ExDates}, {"extra dates", s.rDates, &e.RDates},
		{"attendees", s.attendees, &attendees}, {"organizer", s.organizer, &organizer},
		{"reminders", s.reminders, &reminders}, {"categories", s.categories, &e.Categories},
		{"overrides", s.overrides, &overrides},
	} {
		if err := decodeJSON(c.text, c.into); err != nil {
			return fmt.Errorf("%s: %w", c.name, err)
		}
	}
	e.ExDates, e.RDates, e.Categories = emptyToNil(e.ExDates), emptyToNil(e.RDates), emptyToNil(e.Categories)
	e.Attendees = fromAttendeesJSON(attendees)
	e.Organizer = crm.Attendee{Email: organizer.Email, Name: organizer.Name, Role: organizer.Role, Status: organizer.Status}
	e.Reminders = fromRemindersJSON(reminders)
	e.Overrides = fromOccurrencesJSON(overrides)
	var err error
	if e.StartUTC, err = parseTime(s.startUTC); err != nil {
		return err
	}
	if e.EndUTC, err = parseTime(s.endUTC); err != nil {
		return err
	}
	if s.seriesEnd.Valid {
		t, err := parseTime(s.seriesEnd.String)
		if err != nil {
			return err
		}
		e.SeriesEndUTC = &t
	}
	e.CreatedAt, e.UpdatedAt, e.DeletedAt, err = s.times.parse()
	return err
}

func collectEvents(rows *sql.Rows, err error) ([]crm.Event, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []crm.Event
	for rows.Next() {
		e, err := scanEvent(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

var insertEventSQL = `INSERT INTO events (id, version, ` + strings.Join(eventColumnList, ", ") + `, card, created_at, updated_at)
	VALUES (` + placeholders(len(eventColumnList)+5) + `)`

var updateEventSQL = `UPDATE events SET version = ?, ` + strings.Join(eventColumnList, " = ?, ") + ` = ?, updated_at = ?
	WHERE id = ? AND version = ? AND deleted_at IS NULL`

// eventEmailKeys are the distinct e-mail keys of a meeting's attendees and
// organizer, its overrides' included, for event_attendees.
func eventEmailKeys(f crm.EventFields) []string {
	seen := map[string]bool{}
	var add func(f crm.EventFields)
	add = func(f crm.EventFields) {
		for _, a := range append([]crm.Attendee{f.Organizer}, f.Attendees...) {
			if k := crm.EmailKey(a.Email); k != "" {
				seen[k] = true
			}
		}
		for _, o := range f.Overrides {
			add(o.Fields)
		}
	}
	add(f)
	out := make([]string, 0, len(seen))
	for k := range seen {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// writeEventEmails replaces the e-mail keys of event id.
func writeEventEmails(ctx context.Context, tx *sql.Tx, id string, f crm.EventFields) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM event_attendees WHERE event_id = ?`, id); err != nil {
		return fmt.Errorf("store: clear attendees of event %s: %w", id, err)
	}
	for _, k := range eventEmailKeys(f) {
		if _, err := tx.ExecContext(ctx, `INSERT INTO event_attendees (event_id, email_key) VALUES (?, ?)`, id, k); err != nil {
			return fmt.Errorf("store: index attendee of event %s: %w", id, err)
		}
	}
	return nil
}

// CreateEvent inserts a new meeting (ID, UID, version, instants and
// timestamps set by the caller) and journals its creation, in one
// transaction.
func (d *DB) CreateEvent(ctx context.Context, e crm.Event) error {
	return d.inTx(ctx, func(tx *sql.Tx) error { return insertEventTx(ctx, tx, e, nil, true) })
}

// ImportedEvent is a meeting read from a file, with the iCalendar object
// it came from (kept byte for byte, patched on export and first upload).
type ImportedEvent struct {
	Event crm.Event
	Card  []byte
}

// ImportEvents inserts a batch of imported meetings in one transaction,
// each journalled like CreateEvent and stored with its object bytes.
func (d *DB) ImportEvents(ctx context.Context, batch []ImportedEvent) error {
	return d.inTx(ctx, func(tx *sql.Tx) error {
		for _, ie := range batch {
			if err := insertEventTx(ctx, tx, ie.Event, ie.Card, true); err != nil {
				return err
			}
		}
		return nil
	})
}

// insertEventTx inserts meeting e with card (its object bytes, nil for a
// meeting made here) inside tx, and its attendee e-mail keys. With journal
// false nothing is journalled: the sync engine uses that for a meeting that
// came from a server.
func insertEventTx(ctx context.Context, tx *sql.Tx, e crm.Event, card []byte, journal bool) error {
	args := append([]any{e.ID, e.Version}, eventValues(e)...)
	args = append(args, card, formatTime(e.CreatedAt), formatTime(e.UpdatedAt))
	if _, err := tx.ExecContext(ctx, insertEventSQL, args...); err != nil {
		return fmt.Errorf("store: insert event %s: %w", e.ID, err)
	}
	if err := writeEventEmails(ctx, tx, e.ID, e.EventFields); err != nil {
		return err
	}
	if !journal {
		return nil
	}
	return insertJournal(ctx, tx, crm.EntityEvent, e.ID, crm.OpCreate, nil, e.CreatedAt)
}

// UpdateEvent replaces a live meeting whose stored version is e.Version-1
// (the version the edit was based on) and journals which fields changed. A
// stale version gives crm.CodeVersionConflict; a missing or deleted meeting
// crm.CodeNotFound. The UID and the stored object bytes are kept.
func (d *DB) UpdateEvent(ctx context.Context, e crm.Event, changed []string) error {
	return d.inTx(ctx, func(tx *sql.Tx) error { return updateEventTx(ctx, tx, e, changed, true) })
}

// updateEventTx is UpdateEvent inside tx; with journal false nothing is
// journalled (a change that came from a server). The version check applies
// either way: read the meeting with readEventTx in the same tx and pass
// Version+1.
func updateEventTx(ctx context.Context, tx *sql.Tx, e crm.Event, changed []string, journal bool) error {
	args := append([]any{e.Version}, eventValues(e)...)
	args = append(args, formatTime(e.UpdatedAt), e.ID, e.Version-1)
	res, err := tx.ExecContext(ctx, updateEventSQL, args...)
	if err != nil {
		return fmt.Errorf("store: update event %s: %w", e.ID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return staleOrGone(ctx, tx, "events", "event", e.ID, e.Version-1)
	}
	if err := writeEventEmails(ctx, tx, e.ID, e.EventFields); err != nil {
		return err
	}
	if !journal {
		return nil
	}
	return insertJournal(ctx, tx, crm.EntityEvent, e.ID, crm.OpUpdate, changed, e.UpdatedAt)
}

// SplitEvent stores a series split in two ("this and following"): head
// replaces the stored meeting (version checked as in UpdateEvent, changed
// journalled) and tail is created as a new meeting, in one transaction.
func (d *DB) SplitEvent(ctx context.Context, head crm.Event, changed []string, tail crm.Event) error {
	return d.inTx(ctx, func(tx *sql.Tx) error {
		if err := updateEventTx(ctx, tx, head, changed, true); err != nil {
			return err
		}
		return insertEventTx(ctx, tx, tail, nil, true)
	})
}

// staleOrGone explains a failed conditional write to a row of table:
// the record is gone, deleted, or at another version than expected.
func staleOrGone(ctx context.Context, tx *sql.Tx, table, what, id string, expected int) error {
	var version int
	var deleted sql.NullString
	err := tx.QueryRowContext(ctx, `SELECT version, deleted_at FROM `+table+` WHERE id = ?`, id).Scan(&version, &deleted)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return crm.Errorf(crm.CodeNotFound, "%s %s does not exist", what, id)
	case err != nil:
		return fmt.Errorf("store: read %s %s: %w", what, id, err)
	case deleted.Valid:
		return crm.Errorf(crm.CodeNotFound, "%s %s was deleted", what, id)
	default:
		return crm.Errorf(crm.CodeVersionConflict, "%s %s changed elsewhere: it is at version %d, the edit was based on version %d",
			what, id, version, expected)
	}
}

// DeleteEvent tombstones a live meeting and journals it. baseVersion is
// the version the user saw (crm.CodeVersionConflict if it moved on); 0
// skips the check.
func (d *DB) DeleteEvent(ctx context.Context, id string, baseVersion int) (crm.Event, error) {
	var out crm.Event
	err := d.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = setEventDeletedTx(ctx, tx, id, true, baseVersion, d.clock.Now(), true)
		return err
	})
	return out, err
}

// RestoreEvent brings back a tombstoned meeting and journals it.
func (d *DB) RestoreEvent(ctx context.Context, id string) (crm.Event, error) {
	var out crm.Event
	err := d.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = setEventDeletedTx(ctx, tx, id, false, 0, d.clock.Now(), true)
		return err
	})
	return out, err
}

// setEventDeletedTx tombstones (deleted) or restores meeting id inside tx
// at now, bumping its version, and returns it as stored after. baseVersion
// 0 skips the version check. With journal false nothing is journalled (a
// deletion that came from a server).
func setEventDeletedTx(ctx context.Context, tx *sql.Tx, id string, deleted bool, baseVersion int, now time.Time, journal bool) (crm.Event, error) {
	return setDeletedTx(ctx, tx, "events", crm.EntityEvent, id, deleted, baseVersion, now, journal, readEventTx)
}

// setDeletedTx is the tombstone/restore of a versioned, journalled table.
func setDeletedTx[T any](ctx context.Context, tx *sql.Tx, table, entity, id string, deleted bool, baseVersion int, now time.Time,
	journal bool, read func(context.Context, *sql.Tx, string) (T, error)) (T, error) {
	var zero T
	cond, op, stamp := "deleted_at IS NULL", crm.OpDelete, any(formatTime(now))
	if !deleted {
		cond, op, stamp = "deleted_at IS NOT NULL", crm.OpRestore, nil
	}
	q := `UPDATE ` + table + ` SET deleted_at = ?, version = version + 1, updated_at = ? WHERE id = ? AND ` + cond
	args := []any{stamp, formatTime(now), id}
	if baseVersion > 0 {
		q += ` AND version = ?`
		args = append(args, baseVersion)
	}
	res, err := tx.ExecContext(ctx, q, args...)
	if err != nil {
		return zero, fmt.Errorf("store: %s %s %s: %w", op, entity, id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		if !deleted {
			return zero, crm.Errorf(crm.CodeNotFound, "%s %s does not exist or is not deleted", entity, id)
		}
		return zero, staleOrGone(ctx, tx, table, entity, id, baseVersion)
	}
	out, err := read(ctx, tx, id)
	if err != nil {
		return zero, err
	}
	if !journal {
		return out, nil
	}
	return out, insertJournal(ctx, tx, entity, id, op, nil, now)
}

// CalendarCounts returns how many meetings (event rows: a series with its
// overrides counts once) and tasks are live.
func (d *DB) CalendarCounts(ctx context.Context) (meetings, tasks int, err error) {
	err = d.db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM events WHERE deleted_at IS NULL),
		(SELECT count(*) FROM tasks WHERE deleted_at IS NULL)`).Scan(&meetings, &tasks)
	if err != nil {
		return 0, 0, fmt.Errorf("store: count meetings and tasks: %w", err)
	}
	return meetings, tasks, nil
}

// Event returns one meeting, live or tombstoned.
func (d *DB) Event(ctx context.Context, id string) (crm.Event, error) {
	return readEvent(ctx, d.db, id)
}

// readEventTx reads one meeting, live or tombstoned, inside tx.
func readEventTx(ctx context.Context, tx *sql.Tx, id string) (crm.Event, error) {
	return readEvent(ctx, tx, id)
}

func readEvent(ctx context.Context, q queryRower, id string) (crm.Event, error) {
	e, err := scanEvent(q.QueryRowContext(ctx, `SELECT `+eventColumns+` FROM events e WHERE e.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return e, crm.Errorf(crm.CodeNotFound, "event %s does not exist", id)
	}
	if err != nil {
		return e, fmt.Errorf("store: read event %s: %w", id, err)
	}
	return e, nil
}

// inList returns " AND col IN (?, …)" and its arguments, or nothing for an
// empty list.
func inList(col string, ids []string) (string, []any) {
	if len(ids) == 0 {
		return "", nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	return ` AND ` + col + ` IN (` + placeholders(len(ids)) + `)`, args
}

// EventsInRange returns the live meetings (series or single) that may have
// an occurrence in [from, to): those starting before to whose series ends
// after from (or never ends), in the calendars calendarIDs (all when
// empty), in start order. Expanding the series is the caller's work.
func (d *DB) EventsInRange(ctx context.Context, from, to time.Time, calendarIDs []string) ([]crm.Event, error) {
	cal, calArgs := inList("e.calendar_id", calendarIDs)
	args := append([]any{formatTime(to), formatTime(from)}, calArgs...)
	out, err := collectEvents(d.db.QueryContext(ctx, `SELECT `+eventColumns+` FROM events e INDEXED BY events_live_by_start
		WHERE e.deleted_at IS NULL AND e.start_utc < ? AND (e.series_end_utc IS NULL OR e.series_end_utc > ?)`+cal+`
		ORDER BY e.start_utc, e.id`, args...))
	if err != nil {
		return nil, fmt.Errorf("store: events from %s to %s: %w", from, to, err)
	}
	return out, nil
}

// EventsForEmails returns the live meetings where one of emails is an
// attendee or the organizer (of the series or of one occurrence), newest
// first.
func (d *DB) EventsForEmails(ctx context.Context, emails []string) ([]crm.Event, error) {
	keys := make([]string, 0, len(emails))
	for _, m := range emails {
		if k := crm.EmailKey(m); k != "" {
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		return nil, nil
	}
	in, args := inList("a.email_key", keys)
	out, err := collectEvents(d.db.QueryContext(ctx, `SELECT `+eventColumns+` FROM events e
		WHERE e.deleted_at IS NULL AND e.id IN (SELECT a.event_id FROM event_attendees a WHERE 1`+in+`)
		ORDER BY e.start_utc DESC, e.id`, args...))
	if err != nil {
		return nil, fmt.Errorf("store: events of %d e-mails: %w", len(keys), err)
	}
	return out, nil
}

// EventsByUID returns every meeting, live or tombstoned, with iCalendar UID
// uid: the series first, then overrides kept without it.
func (d *DB) EventsByUID(ctx context.Context, uid string) ([]crm.Event, error) {
	out, err := collectEvents(d.db.QueryContext(ctx, `SELECT `+eventColumns+` FROM events e
		WHERE e.uid = ? ORDER BY e.deleted_at IS NOT NULL, e.recurrence_id <> '', e.recurrence_id, e.id`, uid))
	if err != nil {
		return nil, fmt.Errorf("store: events with UID %q: %w", uid, err)
	}
	return out, nil
}

// EventByUID returns the live meeting with UID uid (the series when there
// are also overrides kept without it); crm.CodeNotFound when none.
func (d *DB) EventByUID(ctx context.Context, uid string) (crm.Event, error) {
	es, err := d.EventsByUID(ctx, uid)
	if err != nil {
		return crm.Event{}, err
	}
	if len(es) == 0 || es[0].DeletedAt != nil {
		return crm.Event{}, crm.Errorf(crm.CodeNotFound, "no meeting has UID %q", uid)
	}
	return es[0], nil
}

// SetEventCard keeps card as the iCalendar object meeting id was imported
// from. It is not a user edit and journals nothing.
func (d *DB) SetEventCard(ctx context.Context, id string, card []byte) error {
	return setCard(ctx, d.db, "events", "event", id, card)
}

// EventCard returns the iCalendar object meeting id was imported from, or nil.
func (d *DB) EventCard(ctx context.Context, id string) ([]byte, error) {
	return readCard(ctx, d.db, "events", "event", id)
}

type execQuerier interface {
	queryRower
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

func setCard(ctx context.Context, q execQuerier, table, what, id string, card []byte) error {
	res, err := q.ExecContext(ctx, `UPDATE `+table+` SET card = ? WHERE id = ?`, card, id)
	if err != nil {
		return fmt.Errorf("store: keep object of %s %s: %w", what, id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return crm.Errorf(crm.CodeNotFound, "%s %s does not exist", what, id)
	}
	return nil
}

func readCard(ctx context.Context, q queryRower, table, what, id string) ([]byte, error) {
	var card []byte
	err := q.QueryRowContext(ctx, `SELECT card FROM `+table+` WHERE id = ?`, id).Scan(&card)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, crm.Errorf(crm.CodeNotFound, "%s %s does not exist", what, id)
	}
	if err != nil {
		return nil, fmt.Errorf("store: read object of %s %s: %w", what, id, err)
	}
	return card, nil
}

// ContactsForEmails maps each of emails (as crm.EmailKey) that belongs to a
// live contact to that contact's id; when several contacts share an
// address, the first in name order wins.
func (d *DB) ContactsForEmails(ctx context.Context, emails []string) (map[string]string, error) {
	out := map[string]string{}
	keys := make([]string, 0, len(emails))
	for _, m := range emails {
		if k := crm.EmailKey(m); k != "" {
			keys = append(keys, k)
		}
	}
	for len(keys) > 0 {
		n := min(len(keys), 500)
		in, args := inList("m.email_key", keys[:n])
		rows, err := d.db.QueryContext(ctx, `SELECT m.email_key, c.id FROM contact_emails m JOIN contacts c ON c.id = m.contact_id
			WHERE c.deleted_at IS NULL`+in+` ORDER BY c.sort_key DESC, c.id DESC`, args...)
		if err != nil {
			return nil, fmt.Errorf("store: contacts of e-mails: %w", err)
		}
		for rows.Next() {
			var k, id string
			if err := rows.Scan(&k, &id); err != nil {
				rows.Close()
				return nil, fmt.Errorf("store: read contact of e-mail: %w", err)
			}
			out[k] = id // the last written is the first in name order
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("store: contacts of e-mails: %w", err)
		}
		keys = keys[n:]
	}
	return out, nil
}
