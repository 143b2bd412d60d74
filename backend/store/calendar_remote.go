package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"fieldbook/backend/crm"
)

// CalendarTimes computes the UTC instants the store indexes (a meeting's
// StartUTC, EndUTC and SeriesEndUTC; a task's DueUTC) for meetings and
// tasks that arrive from a server; the calendar and task services do it for
// local edits. It is called inside a write transaction and must not use
// the database.
type CalendarTimes interface {
	EventInstants(e *crm.Event) error
	TaskInstants(t *crm.Task) error
}

// CalendarSync is the database as the sync engine needs it for calendar
// collections (engine.Store[crm.CalendarObject]): meetings and tasks of the
// local calendar tied to the collection, their links to server objects, the
// journal rows of entities 'event' and 'task', and their conflicts.
type CalendarSync struct {
	d     *DB
	times CalendarTimes
}

// CalendarSync returns the calendar side of the database for a sync, with
// times computing the instants of what arrives.
func (d *DB) CalendarSync(times CalendarTimes) *CalendarSync {
	return &CalendarSync{d: d, times: times}
}

// SaveCollectionState stores the calendar's sync token and ctag.
func (c *CalendarSync) SaveCollectionState(ctx context.Context, id, token, ctag string) error {
	return c.d.SaveCollectionState(ctx, id, token, ctag)
}

const calendarLinkColumns = `collection_id, href, item_id, uid, etag, base, creating`

// calendarLink is a stored link and the kind of record it points to.
type calendarLink struct {
	crm.RemoteLink
	kind string
}

func scanCalendarLink(r rowScanner) (calendarLink, error) {
	var l calendarLink
	err := r.Scan(&l.CollectionID, &l.Href, &l.ItemID, &l.UID, &l.ETag, &l.Base, &l.Creating, &l.kind)
	return l, err
}

// Links returns every link of a calendar collection (without the bases).
func (c *CalendarSync) Links(ctx context.Context, collectionID string) ([]crm.RemoteLink, error) {
	rows, err := c.d.db.QueryContext(ctx, `SELECT collection_id, href, item_id, uid, etag, NULL, creating, item_kind
		FROM calendar_links WHERE collection_id = ?`, collectionID)
	if err != nil {
		return nil, fmt.Errorf("store: list calendar links of %s: %w", collectionID, err)
	}
	defer rows.Close()
	var out []crm.RemoteLink
	for rows.Next() {
		l, err := scanCalendarLink(rows)
		if err != nil {
			return nil, fmt.Errorf("store: read calendar link: %w", err)
		}
		out = append(out, l.RemoteLink)
	}
	return out, rows.Err()
}

// calendarOfCollection is the live local calendar tied to a collection.
func calendarOfCollection(ctx context.Context, q queryRower, collectionID string) (string, error) {
	var id string
	err := q.QueryRowContext(ctx, `SELECT id FROM calendars WHERE collection_id = ? AND deleted_at IS NULL
		ORDER BY created_at, id LIMIT 1`, collectionID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("store: no local calendar for collection %s (EnsureCollectionCalendar makes it)", collectionID)
	}
	if err != nil {
		return "", fmt.Errorf("store: find the calendar of collection %s: %w", collectionID, err)
	}
	return id, nil
}

// EnsureCollectionCalendar returns the live local calendar tied to a
// calendar collection, creating it (named and coloured as on the server,
// the default calendar if it is the first) when there is none.
func (d *DB) EnsureCollectionCalendar(ctx context.Context, coll crm.Collection) (crm.Calendar, error) {
	var out crm.Calendar
	err := d.inTx(ctx, func(tx *sql.Tx) error {
		c, err := scanCalendar(tx.QueryRowContext(ctx, `SELECT `+calendarColumns+` FROM calendars k
			WHERE k.collection_id = ? AND k.deleted_at IS NULL ORDER BY k.created_at, k.id LIMIT 1`, coll.ID))
		if err == nil {
			out = c
			return nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("store: find the calendar of collection %s: %w", coll.ID, err)
		}
		var others int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM calendars WHERE deleted_at IS NULL`).Scan(&others); err != nil {
			return fmt.Errorf("store: count calendars: %w", err)
		}
		now := d.clock.Now()
		out = crm.Calendar{ID: crm.NewID(now), Name: coll.Name, Color: coll.Color, CollectionID: coll.ID,
			Default: others == 0, CreatedAt: now.UTC().Truncate(time.Millisecond)}
		if out.Name == "" {
			out.Name = "Calendar"
		}
		if out.Color == "" {
			out.Color = "#3B82F6"
		}
		at := formatTime(now)
		if _, err := tx.ExecContext(ctx, `INSERT INTO calendars (id, name, color, collection_id, is_default, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, out.ID, out.Name, out.Color, out.CollectionID, out.Default, at, at); err != nil {
			return fmt.Errorf("store: create the calendar of collection %s: %w", coll.ID, err)
		}
		return nil
	})
	return out, err
}

// ApplyRemote applies the server's view of some objects of a calendar
// collection in one transaction, like DB.ApplyRemote for contacts. New
// meetings and tasks go to the collection's local calendar; nothing
// written here is journalled.
func (c *CalendarSync) ApplyRemote(ctx context.Context, collectionID string, items []crm.RemoteItem,
	decide func(crm.RemoteItem, crm.LocalState[crm.CalendarObject]) (crm.RemoteDecision[crm.CalendarObject], error)) error {
	return c.d.inTx(ctx, func(tx *sql.Tx) error {
		calendarID, err := calendarOfCollection(ctx, tx, collectionID)
		if err != nil {
			return err
		}
		for _, it := range items {
			st, kind, err := calendarLocalState(ctx, tx, collectionID, it.Href)
			if err != nil {
				return err
			}
			dec, err := decide(it, st)
			if err != nil {
				return fmt.Errorf("store: apply %s: %w", it.Href, err)
			}
			if dec.Skip {
				continue
			}
			if err := c.applyDecision(ctx, tx, collectionID, calendarID, it.Href, st, kind, dec); err != nil {
				return err
			}
		}
		return nil
	})
}

// calendarLocalState reads what the device holds for href, inside tx, and
// the kind of the linked record.
func calendarLocalState(ctx context.Context, tx *sql.Tx, collectionID, href string) (crm.LocalState[crm.CalendarObject], string, error) {
	var st crm.LocalState[crm.CalendarObject]
	link, err := scanCalendarLink(tx.QueryRowContext(ctx, `SELECT `+calendarLinkColumns+`, item_kind FROM calendar_links
		WHERE collection_id = ? AND href = ?`, collectionID, href))
	if errors.Is(err, sql.ErrNoRows) {
		return st, "", nil
	}
	if err != nil {
		return st, "", fmt.Errorf("store: read calendar link of %s: %w", href, err)
	}
	st.Link = &link.RemoteLink
	rec, err := readCalendarRecord(ctx, tx, link.kind, link.ItemID)
	if err != nil {
		return st, "", err
	}
	st.Record = &rec
	if st.PendingUpTo, err = itemPendingUpTo(ctx, tx, link.kind, rec.ID); err != nil {
		return st, "", err
	}
	st.Pending = st.PendingUpTo > 0
	st.Conflicts, err = conflictsOf(ctx, tx, rec.ID)
	return st, link.kind, err
}

// readCalendarRecord reads a meeting or task as the engine sees it.
func readCalendarRecord(ctx context.Context, q queryRower, kind, id string) (crm.SyncRecord[crm.CalendarObject], error) {
	if kind == crm.EntityTask {
		t, err := readTask(ctx, q, id)
		if err != nil {
			return crm.SyncRecord[crm.CalendarObject]{}, err
		}
		return taskRecord(t), nil
	}
	e, err := readEvent(ctx, q, id)
	if err != nil {
		return crm.SyncRecord[crm.CalendarObject]{}, err
	}
	return eventRecord(e), nil
}

// eventRecord is a meeting as the sync engine sees it.
func eventRecord(e crm.Event) crm.SyncRecord[crm.CalendarObject] {
	return crm.SyncRecord[crm.CalendarObject]{ID: e.ID, UID: e.UID, DeletedAt: e.DeletedAt, Fields: crm.CalendarObject{
		Kind: crm.EntityEvent, Event: e.EventFields, OriginalTZID: e.OriginalTZID, Zones: e.Zones}}
}

// taskRecord is a task as the sync engine sees it.
func taskRecord(t crm.Task) crm.SyncRecord[crm.CalendarObject] {
	return crm.SyncRecord[crm.CalendarObject]{ID: t.ID, UID: t.UID, DeletedAt: t.DeletedAt, Fields: crm.CalendarObject{
		Kind: crm.EntityTask, Task: t.TaskFields, OriginalTZID: t.OriginalTZID, Zones: t.Zones}}
}

// itemKind says whether id is a meeting or a task.
func itemKind(ctx context.Context, q queryRower, id string) (string, error) {
	var kind string
	err := q.QueryRowContext(ctx, `SELECT 'event' FROM events WHERE id = ?1 UNION ALL SELECT 'task' FROM tasks WHERE id = ?1`, id).Scan(&kind)
	if errors.Is(err, sql.ErrNoRows) {
		return "", crm.Errorf(crm.CodeNotFound, "no meeting or task %s", id)
	}
	if err != nil {
		return "", fmt.Errorf("store: find meeting or task %s: %w", id, err)
	}
	return kind, nil
}

// itemPendingUpTo is the last unsent journal row of a meeting or task, 0
// when none.
func itemPendingUpTo(ctx context.Context, q queryRower, kind, id string) (int64, error) {
	var seq sql.NullInt64
	err := q.QueryRowContext(ctx, `SELECT max(seq) FROM journal
		WHERE entity = ? AND entity_id = ? AND state <> 'sent'`, kind, id).Scan(&seq)
	if err != nil {
		return 0, fmt.Errorf("store: read pending changes of %s: %w", id, err)
	}
	return seq.Int64, nil
}

// applyDecision writes one RemoteDecision for a calendar object.
func (c *CalendarSync) applyDecision(ctx context.Context, tx *sql.Tx, collectionID, calendarID, href string,
	st crm.LocalState[crm.CalendarObject], kind string, dec crm.RemoteDecision[crm.CalendarObject]) error {
	now := c.d.clock.Now()
	id := ""
	if st.Record != nil {
		id = st.Record.ID
	}
	switch {
	case dec.WriteFields && (st.Record == nil || kind != dec.Fields.Kind):
		if st.Record != nil {
			// The object became another kind (a meeting turned into a
			// task): the old record goes, a new one takes the link.
			if err := tombstoneItemTx(ctx, tx, kind, id, now); err != nil {
				return err
			}
		}
		uid := href
		if dec.Link != nil {
			uid = dec.Link.UID
		}
		var err error
		if id, err = c.insertRemote(ctx, tx, calendarID, uid, dec.Fields, now); err != nil {
			return err
		}
		kind = dec.Fields.Kind
	case dec.WriteFields || dec.Undelete || dec.Tombstone:
		if err := c.writeRemote(ctx, tx, kind, id, dec, now); err != nil {
			return err
		}
	}
	if dec.DropPendingUpTo > 0 && id != "" {
		if _, err := tx.ExecContext(ctx, `UPDATE journal SET state = 'sent' WHERE entity = ?
			AND entity_id = ? AND seq <= ? AND state <> 'sent'`, kind, id, dec.DropPendingUpTo); err != nil {
			return fmt.Errorf("store: settle journal of %s: %w", id, err)
		}
	}
	if dec.Requeue && id != "" {
		if err := insertJournal(ctx, tx, kind, id, crm.OpUpdate, nil, now); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM calendar_links WHERE collection_id = ? AND href = ?`, collectionID, href); err != nil {
		return fmt.Errorf("store: remove calendar link %s: %w", href, err)
	}
	if dec.Link != nil {
		l := *dec.Link
		l.CollectionID, l.Href = collectionID, href
		if l.ItemID == "" {
			l.ItemID = id
		}
		if err := putCalendarLink(ctx, tx, l, kind); err != nil {
			return err
		}
	}
	for _, f := range dec.DropConflicts {
		if _, err := tx.ExecContext(ctx, `DELETE FROM calendar_conflicts WHERE item_id = ? AND field = ?`, id, f); err != nil {
			return fmt.Errorf("store: close conflict on %s of %s: %w", f, id, err)
		}
	}
	for _, cf := range dec.Conflicts {
		cf.ItemID, cf.Entity = id, kind
		if err := putCalendarConflict(ctx, tx, cf); err != nil {
			return err
		}
	}
	return nil
}

// insertRemote stores a meeting or task that arrived from a server, without
// journalling it, and returns its ID.
func (c *CalendarSync) insertRemote(ctx context.Context, tx *sql.Tx, calendarID, uid string, o crm.CalendarObject, now time.Time) (string, error) {
	id := crm.NewID(now)
	if o.IsTask() {
		t := crm.Task{ID: id, CalendarID: calendarID, TaskFields: o.Task, UID: uid, OriginalTZID: o.OriginalTZID,
			Zones: o.Zones, Version: 1, CreatedAt: now, UpdatedAt: now}
		c.taskInstants(&t)
		return id, insertTaskTx(ctx, tx, t, nil, false)
	}
	e := crm.Event{ID: id, CalendarID: calendarID, EventFields: o.Event, UID: uid, OriginalTZID: o.OriginalTZID,
		Zones: o.Zones, Version: 1, CreatedAt: now, UpdatedAt: now}
	c.eventInstants(&e)
	return id, insertEventTx(ctx, tx, e, nil, false)
}

// writeRemote changes an existing meeting or task as the server says,
// without journalling: undelete, new fields, tombstone.
func (c *CalendarSync) writeRemote(ctx context.Context, tx *sql.Tx, kind, id string, dec crm.RemoteDecision[crm.CalendarObject], now time.Time) error {
	if kind == crm.EntityTask {
		cur, err := readTaskTx(ctx, tx, id)
		if err != nil {
			return err
		}
		if dec.Undelete && cur.DeletedAt != nil {
			if cur, err = setTaskDeletedTx(ctx, tx, id, false, 0, now, false); err != nil {
				return err
			}
		}
		if dec.WriteFields {
			next := cur
			next.TaskFields = dec.Fields.Task
			// Links to contacts, companies and deals live only here.
			next.ContactID, next.CompanyID, next.DealID = cur.ContactID, cur.CompanyID, cur.DealID
			next.OriginalTZID, next.Zones = dec.Fields.OriginalTZID, dec.Fields.Zones
			next.Version, next.UpdatedAt = cur.Version+1, now
			c.taskInstants(&next)
			if err := updateTaskTx(ctx, tx, next, nil, false); err != nil {
				return err
			}
		}
		if dec.Tombstone && cur.DeletedAt == nil {
			_, err := setTaskDeletedTx(ctx, tx, id, true, 0, now, false)
			return err
		}
		return nil
	}
	cur, err := readEventTx(ctx, tx, id)
	if err != nil {
		return err
	}
	if dec.Undelete && cur.DeletedAt != nil {
		if cur, err = setEventDeletedTx(ctx, tx, id, false, 0, now, false); err != nil {
			return err
		}
	}
	if dec.WriteFields {
		next := cur
		next.EventFields = dec.Fields.Event
		next.OriginalTZID, next.Zones = dec.Fields.OriginalTZID, dec.Fields.Zones
		next.Version, next.UpdatedAt = cur.Version+1, now
		c.eventInstants(&next)
		if err := updateEventTx(ctx, tx, next, nil, false); err != nil {
			return err
		}
	}
	if dec.Tombstone && cur.DeletedAt == nil {
		_, err := setEventDeletedTx(ctx, tx, id, true, 0, now, false)
		return err
	}
	return nil
}

// tombstoneItemTx deletes a meeting or task locally without journalling.
func tombstoneItemTx(ctx context.Context, tx *sql.Tx, kind, id string, now time.Time) error {
	var err error
	if kind == crm.EntityTask {
		_, err = setTaskDeletedTx(ctx, tx, id, true, 0, now, false)
	} else {
		_, err = setEventDeletedTx(ctx, tx, id, true, 0, now, false)
	}
	if crm.ErrorCode(err) == crm.CodeNotFound {
		return nil // deleted already
	}
	return err
}

// eventInstants fills in a meeting's instants. A meeting whose times
// cannot be read (an unknown zone, a rule that does not parse) is still
// kept, from its start read as UTC and with no end to its series, so it is
// never lost; the calendar reports it when it cannot expand it.
func (c *CalendarSync) eventInstants(e *crm.Event) {
	if c.times != nil && c.times.EventInstants(e) == nil {
		return
	}
	e.StartUTC, e.EndUTC, e.SeriesEndUTC = parseWall(e.Start), parseWall(e.End), nil
	if e.EndUTC.Before(e.StartUTC) {
		e.EndUTC = e.StartUTC
	}
}

// taskInstants fills in a task's due instant (nil when it cannot be read).
func (c *CalendarSync) taskInstants(t *crm.Task) {
	if c.times != nil && c.times.TaskInstants(t) == nil {
		return
	}
	t.DueUTC = nil
	if t.Due != "" {
		d := parseWall(t.Due)
		t.DueUTC = &d
	}
}

// parseWall reads a wall clock or a date as if in UTC (zero if neither).
func parseWall(s string) time.Time {
	for _, layout := range []string{crm.LocalDateTimeLayout, crm.LocalDateLayout} {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	return time.Time{}
}

// putCalendarLink inserts l for a record of kind, replacing any other link
// of the same record or href.
func putCalendarLink(ctx context.Context, tx *sql.Tx, l crm.RemoteLink, kind string) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM calendar_links WHERE item_id = ? OR (collection_id = ? AND href = ?)`,
		l.ItemID, l.CollectionID, l.Href); err != nil {
		return fmt.Errorf("store: replace calendar link of %s: %w", l.ItemID, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO calendar_links (`+calendarLinkColumns+`, item_kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		l.CollectionID, l.Href, l.ItemID, l.UID, l.ETag, l.Base, l.Creating, kind); err != nil {
		return fmt.Errorf("store: link %s %s to %s: %w", kind, l.ItemID, l.Href, err)
	}
	return nil
}

// calendarLinkOf returns the link of a meeting or task, or nil.
func calendarLinkOf(ctx context.Context, q queryRower, id string) (*calendarLink, error) {
	l, err := scanCalendarLink(q.QueryRowContext(ctx, `SELECT `+calendarLinkColumns+`, item_kind FROM calendar_links WHERE item_id = ?`, id))
	return optionalRow(l, err, "read calendar link of "+id)
}

// PendingPushes returns up to limit meetings and tasks with unsent changes
// that the collection uploads: those linked to it, and those never
// uploaded whose calendar is tied to it (withUnlinked is not needed: a
// calendar collection has its own local calendar). A record linked to the
// collection whose calendar is no longer tied to it (moved to another
// calendar) comes as deleted with UpTo 0: its object here is removed,
// while its changes stay for the calendar it went to. They come in the
// order of their oldest unsent change, starting after the journal row after.
func (c *CalendarSync) PendingPushes(ctx context.Context, collectionID string, _ bool, after int64, limit int) ([]crm.PendingPush[crm.CalendarObject], error) {
	rows, err := c.d.db.QueryContext(ctx, `SELECT j.entity_id, max(j.seq), min(j.seq) FROM journal j
		LEFT JOIN calendar_links l ON l.item_id = j.entity_id
		LEFT JOIN events e ON j.entity = 'event' AND e.id = j.entity_id
		LEFT JOIN tasks t ON j.entity = 'task' AND t.id = j.entity_id
		LEFT JOIN calendars k ON k.id = coalesce(e.calendar_id, t.calendar_id)
		WHERE j.entity IN ('event', 'task') AND j.state <> 'sent'
		AND (l.collection_id = ?1 OR (l.collection_id IS NULL AND k.collection_id = ?1))
		GROUP BY j.entity, j.entity_id HAVING min(j.seq) > ?2 ORDER BY min(j.seq) LIMIT ?3`, collectionID, after, limit)
	return collectPushes(rows, err, func(id string, upTo int64) (crm.PendingPush[crm.CalendarObject], error) {
		return c.pendingPush(ctx, id, upTo)
	})
}

// PendingPush returns one meeting's or task's unsent state; UpTo is 0 when
// it has no unsent change.
func (c *CalendarSync) PendingPush(ctx context.Context, id string) (crm.PendingPush[crm.CalendarObject], error) {
	kind, err := itemKind(ctx, c.d.db, id)
	if err != nil {
		return crm.PendingPush[crm.CalendarObject]{}, err
	}
	seq, err := itemPendingUpTo(ctx, c.d.db, kind, id)
	if err != nil {
		return crm.PendingPush[crm.CalendarObject]{}, err
	}
	return c.pendingPush(ctx, id, seq)
}

func (c *CalendarSync) pendingPush(ctx context.Context, id string, upTo int64) (crm.PendingPush[crm.CalendarObject], error) {
	p := crm.PendingPush[crm.CalendarObject]{UpTo: upTo}
	kind, err := itemKind(ctx, c.d.db, id)
	if err != nil {
		return p, err
	}
	if p.Record, err = readCalendarRecord(ctx, c.d.db, kind, id); err != nil {
		return p, err
	}
	link, err := calendarLinkOf(ctx, c.d.db, id)
	if err != nil {
		return p, err
	}
	if link != nil {
		p.Link = &link.RemoteLink
		moved, err := movedAway(ctx, c.d.db, kind, id, link.CollectionID)
		if err != nil {
			return p, err
		}
		if moved && p.Record.DeletedAt == nil {
			now := c.d.clock.Now()
			p.Record.DeletedAt, p.UpTo = &now, 0
		}
	}
	if p.Link == nil || p.Link.Base == nil {
		table, what := "events", "event"
		if kind == crm.EntityTask {
			table, what = "tasks", "task"
		}
		if p.Source, err = readCard(ctx, c.d.db, table, what, id); err != nil {
			return p, err
		}
	}
	p.Conflicts, err = conflictsOf(ctx, c.d.db, id)
	return p, err
}

// movedAway reports whether a record linked to collectionID now sits in a
// calendar tied to another collection, or to none.
func movedAway(ctx context.Context, q queryRower, kind, id, collectionID string) (bool, error) {
	table := "events"
	if kind == crm.EntityTask {
		table = "tasks"
	}
	var coll sql.NullString
	err := q.QueryRowContext(ctx, `SELECT k.collection_id FROM `+table+` x JOIN calendars k ON k.id = x.calendar_id
		WHERE x.id = ?`, id).Scan(&coll)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return false, fmt.Errorf("store: read the calendar of %s: %w", id, err)
	}
	return coll.String != collectionID, nil
}

// BeginCreate records, before the first upload, where a meeting or task is
// about to be created on the server.
func (c *CalendarSync) BeginCreate(ctx context.Context, l crm.RemoteLink) error {
	l.Creating = true
	return c.d.inTx(ctx, func(tx *sql.Tx) error {
		kind, err := itemKind(ctx, tx, l.ItemID)
		if err != nil {
			return err
		}
		return putCalendarLink(ctx, tx, l, kind)
	})
}

// CompletePush records a finished upload: the record's new link (nil when
// its object is gone from the server) and its journal rows up to upTo as
// sent.
func (c *CalendarSync) CompletePush(ctx context.Context, id string, upTo int64, link *crm.RemoteLink) error {
	return c.d.inTx(ctx, func(tx *sql.Tx) error {
		kind, err := itemKind(ctx, tx, id)
		if err != nil {
			return err
		}
		if link == nil {
			if _, err := tx.ExecContext(ctx, `DELETE FROM calendar_links WHERE item_id = ?`, id); err != nil {
				return fmt.Errorf("store: unlink %s: %w", id, err)
			}
		} else {
			l := *link
			l.ItemID = id
			if err := putCalendarLink(ctx, tx, l, kind); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE journal SET state = 'sent', last_error = '' WHERE entity = ?
			AND entity_id = ? AND seq <= ? AND state <> 'sent'`, kind, id, upTo); err != nil {
			return fmt.Errorf("store: mark changes of %s sent: %w", id, err)
		}
		return nil
	})
}

// FailPush records a failed upload on the record's journal rows up to upTo.
func (c *CalendarSync) FailPush(ctx context.Context, id string, upTo int64, errText string) error {
	_, err := c.d.db.ExecContext(ctx, `UPDATE journal SET state = 'failed', attempts = attempts + 1, last_error = ?
		WHERE entity IN ('event', 'task') AND entity_id = ? AND seq <= ? AND state <> 'sent'`, errText, id, upTo)
	if err != nil {
		return fmt.Errorf("store: record failed upload of %s: %w", id, err)
	}
	return nil
}

// AddCollections adds collections (address books or calendars picked
// later) to an existing account.
func (d *DB) AddCollections(ctx context.Context, accountID string, cols []crm.Collection) error {
	return d.inTx(ctx, func(tx *sql.Tx) error {
		for _, c := range cols {
			c.AccountID = accountID
			if err := insertCollection(ctx, tx, c); err != nil {
				return err
			}
		}
		return nil
	})
}
